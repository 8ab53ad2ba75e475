"""The journal kept with its index. The journal sits below search and knows its index only as
what it asks of one (`journal.indexing.JournalIndex`), so it is opened here, with the index
relational keeps (`index.Index`, loaded when first used): told of every write, asked for
reflections by id and by query. Searching by words is here too: through that index, or,
where none can be kept, by reading every file (`scan`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from relational_cli.core.journal.indexing import JournalIndex, Progress, Unavailable
from relational_cli.core.journal.journal import Journal, Warn
from relational_cli.core.journal.query import Page, Query
from relational_cli.core.journal.storage import Storage

if TYPE_CHECKING:
    from relational_cli.core.home import Home
    from relational_cli.core.search.hits import Hit


def open_journal(
    home: Home, clock: Callable[[], datetime], storage: Storage | None = None
) -> Journal:
    """The journal of `home` (read and written through `storage`), with its index; `clock`
    gives the time now (the Environment's)."""
    return Journal(home, storage or Storage(home), index_of, clock)


def index_of(storage: Storage) -> JournalIndex:
    """The index relational keeps of the journal in `storage`."""
    from relational_cli.core.search.index import Index

    return Index(storage)


def search(
    journal: Journal,
    text: str,
    query: Query,
    warn: Warn | None = None,
    progress: Progress | None = None,
) -> Page[Hit]:
    """The reflections holding every word of `text` (and matching `query`), newest first:
    through the journal's index, or by reading every file where it has none that can be
    used (none can be kept here, or it was opened with another)."""
    from relational_cli.core.search.index import Index

    try:
        if not isinstance(journal.index, Index):
            raise Unavailable("not relational's index")
        journal.refresh(warn, progress)
        found = journal.index.search(text, query)
    except Unavailable:
        from relational_cli.core.search.scan import scan_search

        found = scan_search(journal, text, query, warn)
    journal.ahead_named(Page([hit.summary for hit in found.rows]), warn)
    return found
