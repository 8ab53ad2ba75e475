"""A line typed in plain mode: Ctrl-Z suspends as in any terminal program, Ctrl-C pauses, and
neither loses a word.

Plain mode reads whole lines with the terminal's own line editing, so the words typed so far
on a line are held by the terminal, not by us, and a suspension or an interruption would throw
them away (the terminal empties its line on Ctrl-Z and Ctrl-C). While a line is read, the
terminal is told to keep them (`NOFLSH`), and they are taken out of its line when needed (it
gives them up once asked to stop collecting lines). On Ctrl-Z the terminal is put back as it
was and the program stops; on `fg` the question is shown again with those words, and the line
goes on from them. On Ctrl-C they are handed up (`Interrupted`) to be kept in the draft. Ctrl-C
is taken as an event while waiting for the line, never as an exception in the middle of
reading one, so a line sent with Enter at the same moment is never lost. As the program leaves
after a pause, the terminal's input is emptied (`nothing_for_the_shell`), so keys typed
meanwhile are not left behind for the shell to run, or keep in its history.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable
from types import FrameType
from typing import Any, TextIO

try:
    import termios

    TERMINAL_GONE: tuple[type[Exception], ...] = (OSError, termios.error)
except ImportError:  # Windows: no terminal settings
    TERMINAL_GONE = (OSError,)
"""What a terminal's settings say when they cannot be had (termios.error is no OSError)."""
NO_TERMINAL: tuple[type[Exception], ...] = (ImportError, AttributeError, ValueError, *TERMINAL_GONE)
"""What says there is no terminal to set (a pipe, a test's stream, Windows)."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (or the end of input) while a line was typed: the words typed so far."""

    def __init__(self, typed: str) -> None:
        super().__init__()
        self.typed = typed


def read_line(stdin: TextIO, again: Callable[[str], None]) -> str:
    """One line typed on `stdin` (with its line ending; "" at the end of input). Ctrl-Z
    suspends, and on `fg` `again` is called with the words typed so far, which the line then
    starts with; Ctrl-C raises `Interrupted` with them. Where there is no terminal (or this is
    not the main thread), a plain `readline`."""
    try:
        import termios

        keep_typed_words(stdin)
        fd = stdin.fileno()
        before = termios.tcgetattr(fd)
        wake, woken = os.pipe()  # signals come in at `woken`, and are read from `wake`
    except NO_TERMINAL:  # no terminal (Windows)
        return stdin.readline()
    os.set_blocking(wake, False)
    os.set_blocking(woken, False)
    try:
        previous_wakeup = signal.set_wakeup_fd(woken)
    except ValueError:  # not the main thread
        os.close(wake)
        os.close(woken)
        return stdin.readline()
    line = _Line(fd, before, wake, again, getattr(stdin, "encoding", None) or "utf-8")
    stop = getattr(signal, "SIGTSTP", None)
    termios.tcsetattr(fd, termios.TCSANOW, line.keeping)
    previous_stop = signal.signal(stop, line.on_stop) if stop is not None else None
    previous_int = signal.signal(signal.SIGINT, lambda signum, frame: None)
    try:
        return line.read()
    finally:
        signal.signal(signal.SIGINT, previous_int)
        if stop is not None:
            signal.signal(stop, previous_stop)
        signal.set_wakeup_fd(previous_wakeup)
        os.close(wake)
        os.close(woken)
        with contextlib.suppress(*TERMINAL_GONE):
            termios.tcsetattr(fd, termios.TCSANOW, before)


