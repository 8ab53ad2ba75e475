"""A computer's clock and zone as they are, not as they should be: a `TZ` that names no zone
is said once and worked around (issue 31)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import installed_command

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
