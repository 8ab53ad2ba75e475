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
from relational_cli.core.lock.keys import MOST_MINUTES

if TYPE_CHECKING:
    from relational_cli.core.lock.keys import Keys
    from relational_cli.environment import Environment


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
    from relational_cli.cli import passphrase

    env = environment(ctx)
    keys = env.storage.keys
    if setup:
        from relational_cli.core.lock import moving

        chosen = passphrase.old_passphrase(env) if keys.locked else passphrase.new_passphrase(env)
        identity, count = moving.set_up(env.storage, chosen, progress_bar(env))
        _offer_recovery_copy(env, identity)
        return Said((messages.lock.set_up(count), messages.lock.FORGOTTEN, *_weak(keys)))
    if not keys.locked:
        raise UserError(messages.lock.NOT_SET_UP)
    if change_passphrase:
        old = passphrase.proven(env)  # asked again, even unlocked
        if same_key:
            keys.change_passphrase(old, passphrase.new_passphrase(env, changing=True))
            return Said((messages.lock.PASSPHRASE_CHANGED, *_weak(keys)))
        from relational_cli.cli.text import say
        from relational_cli.core.lock import moving

        current = keys.opened_with(old)  # a wrong one is told before anything else is asked
        count = len(moving.sealed_files(env.storage))
        say(env, messages.lock.new_key_plan(count, moving.seconds_for(count)))
        new = passphrase.new_passphrase(env, changing=True)
        identity, count, others = moving.change_key(env.storage, current, new, progress_bar(env))
        _offer_recovery_copy(env, identity)
        return Said((messages.lock.new_key(count, others), *_weak(keys)))
    if stay_unlocked is not None:
        if not 0 <= stay_unlocked <= MOST_MINUTES:
            raise UserError(messages.lock.STAY_UNLOCKED_BOUNDS)
        if stay_unlocked > keys.minutes():  # longer is weaker: for the one who knows it
            passphrase.proven(env)
        keys.set_minutes(stay_unlocked)
        return Said((messages.lock.stay_unlocked(stay_unlocked),))
    where = keys.how().where
    keys.forget()
    return Said((messages.lock.locked_now(where),))


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
        from relational_cli.core.lock import moving

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
    """On a terminal, offer once to show the identity (an `AGE-SECRET-KEY-1…` line) to
    write down: without it and the passphrase, nobody can read the journal."""
    if not env.interactive:
        return
    from relational_cli.tui.askers import make_asker

    host = make_asker(env)
    host.heading(messages.lock.RECOVERY_OFFER)
    wanted = host.choose([messages.lock.RECOVERY_NO, messages.lock.RECOVERY_YES])
    if wanted == messages.lock.RECOVERY_YES:
        host.paragraph(messages.lock.RECOVERY_WORDS)
        print(identity, file=env.stdout)
