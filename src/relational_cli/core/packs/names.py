"""The names of exercises (and of their questions): lowercase letters, digits, - and _ —
never a path. Small on purpose: checking a name typed on the command line loads no packs."""

from __future__ import annotations

import re

from relational_cli import messages
from relational_cli.core.errors import UserError
from relational_cli.core.journal.names import EXERCISE_NAME

ID_PATTERN = EXERCISE_NAME
NOT_IN_TAGS = (
    r"\x00-\x20\x7f-\xa0\u1680\u2000-\u206f\u2e00-\u2e7f\u3000\ufeff"
    r"""!"#$%&'()*+,.:;<=>?@\[\\\]^`{|}~"""
)
"""What Obsidian does not read as part of a tag (spaces, punctuation, the general punctuation
blocks; and control characters), as a regex class body the same under Python and ECMA-262."""
TAG_PATTERN = re.compile(rf"(?![0-9/-]*(?!\n)$)[^{NOT_IN_TAGS}]+")
"""A tag as Obsidian reads it in front matter: letters of any script, digits, _, - and /, not
only digits (the schema's pattern, anchored)."""
BLANK = r"\t-\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
"""Characters that show nothing: whitespace as Python or ECMA-262 reads `\\s` (they differ),
the byte order mark and the zero-width spaces and joiners, as a regex class body."""
VISIBLE = re.compile(f"[^{BLANK}]")
"""Something to read: a text without it (only a BOM, only spaces) is blank."""


def check_name(name: str) -> str:
    """An exercise or pack name as typed by a person, in the one case names have (`Values`
    is `values`): a plain id, never a path."""
    folded = name.strip().lower()
    if not ID_PATTERN.fullmatch(folded):
        raise UserError(messages.packs.not_a_name(name))
    return folded
