"""Every JSON document relational prints gives a key one meaning across commands, as the
field list of docs/guide.md says: `reflections` is always a list of reflections, a count is `count`,
a folder's key ends in `_folder`, relational's own version is `relational_version` (in `info`
and in a backup alike), a step's title is `title`, and `show` says how a weekly step went."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import time_machine
from conftest import run_cli as run

START = datetime(2026, 9, 7, 19, 0, tzinfo=timezone(timedelta(hours=1)))


def keys(node: Any, path: str = "") -> Iterator[tuple[str, str, Any]]:
    """Every (key, where, value) in a JSON document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, path, value
            yield from keys(value, f"{path}.{key}")
    elif isinstance(node, list):
        for value in node:
            yield from keys(value, f"{path}[]")


def test_one_meaning_per_key_across_every_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answers = tmp_path / "a.yaml"
    for days, text in ((0, "wish: Call Inés\n"), (7, "last_step: Done\nwish: Walk with Sam\n")):
        answers.write_text(text, encoding="utf-8")
        with time_machine.travel(START + timedelta(days=days), tick=False):
            assert run(capsys, "reflect", "weekly-step", "--answers", str(answers))[0] == 0
    backup = tmp_path / "backup.json"
    with time_machine.travel(START + timedelta(days=8), tick=False):
        documents = {
            name: json.loads(ok(run(capsys, *command, "--format", "json")))
            for name, command in {
                "review": ["review"],
                "search": ["search", "Inés"],
                "timeline": ["timeline", "--since", "2026-09-01"],
                "info": ["info"],
                "packs": ["packs", "list"],
            }.items()
        }
        assert run(capsys, "export", "--format", "json", "--output", str(backup))[0] == 0
    first = documents["review"]["reflections"][-1]["id"]  # newest first: the first step last
    documents["show"] = json.loads(ok(run(capsys, "show", first, "--format", "json")))
    documents["backup"] = json.loads(backup.read_text(encoding="utf-8"))
    for name, document in documents.items():
        for key, where, value in keys(document):
            assert re.fullmatch(r"[a-z][a-z0-9_]*", key), (name, where, key)  # snake_case
            if key == "reflections":  # always a list of reflections, never a folder or count
                assert isinstance(value, list), (name, where)
                assert all(isinstance(row, dict) and "id" in row for row in value), (name, where)
            if key.endswith("_folder"):
                assert isinstance(value, str) and Path(value).is_absolute(), (name, key)
            assert key not in ("relational", "step", "built-in_packs"), (name, where, key)
            if key == "version":  # a pack's own version, a number; relational's is another key
                assert name == "packs" and isinstance(value, int), (name, where)
    assert documents["info"]["relational_version"] == documents["backup"]["relational_version"]
    assert documents["info"]["format"] == documents["backup"]["format"] == 2
    assert [row["count"] for row in documents["timeline"]["periods"]] == [2]  # September
    assert [step["title"] for step in documents["timeline"]["steps"]] == [
        "Call Inés",
        "Walk with Sam",
    ]
    shown = documents["show"]
    assert shown["format"] == 2 and shown["reflection"]["outcome"] == "Done"  # as review says
    (reviewed,) = [r for r in documents["review"]["reflections"] if r["title"] == "Call Inés"]
    assert reviewed["outcome"] == "Done" and documents["review"]["format"] == 1
    files = documents["backup"]["reflection_files"]
    assert any(file["path"].endswith(f"{first}.md") for file in files)


def test_a_backup_of_either_format_comes_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("wish: Call Inés\n", encoding="utf-8")
    with time_machine.travel(START, tick=False):
        assert run(capsys, "reflect", "weekly-step", "--answers", str(answers))[0] == 0
    backup = tmp_path / "backup.json"
    assert run(capsys, "export", "--format", "json", "--output", str(backup))[0] == 0
    new = json.loads(backup.read_text(encoding="utf-8"))
    old = {  # as relational 0.1 wrote it
        "format": 1, "kind": "backup", "relational": "0.1.0",
        "reflections": new["reflection_files"], "packs": new["pack_files"],
    }  # fmt: skip
    import shutil

    for document in (new, old):
        shutil.rmtree(home)
        backup.write_text(json.dumps(document), encoding="utf-8")
        code, _, err = run(capsys, "import", "backup", str(backup))
        assert code == 0, err
        listed = json.loads(run(capsys, "review", "--format", "json")[1])["reflections"]
        assert [row["title"] for row in listed] == ["Call Inés"]


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 0, err
    return out
