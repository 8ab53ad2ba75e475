"""Opening a file that should hold a person's words, without waiting: only a regular file is
read. A pipe named like a reflection would hold a command still, waiting for a writer; a
device (a link to /dev/zero) would never end."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import BinaryIO


class NotAFile(OSError):
    """A pipe, a device or a socket where a file of a person's words would be: never read
    (a pipe would hold the command still, waiting for a writer)."""

    def __init__(self, path: Path) -> None:
        from relational_cli.messages.files import NOT_A_FILE

        super().__init__(errno.EINVAL, NOT_A_FILE, str(path))

    def __str__(self) -> str:
        return str(self.strerror)


def open_file(path: Path) -> BinaryIO:
    """`path` opened for reading, if it is a regular file (looked at without waiting); else
    `NotAFile`."""
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotAFile(path)
    return os.fdopen(fd, "rb")


def read_bytes(path: Path) -> bytes:
    """The whole of the regular file at `path` (`NotAFile` for anything else)."""
    with open_file(path) as stream:
        return stream.read()


def read_head(path: Path, first: int, limit: int, errors: str = "strict") -> str:
    """The start of the text of the regular file at `path`: `first` bytes, or up to `limit`
    when they hold no end of front matter (a line `---` after the first). It may end inside
    a character (é, €, an emoji): decoded as the start of a stream, a character the cut left
    unfinished is held back, never called damaged."""
    import codecs

    with open_file(path) as stream:
        head = stream.read(first)
        if b"\n---" not in head[3:]:
            head += stream.read(limit - len(head))
    return codecs.getincrementaldecoder("utf-8")(errors).decode(head, final=False)
