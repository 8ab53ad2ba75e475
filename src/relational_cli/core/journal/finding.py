"""Finding reflections by their id, which never changes while their file names may (locking
and unlocking rename every file): through the index, or, where none can be kept (a locked
journal on Python 3.10, a cache that cannot be written), by reading every file, said once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from relational_cli.core.journal.indexing import Unavailable

if TYPE_CHECKING:
    from relational_cli.core.journal.journal import Journal, Warn

MANY = 200
"""Reflections read into a new index before finding one by its id says it may take a moment."""


def ids(
    journal: Journal, start: str, warn: Warn | None, scanning: Callable[[], None] | None
) -> list[tuple[str, Path]]:
    """(id, file) of every reflection whose id begins with `start`, newest first: from the
    index (brought up to date first), or from the files themselves; `scanning` is called,
    once, when many files must be read (a first run builds the index) or all of them."""
    said: list[bool] = []

    def reading(done: int, total: int) -> None:
        """Many files read into the index (a first run): say so, once."""
        if scanning is not None and total > MANY and not said:
            said.append(True)
            scanning()

    try:
        journal.refresh(warn, reading)  # (each file that cannot be read passed to `warn`)
        return journal.index.ids(start)
    except Unavailable:
        if scanning is not None and not said:
            scanning()
        found = journal.summaries(warn)
        return [(row.id, row.path) for row in found if row.id.startswith(start)]
