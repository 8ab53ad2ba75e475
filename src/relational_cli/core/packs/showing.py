"""How a pack presents itself: the heading it is listed under (`group`), a note from
whoever wrote it (`from`), and what titles its reflections (`title_from`). Problems are
gathered as in `reading`."""

from __future__ import annotations

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
                f"must be one line of at most {GROUP_LENGTH} characters, a heading in the menu",
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
                f"must be a mapping with `note` (and `name` if you like), not {describe(raw)}",
            )
            return None
        self.unknown_keys(raw, FROM_KEYS, "from")
        note = self.text(raw, "note", "from", required=True)
        name = self.text(raw, "name", "from")
        if len(name) > NAME_LENGTH or "\n" in str(raw.get("name")):  # `|` ends in one
            self.problem(
                raw.key_marks["name"],
                "from.name",
                f"must be one line of at most {NAME_LENGTH} characters, as you sign a note",
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
                f"'{name}' does not name a prompt in this pack" + did_you_mean(name, asking),
            )
        elif name and asking[name].type not in ("text", "choice"):
            self.problem(
                data.key_marks["title_from"],
                "title_from",
                f"'{name}' is a {asking[name].type} prompt; a title comes from a text or choice",
            )
        return name
