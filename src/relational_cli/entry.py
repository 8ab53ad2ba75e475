"""The `relational` command's entry point: `--version` is answered before anything is imported.

Everything else is handed to `cli.main`, which imports Typer (about 50 ms on its own), and its
return value is the exit code.
"""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from relational_cli import __version__

        print(f"relational {__version__}")
        return
    from relational_cli.cli import main as run

    sys.exit(run())
