"""A computer's clock and zone as they are, not as they should be: a `TZ` that names no zone
is said once and worked around; a reflection dated in the future (a wrong clock, another
device) is listed by its date and counted, but never taken as the latest (issue 31)."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import time_machine
from conftest import installed_command, journal, plain
from conftest import run_cli as run

from relational_cli.cli import main

STEP = "wish: Call my sister on Sunday\nconfidence: 3\n"


def command(home: Path, zone: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [installed_command(), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "RELATIONAL_HOME": str(home), "TZ": zone},
        timeout=120,
    )


@pytest.mark.parametrize("zone", ["UTC+24", "UTC+99", "<+99>-99", "garbage"])
def test_a_bad_time_zone_is_named_once_and_every_command_goes_on(tmp_path: Path, zone: str) -> None:
    home = tmp_path / "home"
    answers = tmp_path / "step.yaml"
    answers.write_text(STEP, encoding="utf-8")
    for args in (
        ["reflect", "weekly-step", "--answers", str(answers)],
        ["review"],
        ["search", "sister"],
        ["timeline"],
        ["show", "latest"],
    ):
        result = command(home, zone, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert "unexpected" not in result.stderr
        said = [line for line in result.stderr.splitlines() if f"TZ={zone}" in line]
        assert len(said) == 1, (args, result.stderr)
        assert "not a time zone" in said[0]
        if args[0] in ("review", "search", "show"):
            assert "weekly-step" in result.stdout or "sister" in result.stdout, result.stdout


def test_a_zone_the_computer_knows_is_not_mentioned(tmp_path: Path) -> None:
    for zone in ("Europe/Berlin", ":Asia/Tokyo", "EST5EDT", "UTC", "<+0530>-5:30"):
        result = command(tmp_path / "home", zone, "review")
        assert result.returncode == 0 and "TZ=" not in result.stderr, zone


NOW = datetime(2026, 11, 22, 10, 0, tzinfo=timezone(timedelta(hours=1)))


def step_on(tmp_path: Path, capsys: pytest.CaptureFixture[str], when: datetime, wish: str) -> str:
    """A weekly step written at `when` by that device's clock; its id."""
    answers = tmp_path / "step.yaml"
    answers.write_text(f"wish: {wish}\nconfidence: 3\n", encoding="utf-8")
    before = set(journal().files())
    with time_machine.travel(when, tick=False):
        code, _, err = run(capsys, "reflect", "weekly-step", "--answers", str(answers))
    assert code == 0, err
    (made,) = set(journal().files()) - before
    return made.stem


def test_a_reflection_dated_in_the_future_is_never_latest_nor_last_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ahead = step_on(tmp_path, capsys, NOW + timedelta(days=3), "Fly to the moon")  # a clock ahead
    step_on(tmp_path, capsys, NOW - timedelta(days=7), "Call my sister")
    with time_machine.travel(NOW, tick=False):
        here = step_on(tmp_path, capsys, NOW, "Walk with Sam")  # written here, just now
        code, out, err = run(capsys, "show", "latest", "--format", "json")
        assert code == 0 and json.loads(out)["reflection"]["id"] == here, err
        assert err.count("dated in the future") == 1 and ahead in err
        code, out, err = run(capsys, "review", "--format", "json")
        ids = [row["id"] for row in json.loads(out)["reflections"]]
        assert ids[0] == ahead and here in ids  # listed by its date, and named once
        assert err.count("dated in the future") == 1
        code, out, err = run(capsys, "timeline", "--format", "json")
        counted = sum(row["count"] for row in json.loads(out)["periods"])
        assert counted == 3 and err.count("dated in the future") == 1
        env, shown, _ = plain([])  # the weekly step looks back at the step written here
        main(["reflect", "weekly-step"], env)
    assert "Last time, your step was: “Walk with Sam”" in shown.getvalue()


def test_when_every_reflection_is_dated_in_the_future_latest_is_the_newest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    step_on(tmp_path, capsys, NOW + timedelta(days=2), "One")
    newest = step_on(tmp_path, capsys, NOW + timedelta(days=3), "Two")
    with time_machine.travel(NOW, tick=False):
        code, out, _ = run(capsys, "show", "latest", "--format", "json")
    assert code == 0 and json.loads(out)["reflection"]["id"] == newest
