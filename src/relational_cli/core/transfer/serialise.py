"""Every JSON shape relational prints, in one place: reflections, summaries of them, search
hits, packs, the timeline, the support lines, where things live, and backups.

Every JSON document relational prints is an object with a `format` number beside its data,
`{"format": 1, "reflections": [...]}`, so tools (and a backup read back) can tell which shape
they read. A change that would break a reader raises FORMAT.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from relational_cli.core.documents.timeline import Timeline
    from relational_cli.core.home import Places
    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.journal.summary import Summary
    from relational_cli.core.packs.library import Catalogue
    from relational_cli.core.packs.model import Pack, Prompt
    from relational_cli.core.search.query import Page
    from relational_cli.core.support import Listing

FORMAT = 1


def document(**data: Any) -> dict[str, Any]:
    """A JSON document: the format number, then the data."""
    return {"format": FORMAT, **data}


def of(data: Any) -> dict[str, Any]:
    """The JSON document of a command's result, by its kind."""
    shape: dict[str, Any] = SHAPES[type(data).__name__](data)
    return shape


def _page(page: Page[Any]) -> dict[str, Any]:
    """Review, the trash, or search (with the words around each match): one summary shape
    for all three, with how each weekly step went (as the week after said; null when not
    looked back on, and for other exercises)."""
    rows = []
    for row in page.rows:
        found = summary(getattr(row, "summary", row))
        found["outcome"] = (page.outcomes or {}).get(row.id)
        if hasattr(row, "snippet"):
            found["snippet"] = row.snippet.translate(UNMARKED)
        rows.append(found)
    return document(reflections=rows)


UNMARKED = {ord("\ue000"): None, ord("\ue001"): None}
"""Takes the match marks (`search.index.MARK`) out of a snippet."""


def _reflection(item: Reflection) -> dict[str, Any]:
    return document(reflection=reflection(item))


def _pack(item: Pack) -> dict[str, Any]:
    return document(pack=pack(item, prompts=True))


def _catalogue(catalogue: Catalogue) -> dict[str, Any]:
    rows = [pack(item) for item in catalogue.packs]
    rows += [
        {"id": b.path.stem, "source": "user", "path": str(b.path), "error": b.problem}
        for b in catalogue.broken
    ]
    return document(packs=sorted(rows, key=lambda row: row["id"]))


def _timeline(picture: Timeline) -> dict[str, Any]:
    import dataclasses

    return document(
        by=picture.by,
        since=picture.since.isoformat() if picture.since else None,
        periods=[{"period": name, "reflections": n} for name, n in picture.periods],
        steps=[dataclasses.asdict(step) for step in picture.steps],
        values=[dataclasses.asdict(change) for change in picture.values],
    )


def _places(places: Places) -> dict[str, Any]:
    return document(**{key.replace(" ", "_"): value for key, value in places.items.items()})


def _support(listing: Listing) -> dict[str, Any]:
    from relational_cli.core import support

    pick = support.ordered if listing.every else support.own
    rows = [
        {"kind": line.kind, "region": line.region, "name": line.name,
         "contact": line.contact, "how": support.plain(line.how), "web": line.web or None,
         "hours": line.hours or None}
        for kind in listing.kinds for line in pick(listing.region, kind)
    ]  # fmt: skip
    found = support.emergency(listing.region)
    numbers = (
        [{"region": found.region, "number": found.number, "note": found.note or None}]
        if found is not None
        else [{"region": where, "number": n, "note": None} for where, n in support.ANYWHERE]
    )
    return document(
        verified=support.VERIFIED,
        region=listing.region,
        in_danger=support.emergency_text(listing.region),
        emergency=numbers,
        lines=rows,
    )


SHAPES: dict[str, Callable[[Any], dict[str, Any]]] = {
    "Page": _page,
    "Reflection": _reflection,
    "Pack": _pack,
    "Catalogue": _catalogue,
    "Timeline": _timeline,
    "Places": _places,
    "Listing": _support,
}
"""The JSON document of each kind of result, by the name of its type."""


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def summary(row: Summary | Reflection) -> dict[str, Any]:
    """A reflection's front matter, as review, search, the trash and show give it."""
    return {
        "id": row.id,
        "exercise": row.exercise,
        "created": row.created,
        "title": row.title,
        "tags": list(row.tags),
        "pack_version": row.pack_version,
        "sync_conflict": bool(getattr(row, "conflict", False)),
    }


def reflection(item: Reflection) -> dict[str, Any]:
    return {**summary(item), "answers": item.answer_map()}


def pack(item: Pack, prompts: bool = False) -> dict[str, Any]:
    data = {
        "id": item.id,
        "title": item.title,
        "summary": item.summary,
        "minutes": item.minutes,
        "version": item.version,
        "tags": list(item.tags),
        "group": item.group,
        "source": "built-in" if item.builtin else "user",
        "path": str(item.path),
    }
    if prompts:
        data["content_note"] = item.content_note
        data["sources"] = list(item.sources)
        data["from"] = (
            {"note": item.note_from.note, "name": item.note_from.name} if item.note_from else None
        )
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
