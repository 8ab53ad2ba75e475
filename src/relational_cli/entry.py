"""The `relational` command's entry point: `--version` and `--help` are answered before
anything is imported.

Everything else is handed to `cli.main`, which imports Typer (about 50 ms on its own), and its
return value is the exit code. `relational --help` is printed from `helptext.py`, a copy of
what Typer writes (kept in step by scripts/update_docs.py and a test), unless the terminal
is narrower than the 80 columns it is written for.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # (not typing's: loading it costs 3 ms, before `--version` answers)
if TYPE_CHECKING:
    from typing import NoReturn

HELP_WIDTH = 80


def main() -> None:
    if closed_streams():  # `relational review >&-`: nothing it writes could be seen
        sys.exit(output_failed(None))
    try:
        if sys.argv[1:] in (["--version"], ["-V"]):
            from relational_cli import __version__

            print(f"relational {__version__}", flush=True)
            return
        if sys.argv[1:] in (["--help"], ["-h"]) and columns() >= HELP_WIDTH:
            from relational_cli.helptext import TOP

            sys.stdout.write(TOP)
            sys.stdout.flush()
            return
    except OSError as exc:  # `relational --help > /dev/full`
        sys.exit(output_failed(exc))
    if command_of(sys.argv[1:]) == "search":
        import os

        from relational_cli.core.search import ahead

        ahead.start(os.environ)  # the journal's files looked at while the rest loads
    from relational_cli.cli import main as run

    end(run())


def command_of(args: list[str]) -> str | None:
    """The command's name: the first word that is not an option, nor the value of the one
    top-level option that takes one (as `cli.main` reads the line)."""
    words = iter(args)
    for word in words:
        if word == "--passphrase-command":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def end(code: int) -> NoReturn:
    """Exit with `code`. A command that went the quick way (`cli/quick.py`: reading back,
    without Typer or the terminal layer) and left nothing to be done at exit (no exit
    handler, no other thread) ends at once, without Python taking down every module one by
    one: about 7 ms, a tenth of a search. Its output is written already (`cli._run` flushed
    it, and said so if it could not), and it wrote nothing of the person's. A search's look
    ahead is ended first if it is still under way (the search ended before it looked), and
    waited for, as is one the index ended."""
    import atexit
    import contextlib
    import os

    ahead = sys.modules.get("relational_cli.core.search.ahead")
    if ahead is not None:  # the look ahead's child ended if it is not yet, and waited for
        ahead.stop()
    threading = sys.modules.get("threading")
    if (
        "relational_cli.cli.app" not in sys.modules  # Typer's commands were never loaded
        and atexit._ncallbacks() == 0
        and (threading is None or threading.active_count() == 1)
    ):
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()  # (nothing is left to write: a failure was told already)
        os._exit(code)
    sys.exit(code)


def closed_streams() -> bool:
    """Whether standard output was closed. Any of the three standard streams that was closed
    is opened on /dev/null (so that no file this program opens takes its number, and a
    program it starts inherits no surprise); standard error then still says why."""
    import os

    if sys.stdin and sys.stdout and sys.stderr:
        return False
    for number, name in enumerate(("stdin", "stdout", "stderr")):
        try:
            os.fstat(number)
        except OSError:  # the lowest number free is this one: it is taken by /dev/null
            os.open(os.devnull, os.O_RDWR)
            if name == "stdin":  # reads as empty: "no terminal", as with `< /dev/null`
                sys.stdin = open(number, closefd=False)  # noqa: SIM115 (for the process)
            elif name == "stderr":
                sys.stderr = open(number, "w", closefd=False)  # noqa: SIM115
    return sys.stdout is None


def output_failed(exc: OSError | None) -> int:
    """Says (on stderr) that the output could not be written; the exit code."""
    import contextlib
    import os

    from relational_cli.messages.general import output_failed as message

    with contextlib.suppress(OSError):  # what is left to write goes nowhere at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    with contextlib.suppress(OSError):  # and if standard error is refused too: silence
        print(f"relational: {message(exc)}", file=sys.stderr, flush=True)
    return 1


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
