"""The front matter of a reflection's file: its metadata (id, exercise, pack version, when it
was made, title, tags, the format it is written in), read fast from the simple lines relational
writes, else (a hand edit) through a YAML parser, and checked."""

from __future__ import annotations

import json
import re
from typing import Any

from relational_cli import messages

FRONT_MATTER_KEYS = ("id", "exercise", "pack_version", "created", "title", "tags", "format")


class FormatError(ValueError):
    """The file is not a reflection this module can read (the message says why)."""


def parse_front_matter(text: str, source: str = "reflection") -> tuple[dict[str, Any], int]:
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


def _read_simple(block: str) -> dict[str, Any] | None:
    meta: dict[str, Any] = {}
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


def _read_yaml(block: str, source: str) -> dict[str, Any]:
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


def _checked(meta: dict[str, Any], source: str) -> dict[str, Any]:
    for key in ("id", "exercise", "created", "title"):
        value = meta.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            meta[key] = value = str(value)
        if not isinstance(value, str) or (not value and key != "title"):
            raise FormatError(messages.files.front_matter_needs(source, key))
    tags = meta.get("tags") or []
    if isinstance(tags, str):
        tags = [tags]
    if not isinstance(tags, list):
        raise FormatError(messages.files.tags_not_a_list(source))
    meta["tags"] = [str(tag) for tag in tags]
    for key in ("pack_version", "format"):
        version = meta.get(key, 1)
        meta[key] = version if isinstance(version, int) and not isinstance(version, bool) else 1
    return meta
