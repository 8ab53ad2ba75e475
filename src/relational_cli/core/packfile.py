"""The pack file format: parsed YAML checked and turned into a `Pack`.

Every problem in a pack is gathered and reported together, each as
`file:line:column: key.path: what is wrong`, with "did you mean" where a name is close.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from relational_cli.core.errors import UserError, did_you_mean
from relational_cli.core.packs import (
    CHOICE_SOURCES,
    CHOICE_TYPES,
    DATA_PREFIX,
    ID_PATTERN,
    LAST,
    PLACEHOLDER,
    PROMPT_TYPES,
    Choice,
    Pack,
    PackError,
    Prompt,
)
from relational_cli.core.yamlfile import (
    START,
    Fields,
    Mark,
    MarkedDict,
    MarkedList,
    describe,
    parse_yaml,
    read_text_file,
)

DataSets = Callable[[str], tuple[Choice, ...]]
"""Loads a shared choice list by name (`choices_from: data:NAME`)."""

PACK_KEYS = (
    "id", "title", "summary", "minutes", "version", "tags", "intro", "outro",
    "content_note", "about", "sources", "prompts",
)  # fmt: skip
PROMPT_KEYS = (
    "id", "type", "text", "help", "optional", "default", "choices", "choices_from",
    "min", "max", "min_label", "max_label", "when", "short_deck",
)  # fmt: skip
CHOICE_KEYS = ("value", "label", "description")


def parse_pack(path: Path, builtin: bool, replaces_builtin: bool, data_sets: DataSets) -> Pack:
    data = parse_yaml(read_text_file(path, "pack"), str(path))
    pack = _PackReader(path, data_sets).pack(data)
    return replace(pack, builtin=builtin, replaces_builtin=replaces_builtin)


def parse_data_set(path: Path) -> tuple[Choice, ...]:
    data = parse_yaml(read_text_file(path, "data set"), str(path))
    reader = _PackReader(path, lambda name: ())
    choices = reader.choices(data, "choices", START)
    if reader.problems:
        raise PackError(reader.problems)
    return choices


class _PackReader(Fields):
    """Turns parsed YAML into a Pack, collecting every problem with its place and key path."""

    def __init__(self, path: Path, data_sets: DataSets) -> None:
        super().__init__(path)
        self.data_sets = data_sets
        self.all_ids: set[str] = set()

    def pack(self, data: Any) -> Pack:
        if not isinstance(data, MarkedDict):
            shape = describe(data)
            raise PackError(
                [f"{self.path}:1:1: a pack must be a mapping of keys, but this is {shape}"]
            )
        self.unknown_keys(data, PACK_KEYS, "pack")
        pack_id = self.text(data, "id", "", required=True)
        if pack_id and not ID_PATTERN.fullmatch(pack_id):
            self.problem(
                data.key_marks["id"], "id", f"'{pack_id}' must be lowercase letters, digits, - or _"
            )
        elif pack_id and pack_id != self.path.stem:
            self.problem(
                data.key_marks["id"],
                "id",
                f"'{pack_id}' must match the file name '{self.path.stem}.yaml'",
            )
        pack = Pack(
            id=pack_id,
            title=self.text(data, "title", "", required=True),
            summary=self.text(data, "summary", "", required=True),
            minutes=self.integer(data, "minutes", "", default=10, low=1),
            version=self.integer(data, "version", "", default=1, low=1),
            prompts=self.prompts(data.get("prompts"), data.key_marks.get("prompts", data.mark)),
            tags=self.strings(data, "tags", ""),
            intro=self.text(data, "intro", ""),
            outro=self.text(data, "outro", ""),
            content_note=self.text(data, "content_note", ""),
            about=self.text(data, "about", ""),
            sources=self.strings(data, "sources", ""),
            path=self.path,
        )
        if self.problems:
            raise PackError(self.problems)
        return pack

    def prompts(self, items: Any, mark: Mark) -> tuple[Prompt, ...]:
        if not isinstance(items, MarkedList) or not items:
            self.problem(mark, "prompts", "needs a list with at least one prompt")
            return ()
        self.all_ids = {str(item.get("id")) for item in items if isinstance(item, MarkedDict)}
        result: list[Prompt] = []
        earlier: dict[str, Prompt] = {}
        for index, item in enumerate(items):
            where = f"prompts[{index}]"
            if not isinstance(item, MarkedDict):
                self.problem(
                    items.item_marks[index], where, "each prompt must be a mapping of keys"
                )
                continue
            prompt = self.prompt(item, where, earlier)
            if prompt.id and prompt.id not in earlier:
                earlier[prompt.id] = prompt
            result.append(prompt)
        if result and not any(prompt.asks for prompt in result):
            self.problem(
                mark, "prompts", "needs at least one prompt that asks something (not only notes)"
            )
        return tuple(result)

    def prompt(self, item: MarkedDict, where: str, earlier: dict[str, Prompt]) -> Prompt:
        self.unknown_keys(item, PROMPT_KEYS, where)
        prompt_id = self.text(item, "id", where, required=True)
        kind = self.text(item, "type", where, required=True)
        text = self.text(item, "text", where, required=True)
        if prompt_id and not ID_PATTERN.fullmatch(prompt_id):
            self.problem(
                item.key_marks["id"],
                f"{where}.id",
                f"'{prompt_id}' must be lowercase letters, digits, - or _",
            )
        elif prompt_id in earlier:
            self.problem(
                item.key_marks["id"], f"{where}.id", f"'{prompt_id}' is used by an earlier prompt"
            )
        if kind and kind not in PROMPT_TYPES:
            self.problem(
                item.key_marks["type"],
                f"{where}.type",
                f"unknown type '{kind}'{did_you_mean(kind, PROMPT_TYPES)}"
                f" (one of: {', '.join(PROMPT_TYPES)})",
            )
        self.placeholders(text, item.key_marks.get("text", item.mark), where, earlier)
        choices, choices_from = self.prompt_choices(item, where, kind, earlier)
        low, high = self.bounds(item, where, kind)
        prompt = Prompt(
            id=prompt_id,
            type=kind,
            text=text,
            help=self.text(item, "help", where),
            choices=choices,
            choices_from=choices_from,
            min=low,
            max=high,
            min_label=self.text(item, "min_label", where),
            max_label=self.text(item, "max_label", where),
            when=self.when(item, where, earlier),
            optional=self.boolean(item, "optional", where, default=True),
            short_deck=self.short_deck(item, where, kind, choices),
        )
        if "default" in item:
            return self.with_default(prompt, item, where)
        return prompt

    def placeholders(self, text: str, mark: Mark, where: str, earlier: dict[str, Prompt]) -> None:
        for name in PLACEHOLDER.findall(text):
            if name.startswith(LAST):
                if name[len(LAST) :] not in self.all_ids:
                    self.problem(
                        mark, f"{where}.text", f"{{{name}}} does not name a prompt in this pack"
                    )
            else:
                self.reference(mark, f"{where}.text", f"{{{name}}}", name, earlier)

    def prompt_choices(
        self, item: MarkedDict, where: str, kind: str, earlier: dict[str, Prompt]
    ) -> tuple[tuple[Choice, ...], str | None]:
        """The prompt's own choices (or a data set's), and the earlier prompt they come from."""
        choices: tuple[Choice, ...] = ()
        choices_from = None
        if "choices" in item:
            choices = self.choices(item["choices"], f"{where}.choices", item.key_marks["choices"])
        if "choices_from" in item:
            choices_from = self.text(item, "choices_from", where)
            mark = item.key_marks["choices_from"]
            if choices_from.startswith(DATA_PREFIX):
                try:
                    choices = self.data_sets(choices_from[len(DATA_PREFIX) :])
                except UserError as exc:
                    self.problem(mark, f"{where}.choices_from", exc.message.splitlines()[0])
                choices_from = None
            elif self.reference(
                mark, f"{where}.choices_from", f"'{choices_from}'", choices_from, earlier
            ):
                source = earlier[choices_from]
                if source.type not in CHOICE_SOURCES:
                    self.problem(
                        mark,
                        f"{where}.choices_from",
                        f"'{choices_from}' is a {source.type} prompt;"
                        " choices come from a multi_choice, ranking or card_sort",
                    )
        if kind in CHOICE_TYPES and "choices" not in item and "choices_from" not in item:
            self.problem(item.mark, where, f"a {kind} prompt needs `choices` or `choices_from`")
        if (
            kind not in CHOICE_TYPES
            and kind in PROMPT_TYPES
            and ("choices" in item or "choices_from" in item)
        ):
            self.problem(item.mark, where, f"a {kind} prompt takes no choices")
        return choices, choices_from

    def bounds(self, item: MarkedDict, where: str, kind: str) -> tuple[int | None, int | None]:
        """`min` and `max`: a scale's ends (1 to 5 unless given), or how many to tick."""
        low = self.integer(item, "min", where, default=None)
        high = self.integer(item, "max", where, default=None)
        if kind == "scale":
            low = 1 if low is None else low
            high = 5 if high is None else high
        elif (low is not None or high is not None) and kind != "multi_choice":
            self.problem(
                item.key_marks.get("min", item.key_marks.get("max", item.mark)),
                where,
                f"`min` and `max` are for multi_choice and scale prompts, not {kind}",
            )
        if low is not None and high is not None and low > high:
            self.problem(
                item.key_marks.get("min", item.mark),
                f"{where}.min",
                f"min ({low}) is more than max ({high})",
            )
        return low, high

    def reference(
        self, mark: Mark, where: str, shown: str, name: str, earlier: dict[str, Prompt]
    ) -> bool:
        """Whether `name` is an earlier prompt; if not, say whether it is later or unknown."""
        if name in earlier:
            return True
        if name in self.all_ids:
            self.problem(
                mark,
                where,
                f"{shown} names a later prompt; it can only look back to earlier answers",
            )
        else:
            self.problem(
                mark,
                where,
                f"{shown} does not name a prompt in this pack"
                + did_you_mean(name, sorted(earlier)),
            )
        return False

    def when(
        self, item: MarkedDict, where: str, earlier: dict[str, Prompt]
    ) -> tuple[tuple[str, tuple[str | int | bool, ...]], ...]:
        raw = item.get("when")
        if raw is None:
            return ()
        if not isinstance(raw, MarkedDict) or not raw:
            self.problem(
                item.key_marks["when"],
                f"{where}.when",
                "must map an earlier prompt id to the answer(s) that show this one",
            )
            return ()
        conditions = []
        for key, accepted in raw.items():
            mark = raw.key_marks[key]
            self.reference(mark, f"{where}.when", f"'{key}'", str(key), earlier)
            values = list(accepted) if isinstance(accepted, list) else [accepted]
            if not values or not all(isinstance(v, (str, int, bool)) for v in values):
                self.problem(
                    mark,
                    f"{where}.when.{key}",
                    "must be an answer, or a list of answers (text, numbers, true/false)",
                )
                continue
            conditions.append((str(key), tuple(values)))
        return tuple(conditions)

    def short_deck(
        self, item: MarkedDict, where: str, kind: str, deck: tuple[Choice, ...]
    ) -> tuple[str, ...]:
        if "short_deck" not in item:
            return ()
        values = self.strings(item, "short_deck", where)
        mark = item.key_marks["short_deck"]
        if kind != "card_sort":
            self.problem(mark, f"{where}.short_deck", f"is for card_sort prompts, not {kind}")
        known = {choice.value for choice in deck}
        for value in values:
            if value not in known:
                self.problem(
                    mark,
                    f"{where}.short_deck",
                    f"'{value}' is not one of the cards{did_you_mean(value, known)}",
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
                + (" with choices_from" if prompt.choices_from else "")
                + " takes no default",
            )
        elif wrong:
            self.problem(
                mark,
                f"{where}.default",
                f"{value!r} is not a possible answer to this {kind} prompt",
            )
        else:
            return replace(prompt, default=list(value) if isinstance(value, list) else value)
        return prompt

    def choices(self, raw: Any, where: str, mark: Mark) -> tuple[Choice, ...]:
        if not isinstance(raw, MarkedList) or not raw:
            self.problem(mark, where, "needs a list with at least one choice")
            return ()
        result: list[Choice] = []
        for index, entry in enumerate(raw):
            entry_mark = raw.item_marks[index]
            if isinstance(entry, str) and entry.strip():
                result.append(Choice(entry.strip()))
            elif (
                isinstance(entry, MarkedDict)
                and isinstance(entry.get("value"), str)
                and entry["value"].strip()
            ):
                self.unknown_keys(entry, CHOICE_KEYS, f"{where}[{index}]")
                label = self.text(entry, "label", f"{where}[{index}]")
                description = self.text(entry, "description", f"{where}[{index}]")
                result.append(Choice(entry["value"].strip(), label, description))
            else:
                self.problem(
                    entry_mark,
                    f"{where}[{index}]",
                    "a choice is text, or a mapping with `value` (and `label`, `description`)",
                )
                continue
            if "\n" in result[-1].value:
                self.problem(entry_mark, f"{where}[{index}]", "a choice must fit on one line")
        values = [choice.value for choice in result]
        for value in sorted({v for v in values if values.count(v) > 1}):
            self.problem(mark, where, f"'{value}' is offered twice")
        return tuple(result)
