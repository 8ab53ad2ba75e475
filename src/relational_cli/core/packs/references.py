"""References in a pack to answers elsewhere: `{id}`, `{last:id}`, `{pack.id}` and (in a note)
`{month:pack}` in a prompt's text, and another pack's answers offered as choices. Problems
are gathered as in `reading`."""

from __future__ import annotations

from collections.abc import Callable

from relational_cli import messages
from relational_cli.core.errors import did_you_mean
from relational_cli.core.packs.model import (
    CHOICE_SOURCES,
    EVERY_PACK,
    LAST,
    PLACEHOLDER,
    Prompt,
    month_pack,
    other_pack,
)
from relational_cli.core.packs.paths import PathFields
from relational_cli.core.packs.yamlfile import Mark

OtherPacks = Callable[[str], "dict[str, str] | None"]
"""The prompts (id: type) of another pack, by its id; None when there is no such pack."""


class ReferenceFields(PathFields):
    """Checks what a pack's prompts show or offer of other answers, collecting every problem."""

    other_packs: OtherPacks | None = None
    """Checks references to other packs (None: checked when loaded among the others)."""
    pack_id = ""

    def placeholders(
        self, text: str, mark: Mark, where: str, earlier: dict[str, Prompt], kind: str
    ) -> None:
        for name in PLACEHOLDER.findall(text):
            month = month_pack(name)
            if month is not None:
                self.month(mark, f"{where}.text", name, month, kind)
            elif other_pack(name):
                self.elsewhere(mark, f"{where}.text", name, choices=False)
            elif name.startswith(LAST):
                if name[len(LAST) :] not in self.all_ids:
                    self.problem(
                        mark,
                        f"{where}.text",
                        messages.packs.PLACEHOLDER_NAMES_NO_PROMPT.format(name),
                    )
            else:
                self.reference(mark, f"{where}.text", f"{{{name}}}", name, earlier)

    def month(self, mark: Mark, where: str, name: str, pack_id: str, kind: str) -> None:
        """Check a list of the last month's reflections, such as `{month:weekly-step}`: only a
        note shows one (a list of lines is no question), and the pack must exist."""
        if kind != "note":
            self.problem(
                mark, where, messages.packs.LISTS_REFLECTIONS_ONLY_NOTE_CAN_SHOW.format(name)
            )
        elif (
            pack_id not in (EVERY_PACK, self.pack_id)
            and self.other_packs is not None
            and self.other_packs(pack_id) is None
        ):
            self.problem(mark, where, messages.packs.PLACEHOLDER_NO_SUCH_PACK.format(name, pack_id))

    def elsewhere(self, mark: Mark, where: str, name: str, choices: bool) -> None:
        """Check a reference to another pack's answer, such as `values.ranked`."""
        pack_id, prompt_id = other_pack(name) or ("", "")
        shown = f"{{{name}}}" if not choices else f"'{name}'"
        if pack_id == self.pack_id:
            self.problem(
                mark, where, messages.packs.NAMES_THIS_PACK_USE_ON_ITS.format(shown, prompt_id)
            )
            return
        if self.other_packs is None:
            return  # checked when the pack is loaded among the others
        prompts = self.other_packs(pack_id)
        if prompts is None:
            self.problem(mark, where, messages.packs.NO_SUCH_PACK.format(shown, pack_id))
        elif prompt_id not in prompts:
            self.problem(
                mark,
                where,
                messages.packs.PACK_HAS_NO_PROMPT.format(shown, pack_id, prompt_id)
                + did_you_mean(prompt_id, sorted(prompts)),
            )
        elif choices and prompts[prompt_id] not in CHOICE_SOURCES:
            self.problem(
                mark,
                where,
                messages.packs.CHOICES_COME_FROM.format(name, prompts[prompt_id]),
            )
