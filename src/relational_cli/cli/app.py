"""The Typer application every command group registers on, and what commands share: the
environment, output formats, and one-line messages on stderr."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import __version__, messages
from relational_cli.core.errors import ExitCode, UserError

if TYPE_CHECKING:
    from relational_cli.environment import Environment

Result = object
"""What a command returns, for `cli/output` to show: a core result (a saved reflection, a page
of reflections, a pack…), or `Shown`, `Document` or `Said`. (Typer reads a command's return
annotation at run time, so the many kinds go by this one name.)"""

app = typer.Typer(
    name="relational",
    help=messages.general.APP_HELP,
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


AnswersFile = Annotated[
    str | None,
    typer.Option(
        "--answers",
        "-a",
        metavar="FILE",
        help="Take answers from a YAML or JSON file (- for stdin) instead of asking.",
    ),
]
"""The --answers option of the commands that run an exercise (reflect, plan)."""


PlainOption = Annotated[
    bool,
    typer.Option(
        "--plain",
        help="Ask in plain lines, answered by typing (for screen readers; as RELATIONAL_PLAIN=1).",
    ),
]
"""The --plain option of the commands that ask questions (reflect, plan)."""


def whole_number(least: int) -> Callable[[str], int]:
    """Reads an option's whole number of `least` or more, saying in plain words when it is
    not one (Click's own range type would say `<int range>`, `[x>=1]`, "not in the range
    x>=1")."""

    def number(value: str) -> int:
        try:
            found = int(value.strip())
        except ValueError:
            raise typer.BadParameter(messages.general.not_a_number(value, least)) from None
        if found < least:
            raise typer.BadParameter(messages.general.not_a_number(value, least))
        return found

    return number


LimitOption = Annotated[
    int | None,
    typer.Option(
        "--limit",
        "-n",
        metavar="N",
        parser=whole_number(1),
        help="Show at most this many (table default: 20).",
    ),
]


def exercise_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of an exercise id: those that start so, each with its title."""
    from relational_cli.core.packs.library import Library

    try:
        packs = Library(environment(ctx).home).load_all().menu
    except (UserError, OSError):  # a completion never prints an error into the shell
        return []
    return [(pack.id, pack.title) for pack in packs if pack.id.startswith(incomplete)]


ExerciseOption = Annotated[
    str | None,
    typer.Option("--exercise", "-e", help="Only this exercise.", autocompletion=exercise_ids),
]
"""With the three below: the filters review and search share (see `make_query`)."""
SinceOption = Annotated[
    str | None,
    typer.Option(help='Only from this day on: 2026-11-01, or a day such as "last month".'),
]
UntilOption = Annotated[
    str | None,
    typer.Option(help='Only up to this day: 2026-11-21, or a day such as "yesterday".'),
]
TagOption = Annotated[
    list[str] | None,
    typer.Option("--tag", "-t", help="Only reflections with this tag (again for more)."),
]


class ListFormat(str, Enum):
    table = "table"
    json = "json"


ListFormatOption = Annotated[ListFormat, typer.Option("--format", "-f", help="table or json.")]
"""The --format option of the commands that list things (review, packs list, info, support)."""


class ShowFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace the --output file if it is there already.")
]
"""The --force option of the commands that write a file where asked (export, plan)."""

OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", help="Write it here (default, or -: stdout)."),
]
"""The --output option of export and timeline (the file named, or - for standard output)."""

FORMATS_BY_SUFFIX = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}
"""The format a file's name asks for, by its extension."""


def output_form(
    env: Environment, output: Path | None, given: str | None, forms: tuple[str, ...]
) -> str:
    """The format to write: as `--format` says (`given`); else as the file's name says
    (`notes.html` is html), among the command's `forms`; else the first of them. A name that
    asks for another format than `--format` is told in one line (--format wins)."""
    named = FORMATS_BY_SUFFIX.get(output.suffix.lower()) if output is not None else None
    if named not in forms:
        named = None
    if given is None:
        return named or forms[0]
    if named is not None and named != given and output is not None:
        from relational_cli.cli.text import say

        say(env, messages.files.format_over_name(output, given, named))
    return given


def output_file(env: Environment, output: Path | None, force: bool) -> tuple[Path | None, bool]:
    """Where to write (None: standard output, for no --output or `--output -`), and whether
    it may replace a file there. A file that is there already is replaced only with --force,
    or when the person, asked in a terminal, says so; else nothing is written."""
    if output is None or str(output) == "-":
        return None, False
    target = output.expanduser()
    if force or not (target.exists() or target.is_symlink()):
        return target, force
    if target.is_dir():
        raise UserError(messages.files.output_a_folder(target))
    if not confirmed(
        env,
        messages.files.KEEP_FILE,
        messages.files.REPLACE_FILE,
        messages.files.file_there(target),
        question=messages.files.replace_file(target),
    ):
        raise UserError(messages.files.nothing_written(target), ExitCode.OK, prefix=False)
    return target, True


def environment(ctx: typer.Context) -> Environment:
    """The environment `main` was given, for the command running now."""
    env: Environment = ctx.find_root().obj
    return env


def confirmed(
    env: Environment, keep: str, go: str, needs_yes: str, question: str = "", message: str = "›"
) -> bool:
    """Whether the person, asked on their terminal, chose `go` over `keep` (the default);
    with no terminal to ask on, `needs_yes` is the error (the command's --yes skips this)."""
    from relational_cli.tui.askers import make_asker

    if not env.interactive:
        raise UserError(needs_yes)
    asker = make_asker(env)
    if question:
        from relational_cli.tui import screen

        asker.console.print(screen.question(question))
    return asker.choose([keep, go], keep, message) == go


def _show_version(ctx: typer.Context, value: bool) -> None:
    if value:
        print(f"relational {__version__}", file=environment(ctx).stdout)
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_show_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the full traceback on errors.")
    ] = False,
    no_color: Annotated[
        bool, typer.Option("--no-color", help="No colour (as does NO_COLOR=1).")
    ] = False,
) -> None:
    """Options for every command."""
