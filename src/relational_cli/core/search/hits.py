"""What a search finds: a reflection with the words around the match, and how the words of a
search and of a reflection are read — the same for the index and for a search without one."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from relational_cli.core.journal.fileformat import Reflection, answer_text

if TYPE_CHECKING:
    from relational_cli.core.journal.summary import Summary

MARK = ("\ue000", "\ue001")
"""Around each matched word in a snippet (private-use characters, never markup)."""
ELIDED = "\ue002"
"""Where a snippet leaves words out, before or after it: shown as an ellipsis on a screen and
in a file, and as nothing in plain mode, where a screen reader would say it as a symbol."""
SNIPPET_WORDS = 12
WORD = re.compile(r"[^\W_]+")
"""A word as the index's tokenizer (FTS5 unicode61) sees it: letters and digits, split at
anything else, underscores included."""


class Hit(NamedTuple):
    """A reflection a search found, with the words around the match (marked with `MARK`)."""

    summary: Summary
    snippet: str

    @property
    def id(self) -> str:
        return self.summary.id

    @property
    def exercise(self) -> str:
        return self.summary.exercise

    @property
    def created(self) -> str:
        return self.summary.created

    @property
    def title(self) -> str:
        return self.summary.title

    @property
    def tags(self) -> tuple[str, ...]:
        return self.summary.tags


def words_of(query: str) -> list[str]:
    """The words of a search, whatever else it holds: quotes, stars, dashes and FTS syntax
    such as NEAR are searched for as words, never read as operators."""
    return WORD.findall(query)


def fold(text: str) -> str:
    """`text` in the one case searching compares, as people mean "any case": Unicode case
    folding (`Straße` is `strasse`), and the Turkish dotless and dotted I as i (`IŞIK` is
    `ışık`, `ILIK` is `ılık`), which no case folding joins; then composed (NFC), so that a
    letter and its accent typed apart are one letter, as typed together. The index holds
    its words so folded (FTS5's tokenizer folds only letter by letter, and never ß), and a
    search without it folds the same way."""
    import unicodedata

    folded = text.casefold().replace("\u0131", "i").replace("i\u0307", "i")
    return unicodedata.normalize("NFC", folded)


def body_text(reflection: Reflection) -> str:
    """What a search looks through in a reflection: every answer, as words."""
    parts: list[str] = []
    for answer in reflection.answers:
        value = answer.value
        if isinstance(value, dict):  # the cards, not the names of the piles
            parts += [card for pile in value.values() for card in pile]
        elif isinstance(value, tuple):  # the person's words, not "When I notice"
            parts += [part for pair in value for part in pair if part]
        else:  # a yes/no as the words a person would search for: Yes, No
            parts.append(answer_text(value))
    return "\n".join(parts)


def has_word(text: str, word: str) -> bool:
    """Whether `text` holds `word` as a word of its own (both already folded)."""
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


def snippet(body: str, words: list[str]) -> str:
    """About SNIPPET_WORDS words of `body` around the first match, never running past its end
    (a short answer is shown whole), matches marked (`words` folded)."""
    tokens = body.split()
    first = next((n for n, token in enumerate(tokens) if any(w in fold(token) for w in words)), 0)
    start = max(0, min(first - SNIPPET_WORDS // 2, len(tokens) - SNIPPET_WORDS))
    shown = tokens[start : start + SNIPPET_WORDS]
    marked = [
        f"{MARK[0]}{token}{MARK[1]}" if any(w in fold(token) for w in words) else token
        for token in shown
    ]
    return (
        (ELIDED if start else "")
        + " ".join(marked)
        + (ELIDED if start + SNIPPET_WORDS < len(tokens) else "")
    )
