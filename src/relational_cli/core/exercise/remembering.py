"""What a pack may show of other reflections: the previous one of its own (`{last:id}`), the
latest of another pack (`{values.ranked}`), and the titles written over the last month
(`{month:weekly-step}`). They ride along with the answers as remembered keys, for
placeholders and choices, and are never saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from relational_cli.core.exercise.session import Answers
from relational_cli.core.journal.fileformat import Reflection
from relational_cli.core.packs.model import EVERY_PACK, LAST, MONTH, Pack

if TYPE_CHECKING:
    from relational_cli.core.journal.journal import Journal


def last_time(previous: Reflection | None) -> Answers:
    """The answers of the previous reflection of the same pack, as `last:ID` keys for
    placeholders such as {last:wish}; empty when there is none."""
    if previous is None:
        return {}
    return {f"{LAST}{key}": value for key, value in previous.answer_map().items()}


def remembered(
    pack: Pack,
    latest_of: Callable[[str], Reflection | None],
    month_of: Callable[[], list[tuple[str, str]]] | None = None,
) -> Answers:
    """What the pack may show of other reflections: the previous one of its own (`last:ID`),
    the latest of each other pack it names (`PACK.ID`), and, given `month_of` (the month's
    reflections, each its exercise and title), the titles its notes list (`month:PACK`;
    `month:*` for every exercise the pack does not list by name)."""
    answers = last_time(latest_of(pack.id)) if pack.looks_back else {}
    for other in pack.remembers:
        latest = latest_of(other)
        if latest is not None:
            answers.update({f"{other}.{key}": v for key, v in latest.answer_map().items()})
    named = pack.looks_over_month
    month = month_of() if named and month_of else []
    for name in named:
        titles = [
            title
            for exercise, title in month
            if exercise == name or (name == EVERY_PACK and exercise not in named)
        ]
        if titles:
            answers[f"{MONTH}{name}"] = titles
    return answers


def month(journal: Journal, today: date) -> Callable[[], list[tuple[str, str]]]:
    """The month up to `today`, read from `journal` only when a pack lists it: each
    reflection's exercise and title, a weekly step's with how it went."""

    def titles() -> list[tuple[str, str]]:
        from relational_cli.core.search.reading_back import month_of

        return month_of(journal, today)

    return titles


def from_journal(pack: Pack, journal: Journal, today: date) -> Answers:
    """What `pack` may show of the reflections in `journal`, as of `today` (`remembered`)."""
    return remembered(pack, journal.latest_of, month(journal, today))
