"""Reading back at scale: the index follows the files (every write, hand edits, deletions,
files arriving by sync), rebuilds itself when it must, and search, the review filters, delete
and the trash behave as a person would expect."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import time_machine
from conftest import environment, journal, plain
from conftest import run_cli as run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relational_cli.cli import main
from relational_cli.core.journal.fileformat import Reflection, Section
from relational_cli.core.journal.indexing import Unavailable
from relational_cli.core.journal.journal import new_id
from relational_cli.core.journal.storage import INDEX as NAME
from relational_cli.core.search.index import Index

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=ZONE)


def write(answer: str, when: datetime = NOW, exercise: str = "journal", **front: object) -> Path:
    reflection = Reflection(
        id=new_id(exercise, when),
        exercise=exercise,
        created=when.isoformat(timespec="seconds"),
        title=str(front.get("title", f"{exercise} title")),
        tags=tuple(front.get("tags", (exercise,))),  # type: ignore[arg-type]
    )
    return journal().save(reflection, [Section("entry", "What's on your mind?", answer)])[1]


def ids(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    code, out, err = run(capsys, *args, "--format", "json")
    assert code == 0, err
    return [row["id"] for row in json.loads(out)["reflections"]]


def test_search_finds_every_word_in_any_case_newest_first(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("Nothing about that", NOW - timedelta(days=2), title="A walk")
    walk = write("A long walk with Robin by the river, walk after walk", NOW)
    write("Robin called, we did not walk", NOW - timedelta(days=1))
    assert ids(capsys, "search", "robin WALK") == [walk.stem, "20261121-100000-journal"]
    assert ids(capsys, "search", "river") == [walk.stem]
    assert ids(capsys, "search", "walk", "--limit", "1") == [walk.stem]
    assert ids(capsys, "search", "walk") == [  # the title counts too
        walk.stem,
        "20261121-100000-journal",
        "20261120-100000-journal",
    ]
    _, out, _ = run(capsys, "search", "river", "--format", "json")
    (row,) = json.loads(out)["reflections"]
    assert row["snippet"] == "A long walk with Robin by the river, walk after walk"
    assert ids(capsys, "search", "nothing-here-at-all") == []


@pytest.mark.parametrize(
    "query", ['"unbalanced', "walk*", "-walk", "walk NEAR robin", "NEAR(", "AND", "walk^", "'n"]
)
def test_search_words_are_words_never_syntax(
    capsys: pytest.CaptureFixture[str], query: str
) -> None:
    write("walk with Robin and a NEAR miss")
    code, out, err = run(capsys, "search", "--format", "json", "--", query)
    assert code == 0, err
    assert isinstance(json.loads(out)["reflections"], list)


def test_words_joined_by_an_underscore_are_two_words_as_the_index_splits_them(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from relational_cli.core.search import scan

    def not_without_the_index(*args: object) -> None:
        raise AssertionError("the index did not answer")

    monkeypatch.setattr(scan, "scan_search", not_without_the_index)
    path = write("a walk_with Robin")
    assert ids(capsys, "search", "walk_with") == [path.stem]
    assert ids(capsys, "search", "with_robin") == [path.stem]


def test_a_match_is_shown_inert_and_marked_without_colour(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("[bold red]loud[/] \x1b[2J words about Robin")
    code, out, _ = run(capsys, "search", "robin")
    assert code == 0
    assert "[bold red]loud[/]" in out and "\\x1b[2J" in out and "\x1b" not in out
    env, shown, _ = plain([])
    main(["search", "robin"], env)
    assert "*Robin*" in shown.getvalue()  # plain mode: the match is marked in words, not style


def test_the_index_follows_hand_edits_deletions_and_files_arriving(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    first = write("about the garden")
    assert ids(capsys, "search", "garden") == [first.stem]
    # Edited by hand: the new words are found, the old ones are not.
    first.write_text(first.read_text().replace("garden", "orchard"))
    assert ids(capsys, "search", "garden") == []
    assert ids(capsys, "search", "orchard") == [first.stem]
    # Arriving by sync from another device.
    other = home / "journal" / "2025" / "03"
    other.mkdir(parents=True)
    arrived = other / "20250301-090000-journal.md"
    arrived.write_text(first.read_text().replace(first.stem, arrived.stem))
    assert set(ids(capsys, "search", "orchard")) == {first.stem, arrived.stem}
    # Deleted by hand.
    first.unlink()
    assert ids(capsys, "search", "orchard") == [arrived.stem]
    assert ids(capsys, "review", "--exercise", "journal") == [arrived.stem]


def test_only_changed_folders_are_compared_and_every_one_once_a_day(
    capsys: pytest.CaptureFixture[str], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 100,000 reflections one look at each file would cost more than the search: above
    `EVERY_FILE`, a month folder that has not changed is trusted, except this month's and
    last month's."""
    from relational_cli.core.search import index

    monkeypatch.setattr(index, "EVERY_FILE", 0)
    old = write("about the garden", datetime(2019, 5, 2, 9, 0, tzinfo=ZONE))
    later = datetime.now(ZONE) + timedelta(minutes=10)  # the folders have settled by then
    with time_machine.travel(later, tick=False):
        recent = write("about the harbour", later)
        assert ids(capsys, "search", "garden") == [old.stem]
        # Edited in place in an old month (nano, VS Code): its folder does not change...
        old.write_text(old.read_text().replace("garden", "orchard"))
        assert ids(capsys, "search", "orchard") == []  # ...so it waits for the daily check
        # In this month, it shows at once.
        recent.write_text(recent.read_text().replace("harbour", "pier"))
        assert ids(capsys, "search", "pier") == [recent.stem]
        # A file arriving in the old folder changes the folder: all of it is compared.
        arrived = old.with_name("20190503-090000-journal.md")
        arrived.write_text(old.read_text().replace(old.stem, arrived.stem))
        assert set(ids(capsys, "search", "orchard")) == {old.stem, arrived.stem}
        old.write_text(old.read_text().replace("orchard", "meadow"))
        assert ids(capsys, "search", "meadow") == []
    with time_machine.travel(later + timedelta(days=1, minutes=1), tick=False):
        assert ids(capsys, "search", "meadow") == [old.stem]  # the daily check
        import shutil

        shutil.rmtree(old.parent.parent)  # a whole year's folder gone
        assert ids(capsys, "search", "orchard") == []
        assert ids(capsys, "review", "--since", "2019-01-01", "--until", "2019-12-31") == []


@pytest.mark.timeout(120)
def test_a_hand_edit_in_place_of_a_two_year_old_reflection_shows_at_the_next_search(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    """At 10,000 reflections (within `EVERY_FILE`) every file is compared at every look: an
    editor that writes in place (nano, VS Code, Obsidian) leaves the folder's time as it was,
    and the edit is still found at once."""
    from relational_cli.core.journal import fileformat as markdown

    old = write("about the garden", NOW - timedelta(days=2 * 365))
    text = markdown.render(
        Reflection("x", "journal", NOW.isoformat(), "t", ("journal",)),
        [Section("entry", "What's on your mind?", "an ordinary day")],
    )
    start = datetime(2025, 1, 1, 8, 0, tzinfo=ZONE)
    for n in range(9_999):  # written directly, as a sync tool would bring them
        when = start + timedelta(hours=n)
        folder = home / "journal" / f"{when:%Y}" / f"{when:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        stem = new_id("journal", when)
        (folder / f"{stem}.md").write_text(text.replace("id: x", f"id: {stem}"))
    later = datetime.now(ZONE) + timedelta(minutes=10)  # the folders have settled by then
    with time_machine.travel(later, tick=False):
        assert ids(capsys, "search", "garden") == [old.stem]
        folder_time = old.parent.stat().st_mtime_ns
        with old.open("r+", encoding="utf-8") as same_file:  # in place: the same inode
            edited = same_file.read().replace("garden", "orchard")
            same_file.seek(0)
            same_file.write(edited)
            same_file.truncate()
        assert old.parent.stat().st_mtime_ns == folder_time
        assert ids(capsys, "search", "orchard") == [old.stem]
        # Again, within the same second and to the same size: the folder's own time and
        # the file's size say nothing; its time (to the nanosecond) does.
        was = old.stat()
        with old.open("r+", encoding="utf-8") as same_file:
            edited = same_file.read().replace("orchard", "pergola")
            same_file.seek(0)
            same_file.write(edited)
        second = was.st_mtime_ns - was.st_mtime_ns % 10**9
        os.utime(old, ns=(second + 1, second + 1))
        assert old.stat().st_size == was.st_size
        assert old.parent.stat().st_mtime_ns == folder_time
        assert ids(capsys, "search", "pergola") == [old.stem]
        assert ids(capsys, "search", "orchard") == []


def test_every_write_through_the_journal_updates_the_index_at_once(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    write("first words")
    ids(capsys, "search", "first")  # the index now exists
    path = write("second words", NOW + timedelta(minutes=1))
    index = Index(journal().storage)
    assert index.search("second", _query()).rows[0].id == path.stem  # no refresh asked
    journal().replace(path, path.read_text().replace("second", "third"))
    assert index.search("third", _query()).rows[0].id == path.stem


def _query() -> object:
    from relational_cli.core.journal.query import Query

    return Query()


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.unlink(),
        lambda path: path.write_bytes(b"not a database at all" * 100),
        lambda path: path.write_bytes(path.read_bytes()[:1000]),
        lambda path: _set_version(path, 99),
    ],
    ids=["deleted", "garbage", "truncated", "newer"],
)
def test_a_missing_damaged_or_newer_index_is_rebuilt_never_a_crash(
    capsys: pytest.CaptureFixture[str], home: Path, damage: object
) -> None:
    path = write("the lighthouse")
    assert ids(capsys, "search", "lighthouse") == [path.stem]
    index_file = home / "cache" / NAME
    damage(index_file)  # type: ignore[operator]
    assert ids(capsys, "search", "lighthouse") == [path.stem]
    assert stat.S_IMODE(index_file.stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "cache").stat().st_mode) == 0o700


