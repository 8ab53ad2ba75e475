"""Writing files so that a crash never leaves half of one, and nothing is ever overwritten by
accident: the text goes to a private temp file in the same folder, is flushed to disk, and is
then linked (new files) or renamed (replacements) into place. Every file is 0600.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path

from relational_cli import messages

STALE_TEMP_SECONDS = 3600
TEMP_PREFIX = ".tmp-"
TEMP_SUFFIX = ".part"


Data = str | bytes
"""What a file holds: text (written as UTF-8), or bytes as they are (an encrypted file)."""


def write_new(target: Path, text: Data) -> bool:
    """Atomically create `target` holding `text`, 0600; False if the name is already taken."""
    folder = target.parent
    temp = write_temp(folder, text)
    _sweep_stale_temps(folder, os.stat(temp).st_mtime)
    try:
        os.link(temp, target)
    except FileExistsError:
        return False
    finally:
        os.unlink(temp)
    sync_folder(folder)
    return True


def put(target: Path, text: Data, over: bool, keep_mode: bool = False) -> None:
    """Put `text` at `target`: over what is there when `over` (keeping its mode, with
    `keep_mode`), else only as a new file, never over one (`FileExistsError` then)."""
    if over:
        replace(target, text, keep_mode)
    elif not write_new(target, text):
        raise FileExistsError(errno.EEXIST, messages.files.THERE_ALREADY, str(target))


def replace(target: Path, text: Data, keep_mode: bool = False) -> None:
    """Atomically put `text` at `target` (0600), replacing what was there; with `keep_mode`,
    a file that was there keeps its mode (a document the person chose to replace)."""
    temp = write_temp(target.parent, text)
    try:
        if keep_mode:
            with contextlib.suppress(FileNotFoundError):
                os.chmod(temp, os.stat(target).st_mode & 0o7777)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    sync_folder(target.parent)


def write_temp(
    folder: Path, text: Data, prefix: str = TEMP_PREFIX, suffix: str = TEMP_SUFFIX
) -> Path:
    """A new private file in `folder` holding `text`, flushed to disk."""
    import tempfile

    # mkstemp creates the file 0600 whatever the umask; the leading dot keeps it out of listings.
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
    return Path(name)


def _sweep_stale_temps(folder: Path, now: float) -> None:
    """Remove temp files a killed save left behind. Their text is never the only copy: the
    draft is discarded only after a save has landed. `now` is the time of a temp file just
    written there: the file system's own clock, which stamped the others too."""
    cutoff = now - STALE_TEMP_SECONDS
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


FREE_NAMES = 1000
"""How many names (`name`, `name-2`… `name-999`) are tried before a folder counts as full."""


def first_free(folder: Path, stem: str, suffix: str, put: Callable[[Path, str], bool]) -> Path:
    """The one scheme for a free name: the first of `stem`, `stem-2`, `stem-3`… (each with
    `suffix`) in `folder` that `put(target, name)` could create — it returns False when the
    name is taken, and creates nothing then."""
    for attempt in range(1, FREE_NAMES):
        name = stem if attempt == 1 else f"{stem}-{attempt}"
        target = folder / f"{name}{suffix}"
        if not target.exists() and put(target, name):
            return target
    raise FileExistsError(errno.EEXIST, messages.files.NO_FREE_NAME, str(folder))


def link_new(source: Path, target: Path) -> bool:
    """Give the file `source` the name `target` too, never over another file (False then)."""
    try:
        os.link(source, target)
    except FileExistsError:
        return False
    sync_folder(target.parent)
    return True


def move_free(path: Path, folder: Path, name: str = "") -> Path:
    """Move `path` into `folder` under its own name (or `name`), or the first free `name-2`…
    (never over another file); where it went."""
    stem, dot, suffix = (name or path.name).rpartition(".")
    stem, suffix = (stem, dot + suffix) if dot and stem else (name or path.name, "")
    target = first_free(folder, stem, suffix, lambda target, _: link_new(path, target))
    os.unlink(path)
    sync_folder(path.parent)
    return target
