"""Safe paths, round two: each finding of issue 32 walked in plain mode, as a person types
it — what is asked, what is shown, and what is saved."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import library
from test_safe_paths import CRISIS_LINE_UK, ENGLAND_HURT_LINE, WHO_CAN_READ, saved, walk

GO_ON, SKIP_THE_PAUSE, END, KEEP_IT = "1", "2", ".", "1"


def walked(exercise: str, typed: list[str]) -> tuple[str, str]:
    """What the person saw, and the saved file, having walked to the end and saved."""
    code, out, err = walk(exercise, [*typed, ""])
    assert code == 0, err
    assert "Saved " in err
    return out, Path(re.findall(r"\S+\.md", err)[-1]).read_text(encoding="utf-8")


# Joy and hurt: warmth followed by hurt is the shape of many abusive relationships.

JOY = [GO_ON, "R.", SKIP_THE_PAUSE, "Laughing together", END, "He shouts, then says sorry", END]


@pytest.mark.parametrize("answer", ["2", "3"], ids=["not sure", "yes"])
def test_joy_and_hurt_asks_about_fear_and_then_coaches_no_step_toward_them(answer: str) -> None:
    out, text = walked("joy-and-hurt", [*JOY, answer, KEEP_IT, "", "", "", "My sister", END, ""])
    assert "Are you ever afraid of them?" in out and WHO_CAN_READ in out
    assert "Being afraid of someone close to you is more common than people think" in out
    note = out.index("Fear of someone is worth taking seriously")
    assert out.index(ENGLAND_HURT_LINE) > note and out.count(ENGLAND_HURT_LINE) == 2
    assert CRISIS_LINE_UK not in out
    for coaching in ("repair conversation", "more distance", "what feels right?"):
        assert coaching not in out, coaching
    assert "Love and fear can live in the same relationship" in out
    assert "Whatever you decide about this relationship" not in out
    assert saved("joy-and-hurt")["safer"] == "My sister"
    assert "next" not in saved("joy-and-hurt")
    assert "Are you ever afraid of them?" in text


def test_joy_and_hurt_without_fear_may_think_about_what_comes_next() -> None:
    out, _ = walked("joy-and-hurt", [*JOY, "1", "", "", "1", ""])
    assert "Keep your answer" not in out and ENGLAND_HURT_LINE not in out
    assert "Think about a repair conversation" in out
    assert "Your joy and your hurt both make sense." in out
    assert saved("joy-and-hurt")["next"] == "Keep noticing"


# Therapy: "Unsafe" goes straight to what happened; "Not sure" names the early signs.


def test_a_therapist_who_feels_unsafe_is_asked_what_happened_first() -> None:
    out, _ = walked("therapy-relationship", [GO_ON, "12", "", "He texts me at night", END, "", "4"])
    unsafe = out.index("Feeling unsafe with a therapist matters.")
    assert out.index("What happened that left you feeling unsafe?") > unsafe
    assert "Does anything about this relationship feel like other relationships" not in out
    assert "Is there a moment from a session" not in out
    assert "therapists generally want to know" not in out
    assert "Feeling unsafe with a therapist is worth taking seriously." in out
    assert saved("therapy-relationship")["unsafe_what"] == "He texts me at night"


def test_a_therapist_who_feels_unsafe_is_not_a_rift_to_mend_with_them() -> None:
    """Unsafe, and a misunderstanding between you: nothing asks what to tell them, or says
    that naming it is how mending begins (a clinician's reading)."""
    typed = [GO_ON, "12", "", "He texts me at night", END, "", "1", "", "", ""]
    out, _ = walked("therapy-relationship", typed)
    assert saved("therapy-relationship")["between"] == "A misunderstanding or tension"
    assert "What would you like them to know about it?" not in out
    assert "Naming it is often how mending begins" not in out
    assert "Feeling unsafe with a therapist is worth taking seriously." in out


def test_not_sure_whether_a_therapist_crossed_a_line_names_the_early_signs() -> None:
    out, _ = walked("therapy-relationship", [GO_ON, "", "", "", "5", "", "The gifts", END])
    for sign in (
        "keep a secret", "Personal messages", "Meeting outside sessions", "Gifts",
        "special to them", "their own problems",
    ):  # fmt: skip
        assert sign in out, sign
    assert "check with another professional first" in out
    assert "Naming it is often how mending begins" not in out
    assert "Checking with another professional can help you see it more clearly" in out
    assert saved("therapy-relationship")["unsure_what"] == "The gifts"


def test_a_line_crossed_is_said_in_short_sentences_with_where_else_to_turn() -> None:
    crossed = library().load("therapy-relationship").prompt("crossed").text
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", crossed) if s]
    assert max(len(s.split()) for s in sentences) <= 20
    assert "Sexual contact or threats may be crimes." in crossed
    assert "Some therapists are not registered with any body." in crossed
    assert "the police or a lawyer" in crossed


def test_each_therapy_path_closes_with_its_own_words() -> None:
    pack = library().load("therapy-relationship")
    closings = [outro.text for outro in pack.outros]
    assert len(set(closings)) == len(closings) >= 4
    assert "therapists generally want to know" not in pack.outro


def test_next_session_points_to_the_therapy_exercise_for_a_line_crossed() -> None:
    what = library().load("next-session").prompt("therapy_what")
    assert "is part of the work" in what.help
    assert "crossed a line" in what.help
    assert "relational reflect therapy-relationship" in what.help


# Letting go, after a death: a bond that goes on, and where to turn when grief stays.


def test_letting_go_after_a_death_has_its_own_path() -> None:
    typed = [GO_ON, SKIP_THE_PAUSE, "4", "Gran", "Her empty chair", END, "", "Her songs", END]
    out, _ = walked("letting-go", [*typed, "Dear Gran,", "thank you.", END, "A walk", ""])
    assert "the death of someone" in out  # the content note names it
    assert "What is hardest right now?" in out
    assert "write a letter to them here. It is not sent anywhere." in out
    for not_asked in ("even for a while", "the hardest part of letting go", "small goodbye"):
        assert not_asked not in out, not_asked
    assert "a doctor or a bereavement service can help" in out
    assert "sudden or violent death" in out
    assert "A bond with someone who died can go on" in out
    assert saved("letting-go") == {
        "kind": "They died",
        "who": "Gran",
        "hardest_now": "Her empty chair",
        "carry": "Her songs",
        "to_them": "Dear Gran,\nthank you.",
        "care": "A walk",
    }


def test_letting_go_assumes_no_country() -> None:
    pack = library().load("letting-go")
    words = " ".join(p.text + p.help for p in pack.prompts).lower()
    for local in ("nhs", "gp", "911", "999", "cruse", "hospice"):
        assert not re.search(rf"\b{local}\b", words), local


# Smaller: no greeting-card closings, no "carry this alone".


def test_no_greeting_card_closings() -> None:
    for pack in library().load_all().packs:
        words = " ".join(
            [pack.outro, *(o.text for o in pack.outros)] + [p.text for p in pack.prompts]
        )
        for phrase in (
            "carry this alone", "face this alone", "do this alone", "quiet compass",
            "thank you for being honest with yourself",
        ):  # fmt: skip
            assert phrase not in words.lower(), (pack.id, phrase)


def test_a_moment_coming_up_is_not_asked_about_in_the_past_tense() -> None:
    typed = [GO_ON, SKIP_THE_PAUSE, "2", "Dinner with Dad", END, "", "", ""]
    out, _ = walked("pause-and-choose", [*typed, "1", "Ask for a minute", END, ""])
    for past in ("What did your body tell you?", "What did you feel?", "What did you need"):
        assert past not in out, past
    assert "What do you notice in your body as you think of it?" in out
    assert "How would you like to respond, next time or when it comes?" in out


def test_nothing_before_a_boundary_is_known_safe_suggests_an_act_they_would_notice() -> None:
    """Leaving the room when voices are raised can be punished: no example before the safety
    question suggests it, and the question asks whether it is safe for them to notice, not
    only to hear (a clinician's reading)."""
    pack = library().load("boundaries")
    assert "leave the room" not in pack.prompt("boundary").help
    assert "noticed this boundary" in pack.prompt("safe").text


def test_a_goodbye_after_a_hurt_needs_nothing_from_them() -> None:
    """Grieving what can't be mended: the goodbye is one's own, never a contact; and
    imagining their side is never asked as excusing them."""
    pack = library().load("repair")
    assert "needs nothing from them" in pack.prompt("keep").help
    assert "a small goodbye just for you" in pack.prompt("keep").text
    assert "not excusing" in pack.prompt("their_side").help


def test_a_hard_month_or_a_bond_that_hurt_is_never_asked_to_be_grateful() -> None:
    """A month may have held little to be glad of, and a relationship that ended may have
    hurt: neither question insists (a clinician's reading)."""
    month = library().load("month-look-back")
    assert month.prompt("glad").optional
    assert "you showed up" not in month.outro
    assert "asks about safety first" in month.prompt("first_step").help
    gave = library().load("letting-go").prompt("gave")
    assert '"not much" is an answer too' in gave.help


def test_shame_fear_and_a_group_are_met_as_a_clinician_would() -> None:
    """Shame's words are put outside the self ("Shame says …"), never written down as one's
    own verdict; fear of someone loved never reads as excusing them; a safety question about
    several people is answered for the least safe one."""
    assert library().load("shame").prompt("says").text.startswith("If shame had words")
    afraid = library().load("joy-and-hurt").prompt("afraid_note").text
    assert "loving someone does not make what they do all right" in afraid
    group = library().load("needs-and-theirs").prompt("safe").help
    assert "answer for the one it would be least safe with" in group


def test_the_weekly_step_never_teaches_pushing_past_a_hesitation() -> None:
    """A hesitation may be fear: the if-then example no longer says "anyway", and "who"
    says a step with someone who may not be safe can be one just for you. (A clinician
    would have the weekly step ask about safety too; see the session's note.)"""
    pack = library().load("weekly-step")
    assert "anyway" not in pack.prompt("if_then").help
    assert "might not be safe for you" in pack.prompt("who").help


def test_sharing_or_showing_oneself_is_only_where_it_is_safe() -> None:
    """What could lead to showing something to someone says "only where it is safe"; the
    map's words say who could read them; a therapist who ends therapy can be asked why, and
    for help finding someone new (a clinician's reading)."""
    assert "Only where it is safe" in library().load("authenticity").prompt("step").help
    assert "safe to share it with" in library().load("self-care-plan").prompt("share").help
    assert "unless you use relational lock" in library().load("relationship-map").prompt("how").text
    ending = library().load("ending-therapy").prompt("their_ending").text
    assert "ask for help finding someone new" in ending
