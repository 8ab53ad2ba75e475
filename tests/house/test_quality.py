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


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = section.split("```sh\n")[1:]
    return [block.split("```", 1)[0].strip() for block in blocks]


def test_the_readme_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    install_and_run, install_and_test = quick_start_commands()
    assert install_and_run == "pip install . && relational reflect"
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci_lines[-1] == install_and_test
