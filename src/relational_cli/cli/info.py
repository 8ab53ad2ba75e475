"""`relational info`: where relational keeps things."""

from __future__ import annotations

from typing import Annotated

import typer

from relational_cli import __version__
from relational_cli.cli.app import ListFormat, ListFormatOption, app, environment, print_json


@app.command()
def info(
    ctx: typer.Context,
    output: ListFormatOption = ListFormat.table,
) -> None:
    """Show where relational keeps your reflections, drafts and packs.

    Example:  relational info --format json
    """
    from relational_cli.core.documents.escaping import visible
    from relational_cli.core.home import builtin_packs_dir
    from relational_cli.core.transfer.serialise import document

    env = environment(ctx)
    places = {
        "version": __version__,
        **{name: str(path) for name, path in env.home.places().items()},
        "built-in packs": str(builtin_packs_dir()),
    }
    if output is ListFormat.json:
        print_json(env, document(**{key.replace(" ", "_"): value for key, value in places.items()}))
        return
    width = max(len(key) for key in places)
    for key, value in places.items():
        print(visible(f"{key:<{width}}  {value}"), file=env.stdout)


@app.command()
def about(ctx: typer.Context) -> None:
    """What relational is (and is not), where your words are kept, and how to pause.

    The welcome shown before your first exercise, to read again whenever you like.

    Example:  relational about
    """
    from relational_cli.cli.app import console
    from relational_cli.tui import welcome

    env = environment(ctx)
    welcome.show(env, console(env))


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
) -> None:
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
    from relational_cli.core.transfer.serialise import document

    env = environment(ctx)
    region = lines.region_of(env.environ)
    kinds = [lines.HURT] if hurt else list(lines.KINDS)
    if output is ListFormat.json:
        rows = [
            {"kind": line.kind, "region": line.region, "name": line.name,
             "contact": line.contact, "how": lines.plain(line.how), "web": line.web or None,
             "hours": line.hours or None}
            for kind in kinds for line in lines.ordered(region, kind)
        ]  # fmt: skip
        numbers = [
            {"region": e.region, "number": e.number, "note": e.note or None}
            for e in sorted(lines.EMERGENCY, key=lambda e: region not in e.regions)
        ]
        print_json(
            env, document(verified=lines.VERIFIED, region=region, lines=rows, emergency=numbers)
        )
        return
    out = env.stdout
    for kind in kinds:
        for line in lines.section(kind, region):
            print(line, file=out)
        print(file=out)
    print(f"Last checked: {lines.VERIFIED_WORDS}.", file=out)
