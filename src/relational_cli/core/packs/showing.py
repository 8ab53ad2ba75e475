"""How a pack presents itself: the heading it is listed under (`group`), a note from
whoever wrote it (`from`), and what titles its reflections (`title_from`). Problems are
gathered as in `reading`."""

from __future__ import annotations

from relational_cli import messages
from relational_cli.core.errors import did_you_mean
from relational_cli.core.packs.model import NoteFrom, Prompt
from relational_cli.core.packs.yamlfile import Fields, MarkedDict, describe

GROUP_LENGTH = 40
FROM_KEYS = ("note", "name")
NAME_LENGTH = 60
"""The most a `from:` name may hold: a name as someone signs it, on one line."""


class ShowingFields(Fields):
    """Reads `group`, `from` and `title_from`, collecting every problem."""

    def group(self, data: MarkedDict) -> str:
        """A short heading on one line, as the menu lists it."""
        group = self.text(data, "group", "")
        if len(group) > GROUP_LENGTH or "\n" in str(data.get("group")):  # `|` ends in one
            self.problem(
                data.key_marks["group"],
                "group",
                messages.packs.GROUP_ONE_LINE.format(GROUP_LENGTH),
            )
        return group

    def note_from(self, data: MarkedDict) -> NoteFrom | None:
        """The `from:` block: a `note` from whoever wrote the pack, and their `name` if given."""
        raw = data.get("from")
        if raw is None:
            return None
        if not isinstance(raw, MarkedDict):
            self.problem(
                data.key_marks["from"],
                "from",
                messages.packs.MUST_BE_MAPPING_WITH_NOTE_AND.format(describe(raw)),
            )
            return None
        self.unknown_keys(raw, FROM_KEYS, "from")
        note = self.text(raw, "note", "from", required=True)
        name = self.text(raw, "name", "from")
        if len(name) > NAME_LENGTH or "\n" in str(raw.get("name")):  # `|` ends in one
            self.problem(
                raw.key_marks["name"],
                "from.name",
                messages.packs.NAME_ONE_LINE.format(NAME_LENGTH),
            )
        return NoteFrom(note, name) if note else None

    def title_from(self, data: MarkedDict, prompts: tuple[Prompt, ...]) -> str:
        name = self.text(data, "title_from", "")
        asking = {prompt.id: prompt for prompt in prompts}
        if name == "date":
            return name
        if name and name not in asking:
            self.problem(
                data.key_marks["title_from"],
                "title_from",
                messages.packs.QUOTED_NAMES_NO_PROMPT.format(name) + did_you_mean(name, asking),
            )
        elif name and asking[name].type not in ("text", "choice"):
            self.problem(
                data.key_marks["title_from"],
                "title_from",
                messages.packs.IS_PROMPT_TITLE_COMES_FROM_TEXT.format(name, asking[name].type),
            )
        return name
