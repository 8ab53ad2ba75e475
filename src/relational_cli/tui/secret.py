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
from typing import TextIO

from relational_cli.core.errors import QuickExit
from relational_cli.tui.suspending import NO_TERMINAL, TERMINAL_GONE

ENTER = ("\r", "\n")
BACKSPACE = ("\x7f", "\x08")
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
    typed: list[str] = []
    escape = ""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the terminal went away
            return None
        if not chunk:
            return "".join(typed) or None
        for key in decoder.decode(chunk):
            if escape:
                escape += key
                escape = "" if _escape_ends(escape) else escape
            elif key in ENTER:
                return "".join(typed) or None
            elif key == CTRL_Q:
                raise QuickExit()
            elif key == CTRL_C:
                raise KeyboardInterrupt
            elif key == CTRL_D and not typed:
                return None
            elif key in BACKSPACE:
                del typed[-1:]
            elif key == CTRL_U:
                typed.clear()
            elif key == CTRL_W:
                while typed and typed[-1] == " ":
                    typed.pop()
                while typed and typed[-1] != " ":
                    typed.pop()
            elif key == ESC:
                escape = key
            elif key >= " " or key == "\t":  # control keys not named above are passed over
                typed.append(key)


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
