"""`relational plan`: the self-care plan exercise, written out as a plan document to keep."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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

if TYPE_CHECKING:
    from relational_cli.core.documents.plan_file import FromFile
    from relational_cli.core.exercise.flow import Outcome
    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.journal.journal import Journal
    from relational_cli.core.packs.model import Pack
    from relational_cli.environment import Environment


class PlanFormat(str, Enum):
    markdown = "markdown"
    html = "html"


FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="ID",
        help="Write the document from a plan you made before (an id, or latest); asks nothing.",
    ),
]

ShowOption = Annotated[
    bool,
    typer.Option(
        "--show",
        help="Show your current plan instead of writing a file (into a pipe: its Markdown).",
    ),
]

PlanFormatOption = Annotated[
    PlanFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="markdown, or html: one page that prints well; without it, as the --output"
        " file's name says (.html), else markdown.",
        show_default=False,
    ),
]

PlanOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="PATH",
        help="Where to write it (default: plan.md or plan.html in your data folder; -: stdout).",
    ),
]

AllLinesOption = Annotated[
    bool,
    typer.Option("--all-lines", help="List every support line, not only those of your region."),
]

ValuesInFullOption = Annotated[
    bool,
    typer.Option(
        "--values-in-full",
        help="Add what your values reflection says in your words, not only the ranked values.",
    ),
]


@app.command()
def plan(
    ctx: typer.Context,
    answers: AnswersFile = None,
    source: FromOption = None,
    show: ShowOption = False,
    output_format: PlanFormatOption = None,
    output: PlanOutputOption = None,
    force: ForceOption = False,
    all_lines: AllLinesOption = False,
    values_in_full: ValuesInFullOption = False,
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
    from relational_cli.core.documents import plan_file

    env = environment(ctx)
    env.plain_asked = plain
    if answers is not None and (source is not None or show):
        raise UserError(messages.plan.NEW_PLAN_ONLY)
    form = output_form(env, output, output_format and output_format.value, plan_file.FORMATS)
    target, replace = (None, False) if show else output_file(env, output, force)
    asked = plan_file.Asked(
        form=form,
        region=env.region,
        chosen=plan_file.Choices(all_lines, values_in_full),
        source=source,
        show=show,
        on_screen=show and form == "markdown" and env.stdout_isatty,
        again=answers is None
        and (output is not None or form != "markdown" or all_lines or values_in_full),
        target=target,
        to_stdout=output is not None and target is None,  # `--output -`
        replace=replace,
        answers=_from_file(env, answers),
        options=_options(form, all_lines, values_in_full),
    )
    journal = env.journal()
    return plan_file.make(journal, asked, _Terminal(env) if env.interactive else None)


def _from_file(env: Environment, answers: str | None) -> FromFile | None:
    """The answers of `--answers FILE` (`-`: read from standard input)."""
    if answers is None:
        return None
    from relational_cli.core.documents.plan_file import FromFile

    return FromFile(answers, env.stdin.read() if answers == "-" else None, env.now())


def _options(form: str, all_lines: bool, values_in_full: bool) -> tuple[str, ...]:
    """The options the plan is written with, which a hint to write it again keeps."""
    return (
        *(("--format", form) if form != "markdown" else ()),
        *(("--all-lines",) if all_lines else ()),
        *(("--values-in-full",) if values_in_full else ()),
    )


class _Terminal:
    """The person at the terminal, as the plan asks them."""

    def __init__(self, env: Environment) -> None:
        self.env = env

    def keep(self, plan: Reflection) -> bool:
        from relational_cli.core.documents.digest import day_of
        from relational_cli.core.documents.plan import long_date
        from relational_cli.tui.askers import make_asker

        use = messages.plan.use_plan(long_date(day_of(plan)))
        choice = make_asker(self.env).choose(
            [use, messages.plan.ANSWER_AGAIN], use, message=messages.plan.WHICH
        )
        return choice == use

    def answer(self, journal: Journal, pack: Pack) -> Outcome:
        from relational_cli.core.exercise import flow
        from relational_cli.core.journal.drafts import Drafts
        from relational_cli.tui import welcome
        from relational_cli.tui.askers import make_asker

        host = make_asker(self.env)
        welcome.once(self.env, host)
        drafts = Drafts(self.env.home, journal.storage)
        return flow.Exercise(pack, journal, drafts, self.env.now).run(host)
