"""The second shelf: six exercises from the seeds (letting go, what I want, pause and choose,
my needs and theirs, who I am, kindness toward myself), each walked in plain mode as a person
types it. Where one asks whether something is safe, "no" and "not sure" end every step toward
the other person and show the lines for someone being hurt."""

from __future__ import annotations

import pytest
from test_safe_paths import CRISIS_LINE_UK, ENGLAND_HURT_LINE, pack_words, saved, walk

from relational_cli.core.home import builtin_packs_dir

GO_ON, SKIP_THE_PAUSE, SAVE, END = "1", "2", "", "."
"""Go on past the content note; skip the grounding pause; save at the look-over (Enter); the
line that ends a long answer."""


def walked(exercise: str, typed: list[str]) -> str:
    """What the person saw, having walked `exercise` to the end and saved it."""
    code, out, err = walk(exercise, [GO_ON, *typed, SAVE])
    assert code == 0, err
    assert "Saved " in err
    return out


def test_letting_go_keeps_a_letter_that_is_sent_nowhere_and_asks_no_contact() -> None:
    typed = [SKIP_THE_PAUSE, "1", "S.", "Laughter", END, "", "", "Our songs", END]
    out = walked("letting-go", [*typed, "1", "Dear S.,", "thank you.", END, "A long walk"])
    assert "It is not sent anywhere" in out
    assert "When and where might you do it?" not in out  # a letter needs no time or place
    assert "Grief takes its own time" in out
    assert saved("letting-go") == {
        "kind": "It ended",
        "who": "S.",
        "gave": "Laughter",
        "keep": "Our songs",
        "goodbye": "Write a letter I don't send",
        "letter": "Dear S.,\nthank you.",
        "care": "A long walk",
    }


def test_letting_go_never_assumes_the_other_person_is_alive_or_reachable() -> None:
    out = walked(
        "letting-go", [SKIP_THE_PAUSE, "2", "Gran", *[""] * 4, "2", "Sunday, the park", ""]
    )
    assert "When and where might you do it?" in out
    assert saved("letting-go")["kind"] == "It changed"
    words = pack_words(builtin_packs_dir() / "letting-go.yaml").lower()
    for assumption in ("tell them", "contact them", "reach out to them", "send them", "ask them"):
        assert assumption not in words, assumption


LIMITS = ["Kindness", END, "", "", ""]  # good; feel, bring and need skipped
"""The first answers of What I want (with no values reflection, its values question is left
out and says where to find them)."""


@pytest.mark.parametrize("answer", ["3", "4"], ids=["not sure", "no"])
def test_what_i_want_when_close_people_are_not_safe_shows_the_lines_for_being_hurt(
    answer: str,
) -> None:
    out = walked("what-i-want", [*LIMITS, "Being talked down to", END, answer, "1", "", "A bath"])
    assert "relational reflect values helps you find what matters most" in out
    note = out.index("never your fault")
    assert out.index(ENGLAND_HURT_LINE) > note and out.count(ENGLAND_HURT_LINE) == 2
    assert CRISIS_LINE_UK not in out
    assert "bring your relationships closer" not in out
    assert "What you want matters, and so does your safety." in out
    assert saved("what-i-want")["care"] == "A bath"


def test_what_i_want_when_safe_asks_one_small_step() -> None:
    out = walked("what-i-want", [*LIMITS, "", "1", "Call Ana"])
    assert ENGLAND_HURT_LINE not in out
    assert "Knowing what you want, and what you won't accept" in out
    assert saved("what-i-want") == {"good": "Kindness", "safe_now": "Yes", "step": "Call Ana"}


MOMENT = [SKIP_THE_PAUSE, "1", "She said no", END, "Tight chest", END, "1 2", "", ""]
"""Pause and choose, to the question of safety: passed; what; body; felt; need skipped."""


