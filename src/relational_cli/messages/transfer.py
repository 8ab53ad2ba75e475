"""Words of taking reflections with you and bringing them in: export, import, backups."""

from __future__ import annotations

from pathlib import Path


def imported(added: int, already: int, source: Path | None) -> str:
    entries = f"{added} entr{'y' if added == 1 else 'ies'}"
    there = f" ({already} already in your journal)" if already else ""
    listing = " relational review -e journal lists them." if added else ""
    return f"Imported {entries} from {source}{there}.{listing}"


def _reflections(count: int) -> str:
    return f"{count} reflection{'' if count == 1 else 's'}"


def exported(count: int, target: Path) -> str:
    return f"Wrote a digest of {_reflections(count)} to {target}."


def backed_up(count: int, target: Path, locked: bool) -> str:
    if locked:
        return (
            f"Backed up {_reflections(count)} to {target}, locked with your journal's key:"
            " only this journal (or your recovery copy) opens it. relational import backup"
            " FILE brings it back."
        )
    return (
        f"Backed up {_reflections(count)} to {target}. It is not encrypted: anyone who can"
        " open the file can read it. relational import backup FILE brings it back."
    )


def locked_backup(path: Path, lock: Path) -> str:
    return (
        f"{path} is a locked backup, and only the key of the journal it came from opens it:"
        f" copy that journal's lock folder to {lock}, run relational lock --setup with its"
        " passphrase (this journal is then locked with the same key), and import it again"
    )


def kept_beside(place: str, kept: str) -> str:
    return f"{place} already holds other words here: the backup's is kept beside it, as {kept}."


def kept_yours(name: str) -> str:
    return f"{name} is different here: yours is kept (the backup's copy was not restored)."


def backup_restored(added: int, same: int, beside: int, source: Path | None) -> str:
    parts = [f"Restored {added} file{'' if added == 1 else 's'} from {source}"]
    if same:
        parts.append(f"{same} already here word for word")
    if beside:
        parts.append(f"{beside} kept beside different words")
    return "; ".join(parts) + "."


NOTHING_TO_EXPORT = "no reflections match, so there is nothing to export"
BACKUP_HOLDS_ALL = "a backup (--format json) holds everything: leave out ids and filters"
DRAFTS_GO_IN_A_BACKUP = "--drafts goes with --format json (a backup)"


def jrnl_undated(path: Path, time_format: str) -> str:
    return (
        f"{path}: no entry date could be read (as [{time_format}] at the start of a line), so"
        " it all came in as one entry dated now, as jrnl reads it; if its dates are written"
        " another way, pass --time-format (e.g. --time-format '%d.%m.%Y %H:%M') or --config"
        " with its jrnl config"
    )


def jrnl_config_unread(path: Path, problem: Exception) -> str:
    return f"could not read the jrnl config {path}: {problem}"


NOTE = "relational: note: {}"


# The digest's own words (`relational export --format markdown` or html).
DIGEST_TITLE = "My reflections"
NONE_CHOSEN = "(none chosen)"
NONE_GIVEN = "(none given)"


# An imported jrnl entry's questions, and what an import says of the file.
JRNL_UNTITLED = "A free-form journal entry"
JRNL_ENTRY = "What's on your mind?"
JRNL_TITLE = "Would you like to give it a title?"
JRNL_TEXT_BEFORE = "{}:1: text before the first entry, which jrnl leaves out too"
JRNL_NOT_UTF8 = "{}:{}: not UTF-8; unreadable bytes shown as �"
