"""Taking reflections with you (`relational export`): a digest of chosen reflections
(Markdown, or one printable HTML page) or a backup of everything (JSON), as text to print or
written (private, 0600) where the person asks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from relational_cli import messages
from relational_cli.core.errors import UserError
from relational_cli.core.journal.fileformat import Reflection
from relational_cli.core.journal.journal import Journal, Warn
from relational_cli.core.journal.query import Query
from relational_cli.core.packs.library import Library

if TYPE_CHECKING:
    from relational_cli.core.journal.indexing import Progress


@dataclass(frozen=True)
class Exported:
    """What was made: its text (to print when there is no `target`), and how many
    reflections it holds."""

    text: str
    count: int
    backup: bool
    target: Path | None = None
    sealed: bool = False
    """Written locked (a backup of a locked journal)."""


def chosen(
    journal: Journal,
    ids: list[str],
    query: Query,
    warn: Warn | None = None,
    progress: Progress | None = None,
) -> list[Reflection]:
    """The reflections named by id (and narrowed by the filters), or those the filters match
    (all of them when there are none)."""
    if ids:
        paths = list(dict.fromkeys(journal.resolve(reference) for reference in ids))
        rows = query.select(journal.read_summary(path) for path in paths).rows
    else:
        rows = journal.query(query, warn, progress).rows
    return [journal.load(row.path) for row in rows]


def digest(
    journal: Journal,
    reflections: list[Reflection],
    form: str,
    target: Path | None = None,
    replace: bool = False,
) -> Exported:
    """A digest of `reflections`: Markdown, or (`form` html) one page that prints well."""
    from relational_cli.core.documents import digest as digests

    if not reflections:
        raise UserError(messages.transfer.NOTHING_TO_EXPORT)
    packs = {pack.id: pack for pack in Library(journal.home).load_all().packs}
    text = digests.markdown(reflections, packs)
    if form == "html":
        from relational_cli.core.documents.html_page import html

        text = html(text, digests.title(reflections), figures=digests.figures(reflections))
    return _deliver(journal, Exported(text, len(reflections), False, target), None, replace)


def backup(
    journal: Journal,
    drafts: bool,
    target: Path | None = None,
    warn: Warn | None = None,
    replace: bool = False,
) -> Exported:
    """A backup of everything (`relational import backup` brings it back)."""
    from relational_cli.core.transfer import backup as backups
    from relational_cli.core.transfer import serialise

    data = backups.make(journal, drafts, warn)
    sealed = target is not None and journal.storage.locked
    made = Exported(serialise.dumps(data), len(data["reflection_files"]), True, target, sealed)
    return _deliver(journal, made, True, replace)


def _deliver(
    journal: Journal, made: Exported, sealed: bool | None = None, replace: bool = False
) -> Exported:
    """Write it where asked (its folder must exist), whole and private, never over a file
    there unless `replace`; a backup of a locked journal stays locked (to the journal's own
    key)."""
    if made.target is not None:
        deliver(journal, made.target, made.text, replace, sealed)
    return made


def deliver(
    journal: Journal, target: Path, text: str, replace: bool = False, sealed: bool | None = None
) -> None:
    """Write a document (a digest, a backup, the timeline) where the person asked, whole and
    private, never over a file there unless `replace`; locked only when `sealed` (outside
    the data folder)."""
    try:
        journal.storage.write_document(target, text, sealed, replace)
    except FileExistsError:
        raise UserError(messages.files.file_there(target)) from None
    except OSError as exc:
        raise UserError(messages.general.could_not_write(target, exc)) from None
