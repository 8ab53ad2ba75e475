"""What waits to be picked up: `relational drafts` (paused exercises, and what the recovery
folder keeps) and `relational recover` (a kept reflection, back into the journal)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli.cli.app import Result, app, environment

if TYPE_CHECKING:
    pass


@app.command()
def drafts(ctx: typer.Context) -> Result:
    """List paused exercises (drafts), and what the recovery folder keeps.

    Example:  relational drafts
    """
    from relational_cli.core.journal.drafts import Drafts, waiting

    env = environment(ctx)
    return waiting(Drafts(env.home, env.storage))


@app.command()
def recover(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="A file in the recovery folder.")],
) -> Result:
    """Bring a reflection kept in the recovery folder back into your journal.

    It is checked as an edit is, and never replaces another reflection: if its id already
    holds other words, it comes back beside them under the next free id. A paused draft kept
    there comes back as its exercise's draft, when that exercise has none.

    Example:  relational recover 20261121-210755-values.md
    """
    from relational_cli.core.journal import bringing_back
    from relational_cli.core.journal.drafts import Drafts

    journal = environment(ctx).journal()
    return bringing_back.bring_back(journal, Drafts(journal.home, journal.storage), name)
