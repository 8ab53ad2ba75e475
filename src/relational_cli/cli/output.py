"""The one place a command's result is shown: JSON for tools (every shape from the core's one
serialiser), a view on a terminal (Rich, from `tui/screen`), or plain text into a pipe or a
file — without loading Rich or the terminal layer at all.

Each kind of result has one renderer (`RENDERERS`, by the result's type, registered once a
result of the module that defines it is shown); a renderer writes data to stdout and messages
to stderr and returns the exit code. The views of what is read back are in `cli/views.py`,
and what is said after a change (saved, written, restored) in `cli/said.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from relational_cli.by_type import ByType
from relational_cli.cli.text import say, visible
from relational_cli.core.errors import ExitCode

if TYPE_CHECKING:
    from relational_cli.core.documents.plan_file import PlanShown
    from relational_cli.environment import Environment


class Shown(NamedTuple):
    """Data to show: as JSON when asked (`--format json`), else as a view."""

    data: object
    as_json: bool = False


class Document(NamedTuple):
    """Text to print as it is (a plan, a digest, a reflection's file, the guide); control
    characters are escaped on a terminal when `inert`."""

    text: str
    inert: bool = False


class Drawn(NamedTuple):
    """A document of our own making (the plan) in Markdown, drawn for a person at a terminal:
    headings, lists and emphasis as the screen shows them (in plain mode, words only). A
    person's words in it are escaped, so they show exactly as written."""

    markdown: str


class Said(NamedTuple):
    """Message lines for stderr (escaped, never control sequences), data lines for stdout,
    and the exit code."""

    lines: tuple[str, ...] = ()
    out: tuple[str, ...] = ()
    code: int = ExitCode.OK


def render(env: Environment, result: object) -> int:
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
    return renderer(type(data))(env, data)


Renderer = Callable[["Environment", Any], int]
"""Shows a kind of result: writes data to stdout and messages to stderr, gives the exit code."""
T = TypeVar("T")


def register(kind: type[T], show: Callable[[Environment, T], int]) -> None:
    """`show` shows the results of type `kind`."""
    RENDERERS.register(kind, show)


def renderer(kind: type) -> Renderer:
    """What shows a result of type `kind`: registered by the loader of the module that
    defines it, run when a result of that module is first shown (`ByType`)."""
    return RENDERERS[kind]


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


RENDERERS: ByType[Renderer] = ByType()
"""How each kind of result is shown, by its type."""
loads = RENDERERS.loads


register(Said, _said)
register(Document, _document)
register(Drawn, _drawn)


@loads("relational_cli.core.journal.query")
def _query() -> None:
    from relational_cli.cli.views import page
    from relational_cli.core.journal.query import Page

    register(Page, page)


@loads("relational_cli.core.journal.fileformat")
def _fileformat() -> None:
    from relational_cli.cli.views import reflection
    from relational_cli.core.journal.fileformat import Reflection

    register(Reflection, reflection)


@loads("relational_cli.core.documents.timeline")
def _timeline() -> None:
    from relational_cli.cli.views import timeline
    from relational_cli.core.documents.timeline import Timeline

    register(Timeline, timeline)


@loads("relational_cli.core.packs.model")
def _model() -> None:
    from relational_cli.cli.views import pack
    from relational_cli.core.packs.model import Pack

    register(Pack, pack)


@loads("relational_cli.core.packs.library")
def _library() -> None:
    from relational_cli.cli.views import catalogue
    from relational_cli.core.packs.library import Catalogue

    register(Catalogue, catalogue)


@loads("relational_cli.core.home")
def _home() -> None:
    from relational_cli.cli.views import places
    from relational_cli.core.home import Places

    register(Places, places)


@loads("relational_cli.core.support")
def _support() -> None:
    from relational_cli.cli.views import support
    from relational_cli.core.support import Listing

    register(Listing, support)


@loads("relational_cli.core.documents.plan_file")
def _plan_file() -> None:
    from relational_cli.cli.said import plan_written
    from relational_cli.core.documents.plan_file import PlanShown, PlanWritten

    register(PlanShown, _plan_shown)
    register(PlanWritten, plan_written)


# What is said after a change (`cli/said.py`).


@loads("relational_cli.core.exercise.saving")
def _saving() -> None:
    from relational_cli.cli.said import saved
    from relational_cli.core.exercise.saving import Saved

    register(Saved, saved)


@loads("relational_cli.core.exercise.flow")
def _flow() -> None:
    from relational_cli.cli.said import paused
    from relational_cli.core.exercise.flow import PauseKept

    register(PauseKept, paused)


@loads("relational_cli.core.documents.reminders")
def _reminders() -> None:
    from relational_cli.cli.said import reminders
    from relational_cli.core.documents.reminders import Reminders

    register(Reminders, reminders)


@loads("relational_cli.core.transfer.export")
def _export() -> None:
    from relational_cli.cli.said import exported
    from relational_cli.core.transfer.export import Exported

    register(Exported, exported)


@loads("relational_cli.core.transfer.backup")
def _backup() -> None:
    from relational_cli.cli.said import restored
    from relational_cli.core.transfer.backup import Restored

    register(Restored, restored)


@loads("relational_cli.core.transfer.jrnl")
def _jrnl() -> None:
    from relational_cli.cli.said import imported
    from relational_cli.core.transfer.jrnl import Imported

    register(Imported, imported)


@loads("relational_cli.core.journal.drafts")
def _drafts() -> None:
    from relational_cli.cli.said import waiting
    from relational_cli.core.journal.drafts import Waiting

    register(Waiting, waiting)


@loads("relational_cli.core.journal.bringing_back")
def _bringing_back() -> None:
    from relational_cli.cli.said import recovered
    from relational_cli.core.journal.bringing_back import Recovered

    register(Recovered, recovered)


@loads("relational_cli.core.journal.editing")
def _editing() -> None:
    from relational_cli.cli.said import edited
    from relational_cli.core.journal.editing import Edited

    register(Edited, edited)


@loads("relational_cli.core.packs.installing")
def _installing() -> None:
    from relational_cli.cli.said import added, checked, started
    from relational_cli.core.packs.installing import Added, Checked, Started

    register(Checked, checked)
    register(Started, started)
    register(Added, added)


@loads("relational_cli.core.welcome")
def _welcome() -> None:
    from relational_cli.cli.said import welcome
    from relational_cli.core.welcome import Welcome

    register(Welcome, welcome)
