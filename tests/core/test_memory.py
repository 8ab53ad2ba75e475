"""The memory folder for a locked reflection's one plain copy is this person's alone: a real
folder in memory, owned by them, open to nobody else — never one someone else made or linked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from relational_cli.core import memory

SHM = Path("/dev/shm")
pytestmark = pytest.mark.skipif(
    not (SHM.is_dir() and memory.is_memory(SHM)), reason="needs /dev/shm as a tmpfs (Linux)"
)


@pytest.fixture
def root() -> Iterator[Path]:
    """A folder in memory standing for /dev/shm (or $XDG_RUNTIME_DIR)."""
    with tempfile.TemporaryDirectory(dir=SHM) as made:
        yield Path(made)


def test_the_folder_is_made_private(root: Path) -> None:
    found = memory.private_folder(root)
    assert found == root / f"relational-{os.getuid()}"
    assert found.stat().st_mode & 0o777 == 0o700


def test_a_folder_left_open_to_others_is_closed_again(root: Path) -> None:
    opened = root / f"relational-{os.getuid()}"
    opened.mkdir()
    opened.chmod(0o777)
    assert memory.private_folder(root) == opened
    assert opened.stat().st_mode & 0o777 == 0o700


def test_a_link_in_its_place_is_never_used(root: Path, tmp_path: Path) -> None:
    """Someone sharing the account (or /tmp) links the name to a folder on disk."""
    (root / f"relational-{os.getuid()}").symlink_to(tmp_path, target_is_directory=True)
    assert memory.private_folder(root) is None


def test_a_folder_someone_else_owns_is_never_used(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made by another user (here: the folder is ours, and we pretend to be someone else)."""
    other = os.getuid() + 1
    (root / f"relational-{other}").mkdir(mode=0o700)
    monkeypatch.setattr(os, "getuid", lambda: other)
    assert memory.private_folder(root) is None


def test_a_root_on_disk_is_never_used(tmp_path: Path) -> None:
    assert not memory.is_memory(tmp_path) or pytest.skip("the test's folder is in memory here")
    assert memory.private_folder(tmp_path) is None
