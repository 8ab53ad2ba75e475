"""Prompt packs, the exercises, as frozen dataclasses: `Pack`, `Prompt`, `Choice`.

A pack is a YAML file, parsed once at the edge (`reading`) into a `Pack`; everything inward
works on that. The format is documented in docs/packs.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from relational_cli.core.errors import UserError

if TYPE_CHECKING:
    from relational_cli.core.journal.fileformat import Value

PROMPT_TYPES = (
    "text", "long_text", "choice", "multi_choice", "ranking", "card_sort",
    "scale", "confirm", "pairs", "note", "grounding",
)  # fmt: skip
PAUSES = ("note", "grounding")
"""Prompts that ask nothing: a note to read, or an offer of a short grounding pause."""
CHOICE_TYPES = ("choice", "multi_choice", "ranking", "card_sort")
CHOICE_SOURCES = ("multi_choice", "ranking", "card_sort")
"""Prompts whose answers can become a later prompt's choices (a card sort gives its first pile)."""
CARD_PILES = ("Very important", "Important", "Not important", "Unsure")
PAIR_KEYS = ("notice", "do")
"""A pair in an answers file: what I notice, and what I will do then."""
PLACEHOLDER = re.compile(r"\{((?:last:|[a-z0-9_-]+\.)?[a-z0-9_-]+|month:(?:[a-z0-9_-]+|\*))\}")
"""{id} shows an earlier answer; {last:id} the answer in the previous reflection of this pack;
{pack.id} the answer in the latest reflection of another pack; {month:pack} the titles of that
pack's reflections over the last month ({month:*}: of every pack not listed by name), for a
note to list."""
LAST = "last:"
MONTH = "month:"
EVERY_PACK = "*"
"""`{month:*}`: the reflections of every pack that the pack does not list by name."""
ELSEWHERE = "."
"""Separates a pack from its prompt in a reference to another pack's answer: `values.ranked`."""


def is_remembered(key: str) -> bool:
    """Whether an answers key is an answer remembered from other reflections ({last:id},
    {pack.id} or {month:pack}): they ride along for placeholders and choices, and are never
    saved."""
    return key.startswith((LAST, MONTH)) or ELSEWHERE in key


def month_pack(reference: str) -> str | None:
    """The pack (or `*`) whose reflections over the last month `reference` lists, as in
    `month:weekly-step`; None for any other reference."""
    return reference[len(MONTH) :] if reference.startswith(MONTH) else None


def other_pack(reference: str) -> tuple[str, str] | None:
    """(pack, prompt) when `reference` names another pack's prompt, as in `values.ranked`."""
    pack_id, dot, prompt_id = reference.partition(ELSEWHERE)
    return (pack_id, prompt_id) if dot and not reference.startswith((LAST, MONTH)) else None


DATA_PREFIX = "data:"


@dataclass(frozen=True)
class Choice:
    value: str
    """What is kept in the reflection (and matched by `when`)."""
    label: str = ""
    """What the picker shows, when it should say more than the value."""
    description: str = ""

    @property
    def shown(self) -> str:
        return self.label or self.value


@dataclass(frozen=True)
class Prompt:
    id: str
    type: str
    text: str
    help: str = ""
    choices: tuple[Choice, ...] = ()
    choices_from: str | None = None
    """Id of an earlier prompt whose chosen values become this prompt's choices."""
    min: int | None = None
    max: int | None = None
    min_label: str = ""
    max_label: str = ""
    when: tuple[tuple[str, tuple[str | int | bool, ...]], ...] = ()
    """Shown only if, for each (prompt id, accepted values), the earlier answer is among them."""
    unless: tuple[tuple[str, tuple[str | int | bool, ...]], ...] = ()
    """Not shown when these match as `when` would (a skipped answer matches nothing)."""
    optional: bool = True
    """False: an empty answer gets one gentle nudge before it is skipped."""
    default: Value | None = None
    short_deck: tuple[str, ...] = ()
    """For a card sort: the values of a shorter deck a person may choose to sort instead."""
    otherwise: str = ""
    """Said instead of asking, when the prompt builds on another pack's answers and there are
    none yet (a gentle pointer, said once)."""
    support: str = ""
    """For a note: the kind of support lines shown after it (`crisis`, or `hurt` for someone
    being hurt by another person), the person's region first."""
    was: str = ""
    """The id this question had in an earlier version of the pack: when last time's answers
    are carried forward and there is none under its own id, the one under this is offered."""
    safety: tuple[str, ...] = ()
    """For a safety question (a choice asking whether a step toward someone is safe): the
    answers that mean it is safe; every other answer, and none, means it is not. Such a
    question must be answered (or skipped on purpose), and starts on no answer."""
    toward: bool = False
    """A step toward the other person (a conversation, a change they would notice): shown
    only after a safety question was answered safe."""
    keeps: str = ""
    """For a confirm prompt: the id of an earlier answer it asks to keep in the saved file;
    "no" leaves that answer out (it still steers the path). Its own answer is never saved."""

    @property
    def builds_on(self) -> list[str]:
        """The answers it shows or offers: its {placeholders}, and its `choices_from`."""
        return [
            *PLACEHOLDER.findall(self.text),
            *([self.choices_from] if self.choices_from else []),
        ]

    @property
    def asks(self) -> bool:
        return self.type not in PAUSES


