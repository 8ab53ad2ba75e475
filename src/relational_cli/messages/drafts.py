"""Words about paused drafts and the recovery folder (`relational drafts`, `relational recover`)."""

from __future__ import annotations

from pathlib import Path

NO_DRAFTS = "No paused exercises."


PICK_UP_DRAFT = "Pick one up with relational reflect NAME."


SET_ASIDE_DAMAGED = "relational reflect NAME offers to set a damaged draft aside, kept whole."


def in_recovery(count: int, folder: Path) -> str:
    things = "thing" if count == 1 else "things"
    return (
        f"The recovery folder ({folder}) keeps {count} {things} that could not be saved"
        " where they belonged; relational recover NAME brings one back:"
    )


def kept_kind(kind: str, exercise: str, reflection_id: str) -> str:
    """What a kept file is, in the list `relational drafts` gives."""
    if kind == "draft":
        return f"paused draft of {exercise}"
    if kind == "reflection":
        return f"reflection {reflection_id} ({exercise})"
    return "cannot be read as a draft or a reflection"


def not_a_reflection(path: Path) -> str:
    return (
        f"{path} is a paused draft that could not be read, kept so nothing is lost;"
        " open it in a text editor to copy your words"
    )


def draft_waiting(exercise: str) -> str:
    return (
        f"a paused “{exercise}” is waiting; finish it (relational reflect {exercise})"
        " or start it again, then bring this one back"
    )


def draft_recovered(exercise: str) -> str:
    return (
        f"Brought back as the paused draft of {exercise};"
        f" relational reflect {exercise} picks it up."
    )


def fix_and_recover(path: Path, name: str) -> str:
    return f"fix it in a text editor ({path}), then run relational recover {name} again"


def recovered(reflection_id: str, path: Path, already: bool) -> str:
    if already:
        return f"It was already in your journal, word for word, as {reflection_id} ({path})."
    return f"Brought back into your journal as {reflection_id} ({path})."


def no_such_kept(name: str, folder: Path) -> str:
    return f"no file called '{name}' in {folder} (see relational drafts)"
