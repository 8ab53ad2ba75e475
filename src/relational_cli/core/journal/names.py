"""How a file that holds a person's words is named: a plain journal names a reflection by its
time and exercise; a locked one by its time and eight letters that say nothing (random for a
new file, derived with the journal's key for a file renamed when the lock is turned on, so a
rerun finds what an earlier run wrote). A reflection's id is its name."""

from __future__ import annotations

import re
from collections.abc import Callable

from relational_cli.core.journal.walking import PLAIN, SEALED

DISCREET = "abcdefghijkmnpqrstuvwxyz"
"""Letters of the random part of a locked file's name (no l or o, so it reads clearly)."""
CONFLICTED = " (conflicted copy)"
"""Kept in a name that a sync tool marked as a conflict, when the lock renames it."""
ID_LINE = re.compile(r"^id: [^\r\n]*", re.M)
TIMED = re.compile(r"\d{8}-\d{6}-")
DISCREET_NAME = re.compile(rf"\d{{8}}-\d{{6}}-[{DISCREET}]{{8}}")
"""A locked journal's name: a time and eight letters."""


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


def with_id(text: str, stem: str) -> str:
    """A reflection's text naming a new id (its file name); other text as it is."""
    from relational_cli.core.journal import fileformat

    try:
        fileformat.parse_front_matter(text)
    except fileformat.FormatError:
        return text
    return ID_LINE.sub(lambda _: f"id: {stem}", text, count=1)


def arriving(place: str, text: str, key: Callable[[], str] | None) -> tuple[str, str]:
    """Where a reflection from a backup goes (`YYYY/MM/name.md` in the backup), and its
    text: as it is in a plain journal (`key` None); in a locked one under the locked suffix,
    and, if its name says its exercise, under a discreet name (its time and a part derived
    with the journal's key, the same each time, so a second restore finds it) naming it."""
    if key is None:
        return place, text
    folder, _, name = place.rpartition("/")
    stem = name.removesuffix(PLAIN)
    if not DISCREET_NAME.fullmatch(stem):
        stem = discreet_stem(stem, discreet_tag(key(), place))
        text = with_id(text, stem)
    return f"{folder}/{stem}{SEALED}" if folder else f"{stem}{SEALED}", text


def draft_name(name: str, text: str, key: Callable[[], str] | None) -> str:
    """The name a draft from a backup gets: its own in a plain journal; in a locked one, the
    sitting that wrote it (drafts there are known by their sitting, never their exercise)."""
    if key is None:
        return name
    session = draft_field(text, "session", SESSION) or discreet_tag(key(), f"drafts/{name}")
    return f"{session}{SEALED}"