def _set_version(path: Path, version: int) -> None:
    import sqlite3

    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {version}")
    db.close()


def test_without_an_index_search_and_review_read_the_files(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(self: Index) -> None:
        raise Unavailable("no FTS5 here")

    monkeypatch.setattr(Index, "connect", unavailable)
    path = write("a walk with Robin")
    write("a swim", NOW - timedelta(days=1), tags=("journal", "water"))
    assert ids(capsys, "search", "ROBIN walk") == [path.stem]
    assert ids(capsys, "search", "rob") == []  # whole words, as FTS5 matches them
    assert ids(capsys, "search", "a") == [path.stem, "20261121-100000-journal"]  # newest first
    assert ids(capsys, "review", "--tag", "water") == ["20261121-100000-journal"]
    code, out, _ = run(capsys, "search", "robin")
    assert code == 0 and "Robin" in out


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(
        st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=12),
        min_size=1,
        max_size=6,
    )
)
def test_any_word_written_is_found_again(
    capsys: pytest.CaptureFixture[str], home: Path, words: list[str]
) -> None:
    import shutil

    shutil.rmtree(home, ignore_errors=True)
    path = write(" ".join(words))
    assert path.stem in ids(capsys, "search", words[-1])


def test_review_filters_by_tag_day_of_the_year_and_relative_days(
    capsys: pytest.CaptureFixture[str],
) -> None:
    today = write("today", NOW, tags=("journal", "calm"))
    year_ago = write("a year ago", NOW.replace(year=2025), tags=("journal",))
    week_ago = write("last week", NOW - timedelta(days=8), tags=("journal", "calm"))
    with time_machine.travel(NOW, tick=False):
        assert ids(capsys, "review", "--tag", "calm") == [today.stem, week_ago.stem]
        assert ids(capsys, "review", "--tag", "calm", "--tag", "journal") == [
            today.stem,
            week_ago.stem,
        ]
        assert ids(capsys, "review", "--on-this-day") == [year_ago.stem]
        assert ids(capsys, "review", "--since", "3 days ago") == [today.stem]
        assert ids(capsys, "review", "--since", "last year", "--until", "last week") == [
            week_ago.stem,
            year_ago.stem,
        ]
        _, _, err = run(capsys, "review", "--on-this-day", "--tag", "nope")
        assert "No reflections match." in err


