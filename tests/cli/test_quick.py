"""The quick way in (cli/quick.py) reads review, show and search lines without Typer: for
every line it takes, the result must be exactly Typer's — the same output, messages and exit
code — and every other line must be left to Typer."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import environment, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relational_cli.cli.quick import parse

ANSWERS = {
    "weekly-step": "wish: A walk by the river with Sam\n",
    "journal": "entry: The river, and #walks\ntitle: River\n",
}


@pytest.fixture
def journal_of_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for exercise, answers in ANSWERS.items():
        path = tmp_path / f"{exercise}.yaml"
        path.write_text(answers, encoding="utf-8")
        assert run_cli(capsys, "reflect", exercise, "--answers", str(path))[0] == 0


def both_ways(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    quick = run_cli(capsys, *args, env=environment())
    with monkeypatch.context() as typer_only:
        typer_only.setattr("relational_cli.cli.quick.parse", lambda args: None)
        slow = run_cli(capsys, *args, env=environment())
    return quick, slow


LINES = [
    ["review"],
    ["review", "--limit", "1"],
    ["review", "--limit=1", "--format", "json"],
    ["review", "-n1", "-f", "json"],
    ["review", "-e", "journal", "--since", "2020-01-01", "--until", "2999-12-31"],
    ["review", "--tag", "journal", "-t", "walks", "--format=json"],
    ["review", "--on-this-day"],
    ["review", "--exercise", "nope"],
    ["review", "--since", "last week", "-f", "json"],
    ["review", "--since", "not a day"],
    ["show"],
    ["show", "latest", "--format", "json"],
    ["show", "--format", "markdown", "latest"],
    ["show", "-fjson"],
    ["show", "2099"],
    ["show", "nope!"],
    ["search", "river"],
    ["search", "river", "sam", "--format", "json"],
    ["search", "--", "-river"],
    ["search", "river", "-e", "journal", "-n", "1"],
    ["search", "nothing-here"],
]


@pytest.mark.parametrize("args", LINES, ids=" ".join)
def test_a_line_read_the_quick_way_does_what_typer_does(
    args: list[str],
    journal_of_two: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert parse(args) is not None, "this line should go the quick way"
    quick, slow = both_ways(capsys, monkeypatch, args)
    assert quick == slow


LEFT_TO_TYPER = [
    ["review", "--help"],
    ["review", "-h"],
    ["review", "--limit", "0"],
    ["review", "--limit", "many"],
    ["review", "--limit", "1", "--limit", "2"],
    ["review", "--format", "yaml"],
    ["review", "--nope"],
    ["review", "extra"],
    ["review", "--since", "-3"],
    ["review", "-n=5"],
    ["review", "--on-this-day=yes"],
    ["review", "--exercise", ""],
    ["show", "a", "b"],
    ["show", "--format", "table"],
    ["search"],
    ["search", "--format", "json"],
    ["search", "-x", "river"],
    ["reflect"],
    ["--version"],
    ["timeline"],
]


@pytest.mark.parametrize("args", LEFT_TO_TYPER, ids=" ".join)
def test_any_other_line_is_left_to_typer_with_its_own_words(
    args: list[str],
    journal_of_two: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert parse(args) is None
    if args[0] in ("review", "show", "search"):
        quick, slow = both_ways(capsys, monkeypatch, args)
        assert quick == slow


OPTION = st.sampled_from(
    [
        ["--limit", "2"], ["-n", "1"], ["--limit=3"], ["-n7"], ["--exercise", "journal"],
        ["-e", "weekly-step"], ["--since", "2020-01-01"], ["--until", "yesterday"],
        ["--tag", "journal"], ["-t", "walks"], ["--format", "json"], ["-f", "table"],
        ["--format=json"], ["--on-this-day"], ["--limit", "0"], ["--nope"], ["--"],
        ["river"], ["sam"], ["-f", "markdown"],
    ]
)  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(["review", "show", "search"]),
    options=st.lists(OPTION, max_size=4),
)
def test_any_mix_of_options_reads_the_same_either_way(
    command: str,
    options: list[list[str]],
    journal_of_two: None,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = [command, *(token for option in options for token in option)]
    quick, slow = both_ways(capsys, monkeypatch, args)
    assert quick == slow, args


ENDING = """
import atexit, sys
class Unloaded:
    def __del__(self):
        print("unloaded", file=sys.stderr)
