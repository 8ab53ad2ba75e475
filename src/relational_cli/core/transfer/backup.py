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

import contextlib
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relational_cli.core import atomic
from relational_cli.core.errors import UserError
from relational_cli.core.journal import fileformat as markdown
from relational_cli.core.transfer import serialise

if TYPE_CHECKING:
    from relational_cli.core.journal.journal import Journal

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


def make(journal: Journal, drafts: bool, warn: Any = None) -> dict[str, Any]:
    """The backup document of `journal`'s home."""
    from relational_cli import __version__

    home = journal.home
    reflections = []
    for path in sorted(journal.files(), key=journal.place_of):
        try:
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            if warn:
                warn(path, exc)
            continue
        reflections.append({"path": journal.place_of(path), "text": text})
    data = serialise.document(
        kind=KIND,
        relational=__version__,
        reflections=reflections,
        packs=_files(home.packs, "*.y*ml") + _files(home.packs / "data", "*.y*ml", "data/"),
    )
    if drafts:
        data["drafts"] = _files(home.drafts, "*.json")
    return data


def _files(folder: Path, pattern: str, within: str = "") -> list[dict[str, str]]:
    found = []
    for path in sorted(folder.glob(pattern)) if folder.is_dir() else []:
        if NAME.fullmatch(path.name):
            with contextlib.suppress(OSError, UnicodeDecodeError):
                text = path.read_bytes().decode("utf-8")
                found.append({"name": within + path.name, "text": text})
    return found


def check(raw: bytes, source: str) -> dict[str, list[dict[str, str]]]:
    """The backup in `raw`, checked whole: every problem raises `UserError` before anything
    is written. Returns its reflections, packs and drafts."""
    import json

    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UserError(f"{source}: not a relational backup (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise UserError(
            f"{source}:{exc.lineno}: not a relational backup, or cut short ({exc.msg})"
        ) from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise UserError(f"{source}: not a relational backup (`relational export --format json`)")
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise UserError(f"{source}: `format` should be a number")
    if version > serialise.FORMAT:
        made_by = data.get("relational", "a newer relational")
        raise UserError(
            f"{source}: this backup was made by relational {made_by} (format {version});"
            f" this relational reads format {serialise.FORMAT} — update relational first."
            " Nothing was changed."
        )
    parts: dict[str, list[dict[str, str]]] = {}
    for key, pattern, label in (
        ("reflections", PLACE, "path"),
        ("packs", PACK_NAME, "name"),
        ("drafts", NAME, "name"),
    ):
        items = data.get(key, [])
        if not isinstance(items, list):
            raise UserError(f"{source}: `{key}` should be a list")
        for number, item in enumerate(items, 1):
            where = f"{source}: {key} #{number}"
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise UserError(f"{where}: needs `{label}` and `text`")
            name = item.get(label)
            if not isinstance(name, str) or not pattern.fullmatch(name):
                raise UserError(f"{where}: `{label}` {name!r} is not a place relational keeps")
            if key == "reflections":
                try:
                    markdown.parse(item["text"], f"{where} ({name})")
                except markdown.FormatError as exc:
                    raise UserError(str(exc)) from None
        parts[key] = items
    if "reflections" not in data:
        raise UserError(f"{source}: not a relational backup (it holds no `reflections`)")
    return parts


def restore(journal: Journal, parts: dict[str, list[dict[str, str]]]) -> Restored:
    """Write a checked backup into `journal`'s home (see the module's notes)."""
    home = journal.home
    staging = Path(home.ensure(home.root)) / f".restoring-{os.getpid()}"
    done = Restored()
    try:
        staging.mkdir(mode=0o700)
        staged = [(item, atomic.write_temp(staging, item["text"])) for item in parts["reflections"]]
        for item, copy in staged:
            where, kept = journal.bring_in(item["path"], item["text"], copy)
            if kept == "added":
                done.added.append(where)
            elif kept == "same":
                done.same.append(where)
            else:
                done.beside.append((item["path"], where))
        for key, folder in (("packs", home.packs), ("drafts", home.drafts)):
            for item in parts.get(key, []):
                target = folder / item["name"]
                _restore_file(
                    home.ensure(target.parent) / target.name, item["text"], done, home.root
                )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return done


def _restore_file(target: Path, text: str, done: Restored, root: Path) -> None:
    name = target.relative_to(root).as_posix()
    if atomic.write_new(target, text):
        done.added.append(name)
    elif target.read_bytes() == text.encode("utf-8"):
        done.same.append(name)
    else:
        done.kept_yours.append(name)
