"""The look ahead (`search/ahead.py`): a child process takes the stats of the journal's files
while the command starts, and the index trusts only what it saw — a hand edit in place still
shows at the very next search."""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from conftest import installed_command
from conftest import run_cli as run

from relational_cli.core.journal.fileformat import Reflection, Section, render
from relational_cli.core.journal.journal import new_id
from relational_cli.core.search import ahead, changes, index
from relational_cli.core.search.tables import FOLDERS

ZONE = timezone.utc


@pytest.fixture(autouse=True)
def no_child_left() -> Iterator[None]:
    """Whatever a test does, no look ahead is left running after it."""
    yield
    ahead.stop()


HOUR_AGO = datetime.now(ZONE) - timedelta(hours=1)


def written(home: Path, answers: dict[datetime, str]) -> dict[datetime, Path]:
    """Reflections written straight into the journal (as a sync tool brings them), with the
    files and their folders last changed an hour ago: settled, as a journal mostly is."""
    found = {}
    for when, answer in answers.items():
        folder = home / "journal" / f"{when:%Y}" / f"{when:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        stem = new_id("journal", when)
        reflection = Reflection(stem, "journal", when.isoformat(), "A day", ("journal",))
        path = folder / f"{stem}.md"
        path.write_text(render(reflection, [Section("entry", "On your mind?", answer)]))
        found[when] = path
    settled = HOUR_AGO.timestamp()
    for path in found.values():
        for place in (path, path.parent):
            os.utime(place, (settled, settled))
    return found


def edited_in_place(path: Path, old: str, new: str) -> None:
    """Edited as nano or VS Code save: the same file written over (its folder's time kept),
    to the same size, a moment later than it was."""
    folder_time = path.parent.stat().st_mtime_ns
    was = path.stat().st_mtime_ns
    assert len(old) == len(new)
    with path.open("r+", encoding="utf-8") as same_file:
        text = same_file.read().replace(old, new)
        same_file.seek(0)
        same_file.write(text)
    os.utime(path, ns=(was + 1000, was + 1000))
    os.utime(path.parent, ns=(folder_time, folder_time))


def found(capsys: pytest.CaptureFixture[str], word: str) -> list[str]:
    code, out, err = run(capsys, "search", word, "--format", "json")
    assert code == 0, err
    return [row["id"] for row in json.loads(out)["reflections"]]


ANSWERS = {
    datetime(2019, 5, 2, 9, tzinfo=ZONE): "about the garden",
    datetime(2019, 5, 9, 9, tzinfo=ZONE): "about the harbour",
    datetime(2023, 11, 20, 9, tzinfo=ZONE): "about the kitchen",
    datetime(2026, 1, 4, 9, tzinfo=ZONE): "about the meadow",
}


