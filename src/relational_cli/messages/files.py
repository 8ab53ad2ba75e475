"""Words about files that cannot be used as they are: reflection files, drafts, backups, YAML
and JSON files, and the data folder itself. Each names the file (and line) it is about."""

from __future__ import annotations

from pathlib import Path


def not_utf8(path: Path | str) -> str:
    return f"{path}: not UTF-8 text"


def cannot_read(path: Path | str, problem: object) -> str:
    return f"{path}: cannot read ({problem})"


def no_free_name(folder: Path) -> str:
    return f"{folder}: could not find a free file name"


# A reflection's file.


def answer_not_closed(source: str, prompt_id: str, close: str) -> str:
    return f"{source}: the answer to '{prompt_id}' has no closing {close}"


def answer_should(source: str, prompt_id: str, what: str) -> str:
    """`what` it should be: "start with a number", "be Yes or No", …"""
    return f"{source}: the answer to '{prompt_id}' should {what}"


def no_front_matter(source: str) -> str:
    return f"{source}: no front matter (the file should start with ---)"


def front_matter_open(source: str) -> str:
    return f"{source}: the front matter has no closing ---"


def front_matter_not_yaml(source: str) -> str:
    return f"{source}: the front matter is not valid YAML"


def front_matter_not_a_mapping(source: str) -> str:
    return f"{source}: the front matter is not a mapping of keys"


def front_matter_needs(source: str, key: str) -> str:
    return f"{source}: the front matter needs {key}"


def tags_not_a_list(source: str) -> str:
    return f"{source}: tags in the front matter should be a list"


def id_must_stay(reflection_id: str) -> str:
    return f"the id in the front matter must stay {reflection_id}"


def bad_pile(prompt_id: str, name: str) -> str:
    return f"{prompt_id}: '{name}' cannot name a pile"


def value_on_one_line(prompt_id: str) -> str:
    return f"{prompt_id}: a chosen value must fit on one line"


def empty_pair(prompt_id: str) -> str:
    return f"{prompt_id}: a pair needs what you notice, what you will do, or both"


# A draft.

DRAFT_UNREADABLE = "it cannot be read ({problem})"
DRAFT_MISSHAPEN = "it is not in the shape of a draft"
DRAFT_NAMES_NO_EXERCISE = "it does not say which exercise it belongs to"


def damaged_draft(path: Path, problem: str) -> str:
    return f"{path}: the paused draft cannot be used: {problem}"


# The data folder.


def relative_home(override: str, absolute: Path) -> str:
    return (
        f"RELATIONAL_HOME '{override}' is a relative path; give the whole path, such as {absolute}"
    )


def home_of_unknown_user(override: str) -> str:
    user = override.split("/", 1)[0]
    return (
        f"RELATIONAL_HOME '{override}' starts with {user}, the home folder of a user this "
        "computer does not know; give the whole path"
    )


def home_is_a_file(where: str) -> str:
    return f"{where} is a file, not a folder"


def home_unreadable(where: str) -> str:
    return f"{where} cannot be read (permission denied)"


# YAML and JSON files (packs, answers files).


def no_such(path: Path, what: str) -> str:
    return f"{path}: no such {what}"


def a_folder(path: Path, a_what: str) -> str:
    return f"{path}: is a folder, not {a_what}"


NOT_A_FILE = "it is a pipe or a device, not a file"


def not_a_file(path: Path, a_what: str) -> str:
    """A pipe, a device or a socket, named as a pack might be."""
    return f"{path}: is not a file, so it is not read as {a_what}"


def cannot_read_a(path: Path, what: str, problem: object) -> str:
    return f"{path}: cannot read {what} ({problem})"


def too_large(path: Path, a_what: str, limit: int) -> str:
    return f"{path}: too large for {a_what} (over {limit:,} bytes)"


def not_utf8_at(path: Path, byte: int) -> str:
    return f"{path}: not UTF-8 text (byte {byte})"


def not_yaml(source: str, problem: object) -> str:
    return f"{source}: not valid YAML ({problem})"


def given_twice(where: str, key: object, lines: str) -> str:
    return f"{where}: '{key}' is given twice (lines {lines})"


def half_a_character(source: str, where: str) -> str:
    return (
        f"{source}: '{where or 'the file'}' holds a lone surrogate escape (such as \\ud800):"
        " half of a character, which cannot be kept"
    )


# Backups.


def not_a_backup(source: str, why: str) -> str:
    return f"{source}: not a relational backup ({why})"


def cut_short(source: str, line: int, problem: str) -> str:
    return f"{source}:{line}: not a relational backup, or cut short ({problem})"


def backup_format_not_a_number(source: str) -> str:
    return f"{source}: format should be a number"


def backup_from_newer(source: str, made_by: object, version: int, readable: int) -> str:
    return (
        f"{source}: this backup was made by relational {made_by} (format {version});"
        f" this relational reads format {readable} — update relational first."
        " Nothing was changed."
    )


def backup_not_a_list(source: str, key: str) -> str:
    return f"{source}: {key} should be a list"


def backup_item_needs(where: str, label: str) -> str:
    return f"{where}: needs {label} and text"


def backup_draft_misshapen(where: str, name: str) -> str:
    return (
        f"{where}: the paused draft {name} is not in the shape of a draft, so nothing was restored"
    )


def backup_place(where: str, label: str, name: object) -> str:
    return f"{where}: {label} {name!r} is not a place relational keeps"


# Files written where the person asked (export --output, plan --output).

KEEP_FILE = "No, keep it"
REPLACE_FILE = "Replace it"


def replace_file(path: Path) -> str:
    return f"{path} is there already. Replace it?"


def file_there(path: Path) -> str:
    return (
        f"{path} is there already, and is left as it is: --force replaces it, or choose"
        " another name"
    )


def nothing_written(path: Path) -> str:
    return f"Nothing written: {path} is as it was."


def output_a_folder(path: Path) -> str:
    return f"{path} is a folder: --output names the file to write"


def format_over_name(path: Path, given: str, named: str) -> str:
    return f"relational: note: writing {given} to {path}, as --format says (the name says {named})"


# Why a file could not be written (an OSError's words, after the file's name).
NO_FREE_NAME = "no free file name"
THERE_ALREADY = "there already"

ANSWERS_FILE = "answers file"


# What an answer in a reflection file should be, to say when it is not (after "should").
SHOULD_START_WITH_NUMBER = "start with a number"
SHOULD_BE_NUMBERED = "be a list of numbered lines ('1. ')"
SHOULD_BE_BULLETED = "be a list of '- ' lines"
SHOULD_BE_YES_OR_NO = "be Yes or No"
SHOULD_START_WITH_PILE = "start with a pile name and a colon"

SHOULD_BE_PAIRS = "be a list of 'When I notice' and 'I will' lines"

CONFLICTED_COPY = " (conflicted copy)"

NO_FREE_NAME_FOR = "no free name for {}"


# Why a file is not a backup (after its name).
MADE_BY_EXPORT = "relational export --format json"
A_NEWER_RELATIONAL = "a newer relational"
HOLDS_NO = "it holds no {}"
NOT_UTF8_TEXT = "not UTF-8 text"
