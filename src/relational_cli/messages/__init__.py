"""The words relational says to people, gathered by area so they can be read and reviewed as a
whole: every message, question, choice and error a person sees, each said once.

Each area is loaded when it is first named (`messages.general`): a command loads only the
words it may say, and not every area's at start-up."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relational_cli.messages import (
        answers,
        drafts,
        exercise,
        files,
        general,
        journal,
        lock,
        packs,
        pictures,
        plain,
        plan,
        screen,
        support,
        transfer,
    )

__all__ = [
    "answers",
    "drafts",
    "exercise",
    "files",
    "general",
    "journal",
    "lock",
    "packs",
    "pictures",
    "plain",
    "plan",
    "screen",
    "support",
    "transfer",
]


def __getattr__(area: str) -> ModuleType:
    if area not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {area!r}")
    return import_module(f"{__name__}.{area}")  # (then an attribute: asked only once)
