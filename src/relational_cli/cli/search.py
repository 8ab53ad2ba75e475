"""`relational search`: the reflections that hold some words, newest first."""

from __future__ import annotations

from typing import Annotated

import typer

from relational_cli.cli.app import (
    ExerciseOption,
    LimitOption,
    ListFormat,
    ListFormatOption,
    Result,
    SinceOption,
    TagOption,
    UntilOption,
    app,
    environment,
)
from relational_cli.cli.read import search as read_search


@app.command()
def search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(metavar="WORDS...", help="The words to look for.", show_default=False),
    ],
    limit: LimitOption = None,
    exercise: ExerciseOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    tag: TagOption = None,
    output: ListFormatOption = ListFormat.table,
) -> Result:
    """Find reflections by the words in them: every word must be there (any case).

    Titles and answers are searched; quotes, stars and dashes are searched for as words
    (put -- before words that start with a dash).

    \b
    Examples:  relational search Robin walk
               relational search boundary --since "last year" --format json
    """
    as_json = output is ListFormat.json
    return read_search(environment(ctx), words, limit, exercise, since, until, tag, as_json)
