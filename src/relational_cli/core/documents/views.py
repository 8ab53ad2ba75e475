"""How reading back looks, without a screen: lines with a kind of emphasis, and tables of
words. The terminal (Rich, in `tui/screen`) and plain text for pipes and files (`cli/output`)
both draw from these, so the two never drift apart. A person's words are made visible
(control characters escaped) where they are drawn."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from relational_cli import messages
from relational_cli.core.journal.fileformat import answer_text
from relational_cli.messages.exercise import note_from
from relational_cli.messages.general import short_date

if TYPE_CHECKING:
    from relational_cli.core.documents.timeline import Timeline
    from relational_cli.core.journal.drafts import DamagedDraft, Draft
    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.journal.recovery import Kept
    from relational_cli.core.journal.summary import Summary
    from relational_cli.core.packs.library import Catalogue
    from relational_cli.core.packs.model import Pack
    from relational_cli.core.search.hits import Hit

TITLE, META, HEADING, ANSWER, QUIET, STRONG, HINT, PLAIN = (
    "title", "meta", "heading", "answer", "quiet", "strong", "hint", "",
)  # fmt: skip
"""Kinds of line: an ANSWER is set in by two spaces under its heading."""
BAR_WIDTH = 40
"""The longest bar of the timeline, in blocks."""


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    quiet: tuple[int, ...] = ()
    """Columns drawn quietly (dim), such as ids."""
    wraps: tuple[int, ...] = ()
    """Columns whose cells may wrap on a terminal; the others never do."""


def review_table(rows: list[Summary]) -> Table:
    found = [
        (
            short_date(row.created),
            row.exercise,
            row.title + (" (a sync conflict copy)" if row.conflict else ""),
            row.id,
        )
        for row in rows
    ]
    return Table(("Date", "Exercise", "Title", "Id"), found, quiet=(3,), wraps=(2,))


def search_table(hits: list[Hit]) -> Table:
    """The matches, each with the words around it (the match marked as the index marks it)."""
    found = [
        (short_date(hit.summary.created), hit.summary.title, hit.snippet, hit.summary.id)
        for hit in hits
    ]
    return Table(("Date", "Title", "Where", "Id"), found, quiet=(3,), wraps=(1, 2))


def drafts_table(drafts: list[Draft], damaged: list[DamagedDraft]) -> Table:
    rows = [(draft.exercise, short_date(draft.started), str(draft.answered)) for draft in drafts]
    rows += [(broken.exercise, "", "damaged: cannot be read") for broken in damaged]
    return Table(("Exercise", "Started", "Answered"), sorted(rows))


def kept_table(kept: list[Kept]) -> Table:
    """What the recovery folder keeps, each by what it is (read from inside: a locked
    journal's names say nothing), oldest first, under the name `relational recover` takes."""
    from relational_cli.messages.drafts import kept_kind

    rows = [
        (item.path.name, kept_kind(item.kind, item.exercise, item.reflection_id),
         short_date(item.when) if item.when else "")
        for item in kept
    ]  # fmt: skip
    return Table(("Name", "What", "Date"), rows, wraps=(1,))


def packs_table(catalogue: Catalogue) -> Table:
    """The exercises as the menu offers them, group by group; broken ones last."""
    from relational_cli.core.packs.library import group_of

    lines = [(p.id, p.title, group_of(p), str(p.minutes), pack_source(p)) for p in catalogue.menu]
    lines += sorted(
        (b.path.stem, f"broken: {b.problem}", "", "", "yours") for b in catalogue.broken
    )
    return Table(("Exercise", "Title", "Group", "Minutes", "Source"), lines, wraps=(1,))


def pack_source(pack: Pack) -> str:
    if pack.builtin:
        return "built-in"
    return "yours (replaces built-in)" if pack.replaces_builtin else "yours"


def pack_lines(pack: Pack) -> list[tuple[str, str]]:
    lines = [(f"{pack.title} ({pack.id}, about {pack.minutes} min)", STRONG), (pack.summary, "")]
    if pack.note_from:
        lines.append((f"{note_from(pack.note_from.name)} {pack.note_from.note}", ""))
    for number, prompt in enumerate((p for p in pack.prompts if p.asks), 1):
        lines.append((f"{number:>2}. [{prompt.type}] {prompt.id}: {prompt.text}", PLAIN))
    if pack.sources:  # what the exercise draws on: a clinician looks for it
        lines += [("", PLAIN), (messages.packs.SOURCES, STRONG)]
        lines += [(f"- {source}", PLAIN) for source in pack.sources]
    return lines


def reflection_lines(reflection: Reflection) -> list[tuple[str, str]]:
    """A reflection to read: its title, when and what, then each question and its answer."""
    lines = [
        (reflection.title, TITLE),
        (f"{short_date(reflection.created)} · {reflection.exercise} · {reflection.id}", META),
    ]
    for answer in reflection.answers:
        lines += [("", PLAIN), (answer.heading or answer.prompt_id, HEADING)]
        lines.append((shown_value(answer.value, answer.ranked), ANSWER))
    if reflection.skipped:
        lines += [("", PLAIN), (f"Skipped: {len(reflection.skipped)} question(s)", QUIET)]
    return lines


def shown_value(value: Any, ranked: bool = False) -> str:
    """An answer as it is shown: chosen values one to a line (a ranking's numbered); piles one
    to a line."""
    if isinstance(value, dict):
        return "\n".join(f"{name}: {', '.join(cards) or '—'}" for name, cards in value.items())
    if isinstance(value, list):
        return "\n".join(
            f"{n}. {item}" if ranked else f"- {item}" for n, item in enumerate(value, 1)
        )
    return answer_text(value)


def timeline_lines(picture: Timeline, plain: bool) -> list[tuple[str, str]]:
    """Reflections per period as bars (a number beside each, so nothing is told by length
    alone; in plain mode only the numbers), then the weekly steps and the values."""
    widest = max((n for _, n in picture.periods), default=0)
    scale = max(1, -(-widest // BAR_WIDTH))  # reflections per block, rounded up
    lines = [(f"Reflections each {picture.by}", STRONG)]
    for name, count in picture.periods:
        bar = "█" * -(-count // scale) + " " if count and not plain else ""
        lines.append((f"  {name}  {bar}{count}" if not plain else f"  {name}: {count}", PLAIN))
    if picture.steps:
        lines += [("", PLAIN), ("Your weekly steps, and how they went", STRONG)]
        for step in picture.steps:
            went = step.outcome or "not looked back on yet"
            lines.append((f"  {step.day}  {step.step} — {went}", PLAIN))
    if picture.values:
        lines += [("", PLAIN), ("Your top values", STRONG)]
        for change in picture.values:
            lines.append((f"  {change.day}  {', '.join(change.top) or '—'}", PLAIN))
            if change.added or change.dropped:
                moves = [f"new: {', '.join(change.added)}"] if change.added else []
                moves += [f"no longer: {', '.join(change.dropped)}"] if change.dropped else []
                lines.append((f"              {'; '.join(moves)}", QUIET))
    return lines
