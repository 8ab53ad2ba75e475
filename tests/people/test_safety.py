"""Nothing lost, nothing exposed: kill -9, two terminals, full disks, poisoned files, privacy."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import Terminal, drafts, journal, reflect
from conftest import run_cli as run

T = Terminal

SAVER = """
import sys
from datetime import datetime, timezone
from relational_cli.core.home import Home
from relational_cli.core.journal.journal import new_id
from relational_cli.core.journal.fileformat import Reflection, Section
from relational_cli.core.search.indexed import open_journal
journal = open_journal(Home.from_environ(__import__("os").environ), datetime.now)
when = datetime(2026, 11, 21, 21, 7, 55, tzinfo=timezone.utc)
answer = sys.argv[1] * int(sys.argv[2])
print("saving", flush=True)
for n in range(int(sys.argv[3])):
    reflection = Reflection(new_id("values", when), "values", when.isoformat(), "T")
    journal.save(reflection, [Section("q", "Q?", answer)])
print("done", flush=True)
"""


def saver(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "RELATIONAL_HOME": str(home)}
    return subprocess.Popen(
        [sys.executable, "-c", SAVER, *args], env=env, stdout=subprocess.PIPE, text=True
    )


def test_sigkill_during_a_save_leaves_no_file_or_the_whole_one(home: Path) -> None:
    # Each save writes and syncs about 16 MB; kill -9 lands at different points of them,
    # until a kill is seen to have cut a save short (it leaves its hidden temp file). The
    # delays count from the first save's temp file, as the disk shows it (not from the
    # start, nor from "saving": a busy machine is slow to both).
    def temps() -> set[Path]:
        return set(home.rglob(".tmp-*.part"))

    def under_way(before: set[Path]) -> None:
        deadline = time.monotonic() + 60
        while not temps() - before:
            assert time.monotonic() < deadline, "no save began"
            time.sleep(0.005)

    cut_short = 0
    for delay in (0.0, 0.05, 0.15, 0.3, 0.45, 0.6, 0.8, 1.0):
        before = temps()
        process = saver(home, "x" * 64, str(256 * 1024), "50")
        assert process.stdout is not None and process.stdout.readline() == "saving\n"
        under_way(before)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        cut_short += bool(temps() - before)
        if cut_short >= 2:
            break
    files = list(journal().files())
    assert cut_short and files, "no kill landed inside a save: the test proved nothing"
    for path in files:
        assert journal().load(path).answer_map() == {"q": "x" * 64 * 256 * 1024}, path
    shown = [
        p.name for p in (home / "journal").rglob("*") if p.is_file() and not p.name.startswith(".")
    ]
    assert sorted(shown) == sorted(p.name for p in files)


def test_two_terminals_saving_in_the_same_second_both_land(home: Path) -> None:
    first = saver(home, "first ", "3", "25")
    second = saver(home, "second ", "3", "25")
    assert first.communicate(timeout=60)[0] == "saving\ndone\n"
    assert second.communicate(timeout=60)[0] == "saving\ndone\n"
    files = list(journal().files())
    assert len(files) == 50
    answers = sorted(journal().load(path).answer_map()["q"] for path in files)
    assert answers == ["first first first "] * 25 + ["second second second "] * 25
    assert len({journal().load(path).id for path in files}) == 50


def no_room_in_the_journal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Saves into the journal fail as on a full disk; other folders (recovery) still work."""
    real_link = os.link

    def full_disk(source: str, target: str) -> None:
        if "/journal/" in str(target):
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        real_link(source, target)

    monkeypatch.setattr(os, "link", full_disk)