kept = Unloaded()  # said when Python takes the modules down at exit, as it does normally
if {handler}:
    atexit.register(lambda: print("tidied", file=sys.stderr))
sys.argv = ["relational", *{args!r}]
sys.stdout.write("unflushed ")
from relational_cli.entry import main
main()
"""


@pytest.mark.usefixtures("journal_of_two")
@pytest.mark.parametrize(
    ("args", "handler", "at_once"),
    [
        (["review"], False, True),  # the quick way, nothing waiting at exit
        (["review"], True, False),  # an exit handler waits: it runs
        (["packs", "list"], False, False),  # through Typer: Python's own exit
    ],
)
def test_a_quick_read_ends_at_once_when_nothing_waits_at_exit(
    args: list[str], handler: bool, at_once: bool, home: Path
) -> None:
    """`entry.end`: a read that went the quick way ends without Python taking every module
    down (a tenth of its time), its output written whole and its exit code kept; anything
    else, or anything that waits at exit, ends as Python ends."""
    import os
    import subprocess
    import sys

    environ = {**os.environ, "RELATIONAL_HOME": str(home), "NO_COLOR": "1"}
    code = ENDING.format(handler=handler, args=args)
    done = subprocess.run([sys.executable, "-c", code], env=environ, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("unflushed ") and done.stdout.endswith("\n")
    assert ("River" in done.stdout) == (args == ["review"])
    assert ("unloaded" in done.stderr) != at_once
    assert ("tidied" in done.stderr) == handler


def test_the_exit_code_of_a_quick_read_is_kept(home: Path) -> None:
    import os
    import subprocess
    import sys

    environ = {**os.environ, "RELATIONAL_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", "from relational_cli.entry import main; main()",
                           "show", "nothing-like-an-id"], env=environ, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=60)  # fmt: skip
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr


def test_what_is_left_to_write_is_written_before_the_end() -> None:
    import os
    import subprocess
    import sys

    code = "import sys; sys.stdout.write('left'); from relational_cli.entry import end; end(3)"
    environ = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    done = subprocess.run([sys.executable, "-c", code], env=environ, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=60)  # fmt: skip
    assert (done.returncode, done.stdout) == (3, "left")


def test_a_search_that_ends_before_it_looks_leaves_no_child_behind(home: Path) -> None:
    """`relational search` starts a look ahead (`search/ahead.py`); a search that ends before
    it takes the look (a date it cannot read, Ctrl-C at the passphrase) ends the child too,
    rather than leave it to whatever process adopts orphans."""
    import os
    import signal
    import subprocess
    import sys

    code = (
        "import os, signal, sys\n"
        "from relational_cli.core.search import ahead\n"
        "ahead._send = lambda *_: signal.pause()  # a look that would never end\n"
        "sys.argv = ['relational', 'search', 'words', '--since', 'garbage']\n"
        "from relational_cli import entry\n"
        "real = ahead.start\n"
        "ahead.start = lambda environ: (real(environ), print(ahead._started[0], flush=True))\n"
        "entry.main()\n"
    )
    environ = {**os.environ, "RELATIONAL_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", code], env=environ, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=60)  # fmt: skip
    child = int(done.stdout.split()[0])
    try:
        assert done.returncode == 1 and "'garbage' is not a date" in done.stderr, done.stderr
        assert not os.path.exists(f"/proc/{child}"), "the look ahead outlived its command"
    finally:
        if os.path.exists(f"/proc/{child}"):
            os.kill(child, signal.SIGKILL)


@pytest.mark.parametrize(
    ("line", "command"),
    [
        (["search", "sam"], "search"),
        (["--no-color", "search", "sam"], "search"),
        (["--passphrase-command", "pass show relational", "search", "sam"], "search"),
        (["--passphrase-command=echo x", "review"], "review"),
        (["--debug"], None),
    ],
)
def test_the_entry_point_reads_the_command_word_as_main_does(
    line: list[str], command: str | None
) -> None:
    """(`entry.command_of` decides whether the look ahead starts, before `cli` is loaded.)"""
    from relational_cli.cli import PASSPHRASE_COMMAND, _read_line
    from relational_cli.entry import command_of

    assert PASSPHRASE_COMMAND == "--passphrase-command"
    assert command_of(line) == command == _read_line(line, environment()).command
