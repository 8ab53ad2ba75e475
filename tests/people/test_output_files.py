"""Files written where a person asks (`export --output`, `plan --output`): an existing file is
never replaced without --force or a yes in a terminal, and keeps its own mode when it is; the
name's extension chooses the format; `-` is standard output; a hint keeps the options given
(issue 31)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from conftest import Terminal, environment, journal, save
from conftest import run_cli as run
from test_locked import keeper, template  # noqa: F401 (fixtures the one below uses)
from test_locked import locked as locked_journal  # noqa: F401

from relational_cli.cli import main

PLAN = "name: Sam\nboundaries: No work email after 7\n"


def plan_answers(tmp_path: Path) -> str:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return str(path)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("command", [["export"], ["plan", "--from", "latest"]])
def test_an_existing_file_is_not_replaced_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    save()
    assert run(capsys, "plan", "--answers", plan_answers(tmp_path))[0] == 0
    mine = tmp_path / "mine.md"
    mine.write_text("my own notes\n", encoding="utf-8")
    mine.chmod(0o644)
    code, _, err = run(capsys, *command, "--output", str(mine))
    assert code == 1
    assert err.count("\n") == 1 and str(mine) in err and "--force" in err
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    code, _, err = run(capsys, *command, "--output", str(mine), "--force")
    assert code == 0, err
    assert mine.read_text(encoding="utf-8") != "my own notes\n"
    assert mode(mine) == 0o644  # its own mode, as it was
    new = tmp_path / "new.md"
    assert run(capsys, *command, "--output", str(new))[0] == 0
    assert mode(new) == 0o600


def test_plan_with_answers_refuses_an_existing_file_before_asking_or_saving(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    mine = tmp_path / "plan.html"
    mine.write_text("<p>mine</p>", encoding="utf-8")
    code, _, err = run(capsys, "plan", "--answers", plan_answers(tmp_path), "--output", str(mine))
    assert code == 1 and "--force" in err
    assert list(journal().files()) == []  # nothing saved that would then be left unwritten
    assert mine.read_text(encoding="utf-8") == "<p>mine</p>"


@pytest.mark.parametrize(
    ("keys", "replaced"), [(Terminal.ENTER, False), (Terminal.DOWN + Terminal.ENTER, True)]
)
def test_in_a_terminal_it_asks_first(
    in_terminal: Terminal,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    keys: str,
    replaced: bool,
) -> None:
    save()
    mine = tmp_path / "digest.md"
    mine.write_text("my own notes\n", encoding="utf-8")
    in_terminal.type(keys)
    code = main(["export", "--output", str(mine)], environment(terminal=True))
    assert code == 0
    assert (mine.read_text(encoding="utf-8") != "my own notes\n") is replaced
    assert "is there already. Replace it?" in in_terminal.printed + capsys.readouterr().out


def test_the_name_chooses_the_format_unless_format_says_otherwise(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    save()
    assert run(capsys, "plan", "--answers", plan_answers(tmp_path))[0] == 0
    for command in (["export"], ["plan", "--from", "latest"]):
        page = tmp_path / f"{command[0]}.html"
        code, _, err = run(capsys, *command, "--output", str(page))
        assert code == 0, err
        assert page.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
        text = tmp_path / f"{command[0]}.md"
        assert run(capsys, *command, "--output", str(text))[0] == 0
        assert text.read_text(encoding="utf-8").startswith(("---", "#"))
        told = tmp_path / f"{command[0]}-told.html"
        code, _, err = run(capsys, *command, "--format", "markdown", "--output", str(told))
        assert code == 0
        assert "<html" not in told.read_text(encoding="utf-8").lower()
        assert err.count("as --format says") == 1
    backup = tmp_path / "backup.json"
    assert run(capsys, "export", "--output", str(backup))[0] == 0
    assert json.loads(backup.read_text(encoding="utf-8"))["reflection_files"]


@pytest.mark.parametrize("command", [["export"], ["plan", "--from", "latest"]])
def test_output_dash_is_standard_output(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    save()
    assert run(capsys, "plan", "--answers", plan_answers(tmp_path))[0] == 0
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *command, "--output", "-")
    assert code == 0, err
    assert "No work email after 7" in out or "an answer" in out
    assert not (tmp_path / "-").exists()


@pytest.mark.usefixtures("locked_journal")
def test_the_locked_hint_keeps_the_options_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "plan", "--answers", plan_answers(tmp_path))[0] == 0
    code, _, err = run(capsys, "plan", "--format", "html", "--all-lines")
    assert code == 0, err
    assert "relational plan --from latest --format html --all-lines --output PATH" in err


def test_a_file_that_appears_while_the_digest_is_made_is_never_replaced(tmp_path: Path) -> None:
    """Checked before, and never written over after: written as a new file or not at all."""
    from relational_cli.core.errors import UserError
    from relational_cli.core.transfer import export as exports

    _, path = save()
    target = tmp_path / "digest.md"
    target.write_text("arrived meanwhile\n", encoding="utf-8")  # after the check, say
    with pytest.raises(UserError, match="is there already"):
        exports.digest(journal(), [journal().load(path)], "markdown", target)
    assert target.read_text(encoding="utf-8") == "arrived meanwhile\n"


@pytest.mark.pty
@pytest.mark.parametrize(("keys", "replaced"), [("\r", False), ("\x1b[B\r", True)])
def test_in_a_real_terminal_replacing_a_file_is_asked_first(
    home: Path, tmp_path: Path, keys: str, replaced: bool
) -> None:
    import os
    import re

    import pexpect
    from conftest import installed_command

    save()
    mine = tmp_path / "for my session.md"
    mine.write_text("my own notes\n", encoding="utf-8")
    env = {**os.environ, "RELATIONAL_HOME": str(home), "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(
        installed_command(),
        ["export", "--output", str(mine)],
        env={**env, "TERM": "xterm-256color", "NO_COLOR": "1"},
        encoding="utf-8",
        dimensions=(24, 100),
        timeout=60,
    )
    child.expect_exact("Replace it?")
    child.expect_exact("›")
    child.send(keys)
    child.expect(pexpect.EOF)
    child.close()
    shown = re.sub(r"\s+", " ", child.before)
    assert child.exitstatus == 0, shown
    assert (mine.read_text(encoding="utf-8") != "my own notes\n") is replaced
    assert ("Wrote a digest" in shown) is replaced
    assert ("Nothing written" in shown) is not replaced