@dataclass(frozen=True)
class CarryForward:
    """Which prompts offer the answers of the previous reflection of the pack, so nobody
    retypes them (Enter keeps one; anything can be changed or cleared)."""

    prompts: tuple[str, ...] = ()
    """Their ids; empty means every prompt."""
    when: tuple[tuple[str, tuple[str | int | bool, ...]], ...] = ()
    """Only when these earlier answers match, as a prompt's `when`."""
    sources: tuple[CarryFrom, ...] = ()
    """Where a prompt offers last time's answer to another question instead (`from`)."""


@dataclass(frozen=True)
class CarryFrom:
    """Last time's answer to `answer`, offered for `prompt` when it was given and `when`
    matches (the weekly step's "Make it smaller" starts from last week's smaller version)."""

    prompt: str
    answer: str
    when: tuple[tuple[str, tuple[str | int | bool, ...]], ...] = ()


@dataclass(frozen=True)
class Outro:
    """Closing words for one path through a pack: said instead of its `outro` when the answers
    match `when` (the first that matches is said)."""

    when: tuple[tuple[str, tuple[str | int | bool, ...]], ...]
    text: str
    support: str = ""
    """A kind of support lines to show after them, as a note's `support`."""


@dataclass(frozen=True)
class NoteFrom:
    """A short note from whoever wrote the pack (a therapist, say), shown once before its
    first question."""

    note: str
    name: str = ""
    """Who it is from, as they sign it; "" for no name."""


@dataclass(frozen=True)
class Pack:
    id: str
    title: str
    summary: str
    minutes: int
    version: int
    prompts: tuple[Prompt, ...]
    tags: tuple[str, ...] = ()
    intro: str = ""
    outro: str = ""
    content_note: str = ""
    about: str = ""
    sources: tuple[str, ...] = ()
    path: Path = field(default=Path(), compare=False)
    builtin: bool = True
    replaces_builtin: bool = False
    """A pack of the person's own that has a built-in pack's id, and so is used instead."""
    title_from: str = ""
    """A prompt whose answer becomes the reflection's title (else the pack's title)."""
    carry_forward: CarryForward | None = None
    outros: tuple[Outro, ...] = ()
    group: str = ""
    """The heading it is listed under in the menu and `packs list` ("" for none)."""
    note_from: NoteFrom | None = None
    """The pack's `from:` block: a note from whoever wrote it."""

    @property
    def remembers(self) -> tuple[str, ...]:
        """The other packs whose latest answers this pack's prompts show or offer."""
        found: list[str] = []
        for prompt in self.prompts:
            for name in prompt.builds_on:
                named = other_pack(name)
                if named and named[0] not in found:
                    found.append(named[0])
        return tuple(found)

    @property
    def looks_over_month(self) -> tuple[str, ...]:
        """The packs (or `*`) whose reflections over the last month the pack's notes list."""
        found: list[str] = []
        for prompt in self.prompts:
            for name in prompt.builds_on:
                named = month_pack(name)
                if named is not None and named not in found:
                    found.append(named)
        return tuple(found)

    @property
    def looks_back(self) -> bool:
        """Whether the pack shows or offers anything of its own previous reflection
        ({last:id}, a condition on one, or `carry_forward`): only then is that read."""
        if self.carry_forward is not None:
            return True
        names = [key for outro in self.outros for key, _ in outro.when]
        for prompt in self.prompts:
            names += [*prompt.builds_on, *(key for key, _ in (*prompt.when, *prompt.unless))]
        return any(name.startswith(LAST) for name in names)

    def prompt(self, prompt_id: str) -> Prompt:
        for prompt in self.prompts:
            if prompt.id == prompt_id:
                return prompt
        raise KeyError(prompt_id)


class PackError(UserError):
    """A pack that cannot be used; `problems` holds every problem found, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems
