"""Taking it with you: a clean digest for a session (Markdown or a printable page), and a
backup that restores every reflection byte for byte, never over anything already there."""

from __future__ import annotations

import json
import os
import shutil
import stat
from datetime import datetime, timedelta, timezone
from html import escape
from pathlib import Path

import pytest
import time_machine
from conftest import journal, plain, write_pack
from conftest import run_cli as run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relational_cli.cli import main
from relational_cli.core.journal.fileformat import Reflection, Section, Value
from relational_cli.core.journal.journal import new_id

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=ZONE)


def write(when: datetime, *sections: tuple[str, str, Value | None], **front: object) -> Path:
    exercise = str(front.get("exercise", "journal"))
    reflection = Reflection(
        id=new_id(exercise, when),
        exercise=exercise,
        created=when.isoformat(timespec="seconds"),
        title=str(front.get("title", "A title")),
        tags=(exercise,),
    )
    parts = [Section(prompt_id, heading, value) for prompt_id, heading, value in sections]
    return journal().save(reflection, parts)[1]


def files(home: Path) -> dict[str, bytes]:
    folder = home / "journal"
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*.md"))
    }


def test_a_digest_of_last_month_reads_cleanly_in_time_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write(NOW - timedelta(days=60), ("entry", "Too long ago?", "old words"))
    write(
        NOW - timedelta(days=3),
        ("entry", "What's on your mind?", "My *sister* <b>called</b>\n# not a heading"),
        ("skipped", "A question I skipped", None),
        title="A call",
    )
    write(
        NOW - timedelta(days=10),
        ("top", "Your top values", ["Honesty", "Play"]),
        ("sorted", "Your cards", {"Very important": ["Honesty"], "Not now": []}),
        ("close", "How close do you feel?", 4),
        ("share", "Share it?", True),
        exercise="values",
        title="What matters",
    )
    with time_machine.travel(NOW, tick=False):
        code, out, err = run(capsys, "export", "--since", "last month")
    assert code == 0, err
    assert out.startswith("# My reflections, 12 November – 19 November 2026\n")
    assert out.index("## What matters") < out.index("## A call")  # oldest first
    assert "old words" not in out
    assert "What matters to me in connection · Thursday 12 November 2026, 10:00" in out
    assert "### How close do you feel?\n\n4\n" in out
    assert "- Honesty\n- Play" in out and "Very important:\n\n- Honesty" in out
    assert r"My \*sister\* \<b>called\</b>" in out and r"\# not a heading" in out
    for marker in ("<!--", "---", "Skipped", "A question I skipped", "id:", "exercise:"):
        assert marker not in out


