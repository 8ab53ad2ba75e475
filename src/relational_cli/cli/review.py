"""Reading back: `relational review` (a list), `show` (one reflection), `edit` (in $EDITOR),
`delete` and the `trash`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import (
    ExerciseOption,
    LimitOption,
    ListFormat,
    ListFormatOption,
    Result,
    ShowFormat,
    SinceOption,
    TagOption,
    UntilOption,
    app,
    confirmed,
    environment,
)
from relational_cli.cli.output import Said, Shown
from relational_cli.cli.read import looking_through, warner
from relational_cli.cli.read import review as read_review
from relational_cli.cli.read import show as read_show
from relational_cli.cli.text import say

if TYPE_CHECKING:
    pass

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
) -> Result:
    """List past reflections, newest first.

    \b
    Examples:  relational review --exercise values --since 2026-01-01
               relational review --since "last month" --tag small-steps
               relational review --on-this-day
    """
    as_json = output is ListFormat.json
    env = environment(ctx)
    return read_review(env, limit, exercise, since, until, tag, on_this_day, as_json)


@app.command()
def show(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(metavar="ID", help=REFERENCE_HELP)] = "latest",
    output: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text, markdown or json.")
    ] = ShowFormat.text,
) -> Result:
    """Show one reflection.

    Example:  relational show latest --format markdown
    """
    return read_show(environment(ctx), reference, output.value)


@app.command()
def edit(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(metavar="ID", help=REFERENCE_HELP)] = "latest",
) -> Result:
    """Open a saved reflection in your editor ($VISUAL or $EDITOR) to change your answers.

    Your changes are kept only if the file still reads as the same reflection; if not, you
    are told what is wrong and nothing you wrote is thrown away.

    Example:  EDITOR=nano relational edit latest
    """
    from relational_cli.core.journal import editing

    env = environment(ctx)
    journal = env.journal()

    def try_again() -> bool:
        """Whether to open the editor again on the copy (else it is kept aside)."""
        from relational_cli.tui.askers import make_asker

        again = make_asker(env).choose(
            [messages.journal.EDIT_AGAIN, messages.journal.EDIT_ASIDE], messages.journal.EDIT_AGAIN
        )
        return again == messages.journal.EDIT_AGAIN

    return editing.edit(
        journal,
        journal.resolve(reference, warner(env), looking_through(env)),
        env.environ,
        lambda line: say(env, line),
        try_again if env.interactive else None,
    )


@app.command()
def delete(
    ctx: typer.Context,
    reference: Annotated[str, typer.Argument(metavar="ID", help="A reflection id (or its start).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask first.")] = False,
) -> Result:
    """Move a reflection to the trash (asked first). `relational trash` lists what is there
    and brings it back; nothing is deleted for good until you empty the trash.

    Example:  relational delete 20261121-210755-values
    """

    env = environment(ctx)
    journal = env.journal()
    path = journal.resolve(reference, warner(env), looking_through(env))
    reflection = journal.load(path)
    if not yes and not confirmed(
        env,
        messages.general.KEEP_IT,
        messages.journal.MOVE_TO_TRASH,
        messages.journal.delete_needs_yes(reflection.id),
        question=messages.journal.sure_delete(reflection.title),
    ):
        return Said((messages.journal.NOTHING_DELETED,))
    trashed = journal.delete(path)
    return Said((messages.journal.moved_to_trash(reflection.id, trashed),))


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
) -> Result:
    """List the reflections in the trash; bring one back, or empty it.

    \b
    Examples:  relational trash
               relational trash --restore 20261121-210755-values
    """
    from relational_cli.core.journal import trash as bin
    from relational_cli.core.journal.query import Page

    env = environment(ctx)
    journal = env.journal()
    if restore is not None:
        return Said((messages.journal.restored(bin.restore(journal, bin.find(journal, restore))),))
    if empty:
        if not yes and not confirmed(
            env,
            messages.general.KEEP_IT,
            messages.journal.YES_EMPTY,
            messages.journal.EMPTY_NEEDS_YES,
            message=messages.journal.SURE_EMPTY,
        ):
            return None
        return Said((messages.journal.emptied(bin.empty(journal)),))
    rows = bin.listed(journal)
    if not rows and output is ListFormat.table:
        return Said((messages.journal.TRASH_EMPTY,))
    return Shown(Page(rows), output is ListFormat.json)
