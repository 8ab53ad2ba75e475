"""Writing files so that a crash never leaves half of one, and nothing is ever overwritten by
accident: the text goes to a private temp file in the same folder, is flushed to disk, and is
then linked (new files) or renamed (replacements) into place. Every file is 0600.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

STALE_TEMP_SECONDS = 3600
TEMP_PREFIX = ".tmp-"
TEMP_SUFFIX = ".part"


def write_new(target: Path, text: str) -> bool:
    """Atomically create `target` holding `text`, 0600; False if the name is already taken."""
    folder = target.parent
    _sweep_stale_temps(folder)
    temp = write_temp(folder, text)
    try:
        os.link(temp, target)
    except FileExistsError:
        return False
    finally:
        os.unlink(temp)
    sync_folder(folder)
    return True


def replace(target: Path, text: str) -> None:
    """Atomically put `text` at `target` (0600), replacing what was there."""
    temp = write_temp(target.parent, text)
    try:
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    sync_folder(target.parent)


def write_temp(
    folder: Path, text: str, prefix: str = TEMP_PREFIX, suffix: str = TEMP_SUFFIX
) -> Path:
    """A new private file in `folder` holding `text`, flushed to disk."""
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
    for temp in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()


def sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def move_aside(path: Path, folder: Path) -> Path:
    """Move `path` into `folder` under its own name, or `name.2.ext`, `name.3.ext`… when that
    is taken (never over another file); where it went."""
    target = folder / path.name
    for attempt in range(2, 1000):
        if not target.exists():
            break
        target = folder / f"{path.stem}.{attempt}{path.suffix}"
    os.replace(path, target)
    sync_folder(path.parent)
    return target
