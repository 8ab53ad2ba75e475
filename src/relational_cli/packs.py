"""Prompt packs: the YAML exercises in `prompts/` and the user's packs folder, parsed into `Pack`.

A pack is parsed once, at the edge, into frozen dataclasses; everything inward works on those.
Every problem in a pack is gathered and reported together, each as
`file:line:column: key.path: what is wrong`. The format is documented in docs/packs.md.

A user pack with the same id as a built-in one replaces it (so a therapist's adapted version
of `values` is the one that runs); `packs list` says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relational_cli import paths
from relational_cli.errors import UserError
from relational_cli.yamlfile import (
    START,
    Mark,
    MarkedDict,
    MarkedList,
    describe,
    parse_yaml,
    read_text_file,
)

if TYPE_CHECKING:
    from relational_cli.markdown import Value

PROMPT_TYPES = (
    "text", "long_text", "choice", "multi_choice", "ranking", "card_sort",
    "scale", "confirm", "note",
)  # fmt: skip
CHOICE_TYPES = ("choice", "multi_choice", "ranking", "card_sort")
CHOICE_SOURCES = ("multi_choice", "ranking", "card_sort")
"""Prompts whose answers can become a later prompt's choices (a card sort gives its first pile)."""
CARD_PILES = ("Very important", "Important", "Not important", "Unsure")
ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?")
PLACEHOLDER = re.compile(r"\{((?:last:)?[a-z0-9_-]+)\}")
"""{id} shows an earlier answer; {last:id} the answer in the previous reflection of this pack."""
LAST = "last:"
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
    optional: bool = True
    """False: an empty answer gets one gentle nudge before it is skipped."""
    default: Value | None = None
    short_deck: tuple[str, ...] = ()
    """For a card sort: the values of a shorter deck a person may choose to sort instead."""

    @property
    def asks(self) -> bool:
        return self.type != "note"


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


def did_you_mean(word: str, known: Any) -> str:
    """' (did you mean 'x'?)' for the closest of `known`, or '' when none is close."""
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def check_name(name: str) -> str:
    """An exercise or pack name as typed by a person: a plain id, never a path."""
    if not ID_PATTERN.fullmatch(name):
        raise UserError(
            f"'{name}' is not an exercise name (names are lowercase letters, digits, - and _;"
            " see `relational packs list`)"
        )
    return name


@dataclass(frozen=True)
class PackFile:
    path: Path
    builtin: bool
    replaces_builtin: bool = False


def pack_files() -> list[PackFile]:
    """Every pack file, by id; a user pack with a built-in's id replaces it."""
    found: dict[str, PackFile] = {}
    for folder, builtin in ((paths.builtin_packs_dir(), True), (paths.user_packs_dir(), False)):
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                found[path.stem] = PackFile(path, builtin, not builtin and path.stem in found)
    return sorted(found.values(), key=lambda item: item.path.stem)


def find(name: str) -> Path:
    check_name(name)
    files = pack_files()
    for pack_file in files:
        if pack_file.path.stem == name:
            return pack_file.path
    known = ", ".join(pack_file.path.stem for pack_file in files)
    raise UserError(f"no exercise called '{name}' (try one of: {known})")


def load(name: str) -> Pack:
    return load_file(find(name))


def load_all() -> tuple[list[Pack], list[tuple[Path, str]]]:
    """Every pack that loads, and (path, first problem) for each that does not."""
    packs: list[Pack] = []
    broken: list[tuple[Path, str]] = []
    for pack_file in pack_files():
        try:
            packs.append(load_file(pack_file.path))
        except UserError as exc:
            first = exc.message.splitlines()[0].removeprefix(f"{pack_file.path}:")
            broken.append((pack_file.path, first.strip()))
    return packs, broken


def load_file(path: Path) -> Pack:
    data = parse_yaml(read_text_file(path, "pack"), str(path))
    builtin = path.parent == paths.builtin_packs_dir()
    return _Builder(path, builtin).pack(data)


def data_set_path(name: str) -> Path:
    """A shared choice list: the user's `packs/data/NAME.yaml`, else the built-in one."""
    check_name(name)
    for folder in (paths.user_packs_dir(), paths.builtin_packs_dir()):
        path = folder / "data" / f"{name}.yaml"
        if path.is_file():
            return path
    raise UserError(f"no data set called '{name}' (the values cards are data:values-cards)")


