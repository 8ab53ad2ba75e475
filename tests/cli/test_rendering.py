"""Each kind of result is shown (and given as JSON) by its type, never by its name: a result is
shown by the renderer registered for its very class, and each module's renderers are registered only once
a result of that module is shown (so showing one kind loads no other's module)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import pytest

from relational_cli.by_type import ByType
from relational_cli.cli import output


def loaders() -> list[tuple[str, ByType[object], str]]:
    """Every module's loader of both tables: how results are shown, and their JSON."""
    from relational_cli.core.transfer import serialise

    tables: dict[str, ByType[object]] = {"shown": output.RENDERERS, "json": serialise.SHAPES}  # type: ignore[dict-item]
    return [(name, table, module) for name, table in tables.items() for module in table.loaders]


@pytest.mark.parametrize(("table", "module"), [(n, m) for n, _, m in loaders()])
def test_each_loader_registers_the_results_its_own_module_defines(table: str, module: str) -> None:
    found = next(t for n, t, m in loaders() if (n, m) == (table, module))
    before = set(found.found)
    found.loaders[module]()
    added = set(found.found) - before or {kind for kind in found.found if kind.__module__ == module}
    assert added, f"{module} registers nothing"
    for kind in added:
        assert kind.__module__ == module, f"{kind} is registered by the loader of {module}"
        assert getattr(importlib.import_module(module), kind.__name__) is kind


def test_a_result_is_shown_by_its_class_not_by_a_class_of_the_same_name() -> None:
    @dataclass(frozen=True)
    class Page:  # the name of the core's page of reflections, in another module
        rows: tuple[str, ...] = ()

    from relational_cli.core.journal.query import Page as Real

    assert output.renderer(Real) is not None
    with pytest.raises(KeyError):
        output.renderer(Page)


def test_the_json_of_each_kind_of_result_is_there() -> None:
    from relational_cli.core.transfer import serialise

    modules = {
        "relational_cli.core.journal.query",
        "relational_cli.core.journal.fileformat",
        "relational_cli.core.packs.model",
        "relational_cli.core.packs.library",
        "relational_cli.core.documents.timeline",
        "relational_cli.core.home",
        "relational_cli.core.support",
    }
    assert set(serialise.SHAPES.loaders) == modules
    assert serialise.SHAPES[serialise.Told] is not None


def test_json_is_chosen_by_the_class_not_by_a_class_of_the_same_name() -> None:
    from relational_cli.core.transfer import serialise

    @dataclass(frozen=True)
    class Reflection:  # the name of a reflection, in another module
        id: str = "x"

    with pytest.raises(KeyError):
        serialise.of(Reflection())
