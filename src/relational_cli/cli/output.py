"""The one place a command's result is shown: JSON for tools (every shape from the core's one
serialiser), a view on a terminal (Rich, from `tui/screen`), or plain text into a pipe or a
file — without loading Rich or the terminal layer at all.

Each kind of result has one renderer (`RENDERERS`, by the result's type, imported only when it
is shown); a renderer writes data to stdout and messages to stderr and returns the exit code.
What is said after a change (saved, written, restored) is in `cli/said.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from relational_cli.cli.text import lines, say, table, visible
from relational_cli.core.errors import ExitCode

if TYPE_CHECKING:
    from relational_cli.core.documents.plan_file import PlanShown
    from relational_cli.core.documents.timeline import Timeline
    from relational_cli.core.home import Places
    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.journal.query import Page
    from relational_cli.core.packs.library import Catalogue
    from relational_cli.core.packs.model import Pack
    from relational_cli.core.support import Listing
    from relational_cli.environment import Environment


@dataclass(frozen=True)
class Shown:
    """Data to show: as JSON when asked (`--format json`), else as a view."""

    data: Any
    as_json: bool = False


@dataclass(frozen=True)
class Document:
    """Text to print as it is (a plan, a digest, a reflection's file, the guide); control
    characters are escaped on a terminal when `inert`."""

    text: str
    inert: bool = False


@dataclass(frozen=True)
class Drawn:
    """A document of our own making (the plan) in Markdown, drawn for a person at a terminal:
    headings, lists and emphasis as the screen shows them (in plain mode, words only). A
    person's words in it are escaped, so they show exactly as written."""

    markdown: str


@dataclass(frozen=True)
class Said:
    """Message lines for stderr (escaped, never control sequences), data lines for stdout,
    and the exit code."""

    lines: tuple[str, ...] = ()
    out: tuple[str, ...] = ()
    code: int = ExitCode.OK


def render(env: Environment, result: Any) -> int:
    """Show `result` (what a command returned) and give its exit code."""
    if result is None:
        return ExitCode.OK
    if isinstance(result, int):  # an exit code of Typer's own (--help, --version, Ctrl-C)
        return result
    if isinstance(result, Shown) and result.as_json:
        from relational_cli.core.transfer import serialise

        env.stdout.write(serialise.dumps(serialise.of(result.data)))
        return ExitCode.OK
    data = result.data if isinstance(result, Shown) else result
    kind = type(data).__name__
    if kind in VIEWS:
        return VIEWS[kind](env, data)
    from relational_cli.cli.said import RENDERERS

    return RENDERERS[kind](env, data)


def _said(env: Environment, result: Said) -> int:
    for line in result.out:
        print(visible(line), file=env.stdout)
    for line in result.lines:
        say(env, line)
    return result.code


def _document(env: Environment, result: Document) -> int:
    text = visible(result.text) if result.inert and env.stdout_isatty else result.text
    env.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    return ExitCode.OK


def _drawn(env: Environment, result: Drawn) -> int:
    from relational_cli.tui import screen

    screen.make_console(env).print(screen.markdown(result.markdown))
    return ExitCode.OK


def _plan_shown(env: Environment, shown: PlanShown) -> int:
    """The plan: drawn on a screen, else the document itself."""
    return _drawn(env, Drawn(shown.text)) if shown.drawn else _document(env, Document(shown.text))


# Views: on a terminal with Rich; into a pipe or a file as plain text (lines whole, no padding).


def _page(env: Environment, page: Page[Any]) -> int:
    """Review (or the trash), or search: a table, and a line when the limit left some out."""
    from relational_cli import messages
    from relational_cli.core.documents import views

    searched = bool(page.rows) and hasattr(page.rows[0], "snippet")
    if not page.rows:
        none = messages.journal.NO_MATCHES if page.filtered else messages.journal.NO_REFLECTIONS
        say(env, none)
        return ExitCode.OK
    if searched:
        if env.stdout_isatty:
            from relational_cli.core.search.hits import MARK
            from relational_cli.tui import screen

            screen.make_console(env).print(screen.search_table(page.rows, MARK, env.plain))
        else:
            table(env, views.search_table(page.rows), unmarked)
    elif env.stdout_isatty:
        from relational_cli.tui import screen

        screen.make_console(env).print(screen.review_table(page.rows))
    else:
        table(env, views.review_table(page.rows))
    if page.more:
        say(env, messages.journal.showing_newest(page.limit))
    return ExitCode.OK


def _reflection(env: Environment, reflection: Reflection) -> int:
    import shutil

    from relational_cli.core.documents.views import reflection_lines

    width = shutil.get_terminal_size().columns if env.stdout_isatty else 80
    lines(env, reflection_lines(reflection, env.plain, width))
    return ExitCode.OK


def _timeline(env: Environment, picture: Timeline) -> int:
    from relational_cli.core.documents.views import timeline_lines

    lines(env, timeline_lines(picture, env.plain))
    return ExitCode.OK


def _pack(env: Environment, pack: Pack) -> int:
    from relational_cli.core.documents.views import pack_lines

    lines(env, pack_lines(pack))
    return ExitCode.OK


def _catalogue(env: Environment, catalogue: Catalogue) -> int:
    from relational_cli import messages
    from relational_cli.core.documents.views import packs_table

    table(env, packs_table(catalogue))
    if catalogue.broken:
        say(env, messages.packs.BROKEN_PACKS)
    return ExitCode.OK


def _places(env: Environment, places: Places) -> int:
    width = max(len(key) for key in places.items)
    for key, value in places.items.items():
        print(visible(f"{key:<{width}}  {value}"), file=env.stdout)
    return ExitCode.OK


def _support(env: Environment, listing: Listing) -> int:
    from relational_cli import messages
    from relational_cli.core import support

    for kind in listing.kinds:
        every = support.ordered(listing.region, kind) if listing.every else None
        for line in support.section(kind, listing.region, every, env.plain):
            print(line, file=env.stdout)
        print(file=env.stdout)
    if support.HURT in listing.kinds:
        for line in support.WATCHED:
            print(line, file=env.stdout)
        print(file=env.stdout)
    print(messages.support.LAST_CHECKED.format(support.VERIFIED_WORDS), file=env.stdout)
    return ExitCode.OK


def unmarked(text: str) -> str:
    """A snippet without the marks around its matches (plain text shows no bold)."""
    return text.translate(UNMARKED)


UNMARKED = {ord("\ue000"): None, ord("\ue001"): None, ord("\ue002"): "…"}
"""The match marks of a snippet (`search.index.MARK`), taken out; where it leaves words out
(`ELIDED`), an ellipsis."""

VIEWS: dict[str, Callable[[Environment, Any], int]] = {
    "Said": _said,
    "Document": _document,
    "Drawn": _drawn,
    "PlanShown": _plan_shown,
    "Page": _page,
    "Reflection": _reflection,
    "Timeline": _timeline,
    "Pack": _pack,
    "Catalogue": _catalogue,
    "Places": _places,
    "Listing": _support,
}
"""How each kind of result is shown to people, by the name of its type."""
