"""Write the command reference (docs/commands.md) from the commands' own `--help`, and the
copy of `relational --help` that `entry.py` prints without importing Typer (`helptext.py`).

    python scripts/update_docs.py          # rewrite both
    python scripts/update_docs.py --check  # exit 1 if either has drifted (a test runs this)

The help is rendered at a fixed width, so the reference reads the same on every machine.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REFERENCE = Path(__file__).resolve().parents[1] / "docs" / "commands.md"
HELPTEXT = Path(__file__).resolve().parents[1] / "src" / "relational_cli" / "helptext.py"
START = "<!-- commands: written by scripts/update_docs.py from --help; do not edit by hand -->"
END = "<!-- /commands -->"
WIDTH = "80"


def command_tree() -> Any:
    """The commands as `relational` runs them: Typer's, with the `--passphrase-command` that
    `cli.main` offers to the commands that may need a passphrase."""
    import typer.main

    from relational_cli.cli import _offer_passphrase_command, application

    group = typer.main.get_command(application())
    _offer_passphrase_command(group)
    return group


def commands() -> Iterator[tuple[list[str], Any]]:
    """Every command as typed after `relational`, with its Click command, in the order
    `--help` lists them (the top-level `relational` first, as the path [])."""

    def walk(group: Any, path: list[str]) -> Iterator[tuple[list[str], Any]]:
        for name, command in getattr(group, "commands", {}).items():
            if command.hidden:
                continue
            yield [*path, name], command
            yield from walk(command, [*path, name])

    tree = command_tree()
    yield [], tree
    yield from walk(tree, [])


def command_paths() -> Iterator[list[str]]:
    """Every command as typed after `relational`, in the order `--help` lists them."""
    for path, _ in commands():
        if path:
            yield path


def help_text(path: list[str]) -> str:
    text = raw_help(path)
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def raw_help(path: list[str], width: str = WIDTH) -> str:
    """`relational PATH --help` exactly as Typer writes it at `width` columns."""
    from relational_cli.cli import main
    from relational_cli.environment import Environment

    out = io.StringIO()
    with _columns(width):
        env = Environment(stdout=out, stderr=out, environ={})
        with contextlib.redirect_stdout(out):
            main([*path, "--help"], env)
    return out.getvalue()


def helptext() -> str:
    """The source of `helptext.py`."""
    top = raw_help([])
    assert "\\" not in top and '"""' not in top, "write TOP with escapes"
    return (
        '"""`relational --help` as Typer writes it in 80 columns or more, so that `entry.py`\n'
        "answers it without importing Typer (about 50 ms). Written by scripts/update_docs.py\n"
        '(a test checks it is the same as Typer\'s); do not edit by hand."""\n\n'
        f'TOP = """\\\n{top}"""\n'
    )


@contextlib.contextmanager
def _columns(width: str) -> Iterator[None]:
    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = width
    try:
        yield
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before


def reference() -> str:
    parts = [START, ""]
    for path, _ in commands():
        title = " ".join(["relational", *path])
        parts += [f"### {title}", "", "```text", help_text(path), "```", ""]
    return "\n".join([*parts, END])


def updated(document: str) -> str:
    before, rest = document.split(START, 1)
    _, after = rest.split(END, 1)
    return before + reference() + after


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 on drift")
    check = parser.parse_args().check
    drifted = 0
    for path, new in (
        (REFERENCE, updated(REFERENCE.read_text(encoding="utf-8"))),
        (HELPTEXT, helptext()),
    ):
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if check and new != old:
            print(
                f"{path.name} has drifted from --help: run scripts/update_docs.py",
                file=sys.stderr,
            )
            drifted = 1
        elif not check and new != old:
            path.write_text(new, encoding="utf-8")
    return drifted


if __name__ == "__main__":
    sys.exit(main())
