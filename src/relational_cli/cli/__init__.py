"""The `relational` command: `main(argv, env) -> int` is its one exit point.

Each command group lives in a module of its own (reflect, review, packs, info) and registers
on the one Typer app; `COMMANDS` says which module holds which command, so that a command
imports only its own module (as pip's command registry does), and `relational --help` is
answered from a copy of itself in `helptext.py` (see `entry.py`). A command parses its
options, calls one core service and returns the result, which `cli/output` shows (pipx's
render_result); heavy modules are imported inside the commands that need them. Errors a
person can fix (UserError) become one line on stderr and an exit code; anything unexpected
becomes one line too, with the traceback only under --debug. Data goes to stdout, messages
to stderr.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import TYPE_CHECKING, NamedTuple, TextIO

from relational_cli.core.errors import ExitCode, OutputRefused, QuickExit, UserError
from relational_cli.environment import Environment, settle_zone

if TYPE_CHECKING:
    import typer

    from relational_cli.core.lock.keys import Passphrases

COMMANDS = {
    "reflect": "reflect",
    "plan": "plan",
    "reminders": "reminders",
    "drafts": "drafts",
    "recover": "drafts",
    "review": "review",
    "show": "review",
    "edit": "review",
    "delete": "review",
    "trash": "review",
    "search": "search",
    "timeline": "timeline",
    "info": "info",
    "about": "info",
    "support": "info",
    "lock": "lock",
    "unlock": "lock",
    "export": "transfer",
    "import": "transfer",
    "packs": "packs",
}
"""Each command, in the order `--help` lists it, and the module of `relational_cli.cli` that
defines it (commands with subcommands, such as packs, come last)."""
GROUPS = tuple(dict.fromkeys(COMMANDS.values()))
"""The modules of commands."""
COMPLETE_VAR = "_RELATIONAL_COMPLETE"
"""Set by the completion script that `relational --install-completion` installs in a shell."""
EVERYWHERE = ("--debug", "--no-color")
"""Options that may stand anywhere on the command line (Typer sees only the others)."""


def application(command: str | None = None) -> typer.Typer:
    """The Typer app with `command`'s module registered on it, or, for any other word (or
    none), every command: for the full `--help`, and for Typer's "No such command"."""
    import importlib

    from relational_cli.cli.app import app

    for group in [COMMANDS[command]] if command in COMMANDS else GROUPS:
        importlib.import_module(f"relational_cli.cli.{group}")
    order = list(COMMANDS)  # the order modules were imported in does not matter
    app.registered_commands.sort(key=lambda info: order.index(_name(info)))
    app.registered_groups.sort(key=lambda info: order.index(info.name or ""))
    return app


def _name(command: typer.models.CommandInfo) -> str:
    name = command.name or getattr(command.callback, "__name__", "")
    return str(name).lower().replace("_", "-")


def _sweep(env: Environment) -> None:
    """What a killed command left in the clear is swept first (`Storage.sweep`); a sweep
    that cannot finish leaves it for the next command, and never stops this one."""
    with contextlib.suppress(OSError, UserError):
        from relational_cli.core.journal import leftovers

        leftovers.sweep(env.storage, env.environ)


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    from relational_cli import messages

    env = env or Environment.from_system()
    line = _read_line(list(sys.argv[1:] if argv is None else argv), env)
    if not line.completing and not line.given:  # where to start
        print(messages.general.ORIENTATION, file=env.stdout)
        return ExitCode.OK
    if not line.completing and not line.asks_help:
        _sweep(env)
    try:
        return _run(line, env)
    except BaseException as exc:
        _bars_stopped()
        code = _ended(env, exc, line.debug)
        if code is None:
            raise
        return code
    finally:
        _terminal_as_it_was()


class _Line(NamedTuple):
    """The command line as `main` reads it before Typer does."""

    given: list[str]
    """The words for Typer: without the options that may stand anywhere."""
    command: str | None
    """The command's name (no top-level option takes a value: the first word that is not an
    option is the command)."""
    completing: bool
    """A shell asking for completions (Typer answers them): every command, as for --help."""
    debug: bool
    asks_help: bool


