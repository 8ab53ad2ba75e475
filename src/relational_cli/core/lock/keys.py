"""The journal's lock, in `lock/` in the data folder: the public recipient everything is written
to (`recipient.txt`: with it, nothing needs a passphrase to be saved), the identity that reads
(`identity.age`, an age file only the passphrase opens), and how long an unlock lasts.

The journal is locked when `recipient.txt` is there. Unlocking opens the identity with the
passphrase — asked on the terminal, or the output of a command (restic's and borg's way) —
and keeps it for a while (`keeping`), never on disk in the clear.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from relational_cli import messages
from relational_cli.core import atomic
from relational_cli.core.errors import UserError
from relational_cli.core.home import RECIPIENT, Home
from relational_cli.core.lock import cipher

if TYPE_CHECKING:
    from relational_cli.core.lock.keeping import Keeper

IDENTITY = "identity.age"
SETTINGS = "settings.json"
STAY_UNLOCKED = 15
"""Minutes an unlock lasts unless the person chose otherwise (0: asked every time)."""


class Locked(UserError):
    """Reading needs the identity, and none could be had (no passphrase given, or no way to
    ask for one)."""


class Passphrases(Protocol):
    """Where a passphrase comes from: the terminal (asked, never echoed) or a command."""

    tries: int
    """How many times it may be asked before giving up (a command gives one answer)."""

    def ask(self, prompt: str) -> str | None:
        """The passphrase, or None when there is no way to ask (or the person went on
        without)."""

    def wrong(self) -> None:
        """Said after a passphrase that did not open the identity, when another try is left."""


@dataclass(frozen=True)
class Unlock:
    """How the journal stays unlocked here."""

    minutes: int
    where: str


class Keys:
    """The lock of one data folder."""

    def __init__(
        self,
        home: Home,
        environ: Mapping[str, str] | None = None,
        passphrases: Callable[[], Passphrases | None] | None = None,
    ) -> None:
        self.home = home
        self.folder = home.lock
        self.environ = environ or {}
        self.passphrases = passphrases
        self._identity: Any = None
        self._declined = False
        """The person went on without unlocking: not asked again in this command."""
        self._recipient: str | None = None
        self._keeper: Keeper | None = None

    # Writing needs only the recipient.

    @property
    def locked(self) -> bool:
        """Whether the journal is locked: everything is written encrypted."""
        return self.recipient() is not None

    def recipient(self) -> str | None:
        if self._recipient is None:
            try:
                found = (self.folder / RECIPIENT).read_text(encoding="utf-8").strip()
            except OSError:
                return None
            self._recipient = found if found.startswith("age1") else None
        return self._recipient

    # Reading needs the identity.

    @property
    def name(self) -> str:
        """Under what the identity is kept for a while (one data folder's own)."""
        return f"relational:{self.home.root}"

    def keeper(self) -> Keeper:
        if self._keeper is None:
            from relational_cli.core.lock.keeping import keeper

            self._keeper = keeper(self.environ)
        return self._keeper

    def can_read(self) -> bool:
        """Whether the identity is at hand without asking (open here, or kept a while)."""
        try:
            self.identity(ask=False)
        except UserError:
            return False
        return True

    def identity(self, ask: bool = True) -> Any:
        """The identity that reads the journal: already open in this command, kept from an
        earlier unlock, or opened now with the passphrase (unless `ask` is False). `Locked`
        when it cannot be had; `UserError` after wrong passphrases."""
        if self._identity is not None:
            return self._identity
        kept = self.keeper().fetch(self.name) if self.minutes() else None
        if kept is None and ask and not self._declined:
            kept = self.unlock()
            self._declined = kept is None
        if kept is None:
            raise Locked(messages.lock.LOCKED)
        self._identity = cipher.parsed(kept)
        return self._identity

    def unlock(self) -> str | None:
        """Open the identity with the passphrase (a few tries on a terminal), and keep it for
        a while; None when no passphrase could be asked for."""
        sealed = self._sealed_identity()
        source = self.passphrases() if self.passphrases else None
        for attempt in range(source.tries if source else 0):
            assert source is not None
            passphrase = source.ask(messages.lock.PASSPHRASE)
            if not passphrase:
                return None
            try:
                identity = cipher.open_with_passphrase(sealed, passphrase).decode().strip()
            except cipher.WrongPassphrase:
                if attempt + 1 < source.tries:
                    source.wrong()
                continue
            minutes = self.minutes()
            if minutes:
                self.keeper().keep(self.name, identity, minutes * 60)
            return identity
        if source is None:
            return None
        raise UserError(messages.lock.WRONG_PASSPHRASE)

    def forget(self) -> None:
        """Lock again now: the identity kept for a while is forgotten."""
        self._identity = None
        self.keeper().forget(self.name)

    def _sealed_identity(self) -> bytes:
        try:
            return (self.folder / IDENTITY).read_bytes()
        except OSError as exc:
            raise UserError(messages.lock.no_identity(self.folder / IDENTITY, exc)) from None

    # How long an unlock lasts.

    def minutes(self) -> int:
        try:
            found = json.loads((self.folder / SETTINGS).read_text(encoding="utf-8"))
            minutes = found.get("stay_unlocked_minutes", STAY_UNLOCKED)
        except (OSError, ValueError, AttributeError):
            return STAY_UNLOCKED
        return minutes if isinstance(minutes, int) and minutes >= 0 else STAY_UNLOCKED

    def set_minutes(self, minutes: int) -> None:
        settings = json.dumps({"stay_unlocked_minutes": minutes}) + "\n"
        atomic.replace(self.home.ensure(self.folder) / SETTINGS, settings)
        if minutes == 0:
            self.keeper().forget(self.name)

    def how(self) -> Unlock:
        minutes = self.minutes()
        where = self.keeper().where if minutes else "nowhere: asked every time (0 minutes)"
        return Unlock(minutes, where)

    # Setting up, and changing the passphrase.

    def set_up(self, passphrase: str) -> str:
        """Make the identity (or, after a setup that stopped half way, open the one made
        then), seal it with the passphrase, and record its recipient: from then on every
        file is written encrypted. Returns the identity, for a recovery copy. (An identity
        with no recipient beside it never encrypted anything: a setup stopped before it
        recorded one, or an unlock for good stopped before putting it aside. It is put aside
        now, and a new one made.)"""
        folder = self.home.ensure(self.folder)
        if self.locked:
            try:
                identity = cipher.open_with_passphrase(self._sealed_identity(), passphrase)
            except cipher.WrongPassphrase:
                raise UserError(messages.lock.SETUP_WRONG_PASSPHRASE) from None
            found = identity.decode().strip()
        else:
            self._put_aside()
            found = cipher.new_identity()
            sealed = cipher.lock_with_passphrase(found.encode(), passphrase)
            if not atomic.write_new(folder / IDENTITY, sealed):
                raise UserError(messages.lock.SETUP_RACE)
        recipient = cipher.recipient_of(found)
        atomic.replace(folder / RECIPIENT, recipient + "\n")  # the journal is locked from now
        self._recipient, self._identity = recipient, cipher.parsed(found)
        return found

    def change_passphrase(self, old: str, new: str) -> None:
        """Seal the identity with a new passphrase: the journal itself is not rewritten."""
        try:
            identity = cipher.open_with_passphrase(self._sealed_identity(), old)
        except cipher.WrongPassphrase:
            raise UserError(messages.lock.WRONG_PASSPHRASE) from None
        atomic.replace(self.folder / IDENTITY, cipher.lock_with_passphrase(identity, new))
        self.forget()

    def retire(self) -> Path:
        """After the journal was unlocked for good: no recipient (nothing is written
        encrypted), and the identity kept aside, still sealed, for older backups."""
        with contextlib.suppress(FileNotFoundError):
            (self.folder / RECIPIENT).unlink()
        self._recipient = None
        self.forget()
        kept = self._put_aside()
        assert kept is not None
        return kept

    def _put_aside(self) -> Path | None:
        """The sealed identity moved to the first free `retired-identity.age` (never
        deleted: a backup made while locked needs it); where it went, if there was one."""
        if not (self.folder / IDENTITY).is_file():
            return None
        return atomic.move_free(self.folder / IDENTITY, self.folder, "retired-identity.age")
