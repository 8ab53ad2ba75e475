"""The journal's lock, in `lock/` in the data folder: the public recipient everything is written
to (`recipient.txt`, and a copy in `recipient-copy.txt`: with it, nothing needs a passphrase to
be saved), the identity that reads (`identity.age`, an age file only the passphrase opens), and
how long an unlock lasts.

The journal is locked while `identity.age` is there, whatever became of the recipient: a
locked journal never writes in the clear. A recipient missing or damaged is taken from its
copy; with neither (or two that disagree) the identity gives it, so saving then needs the
passphrase, and without it nothing is written. Each time the identity is opened the recipient
is checked against the identity's own, and mended: one put there by someone else (so that what
is written goes to their key) is named, with the files this identity cannot open. Unlocking
opens the identity with the passphrase — asked on the terminal, or the output of a command
(restic's and borg's way) — and keeps it for a while (`keeping`), never on disk in the clear.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from relational_cli import messages
from relational_cli.core import atomic
from relational_cli.core.errors import UserError
from relational_cli.core.home import IDENTITY, RECIPIENT, RECIPIENT_COPY, Home
from relational_cli.core.lock import cipher
from relational_cli.core.lock.rekeying import NEXT

if TYPE_CHECKING:
    from datetime import datetime

    from relational_cli.core.lock.keeping import Keeper

__all__ = ["IDENTITY", "Keys", "LockDamaged", "Locked"]
SETTINGS = "settings.json"
STAY_UNLOCKED = 15
"""Minutes an unlock lasts unless the person chose otherwise (0: asked every time)."""


class Locked(UserError):
    """Reading needs the identity, and none could be had (no passphrase given, or no way to
    ask for one)."""


class LockDamaged(UserError):
    """The journal is locked, its recipient cannot be trusted (missing, damaged, or two copies
    that disagree), and the identity that would give it could not be had: nothing is
    written."""


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
        tell: Callable[[str], None] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.home = home
        self.clock = clock
        """The time now (the Environment's), for a keeper that keeps an unlock's end itself."""
        self.tell = tell or (lambda message: None)
        """Says what was found wrong with the lock, and mended (a line on stderr)."""
        self.folder = home.lock
        self.environ = environ or {}
        self.passphrases = passphrases
        self._identity: cipher.AgeIdentity | None = None
        self._declined = False
        """The person went on without unlocking: not asked again in this command."""
        self._recipient: str | None = None
        self._keeper: Keeper | None = None

    # Writing needs only the recipient.

    @property
    def locked(self) -> bool:
        """Whether the journal is locked: everything is written encrypted. A fact of the
        journal (its identity is there), never of the recipient being readable."""
        return (self.folder / IDENTITY).is_file()

    def recipient(self) -> str:
        """The recipient a locked journal writes to: the open identity's own; else the one
        recorded (from its copy if the first is damaged, which is mended); else, with none
        to trust, the identity's, asked for if it can be (and the record mended).
        `LockDamaged`, and nothing written, when there is none."""
        if self._identity is None and self._recipient is None:
            with contextlib.suppress(Locked):
                self.identity(ask=False)  # unlocked a while: its own, and the record checked
        if self._identity is not None:
            return str(self._identity.to_public())
        if self._recipient is None:
            self._recipient = self._recorded() or self._from_identity()
        return self._recipient

    def _recorded(self) -> str | None:
        """The recipient recorded, if one can be trusted: both copies the same, or one sound
        and the other missing or damaged (mended from it). None when neither is sound, or
        they disagree (which is someone else's cannot be told without the identity)."""
        found = [_recipient_in(self.folder / name) for name in (RECIPIENT, RECIPIENT_COPY)]
        sound = {recipient for recipient in found if recipient}
        if len(sound) != 1:
            return None
        (recipient,) = sound
        if None in found:
            problem, upgrade = self._problem(), self._first_copy(found)
            self._record(recipient)
            if not upgrade:
                self.tell(messages.lock.recipient_mended(self.folder / RECIPIENT, problem))
        return recipient

    def _first_copy(self, found: list[str | None]) -> bool:
        """Whether only the copy is missing: a journal locked before copies were kept, given
        its first one (nothing was damaged)."""
        return found[0] is not None and not (self.folder / RECIPIENT_COPY).exists()

    def _from_identity(self) -> str:
        problem = self._problem()
        try:
            identity = self.identity()  # opening it checks the recipient, and records its own
        except Locked:
            raise LockDamaged(messages.lock.recipient_damaged(problem)) from None
        return str(identity.to_public())

    def _problem(self) -> str:
        """What is wrong with the recorded recipient, in words."""
        problems = []
        for name in (RECIPIENT, RECIPIENT_COPY):
            path = self.folder / name
            try:
                text = path.read_text(encoding="utf-8", errors="replace").strip()
            except FileNotFoundError:
                problems.append(messages.lock.recipient_missing(path))
                continue
            except OSError as exc:
                problems.append(messages.lock.recipient_unreadable(path, exc))
                continue
            if not text:
                problems.append(messages.lock.recipient_empty(path))
            elif _recipient_in(path) is None:
                problems.append(messages.lock.recipient_garbled(path))
        return "; ".join(problems) or messages.lock.RECIPIENTS_DISAGREE

    def _record(self, recipient: str) -> None:
        """Record the recipient (both copies): from now on everything is written to it."""
        folder = self.home.ensure(self.folder)
        for name in (RECIPIENT_COPY, RECIPIENT):
            atomic.replace(folder / name, recipient + "\n")
        self._recipient = recipient

    def _check(self, identity: str) -> None:
        """The recorded recipient checked against the identity's own, and mended: one that
        is someone else's is named loudly, with the files this identity cannot open. (While
        a new key is being made, the new one's is this identity's own.)"""
        own = cipher.recipient_of(identity)
        with contextlib.suppress(OSError, cipher.CannotDecrypt):
            fresh = cipher.decrypt((self.folder / NEXT).read_bytes(), identity).decode()
            own = cipher.recipient_of(fresh)
        found = [_recipient_in(self.folder / name) for name in (RECIPIENT, RECIPIENT_COPY)]
        if found == [own, own]:
            self._recipient = own
            return
        strangers = {recipient for recipient in found if recipient and recipient != own}
        problem, upgrade = self._problem(), self._first_copy(found)
        self._record(own)
        if strangers:
            unopened = self._unopened(cipher.parsed(identity))
            self.tell(messages.lock.recipient_replaced(self.folder / RECIPIENT, unopened))
        elif not upgrade:
            self.tell(messages.lock.recipient_mended(self.folder / RECIPIENT, problem))

    def _unopened(self, identity: cipher.AgeIdentity) -> list[Path]:
        """The age files of the data folder (outside the lock) this identity cannot open."""
        found = []
        for path in sorted(self.home.root.rglob("*.age")):
            if path.parent == self.folder or not path.is_file():
                continue
            try:
                cipher.decrypt(path.read_bytes(), identity)
            except cipher.CannotDecrypt:
                found.append(path)
            except OSError:
                continue
        return found

    # Reading needs the identity.

    @property
    def name(self) -> str:
        """Under what the identity is kept for a while (one data folder's own)."""
        return f"relational:{self.home.root}"

    def keeper(self) -> Keeper:
        if self._keeper is None:
            from relational_cli.core.lock.keeping import keeper

            self._keeper = keeper(self.environ, self.clock)
        return self._keeper

    def identity(self, ask: bool = True) -> cipher.AgeIdentity:
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
        self._check(kept)
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

    def prove(self, passphrase: str) -> bool:
        """Whether `passphrase` opens the identity; if so, it is open for this command."""
        with contextlib.suppress(UserError):
            self._check(found := self.opened_with(passphrase))
            self._identity = cipher.parsed(found)
            return True
        return False

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
        fits = isinstance(minutes, int) and minutes >= 0
        return min(minutes, 24 * 60) if fits else STAY_UNLOCKED  # a day at most

    def set_minutes(self, minutes: int) -> None:
        settings = json.dumps({"stay_unlocked_minutes": minutes}) + "\n"
        atomic.replace(self.home.ensure(self.folder) / SETTINGS, settings)
        if minutes == 0:
            self.keeper().forget(self.name)

    def how(self) -> Unlock:
        minutes = self.minutes()
        where = self.keeper().where if minutes else messages.lock.KEPT_NOWHERE_ZERO
        return Unlock(minutes, where)

    def stretch(self) -> int:
        """How strongly the passphrase is stretched: the scrypt work factor (log2 N) of the
        sealed identity; 0 if it cannot be read."""
        try:
            return cipher.work_factor((self.folder / IDENTITY).read_bytes())
        except OSError:
            return 0

    # Setting up, and changing the passphrase.

    def set_up(self, passphrase: str) -> str:
        """Make the identity (or, after a setup that stopped half way, open the one made
        then), seal it with the passphrase, and record its recipient: from then on every
        file is written encrypted. Returns the identity, for a recovery copy. (The journal is
        locked from the moment the sealed identity is in place; stopped before its recipient
        was recorded, nothing is written until this is run again, or the identity opened.)"""
        folder = self.home.ensure(self.folder)
        if self.locked:
            try:
                identity = cipher.open_with_passphrase(self._sealed_identity(), passphrase)
            except cipher.WrongPassphrase:
                raise UserError(messages.lock.SETUP_WRONG_PASSPHRASE) from None
            found = identity.decode().strip()
        else:
            found = cipher.new_identity()
            sealed = cipher.lock_with_passphrase(found.encode(), passphrase)
            if not atomic.write_new(folder / IDENTITY, sealed):  # the journal is locked now
                raise UserError(messages.lock.SETUP_RACE)
        self._record(cipher.recipient_of(found))
        self._identity = cipher.parsed(found)
        return found

    # A new key (`moving.change_key` re-encrypts the files between these steps).

    def opened_with(self, passphrase: str) -> str:
        """The identity, opened with the passphrase (`UserError` if it does not open it)."""
        try:
            return cipher.open_with_passphrase(self._sealed_identity(), passphrase).decode().strip()
        except cipher.WrongPassphrase:
            stopped = (self.folder / NEXT).is_file()
            wrong = (
                messages.lock.CHANGE_STOPPED_WRONG if stopped else messages.lock.WRONG_PASSPHRASE
            )
            raise UserError(wrong) from None

    def write_to(self, identity: str) -> None:
        """From now on every file is written to this identity's recipient (both copies), and
        this command writes with it."""
        self._record(cipher.recipient_of(identity))
        self._identity = cipher.parsed(identity)

    def change_passphrase(self, old: str, new: str) -> None:
        """Seal the same identity with a new passphrase (`--same-key`): the journal is not
        rewritten, so an older copy of the sealed key still opens it with the old one."""
        try:
            identity = cipher.open_with_passphrase(self._sealed_identity(), old)
        except cipher.WrongPassphrase:
            raise UserError(messages.lock.WRONG_PASSPHRASE) from None
        atomic.replace(self.folder / IDENTITY, cipher.lock_with_passphrase(identity, new))
        self.forget()

    def retire(self) -> Path:
        """After the journal was unlocked for good: the identity kept aside, still sealed,
        for older backups (the journal is plain from then), and the recipient removed."""
        self.forget()
        kept = self._put_aside()
        assert kept is not None
        for name in (RECIPIENT, RECIPIENT_COPY):
            with contextlib.suppress(FileNotFoundError):
                (self.folder / name).unlink()
        self._recipient = None
        return kept

    def _put_aside(self) -> Path | None:
        """The sealed identity moved to the first free `retired-identity.age` (never
        deleted: a backup made while locked needs it); where it went, if there was one."""
        if not (self.folder / IDENTITY).is_file():
            return None
        return atomic.move_free(self.folder / IDENTITY, self.folder, "retired-identity.age")


def _recipient_in(path: Path) -> str | None:
    """The recipient a file records, if it holds one (`age1…`, as age parses it)."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith("age1") or not cipher.is_recipient(text):
        return None
    return text
