"""`relational info` (where things are kept), `about` (the welcome) and `support`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import ListFormat, ListFormatOption, Result, app, environment
from relational_cli.cli.output import Shown

if TYPE_CHECKING:
    from relational_cli.environment import Environment


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
    from relational_cli.core.journal.integrity import plain_in_locked
    from relational_cli.core.lock.cipher import STRETCH_FLOOR
    from relational_cli.core.search.index import EVERY_FILE

    env = environment(ctx)
    found = places(env.home, __version__, env.storage.keys, STRETCH_FLOOR)
    found.items[messages.general.HAND_EDITS] = messages.journal.hand_edits(EVERY_FILE)
    found.items["region"] = messages.general.region_shown(env.region)
    plain = plain_in_locked(env.storage)
    if plain:
        places_of = [str(path.relative_to(env.home.root)) for path in plain]
        found.items["journal"] += "; " + messages.lock.plain_files(places_of)
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
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            metavar="CODE",
            help="Say where you are, once: a country's two letters (IE, CA), or a part of one"
            " (GB-SCT, CA-BC); `locale` goes by your locale again.",
        ),
    ] = None,
    every: Annotated[
        bool, typer.Option("--all", help="Every line relational knows, your region's first.")
    ] = False,
    output: ListFormatOption = ListFormat.table,
) -> Result:
    """Support lines, for when you need a person now.

    What to call in danger now, then crisis lines, and lines for when someone is hurting you
    (a partner, an ex, a family member), for where you are: the region you gave with
    --region (or RELATIONAL_REGION), else your locale's (LANG). relational cannot respond to
    what you write, and does not read it for you.

    \b
    Examples:  relational support
               relational support --hurt
               relational support --region GB-SCT
    """
    from relational_cli.core import support as lines

    env = environment(ctx)
    if region is not None:
        _keep_region(env, region)
        env.__dict__.pop("region", None)  # read again, as now kept
    kinds = (lines.HURT,) if hurt else lines.KINDS
    return Shown(lines.Listing(kinds, env.region, every), output is ListFormat.json)


def _keep_region(env: Environment, given: str) -> None:
    """Keep the region given (or forget it, for `locale`) in the config folder; said on stderr."""
    from relational_cli.cli.text import say
    from relational_cli.core.errors import UserError
    from relational_cli.core.support import keep_region, region_code

    if given.strip().lower() == "locale":
        keep_region(env.home.config, None)
        say(env, messages.general.REGION_CLEARED)
        return
    code = region_code(given)
    if code is None:
        raise UserError(messages.general.not_a_region(given))
    kept = keep_region(env.home.config, code)
    say(env, messages.general.region_saved(code, str(kept)))
