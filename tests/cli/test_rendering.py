"""Each kind of result is shown by its type, never by its name: a result is shown by the
renderer registered for its very class, and each module's renderers are registered only once
a result of that module is shown (so showing one kind loads no other's module)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import pytest

from relational_cli.cli import output


@pytest.mark.parametrize("module", sorted(output.LOADERS))
def test_each_loader_registers_the_results_its_own_module_defines(module: str) -> None:
    before = set(output.RENDERERS)
    output.LOADERS[module]()
    added = set(output.RENDERERS) - before or {
        kind for kind in output.RENDERERS if kind.__module__ == module
    }
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


JSON_MODULES = [
    "relational_cli.core.journal.query",
    "relational_cli.core.journal.fileformat",
    "relational_cli.core.packs.model",
    "relational_cli.core.packs.library",
    "relational_cli.core.documents.timeline",
    "relational_cli.core.home",
    "relational_cli.core.support",
    "relational_cli.core.transfer.serialise",
]


@pytest.mark.parametrize("module", JSON_MODULES)
def test_each_json_shape_is_found_for_the_type_its_own_module_defines(module: str) -> None:
    from relational_cli.core.transfer import serialise

    shapes = serialise._shapes_in(module)
    assert shapes, f"no JSON shape for the results of {module}"
    for kind in shapes:
        assert kind.__module__ == module
        assert getattr(importlib.import_module(module), kind.__name__) is kind


def test_json_is_chosen_by_the_class_not_by_a_class_of_the_same_name() -> None:
    from relational_cli.core.transfer import serialise

    @dataclass(frozen=True)
    class Reflection:  # the name of a reflection, in another module
        id: str = "x"

    with pytest.raises(KeyError):
        serialise.of(Reflection())
