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
    ForceOption,
    OutputOption,
    Result,
    SinceOption,
    TagOption,
    UntilOption,
    app,
    environment,
    output_file,
    output_form,
)
from relational_cli.cli.read import make_query, progress_bar, warner
from relational_cli.core.errors import UserError

if TYPE_CHECKING:
    pass

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
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="markdown or html (a digest), or json (a whole backup); without it, as the"
            " --output file's name says (.html, .json), else markdown.",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    drafts: Annotated[
        bool, typer.Option("--drafts", help="With json: your paused drafts too.")
    ] = False,
) -> Result:
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
    from relational_cli.core.transfer import export as exports

    env = environment(ctx)
    journal = env.journal()
    given = output_format.value if output_format is not None else None
    form = output_form(env, output, given, tuple(f.value for f in ExportFormat))
    if form == "json":
        if ids or exercise or since or until or tags:
            raise UserError(messages.transfer.BACKUP_HOLDS_ALL)
        target, replace = output_file(env, output, force)
        return exports.backup(journal, drafts, target, warner(env), replace)
    if drafts:
        raise UserError(messages.transfer.DRAFTS_GO_IN_A_BACKUP)
    target, replace = output_file(env, output, force)
    query = make_query(env, exercise, since, until, tags, None, as_json=True)
    chosen = exports.chosen(journal, ids or [], query, warner(env), progress_bar(env))
    return exports.digest(journal, chosen, form, target, replace)


@import_app.command("backup")
def import_backup(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A backup (`relational export --format json`).")
    ],
) -> Result:
    """Restore a backup: every reflection, your packs and drafts, never over anything here.

    The whole file is checked first; nothing is written if any of it is wrong. A reflection
    already here word for word is skipped; one whose place holds other words is kept beside
    it under the next free id, and you are told. Run it again if it was interrupted.

    Example:  relational import backup ~/relational-backup.json
    """
    from relational_cli.core.transfer import backup

    return backup.restore_file(environment(ctx).journal(), file)


@import_app.command("jrnl")
def import_jrnl(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            metavar="[FILE]", help="A jrnl journal's text file (default: your jrnl journal)."
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config", metavar="FILE", help="Your jrnl config (default: jrnl's own place)."
        ),
    ] = None,
    time_format: Annotated[
        str | None,
        typer.Option(
            "--time-format",
            metavar="FORMAT",
            help="How its dates are written, e.g. '%d.%m.%Y %H:%M'.",
        ),
    ] = None,
    tag_symbols: Annotated[
        str | None,
        typer.Option("--tag-symbols", metavar="SYMBOLS", help="What starts a tag (default: #@)."),
    ] = None,
) -> Result:
    """Import a jrnl journal: each entry becomes a free-form journal reflection.

    Entries are read as jrnl 4.6 reads them, with the time format, tag symbols and journal
    of your jrnl config when there is one. The title, the text, the tags (#x as x, @x as
    at/x) and the star are kept. Importing the same file again adds only entries that are
    new; a line that cannot be read is named, and the rest comes in.

    \b
    Examples:  relational import jrnl
               relational import jrnl ~/.local/share/jrnl/journal.txt --time-format '%d.%m.%Y %H:%M'
    """
    from relational_cli.core.transfer import jrnl

    env = environment(ctx)
    settings, journal_file = jrnl.settings_and_journal(
        env.environ, config, time_format, tag_symbols
    )
    journal = env.journal()
    return jrnl.import_file(journal, file or journal_file, env.now(), settings, progress_bar(env))
