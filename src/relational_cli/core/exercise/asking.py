"""What the exercise flow asks of a person's screen, and how a question can end without an
answer.

`Host` is what the flow in `flow` calls: the terminal (questionary) and plain-mode askers in
`tui/` are hosts; an answers file is a `session.Asker` only. A question ends without an answer
when the person goes back (`GoBack`) or pauses (`Paused`, a KeyboardInterrupt: Ctrl-C, Ctrl-D,
or the terminal going away); both carry what was typed but not yet sent, so it is kept.
"""

from __future__ import annotations

import errno
from collections.abc import Mapping, Sequence
from typing import Protocol

from relational_cli.core.exercise.session import Asker, Step
from relational_cli.core.journal.fileformat import Section, Value

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


class Host(Asker, Protocol):
    """A person at a screen, as the exercise flow talks to them."""

    current: Step | None
    """The question being asked, so a pause knows whose unsent words it holds."""
    cut: str
    """What follows words shortened to fit (an ellipsis on a screen; words in plain mode)."""

    def choose(
        self,
        options: list[str],
        default: str | None = None,
        message: str = "›",
        descriptions: dict[str, str] | None = None,
        groups: dict[str, str] | None = None,
    ) -> str:
        """One of `options`, picked by the person; `groups` names the heading each option is
        listed under (options of one group stand together)."""

    def heading(self, text: str) -> None: ...

    def paragraph(self, text: str) -> None: ...

    def hint(self, text: str) -> None: ...

    def blank(self) -> None: ...

    def warn(self, text: str) -> None:
        """Said aside (on stderr), so it is seen without getting in the way."""

    def summary(self, sections: Sequence[Section], notes: Mapping[str, str]) -> None:
        """Every answer, shortened, to look over before saving; a question with no answer
        that is not simply skipped has a note (by prompt id) saying what is there."""

    def unsent_text(self) -> Value | None:
        """Text typed into the question in flight but not sent (pairs: those so far)."""
