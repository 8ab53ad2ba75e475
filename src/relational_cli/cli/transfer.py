"""`relational import`: bring reflections in from elsewhere (a jrnl journal)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import app, environment, progress_bar, say

import_app = typer.Typer(
    help="Bring reflections in from elsewhere.\n\nExample:  relational import jrnl ~/journal.txt",
    no_args_is_help=True,
)
app.add_typer(import_app, name="import")


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
    from relational_cli.core import jrnl
    from relational_cli.core.journal import Journal

    env = environment(ctx)
    result = jrnl.import_file(Journal(env.home), file, progress_bar(env))
    for problem in result.problems or []:
        say(env, f"relational: note: {problem}")
    say(env, messages.imported(result.added, result.already, file))
