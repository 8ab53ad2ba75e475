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
    assert all(values[key] == "long_text" for key, _ in known.VALUES_IN_WORDS)
    cards = library().data_set(known.VALUES_CARDS)  # their descriptions: the plan's meanings
    assert len(cards) > 80 and all(card.description for card in cards)


def test_the_weekly_step_has_what_review_timeline_and_reminders_read() -> None:
    step = kinds(known.STEP)
    assert step[known.STEP_OUTCOME] == "choice"
    asked = library().load(known.STEP).prompt(known.STEP_OUTCOME)
    assert tuple(choice.value for choice in asked.choices) == known.STEP_OUTCOMES
    assert all(step[key] == "text" for key in known.STEP_WHEN)


def test_the_self_care_plan_has_every_question_the_plan_document_reads() -> None:
    pack = library().load(known.PLAN)
    plan = {prompt.id: prompt.type for prompt in pack.prompts}
    texts = [known.PLAN_NAME, known.PLAN_SHARE_WITH]
    long_texts = [known.PLAN_EVERYDAY_NOTES, known.PLAN_BOUNDARIES, known.PLAN_WELL,
                  known.PLAN_TRIGGERS, known.PLAN_HARD_TIMES, known.PLAN_GETTING_WORSE,
                  known.PLAN_HELPS, known.PLAN_DOESNT_HELP, known.PLAN_QUIET,
                  known.PLAN_OBSTACLES, known.PLAN_CONTACTS, known.PLAN_PROFESSIONALS,
                  *(key for key, _ in known.PLAN_PRACTICES)]  # fmt: skip
    assert all(plan[key] == "text" for key in texts)
    assert all(plan[key] == "long_text" for key in long_texts)
    assert plan[known.PLAN_DOING] == plan[known.PLAN_STARTING] == "multi_choice"
    assert plan[known.PLAN_SHARE] == "confirm"
    # Version 2's questions, which a plan made then still holds, are asked under new ids now.
    assert pack.prompt(known.PLAN_DOING).was == known.PLAN_EVERYDAY
    assert pack.prompt(known.PLAN_CONTACTS).was == known.PLAN_REACH_OUT
    assert known.PLAN_EVERYDAY not in plan and known.PLAN_REACH_OUT not in plan
    # Version 3's warning signs, in words, are paired with what I will do now.
    assert plan[known.PLAN_SIGNS] == "pairs"
    assert pack.prompt(known.PLAN_SIGNS).was == known.PLAN_WARNING_SIGNS
    assert known.PLAN_WARNING_SIGNS not in plan
    review = [choice.value for choice in pack.prompt(known.PLAN_REVIEW).choices]
    assert review == [*known.PLAN_REVIEW_AFTER, known.PLAN_REVIEW_WHEN_CHANGED]


def test_the_journal_pack_has_what_a_jrnl_entry_becomes() -> None:
    journal = kinds(known.JOURNAL)
    assert journal[known.JOURNAL_ENTRY] == "long_text" and journal[known.JOURNAL_TITLE] == "text"


@pytest.mark.parametrize("exercise", known.STARTERS)
def test_the_starters_are_built_in(exercise: str) -> None:
    assert library().load(exercise).builtin


def test_the_check_in_keeps_three_scales_and_the_map_three_circles() -> None:
    check_in = library().load(known.CHECK_IN)
    assert [p.id for p in check_in.prompts if p.asks] == list(known.CHECK_IN_SCALES)
    assert all(
        p.type == "scale" and (p.min, p.max) == known.CHECK_IN_RANGE for p in check_in.prompts
    )
    circles = kinds(known.MAP)
    assert all(circles[circle] == "long_text" for circle in known.MAP_CIRCLES)
    how = library().load(known.MAP).prompt("how").text  # the note says the words to use
    assert all(word in how for word in known.MAP_BRINGS)
