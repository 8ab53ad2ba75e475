"""`relational packs`: list, show, validate and start exercises (prompt packs)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import ListFormat, ListFormatOption, ShowFormat, app, environment, say
from relational_cli.cli.output import emit
from relational_cli.core.errors import ExitCode, UserError

packs_app = typer.Typer(
    help="List and inspect the exercises (prompt packs).\n\nExample:  relational packs list",
    no_args_is_help=True,
)
app.add_typer(packs_app, name="packs")


@packs_app.command("list")
def packs_list(
    ctx: typer.Context,
    output: ListFormatOption = ListFormat.table,
) -> None:
    """List the exercises you can do: built-in, your own, and any of yours that are broken.

    Example:  relational packs list --format json
    """
    from relational_cli.core.packs import Library

    env = environment(ctx)
    catalogue = Library(env.home).load_all()
    emit(env, catalogue, output is ListFormat.json)
    if catalogue.broken and output is ListFormat.table:
        say(env, messages.BROKEN_PACKS)


@packs_app.command("show")
def packs_show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="ID", help="The exercise, e.g. values.")],
    output: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text or json.")
    ] = ShowFormat.text,
) -> None:
    """Show an exercise and its prompts (json gives ids, types and choices for tools).

    Example:  relational packs show weekly-step --format json
    """
    from relational_cli.core.packs import Library

    env = environment(ctx)
    emit(env, Library(env.home).load(name), output is ShowFormat.json)


@packs_app.command("validate")
def packs_validate(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Pack files to check.")],
) -> None:
    """Check pack files and list every problem with its line and column; exit 1 if any.

    Example:  relational packs validate ~/my-packs/check-in.yaml
    """
    from relational_cli.core.inert import visible
    from relational_cli.core.packs import Library

    env = environment(ctx)
    library = Library(env.home)
    failed = False
    for path in files:
        try:
            pack = library.load_file(path)
        except UserError as exc:
            failed = True
            for line in exc.message.splitlines():
                print(visible(line), file=env.stdout)
            continue
        asked = sum(prompt.asks for prompt in pack.prompts)
        print(visible(f"{path}: ok — “{pack.title}”, {asked} questions"), file=env.stdout)
    if failed:
        raise typer.Exit(ExitCode.ERROR)


@packs_app.command("new")
def packs_new(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="ID", help="The new exercise's id, e.g. check-in.")
    ],
) -> None:
    """Start a new exercise: writes a commented starter pack into your packs folder.

    Example:  relational packs new check-in
    """
    from relational_cli.core import atomic
    from relational_cli.core.packs import Library, check_name

    env = environment(ctx)
    library = Library(env.home)
    check_name(name)
    folder = env.home.ensure(env.home.packs)
    target = folder / f"{name}.yaml"
    starter = (library.builtin_dir / "templates" / "starter.yaml").read_text(encoding="utf-8")
    text = starter.replace("__ID__", name).replace("__PATH__", str(target))
    if not atomic.write_new(target, text):
        raise UserError(f"{target} already exists; edit it, or choose another id")
    print(target, file=env.stdout)
    replaces = (library.builtin_dir / f"{name}.yaml").is_file()
    say(env, messages.new_pack(target, name, replaces))
