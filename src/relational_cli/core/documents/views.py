"""How reading back looks, without a screen: lines with a kind of emphasis, and tables of
words. The terminal (Rich, in `tui/screen`) and plain text for pipes and files (`cli/output`)
both draw from these, so the two never drift apart. A person's words are made visible
(control characters escaped) where they are drawn."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from relational_cli import messages
from relational_cli.core.journal.fileformat import answer_text
from relational_cli.core.packs import known
from relational_cli.messages.exercise import note_from
from relational_cli.messages.general import short_date

if TYPE_CHECKING:
    from relational_cli.core.documents.timeline import CheckIn, Step, Timeline, Values
    from relational_cli.core.journal.drafts import DamagedDraft, Draft
    from relational_cli.core.journal.fileformat import Reflection, Value
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


class Table(NamedTuple):
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
            row.title + (messages.journal.SYNC_CONFLICT_COPY if row.conflict else ""),
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
    rows += [(broken.exercise, "", messages.journal.DAMAGED_DRAFT) for broken in damaged]
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
        return messages.journal.PACK_BUILTIN
    return (
        messages.journal.PACK_REPLACES_BUILTIN
        if pack.replaces_builtin
        else messages.journal.PACK_YOURS
    )


def pack_lines(pack: Pack) -> list[tuple[str, str]]:
    lines = [
        (messages.journal.PACK_HEADING.format(pack.title, pack.id, pack.minutes), STRONG),
        (pack.summary, ""),
    ]
    if pack.note_from:
        lines.append((f"{note_from(pack.note_from.name)} {pack.note_from.note}", ""))
    for number, prompt in enumerate((p for p in pack.prompts if p.asks), 1):
        lines.append((f"{number:>2}. [{prompt.type}] {prompt.id}: {prompt.text}", PLAIN))
    if pack.sources:  # what the exercise draws on: a clinician looks for it
        lines += [("", PLAIN), (messages.packs.SOURCES, STRONG)]
        lines += [(f"- {source}", PLAIN) for source in pack.sources]
    return lines


def reflection_lines(
    reflection: Reflection, plain: bool = False, width: int = 80
) -> list[tuple[str, str]]:
    """A reflection to read: its title, when and what, a map of relationships drawn as rings
    `width` wide at most (in plain mode, said in words), then each question and its answer."""
    lines = [
        (reflection.title, TITLE),
        (
            (messages.plain.META if plain else messages.screen.META).format(
                short_date(reflection.created), reflection.exercise, reflection.id
            ),
            META,
        ),
    ]
    if reflection.exercise == known.MAP:
        lines += map_lines(reflection, plain, width)
    for answer in reflection.answers:
        lines += [("", PLAIN), (answer.heading or answer.prompt_id, HEADING)]
        lines.append((shown_value(answer.value, answer.ranked), ANSWER))
    if reflection.skipped:
        lines += [("", PLAIN), (messages.journal.SKIPPED.format(len(reflection.skipped)), QUIET)]
    return lines


def map_lines(reflection: Reflection, plain: bool, width: int) -> list[tuple[str, str]]:
    """The people on a map, as rings (names as written, nothing else about them), or in
    plain mode a sentence; nothing when no one is on it."""
    from relational_cli.core.documents import relationship_map

    found = relationship_map.people(reflection.answer_map())
    if not found:
        return []
    words = messages.pictures
    if plain:
        return [("", PLAIN), (words.map_sentence(relationship_map.circles(found)), PLAIN)]
    drawn = relationship_map.rings(found, words.CIRCLES, words.YOU, width)
    return [("", PLAIN), *((line, PLAIN) for line in drawn)]


def shown_value(value: Value, ranked: bool = False) -> str:
    """An answer as it is shown: chosen values one to a line (a ranking's numbered); piles and
    pairs ("When I notice …, I will …") one to a line."""
    if isinstance(value, dict):
        return "\n".join(f"{name}: {', '.join(cards) or '—'}" for name, cards in value.items())
    if isinstance(value, tuple):
        return "\n".join(f"- {line}" for line in answer_text(value).splitlines())
    if isinstance(value, list):
        return "\n".join(
            f"{n}. {item}" if ranked else f"- {item}" for n, item in enumerate(value, 1)
        )
    return answer_text(value)


def timeline_lines(picture: Timeline, plain: bool) -> list[tuple[str, str]]:
    """Reflections per period as bars, the check-ins as sparklines and the weekly steps'
    follow-through as bars — each with its numbers beside it, so nothing is told by length or
    shape alone; in plain mode the numbers and sentences only — then the steps one by one and
    the values."""
    words = messages.pictures
    lines = [(words.reflections_each(picture.by), STRONG)]
    lines += _bars(picture.periods, plain)
    if picture.check_ins:
        lines += [("", PLAIN), (f"{words.CHECK_INS} ({words.CHECK_IN_KEY})", STRONG)]
        lines += _check_in_lines(picture.check_ins, plain)
    if picture.steps:
        lines += [("", PLAIN), (words.STEPS, STRONG)]
        lines += _step_lines(picture.steps, plain)
    if picture.values:
        lines += [("", PLAIN), (words.VALUES, STRONG)]
        lines += _value_lines(picture.values)
    return lines


def _check_in_lines(check_ins: list[CheckIn], plain: bool) -> list[tuple[str, str]]:
    """Each scale's answers over the check-ins: a sparkline and the numbers (in plain mode, a
    sentence), then how many check-ins, between which days."""
    from relational_cli.core.documents import charts

    words = messages.pictures
    lines = []
    first, last = check_ins[0].day, check_ins[-1].day
    width = max(len(name) for name in words.SCALES.values())
    for scale, name in words.SCALES.items():
        said = [check_in.answers.get(scale) for check_in in check_ins]
        if plain:
            lines.append((f"  {words.check_in_sentence(scale, said)}", PLAIN))
            continue
        numbers = ", ".join("–" if n is None else str(n) for n in said)
        spark = charts.sparkline(said, *known.CHECK_IN_RANGE)
        lines.append((f"  {name:<{width}}  {spark}  {numbers}", PLAIN))
    many = words.check_ins_between(len(check_ins), first, last)
    lines.append((f"  {words.capital(many)}.", QUIET))
    return lines


def _step_lines(steps: list[Step], plain: bool) -> list[tuple[str, str]]:
    """How the weekly steps went, as bars, then each step and how it went."""
    from relational_cli.core.documents.timeline import outcomes

    words = messages.pictures
    lines = _bars([(k or words.NOT_LOOKED_BACK, n) for k, n in outcomes(steps)], plain)
    lines.append(("", PLAIN))
    for step in steps:
        went = step.outcome or words.NOT_LOOKED_BACK
        lines.append((f"  {step.day}  {step.step} — {went}", PLAIN))
    return lines


def _value_lines(values: list[Values]) -> list[tuple[str, str]]:
    """The values at the top each time they were sorted, and what came and went."""
    lines = []
    for change in values:
        lines.append((f"  {change.day}  {', '.join(change.top) or '—'}", PLAIN))
        if change.added or change.dropped:
            moves = (
                [messages.journal.VALUES_ADDED.format(", ".join(change.added))]
                if change.added
                else []
            )
            moves += (
                [messages.journal.VALUES_DROPPED.format(", ".join(change.dropped))]
                if change.dropped
                else []
            )
            lines.append((f"              {'; '.join(moves)}", QUIET))
    return lines


def _bars(counts: list[tuple[str, int]], plain: bool) -> list[tuple[str, str]]:
    """Each name with its count: a bar of blocks and the number beside it (in plain mode,
    `name: number`)."""
    from relational_cli.core.documents import charts

    if plain:
        return [(f"  {name}: {count}", PLAIN) for name, count in counts]
    each = charts.per_block(max((n for _, n in counts), default=0), BAR_WIDTH)
    width = max((len(name) for name, _ in counts), default=0)
    return [
        (f"  {name:<{width}}  {charts.bar(count, each) + ' ' if count else ''}{count}", PLAIN)
        for name, count in counts
    ]
