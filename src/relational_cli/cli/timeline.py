"""`relational timeline`: reflections over time, the weekly steps, the top values."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import (
    ForceOption,
    OutputOption,
    Result,
    SinceOption,
    app,
    environment,
    output_file,
    output_form,
)
from relational_cli.cli.output import Document, Said, Shown
from relational_cli.cli.read import progress_bar, warner

if TYPE_CHECKING:
    from relational_cli.core.documents.timeline import Timeline


class Period(str, Enum):
    week = "week"
    month = "month"


class TimelineFormat(str, Enum):
    table = "table"
    json = "json"
    html = "html"


@app.command()
def timeline(
    ctx: typer.Context,
    by: Annotated[Period, typer.Option("--by", help="week or month.")] = Period.month,
    since: SinceOption = None,
    output_format: Annotated[
        TimelineFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table (charts in text), json, or html (one page that prints well); without"
            " it, as the --output file's name says (.html, .json), else table.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> Result:
    """Your reflections over time: how many each week or month, your check-ins, how your
    weekly steps went, and how your top values changed. The last twelve weeks or months
    unless --since says.

    Each chart has its numbers beside it (in plain mode, only the numbers, in words). The
    html page draws the same charts, each with its numbers written beneath it.

    \b
    Examples:  relational timeline
               relational timeline --by week --since "3 months ago" --format json
               relational timeline --format html --output ~/Documents/timeline.html
    """
    from relational_cli.core.documents import timeline as pictures
    from relational_cli.core.journal.query import day

    env = environment(ctx)
    given = output_format.value if output_format is not None else None
    form = output_form(env, output, given, tuple(f.value for f in TimelineFormat))
    target, replace = output_file(env, output, force)
    today = env.now().date()
    journal = env.journal()
    picture = pictures.timeline(
        journal,
        by.value,
        day(since, "--since", today),
        today,
        warner(env),
        progress_bar(env),
    )
    if target is None and form != "html":
        return Shown(picture, form == "json")
    text = document(picture, form, today.isoformat())
    if target is None:
        return Document(text)
    from relational_cli.core.transfer.export import deliver

    deliver(journal, target, text, replace)
    return Said((messages.pictures.timeline_written(target),))


def document(picture: Timeline, form: str, today: str) -> str:
    """The timeline as a file holds it: JSON, one HTML page, or the text of the table (as
    into a pipe: numbers beside the bars)."""
    if form == "json":
        from relational_cli.core.transfer import serialise

        return serialise.dumps(serialise.of(picture))
    if form == "html":
        from relational_cli.core.documents import timeline_page

        return timeline_page.html(picture, today)
    from relational_cli.core.documents.escaping import visible
    from relational_cli.core.documents.views import timeline_lines

    return "".join(f"{visible(text)}\n" for text, _ in timeline_lines(picture, False))
