"""Who can read this: the same short sentence at every safety question and at the question
about who you are; a safety answer left out of the saved file at the person's choice, while
it still steers the path; and a weekly step saved under a title that shows only the day."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import library
from conftest import run_cli as run
from test_safe_paths import ENGLAND_HURT_LINE, WHO_CAN_READ, saved, walk

from relational_cli.core.home import builtin_packs_dir

END = "."
IDENTITY = {("who-i-am", "parts")}
"""Questions about who the person is (gender, sexuality, faith…)."""


@pytest.mark.parametrize("exercise", sorted(p.stem for p in builtin_packs_dir().glob("*.yaml")))
def test_every_safety_and_identity_question_says_who_can_read_the_answer(exercise: str) -> None:
    pack = library().load(exercise)
    for prompt in pack.prompts:
        if prompt.safety or (exercise, prompt.id) in IDENTITY:
            assert prompt.help.endswith(WHO_CAN_READ), f"{exercise}.{prompt.id}"
    if (exercise, "parts") in IDENTITY:
        assert "gender, sexuality" in pack.prompt("parts").help


def walked(exercise: str, typed: list[str]) -> tuple[str, str]:
    code, out, err = walk(exercise, typed)
    assert code == 0, err
    return out, Path(re.findall(r"\S+\.md", err)[-1]).read_text(encoding="utf-8")


LIMITS = ["1", "Kindness", END, "", "", "", "Being talked down to", END]
"""What I want, to its safety question (go on past the note; good; feel, bring, need
skipped; limits)."""


def test_a_safety_answer_left_out_of_the_file_still_steers_the_path() -> None:
    out, text = walked("what-i-want", [*LIMITS, "4", "2", "", "A bath", ""])  # No; leave it out
    assert WHO_CAN_READ in out
    assert "Keep your answer to that question in the saved file?" in out
    assert "If you pause, it is kept with your other answers until you finish." in out
    assert out.count(ENGLAND_HURT_LINE) == 2  # the "No" path, help and all
    assert "bring your relationships closer" not in out
    assert "do you feel safe" not in text and "Keep your answer" not in text
    assert saved("what-i-want") == {
        "good": "Kindness",
        "limits": "Being talked down to",
        "care": "A bath",
    }


def test_a_safety_answer_kept_is_saved_and_the_question_about_keeping_it_is_not() -> None:
    _, text = walked("what-i-want", [*LIMITS, "3", "1", "", "A bath", ""])  # Not sure; keep
    assert "Right now, do you feel safe with the people closest to you?" in text
    assert "Keep your answer" not in text
    assert saved("what-i-want")["safe_now"] == "Not sure"


def test_a_safe_answer_is_not_asked_whether_to_keep_it() -> None:
    out, _ = walked("what-i-want", [*LIMITS, "1", "Call Ana", ""])
    assert "Keep your answer" not in out
    assert saved("what-i-want")["step"] == "Call Ana"


def test_who_i_am_says_who_can_read_what_is_written() -> None:
    out, _ = walked("who-i-am", ["1", "My language", END, *[""] * 7, "Pride", ""])
    assert WHO_CAN_READ in out


def test_a_weekly_step_can_be_saved_under_a_title_that_shows_only_the_day(
    capsys: pytest.CaptureFixture[str],
) -> None:
    typed = ["Call the helpline", "Me", *[""] * 3, "", "", "", "skip", "2"]
    code, out, err = walk("weekly-step", typed)
    assert code == 0, err
    assert "Save it, with a title that shows only the day" in out
    found = saved("weekly-step")
    assert found["wish"] == "Call the helpline"  # the words are kept
    _, listed, _ = run(capsys, "review")
    assert "helpline" not in listed and "One small step this week, " in listed


def test_a_weekly_step_saved_as_usual_is_titled_by_its_step(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = walk("weekly-step", ["Call Ana", "Ana", *[""] * 6, "skip", ""])
    assert code == 0, err
    assert "Call Ana" in run(capsys, "review")[1]


def test_the_plain_title_is_offered_only_where_an_answer_gives_the_title() -> None:
    code, out, err = walk("repair", ["1", "Sam", "3", "2", *[""] * 8])
    assert code == 0, err
    assert "a title that shows only the day" not in out
