"""Reminders without a background process: an iCalendar file the person's own calendar keeps.

A weekly check-in for the current small step — on the day and at the time its anchor names
("After I make my Sunday coffee" gives Sunday), else on a day the person picks — and the day
the self-care plan said to look at it again, with a reminder at 9:00 that day. The file holds
none of the person's words (a calendar often syncs to a service), and its events keep the
same ids with a higher SEQUENCE, so importing a newer file updates them instead of adding
more. The check-in is in the computer's time zone (TZID, with its VTIMEZONE), so a calendar
elsewhere shows it at the right hour; where the computer names none, it is at that clock time
wherever the calendar is (floating), and the person is told.

The VTIMEZONE lists every change of the zone's clocks from the check-in's start to ZONE_UNTIL,
one RDATE line each, read from Python's own zone data (so a zone whose rules are not a simple
yearly pattern is right too). Each change's DTSTART and RDATEs are the wall-clock time *before*
the change (RFC 5545 §3.6.5: a DAYLIGHT onset at 02:00, the time in TZOFFSETFROM), which is
how vobject and dateutil, ics-py and Outlook read them. icalendar's own helper stops in 2037,
writes a spring onset at the time after it, and puts the dates on one comma-separated line,
of which vobject keeps only the first.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from relational_cli import messages
from relational_cli.core.errors import UserError
from relational_cli.core.journal.fileformat import Reflection
from relational_cli.core.journal.journal import Journal
from relational_cli.core.packs import known

if TYPE_CHECKING:
    from icalendar import Event, Timezone, TimezoneDaylight, TimezoneStandard

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_TIME = time(18, 0)
CHECK_IN_ID = "weekly-step-check-in@relational"
PLAN_REVIEW_ID = "self-care-plan-review@relational"
CHECK_IN = messages.plan.CHECK_IN_EVENT
SHORT_DAYS = {"tues": 1, "tue": 1, "weds": 2, "thurs": 3, "thur": 3, "thu": 3}
"""Short names people write; "sun", "sat", "wed" and "mon" are words too, so are not read."""
_DAY = re.compile(r"\b(" + "|".join([*WEEKDAYS, *SHORT_DAYS]) + r")s?\b")
ZONE_UNTIL = 2200
"""The VTIMEZONE lists the zone's changes up to this year; the check-in repeats for ever, and a
calendar keeps the last change's offset after it."""
SEQUENCE_FROM = datetime(2026, 1, 1, tzinfo=timezone.utc)
"""SEQUENCE counts seconds from here: higher for every later export, and within RFC 5545's
signed 32-bit integer until 2094."""
SEQUENCE_MAX = 2**31 - 1
REVIEW_ALARM = timedelta(hours=9)
"""The plan's review day is a whole day; its reminder comes at 9:00 that day."""
_CLOCK = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)|\b(\d{1,2})[:.](\d{2})\b")
_PARTS_OF_DAY = {
    "morning": time(9, 0),
    "breakfast": time(8, 0),
    "lunch": time(12, 30),
    "lunchtime": time(12, 30),
    "noon": time(12, 0),
    "afternoon": time(15, 0),
    "dinner": time(18, 30),
    "evening": time(19, 0),
    "tonight": time(20, 0),
    "bedtime": time(21, 30),
    "night": time(21, 0),
}
_PART = re.compile(r"\b(" + "|".join(_PARTS_OF_DAY) + r")\b")


@dataclass(frozen=True)
class CheckIn:
    weekday: int
    """0 is Monday."""
    at: time


def day_named(text: str) -> int | None:
    """The weekday a text names ("after my Sunday coffee"), 0 for Monday; None if none."""
    match = _DAY.search(text.lower())
    if match is None:
        return None
    name = match.group(1)
    return SHORT_DAYS[name] if name in SHORT_DAYS else WEEKDAYS.index(name)


def time_named(text: str) -> time | None:
    """The time of day a text names: "7pm", "19:30", "7.30 am", or "morning", "evening"…"""
    lower = text.lower()
    match = _CLOCK.search(lower)
    if match:
        if match.group(3):
            hour, minute = int(match.group(1)), int(match.group(2) or 0)
            hour = hour % 12 + (12 if match.group(3).startswith("p") else 0)
        else:
            hour, minute = int(match.group(4)), int(match.group(5))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    parts = _PART.findall(lower)
    if "noon" in parts:  # "after lunch at noon": the exact time wins over the meal
        return _PARTS_OF_DAY["noon"]
    return _PARTS_OF_DAY[parts[0]] if parts else None


def step_words(step: Reflection) -> str:
    """The words of a step that can say when it happens: its anchor, then its if-then plan."""
    answers = step.answer_map()
    return " ".join(str(answers.get(key) or "") for key in known.STEP_WHEN)


