"""Bringing back what the recovery folder keeps (`relational recover`): a reflection into the
journal (checked first, never over another), or a paused draft as its exercise's draft."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from relational_cli import messages
from relational_cli.core.errors import UserError
from relational_cli.core.journal import fileformat, recovery
from relational_cli.core.journal.drafts import DamagedDraft, Drafts
from relational_cli.core.journal.journal import Journal
from relational_cli.core.journal.walking import SEALED


@dataclass(frozen=True)
class Recovered:
    """A reflection brought back (where it is, and whether it was there word for word), or a
    draft brought back (its exercise)."""

    reflection_id: str = ""
    path: Path | None = None
    already: bool = False
    draft_of: str = ""


def bring_back(journal: Journal, drafts: Drafts, name: str) -> Recovered:
    storage = journal.storage
    path = recovery.find(storage, name)  # its name now, or the one it had before a lock
    if path is None:
        raise UserError(messages.drafts.no_such_kept(name, storage.recovery))
    if path.suffix not in (".json", ".md", SEALED):
        raise UserError(messages.drafts.not_a_reflection(path))
    try:
        text = storage.read(path)  # a locked one (kept-…) is a draft or a reflection inside
    except UnicodeDecodeError:
        raise UserError(messages.general.not_utf8(path)) from None
    if path.suffix == ".json" or (path.suffix == SEALED and text.lstrip().startswith("{")):
        try:
            return Recovered(draft_of=drafts.bring_back(path))
        except DamagedDraft:
            raise UserError(messages.drafts.not_a_reflection(path)) from None
    try:
        reflection, target, already = journal.restore(text, str(path))
    except fileformat.FormatError as exc:
        raise UserError(f"{exc}; {messages.drafts.fix_and_recover(path, name)}") from None
    storage.remove(path)  # its words are in the journal now, byte for byte
    return Recovered(reflection.id, target, already)
