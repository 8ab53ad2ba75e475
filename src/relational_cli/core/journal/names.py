"""How a file that holds a person's words is named: a plain journal names a reflection by its
time and exercise; a locked one by its time and eight letters that say nothing (random for a
new file, derived with the journal's key for a file renamed when the lock is turned on, so a
rerun finds what an earlier run wrote). A name may change (locking and unlocking rename every
file); a reflection's id, in its front matter, never does: it is found by its id, not its name.
Kept files in the recovery folder are named `kept-` and eight letters, locked or not, so the
name a person was given keeps working; what each one is, is read from inside."""

from __future__ import annotations

import re
from collections.abc import Callable

from relational_cli import messages
from relational_cli.core.journal.walking import PLAIN, SEALED

DISCREET = "abcdefghijkmnpqrstuvwxyz"
"""Letters of the random part of a locked file's name (no l or o, so it reads clearly)."""
CONFLICTED = messages.files.CONFLICTED_COPY
"""Kept in a name that a sync tool marked as a conflict, when the lock renames it."""
EXERCISE_NAME = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?")
"""An exercise's name (a pack's, a question's): lowercase letters, digits, - and _, never a
path (`packs.names` checks those a person types against it)."""
TIMED = re.compile(r"\d{8}-\d{6}-")
DISCREET_NAME = re.compile(rf"\d{{8}}-\d{{6}}-[{DISCREET}]{{8}}")
"""A locked journal's name: a time and eight letters."""
KEPT_NAME = re.compile(rf"kept-[{DISCREET}]{{8}}(-\d+)?")
"""The name (without its suffix) of a file kept in the recovery folder."""


def discreet_tag(identity: str, name: str) -> str:
    """The discreet part of a locked file's name for a file once called `name`: eight letters
    derived from it with a key only the identity gives, so they are the same every time (a
    rerun finds what an earlier run wrote) and say nothing to anyone without the key."""
    import hashlib
    import hmac

    key = hashlib.sha256(b"relational file names\0" + identity.encode()).digest()
    digest = hmac.new(key, name.encode(), "sha256").digest()
    return "".join(DISCREET[byte % len(DISCREET)] for byte in digest[:8])


def discreet() -> str:
    """A random part of a name: eight letters, from the start never mistaken for a number."""
    import secrets  # (4 ms: only a locked journal's new files need it)

    return "".join(secrets.choice(DISCREET) for _ in range(8))


def discreet_stem(stem: str, tag: str) -> str:
    """A locked reflection's name for one named `stem`: its time and the discreet `tag`
    (`kept-` and the tag for a name that holds no time)."""
    return f"{stem[:15]}-{tag}" if TIMED.match(stem) else f"kept-{tag}"


def draft_field(text: str, key: str, pattern: str = ".*") -> str:
    """A field of a draft's JSON, if it is text of the expected shape ("" if not)."""
    import json

    try:
        found = json.loads(text).get(key)
    except (ValueError, AttributeError):
        return ""
    return found if isinstance(found, str) and re.fullmatch(pattern, found) else ""


SESSION = r"[0-9a-f]{6,32}"
"""The shape of a draft's sitting, which names it in a locked journal."""


def restored_place(place: str, text: str, key: Callable[[], str] | None) -> str:
    """Where a reflection from a backup goes (`YYYY/MM/name.md` in the backup); its text, and
    so its id, stays as it is. In a plain journal, under its time and exercise (a locked
    backup's discreet name made plain, as unlocking does; `key` None); in a locked one under
    the locked suffix and, if its name says its exercise, under a discreet name (its time and
    a part derived with the journal's key, the same each time, so a second restore finds it)."""
    folder, _, name = place.rpartition("/")
    stem = name.removesuffix(PLAIN)
    if key is None:
        exercise = exercise_of(text)
        if DISCREET_NAME.fullmatch(stem) and exercise:
            stem = f"{stem[:15]}-{exercise}"
        suffix = PLAIN
    else:
        if not DISCREET_NAME.fullmatch(stem):
            stem = discreet_stem(stem, discreet_tag(key(), place))
        suffix = SEALED
    return f"{folder}/{stem}{suffix}" if folder else f"{stem}{suffix}"


def exercise_of(text: str) -> str | None:
    """The exercise a reflection's front matter names, if it can name a file."""
    from relational_cli.core.journal import fileformat

    try:
        meta, _ = fileformat.parse_front_matter(text)
    except fileformat.FormatError:
        return None
    exercise = str(meta["exercise"])
    return exercise if re.fullmatch(r"[a-z0-9][a-z0-9_-]*", exercise) else None


def draft_name(name: str, text: str, key: Callable[[], str] | None) -> str:
    """The name a draft from a backup gets: its own in a plain journal; in a locked one, the
    sitting that wrote it (drafts there are known by their sitting, never their exercise)."""
    if key is None:
        return name
    session = draft_field(text, "session", SESSION) or discreet_tag(key(), f"drafts/{name}")
    return f"{session}{SEALED}"
