"""`relational reflect` (an exercise, in the terminal or from an answers file) and `drafts`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import AnswersFile, PlainOption, app, environment, exercise_ids, say
from relational_cli.core.errors import UserError

if TYPE_CHECKING:
    from relational_cli.core.packs.library import Library
    from relational_cli.core.packs.model import Pack
    from relational_cli.environment import Environment
    from relational_cli.tui.asker import TerminalAsker


@app.command()
def reflect(
    ctx: typer.Context,
    exercise: Annotated[
        str | None,
        typer.Argument(
            help="Exercise to do, e.g. values (leave out for a menu).",
            autocompletion=exercise_ids,
        ),
    ] = None,
    answers: AnswersFile = None,
    plain: PlainOption = False,
) -> None:
    """Do an exercise: answer its questions one at a time; the reflection is saved as Markdown.

    Every question can be skipped (leave it empty), and Ctrl-C pauses: your answers are kept
    as a draft and the next `relational reflect` of that exercise picks up where you left off.

    Example:  relational reflect weekly-step
    """
    from relational_cli.core.packs.library import Library
    from relational_cli.tui.exercise import Exercise, Stopped

    env = environment(ctx)
    env.plain_asked = plain
    library = Library(env.home)
    if answers is not None:
        if exercise is None:
            raise UserError(
                "--answers needs an exercise name, e.g. `relational reflect values --answers FILE`"
            )
        Exercise(library.load(exercise), env).from_file(answers)
        return
    if not env.interactive:
        raise UserError(messages.NO_TERMINAL)
    from relational_cli.tui import welcome
    from relational_cli.tui.askers import make_asker

    asker = make_asker(env)
    welcome.once(env, asker.console)
    pack = library.load(exercise) if exercise else _choose_pack(env, library, asker)
    if pack is None:
        return
    try:
        Exercise(pack, env).in_terminal(asker)
    except Stopped as stop:
        raise typer.Exit(stop.exit_code) from None


def _choose_pack(env: Environment, library: Library, asker: TerminalAsker) -> Pack | None:
    from relational_cli.core.journal.drafts import Drafts
    from relational_cli.tui import screen

    catalogue = library.load_all()
    found = catalogue.menu
    for pack in catalogue.broken:
        say(env, f"relational: warning: skipped pack {pack.path.name}: {pack.problem}")
    if not found:
        raise UserError("no exercises found (the built-in packs are missing from this install)")
    paused = {draft.exercise for draft in Drafts(env.home).all()[0]}
    labels = {messages.menu_label(p.title, p.minutes, p.id in paused): p for p in found}
    asker.console.print(screen.question(messages.MENU_TITLE))
    try:
        summaries = {label: pack.summary for label, pack in labels.items()}
        choice = asker.choose([*labels, messages.NOT_NOW_CHOICE], descriptions=summaries)
    except KeyboardInterrupt:
        return None
    return labels.get(choice)
