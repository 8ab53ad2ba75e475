"""Where the screen is touched: Rich consoles and the renderables for review and show.

Display is inert: a person's text (and a pack's) is only ever put on screen as `rich.text.Text`,
never parsed as markup, and control characters are shown visibly escaped (`\\x1b`), so a file
synced from elsewhere cannot retitle, recolour or clear the terminal.
"""

from __future__ import annotations

import re
from typing import IO, TYPE_CHECKING, Any

from relational_cli.core.documents.escaping import visible

if TYPE_CHECKING:
    from collections.abc import Iterator

    from rich.console import Console, ConsoleOptions
    from rich.text import Text

    from relational_cli.core.documents.timeline import Timeline
    from relational_cli.core.journal.drafts import DamagedDraft, Draft
    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.journal.summary import Summary
    from relational_cli.core.packs.library import Broken
    from relational_cli.core.packs.model import Pack
    from relational_cli.core.search.index import Hit
    from relational_cli.environment import Environment


def make_console(env: Environment, stderr: bool = False) -> Console:
    from rich.console import Console

    # Highlighting would colour numbers in people's text; markup would read their brackets.
    # Plain mode draws no styles at all (no bold, no dim), only the words, and leaves the
    # wrapping of long lines to the terminal (or the braille display). So does output into a
    # pipe or a file: each paragraph one line, and no spaces padding a line out.
    piped = not (env.stderr_isatty if stderr else env.stdout_isatty)
    stream = env.stderr if stderr else env.stdout
    return Console(
        file=_Trimmed(stream) if piped else stream,  # type: ignore[arg-type]
        highlight=False,
        emoji=False,
        markup=False,
        no_color=not env.colour,
        color_system=None if env.plain else "auto",
        soft_wrap=env.plain or piped,
    )


PADDED = re.compile(r"[ \t]+(?=\n)")
"""Spaces at the end of a line."""


