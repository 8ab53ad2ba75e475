"""Writing for people: a message line on stderr, a person's text made visible, and a view's
lines or table (`core.documents.views`) drawn with Rich on a terminal, or as plain text into a
pipe or a file — every line whole, no spaces padding its end, and no Rich loaded."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relational_cli.core.documents.views import Table
    from relational_cli.environment import Environment


def say(env: Environment, message: str) -> None:
    """A message line on stderr. It may quote a file name or a key from a file, so control
    characters are shown escaped, never sent to the terminal."""
    print(visible(message), file=env.stderr)


def visible(text: str) -> str:
    from relational_cli.core.documents.escaping import visible as escaped

    return escaped(text)


def lines(env: Environment, lines: list[tuple[str, str]]) -> None:
    """Lines of a view: styled on a terminal; else plain, answers set in by two spaces and
    every line whole."""
    if env.stdout_isatty:
        from relational_cli.tui import screen

        screen.make_console(env).print(screen.lines(lines))
        return
    from relational_cli.core.documents.views import ANSWER

    for text, kind in lines:
        shown = visible(text)
        if kind == ANSWER:
            shown = "\n".join(f"  {line}" if line else "" for line in shown.split("\n"))
        print(shown.rstrip(" "), file=env.stdout)


def table(env: Environment, found: Table, cell: Callable[[str], str] | None = None) -> None:
    """A view's table: Rich's on a terminal; else columns set two spaces apart, each row on
    one line, no spaces at line ends."""
    if env.stdout_isatty:
        from relational_cli.tui import screen

        screen.make_console(env).print(screen.table(found))
        return
    rows = [found.headers, *[tuple(cell(c) if cell else c for c in row) for row in found.rows]]
    shown = [tuple(visible(" ".join(cell_text.split())) for cell_text in row) for row in rows]
    widths = [max(len(row[n]) for row in shown) for n in range(len(found.headers))]
    for row in shown:
        line = "  ".join(text.ljust(width) for text, width in zip(row, widths, strict=True))
        print(line.rstrip(), file=env.stdout)