class _Line:
    """A line being read from the terminal at `fd`, and the words typed on it so far that
    were taken off the terminal's line (`carried`: on Ctrl-Z, and as they are sent)."""

    def __init__(
        self, fd: int, before: list[Any], wake: int, again: Callable[[str], None], encoding: str
    ) -> None:
        self.fd, self.before, self.wake, self.again, self.encoding = (
            fd, before, wake, again, encoding
        )  # fmt: skip
        self.keeping = before
        """The terminal's settings while the line is read, which keep typed words on Ctrl-Z
        and Ctrl-C (see `keep_typed_words`)."""
        self.carried: list[str] = []

    def on_stop(self, signum: int, frame: FrameType | None) -> None:
        """Ctrl-Z: the words typed so far taken, the terminal put back as it was, and the
        program stopped; on `fg`, the question shown `again` with them."""
        import termios

        self.carried.append(_typed_so_far(self.fd, self.keeping, self.encoding))
        termios.tcsetattr(self.fd, termios.TCSANOW, self.before)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)  # stopped here, until `fg`
        signal.signal(signum, self.on_stop)
        termios.tcsetattr(self.fd, termios.TCSANOW, self.keeping)
        self.again("".join(self.carried))

    def interrupted(self) -> bool:
        """Whether Ctrl-C came (the signal's number, written to the pipe as it arrived)."""
        with contextlib.suppress(BlockingIOError):
            return bytes([signal.SIGINT]) in os.read(self.wake, 1024)
        return False

    def typed(self) -> str:
        """Every word typed on the line, sent or not."""
        return "".join(self.carried) + _typed_so_far(self.fd, self.keeping, self.encoding)

    def read(self) -> str:
        """The line, once sent (with its line ending; "" at the end of input)."""
        import select

        while True:
            ready = select.select([self.fd, self.wake], [], [])[0]
            if self.interrupted():
                raise Interrupted(self.typed())
            if self.fd in ready:
                sent = os.read(self.fd, 65536)
                if not sent and self.carried:  # the end of input, after words typed (Ctrl-D)
                    raise Interrupted("".join(self.carried))
                self.carried.append(sent.decode(self.encoding, "replace"))
                if self.interrupted():  # at the same moment: the line sent, and what follows it
                    raise Interrupted(self.typed())
                if not sent or sent.endswith(b"\n"):
                    return "".join(self.carried)
                # Ctrl-D in the middle of a line hands over what is typed: the line goes on


_KEPT: dict[int, list[Any]] = {}
"""Terminals told to keep typed words on Ctrl-C for the whole of a plain session, with their
settings before (put back by `as_it_was`)."""


def keep_typed_words(stdin: TextIO) -> None:
    """From now until `as_it_was`: the terminal keeps the words typed ahead when Ctrl-C comes
    between two lines read (`NOFLSH`), so that `typed_ahead` can keep them too."""
    try:
        import termios

        fd = stdin.fileno()
        if fd in _KEPT:
            return
        before = termios.tcgetattr(fd)
        keeping = list(before)
        keeping[3] |= termios.NOFLSH
        termios.tcsetattr(fd, termios.TCSANOW, keeping)
    except NO_TERMINAL:
        return
    _KEPT[fd] = before


def as_it_was() -> None:
    """The terminals `keep_typed_words` changed, put back as they were (as relational leaves)."""
    import termios

    while _KEPT:
        fd, before = _KEPT.popitem()
        with contextlib.suppress(*TERMINAL_GONE):
            termios.tcsetattr(fd, termios.TCSANOW, before)


def typed_ahead(stdin: TextIO) -> str:
    """Words typed on the terminal and not yet read (after Ctrl-C between two lines)."""
    try:
        import termios

        fd = stdin.fileno()
        settings = termios.tcgetattr(fd)
    except NO_TERMINAL:
        return ""
    try:
        return _typed_so_far(fd, settings, getattr(stdin, "encoding", None) or "utf-8")
    finally:
        with contextlib.suppress(*TERMINAL_GONE):
            termios.tcsetattr(fd, termios.TCSANOW, settings)


def _typed_so_far(fd: int, settings: list[Any], encoding: str) -> str:
    """The words on the terminal's line not yet sent with Enter: readable at once when the
    terminal stops collecting lines (`ICANON` off, reads that never wait)."""
    import termios

    raw = list(settings)
    raw[3] &= ~termios.ICANON
    raw[6] = list(raw[6])
    raw[6][termios.VMIN], raw[6][termios.VTIME] = 0, 0
    try:
        termios.tcsetattr(fd, termios.TCSANOW, raw)
    except TERMINAL_GONE:
        return ""
    typed = b""
    with contextlib.suppress(OSError):
        while chunk := os.read(fd, 4096):
            typed += chunk
    return typed.decode(encoding, "replace")


def nothing_for_the_shell(stdin: TextIO) -> None:
    """Keys typed into the terminal and not read, dropped as the program leaves after a pause
    or the quick exit: the shell reading next would run them as a command, and keep them in
    its history."""
    with contextlib.suppress(*NO_TERMINAL):
        import termios

        termios.tcflush(stdin.fileno(), termios.TCIFLUSH)
