"""Drafts: the answers of an exercise in progress, kept after every answer and on a pause.

One JSON file per exercise in `drafts/`. Drafts are not reflections: they never go through
the `Journal` (nor, later, its index).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relational_cli.core import atomic
from relational_cli.core.errors import UserError
from relational_cli.core.home import Home


@dataclass(frozen=True)
class Draft:
    exercise: str
    pack_version: int
    started: str
    answers: dict[str, Any]
    path: Path
    unsent: dict[str, Any] = dataclasses.field(default_factory=dict)
    """What was given to a question but not yet sent when the exercise was paused: typed
    text, or a card sort so far."""

    @property
    def answered(self) -> int:
        return sum(1 for value in self.answers.values() if value is not None)

    @property
    def cards_sorted(self) -> int:
        """Cards put on piles in a card sort that was paused before it was finished."""
        count = 0
        for value in self.unsent.values():
            piles = value.get("piles", value) if isinstance(value, dict) else {}
            count += sum(len(pile) for pile in piles.values() if isinstance(pile, list))
        return count


class DamagedDraft(UserError):
    """A draft file that cannot be read: it blocks nothing, and is set aside, never deleted."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: the paused draft cannot be used: {problem}")
        self.path = path
        self.exercise = path.stem
        self.problem = problem


class Drafts:
    """The drafts folder of one home."""

    def __init__(self, home: Home) -> None:
        self.home = home

    def path(self, exercise: str) -> Path:
        return self.home.drafts / f"{exercise}.json"

    def save(
        self,
        exercise: str,
        pack_version: int,
        started: str,
        answers: dict[str, Any],
        unsent: dict[str, Any] | None = None,
    ) -> None:
        folder = self.home.ensure(self.home.drafts)
        document = {
            "exercise": exercise,
            "pack_version": pack_version,
            "started": started,
            "answers": answers,
            "unsent": unsent or {},
        }
        text = json.dumps(document, ensure_ascii=False, indent=2)
        atomic.replace(folder / f"{exercise}.json", text)

    def load(self, exercise: str) -> Draft | None:
        path = self.path(exercise)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise DamagedDraft(path, f"it cannot be read ({exc})") from None
        if not isinstance(document, dict) or not isinstance(document.get("answers"), dict):
            raise DamagedDraft(path, "it is not in the shape of a draft")
        return Draft(
            exercise=exercise,
            pack_version=int(document.get("pack_version", 1)),
            started=str(document.get("started", "")),
            answers=document["answers"],
            path=path,
            unsent={
                str(key): text
                for key, text in (document.get("unsent") or {}).items()
                if isinstance(text, (str, dict))
            },
        )

    def all(self) -> tuple[list[Draft], list[DamagedDraft]]:
        """Every draft, and every draft file that cannot be read."""
        found: list[Draft] = []
        damaged: list[DamagedDraft] = []
        folder = self.home.drafts
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                draft = self.load(path.stem)
            except DamagedDraft as exc:
                damaged.append(exc)
                continue
            if draft:
                found.append(draft)
        return found, damaged

    def set_aside(self, damaged: DamagedDraft) -> Path:
        """Move a damaged draft into the recovery folder (never deleted); where it went."""
        from relational_cli.core import recovery

        return recovery.move_in(self.home, damaged.path, f"draft-{damaged.path.name}")

    def discard(self, exercise: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(exercise).unlink()
