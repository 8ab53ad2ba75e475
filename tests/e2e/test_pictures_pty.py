"""The pictures over time (issue 35) from the installed command in a real terminal: the
check-ins' charts, and a map of relationships drawn as rings that fit the terminal, its
names shown as typed and never sent as control sequences."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pexpect
import pytest
from test_e2e import run, spawn

pytestmark = pytest.mark.pty


def test_the_charts_and_the_rings_in_a_real_terminal(home: Path) -> None:
    for scales in ({"connected": 2, "alone": 4}, {"connected": 4, "alone": 2, "cared_for": 5}):
        saved = run(home, "reflect", "check-in", "--answers", "-", typed=json.dumps(scales))
        assert saved.returncode == 0, saved.stderr
    drawn = {"close": "J - nourishes\n\x1b[2J\x1b]0;hi\x07Jo - both", "further": "[red]T[/red]"}
    saved = run(home, "reflect", "relationship-map", "--answers", "-", typed=json.dumps(drawn))
    assert saved.returncode == 0, saved.stderr
    map_id = re.findall(r"Saved (\S+)", saved.stderr)[-1]

    child = spawn(home, "timeline")
    child.expect_exact("How you felt at each check-in (1 means not at all, 5 means very)")
    child.expect_exact("connected  ▃▆  2, 4")
    child.expect_exact("cared for  ·█  –, 5")  # skipped the first time: a gap, not a nought
    child.expect(pexpect.EOF)

    child = spawn(home, "show", map_id, size=(40, 44), COLUMNS=None)  # as a terminal sets it
    child.expect(pexpect.EOF)
    shown = child.before.replace("\r\n", "\n")
    assert "\x1b[2J" not in shown and "\x07" not in shown  # written out, never sent
    lines = re.sub(r"\x1b\[[0-9;]*m", "", shown).splitlines()
    rings = [line for line in lines if line and line[0] in "╭│╰"]
    assert rings[0].startswith("╭─ further away ─") and len(rings[0]) == 44
    assert "[red]T[/red]" in rings[1]  # Rich's markup shown as typed
    assert any("J   " in line for line in rings) and any(r"\x1b[2J" in line for line in rings)
    assert all(len(line) == 44 for line in rings)  # fits the terminal, not wrapped