def next_on(weekday: int, at: time, now: datetime) -> datetime:
    """The first time on `weekday` at `at` after `now` (floating: the calendar's own time)."""
    days = (weekday - now.weekday()) % 7
    start = datetime.combine(now.date() + timedelta(days=days), at)
    if start <= now.replace(tzinfo=None):
        start += timedelta(days=7)
    return start


def local_zone(environ: Mapping[str, str]) -> str | None:
    """The name of the computer's time zone (`Europe/London`): TZ, else the zone file
    /etc/localtime points to, else /etc/timezone; None when none is known (or not one
    Python knows)."""
    import os
    import zoneinfo

    found = environ.get("TZ", "").removeprefix(":")
    if not found:
        with contextlib.suppress(OSError):
            found = os.readlink("/etc/localtime").partition("zoneinfo/")[2]
    if not found:
        with contextlib.suppress(OSError):
            found = Path("/etc/timezone").read_text(encoding="utf-8").strip()
    try:
        zoneinfo.ZoneInfo(found)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return None
    return found


def sequence(now: datetime, before: int | None = None) -> int:
    """The SEQUENCE of an export at `now`: the seconds since SEQUENCE_FROM, and always more
    than `before` (the SEQUENCE of the file it replaces, for two exports in one second or a
    clock set back) — within RFC 5545's 32-bit integer."""
    seconds = int((now.astimezone(timezone.utc) - SEQUENCE_FROM).total_seconds())
    if before is not None:
        seconds = max(seconds, before + 1)
    return min(max(seconds, 0), SEQUENCE_MAX)


def sequence_in(path: Path) -> int | None:
    """The highest SEQUENCE in a calendar file written before (None: no such file, or none;
    only a regular file is read, never a FIFO that would wait)."""
    if not path.is_file():
        return None
    try:
        with path.open("rb") as file:
            text = file.read(1_000_000)
    except OSError:
        return None
    found = [int(number) for number in re.findall(rb"^SEQUENCE:(\d{1,10})\r?$", text, re.M)]
    return max(found, default=None)


def changes(zone: str, since: datetime, until: int = ZONE_UNTIL) -> list[tuple[datetime, datetime]]:
    """Every change of `zone`'s clocks from `since` to the end of the year before `until`, as
    (the instant in UTC, the zone's time just after it)."""
    import zoneinfo

    tz = zoneinfo.ZoneInfo(zone)

    def state(moment: datetime) -> tuple[object, ...]:
        local = moment.astimezone(tz)
        return (local.utcoffset(), local.dst(), local.tzname())

    found: list[tuple[datetime, datetime]] = []
    step = timedelta(days=7)  # no zone changes its clocks twice in a week
    end = datetime(until, 1, 1, tzinfo=timezone.utc)
    moment = since.astimezone(timezone.utc)
    before = state(moment)
    while moment < end:
        after_moment = moment + step
        after = state(after_moment)
        if after != before:
            low, high = moment, after_moment  # the change is after low, at or before high
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                low, high = (low, middle) if state(middle) != before else (middle, high)
            found.append((high, high.astimezone(tz)))
            before = state(high)
            after_moment = high
        moment = after_moment
    return found


def vtimezone(zone: str, since: datetime, until: int = ZONE_UNTIL) -> Timezone:
    """The zone as an `icalendar.Timezone`: what is in force at `since` (a naive local time),
    then every change to `until`, one RDATE line each at the wall-clock time before it."""
    import zoneinfo

    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    tz = zoneinfo.ZoneInfo(zone)
    first = since.replace(tzinfo=tz)
    offset = first.utcoffset() or timedelta(0)
    observances: dict[tuple[object, ...], TimezoneDaylight | TimezoneStandard] = {}

    def observe(onset: datetime, was: timedelta, local: datetime) -> None:
        now_offset = local.utcoffset() or timedelta(0)
        daylight = (local.dst() or timedelta(0)) > timedelta(0)  # Dublin: winter is -1h
        key = (was, now_offset, daylight, local.tzname())
        if key in observances:
            observances[key].add("rdate", onset)
            return
        part = TimezoneDaylight() if daylight else TimezoneStandard()
        part.add("dtstart", onset)
        part.add("tzoffsetfrom", was)
        part.add("tzoffsetto", now_offset)
        if local.tzname():
            part.add("tzname", local.tzname())
        observances[key] = part

    observe(first.replace(tzinfo=None), offset, first)
    for instant, local in changes(zone, first, until):
        was = offset
        offset = local.utcoffset() or timedelta(0)
        observe((instant + was).replace(tzinfo=None), was, local)
    component = Timezone()
    component.add("tzid", zone)
    for part in observances.values():
        component.add_component(part)
    return component


