"""Reading back, as the commands ask for it: review (a list, newest first) and search (newest
first) — each takes a query and returns what it found, for the command to show (the timeline,
reflections over time, is made in `documents/timeline.py`)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from relational_cli import messages
from relational_cli.core.errors import UserError, did_you_mean
from relational_cli.core.journal.indexing import Progress
from relational_cli.core.journal.journal import Journal, Warn
from relational_cli.core.journal.query import Listed, Page, Query, Row
from relational_cli.core.packs import known
from relational_cli.core.search import indexed

if TYPE_CHECKING:
    from pathlib import Path

    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.journal.summary import Summary
    from relational_cli.core.search.hits import Hit


def review(
    journal: Journal,
    query: Query,
    outcomes: bool = False,
    warn: Warn | None = None,
    progress: Progress | None = None,
) -> Page[Summary]:
    """The reflections that match, newest first; with `outcomes`, how each weekly step among
    them went (as the step after it said)."""
    page = journal.query(query, warn, progress)
    if not page.rows and query.exercise:
        check_exercise(journal, query.exercise)
    return (with_outcomes(journal, page) if outcomes else page).with_limit(query.limit)


def with_outcomes(journal: Journal, page: Page[Row]) -> Page[Row]:
    """`page`, with how each weekly step among its rows went."""
    asked = {row.id for row in page.rows if row.exercise == known.STEP}
    if not asked:
        return page
    steps: dict[str, Path] = {}  # by id, newest first
    for id, path in journal.reflections_of(known.STEP):
        steps[id] = path
        asked.discard(id)
        if not asked:  # the oldest asked about is here, and every step after it
            break
    found = step_outcomes(page.rows, list(steps), lambda id: journal.load(steps[id]))
    return page.with_outcomes(found)


def outcome_of(journal: Journal, reflection: Reflection) -> str | None:
    """How a weekly step went, as the step after it said (None for anything else, as in
    review): for `show --format json`."""
    page = with_outcomes(journal, Page(rows=[reflection]))
    return (page.outcomes or {}).get(reflection.id)


def step_outcomes(
    rows: Iterable[Listed], steps: list[str], said: Callable[[str], Reflection]
) -> dict[str, str | None]:
    """How each weekly step among `rows` went (Done, Partly, Not yet…), as the step after it
    said when it looked back; None for one not looked back on (the newest, or skipped).
    `steps` are the ids of every weekly step, newest first; `said` reads one, and only the
    ones right after `rows` are read."""
    after = {older: newer for newer, older in itertools.pairwise(steps)}
    return {
        row.id: known.step_outcome(said(after[row.id]) if row.id in after else None)
        for row in rows
        if row.exercise == known.STEP
    }


def search(
    journal: Journal,
    words: str,
    query: Query,
    warn: Warn | None = None,
    progress: Progress | None = None,
    outcomes: bool = False,
) -> Page[Hit]:
    """The reflections that hold every word, newest first; with `outcomes`, how each weekly
    step among them went."""
    page = indexed.search(journal, words, query, warn, progress)
    return (with_outcomes(journal, page) if outcomes else page).with_limit(query.limit)


def month_of(journal: Journal, today: date) -> list[tuple[str, str]]:
    """Each reflection over the last month, up to `today`, oldest first: its exercise and its
    title, a weekly step's with how it went, as the step after it said ("Call Inés on Sunday
    — Done"). Only titles and outcomes: never what was written."""
    page = with_outcomes(journal, journal.query(Query(since=month_before(today), until=today)))
    outcomes = page.outcomes or {}
    return [
        (row.exercise, f"{row.title} — {outcomes[row.id]}" if outcomes.get(row.id) else row.title)
        for row in reversed(page.rows)
    ]


def month_before(day: date) -> date:
    """The same day a month earlier (the month's last day, where that month is shorter)."""
    import calendar  # (with `locale`, a millisecond or two at every review and search)

    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check_exercise(journal: Journal, exercise: str) -> None:
    """An exercise no pack has, and no reflection either, is most likely a typo."""
    from relational_cli.core.packs.library import Library

    packs = [pack_file.path.stem for pack_file in Library(journal.home).files()]
    if exercise in packs:
        return
    written = {row.exercise for row in journal.summaries()}  # a pack since removed, say
    if exercise not in written:
        known_names = did_you_mean(exercise, [*packs, *sorted(written)])
        raise UserError(messages.journal.no_such_exercise(exercise, known_names))