def test_a_digest_as_a_printable_page_and_into_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(NOW, ("entry", "What's on your mind?", "<script>alert(1)</script> & *this*"))
    target = tmp_path / "session.html"
    code, out, err = run(capsys, "export", path.stem, "--format", "html", "-o", str(target))
    assert code == 0 and out == ""
    assert f"Wrote a digest of 1 reflection to {target}." in err
    page = target.read_text()
    assert page.startswith("<!doctype html>") and "@media print" in page
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; *this*" in page
    assert "<h3>What’s on your mind?</h3>" in page or "<h3>What's on your mind?</h3>" in page
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_digest_keeps_indentation_and_tabs_as_typed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The digest promises words exactly as typed: indented lines and tabs too, in a block
    every Markdown reader shows as written (the page too)."""
    from markdown_it import MarkdownIt

    typed = "When it gets loud:\n\tbreathe out\n    walk round the block\n```not mine```"
    path = write(NOW, ("entry", "What helps?", typed), ("plain", "And?", "*Just* words"))
    code, out, err = run(capsys, "export", path.stem)
    assert code == 0, err
    html = MarkdownIt("commonmark").render(out)
    assert f"<pre><code>{escape(typed, quote=False)}\n</code></pre>" in html
    assert "<p>*Just* words</p>" in html  # text without indentation reads as before
    target = tmp_path / "session.html"
    assert run(capsys, "export", path.stem, "--format", "html", "-o", str(target))[0] == 0
    assert escape(typed, quote=False) in target.read_text()


def test_export_mistakes_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "export")
    assert code == 1 and err == "relational: no reflections match, so there is nothing to export\n"
    write(NOW, ("entry", "What's on your mind?", "words"))
    nowhere = tmp_path / "no-such-folder" / "digest.md"
    code, _, err = run(capsys, "export", "-o", str(nowhere))
    assert code == 1 and err.startswith(f"relational: could not write {nowhere}: ")
    assert err.count("\n") == 1
    code, _, err = run(capsys, "export", "--format", "json", "--since", "2020-01-01")
    assert code == 1 and "holds everything" in err
    code, _, err = run(capsys, "export", "--drafts")
    assert code == 1 and "--drafts goes with --format json" in err


ANSWERS = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=40).filter(
    lambda text: text.strip() != ""
)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answers=st.lists(ANSWERS, min_size=1, max_size=4), title=ANSWERS)
def test_backup_then_restore_into_an_empty_folder_gives_back_every_byte(
    capsys: pytest.CaptureFixture[str],
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: list[str],
    title: str,
) -> None:
    shutil.rmtree(home, ignore_errors=True)
    for minute, answer in enumerate(answers):
        write(
            NOW + timedelta(minutes=minute), ("entry", "What's on your mind?", answer), title=title
        )
    # A file as another device or an editor left it: CRLF, a sync-conflict copy's name.
    (home / "journal" / "2026" / "11" / "20261122-100000-journal.sync-conflict-1.md").write_bytes(
        files(home)["2026/11/20261122-100000-journal.md"].replace(b"\n", b"\r\n")
    )
    write_pack(home, "check-in", "id: check-in\n# my own words\n")
    (home / "packs" / "data").mkdir()
    write_pack(home, "data/my-cards", "- Patience\n- Play\n")  # a choice list of one's own
    before = files(home)
    backup = tmp_path / "backup.json"
    backup.unlink(missing_ok=True)  # (made by the example before)
    code, _, err = run(capsys, "export", "--format", "json", "-o", str(backup))
    assert code == 0, err
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    fresh = tmp_path / "elsewhere"
    monkeypatch.setenv("RELATIONAL_HOME", str(fresh))
    code, _, err = run(capsys, "import", "backup", str(backup))
    assert code == 0, err
    assert files(fresh) == before
    assert (fresh / "packs" / "check-in.yaml").read_text() == "id: check-in\n# my own words\n"
    assert (fresh / "packs" / "data" / "my-cards.yaml").read_text() == "- Patience\n- Play\n"
    assert stat.S_IMODE((fresh / "journal").stat().st_mode) == 0o700
    assert not [p for p in fresh.iterdir() if p.name.startswith(".restoring")]
    # Again: everything is already there, word for word; nothing is added.
    code, _, err = run(capsys, "import", "backup", str(backup))
    assert code == 0 and "Restored 0 files" in err and files(fresh) == before
    shutil.rmtree(fresh)
    monkeypatch.setenv("RELATIONAL_HOME", str(home))


def test_restore_never_writes_over_other_words_and_says_so(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    path = write(NOW, ("entry", "What's on your mind?", "the backup's words"))
    write_pack(home, "check-in", "id: check-in\n")
    backup = tmp_path / "backup.json"
    run(capsys, "export", "--format", "json", "-o", str(backup))
    path.write_text(path.read_text().replace("the backup's words", "words written since"))
    write_pack(home, "check-in", "id: check-in\n# changed since\n")
    code, _, err = run(capsys, "import", "backup", str(backup))
    assert code == 0, err
    assert "2026/11/20261122-100000-journal.md already holds other words here" in err
    assert "as 2026/11/20261122-100000-journal-2.md" in err
    assert "packs/check-in.yaml is different here: yours is kept" in err
    assert "words written since" in path.read_text()
    kept = path.with_name("20261122-100000-journal-2.md")
    assert (
        "the backup's words" in kept.read_text()
        and "id: 20261122-100000-journal-2" in kept.read_text()
    )
    assert (home / "packs" / "check-in.yaml").read_text().endswith("# changed since\n")
    code, out, _ = run(capsys, "search", "backup's", "--format", "json")
    assert [row["id"] for row in json.loads(out)["reflections"]] == [kept.stem]


def _backup(tmp_path: Path, **changes: object) -> Path:
    data: dict[str, object] = {
        "format": 1,
        "kind": "backup",
        "relational": "0.1.0",
        "reflections": [
            {"path": "2026/11/20261122-100000-journal.md", "text": _text("20261122-100000")},
            {"path": "2026/11/20261122-110000-journal.md", "text": _text("20261122-110000")},
        ],
        "packs": [],
    }
    data.update(changes)
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(data, indent=2))
    return path


def _text(stamp: str) -> str:
    return (
        f"---\nid: {stamp}-journal\nexercise: journal\npack_version: 1\n"
        f'created: 2026-11-22T10:00:00+01:00\ntitle: "T"\ntags: ["journal"]\n---\n\n# T\n'
    )


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"format": 3, "relational_version": "9.0"}, "made by relational 9.0 (format 3)"),
        ({"kind": "something else"}, "not a relational backup"),
        (
            {"reflections": [{"path": "2026/11/a.md", "text": "no front matter"}]},
            "no front matter",
        ),
        (
            {"reflections": [{"path": "../../escape.md", "text": _text("20261122-100000")}]},
            "is not a place relational keeps",
        ),
        ({"packs": [{"name": "../x.yaml", "text": ""}]}, "is not a place relational keeps"),
        ({"packs": [{"name": "data/../../x.yaml", "text": ""}]}, "is not a place"),
        ({"reflections": "none"}, "reflections should be a list"),
    ],
    ids=[
        "newer",
        "not-a-backup",
        "hand-edited",
        "escaping-path",
        "escaping-pack",
        "escaping-list",
        "wrong-shape",
    ],
)
def test_a_bad_backup_is_refused_whole_and_nothing_changes(
    capsys: pytest.CaptureFixture[str],
    home: Path,
    tmp_path: Path,
    change: dict[str, object],
    says: str,
) -> None:
    good = {"path": "2026/11/20261122-120000-journal.md", "text": _text("20261122-120000")}
    if "reflections" in change and isinstance(change["reflections"], list):
        change = {**change, "reflections": [good, *change["reflections"]]}  # a good one first
    code, _, err = run(capsys, "import", "backup", str(_backup(tmp_path, **change)))
    assert code == 1 and says in err and err.count("\n") == 1, err
    assert not (home / "journal").exists() or files(home) == {}
    assert not (tmp_path / "escape.md").exists()


def test_a_cut_short_backup_or_a_missing_file_is_refused(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    path = _backup(tmp_path)
    path.write_bytes(path.read_bytes()[:150])
    code, _, err = run(capsys, "import", "backup", str(path))
    assert code == 1 and f"{path}:" in err and "cut short" in err
    code, _, err = run(capsys, "import", "backup", str(tmp_path / "nope.json"))
    assert code == 1 and "could not read" in err and "No such file" in err
    assert not (home / "journal").exists()


def test_ids_that_collide_within_a_backup_are_both_kept(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    one = _text("20261122-100000")
    other = one.replace("# T\n", "# T\n\nother words\n")
    place = "2026/11/20261122-100000-journal.md"
    reflections = [{"path": place, "text": one}, {"path": place, "text": other}]
    code, _, err = run(capsys, "import", "backup", str(_backup(tmp_path, reflections=reflections)))
    assert code == 0, err
    assert set(files(home)) == {place, "2026/11/20261122-100000-journal-2.md"}
    assert "kept beside it" in err
    assert os.listdir(home / "journal" / "2026" / "11")


PACK = """id: evening-check-in
title: An evening check-in
summary: Two gentle questions
minutes: 5
version: 1
prompts:
  - id: moment
    type: long_text
    text: Was there a moment of connection today?
