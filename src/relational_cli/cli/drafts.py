"""What waits to be picked up: `relational drafts` (paused exercises, and what the recovery
folder keeps) and `relational recover` (a kept reflection, back into the journal)."""

from __future__ import annotations

from typing import Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import app, console, environment, say
from relational_cli.core.errors import UserError


@app.command()
def drafts(ctx: typer.Context) -> None:
    """List paused exercises (drafts), and what the recovery folder keeps.

    Example:  relational drafts
    """
    from relational_cli.core.journal import recovery
    from relational_cli.core.journal.drafts import Drafts
    from relational_cli.tui import screen

    env = environment(ctx)
    found, damaged = Drafts(env.home).all()
    kept = recovery.listing(env.home)
    if found or damaged:
        console(env).print(screen.drafts_table(found, damaged))
        say(env, messages.SET_ASIDE_DAMAGED if damaged else messages.PICK_UP_DRAFT)
    else:
        say(env, messages.NO_DRAFTS)
    if kept:
        say(env, messages.in_recovery(len(kept), env.home.recovery))
        for path in kept:
            print(path.name, file=env.stdout)


@app.command()
def recover(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="A file in the recovery folder.")],
) -> None:
    """Bring a reflection kept in the recovery folder back into your journal.

    It is checked as an edit is, and never replaces another reflection: if its id already
    holds other words, it comes back beside them under the next free id. A paused draft kept
    there comes back as its exercise's draft, when that exercise has none.

    Example:  relational recover 20261121-210755-values.md
    """
    from relational_cli.core.journal import fileformat as markdown
    from relational_cli.core.journal.journal import Journal

    env = environment(ctx)
    path = env.home.recovery / name
    if "/" in name or name.startswith(".") or not path.is_file():
        raise UserError(f"no file called '{name}' in {env.home.recovery} (see `relational drafts`)")
    if path.suffix == ".json":
        from relational_cli.core.journal.drafts import DamagedDraft, Drafts

        try:
            exercise = Drafts(env.home).bring_back(path)
        except DamagedDraft:
            raise UserError(messages.not_a_reflection(path)) from None
        say(env, messages.draft_recovered(exercise))
        return
    if path.suffix != ".md":
        raise UserError(messages.not_a_reflection(path))
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None
    try:
        reflection, target, already = Journal(env.home).restore(text, str(path))
    except markdown.FormatError as exc:
        raise UserError(f"{exc}; {messages.fix_and_recover(path, name)}") from None
    path.unlink()  # its words are in the journal now, byte for byte
    say(env, messages.recovered(reflection.id, target, already))
