"""Sweeping what a killed command may have left in the clear, at the start of the next."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relational_cli.core.journal.storage import Storage


def sweep(self: Storage, environ: Mapping[str, str]) -> None:
    """What a killed command may have left in the clear: an editor's copy in memory (its
    words kept, encrypted, in the recovery folder first) and, in a locked journal, a
    plain temp file (`.part`; none is made while locked, but `unlock --permanently`
    stopped by a kill and then `lock --setup` leaves one)."""
    from relational_cli.core import memory

    for run in memory.left_behind(environ, self.home.root):
        for copy in run.glob("*.md"):
            with contextlib.suppress(OSError, UnicodeDecodeError):
                text = copy.read_text(encoding="utf-8")
                if not text.strip() or _keep_edit(self, text):
                    copy.unlink()
        if not list(run.glob("*.md")):
            import shutil

            shutil.rmtree(run, ignore_errors=True)
    if self.locked:
        _sweep_plain_temps(self)


def _keep_edit(self: Storage, text: str) -> bool:
    from relational_cli.core.journal import recovery

    return recovery.keep(self, text) is not None


def _sweep_plain_temps(self: Storage) -> None:
    from relational_cli.core.lock import cipher

    folders = [self.home.root, self.drafts, self.recovery, self.index.parent, self.home.lock]
    for root in (self.journal, self.trash):
        folders += [Path(where) for _, where in self.month_folders(root)]
    for folder in folders:
        for temp in self.temps(folder):
            with contextlib.suppress(OSError), temp.open("rb") as stream:
                if not cipher.is_age(stream.read(len(cipher.MAGIC))):
                    temp.unlink()
