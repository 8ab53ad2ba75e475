"""Words about exercises as files: `relational packs`."""

from __future__ import annotations

from pathlib import Path

BROKEN_PACKS = (
    "relational: broken packs are left out of the menu;"
    " `relational packs validate PATH` shows every problem"
)


def pack_added(title: str, name: str, target: Path, builtin: bool) -> str:
    instead = " It is used instead of the built-in exercise of that id." if builtin else ""
    return f"Added “{title}” as {target}.{instead} Start it with `relational reflect {name}`."


def pack_already_added(title: str, name: str) -> str:
    return f"“{title}” is already among your exercises, word for word: `relational reflect {name}`."


def pack_would_replace(name: str, builtin: bool, yours: bool) -> str:
    what = "a pack of yours" if yours else "a built-in exercise"
    return f"'{name}' is already {what}; nothing was changed. Add --replace to use this one" + (
        " instead (yours is moved to the trash folder)" if yours else " instead of it"
    )


def pack_removed(name: str, trashed: Path) -> str:
    return f"Removed '{name}' from your exercises; the file is kept in {trashed}."


def new_pack(path: Path, name: str, replaces_builtin: bool) -> str:
    note = (
        " While it exists, it replaces the built-in exercise of that id."
        if replaces_builtin
        else ""
    )
    return (
        f"Edit it, check it with `relational packs validate {path}`,"
        f" then try it with `relational reflect {name}`.{note}"
    )


def already_there(target: Path) -> str:
    return f"{target} already exists; edit it, or choose another id"


def appeared(target: Path) -> str:
    return f"{target} appeared while adding; nothing was replaced"


def built_in(name: str) -> str:
    return f"'{name}' is a built-in exercise; only your own packs can be removed"


def checked(path: Path, title: str, questions: int) -> str:
    return f"{path}: ok — “{title}”, {questions} questions"


SOURCES = "What it draws on"

KEEP_PACK = "Keep it"
REMOVE_PACK = "Remove it (moved to the trash folder)"
NOTHING_REMOVED = "Nothing was removed."


def remove_needs_yes(name: str) -> str:
    return f"removing '{name}' needs --yes when there is no terminal to ask on"


def not_a_name(name: str) -> str:
    return (
        f"'{name}' is not an exercise name (names are lowercase letters, digits, - and _;"
        " see `relational packs list`)"
    )


def no_such_exercise(name: str, hint: str) -> str:
    return f"no exercise called '{name}'{hint}; `relational packs list` shows every exercise"


def no_such_data_set(name: str) -> str:
    return f"no data set called '{name}' (the values cards are data:values-cards)"


def quote_yes_or_no(word: str) -> str:
    return (
        f'{word} reads as true or false in YAML, not as a choice: write it in quotes, "{word}"'
        " (Yes, No, On and Off too)"
    )
