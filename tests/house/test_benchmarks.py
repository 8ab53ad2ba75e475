"""The benchmarks still run: each, on a tiny journal and once over (their figures mean nothing
at this size; that they print them does)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    ("script", "says"),
    [
        ("startup.py", "relational search 5000 (at 30)"),
        ("hand_edits.py", "comparing every file costs"),
    ],
)
def test_a_benchmark_runs_and_prints_its_figures(script: str, says: str) -> None:
    environ = {name: value for name, value in os.environ.items() if name != "RELATIONAL_HOME"}
    sizes = ["--entries", "20", "--runs", "1"] + (
        ["--search-at", "30"] if script == "startup.py" else []
    )
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *sizes], env=environ,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=110)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert says in done.stdout and " ms " in done.stdout
