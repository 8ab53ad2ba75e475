"""Walking a pack: order, conditions, choices from earlier answers, going back and resuming."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import library
from hypothesis import given, settings
from hypothesis import strategies as st

from relational_cli.core.exercise import remembering, session
from relational_cli.core.exercise.session import BACK, Back, Step
from relational_cli.core.journal.fileformat import Answer, Reflection, Value


class Scripted:
    """An asker that gives prepared answers and records what it was shown."""

    def __init__(self, *answers: Value | Back | None) -> None:
        self.answers = list(answers)
        self.asked: list[Step] = []
        self.notes: list[str] = []

    def ask(self, step: Step) -> Value | Back | None:
        self.asked.append(step)
        return self.answers.pop(0)

    def show_note(self, step: Step) -> None:
        self.notes.append(step.text)

    def mention(self, text: str) -> None:
        self.notes.append(text)


def test_the_values_exercise_narrows_and_ranks_what_was_picked() -> None:
    pack = library().load("values")
    asker = Scripted(
        {"Very important": ["Honesty", "Repair", "Belonging", "Fun", "Growth", "Humour"], "Important": ["Hope"], "Not important": [], "Unsure": ["Power"]},
        ["Repair", "Honesty", "Belonging"],
        ["Belonging", "Repair", "Honesty"],
        "meaning", None, None, None,
    )  # fmt: skip
    answers = session.run(pack, asker)
    narrowed, ranked, meaning = asker.asked[1], asker.asked[2], asker.asked[3]
    assert [c.value for c in narrowed.choices] == [
        "Honesty",
        "Repair",
        "Belonging",
        "Fun",
        "Growth",
        "Humour",
    ]
    assert narrowed.choices[1].description.startswith("to mend things")
    assert [c.value for c in ranked.choices] == ["Repair", "Honesty", "Belonging"]
    assert "Belonging, Repair, Honesty" in meaning.text
    assert (asker.asked[0].number, asker.asked[0].total) == (1, 7)
    assert session.final_answers(pack, answers)["ranked"] == ["Belonging", "Repair", "Honesty"]


def test_skipping_the_card_sort_skips_what_depends_on_it() -> None:
    pack = library().load("values")
    asker = Scripted(None, "living", "more", "noticed")
    answers = session.run(pack, asker)
    assert [s.prompt.id for s in asker.asked] == [
        "sort",
        "living_them",
        "more_fully",
        "noticing",
    ]
    assert "top_five" not in answers and "ranked" not in answers


def test_a_condition_shows_a_prompt_only_for_matching_answers() -> None:
    pack = library().load("weekly-step")
    sure = Scripted("step", None, None, None, None, None, None, 5)
    session.run(pack, sure)
    assert "smaller" not in [s.prompt.id for s in sure.asked]
    unsure = Scripted("step", None, None, None, None, None, None, 2, "a smaller step")
    answers = session.run(pack, unsure)
    assert answers["smaller"] == "a smaller step"
    assert unsure.asked[-1].total == 9


def test_going_back_asks_again_with_the_earlier_answer_offered() -> None:
    pack = library().load("weekly-step")
    asker = Scripted("first wish", "Sam", BACK, BACK, "second wish", "Sam", *[None] * 5, 4)
    answers = session.run(pack, asker)
    assert [s.prompt.id for s in asker.asked[:6]] == [
        "wish",
        "who",
        "outcome",
        "who",
        "wish",
        "who",
    ]
    assert asker.asked[4].previous == "first wish"
    assert asker.asked[5].previous == "Sam"
    assert answers["wish"] == "second wish"


def test_an_answer_changed_after_going_back_re_evaluates_conditions() -> None:
    pack = library().load("weekly-step")
    asker = Scripted("w", *[None] * 6, 1, BACK, 5)
    answers = session.run(pack, asker)
    assert [s.prompt.id for s in asker.asked][-3:] == ["confidence", "smaller", "confidence"]
    assert asker.asked[-1].previous == 1
    assert "smaller" not in session.final_answers(pack, answers)


def test_resuming_carries_on_after_the_last_answer_and_keeps_drafting() -> None:
    pack = library().load("weekly-step")
    earlier: session.Answers = {"wish": "call", "who": None, "outcome": "laughing"}
    drafts: list[dict[str, object]] = []
    asker = Scripted(*[None] * 4, 3)
    answers = session.run(pack, asker, earlier, on_answer=lambda a: drafts.append(dict(a)))
    assert asker.asked[0].prompt.id == "obstacle"
    assert answers["wish"] == "call" and answers["confidence"] == 3
    assert len(drafts) == 5 and drafts[-1]["confidence"] == 3


def test_sections_are_what_was_shown_with_the_wording_shown() -> None:
    pack = library().load("values")
    answers: session.Answers = {
        "sort": {"Very important": ["Repair"]},
        "top_five": ["Repair"],
        "ranked": ["Repair"],
        "meaning": "x",
    }
    sections = session.sections(pack, answers)
    assert [s.prompt_id for s in sections][:4] == ["sort", "top_five", "ranked", "meaning"]
    assert "— Repair. What does each" in sections[3].heading


def test_going_back_passes_over_a_ranking_that_answered_itself() -> None:
    pack = library().load("values")
    only_one = {"Very important": ["Repair"], "Important": [], "Not important": [], "Unsure": []}
    asker = Scripted(only_one, ["Repair"], BACK, ["Repair"], "what it means", None, None, None)
    answers = session.run(pack, asker)
    assert [s.prompt.id for s in asker.asked] == [
        "sort",
        "top_five",
        "meaning",
        "top_five",
        "meaning",
        "living_them",
        "more_fully",
        "noticing",
    ]
    assert answers["ranked"] == ["Repair"]


def test_a_question_a_change_reveals_is_offered_its_default(home: Path) -> None:
    from conftest import write_pack

    write_pack(home, "check", "id: check\ntitle: T\nsummary: S\nprompts:\n"
               "  - {id: close, type: confirm, text: Did you feel close to someone?}\n"
               "  - {id: how, type: scale, text: How close?, default: 4, when: {close: true}}\n")  # fmt: skip
    pack = library().load("check")
    asker = Scripted(True, 4)
    answers = session.ask_again(pack, asker, {"close": False}, "close")
    assert answers == {"close": True, "how": 4}
    assert asker.asked[1].previous == 4  # the pack's default, as when walking forward


def test_a_long_earlier_answer_is_shortened_where_a_later_question_shows_it() -> None:
    long_wish = "Call Sam " * 25_000  # 225,000 characters
    text = session.fill("Last time: “{last:wish}”. How did it go?", {"last:wish": long_wish})
    assert len(text) < 200
    assert text.startswith("Last time: “Call Sam Call Sam") and text.endswith(" …”. How did it go?")
    two_lines = session.fill("“{wish}”?", {"wish": "first line\nsecond line"})
    assert two_lines == "“first line …”?"
    assert session.fill("“{wish}”?", {"wish": "short and sweet"}) == "“short and sweet”?"


def test_words_left_unsent_when_going_back_come_back_with_the_question() -> None:
    pack = library().load("weekly-step")
    kept: list[dict[str, object]] = []
    unsent: dict[str, object] = {}
    asker = Scripted("Call Maya", Back("Maya, my oldest"), "Call Maya", "Maya, my oldest friend")
    asker.answers += [None] * 6
    answers = session.run(pack, asker, on_answer=lambda a: kept.append(dict(unsent)), unsent=unsent)
    who_again = asker.asked[3]
    assert who_again.prompt.id == "who" and who_again.previous == "Maya, my oldest"
    assert kept[1] == {"who": "Maya, my oldest"}  # a draft was kept when they went back
    assert answers["who"] == "Maya, my oldest friend"
    assert unsent == {}  # answered now: nothing left unsent


def test_the_weekly_step_offers_the_top_values_and_points_gently_when_there_are_none() -> None:
    pack = library().load("weekly-step")
    serves = pack.prompt("serves")
    # No values reflection: the question is not asked; one gentle line is said instead.
    asker = Scripted(*["x"] * 2, *[None] * 8)
    answers = session.run(pack, asker)
    assert "serves" not in answers
    assert [n for n in asker.notes if "relational reflect values" in n] == [serves.otherwise]

    # With one: the ranked values are the choices, in their order.
    remembered = {"values.ranked": ["Repair", "Honesty"], "values.meaning": "…"}
    step = session.make_step(pack, serves, {**remembered, "wish": "w", "who": "w"})
    assert step is not None and [c.value for c in step.choices] == ["Repair", "Honesty"]
    assert session.check(step, ["Honesty"]) == ["Honesty"]


def test_remembered_answers_come_from_the_latest_reflection_of_each_pack() -> None:
    pack = library().load("weekly-step")
    latest = {
        "weekly-step": Reflection("a", "weekly-step", "c", "t", answers=(Answer("wish", "Call"),)),
        "values": Reflection("b", "values", "c", "t", answers=(Answer("ranked", ["Fun"]),)),
    }
    assert remembering.remembered(pack, latest.get) == {
        "last:wish": "Call",
        "values.ranked": ["Fun"],
    }
    assert remembering.remembered(pack, lambda pack_id: None) == {}


@pytest.mark.parametrize(
    ("move", "offered"),
    [("Keep it", "Call Inés"), ("Make it smaller", "Call Inés"), ("Swap it", None)],
)
def test_keeping_last_weeks_step_offers_it_again(move: str, offered: str | None) -> None:
    pack = library().load("weekly-step")
    answers = {"last:wish": "Call Inés", "last:who": "Inés", "last_step": "Done", "next_move": move}
    wish = session.make_step(pack, pack.prompt("wish"), answers)
    assert wish is not None and wish.previous == offered
    outcome = session.make_step(pack, pack.prompt("outcome"), answers)
    assert outcome is not None and outcome.previous is None  # not carried


@pytest.mark.parametrize(
    ("move", "offered"),
    [("Keep it", "Call Inés every day"), ("Make it smaller", "Text Inés once")],
)
def test_making_it_smaller_starts_from_last_weeks_smaller_step(move: str, offered: str) -> None:
    pack = library().load("weekly-step")
    answers = {
        "last:wish": "Call Inés every day",
        "last:smaller": "Text Inés once",  # last week's confidence was low
        "last_step": "Partly",
        "next_move": move,
    }
    wish = session.make_step(pack, pack.prompt("wish"), answers)
    assert wish is not None and wish.previous == offered


def test_a_revised_plan_offers_every_earlier_answer_that_still_fits() -> None:
    pack = library().load("self-care-plan")
    answers = {"last:doing": ["Enough sleep", "Retired practice"], "last:boundaries": "No"}
    doing = session.make_step(pack, pack.prompt("doing"), answers)
    boundaries = session.make_step(pack, pack.prompt("boundaries"), answers)
    assert doing is not None and doing.previous is None  # no longer fits the choices
    assert boundaries is not None and boundaries.previous == "No"


def test_a_question_asked_under_another_id_before_offers_that_answer() -> None:
    pack = library().load("self-care-plan")
    before = {"last:everyday": ["Enough sleep"], "last:reach_out": "Jo"}  # a version 2 plan
    doing = session.make_step(pack, pack.prompt("doing"), before)
    contacts = session.make_step(pack, pack.prompt("contacts"), before)
    assert doing is not None and doing.previous == ["Enough sleep"]
    assert contacts is not None and contacts.previous == "Jo"
    newer = session.make_step(
        pack, pack.prompt("doing"), {**before, "last:doing": ["Time outdoors"]}
    )
    assert newer is not None and newer.previous == ["Time outdoors"]  # its own id first


def test_a_title_can_come_from_an_answer_or_the_date() -> None:
    from datetime import date

    weekly, plan = library().load("weekly-step"), library().load("self-care-plan")
    day = date(2026, 11, 22)
    assert session.title(weekly, {"wish": "Call Inés\non Sunday"}, day) == "Call Inés on Sunday"
    assert session.title(weekly, {"wish": None}, day) == weekly.title
    assert session.title(weekly, {"wish": "x" * 200}, day).endswith(" …")
    assert len(session.title(weekly, {"wish": "x" * 200}, day)) <= session.TITLE_LIMIT
    assert session.title(plan, {}, day) == "My relational self-care plan, 22 November 2026"


@pytest.mark.parametrize(
    "pack_id", sorted(p.stem for p in (Path(__file__).parents[2] / "prompts").glob("*.yaml"))
)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_the_question_count_never_grows_along_any_path(pack_id: str, data: st.DataObject) -> None:
    """ "12 of 12" is never followed by "12 of 13": whatever is answered, the total counts
    every question that can still come, and only shrinks when an answer closes one."""
    pack = library().load(pack_id)
    seen: list[tuple[int, int]] = []

    class Answering:
        def ask(self, step: Step) -> Value | None:
            seen.append((step.number, step.total))
            kind, values = step.prompt.type, [choice.value for choice in step.choices]
            if kind == "choice" and values:
                return data.draw(st.sampled_from([None, *values]))
            if kind in ("multi_choice", "ranking") and values:
                return data.draw(st.lists(st.sampled_from(values), unique=True, min_size=1))
            if kind == "confirm":
                return data.draw(st.sampled_from([None, True, False]))
            if kind == "scale":
                low, high = step.prompt.min or 1, step.prompt.max or 5
                return data.draw(st.sampled_from([None, *range(low, high + 1)]))
            if kind in ("text", "long_text"):
                return data.draw(st.sampled_from([None, "words"]))
            return None

        def show_note(self, step: Step) -> None: ...
        def ground(self, step: Step) -> None: ...
        def nudge(self, step: Step) -> None: ...
        def mention(self, text: str) -> None: ...

    last = {"last:wish": "Walk with Robin", "last:expectation": "Awkward"}
    session.run(pack, Answering(), dict(last) if pack.looks_back else {})
    numbers = [number for number, _ in seen]
    totals = [total for _, total in seen]
    assert numbers == sorted(numbers), seen  # (a question nudged once is asked again)
    assert totals == sorted(totals, reverse=True), seen
    assert all(number <= total for number, total in seen), seen
