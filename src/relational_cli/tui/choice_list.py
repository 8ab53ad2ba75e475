"""The list under a questionary question, as relational wants it: a filter matches choices
by their words (case folded), never a heading; a filter that matches nothing shows nothing
(questionary shows everything); and the pointer can point at nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from questionary import Choice, Separator
from questionary.prompts.common import InquirerControl

from relational_cli import messages

if TYPE_CHECKING:
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from prompt_toolkit.keys import Keys
    from questionary import Question

NOWHERE = -1
"""Where a pointer that points at no choice is."""
NO_CHOICE = Choice("", value=None)
"""What questionary's own code finds pointed at when nothing is."""


class ChoiceList(InquirerControl):
    @classmethod
    def of(cls, question: Question) -> ChoiceList:
        """The list of a questionary question, made one of these (questionary builds it with
        no way to say which class; the two differ only in the methods below)."""
        from prompt_toolkit.layout import Window

        for window in question.application.layout.find_all_windows():
            if isinstance(window, Window) and isinstance(window.content, InquirerControl):
                control: ChoiceList = window.content  # type: ignore[assignment]
                control.__class__ = cls
                control.text = control._get_choice_tokens  # bound when it was built
                return control
        raise LookupError("not a list question")

    @property
    def filtered_choices(self) -> list[Choice]:
        if not self.search_filter:
            return list(self.choices)
        wanted = self.search_filter.casefold()
        found = [c for c in self.choices if choosable(c) and wanted in title(c).casefold()]
        self.found_in_search = bool(found)
        return found

    def pointed(self) -> Choice | None:
        """The choice pointed at, or None."""
        shown = self.filtered_choices
        if 0 <= self.pointed_at < len(shown) and choosable(shown[self.pointed_at]):
            return shown[self.pointed_at]
        return None

    def is_selection_valid(self) -> bool:
        # questionary moves the pointer on while this is False: with no choice shown, stay.
        return self.pointed() is not None or not any(map(choosable, self.filtered_choices))

    def select_next(self) -> None:
        if self.choice_count:
            self.pointed_at = (self.pointed_at + 1) % self.choice_count

    def select_previous(self) -> None:
        if self.choice_count:
            self.pointed_at = (max(self.pointed_at, 0) - 1) % self.choice_count

    def get_pointed_at(self) -> Choice:
        return self.pointed() or NO_CHOICE

    def add_search_character(self, char: Keys) -> None:
        super().add_search_character(char)
        shown = self.filtered_choices
        self.pointed_at = next((n for n, c in enumerate(shown) if choosable(c)), NOWHERE)

    def _get_choice_tokens(self) -> StyleAndTextTuples:
        if self.filtered_choices:
            tokens: StyleAndTextTuples = super()._get_choice_tokens()  # type: ignore[no-untyped-call]
            return tokens
        return [("class:instruction", f"  {messages.screen.NOTHING_MATCHES}")]


def choosable(choice: Choice) -> bool:
    return not isinstance(choice, Separator) and not choice.disabled


def title(choice: Choice) -> str:
    shown = choice.title
    return shown if isinstance(shown, str) else "".join(part[1] for part in shown or ())
