"""`relational info` (where things are kept), `about` (the welcome) and `support`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import ListFormat, ListFormatOption, Result, app, environment
from relational_cli.cli.output import Shown

if TYPE_CHECKING:
    pass


@app.command()
def info(
    ctx: typer.Context,
    output: ListFormatOption = ListFormat.table,
) -> Result:
    """Show where relational keeps your reflections, drafts and packs.

    Example:  relational info --format json
    """
    from relational_cli import __version__
    from relational_cli.core.home import places
    from relational_cli.core.search.index import EVERY_FILE

    env = environment(ctx)
    found = places(env.home, __version__, env.storage.keys)
    found.items["hand edits"] = messages.journal.hand_edits(EVERY_FILE)
    return Shown(found, output is ListFormat.json)


@app.command()
def about(ctx: typer.Context) -> Result:
    """What relational is (and is not), where your words are kept, and how to pause.

    The welcome shown before your first exercise, to read again whenever you like.

    Example:  relational about
    """
    from relational_cli.core.welcome import Welcome

    return Welcome()


@app.command()
def support(
    ctx: typer.Context,
    hurt: Annotated[
        bool,
        typer.Option(
            "--hurt", help="Only the lines for when someone is hurting you, and emergency numbers."
        ),
    ] = False,
    output: ListFormatOption = ListFormat.table,
) -> Result:
    """Support lines, for when you need a person now.

    Crisis lines, and lines for when someone is hurting you (a partner, an ex, a family
    member), with emergency numbers. Your region's lines come first when your locale names it
    (LANG); every line is always listed. relational cannot respond to what you write, and does
    not read it for you.

    \b
    Examples:  relational support
               relational support --hurt
    """
    from relational_cli.core import support as lines

    region = lines.region_of(environment(ctx).environ)
    kinds = (lines.HURT,) if hurt else lines.KINDS
    return Shown(lines.Listing(kinds, region), output is ListFormat.json)
