"""The journal's folders — `journal/YYYY/MM/*.md` (or `*.age`), and the trash laid out the same
— walked one way, with plain names and `os.scandir` (at 100,000 files, pathlib alone would cost
more than the rest of a search). Nothing here opens a file: that is the storage door's."""

from __future__ import annotations

import os
import re

TYPE_CHECKING = False  # (not typing's: a search's look ahead walks before typing is loaded)
if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

PLAIN, SEALED = ".md", ".age"
"""The suffix of a reflection file: plain Markdown, or an age file (a locked journal)."""


def month_folders(root: str | Path) -> Iterator[tuple[str, str]]:
    """("YYYY/MM", path) of every month folder under `root`, newest first."""
    for year in _numbered(str(root)):
        for month in _numbered(year.path):
            yield f"{year.name}/{month.name}", month.path


def reflection_files(folder: str) -> list[os.DirEntry[str]]:
    """The reflection files of one month folder."""
    try:
        with os.scandir(folder) as entries:
            return [entry for entry in entries if is_reflection(entry.name)]
    except OSError:
        return []


def reflection_names(folder: str) -> list[str]:
    """The names of the reflection files of one month folder, in the order the system lists
    them (OSError if it cannot): how the look ahead and the index both see a folder."""
    return [name for name in os.listdir(folder) if is_reflection(name)]


def is_reflection(name: str) -> bool:
    """Whether a file of a month folder is a reflection (by its name: dot files left out)."""
    return name.endswith((PLAIN, SEALED)) and name[0] != "."


def files(root: Path) -> Iterator[Path]:
    """Every reflection file under `root`, newest first (names start with the time), found
    lazily: `latest` reads a single folder."""
    from pathlib import Path  # (not imported above: `search.ahead` walks without it)

    for _, folder in month_folders(root):
        names = [entry.name for entry in reflection_files(folder)]
        for name in sorted(names, key=in_time_order, reverse=True):
            yield Path(folder) / name


def in_time_order(name: str) -> tuple[str, int, str]:
    """Sort key: the time in the name, then the `-2`, `-3`… a save in the same second gets."""
    stem = name.removesuffix(PLAIN).removesuffix(SEALED)
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
