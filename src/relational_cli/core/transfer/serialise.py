"""The one JSON shape of relational's data: reflections, summaries of them, and packs.

Every JSON document relational prints is an object with a `format` number beside its data,
`{"format": 1, "reflections": [...]}`, so tools (and the coming backup and export) can tell
which shape they read. A change that would break a reader raises FORMAT.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.journal.summary import Summary
    from relational_cli.core.packs.model import Pack, Prompt

FORMAT = 1


def document(**data: Any) -> dict[str, Any]:
    """A JSON document: the format number, then the data."""
    return {"format": FORMAT, **data}


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def summary(row: Summary | Reflection) -> dict[str, Any]:
    """A reflection's front matter, as review lists it."""
    return {
        "id": row.id,
        "exercise": row.exercise,
        "created": row.created,
        "title": row.title,
        "tags": list(row.tags),
        **({"sync_conflict": True} if getattr(row, "conflict", False) else {}),
    }


def reflection(item: Reflection) -> dict[str, Any]:
    return {**summary(item), "pack_version": item.pack_version, "answers": item.answer_map()}


def pack(item: Pack, prompts: bool = False) -> dict[str, Any]:
    data = {
        "id": item.id,
        "title": item.title,
        "summary": item.summary,
        "minutes": item.minutes,
        "version": item.version,
        "tags": list(item.tags),
        "source": "built-in" if item.builtin else "user",
        "path": str(item.path),
    }
    if prompts:
        data["content_note"] = item.content_note
        data["prompts"] = [prompt(p) for p in item.prompts]
    return data


def prompt(item: Prompt) -> dict[str, Any]:
    return {
        "id": item.id,
        "type": item.type,
        "text": item.text,
        "help": item.help,
        "choices": [
            {"value": c.value, "label": c.label, "description": c.description} for c in item.choices
        ],
        "choices_from": item.choices_from,
        "min": item.min,
        "max": item.max,
        "min_label": item.min_label,
        "max_label": item.max_label,
        "when": {key: list(values) for key, values in item.when},
        "unless": {key: list(values) for key, values in item.unless},
        "optional": item.optional,
        "default": item.default,
        "short_deck": list(item.short_deck),
    }
