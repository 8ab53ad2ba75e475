"""Where a locked journal's passphrase comes from: the output of a command (restic's and
borg's way: `RELATIONAL_PASSPHRASE_COMMAND`, or `--passphrase-command`, e.g. `pass show
relational`), else the terminal — one clear prompt on stderr, the typed line never echoed, in
plain mode too. Where there is neither, nothing can be asked, and reading says so."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from relational_cli import messages
from relational_cli.core.errors import UserError

if TYPE_CHECKING:
    from relational_cli.environment import Environment

VARIABLE = "RELATIONAL_PASSPHRASE_COMMAND"
NEW_VARIABLE = "RELATIONAL_NEW_PASSPHRASE_COMMAND"
"""A command that prints the new passphrase, when changing it without a terminal."""
TRIES = 3
"""Wrong passphrases in a row before the prompt gives up."""


class FromCommand:
    """The passphrase a command prints (its last line ending taken off)."""

    tries = 1

    def __init__(self, command: str, env: Environment) -> None:
        self.command = command
        self.env = env

    def ask(self, prompt: str) -> str | None:
        import subprocess

        try:
            done = subprocess.run(
                self.command, shell=True, capture_output=True, text=True, check=False,
                env=dict(self.env.environ),
            )  # fmt: skip
        except OSError as exc:
            raise UserError(messages.lock.command_failed(self.command, exc.errno or 1)) from None
        if done.returncode != 0:
            raise UserError(messages.lock.command_failed(self.command, done.returncode))
        return done.stdout.removesuffix("\n").removesuffix("\r") or None

    def wrong(self) -> None:
        return None


class FromTerminal:
    """The passphrase typed on the terminal this command talks to, never echoed."""

    tries = TRIES

    def __init__(self, env: Environment) -> None:
        self.env = env

    def ask(self, prompt: str) -> str | None:
        print(prompt, end="", file=self.env.stderr, flush=True)
        with unechoed(self.env.stdin):
            line = self.env.stdin.readline()
        print(file=self.env.stderr)  # the Enter that was not echoed
        return line.rstrip("\r\n") or None

    def wrong(self) -> None:
        print(messages.lock.WRONG_TRY, file=self.env.stderr)


@contextlib.contextmanager
def unechoed(stream: TextIO) -> Iterator[None]:
    """Typed characters not shown while the block runs (a terminal's echo turned off, as
    getpass does); a stream that is no terminal shows nothing anyway."""
    try:
        import termios

        descriptor = stream.fileno()
        before = termios.tcgetattr(descriptor)
    except (ImportError, AttributeError, OSError, ValueError):
        yield
        return
    quiet = list(before)
    quiet[3] &= ~termios.ECHO
    termios.tcsetattr(descriptor, termios.TCSAFLUSH, quiet)
    try:
        yield
    finally:
        termios.tcsetattr(descriptor, termios.TCSAFLUSH, before)


def source(env: Environment) -> FromCommand | FromTerminal | None:
    """Where this command can get the passphrase, if anywhere."""
    command = env.passphrase_command or env.environ.get(VARIABLE, "").strip()
    if command:
        return FromCommand(command, env)
    if env.stdin_isatty:
        return FromTerminal(env)
    return None


def new_passphrase(env: Environment, changing: bool = False) -> str:
    """A passphrase chosen now: from the command, or typed twice on the terminal (at least
    8 characters); a `UserError` when there is no way to ask. When `changing` it, the old one
    may come from the passphrase command, so the new one comes from the terminal (or
    `RELATIONAL_NEW_PASSPHRASE_COMMAND`)."""
    found: FromCommand | FromTerminal | None = source(env)
    if changing:
        command = env.environ.get(NEW_VARIABLE, "").strip()
        found = (
            FromCommand(command, env)
            if command
            else (FromTerminal(env) if env.stdin_isatty else None)
        )
    if isinstance(found, FromCommand):
        chosen = found.ask(messages.lock.NEW_PASSPHRASE)
        if chosen:
            return chosen
    elif found is not None:
        for _ in range(TRIES):
            chosen = found.ask(messages.lock.NEW_PASSPHRASE)
            if chosen is None:
                break
            if len(chosen) < 8:
                print(messages.lock.TOO_SHORT, file=env.stderr)
                continue
            if found.ask(messages.lock.AGAIN) == chosen:
                return chosen
            print(messages.lock.NOT_THE_SAME, file=env.stderr)
    raise UserError(messages.lock.NO_PASSPHRASE)


def old_passphrase(env: Environment) -> str:
    """The passphrase the journal has now, asked once (for changing it)."""
    found = source(env)
    given = found.ask(messages.lock.PASSPHRASE) if found else None
    if not given:
        raise UserError(messages.lock.NO_PASSPHRASE)
    return given
