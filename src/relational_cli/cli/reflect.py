"""`relational reflect`: an exercise, asked in the terminal or answered from a file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import AnswersFile, PlainOption, Result, app, environment, exercise_ids
from relational_cli.core.errors import UserError

if TYPE_CHECKING:
    pass


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
) -> Result:
    """Do an exercise: answer its questions one at a time; the reflection is saved as Markdown.

    Every question can be skipped (leave it empty), and Ctrl-C pauses: your answers are kept
    as a draft and the next `relational reflect` of that exercise picks up where you left off.

    Example:  relational reflect weekly-step
    """
    from relational_cli.core.exercise import flow
    from relational_cli.core.journal.drafts import Drafts
    from relational_cli.core.journal.journal import Journal
    from relational_cli.core.packs.library import Library

    env = environment(ctx)
    env.plain_asked = plain
    library = Library(env.home)
    journal = Journal(env.home, env.storage)
    if answers is not None:
        if exercise is None:
            raise UserError(messages.exercise.ANSWERS_NEED_EXERCISE)
        stdin_text = env.stdin.read() if answers == "-" else None
        return flow.answer_from_file(
            journal, library.load(exercise), answers, stdin_text, env.now()
        )
    if not env.interactive:
        raise UserError(messages.exercise.NO_TERMINAL)
    from relational_cli.tui import welcome
    from relational_cli.tui.askers import make_asker

    host = make_asker(env)
    welcome.once(env, host.console)
    drafts = Drafts(env.home, journal.storage)
    pack = library.load(exercise) if exercise else flow.choose_exercise(library, drafts, host)
    if pack is None:
        return None
    return flow.Exercise(pack, journal, drafts, env.now).run(host)
