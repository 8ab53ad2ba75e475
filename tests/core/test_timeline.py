"""`relational timeline`: reflections per week or month, the weekly steps' follow-through,
and how the top values changed — as numbers, readable without colour and in plain mode."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import time_machine
from conftest import plain
from conftest import run_cli as run

from relational_cli.cli import main

START = datetime(2026, 9, 7, 19, 0, tzinfo=timezone(timedelta(hours=1)))  # a Monday


def answer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, when: datetime, exercise: str, text: str
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(text, encoding="utf-8")
    with time_machine.travel(when, tick=False):
        code, _, err = run(capsys, "reflect", exercise, "--answers", str(answers))
    assert code == 0, err


PILES = "sort: {{Very important: [{}], Important: [], Not important: [], Unsure: []}}\n"


@pytest.fixture
def months(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Three weekly steps a week apart (looked back on as Done, then Partly), and two values
    reflections whose top values changed."""
    answer(capsys, tmp_path, START, "weekly-step", "wish: Call Inés\n")
    week = timedelta(weeks=1)
    answer(capsys, tmp_path, START + week, "weekly-step", "last_step: Done\nwish: Walk with Sam\n")
    answer(capsys, tmp_path, START + 2 * week, "weekly-step", "last_step: Partly\nwish: Rest\n")
    answer(capsys, tmp_path, START, "values", PILES.format("Honesty, Fun, Care"))
    answer(
        capsys,
        tmp_path,
        START + 40 * timedelta(days=1),
        "values",
        PILES.format("Honesty, Care, Rest"),
    )


def test_the_picture_in_numbers(months: None, capsys: pytest.CaptureFixture[str]) -> None:
    with time_machine.travel(START + timedelta(days=60), tick=False):
        code, out, _ = run(capsys, "timeline", "--format", "json")
    assert code == 0
    picture = json.loads(out)
    periods = dict((row["period"], row["count"]) for row in picture["periods"])
    assert len(periods) == 12 and list(periods)[-1] == "2026-11"
    assert (periods["2026-09"], periods["2026-10"], periods["2026-11"], periods["2026-08"]) == (
        4,
        1,
        0,
        0,
    )
    assert [(s["title"], s["outcome"]) for s in picture["steps"]] == [
        ("Call Inés", "Done"),
        ("Walk with Sam", "Partly"),
        ("Rest", None),
    ]
    first, second = picture["values"]
    assert first["top"] == ["Honesty", "Fun", "Care"] and first["added"] == []
    assert (second["added"], second["dropped"]) == (["Rest"], ["Fun"])


def test_by_week_since_a_day(months: None, capsys: pytest.CaptureFixture[str]) -> None:
    with time_machine.travel(START + timedelta(days=20), tick=False):
        _, out, _ = run(
            capsys, "timeline", "--by", "week", "--since", "2026-09-07", "--format", "json"
        )
    weeks = [(row["period"], row["count"]) for row in json.loads(out)["periods"]]
    assert weeks[:3] == [("2026-W37", 2), ("2026-W38", 1), ("2026-W39", 1)]
    # The one written 40 days on is ahead of this clock: counted all the same (issue 31).
    assert weeks[3:] == [("2026-W40", 0), ("2026-W41", 0), ("2026-W42", 1)]


def test_readable_without_colour_and_in_plain_mode(
    months: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with time_machine.travel(START + timedelta(days=60), tick=False):
        _, out, _ = run(capsys, "timeline")
        env, shown, _ = plain([])
        assert main(["timeline"], env) == 0
    assert "  2026-09  ████ 4" in out  # the number beside the bar, not the bar alone
    assert "  2026-10  █ 1" in out and "  2026-11  0" in out
    assert "Call Inés — Done" in out and "Rest — not looked back on yet" in out
    assert "new: Rest; no longer: Fun" in out
    assert "  2026-09: 4" in shown.getvalue() and "█" not in shown.getvalue()
