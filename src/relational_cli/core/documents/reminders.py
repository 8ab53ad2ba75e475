"""Reminders without a background process: an iCalendar file the person's own calendar keeps.

A weekly check-in for the current small step — on the day and at the time its anchor names
("After I make my Sunday coffee" gives Sunday), else on a day the person picks — and the day
the self-care plan said to look at it again. The file holds none of the person's words (a
calendar often syncs to a service), and its events keep the same ids, so importing a newer
file updates them instead of adding more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from relational_cli.core.journal.fileformat import Reflection

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DEFAULT_TIME = time(18, 0)
CHECK_IN_ID = "weekly-step-check-in@relational"
PLAN_REVIEW_ID = "self-care-plan-review@relational"
CHECK_IN = "Check in on this week's small step"
_DAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")s?\b")
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
    return WEEKDAYS.index(match.group(1)) if match else None


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
    part = _PART.search(lower)
    return _PARTS_OF_DAY[part.group(1)] if part else None


def step_words(step: Reflection) -> str:
    """The words of a step that can say when it happens: its anchor, then its if-then plan."""
    answers = step.answer_map()
    return " ".join(str(answers.get(key) or "") for key in ("anchor", "if_then"))


def next_on(weekday: int, at: time, now: datetime) -> datetime:
    """The first time on `weekday` at `at` after `now` (floating: the calendar's own time)."""
    days = (weekday - now.weekday()) % 7
    start = datetime.combine(now.date() + timedelta(days=days), at)
    if start <= now.replace(tzinfo=None):
        start += timedelta(days=7)
    return start


def calendar(check_in: CheckIn | None, review: date | None, now: datetime) -> bytes:
    """An iCalendar file with a weekly check-in and the plan's review day (either may be
    missing, not both)."""
    from icalendar import Alarm, Calendar

    cal = Calendar()
    cal.add("prodid", "-//relational//reminders//EN")
    cal.add("version", "2.0")
    stamp = now.astimezone(timezone.utc)
    if check_in is not None:
        event = _event(
            CHECK_IN_ID,
            stamp,
            CHECK_IN,
            "How did it go? `relational reflect weekly-step` looks back at it with you and"
            " helps you choose the next one.",
        )
        start = next_on(check_in.weekday, check_in.at, now)
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
            "Look again at my self-care plan",
            "`relational plan` offers every answer of your last plan again, to keep or change.",
        )
        event.add("dtstart", review)
        event.add("dtend", review + timedelta(days=1))
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def _event(uid: str, stamp: datetime, summary: str, description: str) -> Any:
    """An event with the fields every event here has (an `icalendar.Event`)."""
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("description", description)
    return event
