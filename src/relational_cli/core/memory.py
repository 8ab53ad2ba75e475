"""Folders in memory, for the one plain copy of a locked reflection an editor needs: a folder
counts only if the kernel says it is memory (tmpfs or ramfs, asked with statfs(2)), and the
copy goes in a private folder of its own (0700, owned by this user, never through a link).

Each editing run gets its own folder, held (an flock) while it runs: a folder no run holds
was left by one that was killed, and the next command sweeps it. Only Linux is asked: on
other systems (macOS has no memory folder a user can rely on) none counts, and editing a
locked reflection is refused rather than written to disk in the clear.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

TMPFS_MAGIC = 0x01021994
RAMFS_MAGIC = 0x858458F6
HELD = ".held"
"""In a run's folder: the file its run holds locked while it lasts."""


def is_memory(path: Path) -> bool:
    """Whether `path` is on a file system in memory (tmpfs, ramfs), as the kernel says."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    found = ctypes.create_string_buffer(256)  # struct statfs: f_type (a long) comes first
    if libc.statfs(os.fsencode(path), found) != 0:
        return False
    kind = ctypes.c_long.from_buffer(found).value & 0xFFFFFFFF
    return kind in (TMPFS_MAGIC, RAMFS_MAGIC)


def roots(environ: Mapping[str, str]) -> list[Path]:
    """Where a memory folder may be: `$XDG_RUNTIME_DIR`, then /dev/shm."""
    return [Path(root) for root in (environ.get("XDG_RUNTIME_DIR", ""), "/dev/shm") if root]


def private_folder(root: Path) -> Path | None:
    """This user's own folder in `root` (made 0700), if `root` is memory and the folder is
    truly this user's: a real folder (not a link), owned by them, open to nobody else."""
    if not root.is_dir() or not is_memory(root):
        return None
    folder = root / f"relational-{os.getuid()}"
    with contextlib.suppress(FileExistsError, PermissionError):
        folder.mkdir(mode=0o700)
    try:
        found = os.lstat(folder)
        if not os.path.isdir(folder) or os.path.islink(folder) or found.st_uid != os.getuid():
            return None
        os.chmod(folder, 0o700, follow_symlinks=False)
    except OSError:
        return None
    return folder if is_memory(folder) else None


def folder(environ: Mapping[str, str]) -> Path:
    """This person's private folder in memory, for the one plain copy an editor needs;
    `UserError` when there is none (nothing is ever written to disk instead)."""
    from relational_cli.core.errors import UserError
    from relational_cli.messages.lock import EDIT_NEEDS_MEMORY

    for root in roots(environ):
        found = private_folder(root)
        if found is not None:
            return found
    raise UserError(EDIT_NEEDS_MEMORY)


def tag(home: Path) -> str:
    """A part of each run's folder name that says which data folder it is of."""
    import hashlib

    return hashlib.sha256(os.fsencode(home)).hexdigest()[:12]


def start_run(folder: Path, home: Path) -> tuple[Path, int]:
    """A new folder for one editing run, and the descriptor that holds it while it runs."""
    import fcntl
    import tempfile

    run = Path(tempfile.mkdtemp(prefix=f"{tag(home)}-", dir=folder))
    held = os.open(run / HELD, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
    fcntl.flock(held, fcntl.LOCK_EX)
    return run, held


def end_run(run: Path, held: int) -> None:
    """The run's folder removed (what it held, gone with it)."""
    import shutil

    shutil.rmtree(run, ignore_errors=True)
    with contextlib.suppress(OSError):
        os.close(held)


def left_behind(environ: Mapping[str, str], home: Path) -> Iterator[Path]:
    """The folders of this data folder's runs that ended without removing them (killed)."""
    import fcntl

    for root in roots(environ):
        folder = root / f"relational-{os.getuid()}"
        try:
            names = os.listdir(folder)
        except OSError:  # none yet (or not a folder)
            continue
        if not names:
            continue  # nothing left: which are this data folder's need not be worked out
        mine = f"{tag(home)}-"
        for run in [folder / name for name in names if name.startswith(mine)]:
            try:
                held = os.open(run / HELD, os.O_RDONLY | os.O_CLOEXEC)
            except FileNotFoundError:
                yield run  # made, and killed before it was held
                continue
            except OSError:
                continue
            try:
                fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # another window's edit, under way
            finally:
                os.close(held)
            yield run
