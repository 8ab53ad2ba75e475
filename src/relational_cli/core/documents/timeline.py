"""A picture over time: how many reflections each week or month, how the weekly steps went,
the check-ins' answers, and how the top values changed from one values reflection to the
next. Numbers only: no judging, no scores, nothing read into what people wrote."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from relational_cli.core.documents.plan import top_values
from relational_cli.core.journal.fileformat import Reflection
from relational_cli.core.journal.indexing import Progress
from relational_cli.core.journal.journal import Journal, Warn
from relational_cli.core.journal.query import Query
from relational_cli.core.packs import known

PERIODS = 12
"""How many weeks or months are shown unless --since says otherwise."""


@dataclass(frozen=True)
class Step:
    id: str
    day: str
    step: str
    outcome: str | None
    """As the next weekly step said when it looked back (None: not looked back on yet)."""


@dataclass(frozen=True)
class Values:
    id: str
    day: str
    top: list[str]
    added: list[str]
    dropped: list[str]


@dataclass(frozen=True)
class CheckIn:
    id: str
    day: str
    answers: dict[str, int | None]
    """Each of `known.CHECK_IN_SCALES` as answered (None: skipped), never added up."""


@dataclass
class Timeline:
    by: str
    periods: list[tuple[str, int]]
    steps: list[Step] = field(default_factory=list)
    values: list[Values] = field(default_factory=list)
    check_ins: list[CheckIn] = field(default_factory=list)
    since: date | None = None
    """The first day it shows."""


def period_of(day: date, by: str) -> str:
    """2026-11 for a month; 2026-W47 (ISO week) for a week."""
    if by == "month":
        return f"{day:%Y-%m}"
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def start(today: date, by: str) -> date:
    """The first day of the periods shown by default: the last twelve weeks or months."""
    if by == "week":
        return today - timedelta(weeks=PERIODS - 1, days=today.weekday())
    month = today.year * 12 + today.month - 1 - (PERIODS - 1)
    return date(month // 12, month % 12 + 1, 1)


def counts(created: Iterable[str], since: date, today: date, by: str) -> list[tuple[str, int]]:
    """Reflections per period from `since` to `today`, every period listed (empty ones too)."""
    counted = Counter(
        period_of(date.fromisoformat(stamp[:10]), by)
        for stamp in created
        if since.isoformat() <= stamp[:10] <= today.isoformat()
    )
    periods: list[tuple[str, int]] = []
    day = since
    while day <= today:
        name = period_of(day, by)
        if not periods or periods[-1][0] != name:
            periods.append((name, counted.get(name, 0)))
        day += timedelta(days=1)
    return periods


def steps(reflections: list[Reflection]) -> list[Step]:
    """Each weekly step (oldest first) with how it went, said by the step after it."""
    result = []
    for number, reflection in enumerate(reflections):
        later = reflections[number + 1] if number + 1 < len(reflections) else None
        result.append(
            Step(
                reflection.id,
                reflection.created[:10],
                reflection.title,
                known.step_outcome(later),
            )
        )
    return result


def check_ins(reflections: list[Reflection]) -> list[CheckIn]:
    """Each check-in (oldest first) with its three answers as they were given."""
    found = []
    for reflection in reflections:
        said = reflection.answer_map()
        answers: dict[str, int | None] = {}
        for scale in known.CHECK_IN_SCALES:
            value = said.get(scale)
            number = value if isinstance(value, int) and not isinstance(value, bool) else None
            answers[scale] = number
        found.append(CheckIn(reflection.id, reflection.created[:10], answers))
    return found


def values(reflections: list[Reflection]) -> list[Values]:
    """Each values reflection's top values (oldest first), with what came in and went out
    since the one before."""
    result: list[Values] = []
    before: list[str] | None = None
    for reflection in reflections:
        top = top_values(reflection)
        added = [v for v in top if before is not None and v not in before]
        dropped = [v for v in before or [] if v not in top]
        result.append(Values(reflection.id, reflection.created[:10], top, added, dropped))
        before = top
    return result


def outcomes(found: list[Step]) -> list[tuple[str, int]]:
    """How many weekly steps went each way: every choice the step asks (none left out, a
    nought too), then any other word an older pack kept, then those not looked back on yet
    (under None). Counts of what was chosen, never added up into a score."""
    said = Counter(step.outcome for step in found)
    kinds: list[str | None] = [*known.STEP_OUTCOMES]
    kinds += sorted(o for o in said if o is not None and o not in known.STEP_OUTCOMES)
    return [(kind or "", said.get(kind, 0)) for kind in [*kinds, None] if kind or said.get(None)]


def timeline(
    journal: Journal,
    by: str,
    since: date | None,
    today: date,
    warn: Warn | None = None,
    progress: Progress | None = None,
) -> Timeline:
    """Reflections each week or month from `since` (else the last twelve), how the weekly
    steps went, the check-ins' answers, and how the top values changed. A `since` long ago
    starts at the first reflection after it (not with years of empty rows); reflections
    dated in the future (a clock that was wrong, another device) are counted, the periods
    running on to them."""
    first = since or start(today, by)
    shown = journal.query(Query(since=first), warn, progress)
    days = sorted(row.created[:10] for row in shown.rows)
    if since is not None:  # at the first reflection, or twelve periods back if that is later
        earliest = date.fromisoformat(days[0]) if days else today
        first = max(since, min(earliest, start(today, by)))
    last = max(today, date.fromisoformat(days[-1])) if days else today

    def since_first(exercise: str) -> list[Reflection]:
        """The reflections of `exercise` in the picture, oldest first (through the index)."""
        rows = journal.query(Query(exercise=exercise, since=first)).rows
        return [journal.load(row.path) for row in reversed(rows)]

    return Timeline(
        by,
        counts([row.created for row in shown.rows], first, last, by),
        steps(since_first(known.STEP)),
        values(since_first(known.VALUES)),
        check_ins(since_first(known.CHECK_IN)),
        since=first,
    )
