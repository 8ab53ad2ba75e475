"""Lines that keep words, and the paths through a pack, safe, each with a test of its own: a
sample of mutations (issue 33) found these could be lost with no test noticing. Each test is
named in `scripts/mutations.py` beside the line it guards."""

from __future__ import annotations

import errno
import json
import os
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import time_machine
from conftest import Terminal, drafts, journal, library, plain, reflect, write_pack
from conftest import run_cli as run

from relational_cli.cli import main
from relational_cli.core.exercise import conditions, session
from relational_cli.core.journal.fileformat import Reflection, Section
from relational_cli.core.journal.journal import new_id

T = Terminal


# Drafts: one window's, never another's; a keep that failed is tried again at the pause.


def test_one_window_never_removes_the_draft_another_window_kept() -> None:
    kept = drafts()
    kept.save("weekly-step", 1, "2026-12-05T10:00:00+00:00", {"wish": "Ring Dad"}, session="aaa")
    kept.discard("weekly-step", "bbb")  # the other window ends with nothing to keep
    [draft], damaged = kept.all()
    assert draft.answers == {"wish": "Ring Dad"} and not damaged
    kept.discard("weekly-step", "aaa")
    assert kept.all() == ([], [])


def test_a_pause_keeps_the_draft_a_failed_keep_could_not(
    in_terminal: Terminal, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The disk was full for a moment at the first answer; at the pause, with nothing typed
    since, the draft is tried again, and kept."""
    from relational_cli.core.journal.drafts import Drafts

    real = Drafts.save
    calls = []

    def full_once(self: Drafts, *args: Any, **kwargs: Any) -> Path | None:
        calls.append(args)
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Drafts, "save", full_once)
    in_terminal.type("Ring Dad", T.ENTER, T.CTRL_C)
    assert reflect("weekly-step") == 130
    assert "Could not keep a draft" in capsys.readouterr().err
    [draft], _ = drafts().all()
    assert draft.answers["wish"] == "Ring Dad"


MISSHAPEN = [
    {"exercise": "weekly-step", "answers": {"wish": "a"}, "pack_version": "2"},
    {"exercise": "weekly-step", "answers": {"wish": "a"}, "pack_version": None},
    {"exercise": "weekly-step", "answers": {"wish": "a"}, "pack_version": True},
    {"exercise": "weekly-step", "answers": {"wish": "a"}, "started": 5},
    {"exercise": "weekly-step", "answers": {"wish": "a"}, "session": ["a"]},
    {"exercise": "weekly-step", "answers": ["wish", "a"]},
    {"exercise": "weekly-step", "answers": {}, "unsent": [1]},
    {"exercise": "weekly-step", "answers": {}, "unsent": {"wish": 3}},
    {"exercise": "weekly-step", "answers": {}, "unsent": {"values": {"piles": 5}}},
    {"exercise": "weekly-step", "answers": {}, "unsent": {"values": {"piles": {"x": [1]}}}},
    {"exercise": "weekly-step"},
]


@pytest.mark.parametrize("document", MISSHAPEN, ids=lambda d: json.dumps(d)[-40:])
def test_a_draft_of_another_shape_is_named_and_set_aside_never_an_error(
    capsys: pytest.CaptureFixture[str], home: Path, document: dict[str, Any]
) -> None:
    folder = home / "drafts"
    folder.mkdir(parents=True)
    (folder / "weekly-step.json").write_text(json.dumps(document))
    code, out, err = run(capsys, "drafts")
    assert code == 0 and "unexpected" not in err
    assert "damaged" in out
    env, out_stream, err_stream = plain(["1"])  # set it aside, then leave
    main(["reflect", "weekly-step"], env)
    said = out_stream.getvalue() + err_stream.getvalue()
    assert "cannot be picked up: it is not in the shape of a draft" in said
    assert "Set aside, whole, in" in said and "unexpected" not in said
    [kept] = list((home / "recovery").iterdir())
    assert json.loads(kept.read_text()) == document  # set aside word for word


def test_a_draft_that_still_has_its_shape_is_read(home: Path) -> None:
    """The check refuses only what is not a draft: one written before `unsent` and `session`
    were kept, or with a card sort's piles alone, reads as ever."""
    folder = home / "drafts"
    folder.mkdir(parents=True)
    (folder / "values.json").write_text(
        json.dumps({"answers": {}, "unsent": {"cards": {"Very important": ["Honesty"]}}})
    )
    [draft], damaged = drafts().all()
    assert draft.cards_sorted == 1 and not damaged


def test_a_backup_with_a_misshapen_draft_is_refused_before_anything_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    from conftest import save

    save()
    drafts().save("weekly-step", 1, "2026-12-05T10:00:00+00:00", {"wish": "x"}, session="a")
    backup = tmp_path / "backup.json"
    assert run(capsys, "export", "--format", "json", "--drafts", "--output", str(backup))[0] == 0
    data = json.loads(backup.read_text())
    data["draft_files"][0]["text"] = json.dumps({"answers": {}, "unsent": {"wish": 3}})
    backup.write_text(json.dumps(data))
    shutil.rmtree(home)
    code, _, err = run(capsys, "import", "backup", str(backup))
    assert code == 1 and "not in the shape of a draft" in err and len(err.splitlines()) == 1
    assert not list(journal().files())


# Paths through a pack: closing words, and conditions that name what the prompt can give.

TWO_WAYS = """\
id: two-ways
title: Two ways
version: 1
summary: A test of paths.
prompts:
  - id: way
    type: choice
    text: Which way?
    choices: [Talk, Wait]
  - id: safe
    type: choice
    text: Would talking be safe?
    choices: ["Yes", "No"]
    when: {way: [Talk]}
  - id: sure
    type: confirm
    text: Are you sure?
  - id: level
    type: scale
    text: How much?
outros:
  - when: {safe: ["No"]}
    text: Your safety comes first.
outro: Thank you for taking the time.
"""


def test_closing_words_follow_only_the_answers_still_shown(home: Path) -> None:
    """Chose Talk, said talking is not safe, then changed the way to Wait at the look-over:
    the safety answer is no longer shown, nor kept, so its closing words are not said."""
    write_pack(home, "two-ways", TWO_WAYS)
    pack = library().load("two-ways")
    assert session.closing(pack, {"way": "Talk", "safe": "No"})[0] == "Your safety comes first."
    assert (
        session.closing(pack, {"way": "Wait", "safe": "No"})[0] == "Thank you for taking the time."
    )


def test_a_yes_no_condition_is_never_met_by_a_number() -> None:
    """In Python 1 == True: a condition on a yes/no answer must not be met by a scale's 1,
    nor a scale's 1 by a yes."""
    assert conditions.matches([("sure", (True,))], {"sure": True})
    assert not conditions.matches([("sure", (True,))], {"sure": 1})
    assert not conditions.matches([("level", (1,))], {"level": True})
    assert not conditions.matches([("sure", (False,))], {"sure": 0})


@pytest.mark.parametrize(
    ("condition", "said"),
    [
        ('when: {safe: ["no"]}', "'no' is not an answer 'safe' can give (it can be: Yes, No)"),
        ("when: {safe: [no]}", "False is not an answer 'safe' can give (it can be: Yes, No)"),
        ('when: {safe: ["Not Sure"]}', "'Not Sure' is not an answer 'safe' can give"),
        (
            'unless: {sure: ["yes"]}',
            "'yes' is not an answer 'sure' can give (it can be: true, false)",
        ),
        ("when: {level: [9]}", "9 is not an answer 'level' can give (it can be: 1 to 5)"),
        ("when: {level: [true]}", "True is not an answer 'level' can give"),
    ],
)
def test_validate_names_a_condition_no_answer_can_meet(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, condition: str, said: str
) -> None:
    """`when: {safe: [no]}` looks right and never matches ("No" is what is kept): in a pack
    of one's own it would hide a safety note for good. `packs validate` names it, its line
    and the answers it could be."""
    head, _, tail = TWO_WAYS.partition("outros:")
    note = f"  - id: after\n    type: note\n    text: Take care.\n    {condition}\n"
    pack = tmp_path / "two-ways.yaml"
    pack.write_text(head + note + "outros:" + tail)
    code, out, err = run(capsys, "packs", "validate", str(pack))
    assert code == 1
    assert "two-ways.yaml:24:" in out + err and f"prompts[4].{condition.split(':')[0]}" in out + err
    assert said in out + err


def test_an_outro_condition_is_checked_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pack = tmp_path / "two-ways.yaml"
    pack.write_text(TWO_WAYS.replace('{safe: ["No"]}', '{safe: ["Nope"]}'))
    code, out, err = run(capsys, "packs", "validate", str(pack))
    assert code == 1 and "'Nope' is not an answer 'safe' can give (it can be: Yes, No)" in out + err


# The plan: who it is shared with, only when sharing was said.


def test_the_plan_names_who_it_is_shared_with_only_when_sharing_is_yes() -> None:
    """A plan edited by hand to say No to sharing, with a name still under "who": the name
    is not printed in a plan that may be seen at home."""
    from relational_cli.core.documents import plan as document

    when = datetime(2026, 12, 5, 10, 0, tzinfo=timezone.utc)

    def plan_with(share: bool) -> str:
        reflection = Reflection(
            id=new_id("self-care-plan", when),
            exercise="self-care-plan",
            created=when.isoformat(),
            title="My self-care plan",
        )
        sections = [
            Section("share", "Would you like to share it?", share),
            Section("share_with", "Who?", "Ana"),
            Section("contacts", "Who can you reach?", "Sam"),
        ]
        _, path = journal().save(reflection, sections)
        return document.markdown(journal().load(path), None, "GB")

    assert "I'd like to share this plan with: Ana." in plan_with(True)
    assert "Ana" not in plan_with(False)


# The index: a folder changed within the clock's tick is looked at again.


def test_a_folder_changed_within_a_tick_is_compared_again_next_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file can arrive in a folder within the same tick as the change the index saw, the
    folder's time unchanged: such a folder is not recorded as settled (git's racily clean
    files), so the file shows at the next search."""
    from relational_cli.core.search import index

    monkeypatch.setattr(index, "EVERY_FILE", 0)  # only changed folders are compared
    zone = timezone(timedelta(hours=1))
    old = _journal_entry("about the garden", datetime(2019, 5, 2, 9, 0, tzinfo=zone))
    arriving = _journal_entry("the garden again", datetime(2019, 5, 3, 9, 0, tzinfo=zone))
    aside = tmp_path / arriving.name
    os.rename(arriving, aside)
    folder = old.parent
    changed = folder.stat().st_mtime_ns
    long_ago = changed - 3600 * 10**9
    os.utime(old, ns=(long_ago, long_ago))  # the file itself settled: only the folder is new
    with time_machine.travel(datetime.fromtimestamp(changed / 1e9, timezone.utc), tick=False):
        assert _found(capsys, "garden") == [old.stem]  # the folder changed this very tick
    os.rename(aside, arriving)  # by sync, in the same tick: the folder's time stays
    os.utime(folder, ns=(changed, changed))
    later = datetime.fromtimestamp(changed / 1e9 + 600, timezone.utc)
    with time_machine.travel(later, tick=False):
        assert sorted(_found(capsys, "garden")) == sorted([old.stem, arriving.stem])


def test_a_file_read_within_a_tick_of_its_change_is_read_again_next_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A file can be written again within the same clock tick as the index read it, with the
    same size: its time and size then say nothing changed. Such a file is read again at the
    next search (and its folder, though unchanged itself, compared file by file)."""
    zone = timezone(timedelta(hours=1))
    entry = _journal_entry("about the garden", datetime(2019, 5, 2, 9, 0, tzinfo=zone))
    folder = entry.parent
    long_ago = folder.stat().st_mtime_ns - 3600 * 10**9
    os.utime(folder, ns=(long_ago, long_ago))  # the folder settled: only the file is new
    written = entry.stat().st_mtime_ns
    with time_machine.travel(datetime.fromtimestamp(written / 1e9, timezone.utc), tick=False):
        assert _found(capsys, "garden") == [entry.stem]  # read the very tick it was written
    entry.write_text(entry.read_text().replace("garden", "meadow"))  # in place, same size
    os.utime(entry, ns=(written, written))  # ...within the same tick: the same time
    assert folder.stat().st_mtime_ns == long_ago
    later = datetime.fromtimestamp(written / 1e9 + 600, timezone.utc)
    with time_machine.travel(later, tick=False):
        assert _found(capsys, "meadow") == [entry.stem]
        assert _found(capsys, "garden") == []


def _journal_entry(answer: str, when: datetime) -> Path:
    reflection = Reflection(
        id=new_id("journal", when),
        exercise="journal",
        created=when.isoformat(timespec="seconds"),
        title="journal title",
        tags=("journal",),
    )
    return journal().save(reflection, [Section("entry", "What's on your mind?", answer)])[1]


def _found(capsys: pytest.CaptureFixture[str], word: str) -> list[str]:
    code, out, err = run(capsys, "search", word, "--format", "json")
    assert code == 0, err
    return [row["id"] for row in json.loads(out)["reflections"]]