def calendar(
    check_in: CheckIn | None,
    review: date | None,
    now: datetime,
    zone: str | None = None,
    before: int | None = None,
) -> bytes:
    """An iCalendar file with a weekly check-in (in `zone`, else floating) and the plan's
    review day (either may be missing, not both); `before` is the SEQUENCE of the file it
    replaces, if any."""
    from icalendar import Alarm, Calendar

    cal = Calendar()
    cal.add("prodid", "-//relational//reminders//EN")
    cal.add("version", "2.0")
    stamp = now.astimezone(timezone.utc)
    number = sequence(now, before)
    if check_in is not None:
        event = _event(
            CHECK_IN_ID,
            stamp,
            number,
            CHECK_IN,
            messages.plan.CHECK_IN_EVENT_ABOUT,
        )
        start = next_on(check_in.weekday, check_in.at, now)
        if zone is not None:
            import zoneinfo

            cal.add_component(vtimezone(zone, datetime.combine(start.date(), time(0))))
            start = start.replace(tzinfo=zoneinfo.ZoneInfo(zone))
        event.add("dtstart", start)
        event.add("duration", timedelta(minutes=15))
        event.add("rrule", {"freq": "weekly"})
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", CHECK_IN)
        alarm.add("trigger", timedelta(0))
        event.add_component(alarm)
        cal.add_component(event)
    if review is not None:
        event = _event(
            PLAN_REVIEW_ID,
            stamp,
            number,
            messages.plan.REVIEW_EVENT,
            messages.plan.REVIEW_EVENT_ABOUT,
        )
        event.add("dtstart", review)
        event.add("dtend", review + timedelta(days=1))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", messages.plan.REVIEW_EVENT)
        alarm.add("trigger", REVIEW_ALARM)  # from the start of the day
        event.add_component(alarm)
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def _event(uid: str, stamp: datetime, number: int, summary: str, description: str) -> Event:
    """An event with the fields every event here has (an `icalendar.Event`)."""
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("sequence", number)  # higher each time: an update
    event.add("summary", summary)
    event.add("description", description)
    return event


@dataclass(frozen=True)
class Reminders:
    """A calendar file written, and what it holds."""

    target: Path
    check_in: CheckIn | None
    review: date | None
    passed: date | None = None
    """The plan's day to look at it again, when it has passed (so it is left out)."""
    zone: str | None = None
    """The time zone of the check-in; None: floating (at that clock time wherever)."""
    day_of_setting: bool = False
    """The step names no day and none could be asked: the check-in is on the day it was set."""


def parse_day(day: str) -> int:
    """--day as typed (sunday, Sundays): 0 for Monday."""
    name = day.lower().rstrip("s")
    if name not in WEEKDAYS:
        raise UserError(messages.plan.not_a_day(day))
    return WEEKDAYS.index(name)


def parse_time(at: str) -> time:
    """--time as typed (18:30)."""
    try:
        hour, minute = (int(part) for part in at.split(":"))
        return time(hour, minute)
    except ValueError:
        raise UserError(messages.plan.not_a_time(at)) from None


def make(
    journal: Journal,
    now: datetime,
    target: Path,
    weekday: int | None = None,
    at: time | None = None,
    pick_day: Callable[[int], int | None] | None = None,
    zone: str | None = None,
) -> Reminders:
    """Write the calendar: a weekly check-in for the latest small step — on `weekday`, else
    the day its words name, else the day `pick_day` picks (given the day the step was set),
    else that day — and the latest plan's day to look at it again, if it is still to come."""
    from relational_cli.core.documents import plan as plans

    step = journal.latest_of(known.STEP)
    made = journal.latest_of(known.PLAN)
    review = plans.review_date(made) if made else None
    passed = review if review is not None and review < now.date() else None
    review = None if passed else review
    check_in, assumed = None, False
    if step is not None:
        words = step_words(step)
        day = weekday if weekday is not None else day_named(words)
        if day is None:
            set_on = _weekday_of(step, now)
            day = pick_day(set_on) if pick_day else None
            assumed = day is None
            day = set_on if day is None else day
        check_in = CheckIn(day, at or time_named(words) or DEFAULT_TIME)
    if check_in is None and review is None:
        raise UserError(messages.plan.NOTHING_TO_REMIND)
    try:
        journal.storage.write_document(
            target,
            calendar(check_in, review, now, zone, sequence_in(target)).decode("utf-8"),
            sealed=False,
        )  # none of their words: a calendar app reads it
    except OSError as exc:
        raise UserError(messages.general.could_not_write(target, exc)) from None
    return Reminders(target, check_in, review, passed, zone=zone, day_of_setting=assumed)


def _weekday_of(step: Reflection, now: datetime) -> int:
    """The day of the week a step was set (today, if its date cannot be read)."""
    try:
        return datetime.fromisoformat(step.created).weekday()
    except ValueError:
        return now.weekday()
