"""A secret (a passphrase) typed at the terminal: never shown, read a key at a time.

The terminal stops echoing *before* the prompt is shown (getpass's order), so nothing typed
the instant the prompt appears is ever on screen. Keys are read one at a time, as they come,
with the terminal's own line editing off: a pasted passphrase of any length is read whole (the
terminal's line holds only 4,095 bytes), Ctrl-Q — the quick exit — reaches us (flow control,
`ixon`, is off while asking), and the terminal's signals are ours to answer. Enter sends it;
Backspace takes back a character, Ctrl-W a word, Ctrl-U the whole line; Ctrl-C stops (as
everywhere); Ctrl-D on an empty line goes on without (as Enter alone does). Arrow keys and
other escape sequences are passed over. Where there is no terminal (a pipe, a test's stream),
one line is read instead.
"""

from __future__ import annotations

import codecs
import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO

from relational_cli.core.errors import QuickExit
from relational_cli.tui.suspending import NO_TERMINAL, TERMINAL_GONE

CTRL_C, CTRL_D, CTRL_Q, CTRL_U, CTRL_W, ESC = "\x03", "\x04", "\x11", "\x15", "\x17", "\x1b"


def read_secret(stdin: TextIO, stderr: TextIO, prompt: str) -> str | None:
    """The secret typed after `prompt` (shown on `stderr`), or None for Enter alone or the end
    of input. Ctrl-Q raises `QuickExit`, Ctrl-C `KeyboardInterrupt`; the terminal is put back
    as it was, and what was typed ahead is dropped, however it ends."""
    try:
        import termios

        fd = stdin.fileno()
        before = termios.tcgetattr(fd)
    except NO_TERMINAL:  # no terminal (Windows)
        return _line(stdin, stderr, prompt)
    quiet = list(before)
    quiet[0] &= ~(termios.IXON | termios.IXOFF)  # Ctrl-Q is ours, not flow control
    quiet[3] &= ~(termios.ECHO | termios.ICANON | termios.ISIG | termios.IEXTEN)
    quiet[6] = list(quiet[6])
    quiet[6][termios.VMIN], quiet[6][termios.VTIME] = 1, 0
    # Echo off first, dropping anything typed before the prompt (it may have been shown).
    try:
        termios.tcsetattr(fd, termios.TCSAFLUSH, quiet)
    except TERMINAL_GONE:  # the terminal went away: nobody to ask
        return None
    try:
        _say(stderr, prompt)
        return _keys(fd)
    finally:
        with contextlib.suppress(*TERMINAL_GONE):
            termios.tcsetattr(fd, termios.TCSAFLUSH, before)
        _say(stderr, "\n")  # the Enter that was not echoed


def _keys(fd: int) -> str | None:
    """Keys read from `fd` (a terminal without line editing or echo) until Enter."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    line = _Line()
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the terminal went away
            return None
        if not chunk:
            return line.secret()
        for key in decoder.decode(chunk):
            ended = line.press(key)
            if ended is not None:
                return ended.secret


@dataclass(frozen=True)
class _Ended:
    """The typing is over: `secret` is what it gave (None: nothing)."""

    secret: str | None


@dataclass
class _Line:
    """The secret being typed, and the escape sequence being passed over (if one is)."""

    typed: list[str] = field(default_factory=list)
    escape: str = ""

    def secret(self) -> str | None:
        return "".join(self.typed) or None

    def press(self, key: str) -> _Ended | None:
        """The `key` pressed: what it does (`KEYS`), else typed; `_Ended` when it ends."""
        if self.escape:
            self.escape += key
            self.escape = "" if _escape_ends(self.escape) else self.escape
            return None
        action = KEYS.get(key)
        if action is not None:
            return action(self)
        if key >= " " or key == "\t":  # control keys not named in KEYS are passed over
            self.typed.append(key)
        return None

    def enter(self) -> _Ended:
        return _Ended(self.secret())

    def quick_exit(self) -> None:
        raise QuickExit()

    def stop(self) -> None:
        raise KeyboardInterrupt

    def end_of_input(self) -> _Ended | None:
        """On an empty line, goes on without (as Enter alone does); else passed over."""
        return None if self.typed else _Ended(None)

    def back(self) -> None:
        del self.typed[-1:]

    def back_a_word(self) -> None:
        while self.typed and self.typed[-1] == " ":
            self.typed.pop()
        while self.typed and self.typed[-1] != " ":
            self.typed.pop()

    def clear(self) -> None:
        self.typed.clear()

    def begin_escape(self) -> None:
        self.escape = ESC


KEYS: dict[str, Callable[[_Line], _Ended | None]] = {
    "\r": _Line.enter,
    "\n": _Line.enter,
    CTRL_Q: _Line.quick_exit,
    CTRL_C: _Line.stop,
    CTRL_D: _Line.end_of_input,
    "\x7f": _Line.back,
    "\x08": _Line.back,
    CTRL_W: _Line.back_a_word,
    CTRL_U: _Line.clear,
    ESC: _Line.begin_escape,
}
"""What each key does while a secret is typed (any other key below a space is passed over)."""


def _escape_ends(sequence: str) -> bool:
    """Whether an escape sequence (an arrow key, a pasted block's bracket) is complete: ESC [
    parameters and a final letter or `~`, ESC O and one key, or ESC and one key (Alt)."""
    if len(sequence) < 2 or sequence in ("\x1b[", "\x1bO"):
        return False
    if sequence[1] == "[":
        return "@" <= sequence[-1] <= "~"
    return True


def _line(stdin: TextIO, stderr: TextIO, prompt: str) -> str | None:
    _say(stderr, prompt)
    line = stdin.readline()
    _say(stderr, "\n")
    if CTRL_Q in line:
        raise QuickExit()
    return line.rstrip("\r\n") or None


def _say(stderr: TextIO, text: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        stderr.write(text)
        stderr.flush()
