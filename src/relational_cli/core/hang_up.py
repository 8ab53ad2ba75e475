"""A closed terminal (SIGHUP) or a polite kill (SIGTERM) taken as Ctrl-C, so that what a
person typed is kept before the command stops."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType

SIGNALS = (signal.SIGHUP, signal.SIGTERM)


@contextlib.contextmanager
def as_interrupt() -> Iterator[None]:
    """While the block runs, a hang-up or a polite kill raises KeyboardInterrupt. Once the
    block is left by any exception, later ones are ignored, so they cannot cut short the
    keeping of a person's words that follows."""

    def interrupt(signum: int, frame: FrameType | None) -> None:
        for sig in SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, interrupt) for sig in SIGNALS}
    try:
        yield
    except BaseException:
        for sig in SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        raise
    for sig, handler in previous.items():
        signal.signal(sig, handler)
