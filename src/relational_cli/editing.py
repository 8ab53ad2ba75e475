"""Editing a saved reflection in the person's own editor, without losing a word.

The editor works on a private copy beside the reflection. Only a copy that still reads as a
reflection (same id) replaces the original, atomically; text left outside any answer is kept
in the file and pointed out. A copy that does not read is never thrown away: the person can
open it again, or it is kept in the recovery folder. The editor is given the file's path
only, never the words inside it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from relational_cli import journal, markdown
from relational_cli.errors import UserError

FALLBACK_EDITORS = ("editor", "nano", "vi")


@dataclass(frozen=True)
class Outcome:
    """What came of an edit: saved (with any stray lines), unchanged, or not readable."""

    saved: bool = False
    unchanged: bool = False
    stray: tuple[int, ...] = ()
    problem: str = ""


def editor_command() -> list[str]:
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            return shlex.split(value)
    for name in FALLBACK_EDITORS:
        found = shutil.which(name)
        if found:
            return [found]
    raise UserError("no editor found: set $EDITOR (for example `export EDITOR=nano`)")


def start(path: Path) -> Path:
    """A private copy of the reflection to edit, in its own folder (0600)."""
    return journal.private_copy(path, path.read_text(encoding="utf-8"), suffix=".md")


def open_in_editor(copy: Path) -> None:
    command = editor_command()
    try:
        result = subprocess.run([*command, str(copy)], check=False)
    except OSError as exc:
        raise UserError(f"could not start the editor `{command[0]}` ({exc.strerror})") from None
    if result.returncode != 0:
        raise UserError(
            f"the editor `{command[0]}` ended with an error; your reflection is unchanged"
        )


def finish(original: Path, copy: Path) -> Outcome:
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
        reflection = markdown.parse(edited, original.name)
    except markdown.FormatError as exc:
        return Outcome(problem=str(exc))
    if reflection.id != original.stem:
        return Outcome(problem=f"the id in the front matter must stay {original.stem}")
    journal.replace(original, edited)
    copy.unlink()
    return Outcome(saved=True, stray=reflection.stray)


def keep_aside(original: Path, copy: Path) -> Path | None:
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
    kept = journal.keep_in_recovery(f"{original.stem}.edited", text)
    if kept is None:
        return copy
    copy.unlink()
    return kept
