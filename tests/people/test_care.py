"""Care: the first-run welcome, `relational about`, plain `relational`, and the quiet pointer
to `relational support` wherever an exercise touches hurt."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import environment, plain, run_cli, write_pack

from relational_cli.cli import main

POINTER = (
    "If you need support now: relational support"
    " (relational support --hurt if someone is hurting you)."
)
TENDER = """\
id: tender
title: Something tender
summary: A pack that touches hurt
minutes: 2
content_note: This one asks about a hurt.
outro: Thank you for staying with it.
prompts:
  - id: what
    type: text
    text: What happened?
"""


def test_the_welcome_comes_once_before_the_first_exercise(home: Path) -> None:
    env, out, _ = plain(["pause"])
    main(["reflect", "values"], env)
    first = out.getvalue()
    assert first.startswith("Welcome to relational.")
    assert "It is not therapy, and it is not a crisis service." in first
    assert f"a folder on this computer: {home}." in first
    assert "it is not encrypted" in first
    assert "Ctrl-C (or typing pause) pauses" in first
    assert first.index("Welcome") < first.index("Which deck")

    env, out, _ = plain(["pause"])
    main(["reflect", "values"], env)
    assert "Welcome" not in out.getvalue()
    assert "Which deck" in out.getvalue()


@pytest.mark.parametrize("marker", ["", "{not json", '["welcomed"]', '{"welcomed": 3}'])
def test_a_damaged_welcome_marker_shows_the_welcome_again(home: Path, marker: str) -> None:
    home.mkdir(parents=True)
    (home / "welcomed.json").write_text(marker, encoding="utf-8")
    env, out, err = plain(["pause"])
    assert main(["reflect", "values"], env) == 130
    assert out.getvalue().startswith("Welcome to relational.")
    assert "error" not in err.getvalue()
    env, out, _ = plain(["pause"])
    main(["reflect", "values"], env)
    assert "Welcome" not in out.getvalue()  # mended: remembered now


def test_a_data_folder_that_cannot_be_written_still_welcomes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def read_only(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "welcomed.json")

    monkeypatch.setattr("relational_cli.core.atomic.replace", read_only)
    for _ in range(2):
        env, out, err = plain(["pause"])
        main(["reflect", "values"], env)
        assert out.getvalue().startswith("Welcome to relational.")
        assert "welcomed.json" not in err.getvalue()


def test_answering_from_a_file_has_no_welcome(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("wish: Call Sam\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "reflect", "weekly-step", "--answers", str(answers))
    assert code == 0
    assert "Welcome" not in out + err
    assert not (home / "welcomed.json").exists()


def test_about_shows_the_welcome_whenever_asked(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(2):
        code, out, _ = run_cli(capsys, "about")
        assert code == 0
        assert out.startswith("Welcome to relational.")
        assert str(home) in out
        assert "relational support" in out


def test_plain_relational_shows_where_to_start(capsys: pytest.CaptureFixture[str]) -> None:
    for args in ([], ["--no-color"]):
        code, out, err = run_cli(capsys, *args)
        assert (code, err) == (0, "")
        assert out.startswith("relational: a calm place of your own")
        for command in ("reflect", "plan", "review", "support", "about"):
            assert f"  relational {command} " in out


def test_a_content_note_says_where_support_is(home: Path) -> None:
    write_pack(home, "tender", TENDER)
    env, out, _ = plain(["2"])  # Not now
    main(["reflect", "tender"], env)
    shown = out.getvalue()
    note = shown.index("Content note: This one asks about a hurt.")
    assert shown.index(POINTER) > note
    assert "Would you like to go on?" in shown[note:]


def test_the_closing_words_of_a_pack_that_touches_hurt_say_where_support_is(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pack(home, "tender", TENDER)
    answers = tmp_path / "a.yaml"
    answers.write_text("what: A hard week\n", encoding="utf-8")
    _, _, err = run_cli(capsys, "reflect", "tender", "--answers", str(answers))
    assert err.index("Thank you for staying with it.") < err.index(POINTER)
    # A pack that touches no hurt ends without it: the pointer is quiet, not everywhere.
    answers.write_text("wish: Call Sam\n", encoding="utf-8")
    _, _, err = run_cli(capsys, "reflect", "weekly-step", "--answers", str(answers))
    assert "Small steps count." in err
    assert POINTER not in err


def test_the_plan_points_to_support_where_things_are_hard(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "plan.yaml"
    answers.write_text("hard_times: A walk, and tea.\n", encoding="utf-8")
    run_cli(capsys, "plan", "--answers", str(answers))
    _, shown, _ = run_cli(capsys, "plan", "--show")
    hard = shown.index("## When things are hard")
    pointer = shown.index("the lines under *Where to find support now* are there for that", hard)
    assert pointer < shown.index("## Where to find support")


def test_help_ends_with_where_support_is(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "--help", env=environment())
    assert POINTER in " ".join(out.split())


@pytest.mark.parametrize(
    ("exercise", "answer", "next_step"),
    [
        ("values", "noticing: How much fun mattered", "relational reflect weekly-step turns"),
        ("weekly-step", "wish: Call Sam", "Next week, relational reflect weekly-step starts"),
    ],
)
def test_the_closing_words_say_what_builds_on_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], exercise: str, answer: str, next_step: str
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(answer + "\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "reflect", exercise, "--answers", str(answers))
    assert code == 0
    closing, _, saved = " ".join(err.split()).partition("Saved ")
    assert next_step in closing and saved
