"""Drafts (core/journal/drafts.py): a draft that cannot be read is set aside whole, never
written over."""

from __future__ import annotations

from pathlib import Path

from conftest import drafts


def test_a_damaged_draft_is_never_written_over_by_a_new_one(home: Path) -> None:
    """The guard in `Drafts.save`: a draft file that does not read (a hand edit, a disk error)
    is moved whole into the recovery folder before a new draft takes its place."""
    folder = home / "drafts"
    folder.mkdir(parents=True)
    damaged = folder / "values.json"
    damaged.write_text('{"answers": {"meaning": "half of what I wrote', encoding="utf-8")
    moved = drafts().save("values", 2, "2026-11-21T21:07:55+00:00", {"noticing": "x"}, session="s")
    assert moved is not None and moved.parent == home / "recovery"
    assert moved.read_text(encoding="utf-8") == '{"answers": {"meaning": "half of what I wrote'
    draft = drafts().load("values")
    assert draft is not None and draft.answers == {"noticing": "x"}


def test_another_windows_draft_is_kept_whole_when_this_one_saves(home: Path) -> None:
    drafts().save("values", 2, "2026-11-21T21:07:55+00:00", {"noticing": "theirs"}, session="a")
    moved = drafts().save(
        "values", 2, "2026-11-21T21:08:00+00:00", {"noticing": "mine"}, session="b"
    )
    assert moved is not None and '"theirs"' in moved.read_text(encoding="utf-8")
    again = drafts().save(
        "values", 2, "2026-11-21T21:08:00+00:00", {"noticing": "mine, more"}, session="b"
    )
    assert again is None  # its own draft: replaced, nothing set aside
