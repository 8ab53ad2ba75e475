"""The words relational says to people, gathered by area so they can be read and reviewed as a
whole: every message, question, choice and error a person sees, each said once."""

from __future__ import annotations

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
