"""Which prompts a session shows now, and with which choices: each prompt's `when` and
`unless` against the answers so far, the answers its {placeholders} and `choices_from` name.
While counting the questions still to come, an answer not given yet (`UPCOMING`) may be
anything."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from relational_cli.core.journal.fileformat import Value
from relational_cli.core.packs.model import (
    CARD_PILES,
    PLACEHOLDER,
    Choice,
    Pack,
    Prompt,
    month_pack,
    other_pack,
)

UPCOMING = "\0upcoming"
"""Stands in, when counting, for an answer not given yet."""
Condition = tuple[str, tuple[str | int | bool, ...]]
"""A prompt id and the answers that meet it (any one of them)."""


def missing_elsewhere(prompt: Prompt, answers: Mapping[str, Value | None]) -> bool:
    """Whether a prompt with `otherwise` is not shown for want of another pack's answers."""
    if not prompt.otherwise or not visible(prompt, answers):
        return False
    return any(
        (other_pack(name) or month_pack(name) is not None)
        and answers.get(name) in (None, [], "", {})
        for name in prompt.builds_on
    )


def shown_with(
    pack: Pack, prompt: Prompt, answers: Mapping[str, Value | None]
) -> tuple[Choice, ...] | None:
    """The choices a prompt is shown with now (empty for prompts without choices), or None
    when it is not shown: its `when` does not match, its `choices_from` answer is empty, or a
    {placeholder} names an answer that is missing."""
    if not visible(prompt, answers):
        return None
    if any(answers.get(name) in (None, [], "", {}) for name in PLACEHOLDER.findall(prompt.text)):
        return None
    if not prompt.choices_from:
        return prompt.choices
    earlier = answers.get(prompt.choices_from)
    if isinstance(earlier, dict):  # a card sort: its first pile
        earlier = earlier.get(CARD_PILES[0])
    if not isinstance(earlier, list) or not earlier:
        return None
    if other_pack(prompt.choices_from):
        return tuple(Choice(value) for value in earlier)
    offered = _offered(pack, prompt.choices_from)
    return tuple(offered.get(value) or Choice(value) for value in earlier)


def _offered(pack: Pack, prompt_id: str) -> dict[str, Choice]:
    """The choices an earlier prompt offered, by value, following choices_from back."""
    prompt = pack.prompt(prompt_id)
    if prompt.choices_from:
        return _offered(pack, prompt.choices_from)
    return {choice.value: choice for choice in prompt.choices}


def visible(prompt: Prompt, answers: Mapping[str, Value | None]) -> bool:
    """Whether a prompt's `when` matches these answers and its `unless` does not. An answer
    still to come (`UPCOMING`, when counting) may yet match the one and not the other."""
    return matches(prompt.when, answers, upcoming=True) and not (
        prompt.unless and matches(prompt.unless, answers, upcoming=False)
    )


def matches(
    conditions: Iterable[Condition],
    answers: Mapping[str, Value | None],
    upcoming: bool = False,
) -> bool:
    """Whether, for each (prompt id, accepted values), the answer is among them (for a list
    answer, any of its values); an answer still to come counts as `upcoming` says."""
    for prompt_id, accepted in conditions:
        answer = answers.get(prompt_id)
        if answer is None:
            return False
        given = answer if isinstance(answer, list) else [answer]
        if UPCOMING in given:
            if not upcoming:
                return False
            continue
        if not any(_same(item, wanted) for item in given for wanted in accepted):
            return False
    return True


def _same(answer: object, wanted: str | int | bool) -> bool:
    if isinstance(answer, bool) or isinstance(wanted, bool):
        return answer is wanted
    return bool(answer == wanted)
