"""Keys as a person presses them in a real terminal: Esc, then Enter (taught for finishing a
long answer) is Enter on every kind of question, and the menu's filter lands only on
exercises, never on a heading."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest
from conftest import EVERY_KIND, Screen, installed_command, journal, welcomed, write_pack

pytestmark = pytest.mark.pty

ESC_ENTER = "\x1b\r"
DOWN = "\x1b[B"
UP = "\x1b[A"


def spawn(home: Path, *args: str, size: tuple[int, int] = (40, 120)) -> pexpect.spawn:
    """`relational ARGS` in a real terminal, welcomed before (the welcome waits for Enter)."""
    import os

    welcomed(home)
    child = pexpect.spawn(
        installed_command(),
        list(args),
        env={
            **os.environ,
            "RELATIONAL_HOME": str(home),
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "TERM": "xterm-256color",
            "NO_COLOR": "1",
        },
        encoding="utf-8",
        dimensions=size,
        timeout=20,
    )
    child.delaybeforesend = None  # each step waits for the screen it answers
    return child


def ended(child: pexpect.spawn) -> tuple[int, str]:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.before


def test_esc_then_enter_is_enter_on_every_kind_of_question(home: Path) -> None:
    write_pack(home, "every-kind", EVERY_KIND)
    child = spawn(home, "reflect", "every-kind")
    child.expect_exact("A note to read first.")
    child.send("\r")
    child.expect_exact("Skip it and go on")
    child.send(DOWN + ESC_ENTER)  # the pointed choice, not the first
    child.expect_exact("One word for today?")
    child.expect_exact("›")
    child.send("Tender" + ESC_ENTER)
    child.expect_exact("as many lines")
    child.expect_exact("›")
    child.send("It started slowly" + ESC_ENTER)
    child.expect_exact("Which fits best?")
    child.expect_exact("Tired")
    child.send(DOWN + ESC_ENTER)  # a single choice: Stirred
    child.expect_exact("Who was around?")
    child.expect_exact("Nobody")
    child.send(" " + DOWN + " " + ESC_ENTER)  # a checkbox: both ticks kept
    child.expect_exact("Which comes first?")
    child.expect_exact("Work")
    child.send(DOWN + ESC_ENTER)  # a ranking: Play first
    child.expect_exact("Which comes next")
    child.expect_exact("Work")
    child.send(ESC_ENTER)  # then Rest, and Work follows
    child.expect_exact("HONESTY")
    child.send(ESC_ENTER)  # the card screen: nothing happens, no card is sorted
    child.send("1")
    child.expect_exact("UMOUR")  # redrawn where it differs from HONESTY
    child.send("23")
    child.expect_exact("How close do you feel?")
    child.expect_exact("Skip this question")
    child.send(DOWN * 4 + ESC_ENTER)  # a scale from 0: 3
    child.expect_exact("Would you do this again?")
    child.expect_exact("Skip this question")
    child.send(ESC_ENTER)  # yes/no, the pointer on Yes
    child.expect_exact("Your answers")
    child.expect_exact("Save it")
    child.send(ESC_ENTER)  # the look-over: Save it, not "Change an answer"
    code, said = ended(child)
    assert code == 0, said
    assert "unexpected error" not in said and "Saved" in said
    saved = journal().latest_of("every-kind")
    assert saved is not None
    assert saved.answer_map() == {
        "word": "Tender",
        "story": "It started slowly",
        "mood": "Stirred",
        "people": ["Family", "Friends"],
        "order": ["Play", "Rest", "Work"],
        "cards": {
            "Very important": ["Honesty"],
            "Important": ["Humour"],
            "Not important": ["Kindness"],
            "Unsure": [],
        },
        "close": 3,
        "again": True,
    }


def test_esc_then_enter_in_the_menu_starts_the_exercise_pointed_at(home: Path) -> None:
    child = spawn(home, "reflect")
    child.expect_exact("── Start here")
    child.expect_exact("Sort the values cards and find")  # the menu, drawn
    child.send(ESC_ENTER)
    child.expect_exact("Sort the values cards")  # the first in the menu
    child.expect_exact("Which deck")
    child.sendcontrol("c")
    assert ended(child)[0] == 130


def test_the_menu_filter_lands_only_on_exercises_never_on_a_heading(home: Path) -> None:
    child = spawn(home, "reflect")
    screen = Screen(child, 40, 120)
    screen.wait_for("Sort the values cards and find")  # the menu, drawn
    child.send("hurt")  # a heading has these letters; so do two exercises
    shown = screen.wait_for("/ hurt...")
    assert "── When it hurts" not in shown
    assert "» A relationship that holds joy and hurt" in shown
    child.send("\r")
    screen.wait_for("Would you like to go on?")  # that exercise, begun with its content note
    child.sendcontrol("c")
    assert ended(child)[0] == 130


def test_a_filter_that_leaves_only_headings_shows_nothing_to_choose(home: Path) -> None:
    child = spawn(home, "reflect")
    screen = Screen(child, 40, 120)
    screen.wait_for("Sort the values cards and find")  # the menu, drawn
    child.send("with your")  # only the heading "With your therapist" has these letters
    shown = screen.wait_for("Nothing here has those letters")
    assert "therapist" not in shown
    child.send("\r")  # Enter on nothing does nothing: the menu stays
    child.send("\x7f" * len("with your") + "pause and")
    screen.wait_for("/ pause and...")
    child.send("\r")
    screen.wait_for("Would you like to go on?")  # Pause and choose, begun
    child.sendcontrol("c")
    assert ended(child)[0] == 130


def test_ctrl_c_at_the_menu_leaves_with_a_word(home: Path) -> None:
    child = spawn(home, "reflect")
    child.expect_exact("Sort the values cards and find")  # the menu, drawn
    child.sendcontrol("c")
    code, said = ended(child)
    assert code == 130
    assert said.strip().endswith("That's fine. It will be here when you want it.")
    assert "Traceback" not in said


def test_enter_on_an_empty_long_answer_skips_it_as_the_hint_says(home: Path) -> None:
    write_pack(home, "every-kind", EVERY_KIND)
    child = spawn(home, "reflect", "every-kind")
    child.expect_exact("A note to read first.")
    child.send("\r")
    child.expect_exact("Skip it and go on")
    child.send(DOWN + "\r")
    child.expect_exact("One word for today?")
    child.expect_exact("›")
    child.send("\r")
    child.expect_exact("leave it empty to skip")  # the long answer's hint
    child.expect_exact("›")
    child.send("\r")
    child.expect_exact("Which fits best?")
    child.expect_exact("Skip this question")  # the choices drawn, waiting for keys
    child.sendcontrol("c")
    assert ended(child)[0] == 130


def test_ticked_choices_are_shown_by_name_as_everywhere_else(home: Path) -> None:
    write_pack(home, "every-kind", EVERY_KIND)
    child = spawn(home, "reflect", "every-kind")
    screen = Screen(child, 40, 120)
    screen.wait_for("A note to read first.")
    child.send("\r")
    screen.wait_for("Skip it and go on")
    child.send(DOWN + "\r")
    screen.wait_for("One word for today?")
    child.send("\r")
    screen.wait_for("as many lines")
    child.send("\r")
    screen.wait_for("Which fits best?")
    child.send("\r")
    screen.wait_for("Who was around?")
    child.send(" " + DOWN + DOWN + " \r")
    shown = screen.wait_for("Which comes first?")
    assert "? › Family, Colleagues" in shown
    assert "selections" not in shown and "[Family]" not in shown
    child.sendcontrol("c")
    assert ended(child)[0] == 130
