"""A backup: everything a person keeps here in one versioned JSON document, and restoring it.

The document is relational's one JSON shape (`serialise.document`) with `"kind": "backup"`:
every reflection file's exact text under its place in the journal (`2026/11/….md`), the
person's own packs and choice lists (`data/NAME.yaml`), and (if asked) their paused drafts.
Restoring checks the whole document first; only then is every file written into a private
staging folder inside the data folder, and then linked into its place, never over another
file: a reflection already there word for word is skipped, one whose place holds other words
is kept beside it under the next free id.
An interrupted restore can simply be run again.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from re import Pattern
from typing import TYPE_CHECKING, TypedDict

from relational_cli import messages
from relational_cli.core.errors import UserError
from relational_cli.core.journal import fileformat as markdown
from relational_cli.core.journal.summary import ours
from relational_cli.core.packs.yamlfile import read_text_file
from relational_cli.core.transfer import serialise

if TYPE_CHECKING:
    from relational_cli.core.journal.journal import Journal, Warn

KIND = "backup"
PLACE = re.compile(r"\d{4}/\d{2}/[^/\\.][^/\\]*\.md")
"""Where a reflection may be restored to, within the journal folder."""
NAME = re.compile(r"[^/\\.][^/\\]*\.(yaml|yml|json)")
"""A pack's or a draft's file name (no folders, no dot files)."""
PACK_NAME = re.compile(r"(?:data/)?[^/\\.][^/\\]*\.(yaml|yml)")
"""A pack's file name, or a shared choice list's in the packs folder's `data/`."""


@dataclass
class Restored:
    """What a restore did, by the paths (within the data folder) it touched."""

    added: list[str] = field(default_factory=list)
    same: list[str] = field(default_factory=list)
    beside: list[tuple[str, str]] = field(default_factory=list)
    """(the place in the backup, where it was kept instead): that place held other words."""
    kept_yours: list[str] = field(default_factory=list)
    """Packs and drafts of the same name with other text: the one here was kept."""
    source: Path | None = None
    """The backup file it came from."""


class _Backup(TypedDict):
    format: int
    kind: str
    relational_version: str
    reflection_files: list[dict[str, str]]
    pack_files: list[dict[str, str]]


class Backup(_Backup, total=False):
    """A backup document: each file's place (or name) and text; drafts when asked for."""

    draft_files: list[dict[str, str]]


def make(journal: Journal, drafts: bool, warn: Warn | None = None) -> Backup:
    """The backup document of `journal`'s home."""
    from relational_cli import __version__

    home = journal.home
    storage = journal.storage
    reflections = []
    for path in sorted(journal.files(), key=journal.place_of):
        try:
            text = storage.read(path)
        except (OSError, UnicodeDecodeError) as exc:
            if warn and ours(path, None, lambda p: storage.read_head(p, "replace")):
                warn(path, exc)
            continue
        if not ours(path, text):  # a note kept beside them: not relational's to take
            continue
        reflections.append({"path": journal.place_of(path), "text": text})
    data: Backup = {  # serialise.document's shape: its format first, then the data
        "format": 2,
        "kind": KIND,
        "relational_version": __version__,
        "reflection_files": reflections,
        "pack_files": _packs(home.packs) + _packs(home.packs / "data", "data/"),
    }
    if drafts:
        data["draft_files"] = [
            {"name": path.name, "text": draft}
            for path in storage.draft_files()
            if NAME.fullmatch(path.name) and (draft := _text(storage.read, path)) is not None
        ]
    return data


def _packs(folder: Path, within: str = "") -> list[dict[str, str]]:
    """The person's own packs (or choice lists) in `folder`: exercises, not their words."""
    found = []
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        text = _text(lambda found: read_text_file(found, "pack"), path)
        if NAME.fullmatch(path.name) and text is not None:
            found.append({"name": within + path.name, "text": text})
    return found


def _text(read: Callable[[Path], object], path: Path) -> str | None:
    """A file's text, or None for one that cannot be read (left out of the backup)."""
    try:
        return str(read(path))
    except (OSError, UnicodeDecodeError, UserError):
        return None


def check(raw: bytes, source: str) -> dict[str, list[dict[str, str]]]:
    """The backup in `raw`, checked whole: every problem raises `UserError` before anything
    is written. Returns its reflections, packs and drafts."""
    data = _backup(raw, source)
    version = _format(data, source)
    parts = {
        key: _part(data, source, version, key, pattern, label)
        for key, pattern, label in (
            ("reflections", PLACE, "path"),
            ("packs", PACK_NAME, "name"),
            ("drafts", NAME, "name"),
        )
    }
    files = "reflection_files" if version >= 2 else "reflections"
    if files not in data:
        raise UserError(messages.files.not_a_backup(source, messages.files.HOLDS_NO.format(files)))
    return parts


