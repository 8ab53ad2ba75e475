"""Turning the lock on over a journal that has words in it, off again, and onto a new key:
every file that holds them — reflections, the trash, drafts, the recovery folder, the plan
document — is rewritten encrypted (or plain) through the storage door, each replaced only
after its new form was written, synced to disk and read back whole (`Storage.rewrite`); onto
a new key, each is replaced whole, in place (`change_key`). Stopped at any point (even by
`kill -9`) and run again, the work finishes: nothing lost, doubled or left unreadable.

Locking names each file anew by its time and a part derived from its old name with a key only
the identity gives (so a second run finds what the first one wrote, and nobody without the
identity can tell which exercise a name was); unlocking names it by its time and exercise
again, as a plain journal does. What is inside never changes: a reflection keeps its id, and
a kept file its `kept-…` name (only its suffix changes).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from relational_cli import messages
from relational_cli.core.errors import UserError
from relational_cli.core.journal import recovery
from relational_cli.core.journal.names import (
    CONFLICTED,
    KEPT_NAME,
    SESSION,
    TIMED,
    discreet_stem,
    discreet_tag,
    draft_field,
    exercise_of,
)
from relational_cli.core.journal.storage import Storage
from relational_cli.core.journal.summary import CONFLICT
from relational_cli.core.journal.walking import PLAIN, SEALED
from relational_cli.core.lock import cipher, rekeying
from relational_cli.core.lock.rekeying import NEXT

Progress = Callable[[int, int], None]
SECONDS_A_FILE = 0.015
"""Reading, opening and encrypting again one reflection (measured: `benchmarks/locked.py`)."""
PASSES = 5
"""Passes over the files while changing the key, until one finds none left to encrypt again."""
Move = tuple[Path, Path, str]
"""A file, where its new form goes, and the text it holds."""


def set_up(storage: Storage, passphrase: str, progress: Progress | None = None) -> tuple[str, int]:
    """Lock the journal: the identity made (or, after a setup that stopped, opened), sealed
    with the passphrase, and every plain file encrypted. The identity (for a recovery copy)
    and how many files were encrypted."""
    identity = storage.keys.set_up(passphrase)
    return identity, lock_files(storage, identity, progress)


def unlock_for_good(
    storage: Storage, progress: Progress | None = None
) -> tuple[int, Path, list[Path]]:
    """Make the journal plain again: every file decrypted, then the lock's identity kept
    aside (still sealed) and its recipient removed. How many files, where the identity is,
    and the files it could not open (damaged: left as they are)."""
    left: list[Path] = []
    done = unlock_files(storage, str(storage.keys.identity()), progress, left)
    return done, storage.keys.retire(), left


def lock_files(storage: Storage, identity: str, progress: Progress | None = None) -> int:
    """Encrypt every plain file of a person's words to the journal's recipient; how many."""
    opened = cipher.parsed(identity)

    def tag(path: Path) -> str:
        """The new random-looking part of a name: the same for the same file every run."""
        return discreet_tag(identity, str(path.relative_to(storage.home.root)))

    moves: list[Move] = []
    for path in storage.every_reflection(PLAIN):
        text = storage.as_written(path, opened)
        conflict = CONFLICTED if CONFLICT.search(path.name) else ""
        stem = discreet_stem(path.stem, tag(path))
        moves.append((path, path.with_name(stem + conflict + SEALED), text))
    for path in storage.draft_files():
        if path.suffix == ".json":
            text = storage.as_written(path, opened)
            name = draft_field(text, "session", SESSION) or tag(path)
            moves.append((path, path.with_name(name + SEALED), text))
    for path in recovery.listing(storage):
        if path.suffix != SEALED:
            text = storage.as_written(path, opened)
            stem = path.stem if KEPT_NAME.fullmatch(path.stem) else f"kept-{tag(path)}"
            moves.append((path, path.with_name(stem + SEALED), text))
    for path in storage.documents():
        moves.append((path, path.with_name(path.name + SEALED), storage.as_written(path, opened)))
    storage.forget_marks()  # marks of open windows, named by exercise: a locked journal has none
    done = _rewrite(storage, moves, True, opened, progress)
    storage.forget_index()  # rebuilt, locked, when next read
    return done


def unlock_files(
    storage: Storage,
    identity: str,
    progress: Progress | None = None,
    left: list[Path] | None = None,
) -> int:
    """Decrypt every locked file back to plain, named as a plain journal names it; how many.
    One the identity cannot open (damaged) is left as it is, and added to `left`. (The lock's
    recipient stays until the end, so anything written meanwhile is locked, and found by
    running this again.)"""
    opened = cipher.parsed(identity)
    unopened = left if left is not None else []

    def texts(paths: Iterable[Path]) -> Iterator[tuple[Path, str]]:
        return _opened_texts(storage, opened, paths, unopened)

    moves = _reflection_moves(texts(storage.every_reflection(SEALED)))
    drafts = texts(path for path in storage.draft_files() if path.suffix == SEALED)
    moves += _draft_moves(storage, identity, list(drafts))
    for path, text in texts(path for path in recovery.listing(storage) if path.suffix == SEALED):
        suffix = ".json" if text.lstrip().startswith("{") else PLAIN
        moves.append((path, path.with_name(path.stem + suffix), text))
    for path, text in texts(storage.documents(SEALED)):
        moves.append((path, path.with_name(path.stem), text))
    done = _rewrite(storage, moves, False, opened, progress)
    storage.forget_index()
    return done


def _opened_texts(
    storage: Storage, opened: cipher.AgeIdentity, paths: Iterable[Path], unopened: list[Path]
) -> Iterator[tuple[Path, str]]:
    """Each file and its text, but for those the identity cannot open (in `unopened`)."""
    for path in paths:
        try:
            text = storage.as_written(path, opened)
            if not cipher.is_age(path.read_bytes()):  # named as locked, yet is not
                text.encode("utf-8")  # plain text (kept), or damaged
        except (cipher.CannotDecrypt, UnicodeEncodeError):
            unopened.append(path)
            continue
        yield path, text


def _reflection_moves(reflections: Iterable[tuple[Path, str]]) -> list[Move]:
    """Each reflection named by its time and exercise again, as a plain journal names it."""
    moves: list[Move] = []
    for path, text in reflections:
        conflict = CONFLICTED if CONFLICT.search(path.name) else ""
        exercise = exercise_of(text)
        stem = path.stem.removesuffix(CONFLICTED)
        stem = f"{stem[:15]}-{exercise}" if exercise and TIMED.match(stem) else stem
        moves.append((path, path.with_name(stem + conflict + PLAIN), text))
    return moves


def _draft_moves(storage: Storage, identity: str, drafts: list[tuple[Path, str]]) -> list[Move]:
    """Each draft named by its exercise again; where windows kept one each, the newest takes
    the name and the older ones go to the recovery folder (kept, named the same each run)."""
    moves: list[Move] = []
    taken: set[str] = set()
    by_start = sorted(drafts, key=lambda draft: draft_field(draft[1], "started"), reverse=True)
    for path, text in by_start:
        exercise = draft_field(text, "exercise", r"[a-z0-9][a-z0-9_-]*") or path.stem
        if exercise in taken:  # an older draft of the same exercise (another window's): kept
            tag = discreet_tag(identity, f"drafts/{path.name}")  # the same each run
            target = storage.recovery / f"kept-{tag}.json"
        else:
            target = path.with_name(f"{exercise}.json")
        taken.add(exercise)
        moves.append((path, target, text))
    return moves


def _rewrite(
    storage: Storage,
    moves: list[Move],
    seal: bool,
    identity: cipher.AgeIdentity,
    progress: Progress | None,
) -> int:
    for done, (old, new, text) in enumerate(moves, 1):
        storage.rewrite(old, new, text, seal, identity)
        if progress:
            progress(done, len(moves))
    return len(moves)


def sealed_files(storage: Storage) -> list[Path]:
    """Every locked file in the data folder (reflections, trash, drafts, kept files, the
    plan, the index, backups kept there…), except the lock's own and half-written ones."""
    found = []
    for folder, _, names in os.walk(storage.home.root):
        if Path(folder) == storage.keys.folder:
            continue
        temps = set(storage.temps(Path(folder)))
        for path in (Path(folder) / name for name in names):
            with contextlib.suppress(OSError), path.open("rb") as stream:
                if path not in temps and cipher.is_age(stream.read(len(cipher.MAGIC))):
                    found.append(path)
    return sorted(found)


