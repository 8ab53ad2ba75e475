"""A reflection's summary — its front matter and where it lives — read from the start of its
file alone: what review, search, the index and the trash list."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from relational_cli.core.journal import fileformat as markdown

CONFLICT = re.compile(r"\.sync-conflict-|conflicted copy|\(conflict", re.IGNORECASE)
"""A copy a sync tool made when two devices changed one file (Syncthing, Dropbox, Nextcloud)."""


@dataclass(frozen=True)
class Summary:
    """What review needs of a reflection: its front matter and where it lives."""

    id: str
    exercise: str
    created: str
    title: str
    tags: tuple[str, ...]
    path: Path
    conflict: bool = False
    """A copy a sync tool made when two devices changed the same reflection: listed as such,
    never hidden and never merged."""


def summary_of(
    path: Path, id: str, exercise: str, created: str, title: str, tags: Iterable[str]
) -> Summary:
    """The summary of the reflection at `path`; a sync tool's conflict copy is listed under
    its file name, since its front matter names the reflection it is a copy of."""
    conflict = bool(CONFLICT.search(path.name))
    return Summary(
        path.stem if conflict else id, exercise, created, title, tuple(tags), path, conflict
    )


def summary_from(head: str, path: Path) -> Summary:
    """The summary of the reflection file at `path`, from the start of its text (`head`, its
    front matter at least); raises `fileformat.FormatError` for a file that is not one."""
    meta, _ = markdown.parse_front_matter(head, str(path))
    return summary_of(
        path, meta["id"], meta["exercise"], meta["created"], meta["title"], meta["tags"]
    )
