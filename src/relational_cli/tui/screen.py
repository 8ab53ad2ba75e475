"""Where the screen is touched: Rich consoles and the renderables for review and show.

Display is inert: a person's text (and a pack's) is only ever put on screen as `rich.text.Text`,
never parsed as markup, and control characters are shown visibly escaped (`\\x1b`), so a file
synced from elsewhere cannot retitle, recolour or clear the terminal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import IO, TYPE_CHECKING

from relational_cli import messages
from relational_cli.core.documents import views
from relational_cli.core.documents.escaping import visible
from relational_cli.messages.general import shorten

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
    from rich.markdown import Markdown
    from rich.table import Table
    from rich.text import Text

    from relational_cli.core.journal.fileformat import Section
    from relational_cli.core.journal.summary import Summary
    from relational_cli.core.search.hits import Hit
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


CLEAR_ALL = "\x1b[H\x1b[2J\x1b[3J"
"""Home, clear the screen, clear the scrollback (xterm's `E3`, which most terminals keep)."""


def clear_all(env: Environment) -> None:
    """The quick exit's clearing: the screen and, where the terminal allows, its scrollback
    (and tmux's history of this pane). Plain text to a terminal that says TERM=dumb or to a
    pipe is left alone: there the sequences would only be shown."""
    import contextlib

    if not env.stdout_isatty or env.environ.get("TERM", "") == "dumb":
        return
    with contextlib.suppress(OSError, ValueError):
        env.stdout.write(CLEAR_ALL)
        env.stdout.flush()
    if env.environ.get("TMUX"):
        import subprocess

        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                ["tmux", "clear-history"], env=dict(env.environ), timeout=2, check=False,
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip


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


def support(kind: str, region: str | None, plain: bool = False) -> Group:
    """The region's support lines of `kind` (crisis, or hurt), where to find the rest, and
    for someone being hurt what to call in danger."""
    from rich.console import Group

    from relational_cli.core.support import nearest

    return Group(*(paragraph(line) for line in nearest(region, kind, plain)))


def markdown(document: str) -> Markdown:
    """A document of our own making, in Markdown, as the screen shows it: headings set left
    and plain (no boxes, which a screen reader would read out), links as their words."""
    from typing import ClassVar

    from rich.markdown import Heading, Markdown, MarkdownElement
    from rich.text import Text

    class LeftHeading(Heading):
        def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
            self.text.justify = "left"
            if self.tag != "h1":
                yield Text("")
            yield self.text

    class Drawn(Markdown):
        elements: ClassVar[dict[str, type[MarkdownElement]]] = {
            **Markdown.elements,
            "heading_open": LeftHeading,
        }

    return Drawn(document, hyperlinks=False)


def answered(value: str) -> Text:
    """An answer given to a list question, as questionary shows one it asked: `? › answer`."""
    return text("? › ").append_text(text(value, "bold"))


def progress(number: int, total: int) -> Text:
    return text(f"{number} of {total}", "cyan")


STYLES = {
    views.TITLE: "bold underline",
    views.META: "dim",
    views.HEADING: "bold cyan",
    views.QUIET: "dim",
    views.STRONG: "bold",
    views.HINT: "dim italic",
}
"""How each kind of line of a view is drawn."""


def lines(found: list[tuple[str, str]]) -> Group:
    """A view's lines (`core.documents.views`), styled; an answer set in under its heading."""
    from rich.console import Group

    parts: list[RenderableType] = []
    for value, kind in found:
        if kind == views.ANSWER:
            parts.append(Indented(text(value), 2))
        else:
            parts.append(text(value, STYLES.get(kind, "")))
    return Group(*parts)


def table(found: views.Table, cells: Callable[[str], Text] | None = None) -> Table:
    """A view's table: no borders, a bold header; the quiet columns dim."""
    from rich.table import Table

    drawn = Table(box=None, header_style="bold", pad_edge=False)
    widest = [
        max((len(row[n]) for row in found.rows), default=0) for n in range(len(found.headers))
    ]
    for n, header in enumerate(found.headers):
        wraps = n in found.wraps
        drawn.add_column(
            header,
            no_wrap=not wraps,
            style="dim" if n in found.quiet else "",
            ratio=1 if wraps else None,
            min_width=10 if wraps else (widest[n] if n in found.quiet else None),
        )
    for row in found.rows:
        drawn.add_row(*((cells or text)(cell) for cell in row))
    return drawn


def review_table(rows: list[Summary]) -> Table:
    return table(views.review_table(rows))


def search_table(hits: list[Hit], mark: tuple[str, str], plain: bool) -> Table:
    """The matches, each with the words around it; the matched words stand out in bold
    (and, in plain mode, where no style is drawn, between asterisks)."""
    from relational_cli.core.search.hits import ELIDED

    elided = "" if plain else messages.screen.ELIDED
    return table(
        views.search_table(hits),
        lambda cell: marked(cell.replace(ELIDED, elided), mark, "*" if plain else ""),
    )


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


class Indented:
    """Text set in by `spaces`: wrapped within its indent on a terminal; where lines are not
    wrapped (plain mode, a pipe), each line as it is, whole, after the spaces."""

    def __init__(self, value: Text, spaces: int) -> None:
        self.value = value
        self.spaces = spaces

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.padding import Padding

        if options.no_wrap:
            for line in self.value.split("\n", allow_blank=True):
                yield text(" " * self.spaces).append_text(line) if line else text("")
        else:
            yield Padding(self.value, (0, 0, 0, self.spaces), expand=False)


def answers_summary(
    sections: Sequence[Section], notes: Mapping[str, str], cut: str = messages.screen.CUT
) -> Group:
    """Every question with its answer shortened, for looking over before saving; one with no
    answer says "skipped", or its note (words typed but not sent, not asked yet)."""
    from rich.console import Group

    from relational_cli.core.journal.fileformat import answer_text

    parts: list[RenderableType] = [text(messages.exercise.YOUR_ANSWERS, "bold underline")]
    for number, section in enumerate(sections, 1):
        parts.append(text(f"{number}. {section.heading}", "bold"))
        if section.value is None and section.prompt_id in notes:
            answer = text(shorten(notes[section.prompt_id], cut=cut), "italic")
        elif section.value is None:
            answer = text("skipped", "dim italic")
        else:
            answer = text(shorten(answer_text(section.value), cut=cut))
        parts.append(Indented(answer, 3))
    return Group(*parts)
