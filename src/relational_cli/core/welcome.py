"""Whether the first-run welcome has been shown: a small marker file in the data folder.

A marker that is missing, damaged or unreadable means "not yet", so the welcome is shown
again rather than anything failing; a data folder that cannot be written simply shows it each
time.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime

from relational_cli.core import atomic
from relational_cli.core.home import Home

MARKER = "welcomed.json"


def welcomed(home: Home) -> bool:
    """Whether the welcome was shown on this data folder before."""
    try:
        data = json.loads((home.root / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and isinstance(data.get("welcomed"), str)


def remember(home: Home, now: datetime) -> None:
    """Note that the welcome was shown (quietly not, if the folder cannot be written)."""
    marker = {"welcomed": now.isoformat(timespec="seconds")}
    with contextlib.suppress(OSError):
        atomic.replace(home.ensure(home.root) / MARKER, json.dumps(marker) + "\n")


@dataclass(frozen=True)
class Welcome:
    """The welcome, asked for again (`relational about`)."""
