"""Searching without an index (a SQLite without FTS5, a cache that cannot be written, or a
locked journal on a Python without `sqlite3.deserialize`): every reflection read, newest
first, the same matches as the index finds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relational_cli.core.journal.query import Page, Query
from relational_cli.core.search.hits import Hit, body_text, fold, has_word, snippet, words_of

if TYPE_CHECKING:
    from relational_cli.core.journal.journal import Journal, Warn


def scan_search(journal: Journal, text: str, query: Query, warn: Warn | None = None) -> Page[Hit]:
    """A search without an index: every reflection read, newest first. Slower, the same
    matches (every word, in the title or an answer, in any case: see `fold`)."""
    words = words_of(fold(text))
    hits: list[Hit] = []
    if not words:
        return Page(hits, filtered=True)
    for summary in journal.summaries(warn):
        if not query.matches(summary):
            continue
        try:
            body = body_text(journal.load(summary.path))
        except Exception:  # unreadable: review names it
            continue
        haystack = fold(f"{summary.title}\n{body}")
        if all(has_word(haystack, word) for word in words):
            if query.limit is not None and len(hits) == query.limit:
                return Page(hits, more=True, filtered=True)
            hits.append(Hit(summary, snippet(body or summary.title, words)))
    return Page(hits, filtered=True)
