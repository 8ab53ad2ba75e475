"""`relational packs`: list, show, validate, write, add and remove exercises (prompt packs), and
the guide and schema for writing them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import (
    ListFormat,
    ListFormatOption,
    Result,
    ShowFormat,
    app,
    confirmed,
    environment,
    exercise_ids,
)
from relational_cli.cli.output import Document, Said, Shown

if TYPE_CHECKING:
    pass

packs_app = typer.Typer(
    help="List, inspect, add and write exercises (prompt packs).\n\n"
    "Example:  relational packs list",
    no_args_is_help=True,
)
app.add_typer(packs_app, name="packs")


@packs_app.command("list")
def packs_list(
    ctx: typer.Context,
    output: ListFormatOption = ListFormat.table,
) -> Result:
    """List the exercises you can do: built-in, your own, and any of yours that are broken.

    Example:  relational packs list --format json
    """
    from relational_cli.core.packs.library import Library

    env = environment(ctx)
    return Shown(Library(env.home).load_all(), output is ListFormat.json)


@packs_app.command("show")
def packs_show(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The exercise, e.g. values.", autocompletion=exercise_ids
        ),
    ],
    output: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text or json.")
    ] = ShowFormat.text,
) -> Result:
    """Show an exercise and its prompts (json gives ids, types and choices for tools).

    Example:  relational packs show weekly-step --format json
    """
    from relational_cli.core.packs.library import Library

    env = environment(ctx)
    return Shown(Library(env.home).load(name), output is ShowFormat.json)


@packs_app.command("validate")
def packs_validate(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Pack files to check.")],
) -> Result:
    """Check pack files and list every problem with its line and column; exit 1 if any.

    Example:  relational packs validate ~/my-packs/evening-check-in.yaml
    """
    from relational_cli.core.packs import installing
    from relational_cli.core.packs.library import Library

    return installing.check(Library(environment(ctx).home), files)


@packs_app.command("new")
def packs_new(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="ID", help="The new exercise's id, e.g. evening-check-in.")
    ],
) -> Result:
    """Start a new exercise: writes a commented starter pack into your packs folder.

    Example:  relational packs new evening-check-in
    """
    from relational_cli.core.packs import installing
    from relational_cli.core.packs.library import Library

    return installing.new(Library(environment(ctx).home), name)


@packs_app.command("guide")
def packs_guide(ctx: typer.Context) -> Result:
    """Print the guide to writing exercises: every key of a pack, with a complete example.

    Example:  relational packs guide | less
    """
    from relational_cli.core.home import packs_guide

    return Document(packs_guide().read_text(encoding="utf-8"))


@packs_app.command("schema")
def packs_schema(ctx: typer.Context) -> Result:
    """Print the JSON Schema of the pack format, for an editor to check packs as you type.
    `packs new` keeps a copy beside your packs; save one beside packs you write elsewhere.

    Example:  relational packs schema > pack.schema.json
    """
    from relational_cli.core.home import pack_schema

    return Document(pack_schema().read_text(encoding="utf-8"))


@packs_app.command("add")
def packs_add(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A pack file someone sent you.")],
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace your pack, or the built-in, of the same id."),
    ] = False,
) -> Result:
    """Install a pack someone sent you (a therapist, say): checked first, then copied into
    your packs folder under its id. It never replaces a built-in exercise or a pack of yours
    unless you add --replace.

    Example:  relational packs add ~/Downloads/evening-check-in.yaml
    """
    from relational_cli.core.packs import installing
    from relational_cli.core.packs.library import Library

    return installing.add(Library(environment(ctx).home), file, replace)


@packs_app.command("remove")
def packs_remove(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="ID", help="One of your own exercises.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask first.")] = False,
) -> Result:
    """Remove a pack of your own (asked first): it is moved to the trash folder, never
    deleted, and your reflections made with it stay as they are.

    Example:  relational packs remove evening-check-in
    """
    from relational_cli.core.packs import installing
    from relational_cli.core.packs.library import Library

    env = environment(ctx)
    target = installing.removable(Library(env.home), name)
    if not yes and not confirmed(
        env,
        messages.packs.KEEP_PACK,
        messages.packs.REMOVE_PACK,
        messages.packs.remove_needs_yes(name),
    ):
        return Said((messages.packs.NOTHING_REMOVED,))
    return Said((messages.packs.pack_removed(name, installing.to_trash(env.home, target)),))
