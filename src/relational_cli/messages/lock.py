"""Words of the locked journal: setting it up, unlocking, locking again, turning it off."""

from __future__ import annotations

from pathlib import Path

PASSPHRASE = "Passphrase for your journal (Enter alone goes on without it): "
NEW_PASSPHRASE = "A passphrase for your journal (it will not be shown): "
AGAIN = "The same passphrase again: "
NOT_THE_SAME = "Those were not the same. Let's try again."
TOO_SHORT = "Please choose a passphrase of at least 8 characters (not only spaces)."
WRONG_TRY = "That passphrase does not open your journal. Try again?"
WRONG_PASSPHRASE = "that passphrase does not open your journal; nothing was changed"
SETUP_WRONG_PASSPHRASE = (
    "a lock was begun here with another passphrase; run relational lock --setup again with"
    " that one to finish it (nothing was changed)"
)
CHANGE_STOPPED_WRONG = (
    "a change of passphrase was stopped half way; give the passphrase you had before it"
    " to finish it (nothing was changed)"
)
KEEPS_CHANGING = (
    "your journal kept changing while its files were encrypted to the new key; run"
    " relational lock --change-passphrase again, with the passphrase you had, to finish"
)
SETUP_RACE = "another window is setting up the lock; nothing was changed"
CHANGE_RACE = "another window is changing the passphrase; nothing was changed"
LOCKED = (
    "your journal is locked, and reading it needs your passphrase: run this in a terminal,"
    " relational unlock first, or set RELATIONAL_PASSPHRASE_COMMAND"
)
NO_PASSPHRASE = "no passphrase was given; nothing was changed"
PASSPHRASE_AGAIN = "Your journal's passphrase, asked again to be sure it is you: "
ASKED_AGAIN = (
    "removing, changing or loosening the lock asks for your passphrase again, even while your"
    " journal is unlocked: run this in a terminal, or set RELATIONAL_PASSPHRASE_COMMAND;"
    " nothing was changed"
)
NOT_SET_UP = "your journal is not locked; relational lock --setup locks it"
STAYS_LOCKED = (
    "Your journal stays locked: paused drafts and last time's answers are not shown this"
    " time. What you write now is saved locked."
)
EDIT_NEEDS_MEMORY = (
    "editing a locked reflection needs a folder in memory for the editor's copy"
    " ($XDG_RUNTIME_DIR, or /dev/shm), and there is none here; nothing was changed"
)


def no_identity(path: Path, problem: object) -> str:
    return f"{path}: your journal's key cannot be read ({problem})"


def recipient_missing(path: Path) -> str:
    return f"{path} is missing"


def recipient_empty(path: Path) -> str:
    return f"{path} is empty"


def recipient_garbled(path: Path) -> str:
    return f"{path} does not hold a key"


def recipient_unreadable(path: Path, problem: object) -> str:
    return f"{path} cannot be read ({problem})"


RECIPIENTS_DISAGREE = "its two copies of the key to write to are not the same"


def recipient_damaged(problem: str) -> str:
    return (
        f"your journal is locked, but its lock is damaged ({problem}); nothing was written,"
        " and nothing in the clear: relational unlock mends it with your passphrase"
    )


def recipient_mended(path: Path, problem: str) -> str:
    return f"Your journal's lock was damaged ({problem}); it is mended. ({path})"


def recipient_replaced(path: Path, unopened: list[Path]) -> str:
    lines = [
        f"WARNING: your journal's lock was changed to write to someone else's key ({path})."
        " It is mended: from now on everything is written to your own key again."
    ]
    if unopened:
        count = len(unopened)
        lines.append(
            f"Your key cannot open {count} file{'' if count == 1 else 's'}, written while it was"
            " changed (whoever changed it may be able to):"
        )
        lines += [f"  {path}" for path in unopened]
    return "\n".join(lines)


def command_failed(code: int, last_line: str) -> str:
    said = f" It said: {last_line}" if last_line else ""
    return f"the passphrase command ended with an error (exit {code}); nothing was changed.{said}"


def command_not_run(problem: str) -> str:
    return f"the passphrase command could not be run ({problem}); nothing was changed"


def command_too_slow(seconds: int) -> str:
    return (
        f"the passphrase command gave no passphrase within {seconds}"
        f" second{'' if seconds == 1 else 's'}, and was stopped;"
        " nothing was changed"
    )


COMMAND_NOT_FOUND = (
    "the passphrase command was not found (exit 127): check its name and your PATH; nothing"
    " was changed"
)
COMMAND_PRINTED_NOTHING = (
    "the passphrase command printed nothing on its first line; nothing was changed"
)
COMMAND_TOO_SHORT = (
    "the new passphrase the command printed is shorter than 8 characters (or only spaces);"
    " please choose a longer one; nothing was changed"
)
NEW_NOT_TEXT = "the new passphrase the command printed is not UTF-8 text; nothing was changed"


def locked_now(where: str) -> str:
    return f"Locked. Reading your journal needs your passphrase again. (It was kept in {where}.)"


def unlocked(minutes: int, where: str) -> str:
    if minutes == 0:
        return "Unlocked for this command only: your passphrase is asked each time (0 minutes)."
    return f"Unlocked for {minutes} minutes, kept in {where}. relational lock locks it now."


def set_up(count: int) -> str:
    files = f"{count} file{'' if count == 1 else 's'}"
    return (
        f"Your journal is locked: {files} encrypted. Saving needs no passphrase; reading does."
        " On SSDs and in backups or snapshots, older plain copies may survive: full-disk"
        " encryption protects those."
    )


