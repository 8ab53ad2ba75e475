"""`relational export` and `relational import`: take reflections with you, and bring them in
(a backup of your own, or a jrnl journal)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import (
    ExerciseOption,
    SinceOption,
    TagOption,
    UntilOption,
    app,
    environment,
    make_query,
    progress_bar,
    say,
    warner,
)
from relational_cli.core.errors import UserError

if TYPE_CHECKING:
    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.journal.journal import Journal
    from relational_cli.environment import Environment

import_app = typer.Typer(
    help="Bring reflections in: a backup of yours, or a jrnl journal.\n\n"
    "Example:  relational import backup ~/relational-backup.json",
    no_args_is_help=True,
)
app.add_typer(import_app, name="import")


class ExportFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    json = "json"


@app.command()
def export(
    ctx: typer.Context,
    ids: Annotated[
        list[str] | None,
        typer.Argument(metavar="[ID]...", help="Reflections to take (ids or their starts)."),
    ] = None,
    exercise: ExerciseOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    tags: TagOption = None,
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", help="markdown or html (a digest), or json (a whole backup)."
        ),
    ] = ExportFormat.markdown,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", help="Write it here (default: stdout)."),
    ] = None,
    drafts: Annotated[
        bool, typer.Option("--drafts", help="With json: your paused drafts too.")
    ] = False,
) -> None:
    """Take your reflections with you: a clean digest to bring to a session, or a backup.

    A digest (markdown, or html to print) holds the reflections you choose — by id, or with
    the same filters as review; all of them if you choose none — in time order, each question
    as a heading with your answer beneath. json writes a backup of everything (every
    reflection's exact text, your own packs and choice lists, and with --drafts your drafts)
    that `relational import backup` brings back.

    \b
    Examples:  relational export --since "last month" --output ~/for-my-session.md
               relational export --format json --output ~/relational-backup.json
    """
    from relational_cli.core.journal.journal import Journal

    env = environment(ctx)
    journal = Journal(env.home)
    if output_format is ExportFormat.json:
        from relational_cli.core.transfer import backup, serialise

        if ids or exercise or since or until or tags:
            raise UserError("a backup (--format json) holds everything: leave out ids and filters")
        data = backup.make(journal, drafts, warner(env))
        _deliver(env, serialise.dumps(data), output)
        if output is not None:
            say(env, messages.backed_up(len(data["reflections"]), output))
        return
    if drafts:
        raise UserError("--drafts goes with --format json (a backup)")
    chosen = _chosen(env, journal, ids or [], exercise, since, until, tags)
    if not chosen:
        raise UserError("no reflections match, so there is nothing to export")
    _deliver(env, _digest(env, chosen, output_format), output)
    if output is not None:
        say(env, messages.exported(len(chosen), output))


def _chosen(
    env: Environment,
    journal: Journal,
    ids: list[str],
    exercise: str | None,
    since: str | None,
    until: str | None,
    tags: list[str] | None,
) -> list[Reflection]:
    """The reflections named by id (and narrowed by the filters), or those the filters match."""
    from relational_cli.core.journal.summary import read_summary

    query = make_query(env, exercise, since, until, tags, None, as_json=True)
    if ids:
        paths = list(dict.fromkeys(journal.resolve(reference) for reference in ids))
        rows = query.select(read_summary(path) for path in paths).rows
    else:
        rows = journal.query(query, warner(env), progress_bar(env)).rows
    return [journal.load(row.path) for row in rows]


def _digest(env: Environment, chosen: list[Reflection], output_format: ExportFormat) -> str:
    from relational_cli.core.documents import digest
    from relational_cli.core.packs.library import Library

    titles = {pack.id: pack.title for pack in Library(env.home).load_all().packs}
    text = digest.markdown(chosen, titles)
    if output_format is ExportFormat.html:
        from relational_cli.core.documents.html_page import html

        return html(text, digest.title(chosen))
    return text


def _deliver(env: Environment, text: str, output: Path | None) -> None:
    """To stdout, or atomically into `output` (0600; its folder must exist)."""
    if output is None:
        env.stdout.write(text)
        return
    from relational_cli.core import atomic

    try:
        atomic.replace(output, text)
    except OSError as exc:
        raise UserError(f"could not write {output}: {exc.strerror or exc}") from None


@import_app.command("backup")
def import_backup(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A backup (`relational export --format json`).")
    ],
) -> None:
    """Restore a backup: every reflection, your packs and drafts, never over anything here.

    The whole file is checked first; nothing is written if any of it is wrong. A reflection
    already here word for word is skipped; one whose place holds other words is kept beside
    it under the next free id, and you are told. Run it again if it was interrupted.

    Example:  relational import backup ~/relational-backup.json
    """
    from relational_cli.core.journal.journal import Journal
    from relational_cli.core.transfer import backup

    env = environment(ctx)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise UserError(f"could not read {file}: {exc.strerror or exc}") from None
    parts = backup.check(raw, str(file))
    done = backup.restore(Journal(env.home), parts)
    for place, kept in done.beside:
        say(env, messages.kept_beside(place, kept))
    for name in done.kept_yours:
        say(env, messages.kept_yours(name))
    say(env, messages.backup_restored(len(done.added), len(done.same), len(done.beside), file))


@import_app.command("jrnl")
def import_jrnl(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A jrnl journal's text file.")],
) -> None:
    """Import a jrnl journal: each entry becomes a free-form journal reflection.

    The title, the text, the @tags and the star are kept. Importing the same file again adds
    only entries that are new; a line that cannot be read is named, and the rest comes in.

    Example:  relational import jrnl ~/.local/share/jrnl/journal.txt
    """
    from relational_cli.core.journal.journal import Journal
    from relational_cli.core.transfer import jrnl

    env = environment(ctx)
    result = jrnl.import_file(Journal(env.home), file, progress_bar(env))
    for problem in result.problems or []:
        say(env, f"relational: note: {problem}")
    say(env, messages.imported(result.added, result.already, file))
