"""`relational plan`: the self-care plan exercise, written out as a plan document to keep."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import AnswersFile, PlainOption, app, environment, say
from relational_cli.core.errors import UserError

if TYPE_CHECKING:
    from relational_cli.core.documents.reminders import CheckIn
    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.journal.journal import Journal
    from relational_cli.environment import Environment


class PlanFormat(str, Enum):
    markdown = "markdown"
    html = "html"


@app.command()
def plan(
    ctx: typer.Context,
    answers: AnswersFile = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="ID",
            help="Write the document from a plan you made before (an id, or latest); asks nothing.",
        ),
    ] = None,
    show: Annotated[
        bool, typer.Option("--show", help="Print your current plan instead of writing a file.")
    ] = False,
    output_format: Annotated[
        PlanFormat,
        typer.Option("--format", "-f", help="markdown, or html: one page that prints well."),
    ] = PlanFormat.markdown,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Where to write it (default: plan.md or plan.html in your data folder).",
        ),
    ] = None,
    plain: PlainOption = False,
) -> None:
    """Make your self-care plan, and keep it as a document to read, print or share.

    Answers the self-care plan's questions, saves them as a reflection, and writes the plan:
    your values first (from your latest values card sort), then your practices, boundaries,
    what helps when things are hard, who you can reach out to, where to find support, and the
    day you'll look at it again. Run it again to revise it: every answer of your last plan is
    offered again (Enter keeps it), and each version stays in your journal.

    \b
    Examples:  relational plan
               relational plan --format html --output ~/Documents/my-plan.html
               relational plan --show
    """
    from relational_cli.core.journal.journal import Journal

    env = environment(ctx)
    env.plain_asked = plain
    if answers is not None and (source is not None or show):
        raise UserError("--answers makes a new plan; it cannot go with --from or --show")
    journal = Journal(env.home)
    if show or source is not None:
        made = _existing(journal, source or "latest")
    else:
        made = journal.load(_answer(env, answers))
    if show:
        env.stdout.write(_document(env, made, output_format))
        return
    _write(env, made, output_format, output)


def _existing(journal: Journal, reference: str) -> Reflection:
    """The plan `reference` names (an id, or latest), checked to be a plan."""
    from relational_cli.core.documents import plan as plans

    if reference == "latest":
        latest = journal.latest_of(plans.EXERCISE)
        if latest is None:
            raise UserError(messages.NO_PLAN)
        return latest
    return plans.check_plan(journal.load(journal.resolve(reference)))


def _answer(env: Environment, answers: str | None) -> Path:
    """Do the plan exercise (in the terminal, or from a file); where it was saved."""
    from relational_cli.core.documents import plan as plans
    from relational_cli.core.packs.library import Library
    from relational_cli.tui.exercise import Exercise, Stopped

    exercise = Exercise(Library(env.home).load(plans.EXERCISE), env)
    if answers is not None:
        exercise.from_file(answers)
    elif not env.interactive:
        raise UserError(messages.NO_TERMINAL_PLAN)
    else:
        from relational_cli.tui import welcome
        from relational_cli.tui.askers import make_asker

        asker = make_asker(env)
        welcome.once(env, asker.console)
        try:
            exercise.in_terminal(asker)
        except Stopped as stop:
            raise typer.Exit(stop.exit_code) from None
    if exercise.saved is None:  # not now, or nothing answered: no plan to write
        raise typer.Exit()
    return exercise.saved


def _document(env: Environment, made: Reflection, output_format: PlanFormat) -> str:
    from relational_cli.core import support
    from relational_cli.core.documents import plan as plans
    from relational_cli.core.journal.journal import Journal

    values = Journal(env.home).latest_of("values")
    region = support.region_of(env.environ)
    if output_format is PlanFormat.html:
        text = plans.markdown(made, values, region, front=False)
        from relational_cli.core.documents.html_page import html

        return html(text, plans.title_of(made))
    return plans.markdown(made, values, region)


def _write(
    env: Environment, made: Reflection, output_format: PlanFormat, output: Path | None
) -> None:
    from relational_cli.core.documents import plan as plans

    suffix = "html" if output_format is PlanFormat.html else "md"
    target = output or env.home.root / f"{plans.PLAN_FILE}.{suffix}"
    try:
        _write_out(env, target, _document(env, made, output_format), output is None)
    except OSError as exc:
        raise UserError(
            messages.plan_not_written(target, exc.strerror or str(exc), made.id)
        ) from None
    say(env, messages.plan_written(target))


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
) -> None:
    """Write a calendar file, so your own calendar reminds you: no background process.

    It holds a weekly check-in for your current small step (on the day and at the time its
    "After I …" names, else on a day you pick) and the day your self-care plan said to look at
    it again. Import it into your calendar app (most open .ics files; Google Calendar:
    Settings › Import). It holds none of your words, and importing a newer file updates the
    same events.

    Example:  relational reminders --output ~/reminders.ics
    """
    from relational_cli.core.documents import plan as plans
    from relational_cli.core.documents import reminders as calendar
    from relational_cli.core.journal.journal import Journal

    env = environment(ctx)
    journal = Journal(env.home)
    step = journal.latest_of("weekly-step")
    made = journal.latest_of(plans.EXERCISE)
    now = env.now()
    review = plans.review_date(made) if made else None
    if review is not None and review < now.date():
        say(env, messages.review_passed(plans.long_date(review)))
        review = None
    check_in = _check_in(env, step, day, at) if step else None
    if check_in is None and review is None:
        raise UserError(messages.NOTHING_TO_REMIND)
    target = output or env.home.root / "reminders.ics"
    try:
        ics = calendar.calendar(check_in, review, now).decode("utf-8")
        _write_out(env, target, ics, output is None)
    except OSError as exc:
        raise UserError(f"could not write {target}: {exc.strerror or exc}") from None
    if check_in is not None:
        when = f"{calendar.WEEKDAYS[check_in.weekday].title()}s at {check_in.at:%H:%M}"
        say(env, messages.check_in_set(when))
    if review is not None:
        say(env, messages.review_set(plans.long_date(review)))
    say(env, messages.reminders_written(target))


def _write_out(env: Environment, target: Path, text: str, in_data_folder: bool) -> None:
    """Write a document atomically and private (0600). The data folder is made if need be;
    a folder the person named (`--output`) must already exist."""
    from relational_cli.core import atomic

    if in_data_folder:
        env.home.ensure(env.home.root)
    atomic.replace(target, text)


def _check_in(env: Environment, step: Reflection, day: str | None, at: str | None) -> CheckIn:
    """When the weekly check-in is: --day, else the day the step names, else one picked;
    --time, else the time the step names, else 18:00."""
    from relational_cli.core.documents import reminders as calendar

    words = calendar.step_words(step)
    if day is not None:
        if day.lower().rstrip("s") not in calendar.WEEKDAYS:
            raise UserError(f"--day: '{day}' is not a day of the week (e.g. sunday)")
        weekday: int | None = calendar.WEEKDAYS.index(day.lower().rstrip("s"))
    else:
        weekday = calendar.day_named(words)
    if weekday is None:
        weekday = _pick_day(env, step)
    when = calendar.time_named(words) or calendar.DEFAULT_TIME
    if at is not None:
        try:
            hour, minute = (int(part) for part in at.split(":"))
            when = when.replace(hour=hour, minute=minute)
        except ValueError:
            raise UserError(f"--time: '{at}' is not a time like 18:30") from None
    return calendar.CheckIn(weekday, when)


def _pick_day(env: Environment, step: Reflection) -> int:
    """The check-in's day when the step names none: asked in a terminal, else the day of the
    week the step was set."""
    from datetime import datetime

    from relational_cli.core.documents import reminders as calendar

    try:
        set_on = datetime.fromisoformat(step.created).weekday()
    except ValueError:
        set_on = env.now().weekday()
    names = [name.title() for name in calendar.WEEKDAYS]
    if not env.interactive:
        say(env, messages.check_in_day(names[set_on]))
        return set_on
    from relational_cli.tui import screen
    from relational_cli.tui.askers import make_asker

    asker = make_asker(env)
    asker.console.print(screen.question(messages.WHICH_DAY))
    try:
        return names.index(asker.choose(names, names[set_on]))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None
