"""`relational search` (the reflections that hold some words, best first) and `timeline`
(reflections over time)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import (
    ExerciseOption,
    LimitOption,
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
    limit: LimitOption = None,
    exercise: ExerciseOption = None,
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
    from relational_cli.core.journal.journal import Journal
    from relational_cli.core.search.index import MARK
    from relational_cli.core.transfer import serialise

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


class Period(str, Enum):
    week = "week"
    month = "month"


@app.command()
def timeline(
    ctx: typer.Context,
    by: Annotated[Period, typer.Option("--by", help="week or month.")] = Period.month,
    since: SinceOption = None,
    output: ListFormatOption = ListFormat.table,
) -> None:
    """Your reflections over time: how many each week or month, how your weekly steps went,
    and how your top values changed. The last twelve weeks or months unless --since says.

    \b
    Examples:  relational timeline
               relational timeline --by week --since "3 months ago" --format json
    """
    import dataclasses

    from relational_cli.core.documents import timeline as pictures
    from relational_cli.core.journal.journal import Journal
    from relational_cli.core.search.query import STEP_EXERCISE, Query, day
    from relational_cli.core.transfer import serialise

    env = environment(ctx)
    today = env.now().date()
    first = day(since, "--since", today) or pictures.start(today, by.value)
    journal = Journal(env.home)
    shown = journal.query(Query(since=first, until=today), warner(env), progress_bar(env))
    stamps = [row.created for row in shown.rows]

    def since_first(exercise: str) -> list[Reflection]:
        """The reflections of `exercise` in the picture, oldest first (through the index)."""
        rows = journal.query(Query(exercise=exercise, since=first, until=today)).rows
        return [journal.load(row.path) for row in reversed(rows)]

    picture = pictures.Timeline(
        by.value,
        pictures.counts(stamps, first, today, by.value),
        pictures.steps(since_first(STEP_EXERCISE)),
        pictures.values(since_first("values")),
    )
    if output is ListFormat.json:
        print_json(
            env,
            serialise.document(
                by=picture.by,
                since=first.isoformat(),
                periods=[{"period": name, "reflections": n} for name, n in picture.periods],
                steps=[dataclasses.asdict(step) for step in picture.steps],
                values=[dataclasses.asdict(change) for change in picture.values],
            ),
        )
        return
    from relational_cli.tui import screen

    console(env).print(screen.timeline_view(picture, env.plain))


if TYPE_CHECKING:
    from relational_cli.core.journal.fileformat import Reflection

UNMARKED = {ord("\ue000"): None, ord("\ue001"): None}
"""Takes the match marks out of a snippet (for JSON)."""
