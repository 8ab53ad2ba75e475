"""`relational edit`: changes in the person's editor, checked, and never a word thrown away."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import journal
from conftest import run_cli as run

EDITOR = """
import os, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(text.replace(os.environ["EDIT_FROM"], os.environ["EDIT_TO"]))
sys.exit(int(os.environ.get("EDIT_EXIT", "0")))
"""


@pytest.fixture
def reflection(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    answers = tmp_path / "a.yaml"
    answers.write_text("wish: Call Sam\nwho: Sam\n")
    assert run(capsys, "reflect", "weekly-step", "--answers", str(answers))[0] == 0
    script = tmp_path / "editor.py"
    script.write_text(EDITOR)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    return next(journal().files())


def edit(monkeypatch: pytest.MonkeyPatch, before: str, after: str, exit_code: int = 0) -> None:
    monkeypatch.setenv("EDIT_FROM", before)
    monkeypatch.setenv("EDIT_TO", after)
    monkeypatch.setenv("EDIT_EXIT", str(exit_code))


def hidden_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_an_edited_answer_is_kept_and_shown(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, reflection: Path
) -> None:
    edit(monkeypatch, "Call Sam\n", "Call Sam, and\nask about the move\n")
    code, _, err = run(capsys, "edit", "latest")
    assert code == 0 and f"Saved your changes to {reflection.stem}." in err
    _, out, _ = run(capsys, "show", "latest", "--format", "json")
    assert json.loads(out)["reflection"]["answers"]["wish"] == "Call Sam, and\nask about the move"
    assert oct(reflection.stat().st_mode & 0o777) == "0o600"
    assert hidden_files(reflection.parent) == []


def test_no_change_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, reflection: Path
) -> None:
    edit(monkeypatch, "nothing like this", "x")
    before = reflection.read_bytes()
    assert run(capsys, "edit", reflection.stem)[2] == "No changes.\n"
    assert reflection.read_bytes() == before and hidden_files(reflection.parent) == []


def test_an_edit_that_does_not_read_is_kept_aside_whole(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    reflection: Path,
    home: Path,
) -> None:
    edit(monkeypatch, "Call Sam\n<!-- /answer -->", "Call Sam — I broke the closing line")
    before = reflection.read_bytes()
    code, _, err = run(capsys, "edit")
    assert code == 1
    assert (
        "your edit does not read as a reflection" in err
        and "the answer to 'wish' has no closing <!-- /answer -->" in err
    )
    [kept] = list((home / "recovery").iterdir())
    assert f"is unchanged; your edited copy is kept whole in {kept}" in err
    assert "Call Sam — I broke the closing line" in kept.read_text()
    assert reflection.read_bytes() == before
    assert hidden_files(reflection.parent) == []


def test_text_outside_any_answer_is_kept_and_pointed_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, reflection: Path
) -> None:
    edit(
        monkeypatch,
        "## Who is it with, or for?",
        "A thought I added later.\n\n## Who is it with, or for?",
    )
    code, _, err = run(capsys, "edit")
    assert code == 0
    assert "A thought I added later." in reflection.read_text()
    line = reflection.read_text().split("\n").index("A thought I added later.") + 1
    assert f"{reflection}:{line} is outside any answer — it stays in the file" in err


def test_the_id_cannot_be_changed_by_an_edit(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, reflection: Path
) -> None:
    edit(monkeypatch, f"id: {reflection.stem}", "id: 20200101-000000-weekly-step")
    code, _, err = run(capsys, "edit")
    assert code == 1 and f"the id in the front matter must stay {reflection.stem}" in err


def test_an_editor_that_fails_changes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, reflection: Path
) -> None:
    edit(monkeypatch, "nothing like this", "x", exit_code=3)
    before = reflection.read_bytes()
    code, _, err = run(capsys, "edit")
    assert code == 1 and "ended with an error; your reflection is unchanged" in err
    assert reflection.read_bytes() == before and hidden_files(reflection.parent) == []


def test_no_editor_at_all_is_a_clear_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, reflection: Path
) -> None:
    monkeypatch.delenv("EDITOR")
    monkeypatch.setenv("PATH", "/nonexistent")
    code, _, err = run(capsys, "edit")
    assert code == 1 and "no editor found: set $EDITOR" in err


def test_an_editor_that_fails_after_changing_the_file_keeps_the_change_aside(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    reflection: Path,
    home: Path,
) -> None:
    edit(monkeypatch, "Call Sam\n", "Call Sam, half-edited\n", exit_code=3)
    before = reflection.read_bytes()
    code, _, err = run(capsys, "edit")
    assert code == 1 and "ended with an error; your reflection is unchanged" in err
    assert reflection.read_bytes() == before
    [kept] = list((home / "recovery").iterdir())
    assert "Call Sam, half-edited" in kept.read_text()
    assert f"your edited copy is kept whole in {kept}" in err
    assert hidden_files(reflection.parent) == []
