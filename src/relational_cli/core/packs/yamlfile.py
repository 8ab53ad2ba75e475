"""Safe YAML reading that remembers the line of each key and item, for messages that point.

Only PyYAML's safe loader is used: tags that build Python objects are refused by it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple, TypeVar

from relational_cli import messages
from relational_cli.core.errors import UserError, did_you_mean
from relational_cli.core.packs.names import VISIBLE

if TYPE_CHECKING:
    from yaml import CSafeLoader, SafeLoader
    from yaml.nodes import MappingNode, Node, SequenceNode

MAX_YAML_BYTES = 1_000_000


class Mark(NamedTuple):
    """Where something stands in a file, 1-based, written `line:column`."""

    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"

    @classmethod
    def of(cls, node: Node) -> Mark:
        return cls(node.start_mark.line + 1, node.start_mark.column + 1)


START = Mark(1, 1)


Key = str | int | float | bool | None
"""A key as YAML may read it (a pack's keys are text; a file may hold others)."""


class MarkedDict(dict[Key, object]):
    """A mapping that knows where it and each of its keys stand."""

    mark: Mark = START
    key_marks: dict[Key, Mark]
    words: dict[Key, str] = {}  # noqa: RUF012 (never changed: each instance gets its own)
    """A scalar value as written, by key: `Yes` where YAML 1.1 reads true."""


class MarkedList(list[object]):
    """A sequence that knows where it and each of its items stand."""

    mark: Mark = START
    item_marks: list[Mark]
    item_words: tuple[str | None, ...] = ()
    """Each scalar item as written (`No` where YAML 1.1 reads false); None for the others."""


def _loader_class() -> type[SafeLoader | CSafeLoader]:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node: MappingNode, deep: bool = False) -> MarkedDict:
            self.flatten_mapping(node)
            result = MarkedDict()
            result.mark = Mark.of(node)
            result.key_marks = {}
            result.words = {}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=True)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    raise yaml.constructor.ConstructorError(
                        None, None, messages.packs.KEY_MUST_BE_PLAIN_TEXT, key_node.start_mark
                    )
                if key in result:
                    lines = messages.packs.ON_LINES.format(
                        result.key_marks[key].line, Mark.of(key_node).line
                    )
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        messages.packs.IS_GIVEN_TWICE.format(key, lines),
                        key_node.start_mark,
                    )
                result[key] = self.construct_object(value_node, deep=deep)
                result.key_marks[key] = Mark.of(key_node)
                if isinstance(value_node, yaml.ScalarNode):
                    result.words[key] = value_node.value
            return result

        def construct_sequence(self, node: SequenceNode, deep: bool = False) -> MarkedList:
            result = MarkedList(self.construct_object(child, deep=deep) for child in node.value)
            result.mark = Mark.of(node)
            result.item_marks = [Mark.of(child) for child in node.value]
            result.item_words = tuple(
                child.value if isinstance(child, yaml.ScalarNode) else None for child in node.value
            )
            return result

    Loader.add_constructor("tag:yaml.org,2002:map", Loader.construct_mapping)
    Loader.add_constructor("tag:yaml.org,2002:seq", Loader.construct_sequence)
    return Loader


def describe(data: object) -> str:
    """What a parsed YAML value is, in words: for 'should be a mapping, but this is …'."""
    if data is None:
        return "empty"
    if isinstance(data, list):
        return "a list"
    if isinstance(data, bool):
        return "true/false"
    if isinstance(data, (int, float)):
        return "a number"
    if isinstance(data, str):
        return messages.packs.PLAIN_TEXT
    return "a mapping" if isinstance(data, dict) else type(data).__name__


def parse_yaml(text: str, source: str) -> object:
    """Parse YAML text; a syntax error becomes a UserError naming `source` and the line."""
    import yaml

    try:
        return yaml.load(text, Loader=_loader_class())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{source}:{mark.line + 1}:{mark.column + 1}" if mark else source
        problem = exc.problem or exc.context or messages.packs.NOT_VALID_YAML
        raise UserError(f"{where}: {problem}") from exc
    except yaml.YAMLError as exc:
        raise UserError(messages.files.not_yaml(source, exc)) from exc


def parse_json(text: str, source: str) -> object:
    """Parse JSON as JSON (so escapes such as surrogate pairs for emoji read as they should);
    objects become MarkedDicts, with the line of each key where it can be found."""
    import json
    import re

    def mapping(pairs: list[tuple[str, object]]) -> MarkedDict:
        result = MarkedDict()
        result.key_marks = {}
        for key, value in pairs:
            places = [
                _mark_at(text, m.start())
                for m in re.finditer(re.escape(json.dumps(key, ensure_ascii=False)) + r"\s*:", text)
            ]
            if key in result:
                lines = " and ".join(str(mark.line) for mark in places[:2])
                where = f"{source}:{places[1]}" if len(places) > 1 else source
                raise UserError(messages.files.given_twice(where, key, lines))
            result[key] = value
            result.key_marks[key] = places[0] if places else START
        return result

    try:
        data = json.loads(text, object_pairs_hook=mapping)
    except json.JSONDecodeError as exc:
        raise UserError(f"{source}:{exc.lineno}:{exc.colno}: {exc.msg}") from None
    half = _half_character(data)
    if half is not None:
        raise UserError(messages.files.half_a_character(source, half))
    return data


