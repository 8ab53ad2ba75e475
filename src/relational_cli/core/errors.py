"""Exit codes, and the exception for mistakes a person can fix: one line, never a traceback."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from relational_cli import messages


class ExitCode(IntEnum):
    """What `relational` exits with (documented in docs/guide.md, "For tools and scripts")."""

    OK = 0
    ERROR = 1
    """Something the person can fix (a name, a file, a folder), or a failure said in one line."""
    USAGE = 2
    """The command line itself is wrong: an unknown option, a missing argument."""
    PAUSED = 130
    """An exercise was paused (Ctrl-C, a closed terminal); its answers are kept as a draft."""


class QuickExit(BaseException):
    """The person pressed the quick-exit key (Ctrl-Q; `hide` in plain mode): the screen was
    cleared, what they gave is kept as a draft, and the command ends at once, saying nothing
    (exit code 130, as a pause). Not a KeyboardInterrupt, so that no handler that takes
    Ctrl-C as "not now" (or Click's, which says a line) can catch it on the way out."""

    def __init__(self, unsent: object = None) -> None:
        super().__init__()
        self.unsent = unsent
        """What was given to the question but not yet sent, to keep in the draft (the flow
        above knows its shape: `drafts.Unsent`)."""


class OutputRefused(OSError):
    """Standard output would not take what was written (`> /dev/full`, a disk full): told
    apart from a file of the journal that could not be written, which names itself. Still an
    OSError, for the places that go on when a terminal has gone."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.errno, error.strerror)
        self.error = error


class UserError(Exception):
    """A problem with what the person gave us (a name, a file, a folder), worded for them."""

    def __init__(
        self, message: str, exit_code: int = ExitCode.ERROR, output: str = "", prefix: bool = True
    ) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.prefix = prefix
        """Whether each line starts `relational: `; lines that name their own place, as a
        pack's problems do (`file:line:column: …`), are said as they are."""
        self.output = output
        """Printed on stdout before the message: words that could not be kept anywhere else,
        so the person can copy them."""


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest of `known`, or '' when none is close."""
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return messages.general.DID_YOU_MEAN.format(close[0]) if close else ""


class CannotOpen(UnicodeDecodeError):
    """A locked file this journal's key cannot open: damaged (cut short, changed), not an age
    file at all, or locked with another key. Read as a file that is not text, so every place
    that passes over one of those passes over this too, and says so in the same way."""

    def __init__(self, data: bytes) -> None:
        super().__init__("age", data[:1], 0, 1, messages.general.CANNOT_BE_OPENED)

    def __str__(self) -> str:
        from relational_cli.messages.journal import CANNOT_OPEN

        return CANNOT_OPEN
