"""The journal folder: one Markdown file per reflection under `journal/YYYY/MM/`, and drafts.

A reflection's id is its file name without `.md`: `YYYYMMDD-HHMMSS-<exercise>`, in local time,
so names sort by time and say the exercise (`-2`, `-3`… when two land in the same second).

Saves are atomic and never overwrite: the text is written to a private temp file in the same
folder, flushed to disk, then hard-linked to its final name (which fails if the name exists).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from relational_cli import markdown, paths
from relational_cli.errors import UserError
from relational_cli.markdown import Reflection

ID_PATTERN = re.compile(r"(\d{4})(\d{2})\d{2}-\d{6}-[a-z0-9_-]+")
FRONT_MATTER_READ = 4096
FRONT_MATTER_LIMIT = 65536
"""A file with no end to its front matter within this many bytes is not a reflection."""
STALE_TEMP_SECONDS = 3600


@dataclass(frozen=True)
class Summary:
    """What review needs of a reflection: its front matter and where it lives."""

    id: str
    exercise: str
    created: str
    title: str
    tags: tuple[str, ...]
    path: Path

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "exercise": self.exercise,
            "created": self.created,
            "title": self.title,
            "tags": list(self.tags),
        }


def new_id(exercise: str, when: datetime) -> str:
    return f"{when:%Y%m%d-%H%M%S}-{exercise}"


def path_for(reflection_id: str) -> Path:
    match = ID_PATTERN.fullmatch(reflection_id)
    if not match:
        raise UserError(f"'{reflection_id}' is not a reflection id (see `relational review`)")
    return paths.journal_dir() / match.group(1) / match.group(2) / f"{reflection_id}.md"


def save(reflection: Reflection, sections: list[markdown.Section]) -> tuple[Reflection, Path]:
    """Write a new reflection file; returns the reflection as saved (its id may gain a suffix)."""
    base_id = reflection.id
    folder = paths.ensure_private_dir(path_for(base_id).parent)
    for attempt in range(1, 1000):
        reflection_id = base_id if attempt == 1 else f"{base_id}-{attempt}"
        candidate = dataclasses.replace(reflection, id=reflection_id)
        target = folder / f"{reflection_id}.md"
        if target.exists():
            continue
        if write_new(target, markdown.render(candidate, sections)):
            return candidate, target
    raise UserError(f"{folder}: could not find a free file name")


def write_new(target: Path, text: str) -> bool:
    """Atomically create `target` holding `text`, 0600; False if the name is already taken."""
    folder = target.parent
    _sweep_stale_temps(folder)
    temp = _write_temp(folder, text)
    try:
        os.link(temp, target)
    except FileExistsError:
        return False
    finally:
        os.unlink(temp)
    _sync_folder(folder)
    return True


def replace(target: Path, text: str) -> None:
    """Atomically put `text` at `target` (0600), replacing what was there: for drafts."""
    temp = _write_temp(target.parent, text)
    try:
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    _sync_folder(target.parent)


def private_copy(original: Path, text: str, suffix: str) -> Path:
    """A hidden 0600 copy of `text` beside `original`, for an editor to work on."""
    return _write_temp(original.parent, text, prefix=".edit-", suffix=suffix)


def _write_temp(folder: Path, text: str, prefix: str = ".tmp-", suffix: str = ".part") -> Path:
    import tempfile

    # mkstemp creates the file 0600 whatever the umask; the leading dot keeps it out of listings.
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
    return Path(name)


def _sweep_stale_temps(folder: Path) -> None:
    """Remove temp files a killed save left behind. Their text is never the only copy: the
    draft is discarded only after a save has landed."""
    import time

    cutoff = time.time() - STALE_TEMP_SECONDS
    for temp in folder.glob(".tmp-*.part"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()


def keep_in_recovery(name: str, text: str) -> Path | None:
    """Keep `text` whole in `recovery/NAME.md` (or NAME-2.md…): a reflection that could not
    be saved, or an edit that could not be applied. None if that cannot be written either."""
    try:
        folder = paths.ensure_private_dir(paths.home() / "recovery")
        for attempt in range(1, 100):
            target = folder / (f"{name}.md" if attempt == 1 else f"{name}-{attempt}.md")
            if write_new(target, text):
                return target
    except OSError:
        return None
    return None


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def reflection_files() -> Iterator[Path]:
    """Every reflection file, newest first (names start with the time), found lazily:
    year and month folders are visited newest first, so `latest` reads a single folder."""
    for year in _subfolders(paths.journal_dir()):
        for month in _subfolders(year):
            with os.scandir(month) as entries:
                names = [e.name for e in entries if e.name.endswith(".md") and e.name[0] != "."]
            for name in sorted(names, key=_in_time_order, reverse=True):
                yield month / name


def _in_time_order(name: str) -> tuple[str, int, str]:
    """Sort key: the time in the name, then the `-2`, `-3`… a save in the same second gets."""
    stem = name.removesuffix(".md")
    suffix = re.search(r"-(\d+)$", stem)
    same_second = int(suffix.group(1)) if suffix and suffix.start() > 16 else 1
    return stem[:15], same_second, stem


def _subfolders(folder: Path) -> list[Path]:
    """Numbered (year or month) subfolders, highest first."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if e.name.isdigit() and e.is_dir()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [folder / name for name in sorted(names, reverse=True)]


