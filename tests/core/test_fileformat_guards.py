"""The reflection file format's guards (core/journal/fileformat.py, core/journal/storage.py):
a long front matter still reads, and a pile name that could not read back is refused."""

from __future__ import annotations

import pytest

from relational_cli.core.journal import fileformat
from relational_cli.core.journal.fileformat import Reflection, Section


def test_a_front_matter_longer_than_the_first_read_is_read_whole(home: object) -> None:
    """The summary is read from the start of a file: past the first 4 KiB when the front matter
    goes on (many tags), or the reflection would drop out of review and search."""
    from conftest import journal

    tags = tuple(f"a-rather-long-tag-number-{n}" for n in range(200))
    reflection = Reflection("20261121-210755-journal", "journal", "2026-11-21T21:07:55+00:00",
                            "Long", tags=tags)  # fmt: skip
    _, path = journal().save(reflection, [Section("entry", "What's on your mind?", "words")])
    head = path.read_text(encoding="utf-8").split("\n---\n", 1)[0]
    assert len(head.encode()) > 4096
    summary = journal().read_summary(path)
    assert summary.tags == tags and summary.title == "Long"


@pytest.mark.parametrize("name", ["", "-cards", " Important", "Very\nimportant", "Pile\r"])
def test_a_pile_name_that_would_not_read_back_is_refused(name: str) -> None:
    """The pile-name guard: such a name would read back as a different pile, or as a card."""
    with pytest.raises(ValueError, match="cannot name a pile"):
        fileformat.answer_lines("sort", {name: ["Honesty"]})
    fileformat.answer_lines("sort", {"Very important": ["Honesty"]})  # a plain name is fine
