"""The lock's own files while a new key is made (`moving.change_key` encrypts the journal's
files again between these steps): the new key, kept meanwhile encrypted to the old one, and
at the end sealed with the new passphrase, the old key put aside. Key material only: none of
a person's words is written here."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from relational_cli import messages
from relational_cli.core import atomic
from relational_cli.core.errors import UserError
from relational_cli.core.home import IDENTITY
from relational_cli.core.lock import cipher

if TYPE_CHECKING:
    from relational_cli.core.lock.keys import Keys

NEXT = "next-key.age"
"""While a new key is being made (`lock --change-passphrase`): the new identity, encrypted to
the old one, so that the old passphrase can finish a change that was stopped; removed at the
end, when the new key is sealed with the new passphrase."""


def begin(keys: Keys, fresh: str, current: str) -> None:
    """A new key is being made: it is kept, until the change ends, encrypted to the current
    one (`NEXT`), so the passphrase that opens that one can finish it."""
    sealed = cipher.encrypt(fresh.encode(), cipher.recipient_of(current))
    if not atomic.write_new(keys.home.ensure(keys.folder) / NEXT, sealed):
        raise UserError(messages.lock.CHANGE_RACE)


def seal_anew(keys: Keys, identity: str, passphrase: str, retire: bool = True) -> None:
    """Seal `identity` with `passphrase` as the journal's key; the key it replaces (if
    `retire`) is kept aside, still sealed with its own passphrase, for backups made with it
    (as unlocking for good keeps it), once however often this is run."""
    folder = keys.folder
    sealed = (folder / IDENTITY).read_bytes()
    retired = sorted(folder.glob("retired-identity*.age"))
    if retire and not any(kept.read_bytes() == sealed for kept in retired):
        atomic.first_free(
            folder, "retired-identity", ".age",
            lambda target, _: atomic.link_new(folder / IDENTITY, target),
        )  # fmt: skip
    atomic.replace(folder / IDENTITY, cipher.lock_with_passphrase(identity.encode(), passphrase))
    keys.forget()
    keys.write_to(identity)


def end(keys: Keys) -> None:
    """The change is done: the new key's hand-over copy removed."""
    with contextlib.suppress(FileNotFoundError):
        (keys.folder / NEXT).unlink()
    atomic.sync_folder(keys.folder)
