"""What the journal asks of its index. The index lives above the journal (`core/search/`),
so the journal is handed one when it is opened (`core/search/indexed.py`): it tells the index
of every write at once, and asks it, brought up to date, for reflections by id and by query.
Where no index can be kept (a SQLite without FTS5, a cache that cannot be written, a locked
index on Python 3.10) the index raises `Unavailable`, and the journal reads its files instead."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from relational_cli.core.journal.query import Page, Query
    from relational_cli.core.journal.summary import Summary

Progress = Callable[[int, int], None]
"""Called with (done, total) while many files are read into the index."""


class Unavailable(Exception):
    """No index can be used here; read the files instead."""


class JournalIndex(Protocol):
    """An index of the journal's reflections (relational's is `core/search/index.Index`)."""

    def note(self, path: Path) -> None:
        """A reflection was written at `path`."""

    def forget(self, path: Path) -> None:
        """The reflection at `path` is gone (moved to the trash)."""

    def refresh(self, progress: Progress | None = None) -> None:
        """Brought up to date with the journal folder."""

    def damaged(self) -> list[tuple[Path, str]]:
        """The files in the journal folder that cannot be read as reflections, and why."""

    def ids(self, start: str) -> list[tuple[str, Path]]:
        """(id, file) of the reflections whose id begins with `start`, newest first."""

    def select(self, query: Query) -> Page[Summary]:
        """The reflections that match `query`, newest first."""
