"""Checking an answer that did not come from the terminal (an answers file, a draft, last
time's answer carried forward) against the prompt it answers."""

from __future__ import annotations

import re
from collections.abc import Callable

from relational_cli import messages
from relational_cli.core.journal.fileformat import Value
from relational_cli.core.journal.pairs import Pair, Pairs, as_pairs
from relational_cli.core.packs.model import CARD_PILES, PAIR_KEYS, Choice, Prompt
from relational_cli.messages import answers as words

Checker = Callable[[Prompt, list[str], object], "Value | None"]
"""Checks a raw answer to a prompt of one kind, given the values the prompt offered."""


def check(prompt: Prompt, choices: tuple[Choice, ...], raw: object) -> Value | None:
    """A raw answer (from a file, a draft or last time) to `prompt`, offered `choices`, as a
    typed value; ValueError says what is wrong."""
    if raw is None:
        return None
    if not prompt.asks:
        raise ValueError(words.is_a_pause(prompt.type))
    return CHECKS[prompt.type](prompt, [choice.value for choice in choices], raw)


def _check_text(prompt: Prompt, offered: list[str], raw: object) -> Value | None:
    if not isinstance(raw, str):
        raise ValueError(words.SHOULD_BE_TEXT)
    return raw if raw.strip() else None


def _check_confirm(prompt: Prompt, offered: list[str], raw: object) -> Value | None:
    if not isinstance(raw, bool):
        raise ValueError(words.SHOULD_BE_YES_OR_NO)
    return raw


def _check_scale(prompt: Prompt, offered: list[str], raw: object) -> Value | None:
    assert prompt.min is not None and prompt.max is not None
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValueError(words.should_be_a_number(prompt.min, prompt.max))
    if not prompt.min <= raw <= prompt.max:
        raise ValueError(words.outside(raw, prompt.min, prompt.max))
    return raw


def _check_choice(prompt: Prompt, offered: list[str], raw: object) -> Value | None:
    if not isinstance(raw, str):
        raise ValueError(words.SHOULD_BE_A_CHOICE)
    if raw not in offered:
        raise ValueError(words.not_offered(raw, _listing(offered)))
    return raw


def _check_ranking(prompt: Prompt, offered: list[str], raw: object) -> Value | None:
    """Every value offered, each once, in the order the person put them."""
    ranked = _picked(raw, offered)
    if ranked and sorted(ranked) != sorted(offered):
        raise ValueError(words.every_in_order(_listing(offered)))
    return ranked or None


def _check_multi(prompt: Prompt, offered: list[str], raw: object) -> Value | None:
    """Values offered, each once, as many as the prompt allows."""
    picked = _picked(raw, offered)
    if not picked:
        return None
    if prompt.min is not None and len(picked) < prompt.min:
        raise ValueError(words.at_least(prompt.min))
    if prompt.max is not None and len(picked) > prompt.max:
        raise ValueError(words.at_most(prompt.max))
    return picked


def _picked(raw: object, offered: list[str]) -> list[str]:
    """A list of values, each one offered and none twice."""
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ValueError(words.SHOULD_BE_CHOICES)
    unknown = [item for item in raw if item not in offered]
    if unknown:
        raise ValueError(words.not_offered(unknown[0], _listing(offered)))
    if len(set(raw)) != len(raw):
        raise ValueError(words.TWICE)
    return list(raw)


def _check_piles(prompt: Prompt, offered: list[str], raw: object) -> Value | None:
    """A card sort: piles by name, each a list of cards; cards of one's own are welcome."""
    if not isinstance(raw, dict) or not all(isinstance(k, str) for k in raw):
        raise ValueError(words.should_be_piles(CARD_PILES))
    piles: dict[str, list[str]] = {name: [] for name in CARD_PILES}
    seen: set[str] = set()
    for name, cards in raw.items():
        if name not in piles:
            raise ValueError(words.no_pile(name, CARD_PILES))
        piles[name] = _pile(name, cards, seen)
    return piles if seen else None


def _pile(name: str, cards: object, seen: set[str]) -> list[str]:
    """One pile's cards, each one line and in no pile before it (`seen` gathers them)."""
    if not isinstance(cards, list) or not all(
        isinstance(c, str) and c.strip() and "\n" not in c for c in cards
    ):
        raise ValueError(words.pile_of_cards(name))
    for card in cards:
        if card in seen:
            raise ValueError(words.two_piles(card))
        seen.add(card)
    return [card.strip() for card in cards]


def _check_pairs(prompt: Prompt, offered: list[str], raw: object) -> Value | None:
    """Pairs: a list of `{notice: …, do: …}` mappings (either may be left out), or of two-item
    lists as a draft keeps them. Each part is one line; a pair with neither is dropped."""
    if not isinstance(raw, (list, tuple)):  # a tuple: last time's, as its file gave it
        raise ValueError(words.SHOULD_BE_PAIRS)
    pairs = (_pair(_pair_parts(item)) for item in raw)
    return tuple(pair for pair in pairs if pair[0] or pair[1]) or None


def _pair_parts(item: object) -> list[object]:
    """What I notice and what I will do, from a mapping or a two-item list."""
    if isinstance(item, dict):
        unknown = [key for key in item if key not in PAIR_KEYS]
        if unknown:
            raise ValueError(words.not_a_pair_key(str(unknown[0]), PAIR_KEYS))
        return [item.get(key) for key in PAIR_KEYS]
    listed = as_pairs([item])
    if listed is None:
        raise ValueError(words.SHOULD_BE_PAIRS)
    return list(listed[0])


def _pair(parts: list[object]) -> Pair:
    """The two parts as one line each (either may be empty)."""
    notice, will = (_part(part) for part in parts)
    if "\n" in notice + will or "\r" in notice + will:
        raise ValueError(words.PAIR_ON_ONE_LINE)
    return notice, will


def _part(part: object) -> str:
    if part is None:
        return ""
    if not isinstance(part, str):
        raise ValueError(words.SHOULD_BE_PAIRS)
    return part.strip()


CHECKS: dict[str, Checker] = {
    "text": _check_text,
    "long_text": _check_text,
    "confirm": _check_confirm,
    "scale": _check_scale,
    "choice": _check_choice,
    "multi_choice": _check_multi,
    "ranking": _check_ranking,
    "card_sort": _check_piles,
    "pairs": _check_pairs,
}
"""How an answer to each kind of prompt that asks something is checked."""


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
