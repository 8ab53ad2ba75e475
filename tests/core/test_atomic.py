"""Atomic, private, never-overwriting file writes (core/atomic.py, under the storage door):
each test here fails if the line it names is taken out."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from relational_cli.core import atomic


def test_a_second_file_moved_under_a_taken_name_is_kept_beside_the_first(tmp_path: Path) -> None:
    """The free-name loop of `move_free`: without it, the second trashed file of the same name
    would replace the first — a person's words lost."""
    trash = tmp_path / "trash"
    trash.mkdir()
    moved = []
    for words in ("first words", "second words", "third words"):
        source = tmp_path / "20261121-210755-values.md"
        source.write_text(words)
        moved.append(atomic.move_free(source, trash))
    assert [path.name for path in moved] == [
        "20261121-210755-values.md",
        "20261121-210755-values-2.md",
        "20261121-210755-values-3.md",
    ]
    assert [path.read_text() for path in moved] == ["first words", "second words", "third words"]
    assert not (tmp_path / "20261121-210755-values.md").exists()


def test_write_new_never_writes_over_a_file(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    assert atomic.write_new(target, "first")
    assert not atomic.write_new(target, "second")
    assert target.read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temp file left


def test_a_replace_that_fails_leaves_no_temp_file_and_the_old_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`replace` removes its temp file when the rename fails (a full disk, a read-only
    folder): without that, every failed save would leave a copy of the words behind."""
    target = tmp_path / "draft.json"
    target.write_text("before")

    def refused(source: object, destination: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(OSError):
        atomic.replace(target, "after")
    assert target.read_text() == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.json"]


def test_every_write_is_flushed_to_the_disk_and_so_is_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fsync of the file and of its folder: without them a power cut can leave an empty file
    (or none) where a reflection was said to be saved."""
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{descriptor}"))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    target = tmp_path / "a.md"
    assert atomic.write_new(target, "words")
    assert any(Path(path).name.startswith(atomic.TEMP_PREFIX) for path in synced)  # the text
    assert str(tmp_path) in synced  # the folder that now names it
    synced.clear()
    atomic.replace(target, "other words")
    assert str(tmp_path) in synced and len(synced) == 2


def test_files_and_the_temp_copies_are_private(tmp_path: Path) -> None:
    old = os.umask(0o000)  # the most open umask: the modes must not depend on it
    try:
        target = tmp_path / "a.md"
        atomic.write_new(target, "words")
        temp = atomic.write_temp(tmp_path, "more words")
    finally:
        os.umask(old)
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert oct(temp.stat().st_mode & 0o777) == "0o600"
