"""The front matter of a reflection's file: its metadata (id, exercise, pack version, when it
was made, title, tags, the format it is written in), read fast from the simple lines relational
writes, else (a hand edit) through a YAML parser, and checked."""

from __future__ import annotations

import json
import re
from typing import TypedDict

from relational_cli import messages

FRONT_MATTER_KEYS = ("id", "exercise", "pack_version", "created", "title", "tags", "format")


class FrontMatter(TypedDict):
    """A reflection's metadata, checked: what `FRONT_MATTER_KEYS` name, each of its type."""

    id: str
    exercise: str
    created: str
    title: str
    tags: list[str]
    pack_version: int
    format: int


class FormatError(ValueError):
    """The file is not a reflection this module can read (the message says why)."""


def parse_front_matter(text: str, source: str = "reflection") -> tuple[FrontMatter, int]:
    """The metadata and where the body starts. Our own simple lines are read directly (fast);
    anything else, such as front matter edited by hand, goes through a YAML parser."""
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        raise FormatError(messages.files.no_front_matter(source))
    match = re.compile(r"\r?\n---\r?\n|\r?\n---\r?$").search(text, 3)
    if not match:
        raise FormatError(messages.files.front_matter_open(source))
    block = text[text.index("\n") + 1 : match.start()]
    meta = _read_simple(block)
    if meta is None:
        meta = _read_yaml(block, source)
    return _checked(meta, source), match.end()


def _read_simple(block: str) -> dict[str, object] | None:
    meta: dict[str, object] = {}
    for line in block.split("\n"):
        key, sep, raw = line.partition(": ")
        if not sep or key not in FRONT_MATTER_KEYS:
            return None
        raw = raw.strip()
        try:
            if raw[:1] in ('"', "["):
                meta[key] = json.loads(raw)
            elif key in ("pack_version", "format"):
                meta[key] = int(raw)
            else:
                meta[key] = raw
        except ValueError:
            return None
    return meta


def _read_yaml(block: str, source: str) -> dict[str, object]:
    import yaml

    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        raise FormatError(messages.files.front_matter_not_yaml(source)) from exc
    if not isinstance(meta, dict):
        raise FormatError(messages.files.front_matter_not_a_mapping(source))
    from datetime import date

    created = meta.get("created")
    if isinstance(created, date):
        meta["created"] = created.isoformat()
    return meta


def _checked(meta: dict[str, object], source: str) -> FrontMatter:
    """The metadata a reflection needs, each of its type; `FormatError` when one is missing."""
    texts = {key: _text(meta, key, source) for key in ("id", "exercise", "created", "title")}
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list):
        raise FormatError(messages.files.tags_not_a_list(source))
    return FrontMatter(
        id=texts["id"],
        exercise=texts["exercise"],
        created=texts["created"],
        title=texts["title"],
        tags=[str(tag) for tag in tags],
        pack_version=_version(meta.get("pack_version", 1)),
        format=_version(meta.get("format", 1)),
    )


def _text(meta: dict[str, object], key: str, source: str) -> str:
    """Text (a number read as one, as YAML may); only the title may be empty."""
    value = meta.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or (not value and key != "title"):
        raise FormatError(messages.files.front_matter_needs(source, key))
    return value


def _version(value: object) -> int:
    """A version number; 1 for one that is not a number."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 1
