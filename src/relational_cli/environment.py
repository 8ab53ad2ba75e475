"""What relational knows of the world it runs in, built once in `main` and passed in.

The streams and whether they are terminals, the environment variables, the clock, the colour
choice and the data folder. Nothing deeper reads `sys.stdin.isatty()`, `os.environ` or
`datetime.now()`: tests hand in an `Environment` of their own.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TextIO

from relational_cli.core.home import Home


def _local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass
class Environment:
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    stdin_isatty: bool = False
    stdout_isatty: bool = False
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    clock: Callable[[], datetime] = _local_now
    """The time now, in local time with its UTC offset."""

    @classmethod
    def from_system(cls) -> Environment:
        for stream in (sys.stdout, sys.stderr):
            # A terminal that cannot show a character (PYTHONIOENCODING=ascii, an old locale)
            # gets it escaped (\xe9), never an error.
            with contextlib.suppress(AttributeError, ValueError):
                stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        return cls(
            stdin_isatty=_isatty(sys.stdin),
            stdout_isatty=_isatty(sys.stdout),
            environ=os.environ,
        )

    @cached_property
    def home(self) -> Home:
        return Home.from_environ(self.environ)

    @property
    def interactive(self) -> bool:
        """Whether a person is at a terminal to answer questions."""
        return self.stdin_isatty and self.stdout_isatty

    @property
    def colour(self) -> bool:
        """Colour unless NO_COLOR asks for none (https://no-color.org: any non-empty value)."""
        return not self.environ.get("NO_COLOR")

    def now(self) -> datetime:
        return self.clock()


def _isatty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False
