"""`relational info`: where relational keeps things."""

from __future__ import annotations

from typing import Annotated

import typer

from relational_cli import __version__
from relational_cli.cli.app import ListFormat, app, environment, print_json


@app.command()
def info(
    ctx: typer.Context,
    output: Annotated[
        ListFormat, typer.Option("--format", "-f", help="table or json.")
    ] = ListFormat.table,
) -> None:
    """Show where relational keeps your reflections, drafts and packs.

    Example:  relational info --format json
    """
    from relational_cli.core.home import builtin_packs_dir
    from relational_cli.core.inert import visible
    from relational_cli.core.serialise import document

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
