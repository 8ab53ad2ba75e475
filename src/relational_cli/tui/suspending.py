"""Ctrl-Z and Ctrl-C in plain mode: suspend as any terminal program does, or pause, and keep
the half-typed line.

Plain mode reads whole lines with the terminal's own line editing, so the words typed so far
on a line are held by the terminal, not by us, and a suspension would throw them away (the
terminal empties its line on Ctrl-Z). While a line is read, the terminal is told to keep
them (`NOFLSH`); on Ctrl-Z they are taken out of its line (it gives them up once asked to
stop collecting lines), the terminal is put back as it was, and the program stops. On `fg`
the question is shown again with those words, and the next line read starts with them. On
Ctrl-C they are taken out of its line the same way, to be kept in the draft; and as the program
leaves after a pause, the terminal's input is emptied (`nothing_for_the_shell`), so keys typed
meanwhile are not left behind for the shell to run, or keep in its history.
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
    far are appended to `carried`, and on `fg` `again` is called with all of them. Ctrl-C
    appends them too, and empties the terminal's input, before it goes on up. Does nothing
    where there is no terminal or no job control."""
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
    except KeyboardInterrupt:  # Ctrl-C: the words on the line are the person's, not the shell's
        carried.append(_typed_so_far(fd, keeping))
        raise
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


def nothing_for_the_shell(stdin: TextIO) -> None:
    """Keys typed into the terminal and not read, dropped as the program leaves after a pause
    or the quick exit: the shell reading next would run them as a command, and keep them in
    its history."""
    with contextlib.suppress(ImportError, AttributeError, ValueError, OSError):
        import termios

        termios.tcflush(stdin.fileno(), termios.TCIFLUSH)
