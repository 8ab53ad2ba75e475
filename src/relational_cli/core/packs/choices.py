"""The parts of the pack file format about choices: a list of choices, a prompt's default
answer among them, and a card sort's short deck. Problems are gathered as in `packfile`."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, cast

from relational_cli import messages
from relational_cli.core.errors import did_you_mean
from relational_cli.core.packs.model import Choice, Prompt
from relational_cli.core.packs.yamlfile import Fields, Mark, MarkedDict, MarkedList

if TYPE_CHECKING:
    from relational_cli.core.journal.fileformat import Value

CHOICE_KEYS = ("value", "label", "description")


class ChoiceFields(Fields):
    """Reads choices, defaults and short decks, collecting every problem with its place."""

    def short_deck(
        self, item: MarkedDict, where: str, kind: str, deck: tuple[Choice, ...]
    ) -> tuple[str, ...]:
        if "short_deck" not in item:
            return ()
        values = self.strings(item, "short_deck", where)
        mark = item.key_marks["short_deck"]
        if kind != "card_sort":
            self.problem(
                mark,
                f"{where}.short_deck",
                messages.packs.IS_FOR_CARD_SORT_PROMPTS_NOT.format(kind),
            )
        known = {choice.value for choice in deck}
        for value in values:
            if value not in known:
                self.problem(
                    mark,
                    f"{where}.short_deck",
                    messages.packs.IS_NOT_ONE_OF_CARDS.format(value, did_you_mean(value, known)),
                )
        return values

    def with_default(self, prompt: Prompt, item: MarkedDict, where: str) -> Prompt:
        value = item["default"]
        mark = item.key_marks["default"]
        offered = [choice.value for choice in prompt.choices]
        kind = prompt.type
        wrong = {
            "text": not isinstance(value, str),
            "long_text": not isinstance(value, str),
            "confirm": not isinstance(value, bool),
            "scale": isinstance(value, bool)
            or not isinstance(value, int)
            or not (prompt.min or 0) <= value <= (prompt.max or 0),
            "choice": value not in offered,
            "multi_choice": not isinstance(value, list) or any(v not in offered for v in value),
        }.get(kind)
        if prompt.choices_from or wrong is None:
            self.problem(
                mark,
                f"{where}.default",
                f"a {kind} prompt"
                + (messages.packs.WITH_CHOICES_FROM if prompt.choices_from else "")
                + messages.packs.TAKES_NO_DEFAULT,
            )
        elif wrong:
            self.problem(
                mark,
                f"{where}.default",
                messages.packs.IS_NOT_POSSIBLE_ANSWER_TO_THIS.format(value, kind),
            )
        else:
            default = list(value) if isinstance(value, list) else value
            return replace(prompt, default=cast("Value", default))  # checked for its kind above
        return prompt

    def choices(self, raw: object, where: str, mark: Mark) -> tuple[Choice, ...]:
        if not isinstance(raw, MarkedList) or not raw:
            self.problem(mark, where, messages.packs.NEEDS_A_CHOICE)
            return ()
        result: list[Choice] = []
        for index in range(len(raw)):
            choice = self.choice(raw, index, f"{where}[{index}]")
            if choice is not None:
                result.append(choice)
        values = [choice.value for choice in result]
        for value in sorted({v for v in values if values.count(v) > 1}):
            self.problem(mark, where, messages.packs.IS_OFFERED_TWICE.format(value))
        return tuple(result)

    def choice(self, raw: MarkedList, index: int, where: str) -> Choice | None:
        """One choice of a list: text, or a mapping with `value` (and `label`, `description`);
        None (and a problem said) when it is neither."""
        entry, entry_mark = raw[index], raw.item_marks[index]
        value = entry.get("value") if isinstance(entry, MarkedDict) else entry
        if isinstance(entry, str) and entry.strip():
            choice = Choice(entry.strip())
        elif isinstance(entry, MarkedDict) and isinstance(value, str) and value.strip():
            self.unknown_keys(entry, CHOICE_KEYS, where)
            label = self.text(entry, "label", where)
            description = self.text(entry, "description", where)
            choice = Choice(value.strip(), label, description)
        else:
            word = _yes_or_no(raw, index, entry)
            self.problem(
                entry_mark,
                where,
                messages.packs.quote_yes_or_no(word)
                if word
                else messages.packs.CHOICE_IS_TEXT_OR_MAPPING_WITH,
            )
            return None
        if "\n" in str(value):  # `|` ends in one
            self.problem(entry_mark, where, messages.packs.CHOICE_MUST_FIT_ON_ONE_LINE)
        return choice


def _yes_or_no(items: MarkedList, index: int, entry: object) -> str | None:
    """The word as written (`Yes`, `off`) when YAML 1.1 read a choice as true or false."""
    if isinstance(entry, bool) and index < len(items.item_words):
        return items.item_words[index]
    if isinstance(entry, MarkedDict) and isinstance(entry.get("value"), bool):
        return entry.words.get("value")
    return None
