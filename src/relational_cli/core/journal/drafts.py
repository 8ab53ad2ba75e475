"""Drafts: the answers of an exercise in progress, kept after every answer and on a pause.

One JSON file per exercise in `drafts/`. Drafts are not reflections: they never go through
the `Journal` nor its index; they are read and written through the storage door.

Two windows on one exercise would write the same draft, so a window holds the exercise while
it is open (`claim`, a lock file beside the draft that names its process). And every draft
carries the session that wrote it: a save never replaces another session's draft; that one is
moved whole into the recovery folder first (`Saved.set_aside` says where).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from relational_cli import messages
from relational_cli.core.errors import UserError
from relational_cli.core.home import Home
from relational_cli.core.journal import recovery
from relational_cli.core.journal.fileformat import Value
from relational_cli.core.journal.names import EXERCISE_NAME
from relational_cli.core.journal.pairs import as_pairs
from relational_cli.core.journal.storage import Storage
from relational_cli.core.journal.walking import SEALED


class SortSoFar(TypedDict):
    """A card sort paused before it was finished: the cards on each pile so far, and the
    cards still to sort."""

    piles: dict[str, list[str]]
    to_sort: list[str]


Unsent = Value | SortSoFar
"""What was given to a question but not sent: typed text, pairs so far, or a card sort so
far (a draft from before the cards still to sort were kept has its piles alone)."""


@dataclass(frozen=True)
class Draft:
    exercise: str
    pack_version: int
    started: str
    answers: dict[str, object]
    """As the draft file holds them: checked against the pack when the draft is resumed."""
    path: Path
    unsent: dict[str, Unsent] = dataclasses.field(default_factory=dict)
    """What was given to a question but not yet sent when the exercise was paused: typed
    text, or a card sort so far."""
    session: str = ""
    """Which sitting wrote it; a resumed draft carries on under the same one."""

    @property
    def answered(self) -> int:
        return sum(1 for value in self.answers.values() if value is not None)

    @property
    def cards_sorted(self) -> int:
        """Cards put on piles in a card sort that was paused before it was finished."""
        count = 0
        for value in self.unsent.values():
            piles = value.get("piles", value) if isinstance(value, dict) else None
            if isinstance(piles, dict):
                count += sum(len(pile) for pile in piles.values() if isinstance(pile, list))
        return count


class DamagedDraft(UserError):
    """A draft file that cannot be read: it blocks nothing, and is set aside, never deleted."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(messages.files.damaged_draft(path, problem))
        self.path = path
        self.exercise = path.stem
        self.problem = problem


@dataclass(frozen=True)
class Holder:
    """The window (a process, on a computer) that has an exercise open."""

    pid: int
    host: str
    since: str


class DraftWaiting(UserError):
    """A draft cannot come back from the recovery folder: its exercise has another one."""

    def __init__(self, exercise: str) -> None:
        super().__init__(messages.drafts.draft_waiting(exercise))
        self.exercise = exercise


class InUse(Exception):
    """The exercise is open in another window."""

    def __init__(self, holder: Holder) -> None:
        super().__init__(holder)
        self.holder = holder


def new_session() -> str:
    return secrets.token_hex(6)