def _read_line(args: list[str], env: Environment) -> _Line:
    """The command line read, and what it says of the environment set on `env`: the
    passphrase command, colour (wherever they stand, so they work after the command's name
    too), and the time zone (told once, if it is not known)."""
    from relational_cli.cli.text import say

    args, env.passphrase_command = _passphrase_command(args, env.passphrase_command)
    env.passphrases = lambda: _passphrases(env)
    completing = COMPLETE_VAR in env.environ
    if "--no-color" in args:
        env.without_colour()
    if not completing and (zone := settle_zone(env.environ)):
        say(env, zone)
    return _Line(
        given=[a for a in args if a not in EVERYWHERE],
        command=next((arg for arg in args if not arg.startswith("-")), None),
        completing=completing,
        debug="--debug" in args,
        asks_help=bool({"--help", "-h"} & set(args)),
    )


def _run(line: _Line, env: Environment) -> int:
    """Each command returns its result, and the result is shown in one place: this is the
    one way out. Reading back goes the quick way when it plainly can; everything else
    through Typer, which hands the result back when not standalone."""
    from relational_cli.cli.output import render
    from relational_cli.cli.quick import parse

    quick = None if line.completing else parse(line.given)
    if quick is not None:
        result = quick(env)
    else:
        result = _typer(None if line.completing else line.command, line.given, env)
    code = render(env, result)
    try:
        env.stdout.flush()  # here, where output that cannot be written can still be told
    except OutputRefused as exc:
        if not (env.stdout_isatty and exc.errno == errno.EIO):
            raise
        _output_to_nowhere(env)  # the terminal went away (its window closed): nobody to tell
    if code == ExitCode.PAUSED:
        _nothing_for_the_shell(env)
    return code


def _ended(env: Environment, exc: BaseException, debug: bool) -> int | None:
    """The exit code for what stopped the command, said in one line on stderr; None when it
    is to go on up (under --debug, or not an error of the command's)."""
    from relational_cli import messages

    if isinstance(exc, SystemExit):
        return exc.code if isinstance(exc.code, int) else ExitCode.ERROR
    if isinstance(exc, UserError):
        if exc.output:  # words that could be kept nowhere else: shown, to be copied
            env.stdout.write(exc.output)
            env.stdout.flush()
        return _fail(env, exc.message, exc.exit_code, exc.prefix)
    if isinstance(exc, QuickExit):  # the screen is cleared, a draft kept: leave without a word
        _nothing_for_the_shell(env)
        return ExitCode.PAUSED
    if isinstance(exc, KeyboardInterrupt):
        _nothing_for_the_shell(env)
        return _fail(env, messages.general.STOPPED, ExitCode.PAUSED)
    if isinstance(exc, BrokenPipeError):
        # The reader went away (`relational review | head`): stop quietly, as a filter does.
        _output_to_nowhere(env)
        return ExitCode.ERROR
    if isinstance(exc, OutputRefused):  # `> /dev/full`: said once, and what is left goes nowhere
        _output_to_nowhere(env)
        return _fail(env, messages.general.output_failed(exc.error), ExitCode.ERROR)
    if not isinstance(exc, Exception):
        return None
    return _unexpected(env, exc, debug)


def _unexpected(env: Environment, exc: Exception, debug: bool) -> int | None:
    from relational_cli import messages

    if _usage_mistake(exc):  # worded by Click, with the usage line
        exc.show(file=env.stderr)  # type: ignore[attr-defined]
        return int(exc.exit_code)  # type: ignore[attr-defined]
    if debug:
        return None
    if isinstance(exc, OSError) and exc.filename:
        # The disk or a folder said no (read-only, full, no permission): say which, and why.
        return _fail(env, messages.general.could_not_use(exc), ExitCode.ERROR)
    return _fail(env, messages.general.unexpected(exc), ExitCode.ERROR)


def _fail(env: Environment, message: str, code: int, prefix: bool = True) -> int:
    """`message` on stderr, a line at a time (after `relational: ` unless not `prefix`); if
    stderr is gone too (a closed terminal), the exit code alone says it."""
    from relational_cli.cli.text import say

    try:
        for line in message.splitlines():
            say(env, f"relational: {line}" if prefix else line)
        env.stderr.flush()
    except OSError:
        _to_nowhere(env.stderr)
    return code


