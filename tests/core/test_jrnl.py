"""`relational import jrnl FILE`: a jrnl journal becomes free-form journal reflections."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
import time_machine
from conftest import journal
from conftest import run_cli as run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relational_cli.core.transfer.jrnl import tag_name

JOURNAL = """\
[2024-01-05 09:30:00 AM] Coffee with Ana. We talked about @work
and her move.

[2024-01-05 09:30:00 AM] A second entry in the same second @Home
[2024-02-02 07:15:00 PM] Evening walk *

[2024-03-01 10:00] Short time format. #garden
"""


def import_text(capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes) -> tuple[int, str]:
    source = tmp_path / "journal.txt"
    source.write_bytes(data)
    code, _, err = run(capsys, "import", "jrnl", str(source))
    return code, err


def reflections(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    _, out, _ = run(capsys, "review", "--format", "json")
    rows = json.loads(out)["reflections"]
    return [
        {**row, "answers": journal().load(journal().resolve(row["id"])).answer_map()}
        for row in rows
    ]


def test_each_entry_becomes_a_journal_reflection_with_its_title_tags_and_star(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = import_text(capsys, tmp_path, JOURNAL.encode())
    assert code == 0
    assert "Imported 4 entries" in err
    rows = {row["id"]: row for row in reflections(capsys)}
    coffee = rows["20240105-093000-journal"]
    # As jrnl reads it: of an entry of several lines, the title is the whole first line.
    assert coffee["title"] == "Coffee with Ana. We talked about @work"
    assert coffee["answers"] == {"entry": "and her move.", "title": coffee["title"]}
    assert coffee["tags"] == ["journal", "at/work"]  # @x and #x stay apart
    assert coffee["created"].startswith("2024-01-05T09:30:00")
    assert rows["20240105-093000-journal-2"]["tags"] == ["journal", "at/home"]
    walk = rows["20240202-191500-journal"]
    assert (walk["title"], walk["tags"]) == ("Evening walk", ["journal", "starred"])
    assert walk["answers"] == {"title": "Evening walk"}  # a title alone: no body
    assert rows["20240301-100000-journal"]["tags"] == ["journal", "garden"]
    _, out, _ = run(capsys, "review", "--tag", "starred", "--format", "json")
    assert [row["id"] for row in json.loads(out)["reflections"]] == ["20240202-191500-journal"]


def test_importing_the_same_file_twice_adds_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import_text(capsys, tmp_path, JOURNAL.encode())
    code, err = import_text(capsys, tmp_path, JOURNAL.encode())
    assert code == 0
    assert "Imported 0 entries" in err and "(4 already in your journal)" in err
    assert len(reflections(capsys)) == 4
    # A new entry at the end comes in alone.
    code, err = import_text(
        capsys, tmp_path, (JOURNAL + "\n[2024-04-01 08:00] New one.\n").encode()
    )
    assert "Imported 1 entry" in err and "(4 already" in err


def test_odd_lines_are_named_and_the_rest_still_comes_in(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = (
        b"stray words before any entry\r\n"
        b"[2024-01-05 09:30] First. With CRLF\r\n"
        b"[2024-13-45 10:00] not a real date\r\n"
        b"[2024-02-01 18:00] \r\n"
        b"an entry with no title\r\n"
        b"[2024-03-01 10:00] Bytes \xff here.\r\n"
    )
    with time_machine.travel(datetime(2026, 11, 25, 12, 0), tick=False):
        code, err = import_text(capsys, tmp_path, data)
    assert code == 0
    notes = [line for line in err.splitlines() if line.startswith("relational: note:")]
    assert [note.split(": ")[2].split(":")[1] for note in notes] == ["6", "1"]
    assert "not UTF-8" in notes[0]
    assert "text before the first entry, which jrnl leaves out too" in notes[1]
    assert "Imported 4 entries" in err  # as jrnl 4.6 finds them
    rows = {row["id"]: row for row in reflections(capsys)}
    assert rows["20240105-093000-journal"]["answers"] == {"title": "First.", "entry": "With CRLF"}
    assert rows["20240201-180000-journal"]["title"] == "an entry with no title"
    assert rows["20240301-100000-journal"]["title"] == "Bytes \ufffd here."
    # A date jrnl cannot read as written is read as jrnl reads it: 10:00 today.
    assert rows["20261125-100000-journal"]["title"] == "not a real date"


def test_a_file_that_cannot_be_read_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "import", "jrnl", str(tmp_path / "missing.txt"))
    assert code == 1
    assert (
        err.strip()
        == f"relational: {tmp_path / 'missing.txt'}: cannot read (No such file or directory)"
    )


TITLE = st.text(st.characters(categories=["L", "N", "Zs"]), min_size=1, max_size=30).filter(
    lambda title: title.strip() and not title.rstrip().endswith("*")
)
LINE = st.text(st.characters(blacklist_categories=["Cc", "Cs", "Zl", "Zp"]), max_size=40).filter(
    lambda line: not line.startswith("[") and line.strip()
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(TITLE, st.lists(LINE, max_size=3)), min_size=1, max_size=4))
def test_what_jrnl_wrote_comes_back_word_for_word(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    home: Path,
    written: list[tuple[str, list[str]]],
) -> None:
    import shutil

    shutil.rmtree(home, ignore_errors=True)
    text = "".join(
        f"[2024-05-{day:02d} 10:00] {title.strip()}\n"
        + "".join(f"{line}\n" for line in body)
        + "\n"
        for day, (title, body) in enumerate(written, 1)
    )
    code, err = import_text(capsys, tmp_path, text.encode())
    assert code == 0, err
    for day, (title, body) in enumerate(written, 1):
        saved = journal().load(journal().resolve(f"202405{day:02d}-100000-journal"))
        answers = saved.answer_map()
        assert answers["title"] == title.strip()
        assert answers.get("entry", "") == "\n".join(body).strip()  # headings as written


def test_a_journal_in_another_time_format_comes_in_with_its_config_or_the_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "journal.txt"
    source.write_text("[05.01.2024 09:30] Coffee.\n\n[07.01.2024 18:00] A walk.\n")
    config = tmp_path / "config" / "jrnl" / "jrnl.yaml"
    config.parent.mkdir(parents=True)
    config.write_text(f"journals:\n  default: {source}\ntimeformat: '%d.%m.%Y %H:%M'\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    code, _, err = run(capsys, "import", "jrnl")  # the default journal, in its own format
    assert code == 0 and "Imported 2 entries" in err, err
    ids = {row["id"] for row in reflections(capsys)}
    assert ids == {"20240105-093000-journal", "20240107-180000-journal"}
    code, _, err = run(capsys, "import", "jrnl", str(source), "--time-format", "%d.%m.%Y %H:%M")
    assert "Imported 0 entries" in err and "(2 already" in err and "lists them" not in err


def test_a_file_with_no_date_jrnl_reads_is_said_once_with_what_to_pass(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = import_text(capsys, tmp_path, b"just some words\nand more\n")
    assert code == 0
    notes = [line for line in err.splitlines() if "no entry date could be read" in line]
    assert len(notes) == 1 and "--time-format" in notes[0]
    assert "Imported 1 entry" in err  # as jrnl reads it: one entry, dated now


@pytest.mark.parametrize(
    ("tag", "kept"),
    [
        ("#work", "work"), ("@work", "at/work"), ("#c++", "c-plus-plus"), ("#c#", "c-hash"),
        ("#a+b", "a-plus-b"), ("#x*", "x-star"), ("#2024", "jrnl/2024"),
        ("#2024/01", "jrnl/2024/01"), ("#starred", "jrnl/starred"), ("#journal", "jrnl/journal"),
        ("#café", "café"), ("##", None), ("#-", None), ("#_", None),
    ],
)  # fmt: skip
def test_jrnl_tags_are_kept_as_obsidian_reads_tags_by_the_documented_rule(
    tag: str, kept: str | None
) -> None:
    assert tag_name(tag) == kept
