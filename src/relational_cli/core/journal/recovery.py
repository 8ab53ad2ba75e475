"""The recovery folder: words that could not go where they were meant to (a reflection that
could not be saved, an edit that could not be applied) are kept here whole, never deleted."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from relational_cli.core import atomic
from relational_cli.core.home import Home


def keep(home: Home, name: str, text: str) -> Path | None:
    """Keep `text` whole in `recovery/NAME.md` (or NAME-2.md…); None if even that fails."""
    try:
        return _first_free(home, f"{name}.md", lambda target: atomic.write_new(target, text))
    except OSError:
        return None


def move_in(home: Home, source: Path, name: str) -> Path:
    """Move `source` into the recovery folder as NAME (or NAME-2…), never over another file."""

    def link(target: Path) -> bool:
        try:
            os.link(source, target)
        except FileExistsError:
            return False
        return True

    kept = _first_free(home, name, link)
    os.unlink(source)
    return kept


def _first_free(home: Home, name: str, put: Callable[[Path], bool]) -> Path:
    """The first of NAME, NAME-2, NAME-3… in the recovery folder that `put` could create
    (it returns False when the name is taken)."""
    folder = home.ensure(home.recovery)
    stem, dot, suffix = name.rpartition(".")
    for attempt in range(1, 1000):
        target = folder / (name if attempt == 1 else f"{stem}-{attempt}{dot}{suffix}")
        if put(target):
            return target
    raise OSError(errno.EEXIST, "no free name in the recovery folder", str(folder))


def listing(home: Home) -> list[Path]:
    """What the recovery folder holds, oldest first."""
    folder = home.recovery
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))
