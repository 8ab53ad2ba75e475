"""The one door to the files that hold a person's words: reflections, drafts, the recovery
folder, the trash, the index, and the documents written from them (plan, digest, backup).

Everything that reads or writes such a file comes through `Storage`; nothing else names the
folders they live in. Writes are atomic and private (0600 files in 0700 folders) and never
go over another file unless they mean to replace it; a name that is taken becomes the first
free one of `name-2`, `name-3`… (one scheme everywhere); the journal is walked in one way.

A locked journal turns this door into one that encrypts: every file is written as an age file
to the journal's recipient (no passphrase needed), read back with its identity (asked for
when a command first needs it), and named by its time and a random part only — never by its
exercise or title (`.age` files; see `core/lock`). Plain files found in a locked journal (from
before the lock, or mid-way through turning it on) are still read as they are.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from relational_cli import messages
from relational_cli.core import atomic
from relational_cli.core.errors import CannotOpen
from relational_cli.core.home import IDENTITY, PRIVATE_FILE_MODE, Home
from relational_cli.core.journal import names, walking
from relational_cli.core.journal.names import discreet
from relational_cli.core.journal.opening import read_bytes, read_head
from relational_cli.core.journal.walking import PLAIN, SEALED

if TYPE_CHECKING:
    import sqlite3

    from relational_cli.core.lock.cipher import AgeIdentity
    from relational_cli.core.lock.keys import Keys

FRONT_MATTER_READ = 4096
FRONT_MATTER_LIMIT = 65536
"""A file with no end to its front matter within this many bytes is not a reflection."""
INDEX = "index.sqlite3"
LOCKED_INDEX = "index.age"
DOCUMENTS = ("plan.md", "plan.html")
"""Documents kept in the data folder that hold a person's words."""


