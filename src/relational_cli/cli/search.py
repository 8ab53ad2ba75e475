"""`relational search`: the reflections that hold some words, best matches first."""

from __future__ import annotations

from typing import Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import (
    ListFormat,
    ListFormatOption,
    SinceOption,
    TagOption,
    UntilOption,
    app,
    console,
    environment,
    make_query,
    print_json,
    progress_bar,
    say,
    warner,
)


@app.command()
def search(
    ctx: typer.Context,
    words: Annotated[
        list[str],
        typer.Argument(metavar="WORDS...", help="The words to look for.", show_default=False),
    ],
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-n", min=1, help="Show at most this many (table default: 20)."),
    ] = None,
    exercise: Annotated[
        str | None, typer.Option("--exercise", "-e", help="Only this exercise.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    tag: TagOption = None,
    output: ListFormatOption = ListFormat.table,
) -> None:
    """Find reflections by the words in them: every word must be there (any case).

    Titles and answers are searched; quotes, stars and dashes are searched for as words
    (put -- before words that start with a dash).

    \b
    Examples:  relational search Robin walk
               relational search boundary --since "last year" --format json
    """
    from relational_cli.core import serialise
    from relational_cli.core.index import MARK
    from relational_cli.core.journal import Journal

    env = environment(ctx)
    as_json = output is ListFormat.json
    query = make_query(env, exercise, since, until, tag, limit, as_json)
    page = Journal(env.home).search(" ".join(words), query, warner(env), progress_bar(env))
    if as_json:
        rows = [
            {**serialise.summary(hit.summary), "snippet": hit.snippet.translate(UNMARKED)}
            for hit in page.rows
        ]
        print_json(env, serialise.document(reflections=rows))
        return
    if not page.rows:
        say(env, messages.NO_MATCHES)
        return
    from relational_cli.tui import screen

    console(env).print(screen.search_table(page.rows, MARK, env.plain))
    if page.more:
        say(env, messages.showing_best(query.limit))


UNMARKED = {ord("\ue000"): None, ord("\ue001"): None}
"""Takes the match marks out of a snippet (for JSON)."""
