"""Every JSON shape relational prints, in one place: reflections, summaries of them, search
hits, packs, the timeline, the support lines, where things live, and backups.

Every JSON document relational prints is an object with a `format` number beside its data,
`{"format": 1, "reflections": [...]}`, so tools (and a backup read back) can tell which shape
they read. A change that would break a reader raises that document's number (its `shape`).

One meaning per key across documents: `reflections` is always a list of reflections (their
front matter); a count is `count`; a folder's key ends in `_folder`; the files of a backup
are `reflection_files`, `pack_files` and `draft_files`; relational's own version is
`relational_version`; a reflection's (or a step's) title is `title`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from relational_cli import messages
from relational_cli.by_type import ByType

if TYPE_CHECKING:
    from relational_cli.core.documents.timeline import Timeline
    from relational_cli.core.home import Places
    from relational_cli.core.journal.fileformat import Reflection, Value
    from relational_cli.core.journal.query import Page
    from relational_cli.core.journal.summary import Summary
    from relational_cli.core.packs.library import Catalogue
    from relational_cli.core.packs.model import Pack, Prompt
    from relational_cli.core.search.hits import Hit
    from relational_cli.core.support import Listing


JSON = str | int | float | bool | None | Sequence["JSON"] | Mapping[str, "JSON"]
"""What JSON can hold (read only: a document is built whole, then printed)."""
Document = dict[str, JSON]
"""A JSON object: a document relational prints, or an object within one."""


class Told(NamedTuple):
    """A reflection as `show --format json` gives it: with how it went, for a weekly step."""

    reflection: Reflection
    outcome: str | None = None


FORMAT = 2
"""The newest shape of any document (a backup of any format up to it can be read back).
Format 2 (relational 0.2): `info`'s keys, `timeline`'s counts and step titles, `show`'s
`outcome` and a backup's keys; review, search, the trash and packs are still format 1."""


def document(*, shape: int = 1, **data: JSON) -> Document:
    """A JSON document: its format number (`shape`), then the data."""
    return {"format": shape, **data}


def of(data: object) -> Document:
    """The JSON document of a command's result, by its type."""
    return SHAPES[type(data)](data)


def _page(page: Page[Summary | Hit]) -> Document:
    """Review, the trash, or search (with the words around each match): one summary shape
    for all three, with how each weekly step went (as the week after said; null when not
    looked back on, and for other exercises)."""
    from relational_cli.core.search.hits import Hit

    rows: list[Document] = []
    for row in page.rows:
        found = summary(row.summary if isinstance(row, Hit) else row)
        found["outcome"] = (page.outcomes or {}).get(row.id)
        if isinstance(row, Hit):
            found["snippet"] = row.snippet.translate(UNMARKED)
        rows.append(found)
    return document(reflections=rows)


UNMARKED = {ord("\ue000"): None, ord("\ue001"): None, ord("\ue002"): "…"}
"""Takes the match marks (`search.index.MARK`) out of a snippet, and shows where it leaves
words out (`ELIDED`) as an ellipsis."""


def _reflection(item: Reflection) -> Document:
    return document(shape=2, reflection={**reflection(item), "outcome": None})


def _told(told: Told) -> Document:
    """`show`: the reflection, and how it went if it is a weekly step (as in review)."""
    return document(shape=2, reflection={**reflection(told.reflection), "outcome": told.outcome})


def _pack(item: Pack) -> Document:
    return document(pack=pack(item, prompts=True))


def _catalogue(catalogue: Catalogue) -> Document:
    rows: list[Document] = [pack(item) for item in catalogue.packs]
    rows += [
        {"id": b.path.stem, "source": "user", "path": str(b.path), "error": b.problem}
        for b in catalogue.broken
    ]
    rows.sort(key=lambda row: str(row["id"]))
    return document(packs=rows)


def _timeline(picture: Timeline) -> Document:
    import dataclasses

    return document(
        shape=2,
        by=picture.by,
        since=picture.since.isoformat() if picture.since else None,
        periods=[{"period": name, "count": n} for name, n in picture.periods],
        steps=[
            {"id": step.id, "day": step.day, "title": step.step, "outcome": step.outcome}
            for step in picture.steps
        ],
        values=[dataclasses.asdict(change) for change in picture.values],
        check_ins=[dataclasses.asdict(check_in) for check_in in picture.check_ins],
    )


PLACE_KEYS = {
    "version": "relational_version",
    messages.general.DATA_FOLDER: "data_folder",
    "reflections": "journal_folder",
    "drafts": "drafts_folder",
    "recovery": "recovery_folder",
    messages.general.YOUR_PACKS: "packs_folder",
    "trash": "trash_folder",
    "index": "index_folder",
    messages.general.BUILTIN_PACKS: "builtin_packs_folder",
}
"""`info`'s keys in JSON, where the name a person reads would mean something else there."""


def _places(places: Places) -> Document:
    def key(name: str) -> str:
        return PLACE_KEYS.get(name) or re.sub(r"\W+", "_", name).strip("_")

    return document(shape=2, **{key(name): value for name, value in places.items.items()})


def _support(listing: Listing) -> Document:
    from relational_cli.core import support

    pick = support.ordered if listing.every else support.region_lines
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


Shape = Callable[[Any], Document]
SHAPES: ByType[Shape] = ByType()
"""The JSON document of each kind of result, by its type (registered as `cli/output.py`
registers how each is shown, a module at a time)."""
SHAPES.register(Told, _told)


@SHAPES.loads("relational_cli.core.journal.query")
def _query() -> None:
    from relational_cli.core.journal.query import Page

    SHAPES.register(Page, _page)


@SHAPES.loads("relational_cli.core.journal.fileformat")
def _fileformat() -> None:
    from relational_cli.core.journal.fileformat import Reflection

    SHAPES.register(Reflection, _reflection)


@SHAPES.loads("relational_cli.core.packs.model")
def _model() -> None:
    from relational_cli.core.packs.model import Pack

    SHAPES.register(Pack, _pack)


@SHAPES.loads("relational_cli.core.packs.library")
def _library() -> None:
    from relational_cli.core.packs.library import Catalogue

    SHAPES.register(Catalogue, _catalogue)


@SHAPES.loads("relational_cli.core.documents.timeline")
def _timeline_module() -> None:
    from relational_cli.core.documents.timeline import Timeline

    SHAPES.register(Timeline, _timeline)


@SHAPES.loads("relational_cli.core.home")
def _home() -> None:
    from relational_cli.core.home import Places

    SHAPES.register(Places, _places)


@SHAPES.loads("relational_cli.core.support")
def _support_module() -> None:
    from relational_cli.core.support import Listing

    SHAPES.register(Listing, _support)


def dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def summary(row: Summary | Reflection) -> Document:
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


def reflection(item: Reflection) -> Document:
    return {**summary(item), "answers": {k: answer(v) for k, v in item.answer_map().items()}}


def answer(value: Value) -> JSON:
    """An answer as JSON: pairs as `{"notice": …, "do": …}` objects (as an answers file
    gives them); every other answer as it is."""
    if isinstance(value, tuple):
        from relational_cli.core.packs.model import PAIR_KEYS

        return [dict(zip(PAIR_KEYS, pair, strict=True)) for pair in value]
    return value


def pack(item: Pack, prompts: bool = False) -> Document:
    data: Document = {
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


def prompt(item: Prompt) -> Document:
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
