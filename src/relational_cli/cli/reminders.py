"""`relational reminders`: a calendar file, so a person's own calendar reminds them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import Result, app, environment
from relational_cli.core.errors import ExitCode, UserError

if TYPE_CHECKING:
    from relational_cli.environment import Environment


@app.command()
def reminders(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE.ics",
            help="Where to write the calendar file (default: reminders.ics in your data folder).",
        ),
    ] = None,
    day: Annotated[
        str | None,
        typer.Option(
            "--day", metavar="DAY", help="The check-in's day (e.g. sunday), if its step names none."
        ),
    ] = None,
    at: Annotated[
        str | None,
        typer.Option("--time", metavar="HH:MM", help="The check-in's time (default: 18:00)."),
    ] = None,
) -> Result:
    """Write a calendar file, so your own calendar reminds you: no background process.

    It holds a weekly check-in for your current small step (on the day and at the time its
    "After I …" names, else on a day you pick) and the day your self-care plan said to look at
    it again. Import it into your calendar app (most open .ics files; Google Calendar:
    Settings › Import). It holds none of your words, and importing a newer file updates the
    same events.

    Example:  relational reminders --output ~/reminders.ics
    """
    from relational_cli.core.documents import reminders as calendar

    env = environment(ctx)
    return calendar.make(
        env.journal(),
        env.now(),
        output or env.home.root / "reminders.ics",
        calendar.parse_day(day) if day is not None else None,
        calendar.parse_time(at) if at is not None else None,
        _ask_day(env) if env.interactive else None,
        calendar.local_zone(env.environ),
    )


def _ask_day(env: Environment) -> Callable[[int], int]:
    """Asks the check-in's day in the terminal, when the step names none (the day it was
    set offered first)."""

    def ask(set_on: int) -> int:
        from relational_cli.core.documents.reminders import WEEKDAYS
        from relational_cli.tui.askers import make_asker

        names = [name.title() for name in WEEKDAYS]
        host = make_asker(env)
        host.heading(messages.plan.WHICH_DAY)
        try:
            return names.index(host.choose(names, names[set_on]))
        except KeyboardInterrupt:
            raise UserError(messages.exercise.NOT_NOW, ExitCode.OK) from None

    return ask
