"""`relational packs`: list, show, validate, write, add and remove exercises (prompt packs), and
the guide and schema for writing them."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import (
    ListFormat,
    ListFormatOption,
    ShowFormat,
    app,
    confirmed,
    environment,
    exercise_ids,
    say,
)
from relational_cli.cli.output import emit
from relational_cli.core.errors import ExitCode, UserError

if TYPE_CHECKING:
    from relational_cli.environment import Environment

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
) -> None:
    """List the exercises you can do: built-in, your own, and any of yours that are broken.

    Example:  relational packs list --format json
    """
    from relational_cli.core.packs.library import Library

    env = environment(ctx)
    catalogue = Library(env.home).load_all()
    emit(env, catalogue, output is ListFormat.json)
    if catalogue.broken and output is ListFormat.table:
        say(env, messages.BROKEN_PACKS)


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
) -> None:
    """Show an exercise and its prompts (json gives ids, types and choices for tools).

    Example:  relational packs show weekly-step --format json
    """
    from relational_cli.core.packs.library import Library

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
    from relational_cli.core.documents.escaping import visible
    from relational_cli.core.packs.library import Library

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
    from relational_cli.core.packs.library import Library
    from relational_cli.core.packs.model import check_name

    env = environment(ctx)
    library = Library(env.home)
    check_name(name)
    folder = env.home.ensure(env.home.packs)
    target = folder / f"{name}.yaml"
    starter = (library.builtin_dir / "templates" / "starter.yaml").read_text(encoding="utf-8")
    text = starter.replace("__ID__", name).replace("__PATH__", str(target))
    if not atomic.write_new(target, text):
        raise UserError(f"{target} already exists; edit it, or choose another id")
    _keep_schema_beside(folder)
    print(target, file=env.stdout)
    replaces = (library.builtin_dir / f"{name}.yaml").is_file()
    say(env, messages.new_pack(target, name, replaces))


def _keep_schema_beside(folder: Path) -> None:
    """The pack schema, current, in `folder`: the starter's `$schema=pack.schema.json` line
    points there, so an editor checks the pack as it is typed."""
    from relational_cli.core import atomic
    from relational_cli.core.home import pack_schema

    source = pack_schema()
    schema = source.read_text(encoding="utf-8")
    copy = folder / source.name
    try:
        current = copy.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        current = None
    if current != schema:
        with contextlib.suppress(OSError):  # the pack is written; only editor checks would miss
            atomic.replace(copy, schema)


@packs_app.command("guide")
def packs_guide(ctx: typer.Context) -> None:
    """Print the guide to writing exercises: every key of a pack, with a complete example.

    Example:  relational packs guide | less
    """
    from relational_cli.core.home import packs_guide as guide

    print(guide().read_text(encoding="utf-8"), end="", file=environment(ctx).stdout)


@packs_app.command("schema")
def packs_schema(ctx: typer.Context) -> None:
    """Print the JSON Schema of the pack format, for an editor to check packs as you type.
    `packs new` keeps a copy beside your packs; save one beside packs you write elsewhere.

    Example:  relational packs schema > pack.schema.json
    """
    from relational_cli.core.home import pack_schema

    print(pack_schema().read_text(encoding="utf-8"), end="", file=environment(ctx).stdout)


@packs_app.command("add")
def packs_add(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A pack file someone sent you.")],
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace your pack, or the built-in, of the same id."),
    ] = False,
) -> None:
    """Install a pack someone sent you (a therapist, say): checked first, then copied into
    your packs folder under its id. It never replaces a built-in exercise or a pack of yours
    unless you add --replace.

    Example:  relational packs add ~/Downloads/check-in.yaml
    """
    import tempfile

    from relational_cli.core import atomic
    from relational_cli.core.documents.escaping import visible
    from relational_cli.core.packs.library import Library

    env = environment(ctx)
    library = Library(env.home)
    try:
        text = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{file}: not a pack (not UTF-8 text)") from None
    except OSError as exc:
        raise UserError(f"could not read {file}: {exc.strerror or exc}") from None
    name = _pack_id(text) or file.stem
    with tempfile.TemporaryDirectory() as folder:  # checked under its id, whatever the file's name
        staged = Path(folder) / f"{name}.yaml"
        staged.write_text(text, encoding="utf-8")
        try:
            pack = library.load_file(staged)
        except UserError as exc:
            for line in exc.message.replace(str(staged), str(file)).splitlines():
                print(visible(line), file=env.stderr)
            raise typer.Exit(ExitCode.ERROR) from None
    folder_path = env.home.ensure(env.home.packs)
    target = folder_path / f"{pack.id}.yaml"
    builtin = (library.builtin_dir / target.name).is_file()
    if target.is_file() and target.read_bytes() == text.encode("utf-8"):
        say(env, messages.pack_already_added(pack.title, pack.id))
        return
    if (target.exists() or builtin) and not replace:
        raise UserError(messages.pack_would_replace(pack.id, builtin, target.exists()))
    if target.exists():
        _to_trash(env, target)
    if not atomic.write_new(target, text):
        raise UserError(f"{target} appeared while adding; nothing was replaced")
    say(env, messages.pack_added(pack.title, pack.id, target, builtin))


@packs_app.command("remove")
def packs_remove(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="ID", help="One of your own exercises.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask first.")] = False,
) -> None:
    """Remove a pack of your own (asked first): it is moved to the trash folder, never
    deleted, and your reflections made with it stay as they are.

    Example:  relational packs remove check-in
    """
    from relational_cli.core.packs.library import Library
    from relational_cli.core.packs.model import check_name

    env = environment(ctx)
    check_name(name)
    library = Library(env.home)
    target = env.home.packs / f"{name}.yaml"
    if not target.is_file():
        if (library.builtin_dir / target.name).is_file():
            raise UserError(f"'{name}' is a built-in exercise; only your own packs can be removed")
        library.find(name)  # says "no exercise called …", with a did-you-mean
    if not yes and not confirmed(
        env,
        "Keep it",
        "Remove it (moved to the trash folder)",
        f"removing '{name}' needs --yes when there is no terminal to ask on",
    ):
        say(env, "Nothing was removed.")
        return
    say(env, messages.pack_removed(name, _to_trash(env, target)))


def _pack_id(text: str) -> str | None:
    """The `id` a pack file gives itself, if it can be read at all (the checks come later)."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    from relational_cli.core.packs.model import ID_PATTERN

    pack_id = data.get("id") if isinstance(data, dict) else None
    return pack_id if isinstance(pack_id, str) and ID_PATTERN.fullmatch(pack_id) else None


def _to_trash(env: Environment, path: Path) -> Path:
    """Move a pack of the person's own into `trash/packs/`, under a free name."""
    from relational_cli.core import atomic

    return atomic.move_aside(path, env.home.ensure(env.home.trash / "packs"))