"""


def test_a_pack_someone_sent_is_checked_then_installed_under_its_id(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    sent = tmp_path / "evening-check-in (1).yaml"  # as a mail program saves a second copy
    sent.write_text(PACK)
    code, _, err = run(capsys, "packs", "add", str(sent))
    assert code == 0, err
    installed = home / "packs" / "evening-check-in.yaml"
    assert installed.read_text() == PACK and "relational reflect evening-check-in" in err
    code, out, _ = run(capsys, "packs", "show", "evening-check-in", "--format", "json")
    assert json.loads(out)["pack"]["source"] == "user"
    assert run(capsys, "packs", "add", str(sent))[0] == 0  # the same again: nothing to do
    # A different pack of the same id: refused, unless --replace (the old one kept in the trash).
    sent.write_text(PACK.replace("Two gentle", "Three gentle"))
    code, _, err = run(capsys, "packs", "add", str(sent))
    assert code == 1 and "already a pack of yours" in err and "--replace" in err
    assert installed.read_text() == PACK
    assert run(capsys, "packs", "add", str(sent), "--replace")[0] == 0
    assert "Three gentle" in installed.read_text()
    assert (home / "trash" / "packs" / "evening-check-in.yaml").read_text() == PACK


def test_packs_add_refuses_what_is_not_a_pack_or_would_replace_a_built_in(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    note = tmp_path / "notes.yaml"
    note.write_text("just: some\nnotes: [here\n")
    code, _, err = run(capsys, "packs", "add", str(note))
    assert code == 1 and err.startswith(f"{note}:") and "Traceback" not in err
    broken = tmp_path / "evening-check-in.yaml"
    broken.write_text(PACK.replace("type: long_text", "type: essay"))
    code, _, err = run(capsys, "packs", "add", str(broken))
    assert code == 1 and f"{broken}:" in err and "essay" in err
    code, _, err = run(capsys, "packs", "add", str(tmp_path / "missing.yaml"))
    assert code == 1 and "missing.yaml: no such pack" in err
    values = tmp_path / "values.yaml"
    values.write_text(PACK.replace("id: evening-check-in", "id: values"))
    code, _, err = run(capsys, "packs", "add", str(values))
    assert code == 1 and "'values' is already a built-in exercise" in err
    assert not (home / "packs").exists() or not list((home / "packs").iterdir())


def test_packs_remove_moves_only_your_own_to_the_trash(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    write_pack(home, "evening-check-in", PACK)
    code, _, err = run(capsys, "packs", "remove", "values", "--yes")
    assert code == 1 and "built-in" in err
    code, _, err = run(capsys, "packs", "remove", "evening-check-in")
    assert code == 1 and "--yes" in err and (home / "packs" / "evening-check-in.yaml").exists()
    env, out, _ = plain(["1"])  # asked on a terminal: "Keep it"
    assert main(["packs", "remove", "evening-check-in"], env) == 0
    assert "Remove it (moved to the trash folder)" in out.getvalue()
    assert (home / "packs" / "evening-check-in.yaml").exists()
    code, _, err = run(capsys, "packs", "remove", "evening-check-in", "--yes")
    assert code == 0 and "kept in" in err
    assert not (home / "packs" / "evening-check-in.yaml").exists()
    assert (home / "trash" / "packs" / "evening-check-in.yaml").read_text() == PACK
    code, _, err = run(capsys, "packs", "remove", "evening-check-in", "--yes")
    assert code == 1 and "no exercise called 'evening-check-in'" in err


def test_a_pack_whose_id_has_an_underscore_installs_under_it(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    sent = tmp_path / "download.yaml"
    sent.write_text(PACK.replace("id: evening-check-in", "id: evening_check"))
    code, _, err = run(capsys, "packs", "add", str(sent))
    assert code == 0, err
    assert (home / "packs" / "evening_check.yaml").read_text() == sent.read_text()


def test_a_digest_says_nothing_twice_and_gives_a_scale_its_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    entry = tmp_path / "j.yaml"
    entry.write_text("entry: A slow morning\ntitle: Harbour\n", encoding="utf-8")
    assert run(capsys, "reflect", "journal", "--answers", str(entry))[0] == 0
    step = tmp_path / "w.yaml"
    step.write_text("wish: Call Jo\nconfidence: 4\n", encoding="utf-8")
    assert run(capsys, "reflect", "weekly-step", "--answers", str(step))[0] == 0
    write(NOW, ("entry", "What's on your mind?", "words"), title="A free-form journal entry")
    code, out, err = run(capsys, "export")
    assert code == 0, err
    titled = out.split("## Harbour\n")[1].split("\n## ")[0]  # (no day's name: a date holds one)
    assert "Harbour" not in titled  # the title it was given is not an answer again
    assert "### Would you like to give it a title?" not in titled
    assert "4 of 5 (1 = not sure at all · 5 = completely sure)" in out
    untitled = out.split("## A free-form journal entry\n")[1].split("\n## ")[0]
    assert "A free-form journal entry" not in untitled  # the exercise's name, once
