"""Editing a saved reflection in the person's own editor, without losing a word.

The editor works on a private copy beside the reflection. Only a copy that still reads as a
reflection (same id) replaces the original, through the `Journal`; text left outside any answer
is kept in the file and pointed out. A copy that does not read is never thrown away: the person
can open it again, or it is kept in the recovery folder. The editor is given the file's path
only, never the words inside it.
"""

from __future__ import annotations

import contextlib
import shlex
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from relational_cli import messages
from relational_cli.core import hang_up
from relational_cli.core.errors import CannotOpen, UserError
from relational_cli.core.journal import fileformat as markdown
from relational_cli.core.journal import recovery
from relational_cli.core.journal.journal import Journal

FALLBACK_EDITORS = ("editor", "nano", "vi")


@dataclass(frozen=True)
class Edited:
    """What came of an edit: saved (with any stray lines), unchanged, or not readable."""

    path: Path
    saved: bool = False
    unchanged: bool = False
    stray: tuple[int, ...] = ()
    problem: str = ""
    reflection_id: str = ""
    """The id of the reflection saved (its file's name may say something else)."""


def edit(
    journal: Journal,
    path: Path,
    environ: Mapping[str, str],
    say: Callable[[str], None],
    try_again: Callable[[], bool] | None,
) -> Edited:
    """Edit the reflection at `path` until it is saved, unchanged, or kept aside. `try_again`
    asks whether to reopen a copy that does not read (None where nobody can be asked); `say`
    tells the person why, in between."""
    copy = start(journal, path)
    try:
        with _kept_on_hang_up(journal, path, copy):
            return _edit(journal, path, copy, environ, say, try_again)
    finally:
        journal.storage.end_scratch(copy)  # a copy in memory: gone with its folder


def _edit(
    journal: Journal,
    path: Path,
    copy: Path,
    environ: Mapping[str, str],
    say: Callable[[str], None],
    try_again: Callable[[], bool] | None,
) -> Edited:
    while True:
        try:
            open_in_editor(copy, environ)
        except UserError as failed:
            # An editor that failed is never applied, but what it wrote is never thrown away.
            kept = keep_aside(journal, path, copy)
            if kept is None:
                raise
            message = f"{failed.message}\n{messages.journal.edit_copy_kept(kept)}"
            raise UserError(message) from None
        outcome = finish(journal, path, copy)
        if outcome.saved or outcome.unchanged:
            return outcome
        say(messages.journal.edit_unreadable(outcome.problem))
        try:
            again = try_again is not None and try_again()
        except KeyboardInterrupt:
            again = False
        if not again:
            kept = keep_aside(journal, path, copy) or copy
            raise UserError(messages.journal.edit_unchanged(path.stem, kept))


@contextlib.contextmanager
def _kept_on_hang_up(journal: Journal, path: Path, copy: Path) -> Iterator[None]:
    """A closed terminal (SIGHUP) or a polite kill (SIGTERM) while editing: the copy's words
    kept in the recovery folder (encrypted when locked) if they changed, and the copy gone,
    before the command stops."""
    try:
        with hang_up.as_interrupt():
            yield
    except KeyboardInterrupt:
        if copy.exists():
            with contextlib.suppress(OSError, UnicodeDecodeError):
                keep_aside(journal, path, copy)
        raise


def editor_command(environ: Mapping[str, str]) -> list[str]:
    for variable in ("VISUAL", "EDITOR"):
        value = environ.get(variable, "").strip()
        if value:
            return shlex.split(value)
    for name in FALLBACK_EDITORS:
        found = shutil.which(name)
        if found:
            return [found]
    raise UserError(messages.journal.NO_EDITOR)


def start(journal: Journal, path: Path) -> Path:
    """A private copy of the reflection to edit, in its own folder (0600); `UserError` for
    a file that cannot be read as text (nothing in it an editor could be given)."""
    try:
        text = journal.storage.read(path)
    except CannotOpen:
        raise UserError(messages.journal.cannot_open(path)) from None
    except UnicodeDecodeError:
        raise UserError(messages.journal.cannot_edit_bytes(path)) from None
    except OSError as exc:
        raise UserError(messages.files.cannot_read(path, exc.strerror)) from None
    return journal.storage.scratch(path, text, ".edit-", ".md")


def open_in_editor(copy: Path, environ: Mapping[str, str]) -> None:
    command = editor_command(environ)
    try:
        result = subprocess.run([*command, str(copy)], check=False)
    except OSError as exc:
        raise UserError(
            messages.journal.editor_failed_to_start(command[0], str(exc.strerror))
        ) from None
    if result.returncode != 0:
        raise UserError(messages.journal.editor_failed(command[0]))


def finish(journal: Journal, original: Path, copy: Path) -> Edited:
    """Put the edited copy in place if it reads as the same reflection; else say why."""
    storage = journal.storage
    before = storage.read(original)
    try:
        edited = storage.read(copy)
    except UnicodeDecodeError:
        return Edited(original, problem=messages.journal.NOT_UTF8_EDIT)
    if edited == before:
        storage.remove(copy)
        try:
            markdown.parse(edited, str(original))
        except markdown.FormatError as exc:  # it was damaged before, and still is
            return Edited(original, unchanged=True, problem=str(exc).removeprefix(f"{original}: "))
        return Edited(original, unchanged=True)
    try:
        reflection = journal.replace(original, edited)
    except markdown.FormatError as exc:
        return Edited(original, problem=str(exc))
    storage.remove(copy)
    return Edited(original, saved=True, stray=reflection.stray, reflection_id=reflection.id)


def keep_aside(journal: Journal, original: Path, copy: Path) -> Path | None:
    """After an edit that will not be applied: drop a copy that changes nothing; keep any
    other copy whole in the recovery folder (or where it is, if that cannot be written).
    Returns where it is kept, or None when there was nothing to keep."""
    storage = journal.storage
    try:
        text = storage.read(copy)
    except UnicodeDecodeError:
        return copy
    if text == storage.read(original):
        storage.remove(copy)
        return None
    kept = recovery.keep(storage, text)
    if kept is None:
        return copy
    storage.remove(copy)
    return kept
