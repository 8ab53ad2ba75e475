"""The recovery folder: words that could not go where they were meant to (a reflection that
could not be saved, an edit that could not be applied) are kept here whole, never deleted."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from relational_cli.core import atomic
from relational_cli.core.home import Home


def keep(home: Home, name: str, text: str) -> Path | None:
    """Keep `text` whole in `recovery/NAME.md` (or NAME-2.md…); None if even that fails."""
    try:
        folder = home.ensure(home.recovery)
        for attempt in range(1, 100):
            target = folder / (f"{name}.md" if attempt == 1 else f"{name}-{attempt}.md")
            if atomic.write_new(target, text):
                return target
    except OSError:
        return None
    return None


def move_in(home: Home, source: Path, name: str) -> Path:
    """Move `source` into the recovery folder as NAME (or NAME-2…), never over another file."""
    folder = home.ensure(home.recovery)
    stem, dot, suffix = name.rpartition(".")
    for attempt in range(1, 1000):
        target = folder / (name if attempt == 1 else f"{stem}-{attempt}{dot}{suffix}")
        try:
            os.link(source, target)
        except FileExistsError:
            continue
        os.unlink(source)
        return target
    raise OSError(errno.EEXIST, "no free name in the recovery folder", str(folder))


def listing(home: Home) -> list[Path]:
    """What the recovery folder holds, oldest first."""
    folder = home.recovery
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))
