"""The journal tells the index of every write at once (core/search/index.py): nothing has to
wait for the next look through the folders."""

from __future__ import annotations

from pathlib import Path

from conftest import journal

from relational_cli.core.journal.fileformat import Reflection, Section
from relational_cli.core.journal.query import Query


def test_a_deleted_reflection_is_forgotten_by_the_index_at_once(home: Path) -> None:
    """`index.forget` on delete: without it the index would still list the reflection until a
    refresh happened to look at its folder."""
    book = journal()
    reflection = Reflection("20240105-093000-journal", "journal", "2024-01-05T09:30:00+00:00", "T")
    _, path = book.save(reflection, [Section("entry", "Q", "river words")])
    book.index.refresh()  # the index exists and knows it
    assert [row.id for row in book.index.select(Query(exercise="journal")).rows] == [path.stem]
    book.delete(path)
    assert book.index.select(Query(exercise="journal")).rows == []  # no refresh in between
    assert book.index.search("river", Query()).rows == []