def load_data_set(name: str) -> tuple[Choice, ...]:
    path = data_set_path(name)
    data = parse_yaml(read_text_file(path, "data set"), str(path))
    builder = _Builder(path, builtin=True)
    choices = builder.choices(data, "choices", START)
    if builder.problems:
        raise PackError(builder.problems)
    return choices


class _Builder:
    """Turns parsed YAML into a Pack, collecting every problem with its place and key path."""

    PACK_KEYS = (
        "id", "title", "summary", "minutes", "version", "tags", "intro", "outro",
        "content_note", "about", "sources", "prompts",
    )  # fmt: skip
    PROMPT_KEYS = (
        "id", "type", "text", "help", "optional", "default", "choices", "choices_from",
        "min", "max", "min_label", "max_label", "when", "short_deck",
    )  # fmt: skip
    CHOICE_KEYS = ("value", "label", "description")

    def __init__(self, path: Path, builtin: bool) -> None:
        self.path = path
        self.builtin = builtin
        self.problems: list[str] = []
        self.all_ids: set[str] = set()

    def problem(self, mark: Mark, where: str, message: str) -> None:
        self.problems.append(f"{self.path}:{mark}: {where}: {message}")

    def pack(self, data: Any) -> Pack:
        if not isinstance(data, MarkedDict):
            shape = describe(data)
            raise PackError(
                [f"{self.path}:1:1: a pack must be a mapping of keys, but this is {shape}"]
            )
        self.unknown_keys(data, self.PACK_KEYS, "pack")
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
            builtin=self.builtin,
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
        self.unknown_keys(item, self.PROMPT_KEYS, where)
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
        for name in PLACEHOLDER.findall(text):
            mark = item.key_marks["text"]
            if name.startswith(LAST):
                if name[len(LAST) :] not in self.all_ids:
                    self.problem(
                        mark, f"{where}.text", f"{{{name}}} does not name a prompt in this pack"
                    )
            else:
                self.reference(mark, f"{where}.text", f"{{{name}}}", name, earlier)
        choices: tuple[Choice, ...] = ()
        choices_from = None
        if "choices" in item:
            choices = self.choices(item["choices"], f"{where}.choices", item.key_marks["choices"])
        if "choices_from" in item:
            choices_from = self.text(item, "choices_from", where)
            mark = item.key_marks["choices_from"]
            if choices_from.startswith(DATA_PREFIX):
                try:
                    choices = load_data_set(choices_from[len(DATA_PREFIX) :])
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
        from dataclasses import replace

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
                self.unknown_keys(entry, self.CHOICE_KEYS, f"{where}[{index}]")
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

    def unknown_keys(self, data: MarkedDict, known: tuple[str, ...], where: str) -> None:
        for key in data:
            if key not in known:
                self.problem(
                    data.key_marks[key],
                    where or "pack",
                    f"unknown key '{key}'{did_you_mean(str(key), known)}",
                )

    def _where(self, where: str, key: str) -> str:
        return f"{where}.{key}" if where else key

    def text(self, data: MarkedDict, key: str, where: str, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(data.mark, where or "pack", f"missing `{key}`")
            return ""
        if not isinstance(value, str):
            self.problem(
                data.key_marks[key], self._where(where, key), f"must be text, not {describe(value)}"
            )
            return ""
        return value.strip()

    def integer(
        self, data: MarkedDict, key: str, where: str, default: Any, low: int | None = None
    ) -> Any:
        if key not in data:
            return default
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(
                data.key_marks[key],
                self._where(where, key),
                f"must be a whole number, not {describe(value)}",
            )
            return default
        if low is not None and value < low:
            self.problem(data.key_marks[key], self._where(where, key), f"must be at least {low}")
        return value

    def boolean(self, data: MarkedDict, key: str, where: str, default: bool) -> bool:
        if key not in data:
            return default
        value = data[key]
        if not isinstance(value, bool):
            self.problem(
                data.key_marks[key],
                self._where(where, key),
                f"must be true or false, not {describe(value)}",
            )
            return default
        return value

    def strings(self, data: MarkedDict, key: str, where: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(data.key_marks[key], self._where(where, key), "must be a list of text")
            return ()
        return tuple(item.strip() for item in value)
