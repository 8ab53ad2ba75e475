"""Words said anywhere: what relational is, the welcome, where support is."""

from __future__ import annotations

from pathlib import Path

from relational_cli.messages.screen import CUT as _CUT

APP_HELP = """A calm place of your own to reflect on your relationships.

Guided exercises (values, a relational self-care plan, one small step a week) whose answers
are kept as Markdown files on this computer, plain unless you lock them (`relational lock
--setup`). Nothing is sent anywhere.

relational is not therapy, and not a replacement for care from a professional.
If you need support now: relational support (relational support --hurt if someone is
hurting you).

The manual: man relational (the file relational.1, in share/man/man1 where relational is
installed); relational COMMAND --help for one command.
"""


ORIENTATION = """relational: a calm place of your own to reflect on your relationships.

  relational reflect     do an exercise, one question at a time
  relational plan        make your self-care plan, as a document to keep
  relational review      read your past reflections
  relational support     support lines, if you need a person now
  relational about       what this is, and where your words are kept

relational --help lists every command."""


def welcome(folder: Path, plain: bool, locked: bool) -> list[str]:
    """The first-run welcome (and `relational about`), a paragraph per item."""
    pause = "Ctrl-C (or typing pause)" if plain else "Ctrl-C"
    hide = "typing hide on any line" if plain else "Ctrl-Q"
    kept = (
        f"What you write stays in a folder on this computer: {folder}. Your journal is locked:"
        " the files are encrypted, and reading them needs your passphrase. While it is"
        " unlocked, anyone at this computer can read it. Nothing is sent anywhere."
        if locked
        else f"What you write stays in a folder on this computer: {folder}. Only your user"
        " account can open it, but it is not encrypted: anyone who can use this account, or"
        " read its backups, can read it (relational lock --setup locks it). Nothing is sent"
        " anywhere."
    )
    return [
        "Welcome to relational.",
        "A quiet place to reflect on your relationships: what you value in connection, how you"
        " look after yourself and others, one small step at a time.",
        "It is not therapy, and it is not a crisis service. If you need support now,"
        " relational support lists people you can call or text.",
        kept,
        f"Any question can be skipped, and {pause} pauses an exercise: your answers are kept,"
        " and it picks up where you left off.",
        f"If you need to hide it quickly, {hide} clears the screen and closes relational at"
        " once, keeping your answers as a draft. (It cannot unsay what a screen reader has"
        " already read aloud.)",
    ]


def not_a_number(value: str, least: int) -> str:
    """An option's value that is not a whole number of `least` or more."""
    return f"give a whole number, {least} or more ({value!r} is not one)"


def bad_zone(zone: str, own: bool) -> str:
    """`TZ` names no time zone this computer knows (or one a day or more from UTC)."""
    used = "this computer's own time zone" if own else "UTC"
    return f"relational: TZ={zone} is not a time zone relational can use, so times are in {used}"


WELCOME_AGAIN = "You can read this again with relational about."
"""Beneath the first-run welcome in a terminal, where it waits until it has been read."""


KEEP_IT = "No, keep it"


SUPPORT_POINTER = (
    "If you need support now: relational support"
    " (relational support --hurt if someone is hurting you)."
)


def problem(exc: OSError) -> str:
    """What the disk or a folder said, and which file: "No space left on device: /…"."""
    return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")


def short_date(created: str) -> str:
    """2026-11-21T21:07:55+01:00 → 2026-11-21 21:07, in the time it was written."""
    return created[:16].replace("T", " ")


def shorten(value: str, lines: int = 3, characters: int = 240, cut: str = _CUT) -> str:
    """The start of `value`: at most so many lines and characters, with `cut` after it if
    shortened (an ellipsis; plain mode says it in words)."""
    kept = value.split("\n")[:lines]
    short = "\n".join(kept)[:characters]
    return short if short == value else short.rstrip() + cut


def not_utf8(path: Path) -> str:
    return f"{path}: not UTF-8 text"


def cannot_read(path: Path, exc: OSError) -> str:
    return f"{path}: cannot read ({exc.strerror or exc})"


def could_not_write(path: Path, exc: OSError) -> str:
    return f"could not write {path}: {exc.strerror or exc}"


def could_not_read(path: Path, exc: OSError) -> str:
    return f"could not read {path}: {exc.strerror or exc}"


STOPPED = "stopped."


def could_not_use(exc: OSError) -> str:
    """The disk or a folder said no (read-only, full, no permission): which, and why."""
    return f"could not use {exc.filename}: {exc.strerror or exc}"


def output_failed(exc: OSError | None) -> str:
    """Standard output is closed (`>&-`), or refused what was written (`> /dev/full`)."""
    import errno

    if exc is None:
        why = "standard output is closed"
    elif exc.errno in (errno.ENOSPC, errno.EDQUOT):
        why = "the disk is full"
    else:
        why = (exc.strerror or str(exc)).lower()
    return f"could not write the output: {why}"


def unexpected(exc: Exception) -> str:
    return f"unexpected error: {exc.__class__.__name__}: {exc} (run with --debug to see where)"


def not_a_region(text: str) -> str:
    return (
        f"'{text}' is not a region code: give your country's two letters (IE, CA, DE), a part"
        " of one (GB-SCT, CA-BC), or locale to go by your locale again"
    )


def region_saved(code: str, where: str) -> str:
    return f"Your region is now {code} (kept in {where}). Its lines come first."


REGION_CLEARED = "Your region now comes from your locale again."


def region_shown(region: str | None) -> str:
    """`relational info`: the region support lines are listed for, and where it comes from."""
    if region is None:
        return "none known (relational support --region CODE says where you are)"
    return f"{region} (for support lines; relational support --region CODE changes it)"


# What `relational info` lists: the name of each place a person reads, and how the journal is
# kept.
BUILTIN_PACKS = "built-in packs"
JOURNAL_LOCKED = "locked (age): reading needs your passphrase"
THE_DATA_FOLDER = "the data folder {}"
DATA_FOLDER = "data folder"
YOUR_PACKS = "your packs"
PASSPHRASE_STRETCH = "passphrase stretch"
STAYS_UNLOCKED = "stays unlocked"
UNLOCK_KEPT = "{} minutes, in {}"
JOURNAL_PLAIN = "plain Markdown, not encrypted (relational lock --setup locks it)"

HAND_EDITS = "hand edits"

INDEXING = "Indexing your reflections"

DID_YOU_MEAN = " (did you mean '{}'?)"
CANNOT_BE_OPENED = "cannot be opened"


AND_MORE = ", and {} more"
"""After the first few of a list too long to show whole."""