def seconds_for(count: int) -> int:
    """About how long encrypting `count` files again takes, with sealing the new key
    (measured on a 2-core laptop: `benchmarks/locked.py`)."""
    return max(5, round(5 + count * SECONDS_A_FILE))


def change_key(
    storage: Storage, current: str, new: str, progress: Progress | None = None
) -> tuple[str, int, int]:
    """A new passphrase, and a new key: a new identity is made (kept, until the end, encrypted
    to the old one), every file is written to it from then on, every locked file is
    encrypted again to it, and only then is it sealed with the new passphrase, the old key
    put aside. Stopped at any point and run again (with the old passphrase, until the end),
    it finishes. `current` is the identity the passphrase the person had opens (the old one,
    or, stopped after sealing, the new). The new identity (for a recovery copy), how many
    files were encrypted again, and how many age files of another key were left as they are."""
    keys = storage.keys
    pending = keys.folder / NEXT
    fresh, older = current, None
    if pending.is_file():
        with contextlib.suppress(cipher.CannotDecrypt):  # if not: stopped after sealing it
            fresh = cipher.decrypt(pending.read_bytes(), current).decode().strip()
            older = current
    else:
        fresh, older = cipher.new_identity(), current
        rekeying.begin(keys, fresh, current)
    keys.forget()  # the old key kept a while: no command reads (or writes) with it now
    keys.write_to(fresh)  # whatever is saved from now on is written to the new key
    done, moved, others = 0, 1, 0
    for _ in range(PASSES):  # again, for a file another window saved while a pass ran
        moved, others = _encrypt_again(storage, fresh, older, progress)
        done += moved
        if not moved:
            break
    if moved:  # the old key must keep the change resumable while any file needs it
        raise UserError(messages.lock.KEEPS_CHANGING)
    # The old key is put aside, unless that was done by a run stopped after sealing.
    rekeying.seal_anew(keys, fresh, new, retire=older is not None)
    rekeying.end(keys)
    return fresh, done, others


def _encrypt_again(
    storage: Storage, fresh: str, older: str | None, progress: Progress | None
) -> tuple[int, int]:
    """Every locked file the new key does not open, opened with the old one and encrypted
    to the new (replaced whole: either form opens, whenever it is stopped). How many, and
    how many neither key opens (another journal's, or damaged: left as they are)."""
    new_key = cipher.parsed(fresh)
    old_key = cipher.parsed(older) if older else None
    files = sealed_files(storage)
    moved = others = 0
    for number, path in enumerate(files, 1):
        data = path.read_bytes()
        try:
            cipher.decrypt(data, new_key)
        except cipher.CannotDecrypt:
            try:
                plain = cipher.decrypt(data, old_key) if old_key else None
            except cipher.CannotDecrypt:
                plain = None
            if plain is None:
                others += 1
            else:  # written to the new key's recipient (padded, if it was not yet)
                storage.replace(path, cipher.unpadded(plain))
                moved += 1
        if progress:
            progress(number, len(files))
    return moved, others
