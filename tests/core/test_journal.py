"""The journal folder: private, never-overwriting saves, listing, lookups and drafts."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import WHEN, drafts, journal, mode, save
from hypothesis import given
from hypothesis import strategies as st

from relational_cli.core.errors import UserError
from relational_cli.core.journal.fileformat import Reflection, Section
from relational_cli.core.journal.journal import new_id


def test_files_are_named_by_time_and_exercise_in_year_and_month_folders(home: Path) -> None:
    saved, path = save()
    assert saved.id == "20261121-210755-values"
    assert path == home / "journal" / "2026" / "11" / "20261121-210755-values.md"


def test_everything_is_private_whatever_the_umask(home: Path) -> None:
    old = os.umask(0)
    try:
        _, path = save()
        drafts().save("values", 1, "2026-11-21T21:00:00+00:00", {"q": "draft text"})
    finally:
        os.umask(old)
    assert mode(path) == 0o600
    assert mode(drafts().path("values")) == 0o600
    for folder in (home, home / "journal", home / "journal" / "2026", path.parent, home / "drafts"):
        assert mode(folder) == 0o700, folder


def test_a_second_save_in_the_same_second_never_overwrites_the_first() -> None:
    first, first_path = save(answer="first")
    second, second_path = save(answer="second")
    assert second.id == f"{first.id}-2"
    assert journal().load(first_path).answer_map() == {"q": "first"}
    assert journal().load(second_path).answer_map() == {"q": "second"}


def test_no_temp_files_are_left_behind(home: Path) -> None:
    _, path = save()
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_reflections_list_newest_first() -> None:
    save("values", WHEN)
    save("weekly-step", WHEN + timedelta(days=40))
    save("self-care-plan", WHEN - timedelta(days=400))
    assert [s.exercise for s in journal().summaries()] == [
        "weekly-step",
        "values",
        "self-care-plan",
    ]


def test_an_unreadable_file_is_skipped_with_a_warning_and_left_alone(home: Path) -> None:
    save()
    bad = home / "journal" / "2026" / "11" / "20261122-000000-notes.md"
    bad.write_bytes(b"\xff\xfe not text")
    hand = home / "journal" / "2026" / "11" / "my notes.md"  # not relational's: no warning
    hand.write_text("just some notes I wrote\n")
    warned: list[Path] = []
    found = list(journal().summaries(warn=lambda path, exc: warned.append(path)))
    assert [s.id for s in found] == ["20261121-210755-values"]
    assert warned == [bad]
    assert hand.read_text() == "just some notes I wrote\n"
    assert bad.read_bytes() == b"\xff\xfe not text"


def test_latest_an_id_or_the_unique_start_of_one_find_a_reflection() -> None:
    _, older = save("values", WHEN)
    _, newer = save("weekly-step", WHEN + timedelta(days=1))
    assert journal().resolve("latest") == newer
    assert journal().resolve("20261121-210755-values") == older
    assert journal().resolve("20261122") == newer
    with pytest.raises(UserError, match="matches 2 reflections"):
        journal().resolve("2026112")


@pytest.mark.parametrize(
    "reference",
    ["../../etc/passwd", "/etc/passwd", "20261121-210755-values/../x", "x\0y", "values"],
)
def test_ids_cannot_reach_outside_the_journal(reference: str) -> None:
    save()
    with pytest.raises(UserError, match="is not a reflection id"):
        journal().resolve(reference)


def test_an_unknown_id_and_an_empty_journal_say_so() -> None:
    with pytest.raises(UserError, match="no reflections yet"):
        journal().resolve("latest")
    with pytest.raises(UserError, match="no reflection with id '20991231'"):
        journal().resolve("20991231")


def test_a_draft_keeps_answers_and_skips_until_discarded() -> None:
    drafts().save("weekly-step", 2, "2026-11-21T21:00:00+00:00", {"wish": "call Sam", "who": None})
    draft = drafts().load("weekly-step")
    assert draft is not None
    assert draft.answers == {"wish": "call Sam", "who": None}
    assert draft.pack_version == 2
    assert [d.exercise for d in drafts().all()[0]] == ["weekly-step"]
    drafts().discard("weekly-step", draft.session)
    assert drafts().load("weekly-step") is None


def test_a_draft_never_replaces_or_removes_another_sessions_draft(home: Path) -> None:
    started = "2026-11-21T21:00:00+00:00"
    assert drafts().save("values", 1, started, {"a": "first window"}, session="one") is None
    kept = drafts().save("values", 1, started, {"a": "second window"}, session="two")
    assert kept is not None and kept.parent == home / "recovery"
    assert json.loads(kept.read_text())["answers"] == {"a": "first window"}
    drafts().discard("values", "one")  # not its draft any more: left alone
    draft = drafts().load("values")
    assert draft is not None and draft.answers == {"a": "second window"}
    assert draft.session == "two"

    # The kept draft comes back once the exercise has no draft of its own.
    with pytest.raises(UserError, match="a paused “values” is waiting"):
        drafts().bring_back(kept)
    drafts().discard("values", "two")
    assert drafts().bring_back(kept) == "values"
    draft = drafts().load("values")
    assert draft is not None and draft.answers == {"a": "first window"}
    assert not kept.exists()


def test_an_exercise_open_in_one_window_is_held_until_it_ends(home: Path) -> None:
    import subprocess
    import sys

    from relational_cli.core.journal.drafts import InUse

    lock = home / "drafts" / "values.lock"
    with drafts().claim("values", "2026-11-21T21:00:00+00:00"):
        assert oct(lock.stat().st_mode & 0o777) == "0o600"
        # Another process (a second window) finds it held, and by whom.
        other = subprocess.run(
            [sys.executable, "-c", _CLAIM, str(home)], capture_output=True, text=True
        )
        assert other.stdout.strip() == "in use since 2026-11-21T21:00:00+00:00"
    assert not lock.exists()

    # A window that ended without letting go (killed) holds nothing.
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], text=True, capture_output=True
    )
    held = {"pid": int(dead.stdout), "host": os.uname().nodename, "since": "2026-11-20T09:00"}
    lock.write_text(json.dumps(held))
    with drafts().claim("values", "2026-11-21T22:00:00+00:00"):
        assert json.loads(lock.read_text())["pid"] == os.getpid()

    # One on another computer (a synced folder) cannot be checked: it is held, unless taken over.
    lock.write_text(json.dumps({**held, "host": "elsewhere", "pid": 1}))
    with pytest.raises(InUse), drafts().claim("values", "2026-11-21T22:00:00+00:00"):
        pass
    with drafts().claim("values", "2026-11-21T22:00:00+00:00", take_over=True):
        assert json.loads(lock.read_text())["host"] == os.uname().nodename


_CLAIM = """
import sys
from relational_cli.core.journal.drafts import Drafts, InUse
from relational_cli.core.home import Home
try:
    with Drafts(Home(__import__("pathlib").Path(sys.argv[1]))).claim("values", "now"):
        print("claimed")
