"""What is wrong with an answer that did not come from the screen (an answers file, a draft, last
time's answer carried forward): each said after the prompt's id ("'wish' should be text")."""

from __future__ import annotations

from collections.abc import Sequence

SHOULD_BE_TEXT = "should be text"
SHOULD_BE_YES_OR_NO = "should be true or false"
SHOULD_BE_A_CHOICE = "should be one of the offered choices, as text"
SHOULD_BE_CHOICES = "should be a list of offered choices"
TWICE = "names a choice twice"
SHOULD_BE_PAIRS = (
    "should be a list of pairs, each with what you notice and what you will do"
    " (for example: - {notice: I stop answering messages, do: text Jo})"
)
PAIR_ON_ONE_LINE = "should keep each part of a pair on one line"


def is_a_pause(kind: str) -> str:
    return f"is a {kind} and takes no answer"


def should_be_a_number(low: int | None, high: int | None) -> str:
    return f"should be a whole number from {low} to {high}"


def outside(raw: object, low: int | None, high: int | None) -> str:
    return f"{raw} is outside {low} to {high}"


def not_offered(raw: object, offered: str) -> str:
    return f"'{raw}' is not one of the offered choices ({offered})"


def every_in_order(offered: str) -> str:
    return f"should put every offered choice in order ({offered})"


def at_least(count: int | None) -> str:
    return f"needs at least {count} choices"


def at_most(count: int | None) -> str:
    return f"takes at most {count} choices"


def should_be_piles(piles: Sequence[str]) -> str:
    return f"should map piles ({', '.join(piles)}) to lists of cards"


def no_pile(name: str, piles: Sequence[str]) -> str:
    return f"has no pile called '{name}' (the piles are {', '.join(piles)})"


def pile_of_cards(name: str) -> str:
    return f"pile '{name}' should be a list of cards, each on one line"


def two_piles(card: str) -> str:
    return f"puts '{card}' in two piles"


def not_a_pair_key(key: str, keys: Sequence[str]) -> str:
    return f"has '{key}' in a pair (a pair has {' and '.join(keys)})"