def summaries(warn: Any = None) -> Iterator[Summary]:
    """Summaries of every reflection, newest first; unreadable files are passed to `warn`."""
    for path in reflection_files():
        try:
            meta, _ = markdown.parse_front_matter(_read_head(path), str(path))
        except (markdown.FormatError, OSError, UnicodeDecodeError) as exc:
            if warn:
                warn(path, exc)
            continue
        yield Summary(
            id=meta["id"],
            exercise=meta["exercise"],
            created=meta["created"],
            title=meta["title"],
            tags=tuple(meta["tags"]),
            path=path,
        )


def _read_head(path: Path) -> str:
    """The start of a file, up to the end of its front matter (bounded: a huge or endless file,
    such as a link to a device, is read no further than FRONT_MATTER_LIMIT)."""
    with path.open("rb") as stream:
        head = stream.read(FRONT_MATTER_READ)
        if b"\n---" not in head[3:]:
            head += stream.read(FRONT_MATTER_LIMIT - len(head))
    return head.decode("utf-8", errors="strict")


def resolve(reference: str) -> Path:
    """The file for an id, a unique start of an id, or `latest`."""
    if reference == "latest":
        newest = next(reflection_files(), None)
        if newest is None:
            raise UserError("no reflections yet — start one with `relational reflect`")
        return newest
    if not re.fullmatch(r"[0-9a-z_-]+", reference) or not reference[:1].isdigit():
        raise UserError(f"'{reference}' is not a reflection id (see `relational review`)")
    if ID_PATTERN.fullmatch(reference):
        exact = path_for(reference)
        if exact.is_file():
            return exact
    matches = [path for path in reflection_files() if path.stem.startswith(reference)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UserError(f"'{reference}' matches {len(matches)} reflections; type more of the id")
    raise UserError(f"no reflection with id '{reference}' (see `relational review`)")


def last_answers(exercise: str) -> dict[str, Any]:
    """The answers of the newest reflection of `exercise`, as `last:ID` keys for placeholders
    such as {last:wish}; empty when there is none (or it cannot be read)."""
    pattern = re.compile(rf"\d{{8}}-\d{{6}}-{re.escape(exercise)}(-\d+)?")
    for path in reflection_files():
        if pattern.fullmatch(path.stem):
            try:
                reflection = load(path)
            except UserError:
                continue
            if reflection.exercise == exercise:
                return {f"last:{key}": value for key, value in reflection.answer_map().items()}
    return {}


def load(path: Path) -> Reflection:
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return markdown.parse(text, str(path))
    except markdown.FormatError as exc:
        raise UserError(str(exc)) from None


# Drafts: the answers of an exercise in progress, saved after every answer.


@dataclass(frozen=True)
class Draft:
    exercise: str
    pack_version: int
    started: str
    answers: dict[str, Any]
    path: Path
    unsent: dict[str, Any] = dataclasses.field(default_factory=dict)
    """What was given to a question but not yet sent when the exercise was paused: typed
    text, or a card sort so far."""


def draft_path(exercise: str) -> Path:
    return paths.drafts_dir() / f"{exercise}.json"


def save_draft(
    exercise: str,
    pack_version: int,
    started: str,
    answers: dict[str, Any],
    unsent: dict[str, Any] | None = None,
) -> None:
    folder = paths.ensure_private_dir(paths.drafts_dir())
    document = {
        "exercise": exercise,
        "pack_version": pack_version,
        "started": started,
        "answers": answers,
        "unsent": unsent or {},
    }
    replace(folder / f"{exercise}.json", json.dumps(document, ensure_ascii=False, indent=2))


def load_draft(exercise: str) -> Draft | None:
    path = draft_path(exercise)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise UserError(
            f"{path}: the saved draft cannot be read ({exc}); move it aside to start afresh"
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("answers"), dict):
        raise UserError(
            f"{path}: the saved draft is not in the expected shape; move it aside to start afresh"
        )
    return Draft(
        exercise=exercise,
        pack_version=int(document.get("pack_version", 1)),
        started=str(document.get("started", "")),
        answers=document["answers"],
        path=path,
        unsent={
            str(key): text
            for key, text in (document.get("unsent") or {}).items()
            if isinstance(text, (str, dict))
        },
    )


def drafts() -> list[Draft]:
    folder = paths.drafts_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.json")):
        with contextlib.suppress(UserError):
            draft = load_draft(path.stem)
            if draft:
                found.append(draft)
    return found


def discard_draft(exercise: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        draft_path(exercise).unlink()
