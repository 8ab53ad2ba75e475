"""The trash: reflections moved out of the journal by `relational delete`, kept whole (in
the same year and month folders, under the same names) until the person empties it, and
restorable until then."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from relational_cli.core.errors import UserError
from relational_cli.core.journal import fileformat as markdown
from relational_cli.core.journal.journal import Journal
from relational_cli.core.journal.summary import Summary, read_summary


def listed(journal: Journal) -> list[Summary]:
    """What is in the trash, newest first (a file that does not read as a reflection is left
    out, never removed)."""
    rows: list[Summary] = []
    for path in journal.home.trash.rglob("*.md"):
        with contextlib.suppress(OSError, UnicodeDecodeError, markdown.FormatError):
            rows.append(read_summary(path))
    return sorted(rows, key=lambda row: (row.created, row.id), reverse=True)


def find(journal: Journal, reference: str) -> Path:
    """The trashed file an id (or its start) names."""
    matches = [row.path for row in listed(journal) if row.id.startswith(reference)]
    if len(matches) != 1:
        how = "no reflection" if not matches else f"{len(matches)} reflections"
        raise UserError(f"{how} in the trash with id '{reference}' (see `relational trash`)")
    return matches[0]


def restore(journal: Journal, path: Path) -> Path:
    """Bring a trashed reflection back into the journal, never over another file; where it
    now is."""
    _, target, _ = journal.restore(path.read_text(encoding="utf-8"), str(path))
    os.unlink(path)
    return target


def empty(journal: Journal) -> int:
    """Delete everything in the trash for good; how many reflections that was."""
    rows = listed(journal)
    for row in rows:
        os.unlink(row.path)
    return len(rows)
