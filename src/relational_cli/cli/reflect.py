"""`relational reflect`: an exercise, asked in the terminal or answered from a file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import AnswersFile, PlainOption, Result, app, environment, exercise_ids
from relational_cli.core.errors import UserError

if TYPE_CHECKING:
    from relational_cli.core.documents.plan_file import PlanWritten
    from relational_cli.core.exercise.flow import Outcome
    from relational_cli.core.journal.journal import Journal
    from relational_cli.environment import Environment


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

    env = environment(ctx)
    env.plain_asked = plain
    journal = env.journal()
    return _with_its_plan(env, journal, _do(env, journal, exercise, answers))


def _do(env: Environment, journal: Journal, exercise: str | None, answers: str | None) -> Outcome:
    """The exercise, in the terminal or from an answers file: its outcome."""
    from relational_cli.core.exercise import flow
    from relational_cli.core.journal.drafts import Drafts
    from relational_cli.core.packs.library import Library

    library = Library(env.home)
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
    welcome.once(env, host)
    drafts = Drafts(env.home, journal.storage)
    pack = library.load(exercise) if exercise else flow.choose_exercise(library, drafts, host)
    if pack is None:
        return None
    return flow.Exercise(pack, journal, drafts, env.now).run(host)


def _with_its_plan(env: Environment, journal: Journal, outcome: Outcome) -> Outcome | PlanWritten:
    """A self-care plan saved here (begun now, or a paused one finished) is written out as
    the plan document too, as `relational plan` does."""
    from relational_cli.core.exercise.saving import Saved
    from relational_cli.core.packs import known

    if not isinstance(outcome, Saved) or outcome.reflection.exercise != known.PLAN:
        return outcome
    from relational_cli.core.documents import plan_file

    target = plan_file.write(journal, outcome.reflection, "markdown", None, env.region)
    return plan_file.PlanWritten(target, outcome)
