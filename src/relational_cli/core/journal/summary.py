"""A reflection's summary — its front matter and where it lives — read from the start of its
file alone: what review, search, the index and the trash list."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

from relational_cli.core.journal import fileformat as markdown

BEHIND = 12 * 3600
"""The most a clock is behind UTC (UTC−12), in seconds: a file's name, which holds the clock
time it was written at, is at most this much earlier than the moment it was written."""

OUR_NAME = re.compile(r"\d{8}-\d{6}-")
"""How every reflection's file name starts: the time it was written."""
OUR_KEYS = re.compile(r"^(?:id|exercise)\s*:", re.M)
"""Front matter keys only a reflection has (notes kept beside them have title and tags too)."""

AHEAD = 60
"""How far (in seconds) a reflection may be dated after this computer's clock before it counts
as dated in the future: two clocks kept by the network differ by far less."""

CONFLICT = re.compile(r"\.sync-conflict-|conflicted copy|\(conflict", re.IGNORECASE)
"""A copy a sync tool made when two devices changed one file (Syncthing, Dropbox, Nextcloud)."""


class Summary(NamedTuple):
    """What review needs of a reflection: its front matter and where it lives."""

    id: str
    exercise: str
    created: str
    title: str
    tags: tuple[str, ...]
    path: Path
    conflict: bool = False
    """A copy a sync tool made when two devices changed the same reflection: listed as such,
    never hidden and never merged."""
    pack_version: int = 1
    """The version of the pack its questions came from."""

    @property
    def instant(self) -> float:
        """When it was written (`instant`); failing that, the time in the file's name."""
        return instant(self.created, name_clock(self.path.name) or 0.0)


class FutureDated(Exception):
    """A reflection dated after this computer's clock (a clock that was wrong, or another
    device's): listed by its date, but never taken as the latest."""

    def __init__(self, reflection_id: str, created: str) -> None:
        super().__init__(created)
        self.id = reflection_id
        self.created = created


def in_the_future(moment: float, now: float) -> bool:
    """Whether `moment` (seconds since 1970) is after the clock `now`, beyond `AHEAD`."""
    return moment > now + AHEAD


def instant(created: str, otherwise: float = 0.0) -> float:
    """When a reflection was written, in seconds since 1970 UTC, wherever it was written: its
    `created` time with its UTC offset (without one, as a hand edit may leave, read as UTC);
    `otherwise` for a time that cannot be read."""
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        return otherwise
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).timestamp()


def name_clock(name: str) -> float | None:
    """The clock time a file's name starts with (`20261125-101500-…`), read as if UTC."""
    stamp = name[:15]
    digits = stamp[:8] + stamp[9:]
    if len(digits) == 14 and stamp[8] == "-" and digits.isascii() and digits.isdigit():
        with contextlib.suppress(ValueError):  # as strptime reads it, without setting it up
            return datetime(  # (its first use costs a command a few milliseconds)
                int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]),
                int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:]), tzinfo=timezone.utc,
            ).timestamp()  # fmt: skip
    try:
        moment = datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return moment.replace(tzinfo=timezone.utc).timestamp()


def in_order_written(found: Iterable[Summary]) -> Iterator[Summary]:
    """`found`, given newest name first (as the journal's files are walked), newest written
    first: a reflection made in UTC+14 has a name later than one made after it in UTC−10.
    One is given out once a name more than `BEHIND` older than its moment is reached: no
    file still to come can have been written after it. So `latest` reads a day's files or
    so, not the journal."""
    waiting: list[tuple[float, str, Summary]] = []  # each with its moment, worked out once
    for summary in found:
        named = name_clock(summary.path.name)
        if named is not None and waiting:
            waiting.sort(key=_written)
            while waiting and waiting[-1][0] > named + BEHIND:
                yield waiting.pop()[2]
        waiting.append((summary.instant, summary.id, summary))
    yield from (summary for *_, summary in sorted(waiting, key=_written, reverse=True))


def _written(waiting: tuple[float, str, Summary]) -> tuple[float, str]:
    return waiting[0], waiting[1]


def ours(path: Path, head: str | None, read_head: Callable[[Path], str] | None = None) -> bool:
    """Whether a file in the journal folder is relational's, so that one it cannot read is
    worth naming: it has a reflection's file name (its time first), or front matter with a
    reflection's `id` or `exercise` (in `head`, the start of its text; read with `read_head`,
    as far as it can be, when not given). Anything else — notes of an Obsidian vault that is
    also the journal folder — is not, and is passed over without a word."""
    if OUR_NAME.match(path.name):
        return True
    if head is None and read_head is not None:
        try:
            head = read_head(path)
        except (OSError, UnicodeDecodeError):
            head = ""
    if not head or not head.startswith("---"):
        return False
    end = re.search(r"\n---\s*(\n|$)", head[3:])
    return OUR_KEYS.search(head[3 : 3 + end.start()] if end else head) is not None


def summary_of(path: Path, meta: Mapping[str, Any]) -> Summary:
    """The summary of the reflection at `path`, from its front matter (`meta`); a sync tool's
    conflict copy is listed under its file name, since its front matter names the reflection
    it is a copy of."""
    conflict = bool(CONFLICT.search(path.name))
    return Summary(
        path.stem if conflict else meta["id"],
        meta["exercise"],
        meta["created"],
        meta["title"],
        tuple(meta["tags"]),
        path,
        conflict,
        meta["pack_version"],
    )


def summary_from(head: str, path: Path) -> Summary:
    """The summary of the reflection file at `path`, from the start of its text (`head`, its
    front matter at least); raises `fileformat.FormatError` for a file that is not one."""
    return summary_of(path, markdown.parse_front_matter(head, str(path))[0])
