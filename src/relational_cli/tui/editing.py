"""Editing a saved reflection in the person's own editor, without losing a word.

The editor works on a private copy beside the reflection. Only a copy that still reads as a
reflection (same id) replaces the original, through the `Journal`; text left outside any answer
is kept in the file and pointed out. A copy that does not read is never thrown away: the person
can open it again, or it is kept in the recovery folder. The editor is given the file's path
only, never the words inside it.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from relational_cli import messages
from relational_cli.core import atomic
from relational_cli.core.errors import UserError
from relational_cli.core.journal import fileformat as markdown
from relational_cli.core.journal import recovery
from relational_cli.core.journal.journal import Journal

FALLBACK_EDITORS = ("editor", "nano", "vi")


@dataclass(frozen=True)
class Outcome:
    """What came of an edit: saved (with any stray lines), unchanged, or not readable."""

    saved: bool = False
    unchanged: bool = False
    stray: tuple[int, ...] = ()
    problem: str = ""


def edit(
    journal: Journal,
    path: Path,
    environ: Mapping[str, str],
    say: Callable[[str], None],
    try_again: Callable[[], bool] | None,
) -> None:
    """Edit the reflection at `path` until it is saved, unchanged, or kept aside. `try_again`
    asks whether to reopen a copy that does not read (None where nobody can be asked)."""
    copy = start(path)
    while True:
        try:
            open_in_editor(copy, environ)
        except UserError as failed:
            # An editor that failed is never applied, but what it wrote is never thrown away.
            kept = keep_aside(journal, path, copy)
            if kept is None:
                raise
            raise UserError(f"{failed.message}\n{messages.edit_copy_kept(kept)}") from None
        outcome = finish(journal, path, copy)
        if outcome.unchanged:
            say("No changes.")
            return
        if outcome.saved:
            say(f"Saved your changes to {path.stem}.")
            for line in outcome.stray:
                say(messages.stray_line(path, line))
            return
        say(f"relational: your edit does not read as a reflection: {outcome.problem}")
        try:
            again = try_again is not None and try_again()
        except KeyboardInterrupt:
            again = False
        if not again:
            kept = keep_aside(journal, path, copy) or copy
            raise UserError(f"{path.stem} is unchanged; {messages.edit_copy_kept(kept)}")


def editor_command(environ: Mapping[str, str]) -> list[str]:
    for variable in ("VISUAL", "EDITOR"):
        value = environ.get(variable, "").strip()
        if value:
            return shlex.split(value)
    for name in FALLBACK_EDITORS:
        found = shutil.which(name)
        if found:
            return [found]
    raise UserError("no editor found: set $EDITOR (for example `export EDITOR=nano`)")


def start(path: Path) -> Path:
    """A private copy of the reflection to edit, in its own folder (0600)."""
    text = path.read_text(encoding="utf-8")
    return atomic.write_temp(path.parent, text, prefix=".edit-", suffix=".md")


def open_in_editor(copy: Path, environ: Mapping[str, str]) -> None:
    command = editor_command(environ)
    try:
        result = subprocess.run([*command, str(copy)], check=False)
    except OSError as exc:
        raise UserError(f"could not start the editor `{command[0]}` ({exc.strerror})") from None
    if result.returncode != 0:
        raise UserError(
            f"the editor `{command[0]}` ended with an error; your reflection is unchanged"
        )


def finish(journal: Journal, original: Path, copy: Path) -> Outcome:
    """Put the edited copy in place if it reads as the same reflection; else say why."""
    before = original.read_text(encoding="utf-8")
    try:
        edited = copy.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return Outcome(problem="the edited file is no longer UTF-8 text")
    if edited == before:
        copy.unlink()
        return Outcome(unchanged=True)
    try:
        reflection = journal.replace(original, edited)
    except markdown.FormatError as exc:
        return Outcome(problem=str(exc))
    copy.unlink()
    return Outcome(saved=True, stray=reflection.stray)


def keep_aside(journal: Journal, original: Path, copy: Path) -> Path | None:
    """After an edit that will not be applied: drop a copy that changes nothing; keep any
    other copy whole in the recovery folder (or where it is, if that cannot be written).
    Returns where it is kept, or None when there was nothing to keep."""
    try:
        text = copy.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return copy
    if text == original.read_text(encoding="utf-8"):
        copy.unlink()
        return None
    kept = recovery.keep(journal.home, f"{original.stem}.edited", text)
    if kept is None:
        return copy
    copy.unlink()
    return kept
