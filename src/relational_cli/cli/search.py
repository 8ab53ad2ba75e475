"""`relational search`: the reflections that hold some words, best first."""

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
    make_query,
    progress_bar,
    warner,
)
from relational_cli.cli.output import Shown


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
    from relational_cli.core.journal.journal import Journal
    from relational_cli.core.search import reading_back

    env = environment(ctx)
    as_json = output is ListFormat.json
    query = make_query(env, exercise, since, until, tag, limit, as_json)
    page = reading_back.search(
        Journal(env.home), " ".join(words), query, warner(env), progress_bar(env)
    )
    return Shown(page, as_json)
