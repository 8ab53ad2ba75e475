"""The manual: `man relational` finds it after a pip or pipx install, it says what each
command's --help says, and `relational --help` says where it is."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAN_PAGE = ROOT / "docs" / "relational.1"
IN_THE_WHEEL = "share/man/man1/relational.1"


def update_docs() -> object:
    spec = importlib.util.spec_from_file_location(
        "update_docs", ROOT / "scripts" / "update_docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_the_man_page_is_written_from_help() -> None:
    script = update_docs()
    assert MAN_PAGE.read_text(encoding="utf-8") == script.man_page(), (  # type: ignore[attr-defined]
        "run `python scripts/update_docs.py`"
    )


def test_the_help_says_where_the_manual_is() -> None:
    from relational_cli.helptext import TOP

    assert "man relational" in " ".join(TOP.split())
    assert "share/man/man1" in TOP


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_the_man_page_reads_cleanly_in_roff() -> None:
    """No warning from groff (-ww: all of them), and every command has its own part."""
    checked = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", "-z", str(MAN_PAGE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr
    text = MAN_PAGE.read_text(encoding="utf-8")
    assert text.isascii()
    for command in ("reflect", "plan", "support", "lock", "packs add", "import jrnl"):
        assert f'.SS "relational {command}"\n' in text


@pytest.mark.build
def test_the_wheel_installs_the_man_page_where_man_finds_it(tmp_path: Path) -> None:
    """The wheel carries it as data at share/man/man1; installed under a prefix, `man`
    finds it from the prefix's bin/ on PATH (as after `pip install` into a virtual
    environment, or pipx, which links it into ~/.local/share/man beside ~/.local/bin)."""
    pytest.importorskip("hatchling.build", reason="hatchling is a test extra")
    build = "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1]))"
    built = subprocess.run(
        [sys.executable, "-c", build, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    wheel = tmp_path / built.stdout.strip().splitlines()[-1]
    with zipfile.ZipFile(wheel) as opened:
        data = [name for name in opened.namelist() if name.endswith(IN_THE_WHEEL)]
        assert len(data) == 1 and data[0].split("/", 2)[1:] == ["data", IN_THE_WHEEL]
        assert opened.read(data[0]) == MAN_PAGE.read_bytes()
        prefix = tmp_path / "prefix"
        (prefix / "share/man/man1").mkdir(parents=True)
        (prefix / IN_THE_WHEEL).write_bytes(opened.read(data[0]))
    (prefix / "bin").mkdir()
    if shutil.which("man") is None:
        pytest.skip("man is not installed (the wheel's data is checked above)")
    environ = {k: v for k, v in os.environ.items() if k not in ("MANPATH", "MANPATH_MAP")}
    environ["PATH"] = f"{prefix / 'bin'}{os.pathsep}/usr/bin{os.pathsep}/bin"
    found = subprocess.run(
        ["man", "-w", "relational"], capture_output=True, text=True, env=environ, check=False
    )
    assert found.stdout.strip() == str(prefix / IN_THE_WHEEL), found.stderr
