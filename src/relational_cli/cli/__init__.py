"""The `relational` command: `main(argv, env) -> int` is its one exit point.

Each command group lives in a module of its own (reflect, review, packs, info) and registers
on the one Typer app. Commands parse, call the core, and render; heavy modules are imported
inside the commands that need them. Errors a person can fix (UserError) become one line on
stderr and an exit code; anything unexpected becomes one line too, with the traceback only
under --debug. Data goes to stdout, messages to stderr.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING

from relational_cli.core.errors import ExitCode, UserError
from relational_cli.environment import Environment

if TYPE_CHECKING:
    import typer

GROUPS = ("reflect", "plan", "drafts", "review", "search", "transfer", "packs", "info")
"""The modules of commands, one per group."""
EVERYWHERE = ("--debug", "--no-color")
"""Options that may stand anywhere on the command line (Typer sees only the others)."""


def application() -> typer.Typer:
    """The Typer app with every command group registered on it."""
    import importlib

    from relational_cli.cli.app import app

    for group in GROUPS:  # each registers its commands on the app, in this order in --help
        importlib.import_module(f"relational_cli.cli.{group}")

    return app


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    from relational_cli.cli.app import say

    app = application()
    env = env or Environment.from_system()
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    # Read here, wherever they stand, so they work after the command's name too.
    if "--no-color" in args:
        env.without_colour()

    def fail(message: str, code: int) -> int:
        for line in message.splitlines():
            say(env, f"relational: {line}")
        return code

    if not [a for a in args if a not in EVERYWHERE]:  # plain `relational`: where to start
        from relational_cli.messages import ORIENTATION

        print(ORIENTATION, file=env.stdout)
        return ExitCode.OK
    try:
        # Typer words usage mistakes itself (with the usage line) and ends with SystemExit,
        # which stops here: this function is the one way out.
        app(args=[a for a in args if a not in EVERYWHERE], prog_name="relational", obj=env)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else ExitCode.ERROR
    except UserError as exc:
        return fail(exc.message, exc.exit_code)
    except KeyboardInterrupt:
        return fail("stopped.", ExitCode.PAUSED)
    except BrokenPipeError:
        # The reader went away (`relational review | head`): stop quietly, as a filter does.
        with contextlib.suppress(OSError, ValueError):  # a stream with no file behind it
            os.dup2(os.open(os.devnull, os.O_WRONLY), env.stdout.fileno())
        return ExitCode.ERROR
    except Exception as exc:
        if debug:
            raise
        if isinstance(exc, OSError) and exc.filename:
            # The disk or a folder said no (read-only, full, no permission): say which, and why.
            return fail(f"could not use {exc.filename}: {exc.strerror or exc}", ExitCode.ERROR)
        return fail(
            f"unexpected error: {exc.__class__.__name__}: {exc} (run with --debug to see where)",
            ExitCode.ERROR,
        )
    return ExitCode.OK
