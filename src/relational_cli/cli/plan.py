"""`relational plan`: the self-care plan exercise, written out as a plan document to keep."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from relational_cli import messages
from relational_cli.cli.app import (
    AnswersFile,
    ForceOption,
    PlainOption,
    Result,
    app,
    environment,
    output_file,
    output_form,
)
from relational_cli.core.errors import UserError


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
        bool,
        typer.Option(
            "--show",
            help="Show your current plan instead of writing a file (into a pipe: its Markdown).",
        ),
    ] = False,
    output_format: Annotated[
        PlanFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="markdown, or html: one page that prints well; without it, as the --output"
            " file's name says (.html), else markdown.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Where to write it (default: plan.md or plan.html in your data folder; -:"
            " stdout).",
        ),
    ] = None,
    force: ForceOption = False,
    all_lines: Annotated[
        bool,
        typer.Option("--all-lines", help="List every support line, not only those of your region."),
    ] = False,
    values_in_full: Annotated[
        bool,
        typer.Option(
            "--values-in-full",
            help="Add what your values reflection says in your words, not only the ranked values.",
        ),
    ] = False,
    plain: PlainOption = False,
) -> Result:
    """Make your self-care plan, and keep it as a document to read, print or share.

    Answers the self-care plan's questions, saves them as a reflection, and writes the plan:
    your ranked values first (from your latest values card sort), then your practices,
    boundaries, early warning signs, what helps when things are hard and what helps from
    others, what might get in the way, the people and professionals you can reach, the support
    lines of your region, and the day you'll look at it again. It is kept short, to print on a
    page and share. Run it again to revise it: every answer of your last plan is offered again
    (Enter keeps it), and each version stays in your journal. With --format, --output,
    --all-lines or --values-in-full, the plan you have is written so (in a terminal you may
    answer afresh instead).

    \b
    Examples:  relational plan
               relational plan --format html --output ~/Documents/my-plan.html
               relational plan --show
    """
    from relational_cli.cli.output import Document, Drawn
    from relational_cli.core.documents import plan_file
    from relational_cli.core.exercise.saving import Saved

    env = environment(ctx)
    env.plain_asked = plain
    if answers is not None and (source is not None or show):
        raise UserError(messages.plan.NEW_PLAN_ONLY)
    given = output_format.value if output_format is not None else None
    form = output_form(env, output, given, plan_file.FORMATS)
    target, replace = (None, False) if show else output_file(env, output, force)
    journal = env.journal()
    region = env.region
    saved, made = None, None
    if show or source is not None:
        made = plan_file.existing(journal, source or "latest")
    elif answers is None and (
        output is not None
        or output_format not in (None, PlanFormat.markdown)
        or all_lines
        or values_in_full
    ):  # the same plan, in another form, place or length
        made = _the_plan_there_is(env, journal)
    if made is None:
        if answers is not None and env.storage.keys.locked:
            env.storage.keys.identity()  # the document reads the journal: unlocked first,
            # or nothing is saved (a plan saved without its document would be saved again)
        outcome = _do_the_exercise(env, journal, answers)
        if not isinstance(outcome, Saved):  # not now, nothing answered, or paused
            return outcome
        saved, made = outcome, outcome.reflection
    chosen = plan_file.Choices(all_lines, values_in_full)
    if show and form == "markdown" and env.stdout_isatty:
        return Drawn(plan_file.document(journal, made, "screen", region, chosen))
    if show:  # into a pipe or a file: the document itself, as data
        return Document(plan_file.document(journal, made, form, region, chosen))
    options = (
        *(("--format", form) if form != "markdown" else ()),
        *(("--all-lines",) if all_lines else ()),
        *(("--values-in-full",) if values_in_full else ()),
    )
    try:
        if output is not None and target is None:  # `--output -`: the plan, to standard output
            text = plan_file.document(journal, made, form, region, chosen)
            return plan_file.PlanWritten(None, saved, options, text)
        written = plan_file.write(journal, made, form, target, region, chosen, replace)
    except UserError as exc:
        from relational_cli.core.lock.keys import Locked

        if saved is None or not isinstance(exc, Locked):
            raise
        raise UserError(messages.plan.SAVED_STILL_LOCKED) from None
    return plan_file.PlanWritten(written, saved, options)


def _the_plan_there_is(env: Any, journal: Any) -> Any:
    """The latest plan, to write again, unless the person (asked in a terminal) would rather
    answer the questions again; None then, or when there is no plan yet."""
    from relational_cli.core.packs import known

    latest = journal.latest_of(known.PLAN)
    if latest is None or not env.interactive:
        return latest
    from relational_cli.core.documents.digest import day_of
    from relational_cli.core.documents.plan import long_date
    from relational_cli.tui.askers import make_asker

    use = messages.plan.use_plan(long_date(day_of(latest)))
    choice = make_asker(env).choose(
        [use, messages.plan.ANSWER_AGAIN], use, message=messages.plan.WHICH
    )
    return latest if choice == use else None


def _do_the_exercise(env: Any, journal: Any, answers: str | None) -> Any:
    """The plan exercise, in the terminal or from an answers file: its outcome."""
    from relational_cli.core.exercise import flow
    from relational_cli.core.journal.drafts import Drafts
    from relational_cli.core.packs import known
    from relational_cli.core.packs.library import Library

    pack = Library(env.home).load(known.PLAN)
    if answers is not None:
        stdin_text = env.stdin.read() if answers == "-" else None
        return flow.answer_from_file(journal, pack, answers, stdin_text, env.now())
    if not env.interactive:
        raise UserError(messages.plan.NO_TERMINAL_PLAN)
    from relational_cli.tui import welcome
    from relational_cli.tui.askers import make_asker

    host = make_asker(env)
    welcome.once(env, host)
    return flow.Exercise(pack, journal, Drafts(env.home, journal.storage), env.now).run(host)
