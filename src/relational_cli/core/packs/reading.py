"""The pack file format: parsed YAML checked and turned into a `Pack`.

Every problem in a pack is gathered and reported together, each as
`file:line:column: key.path: what is wrong`, with "did you mean" where a name is close.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from relational_cli import messages
from relational_cli.core.errors import UserError, did_you_mean
from relational_cli.core.packs.choices import ChoiceFields
from relational_cli.core.packs.model import (
    CHOICE_SOURCES,
    CHOICE_TYPES,
    DATA_PREFIX,
    PROMPT_TYPES,
    Choice,
    Pack,
    PackError,
    Prompt,
    other_pack,
)
from relational_cli.core.packs.names import ID_PATTERN, TAG_PATTERN
from relational_cli.core.packs.references import OtherPacks, ReferenceFields
from relational_cli.core.packs.showing import ShowingFields
from relational_cli.core.packs.yamlfile import (
    START,
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
    "content_note", "about", "sources", "title_from", "carry_forward", "outros", "prompts",
    "group", "from",
)  # fmt: skip
PROMPT_KEYS = (
    "id", "type", "text", "help", "optional", "default", "choices", "choices_from",
    "min", "max", "min_label", "max_label", "when", "unless", "short_deck", "otherwise", "support",
    "was", "safety", "toward", "keeps",
)  # fmt: skip


def parse_pack(
    path: Path,
    builtin: bool,
    replaces_builtin: bool,
    data_sets: DataSets,
    other_packs: OtherPacks | None = None,
) -> Pack:
    """The pack in `path`, checked whole. References to other packs' answers are checked
    against `other_packs`, unless it is None."""
    data = parse_yaml(read_text_file(path, "pack"), str(path))
    pack = _PackReader(path, data_sets, other_packs).pack(data)
    return replace(pack, builtin=builtin, replaces_builtin=replaces_builtin)


def parse_data_set(path: Path) -> tuple[Choice, ...]:
    data = parse_yaml(read_text_file(path, messages.packs.DATA_SET), str(path))
    reader = ChoiceFields(path)
    choices = reader.choices(data, "choices", START)
    if reader.problems:
        raise PackError(reader.problems)
    return choices


class _PackReader(ChoiceFields, ReferenceFields, ShowingFields):
    """Turns parsed YAML into a Pack, collecting every problem with its place and key path."""

    def __init__(
        self, path: Path, data_sets: DataSets, other_packs: OtherPacks | None = None
    ) -> None:
        super().__init__(path)
        self.data_sets = data_sets
        self.other_packs = other_packs
        self.pack_id = ""

    def pack(self, data: object) -> Pack:
        if not isinstance(data, MarkedDict):
            shape = describe(data)
            raise PackError([messages.packs.PACK_MUST_BE_MAPPING_OF_KEYS.format(self.path, shape)])
        self.unknown_keys(data, PACK_KEYS, "pack")
        pack_id = self.pack_id = self.text(data, "id", "", required=True)
        if pack_id and not ID_PATTERN.fullmatch(str(data["id"])):  # as written: no newline after
            self.problem(
                data.key_marks["id"],
                "id",
                messages.packs.MUST_BE_LOWERCASE_LETTERS_DIGITS_OR.format(pack_id),
            )
        elif pack_id and pack_id != self.path.stem:
            self.problem(
                data.key_marks["id"],
                "id",
                messages.packs.MUST_MATCH_FILE_NAME_YAML.format(pack_id, self.path.stem),
            )
        tags = self.strings(data, "tags", "")
        for tag in tags and _written(data["tags"]):  # as written, spaces and newlines too
            if not TAG_PATTERN.fullmatch(tag):  # as Obsidian reads tags in front matter
                self.problem(
                    data.key_marks["tags"],
                    "tags",
                    messages.packs.MUST_BE_LETTERS_DIGITS_OR_AND.format(tag),
                )
        pack = Pack(
            id=pack_id,
            title=self.text(data, "title", "", required=True),
            summary=self.text(data, "summary", "", required=True),
            minutes=self.integer(data, "minutes", "", default=10, low=1),
            version=self.integer(data, "version", "", default=1, low=1),
            prompts=self.prompts(data.get("prompts"), data.key_marks.get("prompts", data.mark)),
            tags=tags,
            intro=self.text(data, "intro", ""),
            outro=self.text(data, "outro", ""),
            content_note=self.text(data, "content_note", ""),
            about=self.text(data, "about", ""),
            sources=self.strings(data, "sources", ""),
            path=self.path,
            group=self.group(data),
            note_from=self.note_from(data),
        )
        pack = replace(
            pack,
            title_from=self.title_from(data, pack.prompts),
            carry_forward=self.carry_forward(data, pack.prompts),
            outros=self.outros(data, pack.prompts),
        )
        if self.problems:
            raise PackError(self.problems)
        return pack

    def prompts(self, items: object, mark: Mark) -> tuple[Prompt, ...]:
        if not isinstance(items, MarkedList) or not items:
            self.problem(mark, "prompts", messages.packs.NEEDS_A_PROMPT)
            return ()
        self.all_ids = {str(item.get("id")) for item in items if isinstance(item, MarkedDict)}
        result: list[Prompt] = []
        earlier: dict[str, Prompt] = {}
        for index, item in enumerate(items):
            where = f"prompts[{index}]"
            if not isinstance(item, MarkedDict):
                self.problem(
                    items.item_marks[index], where, messages.packs.EACH_PROMPT_MUST_BE_MAPPING_OF
                )
                continue
            prompt = self.prompt(item, where, earlier)
            if prompt.id and prompt.id not in earlier:
                earlier[prompt.id] = prompt
            result.append(prompt)
        if result and not any(prompt.asks for prompt in result):
            self.problem(mark, "prompts", messages.packs.NEEDS_AT_LEAST_ONE_PROMPT_THAT)
        return tuple(result)

    def prompt(self, item: MarkedDict, where: str, earlier: dict[str, Prompt]) -> Prompt:
        self.unknown_keys(item, PROMPT_KEYS, where)
        prompt_id = self.text(item, "id", where, required=True)
        kind = self.text(item, "type", where, required=True)
        text = self.text(item, "text", where, required=True)
        if prompt_id and not ID_PATTERN.fullmatch(str(item["id"])):
            self.problem(
                item.key_marks["id"],
                f"{where}.id",
                messages.packs.MUST_BE_LOWERCASE_LETTERS_DIGITS_OR.format(prompt_id),
            )
        elif prompt_id in earlier:
            self.problem(
                item.key_marks["id"],
                f"{where}.id",
                messages.packs.IS_USED_BY_EARLIER_PROMPT.format(prompt_id),
            )
        if kind and kind not in PROMPT_TYPES:
            self.problem(
                item.key_marks["type"],
                f"{where}.type",
                messages.packs.UNKNOWN_TYPE_ONE_OF.format(
                    kind, did_you_mean(kind, PROMPT_TYPES), ", ".join(PROMPT_TYPES)
                ),
            )
        self.placeholders(text, item.key_marks.get("text", item.mark), where, earlier, kind)
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
            unless=self.when(item, where, earlier, key="unless"),
            optional=self.boolean(item, "optional", where, default=True),
            short_deck=self.short_deck(item, where, kind, choices),
            otherwise=self.text(item, "otherwise", where),
            support=self.support(item, where, kind),
            was=self.was(item, where),
        )
        prompt = self.safety(prompt, item, where, earlier)
        if "default" in item:
            return self.with_default(prompt, item, where)
        return prompt

    def was(self, item: MarkedDict, where: str) -> str:
        """An id from an earlier version of the pack: none of this version's prompts has it."""
        was = self.text(item, "was", where)
        if was and not ID_PATTERN.fullmatch(str(item["was"])):
            self.problem(
                item.key_marks["was"],
                f"{where}.was",
                messages.packs.MUST_BE_LOWERCASE_LETTERS_DIGITS_OR.format(was),
            )
        elif was in self.all_ids:
            self.problem(
                item.key_marks["was"],
                f"{where}.was",
                messages.packs.IS_PROMPT_OF_THIS_VERSION_WAS.format(was),
            )
        return was

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
            elif other_pack(choices_from):
                self.elsewhere(mark, f"{where}.choices_from", choices_from, choices=True)
            elif self.reference(
                mark, f"{where}.choices_from", f"'{choices_from}'", choices_from, earlier
            ):
                source = earlier[choices_from]
                if source.type not in CHOICE_SOURCES:
                    self.problem(
                        mark,
                        f"{where}.choices_from",
                        messages.packs.CHOICES_COME_FROM.format(choices_from, source.type),
                    )
        if kind in CHOICE_TYPES and "choices" not in item and "choices_from" not in item:
            self.problem(
                item.mark, where, messages.packs.PROMPT_NEEDS_CHOICES_OR_CHOICES_FROM.format(kind)
            )
        if (
            kind not in CHOICE_TYPES
            and kind in PROMPT_TYPES
            and ("choices" in item or "choices_from" in item)
        ):
            self.problem(item.mark, where, messages.packs.PROMPT_TAKES_NO_CHOICES.format(kind))
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
                messages.packs.MIN_AND_MAX_ARE_FOR_MULTI.format(kind),
            )
        if low is not None and high is not None and low > high:
            self.problem(
                item.key_marks.get("min", item.mark),
                f"{where}.min",
                messages.packs.MIN_IS_MORE_THAN_MAX.format(low, high),
            )
        return low, high


def _written(raw: object) -> list[str]:
    """A list of text as written in the file (read as one by `Fields.strings` already)."""
    return [str(item) for item in raw] if isinstance(raw, list) else []
