"""The `relational` command's entry point: `--version` and `--help` are answered before
anything is imported.

Everything else is handed to `cli.main`, which imports Typer (about 50 ms on its own), and its
return value is the exit code. `relational --help` is printed from `helptext.py`, a copy of
what Typer writes (kept in step by scripts/update_readme.py and a test), unless the terminal
is narrower than the 80 columns it is written for.
"""

from __future__ import annotations

import sys

HELP_WIDTH = 80


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from relational_cli import __version__

        print(f"relational {__version__}")
        return
    if sys.argv[1:] in (["--help"], ["-h"]) and columns() >= HELP_WIDTH:
        from relational_cli.helptext import TOP

        sys.stdout.write(TOP)
        return
    from relational_cli.cli import main as run

    sys.exit(run())


def columns() -> int:
    """The terminal's width as Typer reads it (`shutil.get_terminal_size`, without importing
    shutil): COLUMNS, else the terminal's own, else 80."""
    import os

    try:
        if int(os.environ.get("COLUMNS", "0")) > 0:
            return int(os.environ["COLUMNS"])
    except ValueError:
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or HELP_WIDTH  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return HELP_WIDTH