def unlocked_for_good(count: int, kept: Path) -> str:
    files = f"{count} file{'' if count == 1 else 's'}"
    return (
        f"Your journal is plain Markdown again: {files} decrypted. The old key is kept, still"
        f" sealed with your passphrase, in {kept}, for backups made while it was locked."
    )


def unlocked_but_some_left(count: int, kept: Path, left: list[Path]) -> str:
    lines = [
        f"{unlocked_for_good(count, kept)} {len(left)} locked"
        f" file{' is' if len(left) == 1 else 's are'} damaged and could not be opened;"
        " left as they are:"
    ]
    return "\n".join([*lines, *(f"  {path}" for path in left)])


RECOVERY_OFFER = "Make a recovery copy of your key now? It is offered only this once."
RECOVERY_YES = "Yes, show it (I'll write it down and keep it safe)"
RECOVERY_FILE = "Yes, write it to a file (I'll move it somewhere safe)"
RECOVERY_NO = "No"
RECOVERY_KEPT = "I have kept it: clear it from the screen"
RECOVERY_CLEARED = "Your recovery key is cleared from the screen."
RECOVERY_WHERE = "The new file to write it to (Enter alone writes nothing):"
RECOVERY_NOT_WRITTEN = "No recovery copy was written."


def recovery_written(path: Path) -> str:
    return (
        f"Your recovery key is written to {path}, readable only by you. Move it somewhere safe,"
        " away from this computer (a USB stick, or printed and then deleted)."
    )


def recovery_exists(path: Path) -> str:
    return f"{path} is there already, and is left as it is. Please name a new file."


def recovery_inside(root: Path) -> str:
    return (
        f"That is inside relational's own folder ({root}); a recovery copy belongs away from"
        " your journal. Please name another place."
    )


def recovery_unwritable(path: Path, problem: str) -> str:
    return f"{path} could not be written ({problem}). Please name another place."


RECOVERY_WORDS = (
    "Your recovery key. Anyone who has it can read your journal; without it and without your"
    " passphrase, nobody can — not even you. Keep it somewhere safe, away from this computer:"
)
FORGOTTEN = (
    "If you forget your passphrase and have no recovery copy, your journal cannot be read by"
    " anyone."
)
PASSPHRASE_CHANGED = (
    "Your passphrase is changed; your journal was not rewritten: it keeps the same key, so an"
    " older copy of the key file (a backup, a sync tool's old versions) still opens it with"
    " the old passphrase. Without --same-key, a new key is made and every file re-encrypted."
)


def new_key_plan(count: int, seconds: int) -> str:
    files = f"{count} file{'' if count == 1 else 's'}"
    return (
        f"A new passphrase makes a new key: your journal's {files} are encrypted again to it"
        f" (about {seconds} seconds), so the old passphrase, and any copy of the old key,"
        " opens nothing written from now on. Stopped, run it again: it finishes."
    )


def new_key(count: int, others: int) -> str:
    files = f"{count} file{'' if count == 1 else 's'}"
    said = (
        f"Your passphrase is changed and your journal has a new key: {files} encrypted again."
        " The old key is kept aside, still sealed with the old passphrase, for backups made"
        " with it; it opens nothing written now."
    )
    if others:
        said += (
            f" {others} age file{'' if others == 1 else 's'} of another key were left as they are."
        )
    return said


def not_written_locked(place: str) -> str:
    return (
        f"relational: note: {place} was not written while your journal was locked: it is a"
        " plain file, which anyone with access to this account could have put there"
        " (relational info lists such files)"
    )


def name_disagrees(place: str, reflection_id: str) -> str:
    return (
        f"relational: note: {place} holds reflection {reflection_id}, whose time is not the"
        " one in the file's name: it was renamed, or swapped with another"
    )


def plain_files(places: list[str]) -> str:
    shown = ", ".join(places[:5]) + (f" and {len(places) - 5} more" if len(places) > 5 else "")
    return (
        f"{len(places)} plain, not written while locked: {shown};"
        " relational lock --setup locks them (it asks for your passphrase)"
    )


def stretch(work_factor: int, floor: int) -> str:
    """How strongly the passphrase is stretched (`relational info`)."""
    said = f"scrypt, work factor 2^{work_factor}"
    if work_factor < floor:
        said += f", below age's 2^{floor}: relational lock --change-passphrase seals it again"
    return said


def weak_stretch(work_factor: int, floor: int) -> str:
    return (
        "This computer was too busy to stretch your passphrase as strongly as age does (scrypt"
        f" work factor 2^{work_factor}, not 2^{floor}), so each guess costs an attacker less."
        " Run relational lock --change-passphrase --same-key at a quieter moment to seal it"
        " again."
    )


STAY_UNLOCKED_BOUNDS = (
    "--stay-unlocked takes minutes from 0 (asked every time) to 1440 (a day); nothing was changed"
)


def stay_unlocked(minutes: int) -> str:
    if minutes == 0:
        return "Your passphrase is now asked each time."
    return f"An unlock now lasts {minutes} minutes."


MAKE_PLAIN = "Yes, make it plain again"
SURE_PLAIN = (
    "Decrypt every file back to plain Markdown? Anyone who can open your account will then be"
    " able to read your journal."
)
PLAIN_NEEDS_YES = (
    "making your journal plain again asks first, and there is no terminal to ask on;"
    " add --yes to do it"
)
STILL_LOCKED = "Kept locked. Nothing was changed."


# Where an unlock is kept, as `relational info` says it.
KEPT_NOWHERE = "nowhere: your passphrase is asked each time"
KEPT_IN_KERNEL_KEYRING = "the Linux kernel keyring of this login session"
KEPT_IN_KEYCHAIN = "your system's keychain ({})"

KEPT_NOWHERE_ZERO = "nowhere: asked every time (0 minutes)"