def _mark_at(text: str, offset: int) -> Mark:
    line = text.count("\n", 0, offset) + 1
    return Mark(line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _half_character(data: object, where: str = "") -> str | None:
    """The key path of the first text holding half a character (a lone surrogate), if any."""
    if isinstance(data, str):
        return where if any("\ud800" <= c <= "\udfff" for c in data) else None
    children: Iterable[tuple[object, object]] = ()
    if isinstance(data, dict):
        children = data.items()
    elif isinstance(data, list):
        children = enumerate(data)
    for key, value in children:
        path = f"{where}.{key}" if where else str(key)
        found = _half_character(str(key), path) or _half_character(value, path)
        if found is not None:
            return found
    return None


def read_text_file(path: Path, what: str, pipe: bool = False) -> str:
    """Read a small UTF-8 text file, with one-line messages for the ways that can go wrong.
    Only a regular file is read, unless `pipe` allows a pipe too (an answers file written by
    another program, waited for): a pipe, a device or a socket named like a pack is looked
    at without waiting, and said not to be one."""
    a_what = f"{'an' if what[:1] in 'aeiou' else 'a'} {what}"
    try:
        with path.open("rb") if pipe else _regular(path, a_what) as handle:
            data = handle.read(MAX_YAML_BYTES + 1)
    except FileNotFoundError:
        raise UserError(messages.files.no_such(path, what)) from None
    except IsADirectoryError:
        raise UserError(messages.files.a_folder(path, a_what)) from None
    except OSError as exc:
        raise UserError(messages.files.cannot_read_a(path, what, exc.strerror)) from None
    if len(data) > MAX_YAML_BYTES:
        raise UserError(messages.files.too_large(path, a_what, MAX_YAML_BYTES))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(messages.files.not_utf8_at(path, exc.start)) from None


def _regular(path: Path, a_what: str) -> BinaryIO:
    """`path` opened for reading if it is a regular file (opened without waiting, so that a
    pipe with no writer cannot hold the command still); else a message that says what it is."""
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise UserError(messages.files.a_folder(path, a_what))
        raise UserError(messages.files.not_a_file(path, a_what))
    return os.fdopen(fd, "rb")


Default = TypeVar("Default", int, None)
"""What `Fields.integer` gives for a key that is missing or wrong: a number, or None."""


class Fields:
    """Reads typed values out of parsed YAML, gathering every problem (with its place and key
    path) rather than stopping at the first, so a person can fix a file in one go."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def problem(self, mark: Mark, where: str, message: str) -> None:
        self.problems.append(f"{self.path}:{mark}: {where}: {message}")

    def unknown_keys(self, data: MarkedDict, known: tuple[str, ...], where: str) -> None:
        for key in data:
            if key not in known:
                self.problem(
                    data.key_marks[key],
                    where or "pack",
                    messages.packs.UNKNOWN_KEY.format(key, did_you_mean(str(key), known)),
                )

    @staticmethod
    def _where(where: str, key: str) -> str:
        return f"{where}.{key}" if where else key

    def text(self, data: MarkedDict, key: str, where: str, required: bool = False) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(data.mark, where or "pack", messages.packs.MISSING.format(key))
            return ""
        if not isinstance(value, str):
            self.problem(
                data.key_marks[key],
                self._where(where, key),
                messages.packs.MUST_BE_TEXT_NOT.format(describe(value)),
            )
            return ""
        if required and not VISIBLE.search(value):  # only spaces, or only a byte order mark
            self.problem(data.key_marks[key], self._where(where, key), messages.packs.IS_EMPTY)
        return value.strip()

    def integer(
        self, data: MarkedDict, key: str, where: str, default: Default, low: int | None = None
    ) -> int | Default:
        if key not in data:
            return default
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(
                data.key_marks[key],
                self._where(where, key),
                messages.packs.MUST_BE_WHOLE_NUMBER_NOT.format(describe(value)),
            )
            return default
        if low is not None and value < low:
            self.problem(
                data.key_marks[key],
                self._where(where, key),
                messages.packs.MUST_BE_AT_LEAST.format(low),
            )
        return value

    def boolean(self, data: MarkedDict, key: str, where: str, default: bool) -> bool:
        if key not in data:
            return default
        value = data[key]
        if not isinstance(value, bool):
            self.problem(
                data.key_marks[key],
                self._where(where, key),
                messages.packs.MUST_BE_TRUE_OR_FALSE_NOT.format(describe(value)),
            )
            return default
        return value

    def strings(self, data: MarkedDict, key: str, where: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(
                data.key_marks[key], self._where(where, key), messages.packs.MUST_BE_LIST_OF_TEXT
            )
            return ()
        return tuple(item.strip() for item in value)
