"""Reading back: `relational review` (a list), `show` (one reflection) and `edit` (in $EDITOR)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import (
    ListFormat,
    ListFormatOption,
    ShowFormat,
    app,
    environment,
    say,
)
from relational_cli.cli.output import emit

if TYPE_CHECKING:
    from relational_cli.core.journal import Journal
    from relational_cli.environment import Environment

REFERENCE_HELP = "A reflection id (or its start), or latest."


@app.command()
def review(
    ctx: typer.Context,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, help="Show at most this many (table default: 20)."),
    ] = None,
    exercise: Annotated[
        str | None, typer.Option("--exercise", "-e", help="Only this exercise.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Only from this day on (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Only up to this day (YYYY-MM-DD).")] = None,
    output: ListFormatOption = ListFormat.table,
) -> None:
    """List past reflections, newest first.

    Example:  relational review --exercise values --since 2026-01-01
    """
    from relational_cli.core.journal import Journal
    from relational_cli.core.packs import check_name
    from relational_cli.core.query import STEP_EXERCISE, Query, day, step_outcomes

    env = environment(ctx)
    as_json = output is ListFormat.json
    query = Query(
        exercise=check_name(exercise) if exercise is not None else None,
        since=day(since, "--since"),
        until=day(until, "--until"),
        limit=limit if limit is not None else (None if as_json else 20),
    )

    def warn(path: Path, problem: Exception) -> None:
        say(env, f"relational: warning: skipped {path}: {problem}")

    journal = Journal(env.home)
    page = journal.query(query, warn)
    if not page.rows and query.exercise:
        _check_exercise(env, journal, query.exercise)
    if not page.rows and not as_json:
        say(env, messages.NO_MATCHES if page.filtered else messages.NO_REFLECTIONS)
        return
    if as_json and any(row.exercise == STEP_EXERCISE for row in page.rows):
        steps = {path.stem: path for path in journal.files_of(STEP_EXERCISE)}
        outcomes = step_outcomes(page.rows, list(steps), lambda id: journal.load(steps[id]))
        page = dataclasses.replace(page, outcomes=outcomes)
    emit(env, page, as_json)
    if page.more:
        say(env, messages.showing_newest(query.limit))


@app.command()
def show(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(metavar="ID", help=REFERENCE_HELP)] = "latest",
    output: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text, markdown or json.")
    ] = ShowFormat.text,
) -> None:
    """Show one reflection.

    Example:  relational show latest --format markdown
    """
    from relational_cli.core.journal import Journal

    env = environment(ctx)
    journal = Journal(env.home)
    path = journal.resolve(reference)
    reflection = journal.load(path)
    if output is ShowFormat.markdown:
        raw = path.read_text(encoding="utf-8")
        if env.stdout_isatty:  # the file as it is, but never a control sequence on a terminal
            from relational_cli.core.inert import visible

            raw = visible(raw)
        env.stdout.write(raw if raw.endswith("\n") else raw + "\n")
        return
    emit(env, reflection, output is ShowFormat.json)


@app.command()
def edit(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(metavar="ID", help=REFERENCE_HELP)] = "latest",
) -> None:
    """Open a saved reflection in your editor ($VISUAL or $EDITOR) to change your answers.

    Your changes are kept only if the file still reads as the same reflection; if not, you
    are told what is wrong and nothing you wrote is thrown away.

    Example:  EDITOR=nano relational edit latest
    """
    from relational_cli.core.journal import Journal
    from relational_cli.tui import editing

    env = environment(ctx)
    journal = Journal(env.home)

    def try_again() -> bool:
        """Whether to open the editor again on the copy (else it is kept aside)."""
        from relational_cli.tui.asker import make_asker

        asker = make_asker(env)
        again = asker.choose([messages.EDIT_AGAIN, messages.EDIT_ASIDE], messages.EDIT_AGAIN)
        return again == messages.EDIT_AGAIN

    path = journal.resolve(reference)
    editing.edit(
        journal,
        path,
        env.environ,
        lambda line: say(env, line),
        try_again if env.interactive else None,
    )


def _check_exercise(env: Environment, journal: Journal, exercise: str) -> None:
    """An exercise no pack has, and no reflection either, is most likely a typo."""
    from relational_cli.core.errors import UserError, did_you_mean
    from relational_cli.core.packs import Library

    packs = [pack_file.path.stem for pack_file in Library(env.home).files()]
    if exercise in packs:
        return
    written = {row.exercise for row in journal.summaries()}  # a pack since removed, say
    if exercise not in written:
        known = did_you_mean(exercise, [*packs, *sorted(written)])
        raise UserError(f"no exercise or reflections called '{exercise}'{known}")
