"""What changed in the journal folder since the index last looked (see `index.py`).

Each month folder is recorded as last seen (`tables.FOLDERS`): its own modification time, the
names of its files, and each one's modification time and size. A folder whose own time is
unchanged has had no file added, removed or replaced (unless its time was put back), so it
most likely holds the files recorded: it is listed and its files looked at, and compared with
the record all at once (`as_seen`), which also sees a file edited in place (that changes only
its own time); above `EVERY_FILE`, only this month's and last month's are (the others by the
folder's time alone). A folder that changed is compared file by file with the reflections
indexed. Where a look was taken ahead, while the command started (`ahead.py`), a folder it saw
as recorded is not looked at again (`same`).

A folder or file changed within `SETTLED` of the look may change again within the same clock
tick and leave the same time (git's "racily clean" files): such a folder is recorded as
unsettled and compared file by file again next time, and such a file is indexed with no time,
so it is read again.
"""

from __future__ import annotations

import os
from array import array
from pathlib import Path
from typing import TYPE_CHECKING

from relational_cli.core.journal.walking import reflection_names
from relational_cli.core.search.ahead import Glance, digest, stats_of
from relational_cli.core.search.tables import FOLDERS

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable

    from relational_cli.core.journal.storage import Storage

SETTLED = 2 * 10**9
"""A folder or file changed this near the look (in nanoseconds; a FAT clock ticks every two
seconds) may change again within the same clock tick unseen: it is compared again next time."""

Seen = tuple[int, str, bytes]
"""A month folder as last seen: its time (-1: unsettled), its files' names joined by "/"
(which no name holds), and each one's time and size packed (`ahead.stats_of`)."""


class Look:
    """What one look through the journal folder found to bring into the index."""

    def __init__(self) -> None:
        self.gone: list[str] = []
        """Files indexed that are there no more (paths within the journal folder)."""
        self.changed: list[tuple[Path, os.stat_result]] = []
        """Files new or changed, to be read."""
        self.folders: list[tuple[str, int, str, bytes]] = []
        """Month folders to record as seen: the name ("YYYY/MM") and its `Seen`."""
        self.vanished: list[str] = []
        """Month folders gone whole."""
        self.not_text: list[Path] = []
        """Files whose names are not text (bytes of another encoding, which Python carries as
        surrogates): the index cannot keep them, and names them at each look."""

    def __bool__(self) -> bool:
        return bool(self.gone or self.changed or self.folders or self.vanished)


def look(
    db: sqlite3.Connection,
    storage: Storage,
    now: int,
    every: bool,
    ahead: Callable[[str], Glance | None],
) -> Look:
    """What changed in the journal folder since the last look, at `now` (nanoseconds). With
    `every`, every month folder is looked at; else only the folders that changed and this
    month's and last month's (where a file edited in place is most likely): at 100,000
    files, one `stat` each would cost more than the rest of a search. `ahead` gives a folder
    as a look taken since the command began saw it, if it has (`search/ahead.py`, which looks
    newest first: so the folders are compared here oldest first, to meet it)."""
    found = Look()
    seen: dict[str, Seen] = {
        name: (mtime, files, stats) for name, mtime, files, stats in db.execute(FOLDERS)
    }
    recent = recent_months(now)
    for name, where in reversed(list(storage.month_folders())):
        was = seen.pop(name, None)
        files_too = every or name in recent
        glance = ahead(name)
        if glance is not None and same(was, glance, files_too):
            continue  # as the look ahead saw it, after this command began
        try:
            mtime = os.stat(where).st_mtime_ns  # before listing: a later change shows
        except OSError:
            continue
        if glance is not None or not as_seen(where, mtime, was, files_too):
            _compare(db, storage, (name, where), (mtime, now), was, found)
    for name in seen:  # a whole month folder gone
        found.vanished.append(name)
        found.gone += [f"{name}/{file}" for file in known(db, name)]
    return found


