"""`relational timeline`: reflections over time, the weekly steps, the top values."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from relational_cli.cli.app import (
    ListFormat,
    ListFormatOption,
    Result,
    SinceOption,
    app,
    environment,
)
from relational_cli.cli.output import Shown
from relational_cli.cli.read import progress_bar, warner


class Period(str, Enum):
    week = "week"
    month = "month"


@app.command()
def timeline(
    ctx: typer.Context,
    by: Annotated[Period, typer.Option("--by", help="week or month.")] = Period.month,
    since: SinceOption = None,
    output: ListFormatOption = ListFormat.table,
) -> Result:
    """Your reflections over time: how many each week or month, how your weekly steps went,
    and how your top values changed. The last twelve weeks or months unless --since says.

    \b
    Examples:  relational timeline
               relational timeline --by week --since "3 months ago" --format json
    """
    from relational_cli.core.journal.journal import Journal
    from relational_cli.core.search import reading_back
    from relational_cli.core.search.query import day

    env = environment(ctx)
    today = env.now().date()
    picture = reading_back.timeline(
        Journal(env.home, env.storage),
        by.value,
        day(since, "--since", today),
        today,
        warner(env),
        progress_bar(env),
    )
    return Shown(picture, output is ListFormat.json)
