"""The trash: reflections moved out of the journal by `relational delete`, kept whole (in
the same year and month folders, under the same names) until the person empties it, and
restorable until then."""

from __future__ import annotations

import contextlib
from pathlib import Path

from relational_cli import messages
from relational_cli.core.journal import fileformat as markdown
from relational_cli.core.journal.journal import Journal, single_match
from relational_cli.core.journal.summary import Summary


def listed(journal: Journal) -> list[Summary]:
    """What is in the trash, newest first (a file that does not read as a reflection is left
    out, never removed)."""
    rows: list[Summary] = []
    for path in journal.storage.files(journal.storage.trash):
        with contextlib.suppress(OSError, UnicodeDecodeError, markdown.FormatError):
            rows.append(journal.read_summary(path))
    return sorted(rows, key=lambda row: (row.instant, row.id), reverse=True)


def find(journal: Journal, reference: str) -> Path:
    """The trashed file an id (or its start) names."""
    return single_match(
        reference, ((row.id, row.path) for row in listed(journal)), messages.journal.IN_THE_TRASH
    )


def restore(journal: Journal, path: Path) -> Path:
    """Bring a trashed reflection back into the journal, never over another file; where it
    now is."""
    _, target, _ = journal.restore(journal.storage.read(path), str(path))
    journal.storage.remove(path)
    return target


def empty(journal: Journal) -> int:
    """Delete everything in the trash for good; how many reflections that was."""
    rows = listed(journal)
    for row in rows:
        journal.storage.remove(row.path)
    return len(rows)
