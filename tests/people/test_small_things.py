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
    assert sum(row["reflections"] for row in periods) == 2
    assert len(periods) < 60  # not 1,200 empty months


def test_timeline_since_long_ago_with_nothing_written_is_short(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, _ = run(capsys, "timeline", "--since", "100 years ago", "--format", "json")
    assert code == 0 and len(json.loads(out)["periods"]) <= 12
