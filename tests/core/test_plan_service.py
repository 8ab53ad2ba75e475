"""`relational plan` is one core service (`plan_file.make`): usable from Python with no
terminal, choosing between the plan there is and a new one through the terminal it is handed,
and writing or showing the document."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from conftest import journal

from relational_cli.core.documents import plan_file
from relational_cli.core.errors import UserError
from relational_cli.core.exercise.flow import Outcome
from relational_cli.core.exercise.saving import Saved
from relational_cli.core.journal.fileformat import Reflection
from relational_cli.core.journal.journal import Journal
from relational_cli.core.packs.model import Pack

NOW = datetime(2026, 11, 21, 18, 30, tzinfo=timezone.utc)


def answered(tmp_path: Path, words: str = "A walk by the river") -> plan_file.FromFile:
    answers = tmp_path / "plan.yaml"
    answers.write_text(f"hard_times: {words}\n", encoding="utf-8")
    return plan_file.FromFile(str(answers), None, NOW)


class Terminal:
    """A person at a terminal who keeps the plan there is, or not, and would answer so."""

    def __init__(self, keep: bool) -> None:
        self.kept = keep
        self.asked: list[str] = []

    def keep(self, plan: Reflection) -> bool:
        self.asked.append(f"keep {plan.id}")
        return self.kept

    def answer(self, journal: Journal, pack: Pack) -> Outcome:
        self.asked.append(f"answer {pack.id}")
        return None  # "not now"


def test_a_plan_is_made_from_an_answers_file_and_written_with_no_terminal(
    tmp_path: Path,
) -> None:
    made = plan_file.make(journal(), plan_file.Asked(answers=answered(tmp_path)), None)
    assert isinstance(made, plan_file.PlanWritten)
    assert isinstance(made.saved, Saved)
    assert made.target is not None
    assert "A walk by the river" in made.target.read_text(encoding="utf-8")


def test_with_no_terminal_and_no_answers_it_says_so(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        plan_file.make(journal(), plan_file.Asked(), None)


def test_the_plan_there_is_is_written_again_unless_the_person_would_answer_afresh(
    tmp_path: Path,
) -> None:
    first = plan_file.make(journal(), plan_file.Asked(answers=answered(tmp_path)), None)
    assert isinstance(first, plan_file.PlanWritten) and first.saved is not None
    plan_id = first.saved.reflection.id

    keeping = Terminal(keep=True)
    again = plan_file.make(journal(), plan_file.Asked(form="html", again=True), keeping)
    assert isinstance(again, plan_file.PlanWritten) and again.saved is None
    assert keeping.asked == [f"keep {plan_id}"]

    afresh = Terminal(keep=False)
    assert plan_file.make(journal(), plan_file.Asked(again=True), afresh) is None
    assert afresh.asked == [f"keep {plan_id}", "answer self-care-plan"]


def test_shown_it_is_the_document_itself_or_drawn_for_a_screen(tmp_path: Path) -> None:
    plan_file.make(journal(), plan_file.Asked(answers=answered(tmp_path)), None)
    shown = plan_file.make(journal(), plan_file.Asked(show=True), None)
    assert isinstance(shown, plan_file.PlanShown) and not shown.drawn
    assert shown.text.startswith("---")  # the Markdown with its front matter
    drawn = plan_file.make(journal(), plan_file.Asked(show=True, on_screen=True), None)
    assert isinstance(drawn, plan_file.PlanShown) and drawn.drawn
    assert not drawn.text.startswith("---")
