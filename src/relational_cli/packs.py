"""Prompt packs: the YAML exercises in `prompts/` (and the user's packs folder), parsed into `Pack`.

A pack is parsed once, at the edge, into frozen dataclasses; everything inward works on those.
Problems are gathered and reported together, each with the file, line and key path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relational_cli import paths
from relational_cli.errors import UserError

if TYPE_CHECKING:
    from relational_cli.markdown import Value

from relational_cli.yamlfile import MarkedDict, MarkedList, describe, parse_yaml, read_text_file

PROMPT_TYPES = (
    "text",
    "long_text",
    "choice",
    "multi_choice",
    "ranking",
    "scale",
    "confirm",
    "note",
)
CHOICE_TYPES = ("choice", "multi_choice", "ranking")
ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?")
PLACEHOLDER = re.compile(r"\{([a-z0-9_-]+)\}")


@dataclass(frozen=True)
class Choice:
    value: str
    description: str = ""


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
    when: tuple[tuple[str, tuple[Value, ...]], ...] = ()
    """Shown only if, for each (prompt id, accepted values), the earlier answer is among them."""

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


def check_name(name: str) -> str:
    """An exercise or pack name as typed by a person: a plain id, never a path."""
    if not ID_PATTERN.fullmatch(name):
        raise UserError(
            f"'{name}' is not an exercise name (names are lowercase letters, digits and dashes;"
            " see `relational packs list`)"
        )
    return name


def pack_files() -> list[tuple[Path, bool]]:
    """Every pack file with whether it is built in; a user pack with a built-in's id wins."""
    found: dict[str, tuple[Path, bool]] = {}
    for folder, builtin in ((paths.builtin_packs_dir(), True), (paths.user_packs_dir(), False)):
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                found[path.stem] = (path, builtin)
    return sorted(found.values(), key=lambda item: item[0].stem)


def find(name: str) -> Path:
    check_name(name)
    for path, _ in pack_files():
        if path.stem == name:
            return path
    known = ", ".join(path.stem for path, _ in pack_files())
    raise UserError(f"no exercise called '{name}' (try one of: {known})")


def load(name: str) -> Pack:
    return load_file(find(name))


def load_all() -> tuple[list[Pack], list[tuple[Path, str]]]:
    """Every pack that loads, and (path, first problem) for each that does not."""
    packs: list[Pack] = []
    broken: list[tuple[Path, str]] = []
    for path, _ in pack_files():
        try:
            packs.append(load_file(path))
        except UserError as exc:
            broken.append((path, exc.message.splitlines()[0]))
    return packs, broken


def load_file(path: Path) -> Pack:
    data = parse_yaml(read_text_file(path, "pack"), str(path))
    builtin = path.parent == paths.builtin_packs_dir()
    return _Builder(path, builtin).pack(data)


def load_data_set(name: str, source: str) -> tuple[Choice, ...]:
    """A shared list of choices from `prompts/data/NAME.yaml` (e.g. the values cards)."""
    path = paths.builtin_packs_dir() / "data" / f"{check_name(name)}.yaml"
    data = parse_yaml(read_text_file(path, "data set"), str(path))
    builder = _Builder(path, builtin=True)
    choices = builder.choices(data, "choices", line=1)
    if builder.problems:
        raise PackError(builder.problems)
    return choices