class Storage:
    """The files of one home that hold a person's words."""

    def __init__(
        self,
        home: Home,
        make_keys: Callable[[], Keys] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.home = home
        self.journal = home.journal
        self.drafts = home.drafts
        self.recovery = home.recovery
        self.trash = home.trash
        self.index = home.cache / INDEX
        self.locked_index = home.cache / LOCKED_INDEX
        self._keys: Keys | None = None
        self._make_keys = make_keys
        self._environ: Mapping[str, str] = environ or {}
        self._held: int | None = None
        """The hold on this command's editing run in memory (`core/memory`), while it lasts."""
        """Makes the lock the way this command can ask for a passphrase, when first needed."""

    @property
    def keys(self) -> Keys:
        """The journal's lock (loaded when first needed)."""
        if self._keys is None:
            if self._make_keys is not None:
                self._keys = self._make_keys()
            else:
                from relational_cli.core.lock.keys import Keys

                self._keys = Keys(self.home)
        return self._keys

    @property
    def locked(self) -> bool:
        """Whether what is written is encrypted (the journal is locked: its lock has an
        identity). Looked at without loading the lock, which a plain journal never needs."""
        if self._keys is not None:
            return self._keys.locked
        return (self.home.lock / IDENTITY).is_file()

    @property
    def suffix(self) -> str:
        """The suffix a new reflection file gets."""
        return SEALED if self.locked else PLAIN

    def new_stem(self, exercise: str, when: datetime) -> str:
        """The name (and id) of a new reflection: its time and its exercise; when locked, its
        time and a random part, so a name says nothing of what is inside."""
        return f"{when:%Y%m%d-%H%M%S}-{discreet() if self.locked else exercise}"

    def restored_place(self, place: str, text: str) -> tuple[str, str]:
        """Where a reflection from a backup goes here, and its text as it is (`names`)."""
        return names.restored_place(place, text, self._name_key()), text

    def _name_key(self) -> Callable[[], str] | None:
        """The identity, asked for only when a name needs it; None for a plain journal."""
        return (lambda: str(self.keys.identity())) if self.locked else None

    # Reading

    def read(self, path: Path, ask: bool = True) -> str:
        """The whole text of a file (UTF-8), opened with the journal's identity if it is
        locked (asked for unless `ask` is False); `OSError` or `UnicodeDecodeError` if it
        cannot be read (`CannotOpen`, one, for a locked file that cannot be opened), `Locked`
        if the key cannot be had."""
        data = self.from_disk(read_bytes(path), ask)
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            if path.suffix == SEALED:  # named as locked, and neither locked nor text
                raise CannotOpen(data) from None
            raise

    def from_disk(self, data: bytes, ask: bool = True) -> bytes:
        """`data` as it was written: opened with the identity when it is an age file."""
        from relational_cli.core.lock import cipher

        if not cipher.is_age(data):
            return data
        try:
            return cipher.unpadded(cipher.decrypt(data, self.keys.identity(ask)))
        except cipher.CannotDecrypt:
            raise CannotOpen(data) from None

    def read_head(self, path: Path, errors: str = "strict") -> str:
        """The start of a reflection file, up to the end of its front matter (bounded: a huge
        or endless file, such as a link to a device, is read no further than the limit). A
        locked file is read whole: it is small, and age opens a file from its start. With
        `errors="replace"`, bytes of a plain file that are not UTF-8 are read as U+FFFD."""
        if path.suffix == SEALED:
            return self.read(path)
        return read_head(path, FRONT_MATTER_READ, FRONT_MATTER_LIMIT, errors)

    def has_text(self, path: Path, text: str) -> bool:
        """Whether the file at `path` holds exactly `text`."""
        try:
            return self.read(path) == text
        except (OSError, UnicodeDecodeError):
            return False

    # Writing

    def for_disk(self, text: str | bytes) -> bytes:
        """What is written for `text`: encrypted to the journal's recipient when it is
        locked (no passphrase needed, unless the recipient is damaged: `LockDamaged` then
        if it cannot be had), else the text as it is. Never plain when locked."""
        data = text.encode("utf-8") if isinstance(text, str) else text
        if not self.locked:
            return data
        from relational_cli.core.lock import cipher

        return cipher.encrypt(cipher.padded(data), self.keys.recipient())

    def folder(self, path: Path) -> Path:
        """`path`, a folder in the data folder, made private (0700) if it is not there yet."""
        return self.home.ensure(path)

    def write_new(self, path: Path, text: str) -> bool:
        """Create `path` holding `text`; False, and nothing written, if the name is taken."""
        return atomic.write_new(path, self.for_disk(text))

    def write_free(
        self, folder: Path, stem: str, suffix: str, text_for: Callable[[str], str]
    ) -> Path:
        """A new file in `folder` under `stem` or the first free `stem-2`, `stem-3`…, holding
        `text_for(the stem it got)` (a reflection's text names its own id)."""
        self.folder(folder)
        return atomic.first_free(
            folder, stem, suffix, lambda target, name: self.write_new(target, text_for(name))
        )

    def replace(self, path: Path, text: str | bytes) -> None:
        """Put `text` at `path` whole, replacing what was there."""
        atomic.replace(path, self.for_disk(text))

    def move_free(self, path: Path, folder: Path, name: str = "") -> Path:
        """Move `path` into `folder` under its own name (or `name`), or the first free
        `name-2`…, never over another file; where it went."""
        return atomic.move_free(path, self.folder(folder), name)

    def link_new(self, source: Path, target: Path) -> bool:
        """Put the file `source` (staged in the data folder) at `target` too, never over
        another file; False if `target` is taken."""
        self.folder(target.parent)
        return atomic.link_new(source, target)

    def remove(self, path: Path) -> None:
        """Delete a file for good (an emptied trash, a finished draft)."""
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

    def document_path(self, name: str) -> Path:
        """Where a document made from the journal is kept in the data folder (`plan.md`); a
        locked journal keeps it locked (`plan.md.age`)."""
        return self.home.root / (name + (SEALED if self.locked else ""))

    def write_document(
        self, target: Path, text: str, sealed: bool | None = None, replace: bool = True
    ) -> None:
        """A document made from the person's words (a plan, a digest, a backup), written whole
        where they asked (over a file there only if `replace`), or in the data folder (made if
        need be). In the data folder a locked journal keeps it encrypted; elsewhere only when
        `sealed` (a backup of a locked journal: everything in it stays locked)."""
        inside = target.parent == self.home.root
        if inside:
            self.folder(self.home.root)
        seal = self.locked and (inside if sealed is None else sealed)
        atomic.put(target, self.for_disk(text) if seal else text, replace, keep_mode=not inside)

    def scratch(self, path: Path, text: str, prefix: str, suffix: str) -> Path:
        """A private copy of `text` for an editor to work on: beside `path`; for a locked
        journal, in a folder of its own in memory (`$XDG_RUNTIME_DIR` or /dev/shm, if the
        kernel says it is memory), never on disk in the clear (`end_scratch` removes it)."""
        folder = path.parent
        if self.locked:
            from relational_cli.core import memory

            folder, self._held = memory.start_run(memory.folder(self._environ), self.home.root)
        return atomic.write_temp(folder, text, prefix=prefix, suffix=suffix)

    def end_scratch(self, copy: Path) -> None:
        """After an edit: a copy in memory goes with its folder, once nothing needs it (a
        copy still there is the only one of its words, kept until the next command)."""
        if self._held is None or copy.exists():
            return
        from relational_cli.core import memory

        memory.end_run(copy.parent, self._held)
        self._held = None

    def temps(self, folder: Path) -> Iterator[Path]:
        """The temp files a write in `folder` makes (and a killed one leaves)."""
        return folder.glob(f"{atomic.TEMP_PREFIX}*{atomic.TEMP_SUFFIX}")

    def staging(self) -> Path:
        """A private folder in the data folder for files on their way in (a restore)."""
        staging = self.folder(self.home.root) / f".restoring-{os.getpid()}"
        staging.mkdir(mode=0o700)
        return staging

    def stage(self, staging: Path, text: str) -> Path:
        return atomic.write_temp(staging, self.for_disk(text))

    # The journal's folders, walked one way (`walking`).

    def month_folders(self, root: Path | None = None) -> Iterator[tuple[str, str]]:
        """("YYYY/MM", path) of every month folder of the journal (or of the trash), newest
        first."""
        return walking.month_folders(root or self.journal)

    def reflection_files(self, folder: str) -> list[os.DirEntry[str]]:
        return walking.reflection_files(folder)

    def files(self, root: Path | None = None) -> Iterator[Path]:
        """Every reflection file of the journal (or of the trash), newest first."""
        return walking.files(root or self.journal)

    def reflection_file(self, folder: Path, stem: str) -> Path:
        """The file of the reflection `stem` in `folder`: whichever kind is there (plain or
        locked), else the kind a new one would be."""
        for suffix in (SEALED, PLAIN):
            if (folder / f"{stem}{suffix}").is_file():
                return folder / f"{stem}{suffix}"
        return folder / f"{stem}{self.suffix}"

    def place_of(self, path: Path) -> str:
        """Where a reflection file is within the journal folder, as a backup names it
        (`2026/11/….md`, whichever kind it is)."""
        return path.relative_to(self.journal).with_suffix(PLAIN).as_posix()

    def in_trash(self, path: Path) -> Path:
        """The trash's folder for a reflection file of the journal (the same year and month)."""
        return self.trash / path.relative_to(self.journal).parent

    # Turning the lock on and off (`core/journal/moving.py` decides names; these do the writing)

    def every_reflection(self, suffix: str) -> list[Path]:
        """Every reflection file of one kind (`.md` or `.age`), in the journal and the trash."""
        return [
            path for root in (self.journal, self.trash) for path in self.files(root)
            if path.suffix == suffix
        ]  # fmt: skip

    def documents(self, suffix: str = "") -> list[Path]:
        """The documents kept in the data folder that hold a person's words (`plan.md`…)."""
        names = (f"{name}{suffix}" for name in DOCUMENTS)
        return [self.home.root / name for name in names if (self.home.root / name).is_file()]

    def as_written(self, path: Path, identity: AgeIdentity) -> str:
        """A file's text as it was written: opened with `identity` if it is locked; bytes that
        are not UTF-8 kept as they are (they come back the same when written again)."""
        from relational_cli.core.lock import cipher

        data = read_bytes(path)
        if cipher.is_age(data):
            data = cipher.unpadded(cipher.decrypt(data, identity))
        return data.decode("utf-8", "surrogateescape")

    def rewrite(self, old: Path, new: Path, text: str, seal: bool, identity: AgeIdentity) -> Path:
        """Put `text` (encrypted when `seal`) at `new`, or the first free `new-2`…, unless an
        earlier run put it there already; sync it and read it back whole; only then remove
        `old`. Where it is now. (Its text is never changed: a reflection keeps its id, whatever
        its name.)"""
        target = new
        data = text.encode("utf-8", "surrogateescape")
        for attempt in range(2, atomic.FREE_NAMES):
            if not target.exists():
                atomic.write_new(
                    self.folder(target.parent) / target.name, self.for_disk(data) if seal else data
                )
            if self._holds_exactly(target, data, identity):
                break  # written now, or by an earlier run that was stopped
            target = new.with_name(f"{new.stem}-{attempt}{new.suffix}")  # other words there
        else:
            raise FileExistsError(messages.files.NO_FREE_NAME_FOR.format(new))
        os.unlink(old)
        atomic.sync_folder(old.parent)
        return target

    def forget_marks(self) -> None:
        """Remove the marks of windows holding an exercise open (a locked journal keeps none:
        their names say the exercise)."""
        for mark in self.drafts.glob("*.lock") if self.drafts.is_dir() else []:
            self.remove(mark)

    def _holds_exactly(self, path: Path, data: bytes, identity: AgeIdentity) -> bool:
        try:
            return self.as_written(path, identity).encode("utf-8", "surrogateescape") == data
        except (OSError, ValueError):
            return False

    # Drafts and the recovery folder

    def draft_name(self, name: str, text: str) -> str:
        """The name a draft from a backup gets here (see `names.draft_name`)."""
        return names.draft_name(name, text, self._name_key())

    def draft_files(self) -> list[Path]:
        if not self.drafts.is_dir():
            return []
        return sorted(p for p in self.drafts.iterdir() if p.suffix in (".json", SEALED))

    # The index

    def connect_index(self, timeout: float) -> sqlite3.Connection:
        """The index database: a private file (0600) made if it is new; for a locked journal,
        the encrypted image opened into memory (never on disk in the clear; the index asks
        `can_deserialize` first)."""
        import sqlite3

        self.folder(self.index.parent)
        if self.locked:
            db = sqlite3.connect(":memory:")
            with contextlib.suppress(FileNotFoundError):
                db.deserialize(self.from_disk(self.locked_index.read_bytes()))  # type: ignore[attr-defined, unused-ignore]
            return in_memory_only(db)
        if not self.index.exists():
            os.close(os.open(self.index, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE))
        return in_memory_only(sqlite3.connect(self.index, timeout=timeout))

    def keep_index(self, db: sqlite3.Connection) -> None:
        """A locked index, written back as its encrypted image (a plain one is a file already)."""
        if self.locked:
            db.execute("VACUUM")  # its free pages would be encrypted, written and read too
            atomic.replace(self.locked_index, self.for_disk(db.serialize()))  # type: ignore[attr-defined, unused-ignore]

    def forget_index(self) -> None:
        """Delete the index (damaged, or of another version): it is rebuilt from the files."""
        for index in (self.index, self.locked_index):
            with contextlib.suppress(OSError):
                index.unlink()


def in_memory_only(db: sqlite3.Connection) -> sqlite3.Connection:
    """`db`, set to keep its temporary tables, sorts and copies in memory. By default SQLite
    spills them past about 2 MB into a file in $TMPDIR (`etilqs_…`, created, written and
    unlinked): a `VACUUM` of a locked index would write every word there in the clear. (An
    in-memory database keeps its journal in memory already.)"""
    db.execute("PRAGMA temp_store = MEMORY")
    return db


def can_deserialize() -> bool:
    """Whether this Python's sqlite3 opens a database from bytes (3.11 and newer), as a
    locked index needs."""
    import sqlite3

    return hasattr(sqlite3.Connection, "deserialize")
