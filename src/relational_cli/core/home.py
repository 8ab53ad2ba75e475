"""Where relational keeps things: the private data folder, built once from the environment.

`$RELATIONAL_HOME` overrides the platform's user data folder (tests and people who sync their
journal use it). Nothing else reads it: a `Home` is made in one place and passed in. Every
folder we create is 0700 and every file 0600, whatever the umask.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple, Protocol

from relational_cli import messages
from relational_cli.core.errors import UserError

IDENTITY = "identity.age"
"""In the lock folder: the sealed identity that reads the journal. The journal is locked while
it is there (an identity retired by `unlock --permanently` is kept under another name)."""
RECIPIENT = "recipient.txt"
"""In the lock folder: the recipient every file is written to, while the journal is locked."""
RECIPIENT_COPY = "recipient-copy.txt"
"""In the lock folder: a second copy of the recipient, which serves if the first is damaged."""
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


class Home(NamedTuple):
    """The data folder and the places inside it, and the config folder."""

    root: Path
    config_root: Path | None = None
    """The platform's user config folder; None puts settings inside the data folder (with
    $RELATIONAL_HOME, so that one folder holds everything)."""

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Home:
        """The data folder `$RELATIONAL_HOME` names, else the platform's. A relative path is
        refused: it would name a different folder in every folder the command is run from."""
        override = environ.get("RELATIONAL_HOME")
        if override:
            try:
                root = Path(override).expanduser()
            except RuntimeError:  # `~name/…` for a name this computer has no home folder of
                raise UserError(messages.files.home_of_unknown_user(override)) from None
            if not root.is_absolute():
                raise UserError(messages.files.relative_home(override, Path.cwd() / override))
            where = f"RELATIONAL_HOME {root}"
        else:
            import platformdirs  # only when needed: it costs start-up time

            root = Path(platformdirs.user_data_dir("relational", appauthor=False))
            where = messages.general.THE_DATA_FOLDER.format(root)
        if root.exists() and not root.is_dir():
            raise UserError(messages.files.home_is_a_file(where))
        if root.is_dir() and not os.access(root, os.R_OK | os.X_OK):
            raise UserError(messages.files.home_unreadable(where))
        if override:
            return cls(root)
        return cls(root, Path(platformdirs.user_config_dir("relational", appauthor=False)))

    @property
    def config(self) -> Path:
        """Settings the person chose (their region): nothing of their words."""
        return self.config_root or self.root / "config"

    @property
    def journal(self) -> Path:
        return self.root / "journal"

    @property
    def drafts(self) -> Path:
        return self.root / "drafts"

    @property
    def recovery(self) -> Path:
        return self.root / "recovery"

    @property
    def packs(self) -> Path:
        return self.root / "packs"

    @property
    def trash(self) -> Path:
        """Reflections deleted with `relational delete`, kept until the trash is emptied."""
        return self.root / "trash"

    @property
    def lock(self) -> Path:
        """The journal's lock: its recipient, its sealed identity, how long an unlock lasts."""
        return self.root / "lock"

    @property
    def packs_trash(self) -> Path:
        """Packs of the person's own that `relational packs remove` moved aside."""
        return self.root / "trash" / "packs"

    @property
    def cache(self) -> Path:
        """Derived data that can always be rebuilt from the files (the index)."""
        return self.root / "cache"

    def places(self) -> dict[str, Path]:
        """Every place, by a name a person reads (`relational info`)."""
        return {
            messages.general.DATA_FOLDER: self.root,
            "reflections": self.journal,
            "drafts": self.drafts,
            "recovery": self.recovery,
            messages.general.YOUR_PACKS: self.packs,
            "trash": self.trash,
            "index": self.cache,
            "settings": self.config,
        }

    def ensure(self, path: Path) -> Path:
        """Create `path` (and any missing parents below the root) as 0700 and return it."""
        path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        # mkdir's mode is filtered by the umask and ignored for existing folders: set it outright.
        for folder in (path, *path.parents):
            if folder != self.root and self.root not in folder.parents:
                break  # never touch folders outside our own
            if folder.stat().st_mode & 0o777 != PRIVATE_DIR_MODE:
                folder.chmod(PRIVATE_DIR_MODE)
            if folder == self.root:
                break
        return path


class Places(NamedTuple):
    """Where everything lives (`relational info`), by a name a person reads."""

    items: dict[str, str]


class KeptUnlock(Protocol):
    """How an unlock is kept: for how many minutes, and where."""

    @property
    def minutes(self) -> int: ...

    @property
    def where(self) -> str: ...


class Locking(Protocol):
    """What `places` says of the lock (`lock.keys.Keys`, which lives above this module)."""

    @property
    def locked(self) -> bool: ...

    def how(self) -> KeptUnlock: ...

    def stretch(self) -> int: ...


def places(home: Home, version: str, locking: Locking | None = None, floor: int = 0) -> Places:
    """The version, every place in the data folder, where the built-in packs are, and
    whether the journal is locked (`locking`: its `Keys`), how strongly its passphrase is
    stretched (said when below `floor`: the lock's `cipher.STRETCH_FLOOR`) and how an
    unlock is kept."""
    found = {name: str(path) for name, path in home.places().items()}
    listed = {"version": version, **found, messages.general.BUILTIN_PACKS: str(builtin_packs_dir())}
    if locking is not None and locking.locked:
        how = locking.how()
        listed["journal"] = messages.general.JOURNAL_LOCKED
        listed[messages.general.PASSPHRASE_STRETCH] = messages.lock.stretch(
            locking.stretch(), floor
        )
        listed[messages.general.STAYS_UNLOCKED] = (
            messages.general.UNLOCK_KEPT.format(how.minutes, how.where)
            if how.minutes
            else how.where
        )
    elif locking is not None:
        listed["journal"] = messages.general.JOURNAL_PLAIN
    return Places(listed)


def shipped(folder: str) -> Path:
    """A folder of the checkout that the wheel carries inside the package (pyproject's
    force-include): `prompts` (the built-in packs and the pack schema) or `docs`."""
    package = Path(__file__).resolve().parent.parent
    installed = package / folder
    if installed.is_dir():
        return installed
    return package.parents[1] / folder


def builtin_packs_dir() -> Path:
    """The shipped packs: inside the installed package, or `prompts/` in a checkout."""
    return shipped("prompts")


def packs_guide() -> Path:
    """The guide to writing packs (docs/packs.md), which `relational packs guide` prints."""
    return shipped("docs") / "packs.md"


def pack_schema() -> Path:
    """The JSON Schema of the pack format, for editors, shipped with the built-in packs."""
    return builtin_packs_dir() / "pack.schema.json"
