"""Files that are not relational's, in the folders it reads: a pipe named like a pack is
never waited on, and notes kept beside reflections (an Obsidian vault) are left alone
(issue 31)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from conftest import docs_example
from conftest import run_cli as run

PIPE_SAYS = "is not a file, so it is not read as a pack"


@pytest.fixture
def pipe_in_packs(home: Path) -> Path:
    folder = home / "packs"
    folder.mkdir(parents=True, exist_ok=True)
    pipe = folder / "waiting.yaml"
    os.mkfifo(pipe)
    return pipe


@pytest.mark.timeout(30)
def test_a_pipe_named_like_a_pack_is_never_waited_on_and_named_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pipe_in_packs: Path
) -> None:
    code, out, err = run(capsys, "packs", "list")
    assert code == 0, err
    assert (out + err).count(PIPE_SAYS) == 1, out + err
    code, out, err = run(capsys, "packs", "validate", str(pipe_in_packs))
    assert code != 0 and (out + err).count(PIPE_SAYS) == 1, out + err
    mine = tmp_path / "mine.yaml"
    mine.write_text(docs_example(), encoding="utf-8")
    code, out, err = run(capsys, "packs", "add", str(mine))
    assert code == 0, err
    answers = tmp_path / "answers.yaml"
    answers.write_text("confidence: 3\n", encoding="utf-8")
    code, _, err = run(capsys, "reflect", "weekly-step", "--answers", str(answers))
    assert code == 0, err
    code, out, err = run(capsys, "export", "--format", "json")
    assert code == 0 and "waiting.yaml" not in out, err
    assert pipe_in_packs.exists()  # left as it is


@pytest.mark.timeout(30)
def test_the_menu_is_shown_with_a_pipe_in_the_packs_folder(
    capsys: pytest.CaptureFixture[str], pipe_in_packs: Path
) -> None:
    from conftest import library

    catalogue = library().load_all()
    (broken,) = catalogue.broken
    assert broken.path == pipe_in_packs and PIPE_SAYS in broken.problem
    assert any(pack.id == "values" for pack in catalogue.packs)


def test_an_answers_file_may_still_come_through_a_pipe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import threading

    pipe = tmp_path / "answers.yaml"
    os.mkfifo(pipe)

    def write() -> None:
        with pipe.open("w", encoding="utf-8") as stream:
            stream.write("confidence: 3\n")

    writer = threading.Thread(target=write)
    writer.start()
    code, _, err = run(capsys, "reflect", "weekly-step", "--answers", str(pipe))
    writer.join()
    assert code == 0, err


NOTE = "---\ntitle: Groceries\ntags: [home]\n---\n\n# Groceries\n\nMilk, bread.\n"


def vault(home: Path) -> Path:
    """A journal folder that is also an Obsidian vault: notes of every kind in a month folder
    beside a reflection."""
    from conftest import save

    save("values", answer="what matters to me")
    folder = home / "journal" / "2026" / "11"
    for n in range(40):
        (folder / f"Note {n}.md").write_text(NOTE, encoding="utf-8")
    (folder / "Daily 2026-11-21.md").write_text("# Saturday\n\nA walk.\n", encoding="utf-8")
    (folder / "Latin-1 note.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    (folder / "Unclosed.md").write_text("---\ntitle: draft\n", encoding="utf-8")
    secret = folder / "Private.md"
    secret.write_text(NOTE, encoding="utf-8")
    secret.chmod(0)
    return folder


@pytest.mark.parametrize("index", [True, False])
def test_notes_kept_beside_reflections_are_passed_over_without_a_word(
    capsys: pytest.CaptureFixture[str], home: Path, monkeypatch: pytest.MonkeyPatch, index: bool
) -> None:
    if not index:
        from relational_cli.core.journal.indexing import Unavailable
        from relational_cli.core.search.index import Index

        def unavailable(self: Index) -> None:
            raise Unavailable("no FTS5 here")

        monkeypatch.setattr(Index, "connect", unavailable)
    vault(home)
    for args in (
        ["review"],
        ["review", "--exercise", "values"],
        ["search", "matters"],
        ["timeline"],
        ["export"],
        ["export", "--format", "json"],
        ["show", "latest"],
    ):
        code, out, err = run(capsys, *args)
        assert code == 0, (args, err)
        assert err == "", (args, err)
    code, out, err = run(capsys, "review")
    assert "values" in out and "Groceries" not in out


def damaged(folder: Path, name: str) -> Path:
    """A reflection of relational's whose front matter a hand edit left unclosed."""
    from conftest import WHEN

    path = folder / name
    path.write_text(
        "---\nid: 20261121-210755-values\nexercise: values\npack_version: 1\n"
        f'created: {WHEN.isoformat()}\ntitle: "values"\ntags: []\n\n# values\n\n'
        "## Q?\n\n<!-- answer id=q type=text -->\nwhat matters\n<!-- /answer -->\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "name",
    [
        "20261121-210755-values (conflicted copy).md",
        "Obsidian note 2.md",
        "20261121-210755-values.md",
    ],
)
def test_a_reflection_that_cannot_be_read_is_named_once_with_an_edit_command_that_works(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path, name: str
) -> None:
    import shlex
    import subprocess

    from conftest import installed_command

    folder = home / "journal" / "2026" / "11"
    folder.mkdir(parents=True)
    path = damaged(folder, name)
    code, _, err = run(capsys, "review")
    assert code == 0
    (line,) = [line for line in err.splitlines() if "warning" in line]
    assert str(path) in line
    command = line.partition("`relational edit ")[2].partition("` opens it")[0]
    opened = tmp_path / "opened"
    editor = tmp_path / "editor.sh"
    editor.write_text(f'#!/bin/sh\ncat "$1" > {shlex.quote(str(opened))}\n', encoding="utf-8")
    editor.chmod(0o755)
    result = subprocess.run(
        ["bash", "-c", f"{shlex.quote(installed_command())} edit {command}"],
        capture_output=True,
        text=True,
        env={**os.environ, "RELATIONAL_HOME": str(home), "EDITOR": str(editor)},
        timeout=120,
    )
    assert "not a reflection id" not in result.stderr, result.stderr
    assert opened.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_a_backup_of_a_journal_kept_among_notes_comes_back_whole(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault(home)
    backup = tmp_path / "backup.json"
    code, _, err = run(capsys, "export", "--output", str(backup))
    assert code == 0 and "1 reflection " in err, err
    monkeypatch.setenv("RELATIONAL_HOME", str(tmp_path / "elsewhere"))
    code, _, err = run(capsys, "import", "backup", str(backup))
    assert code == 0, err
    code, out, _ = run(capsys, "review", "--format", "json")
    assert [row["exercise"] for row in json.loads(out)["reflections"]] == ["values"]


@pytest.mark.timeout(30)
def test_a_pipe_among_the_reflections_is_never_waited_on(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    from conftest import save

    save()
    pipe = home / "journal" / "2026" / "11" / "20261122-000000-values.md"
    os.mkfifo(pipe)
    for args in (["review"], ["search", "answer"], ["timeline"], ["export"]):
        code, _, err = run(capsys, *args)
        assert code == 0, (args, err)
        assert err.count("it is a pipe or a device, not a file") == 1, (args, err)
        assert "relational edit" not in err  # nothing an editor could mend
    backup = tmp_path / "backup.json"
    assert run(capsys, "export", "--output", str(backup))[0] == 0
    assert len(json.loads(backup.read_text(encoding="utf-8"))["reflection_files"]) == 1


@pytest.mark.parametrize("journal", ["every file looked at", "above EVERY_FILE, an old month"])
def test_a_file_whose_name_is_not_utf8_leaves_search_and_timeline_working(
    journal: str, capsys: pytest.CaptureFixture[str], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reflection copied in from an older system (a name in Latin-1: `café` as one byte
    \\xe9) or made by hand: its name cannot be stored in the index as text, and every search
    and timeline failed with "unexpected error: UnicodeEncodeError", hiding every other
    reflection from them. The others are still found, and it is named (its byte as \\xe9) by
    each, with what would bring it back — also in a folder the index would otherwise look
    at by its time alone (above `EVERY_FILE`, a month long past)."""
    from conftest import save

    from relational_cli.core.search import index

    save()
    journal_folder = os.fsencode(home / "journal")
    mine = next(name for name in os.listdir(journal_folder + b"/2026/11") if name.endswith(b".md"))
    with open(journal_folder + b"/2026/11/" + mine, "rb") as source:
        text = source.read()
    folder = journal_folder + (b"/2026/11" if journal.startswith("every") else b"/2024/03")
    os.makedirs(folder, exist_ok=True)
    if not journal.startswith("every"):
        monkeypatch.setattr(index, "EVERY_FILE", 0)
    with open(os.path.join(folder, b"20261122-000000-caf\xe9.md"), "wb") as copy:
        copy.write(text)
    an_hour_ago = time.time() - 3600  # settled: a folder as last seen is not listed again
    for name in [*os.listdir(folder), b"."]:
        os.utime(os.path.join(folder, name), (an_hour_ago, an_hour_ago))
    for args in (["search", "answer"], ["timeline"], ["search", "answer"]):
        code, out, err = run(capsys, *args)
        assert code == 0, (args, err)
        assert "unexpected" not in err, (args, err)
        assert err.count("\n") == 1 and "20261122-000000-caf\\xe9.md: its name is not UTF-8" in err
        assert args == ["timeline"] or mine.decode().removesuffix(".md") in out


def test_names_that_are_not_utf8_are_named_newest_first_as_every_other_problem(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    """The index compares the oldest month folders first (to meet the look ahead), but what
    it names is said newest first, as the files it cannot read are."""
    from conftest import save

    save()
    text = next((home / "journal").rglob("*.md")).read_bytes()
    for month in (b"10", b"12"):
        folder = os.path.join(os.fsencode(home / "journal"), b"2026", month)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, b"20261122-000000-caf\xe9.md"), "wb") as copy:
            copy.write(text)
    code, _, err = run(capsys, "search", "answer")
    assert code == 0, err
    assert [line.split("/journal/")[1][:7] for line in err.splitlines()] == ["2026/12", "2026/10"]
