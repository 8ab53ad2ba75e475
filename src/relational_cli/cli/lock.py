"""`relational lock` (set up a locked journal, or lock it again now) and `relational unlock`
(for a while, or for good)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from relational_cli import messages
from relational_cli.cli.app import Result, app, confirmed, environment, whole_number
from relational_cli.cli.output import Said
from relational_cli.cli.read import progress_bar
from relational_cli.core.errors import UserError

MOST_MINUTES = 24 * 60
"""The longest an unlock may last: a day (as the lock reads its settings)."""

if TYPE_CHECKING:
    from relational_cli.core.lock.keys import Keys
    from relational_cli.environment import Environment
    from relational_cli.tui.asker import TerminalAsker


@app.command()
def lock(
    ctx: typer.Context,
    setup: Annotated[
        bool,
        typer.Option(
            "--setup", help="Lock your journal: encrypt every file (asks for a new passphrase)."
        ),
    ] = False,
    change_passphrase: Annotated[
        bool,
        typer.Option(
            "--change-passphrase",
            help="Choose a new passphrase: a new key is made and every file encrypted again.",
        ),
    ] = False,
    same_key: Annotated[
        bool,
        typer.Option(
            "--same-key",
            help="With --change-passphrase: keep the key (quick; an old copy of it still opens"
            " your journal with the old passphrase).",
        ),
    ] = False,
    stay_unlocked: Annotated[
        int | None,
        typer.Option(
            "--stay-unlocked",
            metavar="MINUTES",
            parser=whole_number(0),
            help="How long an unlock lasts (default 15, at most 1440: a day; 0 asks every time).",
        ),
    ] = None,
) -> Result:
    """Lock your journal: encrypted on disk, readable only with your passphrase.

    With --setup, every file that holds your words is encrypted (age), and from then on is
    written encrypted; saving never needs the passphrase, reading does. Without options, a
    locked journal is locked again at once (an unlock that was kept is forgotten). Run
    --setup again if it was stopped: it finishes, losing nothing. --change-passphrase makes a
    new key and encrypts every file again to it (stopped, run it again with the old
    passphrase: it finishes); with --same-key, only the key is sealed anew.

    \b
    Examples:  relational lock --setup
               relational lock
               relational lock --stay-unlocked 5
    """
    env = environment(ctx)
    if setup:
        return _set_up(env)
    if not env.storage.keys.locked:
        raise UserError(messages.lock.NOT_SET_UP)
    if change_passphrase:
        return _change_passphrase(env, same_key)
    if stay_unlocked is not None:
        return _stay_unlocked(env, stay_unlocked)
    keys = env.storage.keys
    where = keys.how().where
    keys.forget()
    return Said((messages.lock.locked_now(where),))


def _set_up(env: Environment) -> Said:
    """`lock --setup`: every file encrypted, with a passphrase chosen now (or, for a setup
    that was stopped, the one it began with)."""
    from relational_cli.cli import passphrase
    from relational_cli.core.journal import moving

    keys = env.storage.keys
    chosen = passphrase.old_passphrase(env) if keys.locked else passphrase.new_passphrase(env)
    identity, count = moving.set_up(env.storage, chosen, progress_bar(env))
    _offer_recovery_copy(env, identity)
    return Said((messages.lock.set_up(count), messages.lock.FORGOTTEN, *_weak(keys)))


def _change_passphrase(env: Environment, same_key: bool) -> Said:
    """`lock --change-passphrase`: a new key, every file encrypted again to it; or, with
    `same_key`, only the key sealed anew."""
    from relational_cli.cli import passphrase

    keys = env.storage.keys
    old = passphrase.proven(env)  # asked again, even unlocked
    if same_key:
        keys.change_passphrase(old, passphrase.new_passphrase(env, changing=True))
        return Said((messages.lock.PASSPHRASE_CHANGED, *_weak(keys)))
    from relational_cli.cli.text import say
    from relational_cli.core.journal import moving

    current = keys.opened_with(old)  # a wrong one is told before anything else is asked
    count = len(moving.sealed_files(env.storage))
    say(env, messages.lock.new_key_plan(count, moving.seconds_for(count)))
    new = passphrase.new_passphrase(env, changing=True)
    identity, count, others = moving.change_key(env.storage, current, new, progress_bar(env))
    _offer_recovery_copy(env, identity)
    return Said((messages.lock.new_key(count, others), *_weak(keys)))


def _stay_unlocked(env: Environment, stay_unlocked: int) -> Said:
    """`lock --stay-unlocked MINUTES`: how long an unlock lasts from now on."""
    from relational_cli.cli import passphrase

    keys = env.storage.keys
    if not 0 <= stay_unlocked <= MOST_MINUTES:
        raise UserError(messages.lock.STAY_UNLOCKED_BOUNDS)
    if stay_unlocked > keys.minutes():  # longer is weaker: for the one who knows it
        passphrase.proven(env)
    keys.set_minutes(stay_unlocked)
    return Said((messages.lock.stay_unlocked(stay_unlocked),))


@app.command()
def unlock(
    ctx: typer.Context,
    permanently: Annotated[
        bool,
        typer.Option("--permanently", help="Make your journal plain Markdown again, for good."),
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Don't ask first.")] = False,
) -> Result:
    """Unlock your journal for a while, so the next commands need no passphrase.

    It stays unlocked for 15 minutes (`relational lock --stay-unlocked` changes that), kept in
    your session's keyring, never on disk; `relational lock` locks it again at once. With
    --permanently, every file is decrypted back to plain Markdown (asked first, and your
    passphrase asked again, even while it is unlocked).

    \b
    Examples:  relational unlock
               relational unlock --permanently
    """
    env = environment(ctx)
    keys = env.storage.keys
    if not keys.locked:
        raise UserError(messages.lock.NOT_SET_UP)
    if permanently:
        from relational_cli.core.journal import moving

        if not yes and not confirmed(
            env,
            messages.general.KEEP_IT,
            messages.lock.MAKE_PLAIN,
            messages.lock.PLAIN_NEEDS_YES,
            question=messages.lock.SURE_PLAIN,
        ):
            return Said((messages.lock.STILL_LOCKED,))
        from relational_cli.cli import passphrase

        passphrase.proven(env)
        count, kept, left = moving.unlock_for_good(env.storage, progress_bar(env))
        if left:  # damaged: left as they are, named
            raise UserError(messages.lock.unlocked_but_some_left(count, kept, left))
        return Said((messages.lock.unlocked_for_good(count, kept),))
    keys.identity()
    how = keys.how()
    return Said((messages.lock.unlocked(how.minutes, how.where),))


def _weak(keys: Keys) -> tuple[str, ...]:
    """What to say when the passphrase could not be stretched as strongly as age does."""
    from relational_cli.core.lock.cipher import STRETCH_FLOOR

    found = keys.stretch()
    return (messages.lock.weak_stretch(found, STRETCH_FLOOR),) if found < STRETCH_FLOOR else ()


def _offer_recovery_copy(env: Environment, identity: str) -> None:
    """On a terminal, offer once to show the identity (an `AGE-SECRET-KEY-1…` line) to write
    down, or to write it to a new file: without it and the passphrase, nobody can read the
    journal. Shown, it is cleared from the screen and its scrollback once the person says
    they have kept it (or leaves)."""
    if not env.interactive:
        return
    from relational_cli.tui import screen
    from relational_cli.tui.askers import make_asker

    host = make_asker(env)
    host.heading(messages.lock.RECOVERY_OFFER)
    wanted = host.choose(
        [messages.lock.RECOVERY_NO, messages.lock.RECOVERY_YES, messages.lock.RECOVERY_FILE]
    )
    if wanted == messages.lock.RECOVERY_FILE:
        _write_recovery_copy(env, host, identity)
    elif wanted == messages.lock.RECOVERY_YES:
        host.paragraph(messages.lock.RECOVERY_WORDS)
        print(identity, file=env.stdout, flush=True)
        try:
            host.choose([messages.lock.RECOVERY_KEPT], messages.lock.RECOVERY_KEPT)
        finally:  # however it ends, the key does not stay on the screen
            screen.clear_all(env)
        host.paragraph(messages.lock.RECOVERY_CLEARED)


def _write_recovery_copy(env: Environment, host: TerminalAsker, identity: str) -> None:
    """The identity written to a new file the person names (0600, never over a file that is
    there, never inside relational's own folder); asked again after a name that will not do,
    and Enter alone writes nothing."""
    import os
    from pathlib import Path

    while named := host.type_line(messages.lock.RECOVERY_WHERE):
        path = Path(os.path.abspath(Path(named).expanduser()))
        root = Path(os.path.abspath(env.home.root))
        real = path.parent.resolve() / path.name
        if root in (path, *path.parents) or root.resolve() in (real, *real.parents):
            host.warn(messages.lock.recovery_inside(root))
            continue
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            host.warn(messages.lock.recovery_exists(path))
            continue
        except OSError as exc:
            host.warn(messages.lock.recovery_unwritable(path, exc.strerror or str(exc)))
            continue
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(identity + "\n")
            stream.flush()
            os.fsync(stream.fileno())
        host.paragraph(messages.lock.recovery_written(path))
        return
    host.paragraph(messages.lock.RECOVERY_NOT_WRITTEN)