def _compare(
    db: sqlite3.Connection,
    storage: Storage,
    folder: tuple[str, str],
    times: tuple[int, int],
    was: Seen | None,
    found: Look,
) -> None:
    """Compare a month folder's files, one by one, with the reflections indexed from it, and
    record what it holds (unsettled if it or a file in it changed too near now)."""
    name, where = folder
    mtime, now = times
    indexed = known(db, name)
    files: list[str] = []
    stats = array("q")
    recent = not settled(mtime, now)
    for entry in storage.reflection_files(where):
        if not is_text(entry.name):
            found.not_text.append(Path(entry.path))
            recent = True  # its folder compared file by file at every look: named every time
            continue
        try:
            stat = entry.stat()
        except OSError:
            continue
        files.append(entry.name)
        stats += array("q", (stat.st_mtime_ns, stat.st_size))
        recent = recent or not settled(stat.st_mtime_ns, now)
        if indexed.pop(entry.name, None) != (stat.st_mtime_ns, stat.st_size):
            found.changed.append((Path(entry.path), stat))
    found.gone += [f"{name}/{file}" for file in indexed]
    now_seen = (-1 if recent else mtime, "/".join(files), stats.tobytes())
    if now_seen != was:  # recorded only when it changed: nothing to write, no commit
        found.folders.append((name, *now_seen))


def is_text(name: str) -> bool:
    """Whether a file's name is text the index can keep (UTF-8, as every name relational
    gives is; a name in Latin-1, say, is carried by Python as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def known(db: sqlite3.Connection, folder: str) -> dict[str, tuple[int, int]]:
    """(mtime, size) by file name of the files indexed in one month folder: reflections,
    and files that could not be read as one."""
    rows = db.execute(
        "SELECT path, mtime, size FROM reflections WHERE path > ?1 AND path < ?2"
        " UNION ALL SELECT path, mtime, size FROM damaged WHERE path > ?1 AND path < ?2",
        (folder + "/", folder + "0"),  # "0" follows "/": every path in the folder
    )
    return {path.rpartition("/")[2]: (mtime, size) for path, mtime, size in rows}


def settled(mtime: int, now: int) -> bool:
    """Whether a change at `mtime` is far enough from `now` (both in nanoseconds) that another
    in the same clock tick, leaving the same time, cannot follow unseen. (A time far ahead is
    settled too: a change now would set it to now.)"""
    return abs(now - mtime) > SETTLED


def same(was: Seen | None, now: Glance, files_too: bool) -> bool:
    """Whether a month folder as the look ahead saw it (`now`) is as last recorded (`was`):
    its own time the same and, with `files_too`, each file's name, time and size."""
    return was is not None and was[0] == now[0] and (not files_too or digest(*was[1:]) == now[1])


def as_seen(where: str, mtime: int, was: Seen | None, look: bool) -> bool:
    """Whether the month folder `where`, its own time now `mtime`, is as last seen (`was`):
    no file added, removed or replaced (its time unchanged) and, if asked to `look`, the
    same files (listed: a file added with the folder's time put back) and none edited in
    place (each file's time and size unchanged), as the look ahead checks a folder."""
    if was is None or was[0] != mtime:
        return False
    if not look:
        return True
    try:
        files = reflection_names(where)
    except OSError:
        return False
    return "/".join(files) == was[1] and stats_of(where, was[1]) == was[2]


def recent_months(now_ns: int) -> set[str]:
    """This month's folder and last month's ("YYYY/MM"), by the local clock: where a file
    edited in place is most likely."""
    import time

    today = time.localtime(now_ns // 10**9)
    year, month = (today.tm_year, today.tm_mon - 1) if today.tm_mon > 1 else (today.tm_year - 1, 12)
    return {f"{today.tm_year:04d}/{today.tm_mon:02d}", f"{year:04d}/{month:02d}"}
