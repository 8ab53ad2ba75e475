"""Ctrl-Z in plain mode: suspend as any terminal program does, and keep the half-typed line.

Plain mode reads whole lines with the terminal's own line editing, so the words typed so far
on a line are held by the terminal, not by us, and a suspension would throw them away (the
terminal empties its line on Ctrl-Z). While a line is read, the terminal is told to keep
them (`NOFLSH`); on Ctrl-Z they are taken out of its line (it gives them up once asked to
stop collecting lines), the terminal is put back as it was, and the program stops. On `fg`
the question is shown again with those words, and the next line read starts with them.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from typing import Any, TextIO


@contextlib.contextmanager
def keeping_the_line(
    stdin: TextIO, carried: list[str], again: Callable[[str], None]
) -> Iterator[None]:
    """While one line is read from `stdin` (a terminal): Ctrl-Z suspends, the words typed so
    far are appended to `carried`, and on `fg` `again` is called with all of them. Does
    nothing where there is no terminal or no job control."""
    try:
        import termios

        fd = stdin.fileno()
        before = termios.tcgetattr(fd)
    except (ImportError, AttributeError, ValueError, OSError):  # not a terminal (or Windows)
        yield
        return
    keeping = list(before)
    keeping[3] |= termios.NOFLSH
    stop = getattr(signal, "SIGTSTP", None)

    def on_stop(signum: int, frame: Any) -> None:
        carried.append(_typed_so_far(fd, keeping))
        termios.tcsetattr(fd, termios.TCSANOW, before)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)  # stopped here, until `fg`
        signal.signal(signum, on_stop)
        termios.tcsetattr(fd, termios.TCSANOW, keeping)
        again("".join(carried))

    termios.tcsetattr(fd, termios.TCSANOW, keeping)
    previous = signal.signal(stop, on_stop) if stop is not None else None
    try:
        yield
    finally:
        if stop is not None:
            signal.signal(stop, previous)
        with contextlib.suppress(OSError):
            termios.tcsetattr(fd, termios.TCSANOW, before)


def _typed_so_far(fd: int, settings: list[Any]) -> str:
    """The words on the terminal's line not yet sent with Enter: readable at once when the
    terminal stops collecting lines (`ICANON` off, reads that never wait)."""
    import termios

    raw = list(settings)
    raw[3] &= ~termios.ICANON
    raw[6] = list(raw[6])
    raw[6][termios.VMIN], raw[6][termios.VTIME] = 0, 0
    termios.tcsetattr(fd, termios.TCSANOW, raw)
    typed = b""
    with contextlib.suppress(OSError):
        while chunk := os.read(fd, 4096):
            typed += chunk
    return typed.decode("utf-8", "replace")
