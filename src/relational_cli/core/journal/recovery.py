"""The recovery folder: words that could not go where they were meant to (a reflection that
could not be saved, an edit that could not be applied, another window's draft) are kept here
whole, never deleted, until `relational recover` brings them back."""

from __future__ import annotations

from pathlib import Path

from relational_cli.core.journal.names import discreet
from relational_cli.core.journal.storage import Storage
from relational_cli.core.journal.walking import SEALED


def keep(storage: Storage, name: str, text: str) -> Path | None:
    """Keep `text` whole in `recovery/NAME.md` (or NAME-2.md…); None if even that fails."""
    suffix = SEALED if storage.locked else ".md"
    try:
        return storage.write_free(
            storage.recovery, kept_name(storage, name), suffix, lambda _: text
        )
    except OSError:
        return None


def move_in(storage: Storage, source: Path, name: str) -> Path:
    """Move `source` into the recovery folder as NAME (or NAME-2…), never over another file."""
    return storage.move_free(source, storage.recovery, name)


def listing(storage: Storage) -> list[Path]:
    """What the recovery folder holds, oldest first."""
    if not storage.recovery.is_dir():
        return []
    files = [p for p in storage.recovery.iterdir() if p.is_file() and not p.name.startswith(".")]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))


def kept_name(storage: Storage, name: str) -> str:
    """The name something kept in the recovery folder gets: its own, or when locked a
    random one (with no word of what it is)."""
    return f"kept-{discreet()}" if storage.locked else name
