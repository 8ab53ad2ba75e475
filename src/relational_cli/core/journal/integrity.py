"""What can be seen of files that were not written as they claim: in a locked journal, a plain
reflection (anyone with access to the account can drop one there, where the lock would have
encrypted it), and a reflection whose file name and content disagree (its time is not the one
in its name: renamed by hand, or swapped with another). age does not say who encrypted a file,
so an encrypted one planted with the journal's public recipient cannot be told apart; this is
what can be, and each command that shows such a file names it."""

from __future__ import annotations

from pathlib import Path

from relational_cli import messages
from relational_cli.core.journal.names import TIMED
from relational_cli.core.journal.storage import Storage
from relational_cli.core.journal.summary import CONFLICT, summary_from
from relational_cli.core.journal.walking import PLAIN


def doubt(storage: Storage, path: Path, reflection_id: str) -> str:
    """What is doubtful about the reflection `reflection_id` read from `path`, in a line to
    say; "" if nothing."""
    place = _place(storage, path)
    if storage.locked and path.suffix == PLAIN:
        return messages.lock.not_written_locked(place)
    if CONFLICT.search(path.name) or not (TIMED.match(path.name) and TIMED.match(reflection_id)):
        return ""
    if path.name[:15] != reflection_id[:15]:
        return messages.lock.name_disagrees(place, reflection_id)
    return ""


def plain_in_locked(storage: Storage) -> list[Path]:
    """In a locked journal, the plain files (in the journal and the trash) that read as
    relational's reflections; files with no such front matter are not ours, and left out."""
    if not storage.locked:
        return []
    found = []
    for path in storage.every_reflection(PLAIN):
        try:
            summary_from(storage.read_head(path), path)
        except Exception:  # not a reflection of ours: somebody's note, left alone
            continue
        found.append(path)
    return found


def _place(storage: Storage, path: Path) -> str:
    """Where a file is, within the data folder."""
    try:
        return str(path.relative_to(storage.home.root))
    except ValueError:
        return str(path)
