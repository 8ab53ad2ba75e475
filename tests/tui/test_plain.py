"""Plain mode (RELATIONAL_PLAIN=1, --plain, TERM=dumb): every prompt kind as plain lines,
answered by typing, in process. The real terminal is walked in test_e2e."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import EVERY_KIND, WALK, drafts, journal, plain, write_pack

from relational_cli.cli import main


def test_every_prompt_kind_in_plain_lines(home: Path) -> None:
    write_pack(home, "every-kind", EVERY_KIND)
    env, out, err = plain(WALK)
    assert main(["reflect", "every-kind"], env) == 0, err.getvalue()
    saved = journal().latest_of("every-kind").answer_map()  # type: ignore[union-attr]
    assert saved == {
        "word": "Tender",
        "story": "It started slowly,\n\n  and then it didn't.",
        "mood": "Stirred",
        "people": ["Nobody", "Friends"],
        "order": ["Work", "Rest", "Play"],
        "cards": {
            "Very important": ["Honesty", "Belonging"],
            "Important": ["Kindness"],
            "Not important": [],
            "Unsure": ["Humour"],
        },
        "close": 8,
        "again": True,
    }
    shown = out.getvalue()
    assert "\x1b" not in shown + err.getvalue()  # no colour, no cursor movement, no redraws
    for said in (
        "1. Calm\n2. Stirred\n3. Tired\n4. Skip this question\n",
        "Type a number from 1 to 4 and press Enter.",
        "Please type a number from 1 to 4.",
        "Please choose up to 2. Try again?",
        "Card 1 of 3: Honesty",
        "Type a pile number (1 very important, 2 important, 3 not important, 4 unsure)",
        "That isn't a number from 0 to 10. Try again?",
        "0 means not at all, 10 means very",
        "a line with only a full stop (.)",
        "Notice where your body meets something solid",
        "Type back to go back, or pause to pause.",
    ):
        assert said in shown


def test_back_and_skip_are_typed_words(home: Path) -> None:
    write_pack(home, "every-kind", EVERY_KIND)
    lines = ["", "2", "First", "skip", "back", "back", "Second", "", "skip", "pause"]
    env, _, err = plain(lines)
    assert main(["reflect", "every-kind"], env) == 130
    draft = drafts().load("every-kind")
    assert draft is not None
    assert draft.answers == {"word": "Second", "story": None, "mood": None}
    assert "Paused." in err.getvalue()


def test_end_of_input_in_a_long_answer_pauses_and_keeps_the_lines(home: Path) -> None:
    write_pack(home, "every-kind", EVERY_KIND)
    env, _, _ = plain(["", "2", "Tender", "Half a thought", "and another"])
    assert main(["reflect", "every-kind"], env) == 130
    draft = drafts().load("every-kind")
    assert draft is not None
    assert draft.answers == {"word": "Tender"}
    assert draft.unsent == {"story": "Half a thought\nand another"}
    # Picked up again: the words come back, and Enter on the first line keeps them.
    env, out, _ = plain(["1", ".", "", "", "", "", "", "", "", "1"])
    main(["reflect", "every-kind"], env)
    assert "Your answer so far: Half a thought\nand another" in out.getvalue()


@pytest.mark.parametrize(
    ("args", "environ"),
    [
        (["reflect", "--plain", "values"], {"RELATIONAL_PLAIN": ""}),
        (["reflect", "values"], {"RELATIONAL_PLAIN": "", "TERM": "dumb"}),
        (["reflect", "values"], {"RELATIONAL_PLAIN": "yes"}),
    ],
)
def test_plain_mode_is_asked_for_or_taken_on_a_dumb_terminal(
    args: list[str], environ: dict[str, str]
) -> None:
    env, out, _ = plain(["pause"], **environ)
    assert main(args, env) == 130
    assert "Which deck would you like to sort?\n1. All " in out.getvalue()


def test_the_exercise_menu_is_numbered_in_plain_mode_under_its_group_headings() -> None:
    env, out, _ = plain(["0", "weekly"])
    main(["reflect"], env)
    shown = out.getvalue()
    assert "Which exercise would you like to do?\nStart here:\n1. What matters to me" in shown
    assert "\nConnection:\n7. " in shown  # the numbers run on through the groups
    assert "\nWith your therapist:\n" in shown
    assert re.search(r"\n\n\d+\. Not now", shown)  # after a gap, in no group
    assert shown.count("Please type a number from 1 to") == 2


def test_going_back_to_a_choice_marks_the_answer_given(home: Path) -> None:
    write_pack(home, "every-kind", EVERY_KIND)
    env, out, _ = plain(["", "2", "Tender", "", "2", "back", ""])
    main(["reflect", "every-kind"], env)
    shown = out.getvalue()
    assert "2. Stirred (your answer)" in shown
    assert "Enter alone chooses 2." in shown
    assert "\n1. Take a short pause\n2. Skip it and go on\n" in shown  # a menu marks nothing


def test_pausing_while_naming_an_own_card_keeps_the_sort_so_far(home: Path) -> None:
    write_pack(home, "every-kind", EVERY_KIND)
    lines = ["", "2", "", "", "4", "", "", "1", "a"]  # to the cards: one sorted, "a", then EOF
    env, _, _ = plain(lines)
    assert main(["reflect", "every-kind"], env) == 130
    draft = drafts().load("every-kind")
    assert draft is not None
    assert draft.unsent["cards"]["piles"]["Very important"] == ["Honesty"]