def _output_to_nowhere(env: Environment) -> None:
    """Standard output, and standard error if it will not take a line either, write to
    /dev/null from now on (so that leaving does not fail on what is left in their buffers)."""
    _to_nowhere(env.stdout)
    if not _writable(env.stderr):
        _to_nowhere(env.stderr)


def _to_nowhere(stream: TextIO) -> None:
    with contextlib.suppress(OSError, ValueError):  # a stream with no file behind it
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())


def _writable(stream: TextIO) -> bool:
    try:
        stream.flush()
        return True
    except OSError:
        return False


def _usage_mistake(exc: Exception) -> bool:
    """Whether `exc` is Click's way of saying the command line is wrong (an unknown option, a
    missing argument): it can show itself and knows its exit code. (Typer 0.28 carries its
    own copy of Click, so the class is not imported by name.)"""
    return callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int)


def _typer(command: str | None, args: list[str], env: Environment) -> object:
    """Run the command line through Typer (the command's module loaded, or every one for a
    completion or an unknown word); its result, or the exit code of Typer's own doing."""
    import typer.main
    from typer import Abort

    group = typer.main.get_command(application(command))
    _offer_passphrase_command(group)
    try:
        return group.main(args=args, prog_name="relational", obj=env, standalone_mode=False)
    except Abort:  # Ctrl-C or the end of input at a prompt of Typer's own
        raise KeyboardInterrupt from None


def _nothing_for_the_shell(env: Environment) -> None:
    """Leaving after a pause, Ctrl-C or the quick exit: keys typed meanwhile are dropped, not
    left on the terminal for the shell to run."""
    if env.stdin_isatty:
        from relational_cli.tui.suspending import nothing_for_the_shell

        nothing_for_the_shell(env.stdin)


def _bars_stopped() -> None:
    """A progress bar still drawn, stopped (before a message of why the command ended)."""
    read = sys.modules.get("relational_cli.cli.read")
    if read is not None:
        read.stop_bars()


def _terminal_as_it_was() -> None:
    """The terminal put back as relational found it, if plain mode changed it."""
    suspending = sys.modules.get("relational_cli.tui.suspending")
    if suspending is not None:
        suspending.as_it_was()


def _passphrase_command(args: list[str], default: str) -> tuple[list[str], str]:
    """The command line without `--passphrase-command CMD` (anywhere on it, as `--debug`),
    and that command."""
    rest, command = [], default
    found = iter(args)
    for arg in found:
        if arg == PASSPHRASE_COMMAND:
            command = next(found, "")
        elif arg.startswith(PASSPHRASE_COMMAND + "="):
            command = arg.partition("=")[2]
        else:
            rest.append(arg)
    return rest, command


PASSPHRASE_COMMAND = "--passphrase-command"
"""Prints the passphrase of a locked journal (as RELATIONAL_PASSPHRASE_COMMAND does)."""
WITH_PASSPHRASE = (
    "reflect", "plan", "reminders", "drafts", "recover", "review", "show", "edit", "delete",
    "trash", "search", "timeline", "lock", "unlock", "export", "import",
)  # fmt: skip
"""The commands that may need a locked journal's passphrase: their --help names the option
(taken off the command line, wherever it stands, before Typer sees it)."""


def _offer_passphrase_command(group: object) -> None:
    """`--passphrase-command` in the --help of each command that may need the passphrase."""
    from typer.core import TyperOption

    commands = getattr(group, "commands", {})
    for name in WITH_PASSPHRASE:
        found = commands.get(name)
        if found is None or any(PASSPHRASE_COMMAND in p.opts for p in found.params):
            continue
        found.params.append(
            TyperOption(
                param_decls=[PASSPHRASE_COMMAND], metavar="COMMAND", expose_value=False,
                help="A command that prints a locked journal's passphrase (as"
                " RELATIONAL_PASSPHRASE_COMMAND does).",
            )
        )  # fmt: skip


def _passphrases(env: Environment) -> Passphrases | None:
    """Where this command gets a locked journal's passphrase (looked at only when needed)."""
    from relational_cli.cli.passphrase import source

    return source(env)
