"""The recovery folder: words that could not go where they were meant to (a reflection that
could not be saved, an edit that could not be applied) are kept here whole, never deleted."""

from __future__ import annotations

from pathlib import Path

from relational_cli.core import atomic
from relational_cli.core.home import Home


def keep(home: Home, name: str, text: str) -> Path | None:
    """Keep `text` whole in `recovery/NAME.md` (or NAME-2.md…); None if even that fails."""
    try:
        folder = home.ensure(home.recovery)
        for attempt in range(1, 100):
            target = folder / (f"{name}.md" if attempt == 1 else f"{name}-{attempt}.md")
            if atomic.write_new(target, text):
                return target
    except OSError:
        return None
    return None
