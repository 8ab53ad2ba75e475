"""A table of what serves each kind of result, by the result's type (never its name), filled a
module at a time: what serves the results a module defines is registered when a result of that
module is first looked up, so serving one kind imports no other's module (the module of a
result in hand is imported already). `cli/output.py` shows results by one, and
`core/transfer/serialise.py` gives their JSON by another."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class ByType(Generic[V]):
    def __init__(self) -> None:
        self.found: dict[type, V] = {}
        """What serves each type registered so far."""
        self.loaders: dict[str, Callable[[], None]] = {}
        """For each module that defines results, what registers them."""

    def register(self, kind: type, value: V) -> None:
        self.found[kind] = value

    def loads(self, module: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
        """Makes the function it decorates what registers the results `module` defines."""

        def loader(load: Callable[[], None]) -> Callable[[], None]:
            self.loaders[module] = load
            return load

        return loader

    def __getitem__(self, kind: type) -> V:
        """What serves `kind`; KeyError for a type no module registered (one of the same
        name elsewhere included)."""
        if kind not in self.found:
            self.loaders[kind.__module__]()
        return self.found[kind]
