"""Where a locked journal's passphrase comes from: the output of a command (restic's and
borg's way: `RELATIONAL_PASSPHRASE_COMMAND`, or `--passphrase-command`, e.g. `pass show
relational`), else the terminal — one clear prompt on stderr, the typed line never echoed, in
plain mode too. Where there is neither, nothing can be asked, and reading says so."""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path
from typing import TYPE_CHECKING

from relational_cli import messages
from relational_cli.core.errors import QuickExit, UserError

if TYPE_CHECKING:
    from relational_cli.environment import Environment

VARIABLE = "RELATIONAL_PASSPHRASE_COMMAND"
NEW_VARIABLE = "RELATIONAL_NEW_PASSPHRASE_COMMAND"
"""A command that prints the new passphrase, when changing it without a terminal."""
TRIES = 3
"""Wrong passphrases in a row before the prompt gives up."""


TIME_LIMIT = 60
"""Seconds a passphrase command may take before it is given up (a test makes it shorter)."""
SHORTEST = 8
"""Characters a new passphrase has at least, however it is given."""


class FromCommand:
    """The passphrase a command prints: its first line (as git reads a credential helper's),
    which must be UTF-8 text. The command itself is never repeated in a message: it may hold
    the passphrase."""

    tries = 1

    def __init__(
        self, command: str, env: Environment, not_text: str = messages.lock.WRONG_PASSPHRASE
    ) -> None:
        self.command = command
        self.env = env
        self.not_text = not_text
        """Said when what it prints is not UTF-8 text."""

    def ask(self, prompt: str) -> str:
        import subprocess

        try:
            process = subprocess.Popen(
                self.command, shell=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                env=dict(self.env.environ),
            )  # fmt: skip
        except OSError as exc:
            raise UserError(messages.lock.command_not_run(exc.strerror or str(exc))) from None
        with process:
            try:
                printed, said = process.communicate(timeout=TIME_LIMIT)
            except subprocess.TimeoutExpired:
                started = _started_by(process.pid)  # (a hung pinentry, say)
                for pid in started:
                    with contextlib.suppress(OSError):
                        os.kill(pid, signal.SIGKILL)
                process.kill()  # and its pipes let go: something it started may hold them
                for pipe in (process.stdout, process.stderr):
                    if pipe is not None:
                        pipe.close()
                process.wait()
                _gone(started)
                raise UserError(messages.lock.command_too_slow(TIME_LIMIT)) from None
        if process.returncode == 127:
            raise UserError(messages.lock.COMMAND_NOT_FOUND)
        if process.returncode != 0:
            raise UserError(messages.lock.command_failed(process.returncode, _last_line(said)))
        try:
            text = printed.decode("utf-8")
        except UnicodeDecodeError:
            raise UserError(self.not_text) from None
        first = text.split("\n", 1)[0].removesuffix("\r")
        if not first:
            raise UserError(messages.lock.COMMAND_PRINTED_NOTHING)
        return first

    def wrong(self) -> None:
        return None


def _started_by(parent: int) -> list[int]:
    """The processes `parent` started, and theirs, as Linux's /proc tells them (none where
    there is no /proc: then only the command's own shell is stopped)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = entry.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.parent.name))
    found, waiting = [], list(children.get(parent, []))
    while waiting:
        pid = waiting.pop()
        found.append(pid)
        waiting += children.get(pid, [])
    return found


def _gone(pids: list[int], most: float = 2.0) -> None:
    """Waits until the processes killed are gone (a second or two at most: a loaded machine
    takes a moment to end them), so "was stopped" is true when it is said. They are not ours
    to reap: one that has ended and waits for its new parent is gone too."""
    import time

    deadline = time.monotonic() + most
    while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.01)


def _running(pid: int) -> bool:
    """Whether `pid` still runs (not ended, and not an ended process left to be reaped)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def _last_line(said: bytes) -> str:
    """The last line a command wrote on its standard error, safe to show (and not too long)."""
    from relational_cli.core.documents.escaping import visible

    lines = [line.strip() for line in said.decode("utf-8", "replace").splitlines()]
    last = next((line for line in reversed(lines) if line), "")
    return visible(last[:200])


class FromTerminal:
    """The passphrase typed on the terminal this command talks to, never echoed. Ctrl-Q (and,
    in plain mode, `hide` typed as the passphrase) is the quick exit here too."""

    tries = TRIES

    def __init__(self, env: Environment) -> None:
        self.env = env

    def ask(self, prompt: str) -> str | None:
        from relational_cli.tui.secret import read_secret

        try:
            typed = read_secret(self.env.stdin, self.env.stderr, prompt)
            if self.env.plain and typed is not None and typed.strip().casefold() == "hide":
                raise QuickExit()  # never a passphrase: shorter than any that can be chosen
        except QuickExit:
            from relational_cli.tui.askers import quick_exit

            quick_exit(self.env)
            raise
        return typed

    def wrong(self) -> None:
        print(messages.lock.WRONG_TRY, file=self.env.stderr)


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
    `SHORTEST` characters, not spaces alone, either way); a `UserError` when there is no way
    to ask. When `changing` it, the old one may come from the passphrase command, so the new
    one comes from the terminal (or `RELATIONAL_NEW_PASSPHRASE_COMMAND`)."""
    found: FromCommand | FromTerminal | None = source(env)
    if changing:
        command = env.environ.get(NEW_VARIABLE, "").strip()
        found = (
            FromCommand(command, env)
            if command
            else (FromTerminal(env) if env.stdin_isatty else None)
        )
    if isinstance(found, FromCommand):
        found.not_text = messages.lock.NEW_NOT_TEXT
        chosen = found.ask(messages.lock.NEW_PASSPHRASE)
        if too_short(chosen):
            raise UserError(messages.lock.COMMAND_TOO_SHORT)
        return chosen
    if found is not None:
        for _ in range(TRIES):
            typed = found.ask(messages.lock.NEW_PASSPHRASE)
            if typed is None:
                break
            if too_short(typed):
                print(messages.lock.TOO_SHORT, file=env.stderr)
                continue
            if found.ask(messages.lock.AGAIN) == typed:
                return typed
            print(messages.lock.NOT_THE_SAME, file=env.stderr)
    raise UserError(messages.lock.NO_PASSPHRASE)


def too_short(passphrase: str) -> bool:
    """Shorter than any passphrase may be (spaces alone count as none)."""
    return len(passphrase) < SHORTEST or not passphrase.strip()


def proven(env: Environment) -> str:
    """The passphrase, asked afresh (never taken from an unlock kept a while) and checked:
    removing the lock, changing it or making an unlock last longer is for the person who
    knows the passphrase, not for whoever sits at an unlocked window. The journal's identity
    is then open for this command; the passphrase is returned (changing it needs it)."""
    found = source(env)
    if found is None:
        raise UserError(messages.lock.ASKED_AGAIN)
    keys = env.storage.keys
    for attempt in range(found.tries):
        given = found.ask(messages.lock.PASSPHRASE_AGAIN)
        if not given:
            raise UserError(messages.lock.NO_PASSPHRASE)
        if keys.prove(given):
            return given
        if attempt + 1 < found.tries:
            found.wrong()
    raise UserError(messages.lock.WRONG_PASSPHRASE)


def old_passphrase(env: Environment) -> str:
    """The passphrase the journal has now, asked once (for changing it)."""
    found = source(env)
    given = found.ask(messages.lock.PASSPHRASE) if found else None
    if not given:
        raise UserError(messages.lock.NO_PASSPHRASE)
    return given
