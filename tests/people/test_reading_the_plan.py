"""`relational plan --show`: the plan drawn for the person at the terminal (plain words in
plain mode), its Markdown as data into a pipe; their words shown exactly as they wrote them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import environment, plain, run_cli

from relational_cli.cli import main

ANSWERS = (
    "name: Sam *the* [x](y)\n"
    'boundaries: "Rest on *Sundays* <b>\\x1b[2J"\n'
    "hard_times: |\n  - walk\n  # not a heading\n"
)


@pytest.fixture
def a_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELATIONAL_REGION", "US")  # the plan lists 988, a link in the file
    answers = tmp_path / "a.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    assert run_cli(capsys, "plan", "--answers", str(answers))[0] == 0


def test_in_a_terminal_the_plan_is_drawn_not_its_markdown(
    a_plan: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, drawn, _ = run_cli(capsys, "plan", "--show", env=environment(terminal=True))
    assert code == 0
    out = "\n".join(line.rstrip() for line in drawn.splitlines())  # as the screen shows it
    assert out.startswith("My self-care plan — Sam *the* [x](y)\n")  # no front matter
    assert "Boundaries that protect my well-being" in out and "## " not in out
    assert "Rest on *Sundays* <b>\\x1b[2J" in out and "\x1b" not in out  # as written, inert
    assert "- walk\n# not a heading" in out
    assert "988 (call or text)" in out and "tel:" not in out and "](" not in out.split("[x](y)")[1]
    assert "\\*" not in out and "\\[" not in out  # no Markdown escapes left showing


def test_in_plain_mode_the_plan_is_words_only(a_plan: None) -> None:
    env, out, _ = plain([])
    assert main(["plan", "--show"], env) == 0
    shown = out.getvalue()
    assert shown.startswith("My self-care plan — Sam *the* [x](y)\n")
    assert not any(ch in shown for ch in "━┃┏┓┗┛\x1b")  # no boxes to be read aloud, no codes
    assert "Rest on *Sundays* <b>" in shown


def test_into_a_pipe_the_plan_is_its_markdown_file(
    a_plan: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "plan", "--show")
    assert code == 0
    assert out.startswith("---\ntitle: ") and "## Boundaries that protect my well-being" in out
    assert "Rest on \\*Sundays\\* \\<b>" in out and "(tel:988)" in out
