"""Searching without an index (a SQLite without FTS5, or a cache that cannot be written):
every reflection read, newest first, the same matches as the index finds."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from relational_cli.core.search.index import MARK, SNIPPET_WORDS, Hit, body_text, words_of
from relational_cli.core.search.query import Page, Query

if TYPE_CHECKING:
    from relational_cli.core.journal.journal import Journal


def scan_search(journal: Journal, text: str, query: Query, warn: Any = None) -> Page[Hit]:
    """A search without an index: every reflection read, newest first. Slower, the same
    matches (every word, in the title or an answer, ignoring case)."""
    words = [word.casefold() for word in words_of(text)]
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
        haystack = f"{summary.title}\n{body}".casefold()
        if all(_has_word(haystack, word) for word in words):
            if query.limit is not None and len(hits) == query.limit:
                return Page(hits, more=True, filtered=True)
            hits.append(Hit(summary, _snippet(body or summary.title, words)))
    return Page(hits, filtered=True)


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def _snippet(body: str, words: list[str]) -> str:
    """About SNIPPET_WORDS words of `body` around the first match, matches marked."""
    tokens = body.split()
    first = next(
        (n for n, token in enumerate(tokens) if any(w in token.casefold() for w in words)), 0
    )
    start = max(0, first - SNIPPET_WORDS // 2)
    shown = tokens[start : start + SNIPPET_WORDS]
    marked = [
        f"{MARK[0]}{token}{MARK[1]}" if any(w in token.casefold() for w in words) else token
        for token in shown
    ]
    return (
        ("…" if start else "")
        + " ".join(marked)
        + ("…" if start + SNIPPET_WORDS < len(tokens) else "")
    )
