"""Which reflections a person asks for: by exercise, days and tags, up to a limit.

One `Query` serves review today, and search, timeline and export as they come: they all ask
the same question of the journal and differ only in how they show the answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Generic, NamedTuple, Protocol, TypeVar

from relational_cli import messages
from relational_cli.core.errors import UserError

if TYPE_CHECKING:
    pass


class Listed(Protocol):
    """What a query looks at: the front matter of a reflection."""

    @property
    def id(self) -> str: ...

    @property
    def exercise(self) -> str: ...

    @property
    def created(self) -> str: ...

    @property
    def tags(self) -> tuple[str, ...]: ...


Row = TypeVar("Row", bound=Listed)


class Page(Generic[Row]):
    """The rows a query found, and whether its limit left more out. (A plain class: a
    NamedTuple cannot be generic before Python 3.11.)"""

    __slots__ = ("filtered", "limit", "more", "outcomes", "rows")

    def __init__(
        self,
        rows: list[Row],
        more: bool = False,
        filtered: bool = False,
        outcomes: dict[str, str | None] | None = None,
        limit: int | None = None,
    ) -> None:
        self.rows = rows
        self.more = more
        self.filtered = filtered
        """Whether the query narrowed anything (to tell "none match" from "none yet")."""
        self.outcomes = outcomes
        """For weekly steps: how each step went, by id (`relational review --format json`)."""
        self.limit = limit
        """The query's limit, to say how many were shown when it left some out."""

    def __repr__(self) -> str:
        return f"Page({self.rows!r}, more={self.more}, filtered={self.filtered})"

    def with_outcomes(self, outcomes: dict[str, str | None]) -> Page[Row]:
        return Page(self.rows, self.more, self.filtered, outcomes, self.limit)

    def with_limit(self, limit: int | None) -> Page[Row]:
        return Page(self.rows, self.more, self.filtered, self.outcomes, limit)


class Query(NamedTuple):
    exercise: str | None = None
    since: date | None = None
    until: date | None = None
    tags: tuple[str, ...] = ()
    """Every one of these tags must be on a reflection."""
    limit: int | None = None
    on_this_day: date | None = None
    """Only reflections written on this day of the year, in earlier years."""

    @property
    def filtered(self) -> bool:
        return bool(self.exercise or self.since or self.until or self.tags or self.on_this_day)

    def matches(self, row: Listed) -> bool:
        day = row.created[:10]
        return not (
            (self.exercise and row.exercise != self.exercise)
            or (self.since and day < self.since.isoformat())
            or (self.until and day > self.until.isoformat())
            or (self.tags and not set(self.tags) <= set(row.tags))
            or (
                self.on_this_day
                and (
                    day[5:] != self.on_this_day.isoformat()[5:]
                    or day[:4] >= self.on_this_day.isoformat()[:4]
                )
            )
        )

    def select(self, rows: Iterable[Row]) -> Page[Row]:
        """The matching rows in the order given, stopping once the limit is passed."""
        found: list[Row] = []
        for row in rows:
            if not self.matches(row):
                continue
            if self.limit is not None and len(found) == self.limit:
                return Page(found, more=True, filtered=self.filtered)
            found.append(row)
        return Page(found, filtered=self.filtered)


def day(value: str | None, option: str, today: date | None = None) -> date | None:
    """A day as a person types it, for `option`: a date (2026-11-21), or, given `today`, a
    phrase such as "last week", "yesterday" or "3 days ago" (read by parsedatetime)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    if today is not None:
        import parsedatetime

        calendar = parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)
        noon = datetime.combine(today, time(12))
        parsed, context = calendar.parseDT(value, sourceTime=noon)
        if context.hasDate:
            return parsed.date()  # type: ignore[no-any-return]
    raise UserError(messages.journal.not_a_day(option, value))