@pytest.mark.parametrize("answer", ["2", "3"], ids=["not sure", "no"])
def test_pause_and_choose_that_is_not_safe_plans_no_response_to_them(answer: str) -> None:
    typed = [*MOMENT, answer, "1", "", "A friend nearby", END, "Breathe"]
    out = walked("pause-and-choose", typed)
    assert "how would you like to respond" not in out
    note = out.index("Then your safety comes first.")
    assert out.index(ENGLAND_HURT_LINE) > note and out.count(ENGLAND_HURT_LINE) == 2
    assert "keeping yourself safe is a wise choice, whatever it looks like" in out
    assert "you reacted" not in out
    answers = saved("pause-and-choose")
    assert answers["steady"] == "A friend nearby" and "response" not in answers


def test_pause_and_choose_that_is_safe_chooses_a_response() -> None:
    out = walked("pause-and-choose", [*MOMENT, "1", "Ask for a minute", END, ""])
    assert ENGLAND_HURT_LINE not in out
    assert "Pausing is a skill" in out
    assert saved("pause-and-choose")["response"] == "Ask for a minute"
    assert saved("pause-and-choose")["felt"] == ["Angry", "Hurt"]


GIVING = ["Caring for Mum", END, "", "", "", "2"]
"""My needs and theirs, to the question of safety: give; cost, hold back, why; balance 2."""


@pytest.mark.parametrize("answer", ["2", "3"], ids=["not sure", "no"])
def test_needs_and_theirs_that_is_not_safe_to_ask_for_keeps_the_shift_to_oneself(
    answer: str,
) -> None:
    out = walked("needs-and-theirs", [*GIVING, answer, "1", "", "Read a book"])
    assert "shift toward balance you could try" not in out
    assert "a friend who gives as much as you do" not in out  # not compliance as generosity
    assert "part of who you are" not in out
    assert out.index(ENGLAND_HURT_LINE) > out.index("Then any change can start with you alone")
    assert "Your needs matter, and so does your safety." in out
    assert saved("needs-and-theirs")["own_care"] == "Read a book"


def test_needs_and_theirs_never_calls_caring_a_fault() -> None:
    out = walked("needs-and-theirs", [*GIVING, "1", "Ask Jo to cook once", "You matter too"])
    assert "not a fault" in out and ENGLAND_HURT_LINE not in out
    assert saved("needs-and-theirs") == {
        "give": "Caring for Mum",
        "balance": 2,
        "safe": "Yes",
        "shift": "Ask Jo to cook once",
        "friend": "You matter too",
    }


def test_who_i_am_names_no_identity_for_the_person() -> None:
    out = walked("who-i-am", ["My language", END, *[""] * 7, "Pride"])
    assert "Only what you choose." in out
    assert "All of who you are belongs in your story." in out
    assert saved("who-i-am") == {"parts": "My language", "carry": "Pride"}


def test_kindness_toward_myself_offers_a_letter_only_when_wanted() -> None:
    typed = ["I snapped at work", END, "", "", "", "", "You are doing your best", ""]
    out = walked("kindness-to-myself", [*typed, "1", "Dear me,", END])
    assert "Everyone has moments like this." not in out  # the moment may have been someone
    assert "However this moment came about, feeling this way makes sense." in out  # hurting them
    assert "If someone hurt you, that was not your doing." in out
    assert "Kindness toward yourself takes practice." in out
    answers = saved("kindness-to-myself")
    assert answers["words"] == "You are doing your best"
    assert answers["letter_wish"] is True and answers["letter"] == "Dear me,"


def test_what_i_want_when_close_people_are_mostly_safe_plans_no_step_toward_them() -> None:
    """ "Mostly" safe with the people closest to you is how fear that comes and goes is often
    put: it is met as not safe — the lines for being hurt, a step for yourself, none toward
    them (a clinician's reading, issue 32)."""
    out = walked("what-i-want", [*LIMITS, "Being talked down to", END, "2", "1", "", "A bath"])
    assert '"Mostly" can mean there are times you don\'t feel safe' in out
    assert out.index(ENGLAND_HURT_LINE) > out.index('"Mostly" can mean')
    assert "bring your relationships closer" not in out
    assert "What you want matters, and so does your safety." in out
    answers = saved("what-i-want")
    assert answers["care"] == "A bath" and "step" not in answers
