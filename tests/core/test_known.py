"""The exercises and questions the rest of relational builds on (core/packs/known.py) are
there in the shipped packs, with the types the code reads them as."""

from __future__ import annotations

import pytest
from conftest import library

from relational_cli.core.packs import known


def kinds(pack_id: str) -> dict[str, str]:
    return {prompt.id: prompt.type for prompt in library().load(pack_id).prompts}


def test_the_values_pack_has_what_the_plan_and_timeline_read() -> None:
    values = kinds(known.VALUES)
    assert values[known.VALUES_SORT] == "card_sort"
    assert values[known.VALUES_TOP[0]] == "ranking"
    assert values[known.VALUES_TOP[1]] == "multi_choice"
    assert known.VALUES_TOP[2] not in values  # only older values reflections hold it
    assert values[known.VALUES_MEANING] == "long_text"


def test_the_weekly_step_has_what_review_timeline_and_reminders_read() -> None:
    step = kinds(known.STEP)
    assert step[known.STEP_OUTCOME] == "choice"
    assert all(step[key] == "text" for key in known.STEP_WHEN)


def test_the_self_care_plan_has_every_question_the_plan_document_reads() -> None:
    pack = library().load(known.PLAN)
    plan = {prompt.id: prompt.type for prompt in pack.prompts}
    texts = [known.PLAN_NAME, known.PLAN_SHARE_WITH]
    long_texts = [known.PLAN_EVERYDAY_NOTES, known.PLAN_BOUNDARIES, known.PLAN_HARD_TIMES,
                  known.PLAN_REACH_OUT, *(key for key, _ in known.PLAN_PRACTICES)]  # fmt: skip
    assert all(plan[key] == "text" for key in texts)
    assert all(plan[key] == "long_text" for key in long_texts)
    assert plan[known.PLAN_EVERYDAY] == "multi_choice" and plan[known.PLAN_SHARE] == "confirm"
    review = [choice.value for choice in pack.prompt(known.PLAN_REVIEW).choices]
    assert review == [*known.PLAN_REVIEW_AFTER, known.PLAN_REVIEW_WHEN_CHANGED]


def test_the_journal_pack_has_what_a_jrnl_entry_becomes() -> None:
    journal = kinds(known.JOURNAL)
    assert journal[known.JOURNAL_ENTRY] == "long_text" and journal[known.JOURNAL_TITLE] == "text"


@pytest.mark.parametrize("exercise", known.STARTERS)
def test_the_starters_are_built_in(exercise: str) -> None:
    assert library().load(exercise).builtin
