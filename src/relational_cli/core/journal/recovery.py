"""The recovery folder: words that could not go where they were meant to (a reflection that
could not be saved, an edit that could not be applied, another window's draft) are kept here
whole, never deleted, until `relational recover` brings them back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from relational_cli.core.journal import names
from relational_cli.core.journal.storage import Storage
from relational_cli.core.journal.walking import PLAIN, SEALED


def keep(storage: Storage, text: str) -> Path | None:
    """Keep `text` whole in `recovery/kept-…` (`.md`, or `.age` when locked); None if even
    that fails."""
    suffix = SEALED if storage.locked else ".md"
    try:
        return storage.write_free(storage.recovery, kept_name(), suffix, lambda _: text)
    except OSError:
        return None


def move_in(storage: Storage, source: Path) -> Path:
    """Move `source` into the recovery folder as `kept-…` (its suffix kept), never over
    another file."""
    return storage.move_free(source, storage.recovery, kept_name() + source.suffix)


def find(storage: Storage, name: str) -> Path | None:
    """The file in the recovery folder a person names: by its name, or by the name it had
    before the journal was locked or unlocked (`kept-…` with another suffix; in a locked
    journal, an older name a plain journal gave, by the part derived from it)."""
    folder = storage.recovery
    if "/" in name or "\\" in name or name.startswith(".") or not folder.is_dir():
        return None
    if (folder / name).is_file():
        return folder / name
    stem = name
    for suffix in (".json", PLAIN, SEALED):
        stem = stem.removesuffix(suffix)
    for suffix in (".json", PLAIN, SEALED):
        if names.KEPT_NAME.fullmatch(stem) and (folder / (stem + suffix)).is_file():
            return folder / (stem + suffix)
    if storage.locked:
        tag = names.discreet_tag(str(storage.keys.identity()), f"recovery/{name}")
        if (folder / f"kept-{tag}{SEALED}").is_file():
            return folder / f"kept-{tag}{SEALED}"
    return None


@dataclass(frozen=True)
class Kept:
    """A file in the recovery folder, and what it is, read from inside (its name says
    nothing): a draft (its exercise and when it was started), a reflection (its id, its
    exercise and when it was written), or neither (why it cannot be read as one)."""

    path: Path
    kind: str = ""
    """"draft", "reflection", or "" for a file that reads as neither."""
    exercise: str = ""
    when: str = ""
    reflection_id: str = ""


def listing(storage: Storage) -> list[Path]:
    """What the recovery folder holds, oldest first."""
    if not storage.recovery.is_dir():
        return []
    files = [p for p in storage.recovery.iterdir() if p.is_file() and not p.name.startswith(".")]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))


def described(storage: Storage) -> list[Kept]:
    """What the recovery folder holds, oldest first, each as what it is."""
    return [what(storage, path) for path in listing(storage)]


def kept_name() -> str:
    """The name something kept in the recovery folder gets: `kept-` and eight random
    letters, locked or not (locking changes only its suffix, so the name a person was told
    keeps working; what it is, is read from inside)."""
    return f"kept-{names.discreet()}"


def what(storage: Storage, path: Path) -> Kept:
    """What a kept file is, read from inside (in a locked journal, with its identity)."""
    import json

    from relational_cli.core.journal import fileformat

    try:
        text = storage.read(path)
    except (OSError, UnicodeDecodeError):
        return Kept(path)
    if text.lstrip().startswith("{"):
        try:
            found = json.loads(text)
        except ValueError:
            return Kept(path)
        if isinstance(found, dict) and isinstance(found.get("exercise"), str):
            return Kept(path, "draft", found["exercise"], str(found.get("started", "")))
        return Kept(path)
    try:
        meta, _ = fileformat.parse_front_matter(text, str(path))
    except fileformat.FormatError:
        return Kept(path)
    return Kept(path, "reflection", str(meta["exercise"]), str(meta["created"]), str(meta["id"]))
