"""The names of exercises (and of their questions): lowercase letters, digits, - and _ —
never a path. Small on purpose: checking a name typed on the command line loads no packs."""

from __future__ import annotations

import re

from relational_cli import messages
from relational_cli.core.errors import UserError

ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?")
TAG_PATTERN = re.compile(r"(?=[\w/-]*[^\W\d])[\w/-]+")
"""A tag as Obsidian reads it in front matter: letters, digits, _, - and /, not only digits."""


def check_name(name: str) -> str:
    """An exercise or pack name as typed by a person, in the one case names have (`Values`
    is `values`): a plain id, never a path."""
    folded = name.strip().lower()
    if not ID_PATTERN.fullmatch(folded):
        raise UserError(messages.packs.not_a_name(name))
    return folded