class Drafts:
    """The drafts folder of one home."""

    def __init__(self, home: Home, storage: Storage | None = None) -> None:
        self.home = home
        self.storage = storage or Storage(home)

    def path(self, exercise: str, session: str = "") -> Path:
        """Where a draft is kept: by its exercise; in a locked journal, whose names say
        nothing, by the sitting that wrote it."""
        if self.storage.locked:
            return self.storage.drafts / f"{session or new_session()}{SEALED}"
        return self.storage.drafts / f"{exercise}.json"

    def save(
        self,
        exercise: str,
        pack_version: int,
        started: str,
        answers: Mapping[str, Value | None],
        unsent: Mapping[str, Unsent] | None = None,
        session: str = "",
    ) -> Path | None:
        """Keep the draft. If the draft there now was written by another session, it is
        moved whole into the recovery folder first, and where it went is returned. (In a
        locked journal each sitting keeps a draft of its own.)"""
        path = self.path(exercise, session)
        self.storage.folder(path.parent)
        set_aside = None
        if self._session_of(path) not in (None, session):
            set_aside = recovery.move_in(self.storage, path)
        document = {
            "exercise": exercise,
            "pack_version": pack_version,
            "started": started,
            "session": session,
            "answers": answers,
            "unsent": unsent or {},
        }
        text = json.dumps(document, ensure_ascii=False, indent=2)
        self.storage.replace(path, text)
        return set_aside

    def _session_of(self, path: Path) -> str | None:
        """The session that wrote the draft at `path`; None when there is none. (A locked
        draft is named by its session: nothing is read, so no passphrase is needed.)"""
        if self.storage.locked:
            return path.name.removesuffix(SEALED) if path.exists() else None
        try:
            document = json.loads(self.storage.read(path))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return "damaged"  # not ours to replace: it is set aside whole
        return str(document.get("session", "")) if isinstance(document, dict) else "damaged"

    @contextlib.contextmanager
    def claim(self, exercise: str, since: str, take_over: bool = False) -> Iterator[None]:
        """Hold `exercise` for this window until the block ends. Raises `InUse` if another
        window that is still open holds it, unless `take_over`. A locked journal keeps no
        such mark (its name would say the exercise): each window's draft is its own."""
        if self.storage.locked:
            yield
            return
        lock = self.storage.drafts / f"{exercise}.lock"
        mine = Holder(os.getpid(), _this_host(), since)
        text = json.dumps(dataclasses.asdict(mine))
        try:
            self.storage.folder(self.storage.drafts)
            if not self.storage.write_new(lock, text):
                holder = self._holder(lock)
                if holder is not None and _still_open(holder) and not take_over:
                    raise InUse(holder)
                self.storage.replace(lock, text)
        except OSError:
            pass  # a folder that cannot be written keeps no drafts either: nothing to guard
        try:
            yield
        finally:
            if self._holder(lock) == mine:
                with contextlib.suppress(OSError):
                    self.storage.remove(lock)

    def _holder(self, lock: Path) -> Holder | None:
        try:
            found = json.loads(self.storage.read(lock))
            return Holder(int(found["pid"]), str(found["host"]), str(found["since"]))
        except (OSError, ValueError, TypeError, KeyError):
            return None  # gone, or not a lock this version wrote: nobody holds it

    def load(self, exercise: str) -> Draft | None:
        """The paused draft of `exercise` (the newest, in a locked journal, where windows keep
        one each: the others stay listed by `relational drafts`)."""
        if not self.storage.locked:
            try:
                return read(self.storage, self.path(exercise), exercise)
            except FileNotFoundError:
                return None
        mine = [draft for draft in self.all()[0] if draft.exercise == exercise]
        return max(mine, key=lambda draft: draft.started, default=None)

    def bring_back(self, kept: Path) -> str:
        """Put a draft kept in the recovery folder back as its exercise's paused draft, never
        over another one (`DraftWaiting`); the exercise's name."""
        draft = read(self.storage, kept, "")
        if not self.storage.link_new(kept, self.path(draft.exercise, draft.session)):
            raise DraftWaiting(draft.exercise)
        self.storage.remove(kept)
        return draft.exercise

    def all(self) -> tuple[list[Draft], list[DamagedDraft]]:
        """Every draft, and every draft file that cannot be read."""
        found: list[Draft] = []
        damaged: list[DamagedDraft] = []
        for path in self.storage.draft_files():
            try:
                draft = read(self.storage, path, "" if path.suffix == SEALED else path.stem)
            except FileNotFoundError:
                continue
            except DamagedDraft as exc:
                damaged.append(exc)
                continue
            found.append(draft)
        return found, damaged

    def set_aside(self, damaged: DamagedDraft) -> Path:
        """Move a damaged draft into the recovery folder (never deleted); where it went."""
        return recovery.move_in(self.storage, damaged.path)

    def discard(self, exercise: str, session: str) -> None:
        """Remove the draft of `exercise` that `session` wrote (never another session's)."""
        path = self.path(exercise, session)
        if self._session_of(path) == session:
            self.storage.remove(path)


