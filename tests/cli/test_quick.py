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