def _backup(raw: bytes, source: str) -> dict[str, object]:
    """The backup's JSON, when it is a backup at all."""
    import json

    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UserError(messages.files.not_a_backup(source, messages.files.NOT_UTF8_TEXT)) from None
    except json.JSONDecodeError as exc:
        raise UserError(messages.files.cut_short(source, exc.lineno, exc.msg)) from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        why = messages.files.MADE_BY_EXPORT
        raise UserError(messages.files.not_a_backup(source, why))
    return data


def _format(data: dict[str, object], source: str) -> int:
    """The backup's format, when this relational can read it."""
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise UserError(messages.files.backup_format_not_a_number(source))
    if version > serialise.FORMAT:
        made_by = data.get(
            "relational_version", data.get("relational", messages.files.A_NEWER_RELATIONAL)
        )
        raise UserError(
            messages.files.backup_from_newer(source, made_by, version, serialise.FORMAT)
        )
    return version


def _part(
    data: dict[str, object], source: str, version: int, key: str, pattern: Pattern[str], label: str
) -> list[dict[str, str]]:
    """One part of the backup (its reflections, packs or drafts), each item checked."""
    named = f"{key[:-1]}_files" if version >= 2 else key  # format 1: `reflections`…
    items = data.get(named, [])
    if not isinstance(items, list):
        raise UserError(messages.files.backup_not_a_list(source, named))
    for number, item in enumerate(items, 1):
        _check_item(item, f"{source}: {named} #{number}", key, pattern, label)
    return items


def _check_item(item: object, where: str, key: str, pattern: Pattern[str], label: str) -> None:
    """An item holds its text and a name (or place) of the right shape; a reflection reads as
    one, and a draft has a draft's shape."""
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise UserError(messages.files.backup_item_needs(where, label))
    name = item.get(label)
    if not isinstance(name, str) or not pattern.fullmatch(name):
        raise UserError(messages.files.backup_place(where, label, name))
    if key == "reflections":
        try:
            markdown.parse(item["text"], f"{where} ({name})")
        except markdown.FormatError as exc:
            raise UserError(str(exc)) from None
    if key == "drafts" and _misshapen_draft(item["text"]):
        raise UserError(messages.files.backup_draft_misshapen(where, name))


def _misshapen_draft(text: str) -> bool:
    import json

    from relational_cli.core.journal import drafts

    try:
        return drafts.misshapen(json.loads(text))
    except ValueError:
        return True


def restore_file(journal: Journal, path: Path) -> Restored:
    """Check the backup in `path` whole, then restore it (`relational import backup`)."""
    from relational_cli.core.lock import cipher

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(messages.general.could_not_read(path, exc)) from None
    if cipher.is_age(data) and not journal.storage.locked:
        raise UserError(messages.transfer.locked_backup(path, journal.home.lock))
    raw = journal.storage.from_disk(data)  # a locked backup opened with this journal's key
    done = restore(journal, check(raw, str(path)))
    done.source = path
    return done


def restore(journal: Journal, parts: dict[str, list[dict[str, str]]]) -> Restored:
    """Write a checked backup into `journal`'s home (see the module's notes)."""
    from relational_cli.core.packs.installing import put_file

    storage = journal.storage
    done = Restored()
    staging = storage.staging()
    try:
        arriving = [
            storage.restored_place(item["path"], item["text"]) for item in parts["reflections"]
        ]
        staged = [(place, text, storage.stage(staging, text)) for place, text in arriving]
        for (place, text, copy), item in zip(staged, parts["reflections"], strict=True):
            where, kept = journal.bring_in(place, text, copy)
            if kept == "added":
                done.added.append(where)
            elif kept == "same":
                done.same.append(where)
            else:
                done.beside.append((item["path"], where))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    for item in parts.get("packs", []):
        _tally(done, f"packs/{item['name']}", put_file(journal.home, item["name"], item["text"]))
    for item in parts.get("drafts", []):
        target = storage.folder(storage.drafts) / storage.draft_name(item["name"], item["text"])
        if storage.write_new(target, item["text"]):
            kept = "added"
        else:
            kept = "same" if storage.has_text(target, item["text"]) else "yours"
        _tally(done, f"drafts/{item['name']}", kept)
    return done


def _tally(done: Restored, name: str, kept: str) -> None:
    """Count a pack or draft: added, already here word for word, or yours kept instead."""
    {"added": done.added, "same": done.same, "yours": done.kept_yours}[kept].append(name)