def test_the_look_ahead_is_what_the_index_records_of_each_month_folder(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    """So that a journal nobody touched is trusted from the look ahead alone: each folder
    seen the way the index recorded it (its time, its files' names, times and sizes)."""
    written(home, ANSWERS)
    assert len(found(capsys, "garden")) == 1  # the index made, every folder recorded
    with sqlite3.connect(home / "cache" / "index.sqlite3") as db:
        rows = list(db.execute(FOLDERS))
    recorded = {name: (mtime, ahead.digest(files, stats)) for name, mtime, files, stats in rows}
    assert set(recorded) == {"2019/05", "2023/11", "2026/01"}
    assert ahead.look(str(home / "journal")) == recorded


def test_a_hand_edit_in_place_shows_at_once_with_a_look_ahead(
    capsys: pytest.CaptureFixture[str], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child's look stands in for the index's own: the folders it saw unchanged are not
    looked at again, and the one with a file edited in place is compared file by file."""
    files = written(home, ANSWERS)
    assert len(found(capsys, "garden")) == 1
    edited_in_place(files[datetime(2019, 5, 9, 9, tzinfo=ZONE)], "harbour", "pierage")
    compared: list[str] = []
    compare = changes._compare

    def comparing(*args: Any) -> None:
        compared.append(args[2][0])  # the folder's name
        compare(*args)

    monkeypatch.setattr(changes, "_compare", comparing)
    monkeypatch.setattr(changes, "stats_of", lambda *_: pytest.fail("looked at again"))
    looked_ahead(home / "journal")
    assert found(capsys, "pierage") == [files[datetime(2019, 5, 9, 9, tzinfo=ZONE)].stem]
    assert compared == ["2019/05"]
    assert ahead.taken(str(home / "journal")) is None  # taken once, the child ended


def arrived(glances: ahead.Glances | None) -> dict[str, ahead.Glance]:
    """All of the child's look, once it has come (waiting for it, as the index never does)."""
    assert glances is not None
    while glances.reading is not None:
        select.select([glances.reading], [], [])
        glances.get("")
    return {name: glance for name in glances.seen if (glance := glances.get(name))}


def looked_ahead(journal: Path) -> None:
    """A look ahead started, and all of it come before the search that takes it: so that the
    index uses it for every folder (it never waits for it, and would look at some itself)."""
    ahead.start(os.environ)
    assert arrived(ahead.taken(str(journal))) == ahead.look(str(journal))


def test_a_look_ahead_of_another_journal_is_not_used(home: Path, tmp_path: Path) -> None:
    written(home, ANSWERS)
    ahead.start(os.environ)
    assert arrived(ahead.taken(str(tmp_path / "journal"))) == {}
    ahead.stop()
    ahead.start(os.environ)
    assert arrived(ahead.taken(str(home / "journal"))) == ahead.look(str(home / "journal"))


def test_the_index_never_waits_for_the_look_ahead_and_meets_it_halfway(
    capsys: pytest.CaptureFixture[str], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child looks newest first; the index takes what it has sent and compares the other
    folders itself, oldest first, so the two meet. A child that has sent one folder and then
    stalls (a slow disk) holds nothing up; it is ended once the index has looked."""
    files = written(home, ANSWERS)
    assert len(found(capsys, "garden")) == 1
    edited_in_place(files[datetime(2019, 5, 2, 9, tzinfo=ZONE)], "garden", "gorden")

    def newest_then_stalled(writing: int, environ: dict[str, str]) -> None:
        journal = ahead.journal_folder(environ)
        device, inode = ahead.identity(journal) or (0, 0)
        name, (mtime, digest) = next(ahead.looking(journal))
        os.write(writing, f"{device} {inode}\n{name} {mtime} {digest}\n".encode())
        signal.pause()

    monkeypatch.setattr(ahead, "_send", newest_then_stalled)
    ahead.start(os.environ)
    assert ahead._started is not None
    child = ahead._started[0]
    glances = ahead.taken(str(home / "journal"))
    assert glances is not None
    while glances.get("2026/01") is None:  # (waiting here, so that the index finds it sent)
        assert glances.reading is not None, "the child ended before it sent the newest month"
        select.select([glances.reading], [], [], 5)
    looked: list[str] = []
    stats_of = changes.stats_of
    monkeypatch.setattr(changes, "stats_of", lambda where, files: (
        looked.append(where[-7:]), stats_of(where, files))[1])  # fmt: skip
    assert found(capsys, "gorden") == [files[datetime(2019, 5, 2, 9, tzinfo=ZONE)].stem]
    assert looked == ["2019/05", "2023/11"]  # oldest first, and not the one the child sent
    assert ahead._started is None  # ended by the index (and waited for at the command's end)
    ahead.stop()
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # ended, and waited for


def test_the_look_ahead_stops_where_the_index_stops_looking_at_every_file(
    capsys: pytest.CaptureFixture[str], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above `EVERY_FILE` the index compares only some folders file by file; the child looks
    at as many files, newest first, and the index looks at the rest itself."""
    assert ahead.AT_MOST == index.EVERY_FILE
    files = written(home, ANSWERS)
    assert len(found(capsys, "garden")) == 1
    monkeypatch.setattr(ahead, "AT_MOST", 2)
    assert list(ahead.look(str(home / "journal"))) == ["2026/01", "2023/11"]
    edited_in_place(files[datetime(2019, 5, 2, 9, tzinfo=ZONE)], "garden", "gorden")
    ahead.start(os.environ)
    assert found(capsys, "gorden") == [files[datetime(2019, 5, 2, 9, tzinfo=ZONE)].stem]


@pytest.mark.timeout(120)
def test_the_installed_command_sees_a_hand_edit_in_place_at_once(home: Path) -> None:
    """As a person meets it: `relational search` (which looks ahead where it can fork)
    after an edit in place of a reflection years old."""
    files = written(home, ANSWERS)
    environ = {**os.environ, "RELATIONAL_HOME": str(home), "NO_COLOR": "1"}

    def search(word: str) -> str:
        done = subprocess.run([installed_command(), "search", word], env=environ,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=60)  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "garden" in search("garden")
    edited_in_place(files[datetime(2019, 5, 2, 9, tzinfo=ZONE)], "garden", "gorden")
    assert "gorden" in search("gorden") and "garden" not in search("garden")


@pytest.mark.parametrize("given", ["{tmp}/data", "{tmp}//data/", "~/data", None])
def test_the_child_looks_in_the_journal_folder_the_command_uses(
    given: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child finds the folder without loading what `Home` needs; where the two differed,
    the look would only be wasted (`taken` checks), so they are kept the same."""
    from relational_cli.core.home import Home

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    environ = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    if given is not None:
        environ["RELATIONAL_HOME"] = given.format(tmp=tmp_path)
    expected = os.path.realpath(Home.from_environ(environ).journal)
    assert os.path.realpath(ahead.journal_folder(environ)) == expected


def test_above_every_file_the_look_ahead_is_stopped_not_waited_for(
    capsys: pytest.CaptureFixture[str], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above `EVERY_FILE` the index compares only the folders that changed and the recent
    months, sooner than the child would have looked at every file: it is ended, unread,
    before the index looks (so that it does not share the machine with it)."""
    files = written(home, ANSWERS)
    assert len(found(capsys, "garden")) == 1
    monkeypatch.setattr(index, "EVERY_FILE", 0)
    monkeypatch.setattr(ahead, "_send", lambda *_: signal.pause())  # a look that never ends
    look = index.look
    running: list[bool] = []

    def looking(*args: Any) -> changes.Look:
        running.append(ahead._started is not None)
        return look(*args)

    monkeypatch.setattr(index, "look", looking)
    ahead.start(os.environ)
    assert ahead._started is not None
    child = ahead._started[0]
    assert found(capsys, "harbour") == [files[datetime(2019, 5, 9, 9, tzinfo=ZONE)].stem]
    assert running == [False]
    ahead.stop()  # as the command's end does
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # ended, and waited for


def test_a_look_ahead_is_of_the_folder_the_index_walks_with_dot_dot_after_a_symlink(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RELATIONAL_HOME=~/sync/../relational, where ~/sync is a symbolic link elsewhere: the
    command (and its index) uses the folder the system finds (`..` of where the link leads);
    `os.path.normpath` drops `sync/..` without asking, so the child looked at ~/relational, a
    different folder. With a copy there (an old one, kept by `cp -a` or rsync: times kept),
    its look matched the index's record, and a hand edit in the journal used was never seen."""
    import shutil

    used = tmp_path / "disk" / "relational"
    files = written(used, ANSWERS)
    (tmp_path / "disk" / "sync").mkdir()
    (tmp_path / "me").mkdir()
    (tmp_path / "me" / "sync").symlink_to(tmp_path / "disk" / "sync")
    monkeypatch.setenv("RELATIONAL_HOME", str(tmp_path / "me" / "sync" / ".." / "relational"))
    assert len(found(capsys, "harbour")) == 1  # the index of disk/relational made
    shutil.copytree(used, tmp_path / "me" / "relational")  # an old copy, its times kept
    harbour = files[datetime(2019, 5, 9, 9, tzinfo=ZONE)]
    edited_in_place(harbour, "harbour", "pierage")
    monkeypatch.setattr(changes, "stats_of", lambda *_: pytest.fail("the look ahead unused"))
    looked_ahead(tmp_path / "me" / "sync" / ".." / "relational" / "journal")
    assert found(capsys, "pierage") == [harbour.stem]


def test_a_look_that_found_no_journal_folder_is_not_taken_for_one(tmp_path: Path) -> None:
    """The child says "-" when the journal folder was not there as it looked (none yet, or
    gone): nothing it sends after is believed, even of a folder that is there by now."""
    reading, writing = os.pipe()
    os.write(writing, b"-\n2026/01 1 2\n")
    os.close(writing)
    (tmp_path / "journal").mkdir()
    glances = ahead.Glances(reading, str(tmp_path / "journal"))
    assert glances.get("2026/01") is None
    assert glances.reading is None  # all of it read, and its end of the pipe closed


def test_every_child_ended_is_waited_for(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each look ahead the index ends is waited for at the command's end, however many there
    were (none is left a zombie)."""
    written(home, ANSWERS)
    monkeypatch.setattr(ahead, "_send", lambda *_: signal.pause())
    children = []
    for _ in range(2):
        ahead.start(os.environ)
        assert ahead._started is not None
        children.append(ahead._started[0])
        ahead.stop(wait=False)  # as the index ends it
    ahead.stop()  # as the command's end does
    for child in children:
        with pytest.raises(ChildProcessError):
            os.waitpid(child, os.WNOHANG)


@pytest.mark.parametrize("child", ["none", "stalled"])
def test_a_file_added_with_its_folders_time_put_back_shows_at_once(
    child: str, capsys: pytest.CaptureFixture[str], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reflection copied into an old month folder whose time is then set back (`touch -r`,
    a restore that keeps times): the folder's own time says nothing changed, so the index
    lists every folder it compares file by file, as the look ahead does, whichever of the two
    gets to it (here the index: no look ahead, or one that has sent nothing)."""
    files = written(home, ANSWERS)
    assert len(found(capsys, "garden")) == 1
    garden = files[datetime(2019, 5, 2, 9, tzinfo=ZONE)]
    folder_time = garden.parent.stat().st_mtime_ns
    added = garden.with_name(f"{new_id('journal', datetime(2019, 5, 3, 9, tzinfo=ZONE))}.md")
    added.write_text(
        garden.read_text().replace("garden", "hedges").replace(garden.stem, added.stem)
    )
    os.utime(added, ns=(folder_time, folder_time))
    os.utime(garden.parent, ns=(folder_time, folder_time))
    if child == "stalled":
        monkeypatch.setattr(ahead, "_send", lambda *_: signal.pause())
        ahead.start(os.environ)
    assert found(capsys, "hedges") == [added.stem]


def test_the_child_is_waited_for_even_where_sigchld_was_ignored(home: Path) -> None:
    """A command started with SIGCHLD ignored (inherited from whatever started it) would have
    its child reaped unseen, and its id could be another process's by the time `stop` ends
    it: the child is waited for as usual (here: `waitpid` finds it, and says how it ended)."""
    written(home, ANSWERS)
    check = (
        "import os, signal\n"
        "signal.signal(signal.SIGCHLD, signal.SIG_IGN)\n"
        "from relational_cli.core.search import ahead\n"
        "ahead.start(os.environ)\n"
        "child = ahead._started[0]\n"
        "print(os.waitpid(child, 0)[0] == child)\n"
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True,
                          env={**os.environ, "RELATIONAL_HOME": str(home)}, timeout=30)  # fmt: skip
    assert done.stdout == "True\n", done.stderr


def test_the_child_starts_looking_without_loading_typing() -> None:
    """The child is forked before the command has loaded `typing` (3 ms), and what it runs
    (`ahead`, `walking`) does not load it: its first `stat` comes that much sooner."""
    check = (
        "import sys\n"
        "from relational_cli.core.search import ahead\n"
        "from relational_cli.core.journal import walking\n"
        "print(sorted({'typing', 'pathlib', 'dataclasses'} & set(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True,
                          timeout=30)  # fmt: skip
    assert done.stdout == "[]\n", done.stderr
