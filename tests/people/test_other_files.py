"""Files that are not relational's, in the folders it reads: a pipe named like a pack is
never waited on, and notes kept beside reflections (an Obsidian vault) are left alone
(issue 31)."""

from __future__ import annotations

import os
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
