"""The one place that decides how a command's result is shown: JSON for tools (through the
core's one serialiser), or a Rich view for people."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from relational_cli.cli.app import console, print_json

if TYPE_CHECKING:
    from relational_cli.environment import Environment


def emit(env: Environment, result: Any, as_json: bool) -> None:
    if as_json:
        print_json(env, to_json(result))
    else:
        console(env).print(view(result))


def to_json(result: Any) -> dict[str, Any]:
    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.packs.library import Catalogue
    from relational_cli.core.packs.model import Pack
    from relational_cli.core.search.query import Page
    from relational_cli.core.transfer import serialise

    if isinstance(result, Page):
        rows = [serialise.summary(row) for row in result.rows]
        outcomes = result.outcomes or {}
        for row in rows:
            if row["id"] in outcomes:  # a weekly step: how it went, said the week after
                row["outcome"] = outcomes[row["id"]]
        return serialise.document(reflections=rows)
    if isinstance(result, Reflection):
        return serialise.document(reflection=serialise.reflection(result))
    if isinstance(result, Pack):
        return serialise.document(pack=serialise.pack(result, prompts=True))
    if isinstance(result, Catalogue):
        rows = [serialise.pack(pack) for pack in result.packs]
        rows += [
            {"id": b.path.stem, "source": "user", "path": str(b.path), "error": b.problem}
            for b in result.broken
        ]
        return serialise.document(packs=sorted(rows, key=lambda row: row["id"]))
    raise TypeError(f"no JSON shape for {type(result).__name__}")


def view(result: Any) -> Any:
    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.packs.library import Catalogue
    from relational_cli.core.packs.model import Pack
    from relational_cli.core.search.query import Page
    from relational_cli.tui import screen

    if isinstance(result, Page):
        return screen.review_table(result.rows)
    if isinstance(result, Reflection):
        return screen.reflection_view(result)
    if isinstance(result, Pack):
        return screen.pack_view(result)
    if isinstance(result, Catalogue):
        return screen.packs_table(result.packs, result.broken)
    raise TypeError(f"no view for {type(result).__name__}")