class _Trimmed:
    """A stream without the spaces Rich pads lines with (table cells, indents): for output
    into a pipe or a file, where they are only noise at the ends of lines."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, data: str) -> int:
        self.stream.write(PADDED.sub("", data))
        return len(data)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return False


def text(value: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(visible(value), style=style)


def paragraph(value: str) -> Text:
    return text(value)


def question(value: str) -> Text:
    return text(value, "bold")


def hint(value: str) -> Text:
    return text(value, "dim italic")


def support(kind: str, region: str | None) -> Any:
    """The region's support lines of `kind` (crisis, or hurt), where to find the rest, and
    for someone being hurt what to call in danger."""
    from rich.console import Group

    from relational_cli.core.support import nearest

    return Group(*(paragraph(line) for line in nearest(region, kind)))


def progress(number: int, total: int) -> Text:
    return text(f"{number} of {total}", "cyan")


def review_table(rows: list[Summary]) -> Any:
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("Date", no_wrap=True)
    table.add_column("Exercise", no_wrap=True)
    table.add_column("Title")
    table.add_column("Id", no_wrap=True, style="dim")
    for row in rows:
        title = row.title + (" (a sync conflict copy)" if row.conflict else "")
        table.add_row(text(short_date(row.created)), text(row.exercise), text(title), text(row.id))
    return table


def search_table(hits: list[Hit], mark: tuple[str, str], plain: bool) -> Any:
    """The matches, each with the words around it; the matched words stand out in bold
    (and, in plain mode, where no style is drawn, between asterisks)."""
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("Date", no_wrap=True)  # (the id names the exercise)
    table.add_column("Title", ratio=1, min_width=10)
    table.add_column("Where", ratio=2, min_width=10)
    widest = max((len(hit.summary.id) for hit in hits), default=0)
    table.add_column("Id", no_wrap=True, style="dim", min_width=widest)  # whole, to copy
    for hit in hits:
        summary = hit.summary
        table.add_row(
            text(short_date(summary.created)),
            text(summary.title),
            marked(hit.snippet, mark, "*" if plain else ""),
            text(summary.id),
        )
    return table


def marked(snippet: str, mark: tuple[str, str], around: str) -> Text:
    """A snippet with its matched words in bold: each part is put on screen as inert text."""
    from rich.text import Text

    result = Text()
    start, end = mark
    for number, part in enumerate(snippet.split(start)):
        matched, _, rest = part.partition(end) if number else ("", "", part)
        if matched:
            result.append(f"{around}{visible(matched)}{around}", style="bold underline")
        result.append(visible(rest))
    return result


def timeline_view(picture: Timeline, plain: bool) -> Any:
    """Reflections per period as bars (a number beside each, so nothing is told by colour or
    length alone; in plain mode only the numbers), then the weekly steps and the values."""
    from rich.console import Group

    widest = max((n for _, n in picture.periods), default=0)
    scale = max(1, -(-widest // BAR_WIDTH))  # reflections per block, rounded up
    parts: list[Any] = [text(f"Reflections each {picture.by}", "bold")]
    for name, count in picture.periods:
        bar = "█" * -(-count // scale) + " " if count and not plain else ""
        parts.append(text(f"  {name}  {bar}{count}" if not plain else f"  {name}: {count}"))
    if picture.steps:
        parts += [text(""), text("Your weekly steps, and how they went", "bold")]
        for step in picture.steps:
            went = step.outcome or "not looked back on yet"
            parts.append(text(f"  {step.day}  {step.step} — {went}"))
    if picture.values:
        parts += [text(""), text("Your top values", "bold")]
        for change in picture.values:
            parts.append(text(f"  {change.day}  {', '.join(change.top) or '—'}"))
            if change.added or change.dropped:
                moves = [f"new: {', '.join(change.added)}"] if change.added else []
                moves += [f"no longer: {', '.join(change.dropped)}"] if change.dropped else []
                parts.append(text(f"              {'; '.join(moves)}", "dim"))
    return Group(*parts)


BAR_WIDTH = 40
"""The longest bar, in blocks."""


def drafts_table(drafts: list[Draft], damaged: list[DamagedDraft]) -> Any:
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("Exercise", "Started", "Answered"):
        table.add_column(column, no_wrap=True)
    rows = [(draft.exercise, short_date(draft.started), str(draft.answered)) for draft in drafts]
    rows += [(broken.exercise, "", "damaged: cannot be read") for broken in damaged]
    for row in sorted(rows):
        table.add_row(*(text(cell) for cell in row))
    return table


def packs_table(packs: list[Pack], broken: list[Broken]) -> Any:
    from rich.table import Table

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("Exercise", "Title", "Minutes", "Source"):
        table.add_column(column)
    lines = [(p.id, p.title, str(p.minutes), pack_source(p)) for p in packs]
    lines += [(b.path.stem, f"broken: {b.problem}", "", "yours") for b in broken]
    for row in sorted(lines):
        table.add_row(*(text(cell) for cell in row))
    return table


def pack_source(pack: Pack) -> str:
    if pack.builtin:
        return "built-in"
    return "yours (replaces built-in)" if pack.replaces_builtin else "yours"


def pack_view(pack: Pack) -> Any:
    from rich.console import Group

    parts: list[Any] = [
        question(f"{pack.title} ({pack.id}, about {pack.minutes} min)"),
        paragraph(pack.summary),
    ]
    for number, prompt in enumerate((p for p in pack.prompts if p.asks), 1):
        parts.append(text(f"{number:>2}. [{prompt.type}] {prompt.id}: {prompt.text}"))
    return Group(*parts)


def short_date(created: str) -> str:
    """2026-11-21T21:07:55+01:00 → 2026-11-21 21:07, in the time it was written."""
    return created[:16].replace("T", " ")


def reflection_view(reflection: Reflection) -> Any:
    from rich.console import Group

    parts: list[Any] = [
        text(reflection.title, "bold underline"),
        text(f"{short_date(reflection.created)} · {reflection.exercise} · {reflection.id}", "dim"),
    ]
    for answer in reflection.answers:
        parts += [text(""), text(answer.heading or answer.prompt_id, "bold cyan")]
        parts.append(Indented(text(format_value(answer.value)), 2))
    if reflection.skipped:
        parts += [text(""), text(f"Skipped: {len(reflection.skipped)} question(s)", "dim")]
    return Group(*parts)


class Indented:
    """Text set in by `spaces`: wrapped within its indent on a terminal; where lines are not
    wrapped (plain mode, a pipe), each line as it is, whole, after the spaces."""

    def __init__(self, value: Text, spaces: int) -> None:
        self.value = value
        self.spaces = spaces

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Any]:
        from rich.padding import Padding

        if options.no_wrap:
            for line in self.value.split("\n", allow_blank=True):
                yield text(" " * self.spaces).append_text(line) if line else text("")
        else:
            yield Padding(self.value, (0, 0, 0, self.spaces), expand=False)


def answers_summary(sections: list[Any]) -> Any:
    """Every question with its answer shortened, for looking over before saving."""
    from rich.console import Group

    parts: list[Any] = [text("Your answers", "bold underline")]
    for number, section in enumerate(sections, 1):
        parts.append(text(f"{number}. {section.heading}", "bold"))
        if section.value is None:
            answer = text("skipped", "dim italic")
        else:
            answer = text(shorten(format_value(section.value, bullets=False)))
        parts.append(Indented(answer, 3))
    return Group(*parts)


def shorten(value: str, lines: int = 3, characters: int = 240) -> str:
    kept = value.split("\n")[:lines]
    short = "\n".join(kept)[:characters]
    return short if short == value else short.rstrip() + " …"


def format_value(value: Any, bullets: bool = True) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict):
        return "\n".join(f"{name}: {', '.join(cards) or '—'}" for name, cards in value.items())
    if isinstance(value, list):
        if not bullets:
            return ", ".join(value)
        return "\n".join(f"{n}. {item}" for n, item in enumerate(value, 1))
    return str(value)