except InUse as held:
    print("in use since", held.holder.since)
"""


def test_a_damaged_draft_is_reported_not_silently_dropped(home: Path) -> None:
    drafts().save("values", 1, "", {})
    drafts().path("values").write_text("{not json")
    with pytest.raises(UserError, match="the paused draft cannot be used: it cannot be read"):
        drafts().load("values")
    found, damaged = drafts().all()
    assert found == [] and [d.exercise for d in damaged] == ["values"]


def test_saves_in_the_same_second_list_in_the_order_they_were_made() -> None:
    first, _ = save(answer="first")
    second, _ = save(answer="second")
    third, _ = save(answer="third")
    assert [s.id for s in journal().summaries()] == [third.id, second.id, first.id]
    assert journal().resolve("latest").stem == third.id


def test_the_last_of_an_exercise_is_only_ever_that_exercise() -> None:
    """{last:…} placeholders read the newest reflection of the same exercise only: not one
    whose id merely starts the same, nor a file whose front matter names another."""
    older, _ = save("weekly-step", WHEN, "mine")
    save("weekly-step-2", WHEN + timedelta(days=1), "another pack's")
    impostor = Reflection(
        new_id("weekly-step", WHEN + timedelta(days=2)), "values", WHEN.isoformat(), "T"
    )
    journal().save(impostor, [Section("q", "Question?", "not a weekly step")])
    latest = journal().latest_of("weekly-step")
    assert latest is not None and latest.id == older.id
    assert latest.answer_map() == {"q": "mine"}
    assert journal().latest_of("self-care-plan") is None


def test_a_recovered_reflection_comes_back_never_over_another(home: Path) -> None:
    saved, path = save("values", WHEN, "the words in the journal")
    other = path.read_text().replace("the words in the journal", "other words, kept aside")
    back, where, already = journal().restore(other, "recovery/x.md")
    assert (back.id, already) == (f"{saved.id}-2", False)
    assert journal().load(path).answer_map() == {"q": "the words in the journal"}
    assert journal().load(where).answer_map() == {"q": "other words, kept aside"}
    assert journal().load(where).id == f"{saved.id}-2"
    same, where, already = journal().restore(path.read_text(), "recovery/y.md")
    assert (same.id, where, already) == (saved.id, path, True)


@given(
    st.lists(
        st.tuples(st.integers(0, 10 * 24 * 3600), st.integers(-12 * 4, 14 * 4)),
        max_size=30,
        unique_by=lambda moment: moment[0],
    )
)
def test_reflections_walked_by_name_come_out_in_the_order_written(
    moments: list[tuple[int, int]],
) -> None:
    """Any moments, in any zone from UTC−12 to UTC+14 (in quarter hours): walked newest name
    first, as the journal's files are, they come out newest moment first."""
    from relational_cli.core.journal.summary import Summary, in_order_written

    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    summaries = []
    for seconds, quarters in moments:
        when = (start + timedelta(seconds=seconds)).astimezone(
            timezone(quarters * timedelta(minutes=15))
        )
        name = f"{when:%Y%m%d-%H%M%S}-journal"
        summaries.append(Summary(name, "journal", when.isoformat(), "", (), Path(name + ".md")))
    walked = sorted(summaries, key=lambda summary: summary.path.name, reverse=True)
    assert [s.instant for s in in_order_written(walked)] == sorted(
        (s.instant for s in summaries), reverse=True
    )