def read(storage: Storage, path: Path, exercise: str) -> Draft:
    """The draft in `path`, of `exercise` (or of the exercise it names, when that is "").
    FileNotFoundError if there is none; `DamagedDraft` if it cannot be used."""
    try:
        document = json.loads(storage.read(path))
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as exc:
        raise DamagedDraft(path, messages.files.DRAFT_UNREADABLE.format(problem=exc)) from None
    if misshapen(document):
        raise DamagedDraft(path, messages.files.DRAFT_MISSHAPEN)
    named = str(document.get("exercise", ""))
    if not exercise and not EXERCISE_NAME.fullmatch(named):
        raise DamagedDraft(path, messages.files.DRAFT_NAMES_NO_EXERCISE)
    return Draft(
        exercise=exercise or named,
        pack_version=document.get("pack_version", 1),
        started=document.get("started", ""),
        answers=document["answers"],
        path=path,
        unsent={
            key: (as_pairs(value) or ()) if isinstance(value, list) else value  # pairs: checked
            for key, value in document.get("unsent", {}).items()
        },
        session=document.get("session", ""),
    )


FIELDS: dict[str, type] = {
    "exercise": str,
    "pack_version": int,
    "started": str,
    "session": str,
    "answers": dict,
    "unsent": dict,
}
"""The fields a draft is written with, and what each holds. Any may be missing from a draft
an older relational wrote, except its answers."""


def misshapen(document: object) -> bool:
    """Whether parsed JSON is not of a draft's shape (edited by hand, or made by another
    program): such a draft is set aside whole, never read in part."""
    if not isinstance(document, dict) or "answers" not in document:
        return True
    for field, kind in FIELDS.items():
        value = document.get(field, kind())
        if not isinstance(value, kind) or isinstance(value, bool):
            return True
    return not all(_fits_unsent(value) for value in document.get("unsent", {}).values())


def _fits_unsent(value: object) -> bool:
    """Typed words, pairs typed so far (two strings each), or a card sort so far: cards on
    piles by name (and the cards still to sort; a draft from before those were kept has the
    piles alone)."""
    if isinstance(value, str) or (isinstance(value, list) and as_pairs(value) is not None):
        return True
    if not isinstance(value, dict):
        return False
    piles = value.get("piles", value)
    if not isinstance(piles, dict):
        return False
    lists = [*piles.values(), value.get("to_sort", [])]
    return all(
        isinstance(cards, list) and all(isinstance(c, str) for c in cards) for cards in lists
    )


def _this_host() -> str:
    return os.uname().nodename if hasattr(os, "uname") else ""


def _still_open(holder: Holder) -> bool:
    """Whether the window holding an exercise is still there. A process on another computer
    (a synced folder) cannot be checked, so it counts as open."""
    if holder.host != _this_host():
        return True
    if holder.pid == os.getpid():
        return False  # one exercise at a time in a process: left over from an earlier one
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # there, but someone else's
    return True


@dataclass(frozen=True)
class Waiting:
    """What waits to be picked up: paused drafts (and any that cannot be read), and what the
    recovery folder keeps (`relational drafts`)."""

    drafts: list[Draft]
    damaged: list[DamagedDraft]
    kept: list[recovery.Kept]
    recovery: Path


def waiting(drafts: Drafts) -> Waiting:
    found, damaged = drafts.all()
    storage = drafts.storage
    return Waiting(found, damaged, recovery.described(storage), storage.recovery)
