"""The `relational` command: parses arguments, calls the core, renders results.

Errors a person can fix (UserError) become one line on stderr and a non-zero exit; anything
unexpected becomes one line too, with the traceback only under --debug. Data goes to stdout,
messages to stderr. Heavy modules are imported inside the commands that need them.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from relational_cli import __version__, messages
from relational_cli.errors import UserError

if TYPE_CHECKING:
    from rich.console import Console

    from relational_cli.packs import Pack

app = typer.Typer(
    name="relational",
    help=messages.APP_HELP,
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
packs_app = typer.Typer(help="List and inspect the exercises (prompt packs).", no_args_is_help=True)
app.add_typer(packs_app, name="packs")


class ListFormat(str, Enum):
    table = "table"
    json = "json"


class ShowFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        app(args=[a for a in args if a != "--debug"], prog_name="relational")
    except UserError as exc:
        _fail(exc.message, exc.exit_code)
    except KeyboardInterrupt:
        _fail("stopped.", 130)
    except BrokenPipeError:
        # The reader went away (`relational review | head`): stop quietly, as a filter does.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:
        if debug:
            raise
        _fail(
            f"unexpected error: {exc.__class__.__name__}: {exc} (run with --debug to see where)", 1
        )


def _say(message: str) -> None:
    """A message line on stderr. It may quote a file name or a key from a file, so control
    characters are shown escaped, never sent to the terminal."""
    print(_visible(message), file=sys.stderr)


def _visible(text: str) -> str:
    from relational_cli.console import visible

    return visible(text)


def _fail(message: str, code: int) -> None:
    for line in message.splitlines():
        _say(f"relational: {line}")
    sys.exit(code)


def _show_version(value: bool) -> None:
    if value:
        print(f"relational {__version__}")
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
) -> None:
    """Options for every command."""


@app.command()
def reflect(
    exercise: Annotated[
        str | None, typer.Argument(help="Exercise to do, e.g. values (leave out for a menu).")
    ] = None,
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers",
            "-a",
            metavar="FILE",
            help="Take answers from a YAML or JSON file (- for stdin) instead of asking.",
        ),
    ] = None,
) -> None:
    """Do an exercise: answer its questions one at a time; the reflection is saved as Markdown.

    Every question can be skipped (leave it empty), and Ctrl-C pauses: your answers are kept
    as a draft and the next `relational reflect` of that exercise picks up where you left off.

    Example:  relational reflect weekly-step
    """
    from relational_cli import exercise as doing
    from relational_cli import packs

    if answers is not None:
        if exercise is None:
            raise UserError(
                "--answers needs an exercise name, e.g. `relational reflect values --answers FILE`"
            )
        doing.from_file(packs.load(exercise), answers, _console(stderr=True))
        return
    _need_terminal()
    console = _console()
    pack = packs.load(exercise) if exercise else _choose_pack(console)
    if pack is None:
        return
    try:
        doing.in_terminal(pack, console, _console(stderr=True))
    except doing.Stopped as stop:
        raise typer.Exit(stop.exit_code) from None


def _choose_pack(console: Console) -> Pack | None:
    from relational_cli import console as screen
    from relational_cli import journal, packs
    from relational_cli.ask import TerminalAsker

    found, broken = packs.load_all()
    _warn_broken(broken)
    if not found:
        raise UserError("no exercises found (the built-in packs are missing from this install)")
    paused = {draft.exercise for draft in journal.drafts()}
    labels = {messages.menu_label(p.title, p.minutes, p.id in paused): p for p in found}
    console.print(screen.question(messages.MENU_TITLE))
    asker = TerminalAsker(console)
    try:
        summaries = {label: pack.summary for label, pack in labels.items()}
        choice = asker.choose([*labels, messages.NOT_NOW_CHOICE], descriptions=summaries)
    except KeyboardInterrupt:
        return None
    return labels.get(choice)


def _warn_broken(broken: list[tuple[Path, str]]) -> None:
    for path, reason in broken:
        _say(f"relational: warning: skipped pack {path.name}: {reason}")


def _need_terminal() -> None:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UserError(messages.NO_TERMINAL)


def _console(stderr: bool = False) -> Console:
    from relational_cli.console import make_console

    return make_console(stderr=stderr)


@app.command()
def review(
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, help="Show at most this many (table default: 20)."),
    ] = None,
    exercise: Annotated[
        str | None, typer.Option("--exercise", "-e", help="Only this exercise.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Only from this day on (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Only up to this day (YYYY-MM-DD).")] = None,
    output: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table or json.")
    ] = ListFormat.table,
) -> None:
    """List past reflections, newest first.

    Example:  relational review --exercise values --since 2026-01-01
    """
    from relational_cli import journal

    first = _day(since, "--since")
    last = _day(until, "--until")
    if exercise is not None:
        from relational_cli.packs import check_name

        check_name(exercise)
    wanted = limit if limit is not None else (None if output is ListFormat.json else 20)
    rows: list[journal.Summary] = []
    more = False
    for summary in journal.summaries(warn=_warn_file):
        day = summary.created[:10]
        if (
            (exercise and summary.exercise != exercise)
            or (first and day < first)
            or (last and day > last)
        ):
            continue
        if wanted is not None and len(rows) == wanted:
            more = True
            break
        rows.append(summary)
    if output is ListFormat.json:
        _print_json([row.as_json() for row in rows])
        return
    if not rows:
        filtered = exercise or first or last
        print(messages.NO_MATCHES if filtered else messages.NO_REFLECTIONS, file=sys.stderr)
        return
    from relational_cli import console as screen

    _console().print(screen.review_table(rows))
    if more:
        print(messages.showing_newest(wanted), file=sys.stderr)


def _day(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UserError(f"{option} '{value}' is not a date like 2026-11-21") from None


def _warn_file(path: Path, problem: Exception) -> None:
    _say(f"relational: warning: skipped {path}: {problem}")


@app.command()
def show(
    reference: Annotated[
        str, typer.Argument(metavar="ID", help="A reflection id (or its start), or latest.")
    ] = "latest",
    output: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text, markdown or json.")
    ] = ShowFormat.text,
) -> None:
    """Show one reflection.

    Example:  relational show latest --format markdown
    """
    from relational_cli import journal

    path = journal.resolve(reference)
    reflection = journal.load(path)
    if output is ShowFormat.json:
        _print_json(
            {
                "id": reflection.id,
                "exercise": reflection.exercise,
                "created": reflection.created,
                "title": reflection.title,
                "tags": list(reflection.tags),
                "pack_version": reflection.pack_version,
                "answers": reflection.answer_map(),
            }
        )
    elif output is ShowFormat.markdown:
        raw = path.read_text(encoding="utf-8")
        if sys.stdout.isatty():
            from relational_cli.console import visible

            raw = visible(raw)
        sys.stdout.write(raw if raw.endswith("\n") else raw + "\n")
    else:
        from relational_cli import console as screen

        _console().print(screen.reflection_view(reflection))


@app.command()
def edit(
    reference: Annotated[
        str, typer.Argument(metavar="ID", help="A reflection id (or its start), or latest.")
    ] = "latest",
) -> None:
    """Open a saved reflection in your editor ($VISUAL or $EDITOR) to change your answers.

    Your changes are kept only if the file still reads as the same reflection; if not, you
    are told what is wrong and nothing you wrote is thrown away.

    Example:  EDITOR=nano relational edit latest
    """
    from relational_cli import editing, journal

    path = journal.resolve(reference)
    copy = editing.start(path)
    while True:
        try:
            editing.open_in_editor(copy)
        except UserError as failed:
            # An editor that failed is never applied, but what it wrote is never thrown away.
            kept = editing.keep_aside(path, copy)
            if kept is None:
                raise
            raise UserError(f"{failed.message}\n{messages.edit_copy_kept(kept)}") from None
        outcome = editing.finish(path, copy)
        if outcome.unchanged:
            _say("No changes.")
            return
        if outcome.saved:
            _say(f"Saved your changes to {path.stem}.")
            for line in outcome.stray:
                _say(messages.stray_line(path, line))
            return
        _say(f"relational: your edit does not read as a reflection: {outcome.problem}")
        try:
            again = sys.stdin.isatty() and sys.stdout.isatty() and _try_again()
        except KeyboardInterrupt:
            again = False
        if not again:
            kept = editing.keep_aside(path, copy) or copy
            raise UserError(f"{path.stem} is unchanged; {messages.edit_copy_kept(kept)}")


def _try_again() -> bool:
    """Whether to open the editor again on the copy (else it is kept aside)."""
    from relational_cli.ask import TerminalAsker

    asker = TerminalAsker(_console())
    return (
        asker.choose([messages.EDIT_AGAIN, messages.EDIT_ASIDE], messages.EDIT_AGAIN)
        == messages.EDIT_AGAIN
    )


@app.command()
def drafts() -> None:
    """List paused exercises (drafts) waiting to be picked up again."""
    from relational_cli import console as screen
    from relational_cli import journal

    found = journal.drafts()
    if not found:
        print(messages.NO_DRAFTS, file=sys.stderr)
        return
    _console().print(screen.drafts_table(found))
    print(messages.PICK_UP_DRAFT, file=sys.stderr)


@packs_app.command("list")
def packs_list(
    output: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table or json.")
    ] = ListFormat.table,
) -> None:
    """List the exercises you can do: built-in, your own, and any of yours that are broken."""
    from relational_cli import packs

    found, broken = packs.load_all()
    replacing = {f.path.stem for f in packs.pack_files() if f.replaces_builtin}
    if output is ListFormat.json:
        rows = [_pack_summary(p) for p in found]
        rows += [
            {"id": path.stem, "source": "user", "path": str(path), "error": why}
            for path, why in broken
        ]
        _print_json(sorted(rows, key=lambda row: row["id"]))
        return
    from rich.table import Table

    from relational_cli import console as screen

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("Exercise", "Title", "Minutes", "Source"):
        table.add_column(column)
    lines = [(p.id, p.title, str(p.minutes), _source(p, replacing)) for p in found]
    lines += [(path.stem, f"broken: {why}", "", "yours") for path, why in broken]
    for row in sorted(lines):
        table.add_row(*(screen.text(cell) for cell in row))
    _console().print(table)
    if broken:
        _say(messages.BROKEN_PACKS)


def _source(pack: Pack, replacing: set[str]) -> str:
    if pack.builtin:
        return "built-in"
    return "yours (replaces built-in)" if pack.id in replacing else "yours"


@packs_app.command("validate")
def packs_validate(
    files: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Pack files to check.")],
) -> None:
    """Check pack files and list every problem with its line and column; exit 1 if any.

    Example:  relational packs validate ~/my-packs/check-in.yaml
    """
    from relational_cli import packs

    failed = False
    for path in files:
        try:
            pack = packs.load_file(path)
        except UserError as exc:
            failed = True
            for line in exc.message.splitlines():
                print(_visible(line))
            continue
        asked = sum(prompt.asks for prompt in pack.prompts)
        print(_visible(f"{path}: ok — “{pack.title}”, {asked} questions"))
    if failed:
        raise typer.Exit(1)


@packs_app.command("new")
def packs_new(
    name: Annotated[
        str, typer.Argument(metavar="ID", help="The new exercise's id, e.g. check-in.")
    ],
) -> None:
    """Start a new exercise: writes a commented starter pack into your packs folder.

    Example:  relational packs new check-in
    """
    from relational_cli import journal, packs, paths

    packs.check_name(name)
    folder = paths.ensure_private_dir(paths.user_packs_dir())
    target = folder / f"{name}.yaml"
    starter = (paths.builtin_packs_dir() / "templates" / "starter.yaml").read_text(encoding="utf-8")
    text = starter.replace("__ID__", name).replace("__PATH__", str(target))
    if not journal.write_new(target, text):
        raise UserError(f"{target} already exists; edit it, or choose another id")
    print(target)
    replaces = (paths.builtin_packs_dir() / f"{name}.yaml").is_file()
    _say(messages.new_pack(target, name, replaces))


def _pack_summary(pack: Pack) -> dict[str, Any]:
    return {
        "id": pack.id,
        "title": pack.title,
        "summary": pack.summary,
        "minutes": pack.minutes,
        "version": pack.version,
        "tags": list(pack.tags),
        "source": "built-in" if pack.builtin else "user",
        "path": str(pack.path),
    }


@app.command()
def info(
    output: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table or json.")
    ] = ListFormat.table,
) -> None:
    """Show where relational keeps your reflections, drafts and packs."""
    from relational_cli import paths

    places = {
        "version": __version__,
        "data folder": str(paths.home()),
        "reflections": str(paths.journal_dir()),
        "drafts": str(paths.drafts_dir()),
        "recovery": str(paths.home() / "recovery"),
        "your packs": str(paths.user_packs_dir()),
        "built-in packs": str(paths.builtin_packs_dir()),
    }
    if output is ListFormat.json:
        _print_json({key.replace(" ", "_"): value for key, value in places.items()})
        return
    width = max(len(key) for key in places)
    for key, value in places.items():
        print(_visible(f"{key:<{width}}  {value}"))


@packs_app.command("show")
def packs_show(
    name: Annotated[str, typer.Argument(metavar="ID", help="The exercise, e.g. values.")],
    output: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text or json.")
    ] = ShowFormat.text,
) -> None:
    """Show an exercise and its prompts (json gives ids, types and choices for tools)."""
    from relational_cli import packs

    pack = packs.load(name)
    if output is ShowFormat.json:
        _print_json(
            {
                **_pack_summary(pack),
                "content_note": pack.content_note,
                "prompts": [_prompt_json(p) for p in pack.prompts],
            }
        )
        return
    from relational_cli import console as screen

    console = _console()
    console.print(screen.question(f"{pack.title} ({pack.id}, about {pack.minutes} min)"))
    console.print(screen.paragraph(pack.summary))
    for number, prompt in enumerate((p for p in pack.prompts if p.asks), 1):
        console.print(screen.text(f"{number:>2}. [{prompt.type}] {prompt.id}: {prompt.text}"))


def _prompt_json(prompt: Any) -> dict[str, Any]:
    return {
        "id": prompt.id,
        "type": prompt.type,
        "text": prompt.text,
        "help": prompt.help,
        "choices": [
            {"value": c.value, "label": c.label, "description": c.description}
            for c in prompt.choices
        ],
        "choices_from": prompt.choices_from,
        "min": prompt.min,
        "max": prompt.max,
        "min_label": prompt.min_label,
        "max_label": prompt.max_label,
        "when": {key: list(values) for key, values in prompt.when},
        "optional": prompt.optional,
        "default": prompt.default,
        "short_deck": list(prompt.short_deck),
    }


def _print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