def test_delete_asks_moves_to_the_trash_and_can_be_undone(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    path = write("keep me safe")
    code, _, err = run(capsys, "delete", path.stem)
    assert code == 1 and "add --yes" in err and path.exists()
    env, out, _ = plain(["1"])  # asked on a terminal: "Keep it"
    assert main(["delete", path.stem], env) == 0
    assert path.exists() and "Move “journal title” to the trash?" in out.getvalue()
    env, _, _ = plain(["2"])
    assert main(["delete", path.stem], env) == 0
    assert not path.exists()
    trashed = home / "trash" / "2026" / "11" / path.name
    assert trashed.read_text().count("keep me safe") == 1
    assert stat.S_IMODE((home / "trash").stat().st_mode) == 0o700
    assert ids(capsys, "search", "safe") == []
    assert ids(capsys, "trash") == [path.stem]
    # Something new took its name meanwhile: the restored one never writes over it.
    path.write_text(trashed.read_text().replace("keep me safe", "other words"))
    code, _, err = run(capsys, "trash", "--restore", path.stem[:8])
    assert code == 0 and "Brought back" in err
    assert {p.name for p in path.parent.iterdir()} == {path.name, path.stem + "-2.md"}
    assert ids(capsys, "search", "safe") == [path.stem + "-2"]
    assert ids(capsys, "trash") == []


def test_the_trash_is_emptied_only_when_asked(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    path = write("gone for good")
    run(capsys, "delete", path.stem, "--yes")
    assert run(capsys, "trash", "--empty")[0] == 1  # no terminal to ask on
    assert ids(capsys, "trash") == [path.stem]
    code, _, err = run(capsys, "trash", "--empty", "--yes")
    assert code == 0 and "Deleted 1 reflection" in err
    assert ids(capsys, "trash") == []
    _, _, err = run(capsys, "trash")
    assert "The trash is empty." in err


def test_a_progress_bar_while_many_reflections_are_indexed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    monkeypatch.setattr("relational_cli.cli.read.PROGRESS_FROM", 2)
    for minute in range(3):
        write(f"entry {minute}", NOW + timedelta(minutes=minute))
    err = io.StringIO()
    env = environment(stderr=err, stderr_isatty=True)
    # Later, as a person searches: files read within a clock tick of being written are
    # read once more at the next search (they may have changed again unseen).
    with time_machine.travel(datetime.now(ZONE) + timedelta(minutes=10), tick=False):
        assert main(["search", "entry"], env) == 0
        assert "Indexing your reflections" in err.getvalue()
        err.truncate(0)
        main(["search", "entry"], environment(stderr=err, stderr_isatty=True))
        assert "Indexing" not in err.getvalue()  # nothing new to read: no bar
    assert os.path.exists(journal().home.cache / NAME)


def test_an_index_another_command_is_writing_is_left_alone(
    capsys: pytest.CaptureFixture[str], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from relational_cli.core.search import index

    monkeypatch.setattr(index, "BUSY_WAIT", 0.05)
    path = write("the harbour")
    assert ids(capsys, "search", "harbour") == [path.stem]
    inode = (home / "cache" / NAME).stat().st_ino
    writer = sqlite3.connect(home / "cache" / NAME)
    writer.execute("BEGIN EXCLUSIVE")  # another window, mid-write
    try:
        index = Index(journal().storage)
        with pytest.raises(Unavailable):
            index.connect()
        assert (home / "cache" / NAME).stat().st_ino == inode  # not deleted under the writer
    finally:
        writer.rollback()
        writer.close()
    assert ids(capsys, "search", "harbour") == [path.stem]


def test_reflections_are_in_the_order_written_whatever_the_time_zone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Written in UTC+14, then three seconds later in UTC−10: the second is the newest
    everywhere, though its clock time (and so its name) is a day earlier."""
    kiribati, hawaii = timezone(timedelta(hours=14)), timezone(timedelta(hours=-10))
    first = datetime(2026, 11, 22, 8, 0, 0, tzinfo=kiribati)
    for days in range(1, 21):  # twenty earlier ones, as the issue found
        write("an earlier walk", first - timedelta(days=days))
    early = write("a walk in Kiribati", first).stem
    late = write("a walk in Hawaii", (first + timedelta(seconds=3)).astimezone(hawaii)).stem
    assert late < early  # by name, the later one looks older
    assert ids(capsys, "review")[:2] == [late, early]  # read from the files
    assert ids(capsys, "review", "--tag", "journal")[:2] == [late, early]  # from the index
    assert ids(capsys, "search", "walk")[:2] == [late, early]
    assert run(capsys, "show", "latest")[1].count("Hawaii") == 1
    _, out, _ = run(capsys, "show", "latest", "--format", "json")
    assert json.loads(out)["reflection"]["created"] == "2026-11-21T08:00:03-10:00"  # local time
    assert run(capsys, "delete", "latest", "--yes")[0] == 0
    assert ids(capsys, "review")[0] == early
    run(capsys, "delete", "latest", "--yes")
    _, out, err = run(capsys, "trash", "--format", "json")
    assert [row["id"] for row in json.loads(out)["reflections"]] == [late, early], err


@pytest.mark.parametrize(
    "command",
    [
        ["review"],
        ["review", "--tag", "journal"],
        ["search", "walk"],
        ["timeline"],
        ["show", "latest"],
        ["export", "--format", "markdown"],
        ["review", "--format", "json"],
    ],
)
def test_a_hand_damaged_reflection_is_named_once_by_every_reading_command(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    write("an earlier walk", NOW - timedelta(days=1))
    damaged = write("a walk", NOW)
    damaged.write_text(damaged.read_text(encoding="utf-8").replace("\n---\n", "\n", 1))
    _, _, err = run(capsys, *command)
    assert err.count(str(damaged)) == 1, err  # named once, by its path, once
    assert "the front matter has no closing ---" in err
    assert f"relational edit {damaged.stem} opens it to mend" in err


def test_edit_with_no_change_says_what_is_still_wrong(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = write("a walk", NOW)
    damaged.write_text(damaged.read_text(encoding="utf-8").replace("\n---\n", "\n", 1))
    monkeypatch.setenv("EDITOR", "true")  # opened and closed, nothing changed
    code, _, err = run(capsys, "edit", damaged.stem)
    assert code == 1
    assert err == (
        f"relational: no changes, and {damaged} still cannot be read: the front matter has"
        f" no closing ---. relational edit {damaged.stem} opens it again\n"
    )
