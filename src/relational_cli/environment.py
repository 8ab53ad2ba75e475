"""What relational knows of the world it runs in, built once in `main` and passed in.

The streams and whether they are terminals, the environment variables, the clock, the colour
choice and the data folder. Nothing deeper reads `sys.stdin.isatty()`, `os.environ` or
`datetime.now()`: tests hand in an `Environment` of their own.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, TextIO, cast

from relational_cli.core.errors import OutputRefused
from relational_cli.core.home import Home

if TYPE_CHECKING:
    from relational_cli.core.journal.journal import Journal
    from relational_cli.core.journal.storage import Storage
    from relational_cli.core.lock.keys import Keys, Passphrases


def _local_now() -> datetime:
    return datetime.now().astimezone()


ZONE_FOLDERS = (
    "/usr/share/zoneinfo",
    "/usr/lib/zoneinfo",
    "/usr/share/lib/zoneinfo",
    "/etc/zoneinfo",
)
"""Where the C library (and Python's zoneinfo) look for a zone named in `TZ`."""
POSIX_ZONE = re.compile(r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)[+-]?\d{1,2}(?::\d{1,2}){0,2}")
"""A zone spelt out as POSIX has it (`EST5EDT`, `<+0530>-5:30`): a name and an offset."""


def settle_zone(environ: Mapping[str, str]) -> str | None:
    """Make sure the process has a time zone it can work in. A `TZ` whose offset is a day or
    more (`UTC+24`) cannot give a local time at all: the computer's own zone is used instead
    (or UTC, if that fails too). One that names no zone (`garbage`) is read as UTC by the C
    library. Either way, the words that say so (or None for a zone that is fine)."""
    from relational_cli.messages.general import bad_zone

    zone = os.environ.get("TZ", "")
    if not zone:
        return None
    try:
        datetime.now().astimezone()
    except (ValueError, OverflowError):
        del os.environ["TZ"]  # the C library's zone is the process's: it reads this
        time.tzset()
        try:
            datetime.now().astimezone()
        except (ValueError, OverflowError):
            os.environ["TZ"] = "UTC"
            time.tzset()
            return bad_zone(zone, own=False)
        return bad_zone(zone, own=True)
    return None if _known_zone(zone, environ) else bad_zone(zone, own=False)


def _known_zone(zone: str, environ: Mapping[str, str]) -> bool:
    """Whether the C library can read `TZ=zone`: a zone file, or a zone spelt out."""
    name = zone.removeprefix(":")
    if POSIX_ZONE.match(name):
        return True
    folders = (environ.get("TZDIR", ""), *ZONE_FOLDERS)
    if name.startswith("/"):
        return os.path.isfile(name)
    return ".." not in name and any(
        folder and os.path.isfile(os.path.join(folder, name)) for folder in folders
    )


class Environment:
    """The streams and whether each is a terminal, the environment variables, the clock, and
    what the command line set. A plain class, not a dataclass: every command makes one as it
    starts, where dataclasses cost a read a quarter of its time (docs/developing.md, Records)."""

    def __init__(
        self,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
        stdin_isatty: bool = False,
        stdout_isatty: bool = False,
        stderr_isatty: bool = False,
        environ: Mapping[str, str] | None = None,
        clock: Callable[[], datetime] = _local_now,
        no_colour: bool = False,
        plain_asked: bool = False,
        passphrase_command: str = "",
        passphrases: Callable[[], Passphrases | None] | None = None,
    ) -> None:
        self.stdin: TextIO = sys.stdin if stdin is None else stdin
        self.stdout: TextIO = sys.stdout if stdout is None else stdout
        self.stderr: TextIO = sys.stderr if stderr is None else stderr
        self.stdin_isatty = stdin_isatty
        self.stdout_isatty = stdout_isatty
        self.stderr_isatty = stderr_isatty
        self.environ: Mapping[str, str] = dict(os.environ) if environ is None else environ
        self.clock = clock
        """The time now, in local time with its UTC offset."""
        self.no_colour = no_colour
        """`--no-color` was given."""
        self.plain_asked = plain_asked
        """`--plain` was given."""
        self.passphrase_command = passphrase_command
        """`--passphrase-command`: prints the passphrase of a locked journal."""
        self.passphrases = passphrases
        """Gives where a locked journal's passphrase comes from (`cli/passphrase.py`), when it
        can be asked for at all; called only when it is needed."""

    @classmethod
    def from_system(cls) -> Environment:
        for stream in (sys.stdout, sys.stderr):
            # A terminal that cannot show a character (PYTHONIOENCODING=ascii, an old locale)
            # gets it escaped (\xe9), never an error.
            with contextlib.suppress(AttributeError, ValueError):
                stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        sys.stdout = Output.around(sys.stdout)  # Typer's help writes here too
        return cls(
            stdin_isatty=_isatty(sys.stdin),
            stdout_isatty=_isatty(sys.stdout),
            stderr_isatty=_isatty(sys.stderr),
            environ=os.environ,
        )

    @cached_property
    def home(self) -> Home:
        return Home.from_environ(self.environ)

    @cached_property
    def region(self) -> str | None:
        """Where the person is, for support lines: RELATIONAL_REGION, the region they saved
        (`relational support --region`), else their locale's."""
        from relational_cli.core.support import region_of

        return region_of(self.environ, self.home.config)

    @cached_property
    def storage(self) -> Storage:
        """The one door to the person's words, able to ask for the passphrase of a locked
        journal the way this command can (one per command, so it is asked once)."""
        from relational_cli.core.journal.storage import Storage

        def keys() -> Keys:
            from relational_cli.core.lock.keys import Keys

            return Keys(self.home, self.environ, self.passphrases, self.tell, self.clock)

        return Storage(self.home, keys, self.environ)  # the lock loaded only if it is needed

    def journal(self) -> Journal:
        """The journal, read and written through this command's storage, with its index."""
        from relational_cli.core.search.indexed import open_journal

        return open_journal(self.home, self.clock, self.storage)

    @property
    def interactive(self) -> bool:
        """Whether a person is at a terminal to answer questions."""
        return self.stdin_isatty and self.stdout_isatty

    @property
    def colour(self) -> bool:
        """Colour unless `--no-color`, NO_COLOR (https://no-color.org: any non-empty value)
        or plain mode asks for none."""
        return not (self.no_colour or self.environ.get("NO_COLOR") or self.plain)

    @property
    def plain(self) -> bool:
        """Plain mode, for screen readers and braille displays: questions as plain lines,
        answered by typing, with no colour, redraws or cursor movement. Asked for with
        `--plain` or RELATIONAL_PLAIN=1, and taken on a terminal that says it is dumb."""
        asked = self.environ.get("RELATIONAL_PLAIN", "").strip().lower()
        return (
            self.plain_asked
            or asked not in ("", "0", "no", "false", "off")
            or self.environ.get("TERM") == "dumb"
        )

    def without_colour(self) -> None:
        """`--no-color`: no colour here, nor in prompt_toolkit (which draws the menus and reads
        NO_COLOR itself) when this is the process's own environment."""
        self.no_colour = True
        if self.environ is os.environ:
            os.environ["NO_COLOR"] = "1"

    def now(self) -> datetime:
        return self.clock()

    def tell(self, message: str) -> None:
        """A line on stderr from deep inside (the lock found damaged, and mended)."""
        print(message, file=self.stderr)


class Output:
    """Standard output, which says when it will not take what is written (`OutputRefused`),
    and otherwise is the stream it wraps."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    @classmethod
    def around(cls, stream: TextIO) -> TextIO:
        if stream is None or isinstance(stream, Output):  # closed (`>&-`), or wrapped already
            return stream
        return cast(TextIO, cls(stream))

    def write(self, text: str) -> int:
        with _refused():
            return self._stream.write(text)

    def flush(self) -> None:
        with _refused():
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _refused() -> Iterator[None]:
    """An OSError from standard output, as `OutputRefused`; a reader that went away
    (BrokenPipeError) is not a failure to tell."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputRefused(exc) from exc


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False
