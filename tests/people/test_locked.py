"""A locked journal: no word of a person's at rest in the clear anywhere (data, cache, temp),
every file a standard age file another implementation opens, saving without the passphrase,
reading with it, wrong passphrases changing nothing, names that say nothing."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from conftest import environment, plain, seal_cheaply, sealed_cheaply
from conftest import run_cli as run

from relational_cli import messages
from relational_cli.cli import main
from relational_cli.core.home import Home
from relational_cli.core.lock import cipher
from relational_cli.core.lock.keys import Keys

PASSPHRASE = "correct horse battery"
WORDS = ("zephyrine", "quillbright", "marrowlight", "fennowick", "thistledown")
"""Words no pack holds: found anywhere in the clear, they were leaked."""


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A data folder locked once (the passphrase's scrypt costs seconds), and its identity."""
    folder = tmp_path_factory.mktemp("locked") / "home"
    identity = Keys(Home(folder)).set_up(PASSPHRASE)
    seal_cheaply(folder / "lock", identity, PASSPHRASE)
    return folder, identity


class MemoryKeeper:
    """Keeps an unlock for the test's length, as the kernel keyring would, in memory."""

    where = "memory (a test)"

    def __init__(self) -> None:
        self.kept: dict[str, str] = {}

    def keep(self, name: str, secret: str, seconds: int) -> bool:
        self.kept[name] = secret
        return True

    def fetch(self, name: str) -> str | None:
        return self.kept.get(name)

    def forget(self, name: str) -> None:
        self.kept.pop(name, None)


@pytest.fixture
def keeper(monkeypatch: pytest.MonkeyPatch) -> MemoryKeeper:
    found = MemoryKeeper()
    monkeypatch.setattr("relational_cli.core.lock.keeping.keeper", lambda *_: found)
    return found


@pytest.fixture
def locked(
    template: tuple[Path, str], home: Path, keeper: MemoryKeeper, monkeypatch: pytest.MonkeyPatch
) -> str:
    """This test's data folder, locked, and unlocked a while (as after `relational unlock`)."""
    shutil.copytree(template[0], home)
    keeper.keep(f"relational:{home}", template[1], 900)
    monkeypatch.delenv("RELATIONAL_PASSPHRASE_COMMAND", raising=False)
    return template[1]


@pytest.fixture
def kept_nowhere(template: tuple[Path, str], home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This test's data folder, locked, never unlocked, and an unlock kept nowhere: every
    reading asks for the passphrase (from nowhere, unless the test gives a command)."""
    shutil.copytree(template[0], home)
    monkeypatch.setenv("RELATIONAL_KEYRING", "none")
    monkeypatch.delenv("RELATIONAL_PASSPHRASE_COMMAND", raising=False)


@pytest.fixture
def temp_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder, a fresh one this test can search."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def answers(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / "answers" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def leaks(*folders: Path) -> list[str]:
    """Every file under `folders` holding one of WORDS in the clear."""
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes().lower()
                found += [f"{path}: {w}" for w in WORDS if w.encode() in data]
    return found


def walk(exercise: str, lines: list[str]) -> tuple[int, str, str]:
    env, out, err = plain(lines)
    return main(["reflect", exercise], env), out.getvalue(), err.getvalue()


def test_a_locked_session_leaves_no_word_in_the_clear_anywhere(
    locked: str,
    home: Path,
    tmp_path: Path,
    temp_folder: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Saves, pauses, resumes, makes a plan, searches and exports: nothing of the person's in
    the clear under the data folder (and its cache) or the temporary folder."""
    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]} by the river\ntitle: {WORDS[1]}\n")
    assert run(capsys, "reflect", "journal", "--answers", entry)[0] == 0
    code, _, _ = walk("weekly-step", ["", f"Call {WORDS[2]}", "pause"])
    assert code == 130  # paused: the draft is kept, locked
    assert [p.suffix for p in (home / "drafts").iterdir()] == [".age"]
    code, out, _ = walk("weekly-step", ["1", "", "", "", "", "", "", "", "", "", "", "", ""])
    assert code == 0 and "Pick up where I left off" in out
    plan = answers(tmp_path, "p.yaml", f"hard_times: {WORDS[3]} and tea\n")
    assert run(capsys, "plan", "--answers", plan)[0] == 0
    code, out, _ = run(capsys, "search", WORDS[0])
    assert code == 0 and WORDS[1] in out
    backup = tmp_path / "kept" / "backup.json"
    backup.parent.mkdir()
    assert run(capsys, "export", "--format", "json", "--output", str(backup))[0] == 0
    code, digest, err = run(capsys, "export")
    assert code == 0 and WORDS[0] in digest, err  # shown to the person who asked, never kept
    assert leaks(home, temp_folder, backup.parent) == []
    assert backup.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert (home / "plan.md.age").is_file() and not (home / "plan.md").exists()
    assert (home / "cache" / "index.age").is_file()
    assert not (home / "cache" / "index.sqlite3").exists()