class _Builder:
    """Turns parsed YAML into a Pack, collecting every problem with its line and key path."""

    PACK_KEYS = (
        "id", "title", "summary", "minutes", "version", "tags", "intro", "outro",
        "content_note", "about", "sources", "prompts",
    )  # fmt: skip
    PROMPT_KEYS = (
        "id", "type", "text", "help", "choices", "choices_from", "min", "max",
        "min_label", "max_label", "when",
    )  # fmt: skip

    def __init__(self, path: Path, builtin: bool) -> None:
        self.path = path
        self.builtin = builtin
        self.problems: list[str] = []

    def problem(self, line: int, where: str, message: str) -> None:
        self.problems.append(f"{self.path}:{line}: {where}: {message}")

    def pack(self, data: Any) -> Pack:
        if not isinstance(data, MarkedDict):
            shape = describe(data)
            raise PackError(
                [f"{self.path}:1: a pack must be a mapping of keys, but this is {shape}"]
            )
        self.unknown_keys(data, self.PACK_KEYS, "pack")
        pack_id = self.text(data, "id", "pack", required=True)
        if pack_id and not ID_PATTERN.fullmatch(pack_id):
            self.problem(
                data.key_lines["id"], "id", f"'{pack_id}' must be lowercase letters, digits, - or _"
            )
        elif pack_id and pack_id != self.path.stem:
            self.problem(
                data.key_lines["id"],
                "id",
                f"'{pack_id}' must match the file name '{self.path.stem}.yaml'",
            )
        prompts = self.prompts(data.get("prompts"), data.key_lines.get("prompts", data.line))
        pack = Pack(
            id=pack_id,
            title=self.text(data, "title", "pack", required=True),
            summary=self.text(data, "summary", "pack", required=True),
            minutes=self.integer(data, "minutes", "pack", default=10),
            version=self.integer(data, "version", "pack", default=1),
            prompts=prompts,
            tags=tuple(self.strings(data, "tags", "pack")),
            intro=self.text(data, "intro", "pack"),
            outro=self.text(data, "outro", "pack"),
            content_note=self.text(data, "content_note", "pack"),
            about=self.text(data, "about", "pack"),
            sources=tuple(self.strings(data, "sources", "pack")),
            path=self.path,
            builtin=self.builtin,
        )
        if self.problems:
            raise PackError(self.problems)
        return pack

    def prompts(self, items: Any, line: int) -> tuple[Prompt, ...]:
        if not isinstance(items, MarkedList) or not items:
            self.problem(line, "prompts", "needs a list with at least one prompt")
            return ()
        result: list[Prompt] = []
        seen: set[str] = set()
        for index, item in enumerate(items):
            where = f"prompts[{index}]"
            if not isinstance(item, MarkedDict):
                self.problem(
                    items.item_lines[index], where, "each prompt must be a mapping of keys"
                )
                continue
            prompt = self.prompt(item, where, seen)
            if prompt is not None:
                seen.add(prompt.id)
                result.append(prompt)
        if result and not any(prompt.asks for prompt in result):
            self.problem(
                line, "prompts", "needs at least one prompt that asks something (not only notes)"
            )
        return tuple(result)

    def prompt(self, item: MarkedDict, where: str, earlier: set[str]) -> Prompt | None:
        self.unknown_keys(item, self.PROMPT_KEYS, where)
        prompt_id = self.text(item, "id", where, required=True)
        kind = self.text(item, "type", where, required=True)
        text = self.text(item, "text", where, required=True)
        if prompt_id and not ID_PATTERN.fullmatch(prompt_id):
            self.problem(
                item.key_lines["id"],
                f"{where}.id",
                f"'{prompt_id}' must be lowercase letters, digits, - or _",
            )
        elif prompt_id in earlier:
            self.problem(
                item.key_lines["id"], f"{where}.id", f"'{prompt_id}' is used by an earlier prompt"
            )
        if kind and kind not in PROMPT_TYPES:
            self.problem(
                item.key_lines["type"],
                f"{where}.type",
                f"unknown type '{kind}' (one of: {', '.join(PROMPT_TYPES)})",
            )
        for name in PLACEHOLDER.findall(text):
            if name not in earlier:
                self.problem(
                    item.key_lines["text"],
                    f"{where}.text",
                    f"{{{name}}} does not name an earlier prompt",
                )
        choices: tuple[Choice, ...] = ()
        choices_from = None
        if "choices" in item:
            choices = self.choices(item["choices"], f"{where}.choices", item.key_lines["choices"])
        if "choices_from" in item:
            choices_from = self.text(item, "choices_from", where)
            if choices_from.startswith("data:"):
                try:
                    choices = load_data_set(choices_from[5:], str(self.path))
                except UserError as exc:
                    self.problem(
                        item.key_lines["choices_from"], f"{where}.choices_from", exc.message
                    )
                choices_from = None
            elif choices_from not in earlier:
                self.problem(
                    item.key_lines["choices_from"],
                    f"{where}.choices_from",
                    f"'{choices_from}' does not name an earlier prompt",
                )
        if kind in CHOICE_TYPES and not choices and choices_from is None:
            self.problem(item.line, where, f"a {kind} prompt needs `choices` or `choices_from`")
        if kind not in CHOICE_TYPES and (choices or choices_from):
            self.problem(item.line, where, f"a {kind} prompt takes no choices")
        low = self.integer(item, "min", where, default=None)
        high = self.integer(item, "max", where, default=None)
        if kind == "scale":
            low = 1 if low is None else low
            high = 5 if high is None else high
        if low is not None and high is not None and low > high:
            self.problem(
                item.key_lines.get("min", item.line),
                f"{where}.min",
                f"min ({low}) is more than max ({high})",
            )
        return Prompt(
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
        )

    def when(
        self, item: MarkedDict, where: str, earlier: set[str]
    ) -> tuple[tuple[str, tuple[Value, ...]], ...]:
        raw = item.get("when")
        if raw is None:
            return ()
        line = item.key_lines["when"]
        if not isinstance(raw, MarkedDict) or not raw:
            self.problem(
                line,
                f"{where}.when",
                "must map an earlier prompt id to the answers that show this one",
            )
            return ()
        conditions = []
        for key, accepted in raw.items():
            if key not in earlier:
                self.problem(
                    raw.key_lines[key], f"{where}.when.{key}", "does not name an earlier prompt"
                )
            values = tuple(accepted) if isinstance(accepted, list) else (accepted,)
            conditions.append((str(key), values))
        return tuple(conditions)

    def choices(self, raw: Any, where: str, line: int) -> tuple[Choice, ...]:
        if not isinstance(raw, MarkedList) or not raw:
            self.problem(line, where, "needs a list with at least one choice")
            return ()
        result: list[Choice] = []
        for index, entry in enumerate(raw):
            entry_line = raw.item_lines[index]
            if isinstance(entry, str) and entry.strip():
                result.append(Choice(entry.strip()))
            elif isinstance(entry, MarkedDict) and isinstance(entry.get("value"), str):
                self.unknown_keys(entry, ("value", "description"), f"{where}[{index}]")
                description = entry.get("description", "")
                result.append(Choice(entry["value"].strip(), str(description).strip()))
            else:
                self.problem(
                    entry_line,
                    f"{where}[{index}]",
                    "a choice is text, or a mapping with `value` (and `description`)",
                )
        values = [choice.value for choice in result]
        for value in {v for v in values if values.count(v) > 1}:
            self.problem(line, where, f"'{value}' is offered twice")
        if any("\n" in value for value in values):
            self.problem(line, where, "a choice must fit on one line")
        return tuple(result)

    def unknown_keys(self, data: MarkedDict, known: tuple[str, ...], where: str) -> None:
        import difflib

        for key in data:
            if key not in known:
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.problem(data.key_lines[key], where, f"unknown key '{key}'{hint}")

    def text(self, data: MarkedDict, key: str, where: str, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(data.line, where, f"missing `{key}`")
            return ""
        if not isinstance(value, str):
            self.problem(data.key_lines[key], f"{where}.{key}", "must be text")
            return ""
        return value.strip()

    def integer(self, data: MarkedDict, key: str, where: str, default: Any) -> Any:
        value = data.get(key, default)
        if value is default:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(data.key_lines[key], f"{where}.{key}", "must be a whole number")
            return default
        return value

    def strings(self, data: MarkedDict, key: str, where: str) -> list[str]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(data.key_lines[key], f"{where}.{key}", "must be a list of text")
            return []
        return [item.strip() for item in value]
