"""Reading back: `relational review` (a list), `show` (one reflection) and `edit` (in $EDITOR)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import (
    ExerciseOption,
    LimitOption,
    ListFormat,
    ListFormatOption,
    ShowFormat,
    SinceOption,
    TagOption,
    UntilOption,
    app,
    confirmed,
    environment,
    make_query,
    progress_bar,
    say,
    warner,
)
from relational_cli.cli.output import emit

if TYPE_CHECKING:
    from relational_cli.core.journal.journal import Journal
    from relational_cli.environment import Environment

REFERENCE_HELP = "A reflection id (or its start), or latest."


@app.command()
def review(
    ctx: typer.Context,
    limit: LimitOption = None,
    exercise: ExerciseOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    tag: TagOption = None,
    on_this_day: Annotated[
        bool, typer.Option("--on-this-day", help="Only this day of the year, in earlier years.")
    ] = False,
    output: ListFormatOption = ListFormat.table,
) -> None:
    """List past reflections, newest first.

    \b
    Examples:  relational review --exercise values --since 2026-01-01
               relational review --since "last month" --tag small-steps
               relational review --on-this-day
    """
    from relational_cli.core.journal.journal import Journal
    from relational_cli.core.search.query import STEP_EXERCISE, step_outcomes

    env = environment(ctx)
    as_json = output is ListFormat.json
    query = make_query(env, exercise, since, until, tag, limit, as_json, on_this_day)
    journal = Journal(env.home)
    page = journal.query(query, warner(env), progress_bar(env))
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
    from relational_cli.core.journal.journal import Journal

    env = environment(ctx)
    journal = Journal(env.home)
    path = journal.resolve(reference)
    reflection = journal.load(path)
    if output is ShowFormat.markdown:
        raw = path.read_text(encoding="utf-8")
        if env.stdout_isatty:  # the file as it is, but never a control sequence on a terminal
            from relational_cli.core.documents.escaping import visible

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
    from relational_cli.core.journal.journal import Journal
    from relational_cli.tui import editing

    env = environment(ctx)
    journal = Journal(env.home)

    def try_again() -> bool:
        """Whether to open the editor again on the copy (else it is kept aside)."""
        from relational_cli.tui.askers import make_asker

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


@app.command()
def delete(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(metavar="ID", help="A reflection id (or its start).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask first.")] = False,
) -> None:
    """Move a reflection to the trash (asked first). `relational trash` lists what is there
    and brings it back; nothing is deleted for good until you empty the trash.

    Example:  relational delete 20261121-210755-values
    """
    from relational_cli.core.journal.journal import Journal

    env = environment(ctx)
    journal = Journal(env.home)
    path = journal.resolve(reference)
    reflection = journal.load(path)
    if not yes and not confirmed(
        env,
        messages.KEEP_IT,
        messages.MOVE_TO_TRASH,
        messages.delete_needs_yes(reflection.id),
        question=messages.sure_delete(reflection.title),
    ):
        say(env, messages.NOTHING_DELETED)
        return
    trashed = journal.delete(path)
    say(env, messages.moved_to_trash(reflection.id, trashed))


@app.command()
def trash(
    ctx: typer.Context,
    restore: Annotated[
        str | None,
        typer.Option("--restore", metavar="ID", help="Bring this one back into your journal."),
    ] = None,
    empty: Annotated[
        bool, typer.Option("--empty", help="Delete everything in the trash for good.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask before emptying.")] = False,
    output: ListFormatOption = ListFormat.table,
) -> None:
    """List the reflections in the trash; bring one back, or empty it.

    \b
    Examples:  relational trash
               relational trash --restore 20261121-210755-values
    """
    from relational_cli.core.journal import trash as bin
    from relational_cli.core.journal.journal import Journal
    from relational_cli.core.search.query import Page

    env = environment(ctx)
    journal = Journal(env.home)
    if restore is not None:
        back = bin.restore(journal, bin.find(journal, restore))
        say(env, messages.restored(back))
        return
    if empty:
        if not yes and not confirmed(
            env,
            messages.KEEP_IT,
            messages.YES_EMPTY,
            "emptying the trash deletes for good; add --yes to do it",
            message=messages.SURE_EMPTY,
        ):
            return
        say(env, messages.emptied(bin.empty(journal)))
        return
    rows = bin.listed(journal)
    if not rows and output is ListFormat.table:
        say(env, messages.TRASH_EMPTY)
        return
    emit(env, Page(rows), output is ListFormat.json)


def _check_exercise(env: Environment, journal: Journal, exercise: str) -> None:
    """An exercise no pack has, and no reflection either, is most likely a typo."""
    from relational_cli.core.errors import UserError, did_you_mean
    from relational_cli.core.packs.library import Library

    packs = [pack_file.path.stem for pack_file in Library(env.home).files()]
    if exercise in packs:
        return
    written = {row.exercise for row in journal.summaries()}  # a pack since removed, say
    if exercise not in written:
        known = did_you_mean(exercise, [*packs, *sorted(written)])
        raise UserError(f"no exercise or reflections called '{exercise}'{known}")
