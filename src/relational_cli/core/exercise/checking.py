"""Checking an answer that did not come from the terminal (an answers file, a draft, last
time's answer carried forward) against the prompt it answers."""

from __future__ import annotations

import re
from typing import Any

from relational_cli import messages
from relational_cli.core.journal.fileformat import Value
from relational_cli.core.journal.pairs import Pair, Pairs, as_pairs
from relational_cli.core.packs.model import CARD_PILES, PAIR_KEYS, Choice, Prompt
from relational_cli.messages import answers as words


def check(prompt: Prompt, choices: tuple[Choice, ...], raw: Any) -> Value | None:
    """A raw answer (from a file, a draft or last time) to `prompt`, offered `choices`, as a
    typed value; ValueError says what is wrong."""
    offered = [choice.value for choice in choices]
    kind = prompt.type
    if raw is None:
        return None
    if not prompt.asks:
        raise ValueError(words.is_a_pause(kind))
    if kind in ("text", "long_text"):
        if not isinstance(raw, str):
            raise ValueError(words.SHOULD_BE_TEXT)
        return raw if raw.strip() else None
    if kind == "confirm":
        if not isinstance(raw, bool):
            raise ValueError(words.SHOULD_BE_YES_OR_NO)
        return raw
    if kind == "scale":
        assert prompt.min is not None and prompt.max is not None
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise ValueError(words.should_be_a_number(prompt.min, prompt.max))
        if not prompt.min <= raw <= prompt.max:
            raise ValueError(words.outside(raw, prompt.min, prompt.max))
        return raw
    if kind == "choice":
        if not isinstance(raw, str):
            raise ValueError(words.SHOULD_BE_A_CHOICE)
        if raw not in offered:
            raise ValueError(words.not_offered(raw, _listing(offered)))
        return raw
    if kind == "card_sort":
        return _check_piles(raw, offered)
    if kind == "pairs":
        return _check_pairs(raw)
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ValueError(words.SHOULD_BE_CHOICES)
    if not raw:
        return None
    unknown = [item for item in raw if item not in offered]
    if unknown:
        raise ValueError(words.not_offered(unknown[0], _listing(offered)))
    if len(set(raw)) != len(raw):
        raise ValueError(words.TWICE)
    if kind == "ranking":
        if sorted(raw) != sorted(offered):
            raise ValueError(words.every_in_order(_listing(offered)))
        return list(raw)
    if prompt.min is not None and len(raw) < prompt.min:
        raise ValueError(words.at_least(prompt.min))
    if prompt.max is not None and len(raw) > prompt.max:
        raise ValueError(words.at_most(prompt.max))
    return list(raw)


def _check_piles(raw: Any, offered: list[str]) -> Value | None:
    """A card sort: piles by name, each a list of cards; cards of one's own are welcome."""
    if not isinstance(raw, dict) or not all(isinstance(k, str) for k in raw):
        raise ValueError(words.should_be_piles(CARD_PILES))
    piles: dict[str, list[str]] = {name: [] for name in CARD_PILES}
    seen: set[str] = set()
    for name, cards in raw.items():
        if name not in piles:
            raise ValueError(words.no_pile(name, CARD_PILES))
        if not isinstance(cards, list) or not all(
            isinstance(c, str) and c.strip() and "\n" not in c for c in cards
        ):
            raise ValueError(words.pile_of_cards(name))
        for card in cards:
            if card in seen:
                raise ValueError(words.two_piles(card))
            seen.add(card)
        piles[name] = [card.strip() for card in cards]
    return piles if seen else None


def _check_pairs(raw: Any) -> Value | None:
    """Pairs: a list of `{notice: …, do: …}` mappings (either may be left out), or of two-item
    lists as a draft keeps them. Each part is one line; a pair with neither is dropped."""
    if not isinstance(raw, (list, tuple)):  # a tuple: last time's, as its file gave it
        raise ValueError(words.SHOULD_BE_PAIRS)
    pairs: list[Pair] = []
    for item in raw:
        if isinstance(item, dict):
            unknown = [key for key in item if key not in PAIR_KEYS]
            if unknown:
                raise ValueError(words.not_a_pair_key(str(unknown[0]), PAIR_KEYS))
            parts = [item.get(key) for key in PAIR_KEYS]
        else:
            listed = as_pairs([item])
            if listed is None:
                raise ValueError(words.SHOULD_BE_PAIRS)
            parts = list(listed[0])
        if not all(part is None or isinstance(part, str) for part in parts):
            raise ValueError(words.SHOULD_BE_PAIRS)
        notice, will = ((part or "").strip() for part in parts)
        if "\n" in notice + will or "\r" in notice + will:
            raise ValueError(words.PAIR_ON_ONE_LINE)
        if notice or will:
            pairs.append((notice, will))
    return tuple(pairs) or None


def noticed(text: str) -> Pairs:
    """An answer in words from before a question became pairs (`was`): each line something
    noticed (a list marker typed before it left off), what to do left to fill in."""
    lines = (BULLET.sub("", line).strip() for line in text.splitlines())
    return tuple((line, "") for line in lines if line)


BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
"""A list marker a person may have typed at the start of a line."""


def _listing(values: list[str]) -> str:
    shown = ", ".join(values[:8])
    return shown + (messages.general.AND_MORE.format(len(values) - 8) if len(values) > 8 else "")
