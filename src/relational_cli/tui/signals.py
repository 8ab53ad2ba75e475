"""How a question ends other than with an answer: the person goes back, or pauses.

Both the asker and the card sort raise these; the exercise flow catches them.
"""

from __future__ import annotations

import errno

from relational_cli.core.journal.fileformat import Value

_TERMINAL_GONE = (errno.EIO, errno.ENXIO)


def terminal_gone(exc: BaseException) -> bool:
    """Whether `exc` says the terminal went away (its window closed) while it was in use."""
    return isinstance(exc, OSError) and exc.errno in _TERMINAL_GONE


class Paused(KeyboardInterrupt):
    """The person paused (or the terminal went away) in the middle of a question."""

    def __init__(self, unsent: Value | None) -> None:
        super().__init__()
        self.unsent = unsent
        """What was given to the question but not yet sent (typed text, a card sort so far),
        so it can be kept too."""


class GoBack(Exception):
    """Raised out of a question when the person presses the go-back key."""

    def __init__(self, unsent: Value | None = None) -> None:
        super().__init__()
        self.unsent = unsent
        """What was given to the question but not sent, kept for when they come back to it."""
