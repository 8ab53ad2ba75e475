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
MAN_PAGE = Path(__file__).resolve().parents[1] / "docs" / "relational.1"
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


def unwrapped_help(path: list[str]) -> str:
    """`relational PATH --help` with every paragraph and option on one line, for roff to fill
    (Click's own width, forced wide while it renders: in Typer's own copy of Click, where
    Typer carries one, else in Click)."""
    import importlib.util

    carried = importlib.util.find_spec("typer._click") is not None
    formatting: Any = importlib.import_module(
        "typer._click.formatting" if carried else "click.formatting"
    )

    before = formatting.FORCED_WIDTH
    formatting.FORCED_WIDTH = 100_000
    try:
        return raw_help(path)
    finally:
        formatting.FORCED_WIDTH = before


def roff(text: str) -> str:
    """A line of running text, inert in roff: backslashes and dashes as themselves, other
    than ASCII by its code point (so any roff reads it), and no line that starts as a
    request."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(c if c.isascii() else f"\\[u{ord(c):04X}]" for c in text)
    return "\\&" + text if text.startswith((".", "'")) else text


def roff_term(term: str, style: str) -> str:
    """An option's, argument's or command's name as a man page shows it: options and
    commands bold, values and arguments italic."""
    words = []
    for word in term.split(" "):
        name, comma = (word[:-1], ",") if word.endswith(",") else (word, "")
        font = "B" if name.startswith("-") or style == "B" else "I"
        words.append(f"\\f{font}{roff(name)}\\fR{comma}")
    return " ".join(words)


TERM_STYLE = {"Commands:": "B"}
"""How the names of each list are set (options by their dashes, the rest in italic)."""


def man_blocks(blocks: list[str], headed: str = ".PP\n.B {}") -> list[str]:
    """A command's --help (unwrapped, in blocks) as roff: its paragraphs filled, its examples
    kept as written, its arguments, options and commands as tagged paragraphs (each list
    under `headed`, its heading filled in)."""
    lines: list[str] = []
    for block in blocks:
        rows = block.splitlines()
        if rows[0].endswith(":") and not rows[0].startswith(" "):  # Options:, Arguments:
            lines += headed.format(rows[0]).splitlines()
            for row in rows[1:]:
                term, _, said = row.strip().partition("  ")
                style = TERM_STYLE.get(rows[0], "I")
                lines += [".TP", roff_term(term, style), roff(said.strip()) or "\\&"]
        elif len(rows) > 1:  # examples, lined up as written
            lines += [".PP", ".nf", *(roff(row[2:]) for row in rows), ".fi"]
        else:
            lines += [".PP", roff(rows[0].strip())]
    return lines


def help_blocks(path: list[str]) -> tuple[str, list[str]]:
    """`relational PATH --help`, unwrapped: its usage (after "Usage: "), and its blocks."""
    blocks = [block for block in unwrapped_help(path).strip("\n").split("\n\n") if block]
    return blocks[0].removeprefix("Usage: "), blocks[1:]


def roff_usage(usage: str) -> str:
    command, _, rest = usage.partition(" [")
    return f"\\fB{roff(command)}\\fR" + (f" [{roff(rest)}" if rest else "")


MAN_TAIL = r"""
.SH ENVIRONMENT
.TP
.B RELATIONAL_HOME
The data folder, as a whole path (a relative one is refused).
.TP
.B RELATIONAL_PLAIN
Set to 1: plain mode, every question asked as plain lines, for screen readers and braille
displays (as \fB\-\-plain\fR, and as \fBTERM=dumb\fR).
.TP
.B NO_COLOR
No colour (as \fB\-\-no\-color\fR).
.TP
.B RELATIONAL_REGION
The region whose support lines are listed: a country's two letters, such as IE, or a part of
one, such as GB\-SCT (else the one given with \fBrelational support \-\-region\fR, else the
locale's, from \fBLANG\fR).
.TP
.B RELATIONAL_PASSPHRASE_COMMAND
A command that prints a locked journal's passphrase (its first line), as
\fB\-\-passphrase\-command\fR.
.TP
.B RELATIONAL_NEW_PASSPHRASE_COMMAND
A command that prints the new passphrase, when \fBrelational lock \-\-change\-passphrase\fR
runs without a terminal.
.TP
.B RELATIONAL_KEYRING
Where an unlocked journal's key is kept while it stays unlocked: kernel, system or none.
.TP
.BR VISUAL ", " EDITOR
The editor \fBrelational edit\fR opens.
.SH FILES
Your reflections, drafts, packs and plan are in one folder, private to your user account:
\fI~/.local/share/relational\fR on Linux, \fI~/Library/Application Support/relational\fR on
macOS, or \fB$RELATIONAL_HOME\fR. \fBrelational info\fR shows each place.
.SH EXIT STATUS
0 done; 1 an error, said in one line on standard error (\fB\-\-debug\fR shows the
traceback); 2 a usage mistake (an unknown option, a missing argument); 130 an exercise was
paused (Ctrl\-C, a closed terminal, or the quick exit), its answers kept as a draft.
.SH SEE ALSO
\fBrelational packs guide\fR prints the guide to writing your own exercises. The user guide,
the locked journal and the file format are in relational's source, in \fIdocs/\fR
(guide.md, locked\-journal.md, file\-format.md).
"""
"""The man page's sections after the commands, which no --help holds."""


def man_page() -> str:
    """The man page, relational(1): the top-level --help, then each command's, in order."""
    from relational_cli import __version__

    usage, blocks = help_blocks([])
    summary = blocks.pop(0).strip()
    lists = [block for block in blocks if block.startswith("Options:")]
    lines = [
        '.\\" Written by scripts/update_docs.py from --help; do not edit by hand.',
        f'.TH RELATIONAL 1 "" "relational {__version__}" "relational manual"',
        ".ad l",  # ragged right, and no words broken at the end of a line
        ".nh",
        ".SH NAME",
        f"relational \\- {roff(summary[0].lower() + summary[1:].rstrip('.'))}",
        ".SH SYNOPSIS",
        roff_usage(usage),
        ".SH DESCRIPTION",
        *man_blocks([block for block in blocks if block.startswith(" ")]),
        *man_blocks(lists, headed=".SH OPTIONS"),
        ".SH COMMANDS",
    ]
    for path, _ in commands():
        if path:
            usage, blocks = help_blocks(path)
            title = " ".join(["relational", *path])
            lines += [f'.SS "{title}"', ".PP", roff_usage(usage), *man_blocks(blocks)]
    return "\n".join(lines) + MAN_TAIL


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
        (MAN_PAGE, man_page()),
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
