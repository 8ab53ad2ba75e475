"""Every id and name the program prints keeps working, whatever happens to the file names:
locking renames every file (its names say nothing), unlocking for good renames them again,
and a reflection's id never changes. A person following what they were told — `show ID`,
`edit ID`, `trash --restore ID`, `recover NAME` — is never told "no reflection with id"."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from conftest import WHEN, drafts, run_cli, save, seal_cheaply

from relational_cli.core.home import Home
from relational_cli.core.journal import fileformat, recovery
from relational_cli.core.journal.storage import Storage
from relational_cli.core.lock.keys import Keys

PASSPHRASE = "correct horse battery"


@pytest.fixture(scope="module")
def lock_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A lock made once and sealed cheaply (as `lock --setup` leaves it when stopped after
    making the key: run again, it opens that key and locks every file)."""
    folder = tmp_path_factory.mktemp("keys") / "home"
    identity = Keys(Home(folder)).set_up(PASSPHRASE)
    seal_cheaply(folder / "lock", identity, PASSPHRASE)
    return folder / "lock"


def told(err: str, pattern: str) -> str:
    """What the program told the person to type, found in what it said."""
    found = re.search(pattern, " ".join(err.split()))
    assert found, err
    return found.group(1)


def kept_names(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """`relational drafts`: what each kept file is, by the name `recover` takes."""
    code, out, err = run_cli(capsys, "drafts")
    assert code == 0, err
    rows = [re.split(r"\s{2,}", line) for line in out.splitlines() if line.startswith("kept-")]
    return {row[1]: row[0] for row in rows}


def test_every_printed_id_and_name_works_across_lock_and_unlock(
    home: Path, lock_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("RELATIONAL_KEYRING", "none")
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys\ntext = open(sys.argv[1], encoding='utf-8').read()\n"
        "open(sys.argv[1], 'w', encoding='utf-8').write(text.replace('first', 'edited'))\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {editor}")
    monkeypatch.delenv("VISUAL", raising=False)

    # A plain journal: three reflections, one deleted, one kept in the recovery folder.
    first, _ = save("values", WHEN, "first words")
    save("weekly-step", WHEN.replace(hour=22), "second words")
    third, _ = save("repair", WHEN.replace(hour=23), "third words")
    code, _, err = run_cli(capsys, "delete", "20261121-22", "--yes")
    assert code == 0, err
    restore_second = told(err, r"relational trash --restore (\S+)")
    lost = fileformat.Reflection(
        "20261120-080000-journal", "journal", "2026-11-20T08:00:00+01:00", "Lost", ()
    )
    text = fileformat.render(lost, [fileformat.Section("entry", "Entry", "kept words")])
    assert recovery.keep(Storage(Home(home)), text) is not None
    recover_lost = kept_names(capsys)["reflection 20261120-080000-journal (journal)"]

    shutil.copytree(lock_folder, home / "lock")
    code, _, err = run_cli(capsys, "lock", "--setup")
    assert code == 0, err
    assert not [p for p in home.rglob("*") if "values" in p.name or "repair" in p.name]

    # Locked: what was printed before works; what is printed now is noted.
    for command in (["show", first.id], ["recover", recover_lost]):
        code, _, err = run_cli(capsys, *command)
        assert code == 0, (command, err)
    with monkeypatch.context() as older:  # a Python whose sqlite keeps no locked index
        older.setattr("relational_cli.core.journal.storage.can_deserialize", lambda: False)
        code, _, err = run_cli(capsys, "show", first.id)
        assert code == 0 and err.count("this may take a moment") == 1, err
    code, _, err = run_cli(capsys, "edit", first.id)
    assert code == 0 and f"Saved your changes to {first.id}." in err, err
    code, out, _ = run_cli(capsys, "show", first.id, "--format", "json")
    assert code == 0 and "edited words" in out and f'"{first.id}"' in out
    code, _, err = run_cli(capsys, "delete", third.id, "--yes")
    assert code == 0, err
    restore_third = told(err, r"relational trash --restore (\S+)")
    assert restore_third == third.id
    drafts().save("boundaries", 2, WHEN.isoformat(), {"q": "a draft"}, session="aaaaaa")
    drafts().save("boundaries", 2, WHEN.isoformat(), {"q": "another"}, session="bbbbbb")
    assert kept_names(capsys) == {}  # (a locked journal keeps one draft a sitting)
    code, out, err = run_cli(capsys, "drafts")
    assert out.count("boundaries") == 2, out

    code, _, err = run_cli(capsys, "unlock", "--permanently", "--yes")
    assert code == 0, err
    assert not [p for p in home.rglob("*.age") if p.parent.name != "lock"]

    # Plain again: every id printed, plain or locked, still works.
    for command in (
        ["trash", "--restore", restore_second],
        ["trash", "--restore", restore_third],
        ["show", first.id],
        ["show", "20261120-080000-journal"],
        ["show", restore_second],
        ["show", restore_third],
    ):
        code, _, err = run_cli(capsys, *command)
        assert code == 0, (command, err)
    kept = kept_names(capsys)
    assert list(kept) == ["paused draft of boundaries"]  # the older sitting's, kept whole
    code, _, err = run_cli(capsys, "recover", kept["paused draft of boundaries"])
    assert code == 1 and "a paused “boundaries” is waiting" in err


def test_a_kept_name_given_while_plain_works_once_locked(
    home: Path, lock_folder: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """A file kept under a name an older version gave (`draft-weekly-step.json`) is found
    by that name after locking renamed it."""
    monkeypatch.setenv("RELATIONAL_KEYRING", "none")
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    (home / "recovery").mkdir(parents=True)
    draft = {"exercise": "weekly-step", "started": WHEN.isoformat(), "answers": {"wish": "x"}}
    (home / "recovery" / "draft-weekly-step.json").write_text(json.dumps(draft))
    shutil.copytree(lock_folder, home / "lock")
    assert run_cli(capsys, "lock", "--setup")[0] == 0
    assert not (home / "recovery" / "draft-weekly-step.json").exists()
    code, _, err = run_cli(capsys, "recover", "draft-weekly-step.json")
    assert code == 0 and "paused draft of weekly-step" in err, err


def test_how_a_weekly_step_went_is_still_said_once_locking_renamed_the_files(
    home: Path, lock_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """`review --format json` says how each weekly step went, as the step after it said; the
    steps were written plain, and locking gave their files names that say nothing of them."""
    import time_machine

    monkeypatch.setenv("RELATIONAL_KEYRING", "none")
    monkeypatch.setenv("RELATIONAL_PASSPHRASE_COMMAND", f"echo {PASSPHRASE}")
    steps = {20: "wish: Call Sam\n", 27: "last_step: Done\nwish: Walk\n"}
    for day, text in steps.items():
        given = tmp_path / f"{day}.yaml"
        given.write_text(text, encoding="utf-8")
        with time_machine.travel(WHEN.replace(day=day), tick=False):
            code, _, err = run_cli(capsys, "reflect", "weekly-step", "--answers", str(given))
            assert code == 0, err

    def went(*asked: str) -> list[str | None]:
        code, out, err = run_cli(capsys, *asked, "--format", "json")
        assert code == 0, err
        return [row["outcome"] for row in json.loads(out)["reflections"]]

    assert went("review") == [None, "Done"]
    shutil.copytree(lock_folder, home / "lock")
    assert run_cli(capsys, "lock", "--setup")[0] == 0
    assert not [p for p in home.rglob("*") if "weekly-step" in p.name]
    assert went("review") == [None, "Done"]
    assert went("review", "--limit", "1", "--since", "2026-11-01") == [None]
    assert went("search", "Sam") == ["Done"]
