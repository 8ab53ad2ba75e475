"""Reading back — `review`, `show` and `search` — as plain functions of the environment and
the options, beside what they share with `timeline` and `export` (the query the filter
options describe, warnings, a progress bar). Typer's commands (in `review` and `search`) call
these, and so does the quick way in (`cli/quick.py`), which does not load Typer at all."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from relational_cli import messages

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from relational_cli.cli.output import Document, Shown
    from relational_cli.core.journal.query import Query
    from relational_cli.environment import Environment


def review(
    env: Environment,
    limit: int | None = None,
    exercise: str | None = None,
    since: str | None = None,
    until: str | None = None,
    tags: list[str] | None = None,
    on_this_day: bool = False,
    as_json: bool = False,
) -> Shown:
    """Past reflections, newest first (`relational review`)."""
    from relational_cli.cli.output import Shown
    from relational_cli.core.search import reading_back

    query = make_query(env, exercise, since, until, tags, limit, as_json, on_this_day)
    page = reading_back.review(
        env.journal(),
        query,
        outcomes=as_json,
        warn=warner(env),
        progress=progress_bar(env),
    )
    doubted(env, [(row.path, row.id) for row in page.rows])
    return Shown(page, as_json)


def doubted(env: Environment, shown: list[tuple[Path, str]]) -> None:
    """Name each reflection shown (its file and id) that was not written as it claims: a
    plain file in a locked journal, or one whose name and content disagree."""
    from relational_cli.cli.text import say
    from relational_cli.core.journal.integrity import doubt

    for path, reflection_id in shown:
        said = doubt(env.storage, path, reflection_id)
        if said:
            say(env, said)


def show(env: Environment, reference: str = "latest", form: str = "text") -> Shown | Document:
    """One reflection (`relational show`): as text, as JSON, or its file as it is."""
    from relational_cli.cli.output import Document, Shown

    journal = env.journal()
    path = journal.resolve(reference, warner(env), looking_through(env))
    if form == "markdown":  # the file as it is, never a control sequence on a terminal
        text = journal.text_of(path)
        with contextlib.suppress(Exception):  # (one that does not read says so when loaded)
            doubted(env, [(path, journal.read_summary(path).id)])
        return Document(text, inert=True)
    reflection = journal.load(path)
    doubted(env, [(path, reflection.id)])
    if form == "json":  # with how a weekly step went, as review gives it
        from relational_cli.core.search.reading_back import outcome_of
        from relational_cli.core.transfer.serialise import Told

        return Shown(Told(reflection, outcome_of(journal, reflection)), as_json=True)
    return Shown(reflection)


def search(
    env: Environment,
    words: list[str],
    limit: int | None = None,
    exercise: str | None = None,
    since: str | None = None,
    until: str | None = None,
    tags: list[str] | None = None,
    as_json: bool = False,
) -> Shown:
    """The reflections that hold every word, newest first (`relational search`)."""
    from relational_cli.cli.output import Shown
    from relational_cli.core.errors import UserError
    from relational_cli.core.search import reading_back
    from relational_cli.core.search.hits import words_of

    if not words_of(" ".join(words)):  # nothing but spaces or signs: no word to look for
        raise UserError(messages.journal.NO_WORDS)
    query = make_query(env, exercise, since, until, tags, limit, as_json)
    page = reading_back.search(
        env.journal(),
        " ".join(words),
        query,
        warner(env),
        progress_bar(env),
        outcomes=as_json,
    )
    doubted(env, [(hit.summary.path, hit.id) for hit in page.rows])
    return Shown(page, as_json)


def make_query(
    env: Environment,
    exercise: str | None,
    since: str | None,
    until: str | None,
    tags: list[str] | None,
    limit: int | None,
    as_json: bool,
    on_this_day: bool = False,
) -> Query:
    """The query the filter options of review and search describe (a table shows the newest
    20 unless told otherwise; JSON lists every one)."""
    from relational_cli.core.journal.query import Query, day

    if exercise is not None:
        from relational_cli.core.packs.names import check_name  # (loaded only when named)

        exercise = check_name(exercise)
    today = env.now().date()
    return Query(
        exercise=exercise,
        since=day(since, "--since", today),
        until=day(until, "--until", today),
        tags=tuple(tags or ()),
        limit=limit if limit is not None else (None if as_json else 20),
        on_this_day=today if on_this_day else None,
    )


def warner(env: Environment) -> Callable[[Path, Exception], None]:
    """How a command that reads every reflection says it skipped one it cannot read."""

    said: set[Path] = set()

    def warn(path: Path, problem: Exception) -> None:
        from relational_cli.cli.text import say
        from relational_cli.core.journal.journal import reference_of
        from relational_cli.core.journal.summary import FutureDated

        if path in said:  # once, however many ways it was met
            return
        said.add(path)
        if isinstance(problem, FutureDated):
            say(env, messages.journal.dated_in_the_future(problem.id, problem.created))
        else:
            mendable = path.is_file()  # not a pipe or a device, which no editor mends
            reference = reference_of(path) if mendable else ""
            say(env, messages.journal.skipped_file(path, problem, reference))

    return warn


def looking_through(env: Environment) -> Callable[[], None]:
    """How finding a reflection by its id says, once, that it reads every file (there is no
    index yet, or none can be kept here)."""
    said: list[bool] = []

    def notice() -> None:
        from relational_cli.cli.text import say

        if not said:
            said.append(True)
            say(env, messages.journal.LOOKING_THROUGH)

    return notice


def progress_bar(env: Environment) -> Callable[[int, int], None]:
    """A progress bar on stderr while many reflections are read into the index (the first
    time, or after it was deleted); nothing for a few, or when stderr is not a terminal."""
    bar: list[tuple[Progress, TaskID]] = []  # the bar and its task, once drawn

    def advance(done: int, total: int) -> None:
        if total < PROGRESS_FROM or not env.stderr_isatty:
            return
        if not bar:
            from rich.progress import Progress

            from relational_cli.tui.screen import make_console

            progress = Progress(console=make_console(env, stderr=True))
            bar.append((progress, progress.add_task(messages.general.INDEXING, total=total)))
            _DRAWN.append(progress)  # before it is drawn: a Ctrl-C may come at any moment
            progress.start()
        progress, task = bar[0]
        progress.update(task, completed=done)
        if done >= total and progress in _DRAWN:
            _DRAWN.remove(progress)
            progress.stop()

    return advance


_DRAWN: list[Progress] = []
"""The progress bars drawn and not yet stopped (each hides the terminal's cursor)."""


def stop_bars() -> None:
    """A bar still drawn when the command stops (Ctrl-C, an error) stopped: the cursor shown
    again, not left hidden at the shell's prompt."""
    while _DRAWN:
        with contextlib.suppress(Exception):  # a terminal gone: nothing to show it on
            _DRAWN.pop().stop()


PROGRESS_FROM = 500
"""How many reflections to read before a progress bar is worth showing."""
