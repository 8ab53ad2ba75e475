"""Shell completion (Typer's own) for bash, zsh and fish: commands, options and exercise ids,
asked the way each shell's completion script asks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pexpect
import pytest
from conftest import installed_command
from conftest import run_cli as run
from conftest import write_pack as install

from relational_cli.cli import COMPLETE_VAR

OWN = "id: check-in\ntitle: Evening check-in\nsummary: Three questions\nprompts:\n  - {id: a, type: text, text: How}\n"


def bash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, line: str
) -> list[str]:
    """What bash is offered for the last word of `line` (as the installed script asks)."""
    words = line.split(" ")
    monkeypatch.setenv(COMPLETE_VAR, "complete_bash")
    monkeypatch.setenv("COMP_WORDS", line)
    monkeypatch.setenv("COMP_CWORD", str(len(words) - 1))
    code, out, err = run(capsys)
    assert code == 0 and err == ""
    return out.splitlines()


def test_bash_completes_commands_options_and_exercise_ids(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    assert bash(capsys, monkeypatch, "relational re") == [
        "reflect",
        "reminders",
        "recover",
        "review",
    ]
    assert "packs" in bash(capsys, monkeypatch, "relational ")
    assert bash(capsys, monkeypatch, "relational packs g") == ["guide"]
    assert "--since" in bash(capsys, monkeypatch, "relational review --")
    assert bash(capsys, monkeypatch, "relational reflect va") == ["values"]
    install(home, "check-in", OWN)  # the person's own exercises too
    assert bash(capsys, monkeypatch, "relational reflect ch") == ["check-in"]
    assert bash(capsys, monkeypatch, "relational review --exercise week") == ["weekly-step"]
    assert bash(capsys, monkeypatch, "relational packs show self") == ["self-care-plan"]


def test_zsh_and_fish_get_each_exercise_with_its_title(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(COMPLETE_VAR, "complete_zsh")
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "relational reflect week")
    assert run(capsys)[1] == '_arguments \'*: :(("weekly-step":"One small step this week"))\'\n'
    monkeypatch.setenv(COMPLETE_VAR, "complete_fish")
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "relational packs ")
    monkeypatch.setenv("_TYPER_COMPLETE_FISH_ACTION", "get-args")
    offered = dict(line.split("\t") for line in run(capsys)[1].splitlines())
    assert set(offered) == {"list", "show", "validate", "new", "guide", "schema", "add", "remove"}
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", "relational reflect week")
    assert run(capsys)[1] == "weekly-step\tOne small step this week\n"


def test_a_data_folder_that_cannot_exist_still_completes_and_prints_no_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("RELATIONAL_HOME", str(blocked / "home"))
    assert bash(capsys, monkeypatch, "relational reflect val") == ["values"]  # no error line


@pytest.mark.pty
@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_install_completion_then_tab_in_a_real_bash(tmp_path: Path, home: Path) -> None:
    env = {
        "HOME": str(tmp_path),
        "PATH": f"{Path(installed_command()).parent}{os.pathsep}{os.environ['PATH']}",
        "RELATIONAL_HOME": str(home),
        "TERM": "dumb",
        "PS1": "$ ",
    }
    shell = pexpect.spawn(
        "bash", ["--noprofile", "--norc", "-i"], env=env, encoding="utf-8", timeout=20
    )
    shell.expect_exact("$ ")
    shell.sendline("relational --install-completion")
    shell.expect_exact("completion installed")
    shell.expect_exact("$ ")
    shell.sendline("exit")
    shell.expect(pexpect.EOF)
    bashrc = tmp_path / ".bashrc"
    assert "relational" in bashrc.read_text(encoding="utf-8")
    with bashrc.open("a", encoding="utf-8") as rc:
        rc.write("PS1='$ '\n")  # this machine's own bash.bashrc sets another prompt

    # A new terminal reads ~/.bashrc: Tab finishes a command and an exercise's name.
    shell = pexpect.spawn("bash", ["-i"], env=env, encoding="utf-8", timeout=20)
    shell.expect_exact("$ ")
    shell.send("relational packs gu\t")
    shell.expect_exact("relational packs guide ")
    shell.send("\x15")  # Ctrl-U: clear the line
    shell.send("relational reflect weekl\t")
    shell.expect_exact("relational reflect weekly-step ")
    shell.send("\x15exit\r")
    shell.expect(pexpect.EOF)