def test_every_file_opens_with_another_age_implementation(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No lock-in: the identity opens with the passphrase in `age` (a pure-Python
    implementation of the format, not pyrage), and every file with the identity in Debian's
    `age` (the Go reference implementation), as docs/locked-journal.md tells a person to do."""
    age_file = pytest.importorskip("age.file", reason="the `age` package is a test extra")
    from age.keys.password import PasswordKey

    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n")
    assert run(capsys, "reflect", "journal", "--answers", entry)[0] == 0
    assert run(capsys, "search", WORDS[0])[0] == 0  # and the index image
    sealed = (home / "lock" / "identity.age").read_bytes()
    with age_file.Decryptor([PasswordKey(PASSPHRASE.encode())], io.BytesIO(sealed)) as stream:
        identity = stream.read().decode().strip()
    assert identity == locked and identity.startswith("AGE-SECRET-KEY-1")
    files = [p for p in home.rglob("*.age") if p.parent.name != "lock"]
    assert len(files) == 2  # the reflection and the index
    reference = shutil.which("age")
    if reference is None:  # (the pure-Python one trips on the random "grease" stanzas rage adds)
        pytest.skip("Debian's age is not installed (apt-get install age): files not checked")
    key = tmp_path / "identity.txt"
    key.write_text(identity + "\n", encoding="utf-8")
    for path in files:
        done = subprocess.run(
            [reference, "-d", "-i", str(key), str(path)], capture_output=True, check=True
        )
        assert WORDS[0].encode() in done.stdout, path  # the index image: its vocabulary
    (reflection,) = [p for p in files if p.parent.name != "cache"]
    done = subprocess.run([reference, "-d", "-i", str(key), str(reflection)], capture_output=True)
    assert done.stdout.startswith(b"---\nid: " + reflection.stem.encode())


@pytest.mark.usefixtures("kept_nowhere")
def test_saving_needs_no_passphrase_but_reading_does(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # In a terminal, an exercise with nothing to read never asks: keeping its draft as each
    # answer comes, and saving, need no passphrase.
    env, out, err = plain(["Call Sam", "Sam", ".", ".", "", "", ".", "skip", "1", ""])
    assert main(["reflect", "weekly-step"], env) == 0, err.getvalue()
    assert "Passphrase" not in err.getvalue() + out.getvalue()
    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n")
    assert run(capsys, "reflect", "journal", "--answers", entry)[0] == 0
    saved = list((home / "journal").rglob("*.age"))
    assert len(saved) == 2 and not list((home / "drafts").iterdir())
    assert all(re.fullmatch(r"\d{8}-\d{6}-[a-z]{8}\.age", path.name) for path in saved)
    code, _, err = run(capsys, "review")
    assert code == 1 and err.count("\n") == 1 and "your journal is locked" in err
    # An exercise that shows nothing of earlier reflections reads none: not asked, even now.
    env, out, err = plain([f"{WORDS[3]} by the sea", ".", "", "", "1"])
    assert main(["reflect", "journal"], env) == 0, err.getvalue()
    assert "Passphrase" not in err.getvalue() + out.getvalue()
    # In a terminal, Enter alone at the passphrase goes on, locked: saved and paused alike.
    code, out, _ = walk("weekly-step", ["", f"Call {WORDS[2]}", "pause"])
    assert code == 130 and "Your journal stays locked" in out
    assert len(list((home / "drafts").glob("*.age"))) == 1
    assert leaks(home) == []


def hashes(home: Path) -> dict[str, str]:
    return {
        str(path.relative_to(home)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(home.rglob("*"))
        if path.is_file()
    }


@pytest.mark.usefixtures("kept_nowhere")
def test_a_wrong_passphrase_says_so_in_one_line_and_changes_nothing(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n")
    assert run(capsys, "reflect", "journal", "--answers", entry)[0] == 0
    before = hashes(home)
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", "echo not the passphrase")
    for command in (
        ["review"],
        ["search", WORDS[0]],
        ["unlock"],
        ["unlock", "--permanently", "-y"],
    ):
        code, _, err = run(capsys, *command)
        assert (code, err) == (
            1, "relational: that passphrase does not open your journal; nothing was changed\n"
        ), command  # fmt: skip
    assert hashes(home) == before
    # On a terminal: three tries, then the prompt ends (a fourth line is never read).
    monkeypatch.delenv("RELATIONAL_PASSPHRASE_COMMAND")
    env, out, err = plain(["wrong one", "wrong two", "wrong three", PASSPHRASE])
    assert main(["review"], env) == 1
    said = err.getvalue()
    assert said.count("Passphrase for your journal (Enter alone goes on without it): ") == 3
    assert said.count("That passphrase does not open your journal. Try again?") == 2
    assert "wrong" not in said + out.getvalue()  # never echoed
    assert env.stdin.readline() == f"{PASSPHRASE}\n"
    assert hashes(home) == before


def test_unlock_keeps_it_a_while_and_lock_forgets_it(
    template: tuple[Path, str],
    home: Path,
    keeper: MemoryKeeper,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shutil.copytree(template[0], home)
    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n")
    assert run(capsys, "reflect", "journal", "--answers", entry)[0] == 0
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    code, _, err = run(capsys, "unlock")
    assert code == 0 and "Unlocked for 15 minutes, kept in memory (a test)" in err
    monkeypatch.delenv("RELATIONAL_PASSPHRASE_COMMAND")
    assert run(capsys, "review")[0] == 0  # no passphrase asked: kept
    code, out, _ = run(capsys, "info")
    assert "locked (age)" in out and "15 minutes, in memory (a test)" in out
    code, _, err = run(capsys, "lock")
    assert code == 0 and err.startswith("Locked. Reading your journal needs your passphrase")
    assert keeper.kept == {}
    assert run(capsys, "review")[0] == 1
    assert run(capsys, "lock", "--stay-unlocked", "0")[0] == 0
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    assert run(capsys, "review")[0] == 0
    assert keeper.kept == {}  # 0 minutes: asked every time, kept nowhere


def test_a_new_passphrase_with_the_same_key_seals_only_the_key(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n")
    assert run(capsys, "reflect", "journal", "--answers", entry)[0] == 0
    before = hashes(home)
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    monkeypatch.setenv("RELATIONAL_NEW_PASSPHRASE_COMMAND", "echo a whole new passphrase")
    code, _, err = run(capsys, "lock", "--change-passphrase", "--same-key")
    assert code == 0 and "your journal was not rewritten" in err
    after = hashes(home)
    assert {name for name in before if before[name] != after[name]} == {"lock/identity.age"}
    assert Keys(Home(home)).change_passphrase is not None
    monkeypatch.setenv("RELATIONAL_KEYRING", "none")
    assert run(capsys, "review")[0] == 1  # the old passphrase no longer opens it
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", "echo a whole new passphrase")
    assert run(capsys, "review")[0] == 0


def age_opens(path: Path, identity: str, tmp_path: Path) -> bool:
    """Whether Debian's `age` opens the file with this identity."""
    key = tmp_path / "key.txt"
    key.write_text(identity + "\n")
    done = subprocess.run(["/usr/bin/age", "-d", "-i", str(key), str(path)], capture_output=True)
    key.unlink()
    return done.returncode == 0


@pytest.mark.skipif(not Path("/usr/bin/age").exists(), reason="needs Debian's age")
def test_a_new_passphrase_makes_a_new_key_the_old_one_opens_nothing(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, keeper: MemoryKeeper,
) -> None:  # fmt: skip
    """Someone kept the old key file (a backup, a sync tool's old versions) and knows the old
    passphrase: after a change, it opens no file in the journal, of any kind; the new key
    opens every one, in another age implementation."""
    from relational_cli.core.journal.storage import Storage

    for name, text in (("j.yaml", f"entry: {WORDS[0]}\n"), ("w.yaml", f"wish: {WORDS[1]}\n")):
        exercise = "journal" if name == "j.yaml" else "weekly-step"
        assert run(capsys, "reflect", exercise, "--answers", answers(tmp_path, name, text))[0] == 0
    code, out, _ = run(capsys, "review", "--format", "json")  # the index, built
    [binned] = [r["id"] for r in json.loads(out)["reflections"] if r["exercise"] == "weekly-step"]
    assert run(capsys, "delete", binned, "--yes")[0] == 0
    from relational_cli.core.journal import recovery
    from relational_cli.core.journal.drafts import Drafts

    storage = Storage(Home(home))
    Drafts(Home(home), storage).save("boundaries", 2, "2026-11-25T10:00:00+00:00",
                                     {"q": WORDS[2]}, session="abcdef")  # fmt: skip

    assert recovery.keep(storage, f"kept {WORDS[3]}\n") is not None
    storage.write_document(storage.document_path("plan.md"), f"# Plan\n{WORDS[4]}\n")
    assert run(capsys, "export", "--format", "json", "-o", str(home / "backup.json"))[0] == 0
    old_key = tmp_path / "old-identity.age"
    shutil.copy(home / "lock" / "identity.age", old_key)

    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    monkeypatch.setenv("RELATIONAL_NEW_PASSPHRASE_COMMAND", "echo a whole new passphrase")
    code, _, err = run(capsys, "lock", "--change-passphrase")
    said = " ".join(err.split())
    assert code == 0 and "makes a new key" in said and "seconds" in said, err
    assert "has a new key" in said
    new = cipher.open_with_passphrase(
        (home / "lock" / "identity.age").read_bytes(), "a whole new passphrase"
    ).decode()
    old = cipher.open_with_passphrase(old_key.read_bytes(), PASSPHRASE).decode()
    assert new.strip() != old.strip()
    files = [p for p in home.rglob("*") if p.is_file() and p.parent.name != "lock"]
    sealed = [p for p in files if cipher.is_age(p.read_bytes())]
    kinds = {p.relative_to(home).parts[0] for p in sealed}
    every = {"journal", "trash", "drafts", "recovery", "cache", "plan.md.age", "backup.json"}
    assert kinds == every
    assert leaks(home) == []
    for path in sealed:
        assert not age_opens(path, old.strip(), tmp_path), path
        assert age_opens(path, new.strip(), tmp_path), path
    assert not (home / "lock" / "next-key.age").exists()
    assert keeper.kept == {}  # the old key, kept a while, is forgotten
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", "echo a whole new passphrase")
    code, out, err = run(capsys, "search", WORDS[0])
    assert code == 0 and WORDS[0] in out, (out, err)


def rage_at(factors: list[int], monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """rage choosing these work factors in turn (as a busy moment makes it choose less), at
    a floor of 12 (so that the test is quick); the factors it was asked for, as they go."""
    import pyrage.passphrase

    asked: list[int] = []

    def sealing(data: bytes, passphrase: str) -> bytes:
        asked.append(factors[min(len(asked), len(factors) - 1)])
        return sealed_cheaply(data, passphrase, asked[-1])

    monkeypatch.setattr(pyrage.passphrase, "encrypt", sealing)
    monkeypatch.setattr(cipher, "STRETCH_FLOOR", 12)
    return asked


def test_a_passphrase_stretched_below_the_floor_is_sealed_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = rage_at([10, 11, 13, 16], monkeypatch)
    sealed = cipher.lock_with_passphrase(b"AGE-SECRET-KEY-1", PASSPHRASE)
    assert asked == [10, 11, 13] and cipher.work_factor(sealed) == 13
    assert cipher.open_with_passphrase(sealed, PASSPHRASE) == b"AGE-SECRET-KEY-1"
    assert b"-> scrypt " in sealed  # a standard age file (Debian's age opens it: see e2e)


def test_a_stretch_that_cannot_reach_the_floor_is_said_plainly(
    kept_nowhere: None, home: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    asked = rage_at([10, 9], monkeypatch)
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    monkeypatch.setenv("RELATIONAL_NEW_PASSPHRASE_COMMAND", "echo a whole new passphrase")
    code, _, err = run(capsys, "lock", "--change-passphrase", "--same-key")
    assert code == 0 and len(asked) == cipher.STRETCH_TRIES
    assert "too busy to stretch your passphrase" in " ".join(err.split()), err
    assert cipher.work_factor((home / "lock" / "identity.age").read_bytes()) == 10  # the best
    code, out, _ = run(capsys, "info")
    assert "work factor 2^10, below age's 2^12" in " ".join(out.split())


def test_sizes_say_little_six_entries_fall_in_at_most_two(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Six journal entries, 10 to 200 characters an answer: their files have at most two
    sizes; read back, each is word for word what was written (the padding, a comment a
    Markdown reader shows as nothing, comes off), and the reference `age` opens each."""
    lengths = [10, 40, 75, 110, 160, 200]
    for number, length in enumerate(lengths):
        entry = (WORDS[0] + " " + "x" * length)[:length]
        name = f"j{number}.yaml"
        assert run(capsys, "reflect", "journal", "--answers",
                   answers(tmp_path, name, f"entry: {entry}\n"))[0] == 0  # fmt: skip
    files = list((home / "journal").rglob("*.age"))
    assert len(files) == 6
    # What follows the age header (whose size rage varies at random, with a "grease" stanza):
    # the encrypted text, as anyone with the disk can measure it.
    payloads = {len(p.read_bytes().partition(b"\n--- ")[2].partition(b"\n")[2]) for p in files}
    assert len(payloads) <= 2, payloads
    code, out, _ = run(capsys, "review", "--format", "json")
    for row in json.loads(out)["reflections"]:
        code, text, _ = run(capsys, "show", row["id"], "--format", "markdown")
        assert code == 0 and "<!-- padding" not in text and text.endswith("*Skipped.*\n")
    opened = cipher.decrypt(files[0].read_bytes(), cipher.parsed(locked))
    assert opened.endswith(b" -->\n") and b"<!-- padding" in opened


def test_a_plain_reflection_in_a_locked_journal_is_marked_wherever_shown(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Someone with access to the account drops a plain reflection into a locked journal: it
    is marked "not written while locked" by review, show and search, and info names it and
    offers to lock it. A note of the person's own, with no front matter of ours, is left
    alone."""
    from relational_cli.core.journal import fileformat

    assert run(capsys, "reflect", "journal", "--answers",
               answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n"))[0] == 0  # fmt: skip
    forged = fileformat.render(
        fileformat.Reflection("20261120-080000-journal", "journal", "2026-11-20T08:00:00+01:00",
                              "Planted", ()),
        [fileformat.Section("entry", "Entry", f"{WORDS[0]} planted")],
    )  # fmt: skip
    month = home / "journal" / "2026" / "11"
    month.mkdir(parents=True)
    (month / "20261120-080000-journal.md").write_text(forged, encoding="utf-8")
    (month / "shopping.md").write_text("# Shopping\n\n- bread\n", encoding="utf-8")
    place = "journal/2026/11/20261120-080000-journal.md"
    for command in (["review"], ["show", "20261120-080000-journal"], ["search", WORDS[0]]):
        code, _, err = run(capsys, *command)
        said = " ".join(err.split())
        assert code == 0 and f"{place} was not written while your journal was locked" in said
        marked = [part for part in said.split("relational: ") if "not written while" in part]
        assert len(marked) == 1 and "shopping" not in marked[0], (command, err)
    code, out, _ = run(capsys, "info")
    said = " ".join(out.split())
    assert f"1 plain, not written while locked: {place}" in said and "lock --setup" in said
    assert "shopping" not in said


def test_two_swapped_locked_reflections_are_named_and_found_by_their_id(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two locked files' names swapped (someone with access to the account, or a mistake):
    `show ID` shows the reflection with that id, and each file is named as not what its name
    says."""
    from conftest import WHEN, save

    first, one = save("journal", WHEN, WORDS[0])
    _, two = save("journal", WHEN.replace(hour=23), WORDS[1])
    aside = one.with_name("aside")
    one.rename(aside)
    two.rename(one)
    aside.rename(two)
    code, out, err = run(capsys, "show", first.id, "--format", "json")
    assert code == 0 and WORDS[0] in out and WORDS[1] not in out
    assert f"holds reflection {first.id}, whose time is not the one" in " ".join(err.split())
    code, _, err = run(capsys, "review")
    assert code == 0 and " ".join(err.split()).count("whose time is not the one") == 2, err


def test_names_say_nothing_of_the_exercise_or_the_title(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for exercise, text in (("journal", f"entry: {WORDS[0]}\ntitle: {WORDS[1]}\n"),
                           ("weekly-step", f"wish: {WORDS[2]}\n"),
                           ("repair", f"who: {WORDS[3]}\n")):  # fmt: skip
        assert (
            run(capsys, "reflect", exercise, "--answers", answers(tmp_path, f"{exercise}.y", text))[
                0
            ]
            == 0
        )
    assert walk("boundaries", ["1", "", "", WORDS[4], "pause"])[0] == 130
    names = [str(p.relative_to(home)) for p in home.rglob("*") if p.is_file()]
    for name in names:
        assert not any(w in name for w in (*WORDS, "journal/", "weekly", "repair", "boundar")) or (
            name.startswith("journal/") and "journal" not in name[8:]
        ), name
    _, out, _ = run(capsys, "review")
    assert "weekly-step" in out  # shown once unlocked: the exercise lives inside the file
    ids = re.findall(r"\d{8}-\d{6}-\S+", out)
    assert ids and all(re.fullmatch(r"\d{8}-\d{6}-[a-z]{8}", found) for found in ids)


def test_a_locked_index_without_deserialize_reads_the_files(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Python 3.10 has no `sqlite3.deserialize`: a locked journal is then searched file by
    file, the same matches."""
    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]} {WORDS[1]}\n")
    assert run(capsys, "reflect", "journal", "--answers", entry)[0] == 0
    image = home / "cache" / "index.age"
    image.unlink(missing_ok=True)
    monkeypatch.setattr("relational_cli.core.journal.storage.can_deserialize", lambda: False)
    code, out, _ = run(capsys, "search", WORDS[1], "--format", "json")
    assert code == 0 and len(json.loads(out)["reflections"]) == 1
    assert run(capsys, "reflect", "journal", "--answers", entry)[0] == 0
    code, out, _ = run(capsys, "search", WORDS[0], "--format", "json")
    assert code == 0 and len(json.loads(out)["reflections"]) == 2
    assert not image.exists()


def locked_files(home: Path) -> Iterator[Path]:
    return (p for p in home.rglob("*.age") if p.parent.name != "lock")


def test_the_kernel_keyring_keeps_it_with_a_timeout(home: Path) -> None:
    from relational_cli.core.lock.keeping import KernelKeyring

    kernel = KernelKeyring.available()
    if kernel is None:
        pytest.skip("no Linux kernel keyring here (not Linux, or a container forbids it)")
    name = f"relational:{home}:test"

    def in_a_command(call: str) -> str:
        code = f"from relational_cli.core.lock.keeping import KernelKeyring\nprint({call})"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    try:
        # Kept by one command, found by the next (a process that is not its child): kept in
        # the session, not in a keyring of the first process's own that ends with it.
        assert in_a_command(f"KernelKeyring().keep({name!r}, 'AGE-SECRET-KEY-1TEST', 600)")
        assert in_a_command(f"KernelKeyring().fetch({name!r})") == "AGE-SECRET-KEY-1TEST"
        assert kernel.fetch(name) == "AGE-SECRET-KEY-1TEST"
        listed = Path("/proc/keys").read_text() if Path("/proc/keys").exists() else ""
        line = next((line for line in listed.splitlines() if name in line), None)
        if line is not None:
            assert line.split()[3] != "perm"  # it expires: the kernel keeps the time
    finally:
        kernel.forget(name)
    assert kernel.fetch(name) is None


def test_the_system_keychain_forgets_it_when_the_time_is_up(home: Path) -> None:
    """By the clock it is given (the Environment's), not one it reads itself."""
    from datetime import datetime, timedelta, timezone

    from relational_cli.core.lock.keeping import SystemKeychain

    class Backend:
        def __init__(self) -> None:
            self.saved: dict[tuple[str, str], str] = {}

        def set_password(self, service: str, name: str, secret: str) -> None:
            self.saved[service, name] = secret

        def get_password(self, service: str, name: str) -> str | None:
            return self.saved.get((service, name))

        def delete_password(self, service: str, name: str) -> None:
            self.saved.pop((service, name))

    backend = Backend()
    now = [datetime(1970, 1, 1, tzinfo=timezone.utc)]
    keychain = SystemKeychain(backend, lambda: now[0])
    assert keychain.keep("relational:x", "AGE-SECRET-KEY-1X", 60)
    now[0] += timedelta(seconds=59)
    assert keychain.fetch("relational:x") == "AGE-SECRET-KEY-1X"
    now[0] += timedelta(seconds=2)
    assert keychain.fetch("relational:x") is None
    assert backend.saved == {}  # an expired one is removed, not only ignored


def test_the_journal_says_how_it_is_kept(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "info")
    assert "plain Markdown, not encrypted (relational lock --setup locks it)" in out
    code, _, err = run(capsys, "unlock")
    assert code == 1 and "your journal is not locked" in err
    assert environment() is not None
    assert not os.path.exists(home / "lock")


def test_a_plain_backup_comes_back_into_a_locked_journal_locked_and_discreet(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """A backup from a plain journal (names that say the exercise, a draft named by its
    exercise) restored into a locked one: every file locked, named discreetly; restored again,
    nothing doubles."""
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv("RELATIONAL_HOME", str(elsewhere))
    env, _, _ = plain([f"Call {WORDS[2]}", "pause"])
    assert main(["reflect", "weekly-step"], env) == 130
    for name, text in (("j.yaml", f"entry: {WORDS[0]}\n"), ("w.yaml", f"wish: {WORDS[1]}\n")):
        exercise = "journal" if name == "j.yaml" else "weekly-step"
        assert run(capsys, "reflect", exercise, "--answers", answers(tmp_path, name, text))[0] == 0
    backup = tmp_path / "kept" / "backup.json"
    backup.parent.mkdir()
    assert run(capsys, "export", "--format", "json", "--drafts", "-o", str(backup))[0] == 0
    monkeypatch.setenv("RELATIONAL_HOME", str(home))
    code, _, err = run(capsys, "import", "backup", str(backup))
    assert code == 0 and "Restored 3 files" in err, err
    names = [str(p.relative_to(home)) for p in home.rglob("*") if p.is_file()]
    assert not [n for n in names if "journal-" in n or "weekly" in n or n.endswith(".md")]
    assert leaks(home) == []
    opened = cipher.parsed(locked)
    sent = {item["path"].rpartition("/")[2].removesuffix(".md")
            for item in json.loads(backup.read_text())["reflection_files"]}  # fmt: skip
    kept = set()
    for path in (home / "journal").rglob("*.age"):  # each keeps its id, whatever its name
        text = cipher.decrypt(path.read_bytes(), opened).decode()
        kept.add(text.split("\n")[1].removeprefix("id: "))
    assert kept == sent
    for reflection_id in sent:
        assert run(capsys, "show", reflection_id)[0] == 0
    code, out, _ = run(capsys, "search", WORDS[1], "--format", "json")
    assert code == 0 and len(json.loads(out)["reflections"]) == 1
    before = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())
    code, _, err = run(capsys, "import", "backup", str(backup))
    assert code == 0 and "Restored 0 files" in err and "3 already here word for word" in err
    assert sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file()) == before


def test_a_locked_backup_restored_into_a_plain_journal_says_what_to_do(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    assert run(capsys, "reflect", "journal", "--answers",
               answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n"))[0] == 0  # fmt: skip
    backup = tmp_path / "kept" / "backup.json"
    backup.parent.mkdir()
    code, _, err = run(capsys, "export", "--format", "json", "-o", str(backup))
    assert code == 0 and "locked with your journal's key" in err
    monkeypatch.setenv("RELATIONAL_HOME", str(tmp_path / "elsewhere"))
    code, _, err = run(capsys, "import", "backup", str(backup))
    assert code == 1 and err.count("\n") == 1
    assert f"{backup} is a locked backup" in err and "relational lock --setup" in err


def test_editing_a_locked_reflection_keeps_its_copy_in_memory(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, temp_folder: Path,
) -> None:  # fmt: skip
    """The editor's copy goes only where the kernel says is memory: an XDG_RUNTIME_DIR on a
    disk is passed over (/dev/shm, tmpfs, is used), and the copy's folder is gone after."""
    from relational_cli.core import memory

    on_disk = tmp_path / "run"
    on_disk.mkdir(mode=0o700)
    assert not memory.is_memory(on_disk) and memory.is_memory(Path("/dev/shm"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(on_disk))
    assert run(capsys, "reflect", "journal", "--answers",
               answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n"))[0] == 0  # fmt: skip
    seen = tmp_path / "seen"
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import os, sys\n"
        f"open({str(seen)!r}, 'w').write(sys.argv[1] + ' ' + oct(os.stat(os.path.dirname(sys.argv[1])).st_mode))\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        f"open(sys.argv[1], 'w', encoding='utf-8').write(text.replace({WORDS[0]!r}, {WORDS[1]!r}))\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)
    code, _, err = run(capsys, "edit", "latest")
    assert code == 0 and "Saved your changes" in err, err
    copy, mode = seen.read_text().split()
    private = Path(f"/dev/shm/relational-{os.getuid()}")
    assert Path(copy).parent.parent == private and mode == "0o40700"  # in memory, its own
    assert not Path(copy).parent.exists()  # and gone after, folder and all
    assert list(on_disk.iterdir()) == [] and leaks(home, temp_folder, on_disk) == []
    code, out, _ = run(capsys, "show", "latest", "--format", "json")
    assert WORDS[1] in out and WORDS[0] not in out


def test_with_no_folder_in_memory_editing_a_locked_reflection_is_refused(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, temp_folder: Path,
) -> None:  # fmt: skip
    on_disk = tmp_path / "run"
    on_disk.mkdir(mode=0o700)
    monkeypatch.setattr("relational_cli.core.memory.roots", lambda environ: [on_disk])
    assert run(capsys, "reflect", "journal", "--answers",
               answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n"))[0] == 0  # fmt: skip
    monkeypatch.setenv("EDITOR", "false")
    code, _, err = run(capsys, "edit", "latest")
    assert code == 1 and err.count("\n") == 1 and "needs a folder in memory" in err
    assert list(on_disk.iterdir()) == [] and leaks(home, temp_folder, on_disk) == []


WAITING_EDITOR = """
import pathlib, sys, time
copy = pathlib.Path(sys.argv[1])
copy.write_text(copy.read_text(encoding="utf-8").replace({old!r}, {new!r}), encoding="utf-8")
pathlib.Path({ready!r}).write_text(str(copy))
while not pathlib.Path({go!r}).exists():
    time.sleep(0.02)
"""


@pytest.mark.usefixtures("kept_nowhere")
@pytest.mark.parametrize("how", [signal.SIGHUP, signal.SIGTERM, signal.SIGKILL])
def test_an_edit_cut_short_leaves_no_plain_copy_and_keeps_the_words(
    how: signal.Signals, template: tuple[Path, str], home: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    """The terminal closed (SIGHUP), a polite kill (SIGTERM) or kill -9 while the editor has
    the copy in memory: the copy is gone (at once, or at the very next command, whatever it
    is), and the words changed in it are kept, locked, in the recovery folder."""
    from conftest import installed_command

    assert run(capsys, "reflect", "journal", "--answers",
               answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n"))[0] == 0  # fmt: skip
    ready, go = tmp_path / "ready", tmp_path / "go"
    editor = tmp_path / "editor.py"
    editor.write_text(WAITING_EDITOR.format(old=WORDS[0], new=WORDS[1], ready=str(ready),
                                            go=str(go)))  # fmt: skip
    environ = {**os.environ, "EDITOR": f"{sys.executable} {editor}", "RELATIONAL_HOME": str(home),
               "RELATIONAL_PASSPHRASE_COMMAND": f"echo {PASSPHRASE}"}  # fmt: skip
    environ.pop("VISUAL", None)
    editing = subprocess.Popen([installed_command(), "edit", "latest"], env=environ,
                               stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    deadline = time.monotonic() + 60
    while not ready.exists() and time.monotonic() < deadline and editing.poll() is None:
        time.sleep(0.02)  # watching another process: no clock of ours is being tested
    copy = Path(ready.read_text())
    assert copy.exists() and copy.parent.parent == Path(f"/dev/shm/relational-{os.getuid()}")
    editing.send_signal(how)
    code = editing.wait(timeout=60)
    go.touch()  # the editor, if it outlived the command, ends
    if how == signal.SIGKILL:
        assert copy.exists()  # nothing can run at kill -9: the next command sweeps it
        assert run(capsys, "info")[0] == 0
    else:
        assert code == 130, editing.communicate()
    assert not copy.parent.exists() and leaks(home) == []
    (kept,) = (home / "recovery").iterdir()
    assert WORDS[1] in cipher.decrypt(kept.read_bytes(), template[1]).decode()


def test_a_kept_locked_file_is_recovered(
    locked: str, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reflection and a draft kept locked in the recovery folder (as when a save failed)
    come back: which is which is read from inside, since their names say nothing."""
    from relational_cli.core.journal import fileformat, recovery
    from relational_cli.core.journal.storage import Storage

    storage = Storage(Home(home))
    reflection = fileformat.render(
        fileformat.Reflection("20261125-101500-abcdefgh", "journal", "2026-11-25T10:15:00+00:00",
                              WORDS[1], ()),
        [fileformat.Section("entry", "Entry", WORDS[0])],
    )  # fmt: skip
    draft = json.dumps({"exercise": "weekly-step", "pack_version": 5, "started":
                        "2026-11-25T10:00:00+00:00", "session": "a1b2c3d4e5f6",
                        "answers": {"wish": WORDS[2]}, "unsent": {}})  # fmt: skip
    kept = [recovery.keep(storage, reflection), recovery.keep(storage, draft)]
    assert all(p is not None and p.suffix == ".age" and p.name.startswith("kept-") for p in kept)
    assert leaks(home) == []
    for path in kept:
        assert path is not None
        code, _, err = run(capsys, "recover", path.name)
        assert code == 0, err
    code, out, _ = run(capsys, "show", "latest", "--format", "json")
    assert WORDS[0] in out
    (paused,) = (home / "drafts").iterdir()
    assert paused.name == "a1b2c3d4e5f6.age"


def test_reminders_of_a_locked_journal_hold_no_words_and_stay_readable(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = f"wish: {WORDS[0]}\nanchor: After I {WORDS[1]} on Sunday\n"
    assert (
        run(capsys, "reflect", "weekly-step", "--answers", answers(tmp_path, "w.y", text))[0] == 0
    )
    code, _, err = run(capsys, "reminders")
    assert code == 0, err
    calendar = (home / "reminders.ics").read_bytes()
    assert calendar.startswith(b"BEGIN:VCALENDAR") and leaks(home) == []


def test_the_quick_exit_keeps_a_locked_draft_and_locks_the_journal_again(
    locked: str, home: Path, keeper: MemoryKeeper, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`hide` keeps the words, locked, and forgets the unlock kept a while: whoever sits down
    at this window next meets the passphrase, not the journal."""
    env, out, err = plain([f"Call {WORDS[0]}", f"{WORDS[1]} and", "hide"])
    assert main(["reflect", "weekly-step"], env) == 130
    assert err.getvalue() == "" and out.getvalue().endswith("\x1b[H\x1b[2J\x1b[3J")
    assert [p.suffix for p in (home / "drafts").iterdir()] == [".age"]
    assert leaks(home) == []
    assert keeper.kept == {}
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    env, out, _ = plain(["2", "pause"])  # looked over on resuming: the words are all there
    assert main(["reflect", "weekly-step"], env) == 130
    assert WORDS[0] in out.getvalue()


SEAL_A_BIG_INDEX = """
import random, sys
from pathlib import Path
from relational_cli.core.home import Home
from relational_cli.core.journal.storage import Storage
from relational_cli.core.search.index import Index

storage = Storage(Home(Path(sys.argv[1])))
db = Index(storage).connect()
rng = random.Random(29)
letters = "abcdefghijklmnopqrstuvwxyz"
def word(): return "".join(rng.choice(letters) for _ in range(rng.randint(3, 11)))
with db:
    for row in range(1, 1601):
        body = " ".join(word() for _ in range(300))
        db.execute("INSERT INTO words (rowid, title, body) VALUES (?, ?, ?)", (row, word(), body))
storage.keep_index(db)
print(len(db.serialize()))
"""


def test_sealing_a_big_locked_index_makes_no_temporary_file_anywhere(
    locked: str, home: Path, tmp_path: Path
) -> None:
    """Past about 2 MB SQLite spills a `VACUUM` into a temporary file (`etilqs_…`), created,
    written with every word and unlinked at once: sealing an index of over 4 MB creates no
    file at all in TMPDIR, SQLITE_TMPDIR or the folder it runs in, not only leaves none."""
    from conftest import Watched

    temp, sqlite_temp, here = tmp_path / "tmp", tmp_path / "sqlite-tmp", tmp_path / "here"
    for folder in (temp, sqlite_temp, here):
        folder.mkdir()
    watched = Watched(temp, sqlite_temp, here)
    environ = {**os.environ, "TMPDIR": str(temp), "SQLITE_TMPDIR": str(sqlite_temp)}
    done = subprocess.run(
        [sys.executable, "-c", SEAL_A_BIG_INDEX, str(home)],
        env=environ, cwd=here, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert int(done.stdout) > 4 * 2**20  # big enough to spill, were it let
    assert watched.created() == []
    assert (home / "cache" / "index.age").read_bytes().startswith(cipher.MAGIC)


DAMAGES = {
    "missing": None,
    "emptied": b"",
    "garbage": b"\x00\xff not a key at all\n",
    "cut short": b"age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpq\n",
}


def damage(home: Path, how: bytes | None, *names: str) -> None:
    for name in names:
        path = home / "lock" / name
        if how is None:
            path.unlink()
        else:
            path.write_bytes(how)


def saved_files(home: Path) -> list[Path]:
    """The files that hold words: reflections, drafts, what the recovery folder keeps."""
    folders = [home / name for name in ("journal", "drafts", "recovery", "trash")]
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


@pytest.mark.usefixtures("kept_nowhere")
@pytest.mark.parametrize("how", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_lock_never_writes_plain_and_unlock_mends_it(
    how: bytes | None, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The lock's recipient (and its copy) missing, emptied or garbled, with nobody to give the
    passphrase: the journal is still locked, so nothing is written, plain or otherwise; one
    line says what is wrong and what to do; the person is stopped before a word is typed.
    `relational unlock` mends it from the key, and saving goes on, locked."""
    damage(home, how, "recipient.txt", "recipient-copy.txt")
    before = saved_files(home)
    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n")
    code, _, err = run(capsys, "reflect", "journal", "--answers", entry)
    assert code == 1 and err.count("\n") == 1, err
    assert "lock is damaged" in err and "recipient.txt" in err and "relational unlock" in err
    env, out, err_stream = plain([f"{WORDS[1]} by the sea", ".", "", "", "1"])
    assert main(["reflect", "journal"], env) == 1  # before the first question
    assert "lock is damaged" in err_stream.getvalue() and "Entry" not in out.getvalue()
    assert saved_files(home) == before and leaks(home) == []
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    code, _, err = run(capsys, "unlock")
    assert code == 0 and "lock was damaged" in err and "it is mended" in err, err
    monkeypatch.delenv("RELATIONAL_PASSPHRASE_COMMAND")
    code, _, err = run(capsys, "reflect", "journal", "--answers", entry)
    assert code == 0 and "lock was damaged" not in err
    assert len(list((home / "journal").rglob("*.age"))) == 1
    recipient = (home / "lock" / "recipient.txt").read_text().strip()
    assert recipient == (home / "lock" / "recipient-copy.txt").read_text().strip()
    assert recipient == cipher.recipient_of(Keys(Home(home)).set_up(PASSPHRASE))
    assert leaks(home) == []


@pytest.mark.usefixtures("kept_nowhere")
@pytest.mark.parametrize("damaged", ["recipient.txt", "recipient-copy.txt"])
def test_one_damaged_copy_of_the_recipient_is_mended_from_the_other(
    damaged: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipient = (home / "lock" / "recipient.txt").read_text()
    damage(home, b"garbage\n", damaged)
    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n")
    code, _, err = run(capsys, "reflect", "journal", "--answers", entry)
    assert code == 0 and err.startswith("Your journal's lock was damaged (") and damaged in err
    assert (home / "lock" / damaged).read_text() == recipient
    assert len(list((home / "journal").rglob("*.age"))) == 1
    assert leaks(home) == []


def strangers_key(home: Path) -> str:
    """Someone else's recipient put in the lock (both copies), as a person with the same
    account could, so that what is written next goes to their key."""
    stranger = cipher.new_identity()
    for name in ("recipient.txt", "recipient-copy.txt"):
        (home / "lock" / name).write_text(cipher.recipient_of(stranger) + "\n")
    return stranger


@pytest.mark.usefixtures("kept_nowhere")
def test_someone_elses_recipient_is_named_at_the_next_unlock_and_mended(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Without the key nothing can tell the recipient is not the journal's own (written to
    theirs, it is lost to the person): at the next unlock it is named loudly, with the files
    the person's key cannot open, and mended."""
    stranger = strangers_key(home)
    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n")
    assert run(capsys, "reflect", "journal", "--answers", entry)[0] == 0
    (theirs,) = (home / "journal").rglob("*.age")
    assert cipher.decrypt(theirs.read_bytes(), stranger)  # what this attack costs
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    code, _, err = run(capsys, "unlock")
    assert code == 0 and err.startswith("WARNING: your journal's lock was changed"), err
    assert "cannot open 1 file" in err and f"  {theirs}\n" in err
    identity = Keys(Home(home)).set_up(PASSPHRASE)
    own = cipher.recipient_of(identity)
    assert (home / "lock" / "recipient.txt").read_text() == own + "\n"
    assert (home / "lock" / "recipient-copy.txt").read_text() == own + "\n"
    code, _, err = run(capsys, "unlock")
    assert code == 0 and "WARNING" not in err  # said once, when found


def test_someone_elses_recipient_is_never_written_to_while_unlocked(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unlocked a while, the key is at hand: what is written goes to its own recipient, and
    the one found in the lock is named and mended at once."""
    strangers_key(home)
    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n")
    code, _, err = run(capsys, "reflect", "journal", "--answers", entry)
    assert code == 0 and err.startswith("WARNING: your journal's lock was changed"), err
    (saved,) = (home / "journal").rglob("*.age")
    assert WORDS[0] in cipher.decrypt(saved.read_bytes(), locked).decode()
    assert (home / "lock" / "recipient.txt").read_text() == cipher.recipient_of(locked) + "\n"


def test_a_plain_temp_file_in_a_locked_journal_is_swept_by_the_next_command(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No locked write makes a plain `.part`, but `unlock --permanently` killed half way and
    then `lock --setup` leave one: the next command, whatever it is, removes it. An encrypted
    one is left to the usual rule (removed once it is an hour old)."""
    assert run(capsys, "reflect", "journal", "--answers",
               answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n"))[0] == 0  # fmt: skip
    (month,) = {path.parent for path in (home / "journal").rglob("*.age")}
    plain_temp = month / ".tmp-k1ll3d9x.part"
    plain_temp.write_text(f"---\nid: x\nexercise: journal\n---\n\n{WORDS[1]}\n")
    sealed_temp = home / "drafts" / ".tmp-s3al3d00.part"
    sealed_temp.parent.mkdir(exist_ok=True)
    sealed_temp.write_bytes(cipher.encrypt(WORDS[2].encode(), cipher.recipient_of(locked)))
    assert run(capsys, "lock", "--stay-unlocked", "15")[0] == 0
    assert not plain_temp.exists() and sealed_temp.exists() and leaks(home) == []


def cut_short(data: bytes) -> bytes:
    return data[:-20]


def bit_flipped(data: bytes) -> bytes:
    return data[:-30] + bytes([data[-30] ^ 1]) + data[-29:]


def not_age(data: bytes) -> bytes:
    return b"\x00\xff\xfe not an age file"


@pytest.mark.usefixtures("kept_nowhere")
@pytest.mark.parametrize("how", [cut_short, bit_flipped, not_age])
def test_a_damaged_locked_file_is_named_in_one_line_and_the_rest_unlocks(
    how: Callable[[bytes], bytes], home: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """`show` and `edit` of a locked file that cannot be opened say so in one line (not "not
    UTF-8 text", never "unexpected error"); `unlock --permanently` makes plain all it can,
    leaves the damaged one as it is, and names it."""
    for word in WORDS[:2]:
        entry = answers(tmp_path, f"{word}.yaml", f"entry: {word}\n")
        assert run(capsys, "reflect", "journal", "--answers", entry)[0] == 0
    damaged = sorted((home / "journal").rglob("*.age"))[0]
    damaged.write_bytes(how(damaged.read_bytes()))
    before = damaged.read_bytes()
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    monkeypatch.setenv("EDITOR", "false")
    said = f"relational: {damaged}: a locked file your key cannot open (damaged, or locked"
    for command in (["show", damaged.stem], ["edit", damaged.stem]):
        code, _, err = run(capsys, *command)
        assert code == 1 and err.count("\n") == 1 and err.startswith(said), (command, err)
    code, _, err = run(capsys, "review")
    assert code == 0 and f"left out {damaged}: a locked file your key cannot open" in err
    code, _, err = run(capsys, "unlock", "--permanently", "--yes")
    assert code == 1 and "plain Markdown again: 1 file decrypted" in err, err
    assert "1 locked file is damaged" in err and f"  {damaged}\n" in err
    assert damaged.read_bytes() == before
    (plain_file,) = (home / "journal").rglob("*.md")
    assert any(word in plain_file.read_text() for word in WORDS[:2])


def test_a_month_looked_back_on_reads_a_locked_journal_s_titles_and_keeps_them_locked(
    locked: str,
    home: Path,
    tmp_path: Path,
    temp_folder: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import time_machine

    first = answers(tmp_path, "1.yaml", f"wish: Call {WORDS[3]}\n")
    second = answers(tmp_path, "2.yaml", f"last_step: Done\nwish: Walk\noutcome: {WORDS[4]}\n")
    for day, step in ((20, first), (27, second)):
        with time_machine.travel(datetime(2026, 11, day, 9).astimezone(), tick=False):
            code, _, err = run(capsys, "reflect", "weekly-step", "--answers", step)
            assert code == 0, err
    with time_machine.travel(datetime(2026, 12, 5, 9).astimezone(), tick=False):
        code, out, err = walk("month-look-back", ["", "Rest", ".", "", "", "", "", "", ""])
    assert code == 0, err
    assert f"- Call {WORDS[3]} — Done\n- Walk" in out
    assert WORDS[4] not in out  # titles and how steps went, never what was written
    assert leaks(home, temp_folder) == []


def test_the_quick_exit_forgets_the_unlock_before_it_clears_the_screen(
    locked: str, keeper: MemoryKeeper, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Locked first, cleared second: a window closed the moment the screen goes blank has
    left the journal locked."""
    env, out, _ = plain(["hide"])
    cleared_when_forgotten: list[bool] = []
    forget = keeper.forget

    def forgetting(name: str) -> None:
        cleared_when_forgotten.append("\x1b[2J" in out.getvalue())
        forget(name)

    monkeypatch.setattr(keeper, "forget", forgetting)
    assert main(["reflect", "weekly-step"], env) == 130
    assert cleared_when_forgotten == [False] and out.getvalue().endswith("\x1b[H\x1b[2J\x1b[3J")
    assert keeper.kept == {}


def test_removing_or_loosening_the_lock_asks_for_the_passphrase_again_even_unlocked(
    locked: str, home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whoever sits down at a window left unlocked can read, but not take the lock off,
    change it, or make an unlock last longer: those ask for the passphrase afresh."""
    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\n")
    assert run(capsys, "reflect", "journal", "--answers", entry)[0] == 0
    assert run(capsys, "review")[0] == 0  # unlocked a while: reading needs nothing
    before = hashes(home)
    for command in (
        ["unlock", "--permanently", "--yes"],
        ["lock", "--change-passphrase"],
        ["lock", "--stay-unlocked", "60"],
    ):
        code, _, err = run(capsys, *command)
        assert code == 1 and err.count("\n") == 1, command
        assert "asks for your passphrase again, even while your journal is unlocked" in err
    env, _, err = plain(["2", "wrong one", "wrong two", "wrong three", PASSPHRASE])
    assert main(["unlock", "--permanently"], env) == 1
    said = err.getvalue()
    assert said.count("passphrase, asked again to be sure it is you") == 3
    assert "does not open your journal; nothing was changed" in said
    assert hashes(home) == before
    assert run(capsys, "lock", "--stay-unlocked", "5")[0] == 0  # shorter is stronger: not asked
    env, _, err = plain([PASSPHRASE])
    assert main(["lock", "--stay-unlocked", "60"], env) == 0, err.getvalue()
    env, _, err = plain(["2", PASSPHRASE])
    assert main(["unlock", "--permanently"], env) == 0, err.getvalue()
    assert not list(locked_files(home))


def test_an_unlock_lasts_a_day_at_most(
    locked: str, home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    assert run(capsys, "lock", "--stay-unlocked", "-1")[0] == 2  # not a number of minutes
    for minutes in ("1073741824", "1441"):
        code, _, err = run(capsys, "lock", "--stay-unlocked", minutes)
        assert (code, err) == (
            1, "relational: --stay-unlocked takes minutes from 0 (asked every time) to 1440"
            " (a day); nothing was changed\n",
        ), minutes  # fmt: skip
    assert run(capsys, "lock", "--stay-unlocked", "1440")[0] == 0
    (home / "lock" / "settings.json").write_text('{"stay_unlocked_minutes": 1073741824}\n')
    assert Keys(Home(home)).minutes() == 24 * 60  # written by hand: still a day at most


def test_a_recovery_copy_written_to_a_file_is_new_private_and_away_from_the_journal(
    template: tuple[Path, str], home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(template[0], home)
    monkeypatch.setenv("RELATIONAL_KEYRING", "none")
    there = tmp_path / "there.txt"
    there.write_text("a list of mine\n", encoding="utf-8")
    inside = home / "journal" / "key.txt"
    wanted = tmp_path / "usb" / "relational-key.txt"
    wanted.parent.mkdir()
    lines = [PASSPHRASE, "3", str(inside), str(there), str(tmp_path / "none" / "k"), str(wanted)]
    env, out, err = plain(lines)  # `lock --setup` run again to finish: it offers the copy
    assert main(["lock", "--setup"], env) == 0, err.getvalue()
    said = " ".join((out.getvalue() + err.getvalue()).split())
    assert f"That is inside relational's own folder ({home})" in said
    assert f"{there} is there already, and is left as it is. Please name a new file." in said
    assert "could not be written (No such file or directory)" in said
    assert f"Your recovery key is written to {wanted}, readable only by you." in said
    assert wanted.read_text(encoding="utf-8") == template[1] + "\n"
    assert stat.S_IMODE(wanted.stat().st_mode) == 0o600
    assert there.read_text(encoding="utf-8") == "a list of mine\n"
    assert not inside.exists() and "AGE-SECRET-KEY" not in said


def test_a_recovery_copy_shown_is_cleared_once_it_is_kept(
    template: tuple[Path, str], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(template[0], home)
    monkeypatch.setenv("RELATIONAL_KEYRING", "none")
    env, out, err = plain([PASSPHRASE, "2", ""])
    assert main(["lock", "--setup"], env) == 0, err.getvalue()
    shown = out.getvalue()
    key, cleared = shown.index(template[1]), shown.index("\x1b[H\x1b[2J\x1b[3J")
    assert key < shown.index("I have kept it: clear it from the screen") < cleared
    assert "Your recovery key is cleared from the screen." in shown[cleared:]


@pytest.mark.usefixtures("kept_nowhere")
def test_a_passphrase_command_is_read_as_git_reads_a_credential_helper(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Its first line is the passphrase; what goes wrong is said in one line that never
    repeats the command (it may hold the passphrase), with the last line it said itself."""
    from relational_cli.cli import passphrase

    entry = answers(tmp_path, "j.yaml", f"entry: {WORDS[0]}\ntitle: {WORDS[1]}\n")
    assert run(capsys, "reflect", "journal", "--answers", entry)[0] == 0
    before = hashes(home)

    def said(command: str) -> tuple[int, str]:
        monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", command)
        code, _, err = run(capsys, "review")
        assert err.count("\n") == 1 and "hunter2" not in err, err
        return code, err.removeprefix("relational: ").rstrip("\n")

    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"printf '%s\\nnot this\\n' '{PASSPHRASE}'")
    code, out, _ = run(capsys, "review")
    assert code == 0 and WORDS[1] in out
    assert said("printf '\\377\\376'") == (1, messages.lock.WRONG_PASSPHRASE)
    assert said("echo 'Error: relational is not in the password store.' >&2; false hunter2") == (
        1, "the passphrase command ended with an error (exit 1); nothing was changed. It said:"
        " Error: relational is not in the password store.",
    )  # fmt: skip
    assert said("no-such-command-anywhere hunter2") == (1, messages.lock.COMMAND_NOT_FOUND)
    code, message = said("true hunter2")
    assert code == 1 and "printed nothing" in message and "RELATIONAL_PASSPHRASE" not in message
    monkeypatch.setattr(passphrase, "TIME_LIMIT", 1)
    started = time.monotonic()
    assert said("sleep 30; echo hunter2") == (
        1, "the passphrase command gave no passphrase within 1 second, and was stopped;"
        " nothing was changed",
    )  # fmt: skip
    assert time.monotonic() - started < 20
    pid_file = home.parent / "started.pid"
    said(f"sleep 1001 & echo $! > {pid_file}; wait")  # what it started is stopped too
    assert not _running(int(pid_file.read_text()))
    assert hashes(home) == before


def _running(pid: int) -> bool:
    """Whether `pid` still runs (a process killed, but not yet reaped by its new parent, is
    a zombie: no longer running)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_a_new_passphrase_is_8_characters_at_least_however_it_is_given(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for short in ("x", "        "):
        monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"printf '%s\\n' '{short}'")
        code, _, err = run(capsys, "lock", "--setup")
        assert (code, err) == (1, f"relational: {messages.lock.COMMAND_TOO_SHORT}\n"), short
    monkeypatch.delenv("RELATIONAL_PASSPHRASE_COMMAND")
    env, _, err = plain(["        ", "short"])
    assert main(["lock", "--setup"], env) == 1
    assert err.getvalue().count(messages.lock.TOO_SHORT) == 2
    assert not (home / "lock").exists()


def test_every_command_that_may_need_the_passphrase_names_the_option_in_its_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for command in ("reflect", "plan", "review", "show", "search", "export", "lock", "unlock"):
        code, out, _ = run(capsys, command, "--help")
        assert code == 0 and "--passphrase-command COMMAND" in out, command


@pytest.mark.usefixtures("kept_nowhere")
def test_a_plan_from_answers_in_a_locked_journal_is_saved_once_with_its_document(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The document reads the journal (the values sort): without the passphrase at hand,
    nothing is saved, so running it again with the passphrase saves the plan once."""
    plan = answers(tmp_path, "p.yaml", f"hard_times: {WORDS[3]} and tea\n")
    for _ in range(2):
        code, _, err = run(capsys, "plan", "--answers", plan)
        assert code == 1 and "your journal is locked" in err and err.count("\n") == 1
        assert not list(locked_files(home))
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    code, _, err = run(capsys, "plan", "--answers", plan)
    assert code == 0, err
    assert len(list((home / "journal").rglob("*.age"))) == 1
    assert [p.name for p in home.iterdir() if p.name.startswith("plan")] == ["plan.md.age"]
