"""Words of reading back: review, show, search, edit, delete and the trash."""

from __future__ import annotations

from pathlib import Path

EDIT_AGAIN = "Open it again to fix it"


EDIT_ASIDE = "Keep my edit aside and leave the reflection as it was"


NO_REFLECTIONS = "No reflections yet. Start one with relational reflect."


NO_MATCHES = "No reflections match."


def stray_line(path: Path, line: int) -> str:
    return (
        f"relational: note: {path}:{line} is outside any answer — it stays in the file, but"
        " relational show will not show it; move it between an answer's comment lines"
    )


def edit_copy_kept(kept: Path) -> str:
    return f"your edited copy is kept whole in {kept}"


def showing_newest(count: int | None) -> str:
    return f"Showing the newest {count}; use --limit to see more."


MOVE_TO_TRASH = "Move it to the trash"


NOTHING_DELETED = "Kept. Nothing was moved."


YES_EMPTY = "Yes, delete them for good"


SURE_EMPTY = "Delete everything in the trash for good? This cannot be undone."


TRASH_EMPTY = "The trash is empty."


def sure_delete(title: str) -> str:
    return f"Move “{title}” to the trash? You can bring it back with relational trash."


def delete_needs_yes(reflection_id: str) -> str:
    return (
        "deleting asks first, and there is no terminal to ask on;"
        f" add --yes to move {reflection_id} to the trash"
    )


def moved_to_trash(reflection_id: str, where: Path) -> str:
    return (
        f"Moved {reflection_id} to the trash ({where}). "
        f"relational trash --restore {reflection_id} brings it back."
    )


def restored(where: Path) -> str:
    return f"Brought back into your journal: {where}"


def emptied(count: int) -> str:
    return f"Deleted {count} reflection{'' if count == 1 else 's'} from the trash for good."


EMPTY_NEEDS_YES = "emptying the trash deletes for good; add --yes to do it"
NO_CHANGES = "No changes."


def hand_edits(every_file: int) -> str:
    """When a reflection edited by hand shows in search (`relational info`)."""
    return (
        f"seen at the next command (up to {every_file:,} reflections;"
        " above that, in older months, within a day)"
    )


def still_damaged(path: Path, problem: str) -> str:
    return (
        f"relational: no changes, and {path} still cannot be read: {problem}."
        f" relational edit {path.stem} opens it again"
    )


def edit_saved(reflection_id: str) -> str:
    return f"Saved your changes to {reflection_id}."


def edit_unreadable(problem: str) -> str:
    return f"relational: your edit does not read as a reflection: {problem}"


def edit_unchanged(reflection_id: str, kept: Path) -> str:
    return f"{reflection_id} is unchanged; {edit_copy_kept(kept)}"


NO_EDITOR = "no editor found: set $EDITOR (for example export EDITOR=nano)"


def editor_failed_to_start(command: str, problem: str) -> str:
    return f"could not start the editor {command} ({problem})"


def editor_failed(command: str) -> str:
    return f"the editor {command} ended with an error; your reflection is unchanged"


CANNOT_OPEN = (
    "a locked file your key cannot open (damaged, or locked with another key); it is kept as it is"
)


def cannot_open(path: Path | str) -> str:
    return f"{path}: {CANNOT_OPEN}"


NOT_UTF8_EDIT = "the edited file is no longer UTF-8 text"


def cannot_edit_bytes(path: Path) -> str:
    return (
        f"{path}: not UTF-8 text, so relational cannot give it to your editor whole; open that"
        " file in an editor that keeps bytes as they are to mend it"
    )


NAME_NOT_TEXT = (
    "its name is not UTF-8 text, which search and the timeline need; renamed, it is found again"
)


def skipped_file(path: Path, problem: Exception, reference: str) -> str:
    """A file in the journal that cannot be read as a reflection: where, why, how to mend
    (`reference` opens it: its id, or its path, quoted for the shell; "" for none)."""
    import shlex

    why = str(problem).removeprefix(f"{path}: ")
    if why in (CANNOT_OPEN, NAME_NOT_TEXT):  # nothing in it an editor could mend
        return f"relational: warning: left out {path}: {why}"
    if not reference:  # nothing an editor could mend (a pipe, a device)
        return f"relational: warning: left out {path}, which cannot be read: {why}"
    return (
        f"relational: warning: left out {path}, which cannot be read: {why};"
        f" relational edit {shlex.quote(reference)} opens it to mend"
    )


def dated_in_the_future(reflection_id: str, created: str) -> str:
    """A reflection dated after this computer's clock (a wrong clock, another device)."""
    return (
        f"relational: note: dated in the future: {reflection_id} ({created}), by a clock that"
        " was wrong or another device's; it is listed by that date, but latest and last"
        " time's answers pass over it while it is ahead"
    )


NO_WORDS = "type a word to search for, e.g. relational search walk"


NONE_YET = "no reflections yet — start one with relational reflect"


def not_an_id(reference: str) -> str:
    return f"'{reference}' is not a reflection id (see relational review)"


def ambiguous(reference: str, count: int, where: str, shown: str) -> str:
    """`where` is "" for the journal, " in the trash" for the trash."""
    return f"'{reference}' matches {count} reflections{where}: {shown}; type more of the id"


LOOKING_THROUGH = "Looking through every reflection for that id; this may take a moment."


def no_such_id(reference: str, where: str) -> str:
    command = "relational trash" if where else "relational review"
    return f"no reflection{where} with id '{reference}' (see {command})"


def not_a_day(option: str, value: str) -> str:
    return f"{option} '{value}' is not a date like 2026-11-21 or a day like \"last week\""


def no_such_exercise(exercise: str, hint: str) -> str:
    return f"no exercise or reflections called '{exercise}'{hint}"


# Words in the views of reflections, drafts and packs (review, show, drafts, packs show).
PACK_BUILTIN = "built-in"
PACK_YOURS = "yours"
PACK_REPLACES_BUILTIN = "yours (replaces built-in)"
DAMAGED_DRAFT = "damaged: cannot be read"
PACK_HEADING = "{} ({}, about {} min)"
SKIPPED = "Skipped: {} question(s)"
SYNC_CONFLICT_COPY = " (a sync conflict copy)"
VALUES_ADDED = "new: {}"
VALUES_DROPPED = "no longer: {}"

IN_THE_TRASH = " in the trash"
