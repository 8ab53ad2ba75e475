"""The journal's folders as the index walks them: `journal/YYYY/MM/*.md`, with plain names and
`os.scandir` (at 100,000 files, pathlib alone would cost more than the rest of a search)."""

from __future__ import annotations

import os
from collections.abc import Iterator


def month_folders(folder: str) -> Iterator[tuple[str, str]]:
    """("YYYY/MM", path) of every month folder, where `Journal.files` looks."""
    for year in _numbered(folder):
        for month in _numbered(year.path):
            yield f"{year.name}/{month.name}", month.path


def reflection_files(folder: str) -> list[os.DirEntry[str]]:
    """The reflection files of one month folder (dot files left out)."""
    try:
        with os.scandir(folder) as entries:
            return [e for e in entries if e.name.endswith(".md") and e.name[0] != "."]
    except OSError:
        return []


def _numbered(folder: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return [e for e in entries if e.name.isdigit() and e.is_dir()]
    except OSError:
        return []


def recent_months(now_ns: int) -> set[str]:
    """This month's folder and last month's ("YYYY/MM"), by the local clock."""
    import time

    today = time.localtime(now_ns // 10**9)
    year, month = (today.tm_year, today.tm_mon - 1) if today.tm_mon > 1 else (today.tm_year - 1, 12)
    return {f"{today.tm_year:04d}/{today.tm_mon:02d}", f"{year:04d}/{month:02d}"}
