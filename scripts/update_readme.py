"""Write the README's command reference from the commands' own `--help`.

    python scripts/update_readme.py          # rewrite the section between its markers
    python scripts/update_readme.py --check  # exit 1 if the README has drifted (a test runs this)

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

README = Path(__file__).resolve().parents[1] / "README.md"
START = "<!-- commands: written by scripts/update_readme.py from --help; do not edit by hand -->"
END = "<!-- /commands -->"
WIDTH = "80"


def command_paths() -> Iterator[list[str]]:
    """Every command as typed after `relational`, in the order `--help` lists them."""
    import typer.main

    from relational_cli.cli import application

    def walk(group: object, path: list[str]) -> Iterator[list[str]]:
        for name, command in getattr(group, "commands", {}).items():
            if command.hidden:
                continue
            yield [*path, name]
            yield from walk(command, [*path, name])

    yield from walk(typer.main.get_command(application()), [])


def help_text(path: list[str]) -> str:
    from relational_cli.cli import main
    from relational_cli.environment import Environment

    out = io.StringIO()
    with _columns(WIDTH):
        env = Environment(stdout=out, stderr=out, environ={})
        with contextlib.redirect_stdout(out):
            main([*path, "--help"], env)
    return "\n".join(line.rstrip() for line in out.getvalue().strip().splitlines())


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
    for path in command_paths():
        parts += [f"### relational {' '.join(path)}", "", "```text", help_text(path), "```", ""]
    return "\n".join([*parts, END])


def updated(readme: str) -> str:
    before, rest = readme.split(START, 1)
    _, after = rest.split(END, 1)
    return before + reference() + after


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 on drift")
    check = parser.parse_args().check
    readme = README.read_text(encoding="utf-8")
    new = updated(readme)
    if check:
        if new != readme:
            print("README.md: the command reference has drifted from --help;", file=sys.stderr)
            print("run `python scripts/update_readme.py`", file=sys.stderr)
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
