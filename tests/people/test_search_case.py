"""Search in any case, as people mean it: German ß is ss, and the Turkish dotted and dotless
I match each other, with the index and without it alike (issue 31)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import WHEN, save
from conftest import run_cli as run

from relational_cli.core.journal.indexing import Unavailable
from relational_cli.core.search.index import Index

WRITTEN = {
    "Straße": "Wir gingen die Straße entlang",
    "ışık": "Odada bir ışık yandı",
    "ILIK": "Su ILIK geldi",
    "İstanbul": "İstanbul'da buluştuk",
    "GROSS": "Das war GROSS",
    "café": "Un cafe\u0301 noir",  # the accent typed apart from its letter
}
SEARCHED = [
    ("STRASSE", "Straße"),
    ("strasse", "Straße"),
    ("straße", "Straße"),
    ("IŞIK", "ışık"),
    ("Işık", "ışık"),
    ("ılık", "ILIK"),
    ("ilik", "ILIK"),
    ("istanbul", "İstanbul"),
    ("ISTANBUL", "İstanbul"),
    ("groß", "GROSS"),
    ("CAFÉ", "café"),
]


def write_all() -> dict[str, str]:
    from datetime import timedelta

    ids = {}
    for n, (key, answer) in enumerate(WRITTEN.items()):
        reflection, _ = save("values", WHEN + timedelta(minutes=n), answer)
        ids[key] = reflection.id
    return ids


def found(capsys: pytest.CaptureFixture[str], words: str) -> list[str]:
    code, out, err = run(capsys, "search", words, "--format", "json")
    assert code == 0, err
    return [row["id"] for row in json.loads(out)["reflections"]]


@pytest.fixture(params=["index", "scan"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "scan":

        def unavailable(self: Index) -> None:
            raise Unavailable("no FTS5 here")

        monkeypatch.setattr(Index, "connect", unavailable)
    else:
        from relational_cli.core.search import scan

        def not_without_the_index(*args: object) -> None:
            raise AssertionError("the index did not answer")

        monkeypatch.setattr(scan, "scan_search", not_without_the_index)
    return str(request.param)


def test_search_folds_case_as_people_mean_it(capsys: pytest.CaptureFixture[str], way: str) -> None:
    ids = write_all()
    for words, written in SEARCHED:
        assert found(capsys, words) == [ids[written]], (way, words)
    _, out, _ = run(capsys, "search", "STRASSE")
    assert "Straße" in out  # the words around it, as written


def test_an_index_of_the_version_before_is_rebuilt_with_folded_words(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    ids = write_all()
    assert found(capsys, "STRASSE") == [ids["Straße"]]
    db = sqlite3.connect(home / "cache" / "index.sqlite3")  # as the version before wrote it
    db.execute("INSERT INTO words (words) VALUES ('delete-all')")
    answers = {ids[key]: answer for key, answer in WRITTEN.items()}
    for rowid, id in db.execute("SELECT rowid, id FROM reflections").fetchall():
        db.execute(
            "INSERT INTO words (rowid, title, body) VALUES (?, 't', ?)", (rowid, answers[id])
        )
    db.execute("PRAGMA user_version = 7")
    db.commit()
    db.close()
    assert found(capsys, "STRASSE") == [ids["Straße"]]
