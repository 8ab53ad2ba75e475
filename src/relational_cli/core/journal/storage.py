"""The one door to the files that hold a person's words: reflections, drafts, the recovery
folder, the trash, the index, and the documents written from them (plan, digest, backup).

Everything that reads or writes such a file comes through `Storage`; nothing else names the
folders they live in. Writes are atomic and private (0600 files in 0700 folders) and never
go over another file unless they mean to replace it; a name that is taken becomes the first
free one of `name-2`, `name-3`… (one scheme everywhere); the journal is walked in one way.
A locked journal turns this door into one that encrypts what it writes.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from relational_cli.core import atomic
from relational_cli.core.home import PRIVATE_FILE_MODE, Home

if TYPE_CHECKING:
    import sqlite3

FRONT_MATTER_READ = 4096
FRONT_MATTER_LIMIT = 65536
"""A file with no end to its front matter within this many bytes is not a reflection."""
INDEX = "index.sqlite3"


class Storage:
    """The files of one home that hold a person's words."""

    def __init__(self, home: Home) -> None:
        self.home = home
        self.journal = home.journal
        self.drafts = home.drafts
        self.recovery = home.recovery
        self.trash = home.trash
        self.index = home.cache / INDEX

    # Reading

    def read(self, path: Path) -> str:
        """The whole text of a file (UTF-8); `OSError` or `UnicodeDecodeError` if it cannot be."""
        return path.read_bytes().decode("utf-8")

    def read_head(self, path: Path) -> str:
        """The start of a reflection file, up to the end of its front matter (bounded: a huge
        or endless file, such as a link to a device, is read no further than the limit)."""
        with path.open("rb") as stream:
            head = stream.read(FRONT_MATTER_READ)
            if b"\n---" not in head[3:]:
                head += stream.read(FRONT_MATTER_LIMIT - len(head))
        return head.decode("utf-8", errors="strict")

    def holds(self, path: Path, text: str) -> bool:
        """Whether the file at `path` holds exactly `text`."""
        try:
            return self.read(path) == text
        except (OSError, UnicodeDecodeError):
            return False

    # Writing

    def folder(self, path: Path) -> Path:
        """`path`, a folder in the data folder, made private (0700) if it is not there yet."""
        return self.home.ensure(path)

    def write_new(self, path: Path, text: str) -> bool:
        """Create `path` holding `text`; False, and nothing written, if the name is taken."""
        return atomic.write_new(path, text)

    def write_free(
        self, folder: Path, stem: str, suffix: str, text_for: Callable[[str], str]
    ) -> Path:
        """A new file in `folder` under `stem` or the first free `stem-2`, `stem-3`…, holding
        `text_for(the stem it got)` (a reflection's text names its own id)."""
        self.folder(folder)
        return atomic.first_free(
            folder, stem, suffix, lambda target, name: self.write_new(target, text_for(name))
        )

    def replace(self, path: Path, text: str) -> None:
        """Put `text` at `path` whole, replacing what was there."""
        atomic.replace(path, text)

    def move_free(self, path: Path, folder: Path, name: str = "") -> Path:
        """Move `path` into `folder` under its own name (or `name`), or the first free
        `name-2`…, never over another file; where it went."""
        return atomic.move_free(path, self.folder(folder), name)

    def link_new(self, source: Path, target: Path) -> bool:
        """Put the file `source` (staged in the data folder) at `target` too, never over
        another file; False if `target` is taken."""
        self.folder(target.parent)
        return atomic.link_new(source, target)

    def remove(self, path: Path) -> None:
        """Delete a file for good (an emptied trash, a finished draft)."""
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

    def write_document(self, target: Path, text: str) -> None:
        """A document made from the person's words (a plan, a digest, a backup), written whole
        and private (0600) where they asked, or in the data folder (made if need be)."""
        if target.parent == self.home.root:
            self.folder(self.home.root)
        atomic.replace(target, text)

    def read_document(self, path: Path) -> bytes:
        """A document the person hands in (a backup), as it is on disk."""
        return path.read_bytes()

    def scratch(self, path: Path, text: str, prefix: str, suffix: str) -> Path:
        """A private copy of `text` beside `path`, for an editor to work on."""
        return atomic.write_temp(path.parent, text, prefix=prefix, suffix=suffix)

    def staging(self) -> Path:
        """A private folder in the data folder for files on their way in (a restore)."""
        staging = self.folder(self.home.root) / f".restoring-{os.getpid()}"
        staging.mkdir(mode=0o700)
        return staging

    def stage(self, staging: Path, text: str) -> Path:
        return atomic.write_temp(staging, text)

    # The journal's folders: `journal/YYYY/MM/*.md`, walked with plain names and `os.scandir`
    # (at 100,000 files, pathlib alone would cost more than the rest of a search).

    def month_folders(self, root: Path | None = None) -> Iterator[tuple[str, str]]:
        """("YYYY/MM", path) of every month folder of the journal (or of the trash), newest
        first."""
        for year in _numbered(str(root or self.journal)):
            for month in _numbered(year.path):
                yield f"{year.name}/{month.name}", month.path

    def reflection_files(self, folder: str) -> list[os.DirEntry[str]]:
        """The reflection files of one month folder (dot files left out)."""
        try:
            with os.scandir(folder) as entries:
                return [e for e in entries if e.name.endswith(".md") and e.name[0] != "."]
        except OSError:
            return []

    def files(self, root: Path | None = None) -> Iterator[Path]:
        """Every reflection file of the journal (or of the trash), newest first (names start
        with the time), found lazily: `latest` reads a single folder."""
        for _, folder in self.month_folders(root):
            names = [entry.name for entry in self.reflection_files(folder)]
            for name in sorted(names, key=in_time_order, reverse=True):
                yield Path(folder) / name

    def place_of(self, path: Path) -> str:
        """Where a reflection file is within the journal folder: `2026/11/….md`."""
        return path.relative_to(self.journal).as_posix()

    def in_trash(self, path: Path) -> Path:
        """The trash's folder for a reflection file of the journal (the same year and month)."""
        return self.trash / path.relative_to(self.journal).parent

    # Drafts and the recovery folder

    def draft_files(self) -> list[Path]:
        return sorted(self.drafts.glob("*.json")) if self.drafts.is_dir() else []

    def kept(self) -> list[Path]:
        """What the recovery folder holds, oldest first."""
        if not self.recovery.is_dir():
            return []
        files = [p for p in self.recovery.iterdir() if p.is_file() and not p.name.startswith(".")]
        return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))

    # The index

    def connect_index(self, timeout: float) -> sqlite3.Connection:
        """The index database, made private (0600) if it is new."""
        import sqlite3

        self.folder(self.index.parent)
        if not self.index.exists():
            os.close(os.open(self.index, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE))
        return sqlite3.connect(self.index, timeout=timeout)

    def forget_index(self) -> None:
        """Delete the index (damaged, or of another version): it is rebuilt from the files."""
        with contextlib.suppress(OSError):
            self.index.unlink()


def in_time_order(name: str) -> tuple[str, int, str]:
    """Sort key: the time in the name, then the `-2`, `-3`… a save in the same second gets."""
    stem = name.removesuffix(".md")
    suffix = re.search(r"-(\d+)$", stem)
    same_second = int(suffix.group(1)) if suffix and suffix.start() > 16 else 1
    return stem[:15], same_second, stem


def _numbered(folder: str) -> list[os.DirEntry[str]]:
    """Numbered (year or month) subfolders, highest first."""
    try:
        with os.scandir(folder) as entries:
            found = [e for e in entries if e.name.isdigit() and e.is_dir()]
    except OSError:
        return []
    return sorted(found, key=lambda e: e.name, reverse=True)
