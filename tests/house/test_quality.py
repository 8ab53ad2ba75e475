"""The code stays lint-clean, formatted and type-checked: part of the one test command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


CHECKS = {
    "ruff-check": ["ruff", "check", "src", "tests", "benchmarks", "scripts"],
    "ruff-format": ["ruff", "format", "--check", "src", "tests", "benchmarks", "scripts"],
    "mypy": ["mypy"],
}
_started: dict[str, subprocess.Popen[str]] = {}


def start(name: str) -> subprocess.Popen[str]:
    """The check running in the background (once), so it can overlap the other tests."""
    if name not in _started:
        _started[name] = subprocess.Popen(
            [sys.executable, "-m", *CHECKS[name]],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
    return _started[name]


@pytest.mark.parametrize("name", CHECKS)
def test_code_quality(name: str) -> None:
    check = start(name)
    output = check.communicate(timeout=300)[0]
    assert check.returncode == 0, output


def test_the_quick_start_is_two_commands_that_need_only_python3() -> None:
    """What a fresh Debian or Ubuntu has: `python3`, no `python`, and a pip that will not
    install outside a virtual environment. `.ci/run` runs these two, as written (it reads them
    with scripts/quick_start.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from quick_start import commands

    install, test = commands((ROOT / "README.md").read_text(encoding="utf-8"))
    for command in (install, test):
        words = command.replace("&&", " ").split()
        assert words[:4] == ["python3", "-m", "venv", ".venv"], command
        assert "python" not in words and "pip" not in words, command  # only from .venv
    assert install.endswith(".venv/bin/relational reflect")
    assert test.endswith(".venv/bin/python -m pytest")
    assert "scripts/quick_start.py" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
