"""Small things a newcomer met, each in plain words (issue 31, item 13)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from conftest import WHEN, save
from conftest import run_cli as run


def test_timeline_since_long_ago_starts_at_the_first_reflection(
    capsys: pytest.CaptureFixture[str],
) -> None:
    save("values", WHEN - timedelta(days=800))
    save("values", WHEN)
    code, out, err = run(capsys, "timeline", "--since", "100 years ago", "--format", "json")
    assert code == 0, err
    periods = json.loads(out)["periods"]
    assert periods[0]["period"] == f"{WHEN - timedelta(days=800):%Y-%m}"
    assert sum(row["count"] for row in periods) == 2
    assert len(periods) < 60  # not 1,200 empty months


def test_timeline_since_long_ago_with_nothing_written_is_short(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, _ = run(capsys, "timeline", "--since", "100 years ago", "--format", "json")
    assert code == 0 and len(json.loads(out)["periods"]) <= 12


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["review", "--limit", "0"], "give a whole number, 1 or more ('0' is not one)"),
        (["search", "walk", "-n", "many"], "give a whole number, 1 or more ('many' is not one)"),
        (["lock", "--stay-unlocked", "-5"], "give a whole number, 0 or more ('-5' is not one)"),
    ],
)
def test_a_number_option_says_what_it_takes_in_plain_words(
    capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2 and said in err
    assert "range" not in err and "x>=" not in err


@pytest.mark.parametrize("command", ["review", "search", "lock"])
def test_help_shows_no_int_range(capsys: pytest.CaptureFixture[str], command: str) -> None:
    _, out, _ = run(capsys, command, "--help")
    assert "int range" not in out and "x>=" not in out


@pytest.mark.parametrize("words", ["", "  ", "--", "*"])
def test_searching_for_no_word_asks_for_one(capsys: pytest.CaptureFixture[str], words: str) -> None:
    save()
    code, out, err = run(capsys, "search", "--", words)
    assert code == 1 and out == ""
    assert err == "relational: type a word to search for, e.g. relational search walk\n"


def test_an_exercise_name_in_any_case_is_the_exercise(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answers = tmp_path / "step.yaml"
    answers.write_text("wish: Call my sister\n", encoding="utf-8")
    code, _, err = run(capsys, "reflect", "Weekly-Step", "--answers", str(answers))
    assert code == 0, err
    code, out, err = run(capsys, "review", "--exercise", "WEEKLY-STEP", "--format", "json")
    assert code == 0 and len(json.loads(out)["reflections"]) == 1, err


def test_a_plan_and_reminders_in_a_hidden_folder_say_how_to_find_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / ".local" / "share" / "relational"  # as the data folder is by default
    monkeypatch.setenv("RELATIONAL_HOME", str(home))
    plan = tmp_path / "plan.yaml"
    plan.write_text("boundaries: No work email after 7\nreview_when: In two weeks\n", "utf-8")
    code, _, err = run(capsys, "plan", "--answers", str(plan))
    assert code == 0, err
    assert f"Your plan is in {home / 'plan.md'}, in a folder file managers hide" in err
    assert "relational plan --from latest --output ~/plan.md" in err
    code, _, err = run(capsys, "reminders")
    assert code == 0, err
    assert "relational reminders --output ~/reminders.ics" in err
