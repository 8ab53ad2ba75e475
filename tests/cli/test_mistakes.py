"""Clear words instead of surprises: a data folder that cannot be used, read-only places, a
terminal that cannot show a character, names that are close to right."""

from __future__ import annotations

import errno
import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import environment
from conftest import run_cli as run


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "unexpected error" not in err and "Traceback" not in err
    return lines[0]


def test_a_data_folder_that_is_a_file_is_said_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    afile = tmp_path / "journal.txt"
    afile.write_text("not a folder")
    monkeypatch.setenv("RELATIONAL_HOME", str(afile))
    code, _, err = run(capsys, "review")
    assert code == 1
    assert one_line(err) == f"relational: RELATIONAL_HOME {afile} is a file, not a folder"


def test_a_relative_data_folder_is_refused_with_the_whole_path_to_give(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RELATIONAL_HOME", "my-journal")
    code, _, err = run(capsys, "review")
    assert code == 1
    assert one_line(err) == (
        "relational: RELATIONAL_HOME 'my-journal' is a relative path; give the whole path,"
        f" such as {tmp_path / 'my-journal'}"
    )


@pytest.mark.parametrize("args", [["review"], ["search", "river"], ["info"]], ids=" ".join)
def test_a_data_folder_under_an_unknown_users_home_is_said_in_one_line(args: list[str]) -> None:
    """`RELATIONAL_HOME=~nobody-here/journal`: Python cannot say where that user's home is,
    and every command ended in a traceback (RuntimeError)."""
    from conftest import installed_command

    done = subprocess.run(
        [installed_command(), *args],
        env={**os.environ, "RELATIONAL_HOME": "~nobody-here/journal"},
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    assert one_line(done.stderr) == (
        "relational: RELATIONAL_HOME '~nobody-here/journal' starts with ~nobody-here, the home"
        " folder of a user this computer does not know; give the whole path"
    )


def test_an_unreadable_data_folder_is_said_so_not_an_empty_journal(
    capsys: pytest.CaptureFixture[str], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != home and real_access(p, mode))
    code, _, err = run(capsys, "review")
    assert code == 1
    assert one_line(err) == f"relational: RELATIONAL_HOME {home} cannot be read (permission denied)"


def test_a_read_only_packs_folder_says_what_is_wrong(
    capsys: pytest.CaptureFixture[str], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(folder: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(folder))

    monkeypatch.setattr("relational_cli.core.atomic.write_temp", read_only)
    code, _, err = run(capsys, "packs", "new", "check-in")
    assert code == 1
    assert one_line(err) == f"relational: could not use {home / 'packs'}: Permission denied"


def test_a_terminal_that_cannot_show_a_character_gets_it_escaped(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("wish: Café with Inés 🌱\n", encoding="utf-8")
    assert run(capsys, "reflect", "weekly-step", "--answers", str(answers))[0] == 0
    from conftest import installed_command

    shown = subprocess.run(
        [installed_command(), "show", "latest"],
        env={**os.environ, "RELATIONAL_HOME": str(home), "PYTHONIOENCODING": "ascii"},
        capture_output=True,
        timeout=30,
    )
    assert shown.returncode == 0, shown.stderr
    assert b"Caf\\xe9 with In\\xe9s \\U0001f331" in shown.stdout
    assert b"unexpected error" not in shown.stderr


def test_an_exercise_that_does_not_exist_is_named_with_the_closest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "review", "--exercise", "weekly_step")
    assert code == 1
    assert one_line(err) == (
        "relational: no exercise or reflections called 'weekly_step' (did you mean 'weekly-step'?)"
    )


def test_reflections_of_a_pack_that_was_removed_still_list(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    from conftest import write_pack

    pack = write_pack(
        home,
        "check-in",
        "id: check-in\ntitle: T\nsummary: S\nprompts:\n  - {id: q, type: text, text: Q?}\n",
    )
    answers = tmp_path / "a.yaml"
    answers.write_text("q: fine\n")
    assert run(capsys, "reflect", "check-in", "--answers", str(answers))[0] == 0
    pack.unlink()
    code, out, _ = run(capsys, "review", "--exercise", "check-in", "--format", "json")
    assert code == 0
    assert [row["exercise"] for row in json.loads(out)["reflections"]] == ["check-in"]
    code, out, err = run(capsys, "review", "--exercise", "check-in", "--since", "2999-01-01")
    assert (code, out, err) == (0, "", "No reflections match.\n")


def test_an_id_prefix_that_matches_several_lists_them(capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import datetime, timezone

    from conftest import journal

    from relational_cli.core.journal.fileformat import Reflection, Section
    from relational_cli.core.journal.journal import new_id

    ids = []
    for hour in (9, 10, 11):
        when = datetime(2026, 11, 21, hour, tzinfo=timezone.utc)
        saved, _ = journal().save(
            Reflection(new_id("values", when), "values", when.isoformat(), "T"),
            [Section("q", "Q?", "a")],
        )
        ids.append(saved.id)
    for command in ("show", "edit"):
        code, _, err = run(capsys, command, "20261121", env=environment())
        assert code == 1
        assert one_line(err) == (
            "relational: '20261121' matches 3 reflections: "
            + ", ".join(reversed(ids))
            + "; type more of the id"
        )


@pytest.mark.parametrize(
    "command",
    [["review"], ["show", "latest"], ["search", "Robin"], ["export"], ["plan", "--help"],
     ["--help"], ["--version"]],
)  # fmt: skip
@pytest.mark.parametrize("output", ["closed", "/dev/full"])
def test_output_that_cannot_be_written_is_one_plain_line(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path, command: list[str], output: str
) -> None:
    from conftest import installed_command

    answers = tmp_path / "a.yaml"
    answers.write_text("wish: A walk with Robin\n", encoding="utf-8")
    assert run(capsys, "reflect", "weekly-step", "--answers", str(answers))[0] == 0
    if output == "closed":  # `relational review >&-`
        stdout: int | None = None
        close_stdout = True
        expected = "relational: could not write the output: standard output is closed"
    else:  # `relational review > /dev/full`
        stdout, close_stdout = os.open("/dev/full", os.O_WRONLY), False
        expected = "relational: could not write the output: the disk is full"
    done = subprocess.run(
        [installed_command(), *command],
        env={**os.environ, "RELATIONAL_HOME": str(home), "COLUMNS": "100"},
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=30,
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
    )
    assert done.returncode == 1
    assert one_line(done.stderr) == expected


def test_output_held_back_until_the_end_and_refused_then_is_said_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A full disk refuses buffered output only when it is flushed, at the very end: that
    is still said, in one line, and the exit code says it."""
    import io

    from relational_cli.cli import main
    from relational_cli.environment import Output

    class FullDisk(io.StringIO):
        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    code = main(["support"], environment(stdout=Output.around(FullDisk())))
    assert code == 1
    assert capsys.readouterr().err == "relational: could not write the output: the disk is full\n"


def test_a_closed_stdin_reads_as_empty_said_in_one_line(home: Path) -> None:
    from conftest import installed_command

    done = subprocess.run(
        [installed_command(), "reflect", "journal", "--answers", "-"],
        env={**os.environ, "RELATIONAL_HOME": str(home)},
        stdin=None,
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=lambda: os.close(0),  # `relational reflect journal --answers - <&-`
    )
    assert done.returncode == 1
    said = one_line(done.stderr)
    assert said.endswith("<stdin>: answers must map prompt ids to answers, but this is empty")


def test_a_message_standard_error_will_not_take_ends_with_the_exit_code_alone(
    home: Path,
) -> None:
    """`relational show nosuch 2>/dev/full` (or a closed terminal): nobody can be told, so
    the exit code says it, with no traceback that would fail the same way (Python's 120)."""
    from conftest import installed_command

    full = os.open("/dev/full", os.O_WRONLY)
    try:
        done = subprocess.run(
            [installed_command(), "show", "nosuch"],
            env={**os.environ, "RELATIONAL_HOME": str(home), "PYTHONUNBUFFERED": ""},
            stdout=subprocess.PIPE,
            stderr=full,
            timeout=30,
        )
    finally:
        os.close(full)
    assert done.returncode == 1 and done.stdout == b""