def test_a_save_that_cannot_be_written_goes_to_recovery(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_room_in_the_journal(monkeypatch)
    source = tmp_path / "a.yaml"
    source.write_text("wish: Write to Ana\n")
    code, _, err = run(capsys, "reflect", "weekly-step", "--answers", str(source))
    assert code == 1
    assert "could not save the reflection (No space left on device" in err
    [kept] = list((home / "recovery").iterdir())
    assert f"it is kept whole in {kept}" in err
    assert journal().load(kept).answer_map() == {"wish": "Write to Ana"}
    assert oct(kept.stat().st_mode & 0o777) == "0o600"


def test_when_even_recovery_fails_the_reflection_is_printed_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(*args: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "link", read_only)
    source = tmp_path / "a.yaml"
    source.write_text("wish: Write to Ana\noutcome: |\n  Two lines\n  of hope\n")
    code, out, err = run(capsys, "reflect", "weekly-step", "--answers", str(source))
    assert code == 1
    assert "printed above in full" in err
    from relational_cli.core.journal import fileformat as markdown

    printed = markdown.parse(out)  # whole: it reads back as the reflection it would have been
    assert printed.answer_map() == {"wish": "Write to Ana", "outcome": "Two lines\nof hope\n"}


def test_a_removed_journal_folder_is_made_again(home: Path) -> None:
    from conftest import mode, save

    save()
    import shutil

    shutil.rmtree(home)
    _, path = save()
    assert path.is_file() and mode(home) == 0o700 and mode(path) == 0o600


def test_stale_temp_files_from_a_killed_save_are_swept(home: Path) -> None:
    from conftest import save

    _, path = save()
    stale = path.parent / ".tmp-old.part"
    fresh = path.parent / ".tmp-new.part"
    stale.write_text("half")
    fresh.write_text("in progress")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    save(answer="again")
    assert not stale.exists() and fresh.exists()


# Foreign and corrupt files in the journal folder.


def poison(home: Path) -> dict[Path, str]:
    from conftest import save

    _, good = save()
    folder = good.parent
    files = {
        folder / "20261121-000000-empty.md": "",
        folder / "20261121-000001-binary.md": "\x00\x01\x02binary",
        folder / "20261121-000002-badfront.md": "---\nid: [unclosed\n---\nbody\n",
        folder / "20261121-000003-handwritten.md": "# My own notes\n\nNothing special.\n",
        folder / "20261121-210755-values (conflicted copy).md": good.read_text(),
        folder / "20261121-000004-noend.md": "---\nid: x\n" + "padding\n" * 20000,
    }
    for path, text in files.items():
        path.write_text(text)
    (folder / "20261121-000005-folder.md").mkdir()
    os.symlink("/dev/zero", folder / "20261121-000006-zero.md")
    return {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


def test_review_skips_what_it_cannot_read_with_one_line_each_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    before = poison(home)
    code, out, err = run(capsys, "review", "--format", "json")
    assert code == 0
    rows = json.loads(out)["reflections"]
    # A sync tool's conflict copy is listed as such (by its file name), never hidden or merged.
    conflict = "20261121-210755-values (conflicted copy)"
    assert [row["id"] for row in rows] == [conflict, "20261121-210755-values"]
    assert [row["sync_conflict"] for row in rows] == [True, False]
    assert run(capsys, "show", conflict)[0] == 0
    warnings = err.strip().splitlines()
    assert len(warnings) == 7
    assert all(line.startswith("relational: warning: left out ") for line in warnings)
    assert {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in before} == before


@pytest.mark.parametrize(
    "name", ["20261121-000000-empty", "20261121-000001-binary", "20261121-000002-badfront"]
)
def test_show_of_a_corrupt_file_is_one_line(
    capsys: pytest.CaptureFixture[str], home: Path, name: str
) -> None:
    poison(home)
    code, out, err = run(capsys, "show", name)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and name in err


def test_control_characters_in_messages_are_shown_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "a.yaml"
    source.write_text('"\\e]0;owned\\a": x\n')
    code, _, err = run(capsys, "reflect", "weekly-step", "--answers", str(source))
    assert code == 1
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b]0;owned\\x07" in err


# Unsent text, drafts that cannot be written.


def test_text_typed_but_not_sent_survives_ctrl_c_and_comes_back(
    in_terminal: Terminal, home: Path
) -> None:
    in_terminal.type("Ring Dad", T.ENTER, "half a tho", T.CTRL_C)
    assert reflect("weekly-step") == 130
    draft = drafts().load("weekly-step")
    assert draft is not None
    assert draft.answers == {"wish": "Ring Dad"}
    assert draft.unsent == {"who": "half a tho"}

    in_terminal.type(T.ENTER, "ught", T.ENTER, T.CTRL_C)  # resume, finish the word
    assert reflect("weekly-step") == 130
    draft = drafts().load("weekly-step")
    assert draft is not None and draft.answers == {"wish": "Ring Dad", "who": "half a thought"}


def test_a_draft_that_cannot_be_written_does_not_end_the_exercise(
    in_terminal: Terminal,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("relational_cli.core.journal.drafts.Drafts.save", broken)
    in_terminal.type(
        "Ring Dad",
        T.ENTER,
        "Dad",
        T.ENTER,
        *[T.FINISH, T.FINISH, T.ENTER, T.ENTER, T.FINISH],
        T.UP,
        T.ENTER,
        T.SAVE,
    )
    assert reflect("weekly-step") == 0
    err = capsys.readouterr().err
    assert err.count("Could not keep a draft (Permission denied)") == 1
    [path] = list(journal().files())
    assert journal().load(path).answer_map() == {"wish": "Ring Dad", "who": "Dad"}


def test_a_pause_with_no_draft_possible_prints_what_was_written(
    in_terminal: Terminal, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("relational_cli.core.journal.drafts.Drafts.save", broken)
    in_terminal.type("Ring Dad", T.ENTER, "not sent yet", T.CTRL_C)
    assert reflect("weekly-step") == 1
    out, err = capsys.readouterr()
    assert "Ring Dad" in out and "not sent yet" in out
    assert "everything you wrote so far is printed above" in err


def test_the_printed_fallback_holds_every_answer_and_the_right_front_matter(
    in_terminal: Terminal,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    last_week = tmp_path / "last.yaml"
    last_week.write_text("wish: Call Sam\nexpectation: Awkward\n", encoding="utf-8")
    assert run(capsys, "reflect", "weekly-step", "--answers", str(last_week))[0] == 0

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("relational_cli.core.journal.drafts.Drafts.save", full_disk)
    in_terminal.type(
        T.ENTER,  # Done
        "It was easy",
        T.FINISH,
        "Sam laughed",
        T.FINISH,
        T.ENTER,  # Keep it: last week's "Call Sam" is offered
        " again",
        T.ENTER,
        "a few words",
        T.CTRL_C,
    )
    assert reflect("weekly-step") == 1
    out, err = capsys.readouterr()
    assert "everything you wrote so far is printed above" in err
    for words in ("Done", "It was easy", "Sam laughed", "Keep it", "Call Sam again", "a few"):
        assert words in out, words
    assert re.search(r"^id: \d{8}-\d{6}-weekly-step$", out, re.M)
    assert "\npack_version: 6\n" in out and '\ntags: ["weekly-step", "small-steps"]\n' in out


# Private by default: no network, no child processes, nothing in the environment.


def test_no_network_no_child_processes_no_answers_in_the_environment(
    in_terminal: Terminal,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"relational tried to reach out: {args!r}")

    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    monkeypatch.setattr(os, "system", refuse)
    monkeypatch.setattr(os, "posix_spawn", refuse)
    environment_before = dict(os.environ)

    in_terminal.type("A secret step", T.ENTER, "Sam", T.ENTER, T.CTRL_C)
    assert reflect("weekly-step") == 130
    in_terminal.type(
        T.ENTER, *[T.FINISH, T.FINISH, T.ENTER, T.ENTER, T.FINISH], T.UP, T.ENTER, T.SAVE
    )
    assert reflect("weekly-step") == 0
    source = tmp_path / "a.yaml"
    source.write_text("wish: another secret\n")
    for args in (
        ["reflect", "weekly-step", "--answers", str(source)],
        ["review"],
        ["show"],
        ["packs", "list"],
        ["drafts"],
    ):
        assert run(capsys, *args)[0] == 0, args
    assert dict(os.environ) == environment_before
    assert not any("secret" in value for value in os.environ.values())


def test_a_crash_mid_exercise_leaves_a_draft_of_every_answer_given(
    in_terminal: Terminal, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from relational_cli.tui.asker import TerminalAsker

    real_ask = TerminalAsker.ask

    def crash_on_the_third(self: TerminalAsker, step: object) -> object:
        if step.number == 3:  # type: ignore[attr-defined]
            raise RuntimeError("something broke")
        return real_ask(self, step)  # type: ignore[arg-type]

    monkeypatch.setattr(TerminalAsker, "ask", crash_on_the_third)
    in_terminal.type("Ring Dad", T.ENTER, "Dad", T.ENTER)
    assert reflect("weekly-step") == 1
    assert "unexpected error: RuntimeError: something broke" in capsys.readouterr().err
    draft = drafts().load("weekly-step")
    assert draft is not None and draft.answers == {"wish": "Ring Dad", "who": "Dad"}
    assert list(journal().files()) == []


def test_a_reflection_kept_in_recovery_is_listed_and_brought_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("wish: Call Sam\n")
    with monkeypatch.context() as patch:
        no_room_in_the_journal(patch)
        assert run(capsys, "reflect", "weekly-step", "--answers", str(answers))[0] == 1
    [kept] = (home / "recovery").iterdir()
    code, out, err = run(capsys, "drafts")
    assert code == 0 and kept.name in out and "weekly-step" in out  # what it is, from inside
    assert "keeps 1 thing" in " ".join(err.split())

    code, _, err = run(capsys, "recover", kept.name)
    assert code == 0, err
    assert "Brought back into your journal as " in err
    [path] = list(journal().files())
    assert journal().load(path).exercise == "weekly-step"
    assert journal().load(path).answer_map() == {"wish": "Call Sam"}
    assert not kept.exists()
    code, _, err = run(capsys, "recover", kept.name)
    assert code == 1 and "no file called" in err


def test_a_recovered_file_that_does_not_read_says_how_to_fix_it(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    (home / "recovery").mkdir(parents=True)
    broken = home / "recovery" / "20261121-210755-values.edited.md"
    broken.write_text("---\nid: 20261121-210755-values\n---\nno end")
    code, _, err = run(capsys, "recover", broken.name)
    assert code == 1 and len(err.splitlines()) == 1
    assert "front matter needs exercise" in err and "fix it in a text editor" in err
    assert broken.exists()


def test_a_data_folder_that_cannot_be_written_still_lets_an_exercise_run(
    in_terminal: Terminal, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Read-only (or full): no window lock, no draft, and yet every word is shown, not lost.
    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("relational_cli.core.atomic.write_new", read_only)
    monkeypatch.setattr("relational_cli.core.atomic.replace", read_only)
    in_terminal.type("Call Sam", T.ENTER, "a few words", T.CTRL_C)
    assert reflect("weekly-step") == 1
    out, err = capsys.readouterr()
    assert "everything you wrote so far is printed above" in err
    assert "Call Sam" in out and "a few words" in out
