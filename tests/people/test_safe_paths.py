"""Safe paths: where an exercise asks whether something is safe, "no" ends every step toward
the other person and shows help of the right kind. Each path is walked in plain mode, as a
person types it, and what is (and is not) asked and shown is checked."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import journal, library, plain
from conftest import run_cli as run

from relational_cli import messages
from relational_cli.cli import main
from relational_cli.core.home import builtin_packs_dir
from relational_cli.core.journal.fileformat import Value

ENGLAND = "en_GB.UTF-8"
ENGLAND_HURT_LINE = "0808 2000 247"
CRISIS_LINE_UK = "116 123"
CONVERSATION = (
    "first sentence",
    "heated",
    "like for them",
    "part of it yours",
    "understand, or to do",
    "When and where",
    "good-enough outcome",
)


def walk(exercise: str, lines: list[str], lang: str = ENGLAND) -> tuple[int, str, str]:
    """`relational reflect EXERCISE` in plain mode, the person typing `lines`."""
    env, out, err = plain(lines, LANG=lang, LC_ALL="", LC_MESSAGES="")
    code = main(["reflect", exercise], env)
    return code, " ".join(out.getvalue().split()), " ".join(err.getvalue().split())


def saved(exercise: str) -> dict[str, Value]:
    found = journal().latest_of(exercise)
    assert found is not None, f"no {exercise} reflection was saved"
    return found.answer_map()


# Repair: a choice first; only "talk it through" that is safe reaches the conversation.

GO_ON, TALK, DISTANCE, GRIEVE, NOT_SURE_YET = "1", "1", "2", "3", "4"
SAFE, UNSURE, UNSAFE = "1", "2", "3"
KEEP_IT, LEAVE_IT_OUT = "1", "2"
"""Whether to keep the answer to a safety question in the saved file."""
WHO_CAN_READ = (
    "Anyone who can open your account can read what is saved, unless you use relational lock."
)


@pytest.mark.parametrize("answer", [UNSAFE, UNSURE], ids=["no", "not sure"])
def test_repair_that_is_not_safe_never_plans_the_conversation(answer: str) -> None:
    typed = [GO_ON, "Sam", TALK, answer, KEEP_IT, "", "A friend nearby", ".", "Rest", ".", ""]
    code, out, err = walk("repair", typed)
    assert code == 0, err
    for asked in (*CONVERSATION, "What happened, as you see it"):
        assert asked not in out, asked
    # The help of the right kind: the region's domestic-abuse line and its emergency number,
    # shown after the note and again with the closing words; not the crisis lines.
    note = out.index("Nobody is owed a repair.")
    assert out.index(ENGLAND_HURT_LINE) > note
    assert out.count(ENGLAND_HURT_LINE) == 2 and CRISIS_LINE_UK not in out
    assert "A helpline does not send anyone to you." in out
    assert "If you are in danger now, call 999" in out
    assert "relational support --hurt shows these again" in out
    assert "What would help you feel a little safer" in out
    assert "Choosing not to have this conversation can be the wise ending." in out
    assert "Repair often takes more than one try" not in out
    assert WHO_CAN_READ in out
    assert saved("repair") == {
        "who": "Sam",
        "way": "Talk it through",
        "safe": {UNSAFE: "No", UNSURE: "Not sure"}[answer],
        "safer": "A friend nearby",
        "need_now": "Rest",
    }


def test_repair_that_is_safe_prepares_the_conversation() -> None:
    typed = [GO_ON, "Sam", TALK, SAFE, "2"] + [""] * 6 + ["I'd like us to talk."] + [""] * 5
    code, out, err = walk("repair", typed)
    assert code == 0, err
    for asked in CONVERSATION:
        assert asked in out, asked
    assert ENGLAND_HURT_LINE not in out
    assert "Repair often takes more than one try." in out
    assert saved("repair")["opening"] == "I'd like us to talk."


NO_RISK = "1"
"""\"No\" to "Could taking distance make them angry or dangerous?"."""


@pytest.mark.parametrize(
    ("way", "asked", "closing"),
    [
        (DISTANCE, "What would a little more distance look like", "Taking some distance is"),
        (NOT_SURE_YET, "What would help you know what you want?", "Not knowing yet is all right"),
    ],
    ids=["distance", "not sure yet"],
)
def test_distance_that_would_not_anger_them_is_planned_and_ends_with_its_own_words(
    way: str, asked: str, closing: str
) -> None:
    code, out, err = walk("repair", [GO_ON, "Sam", way, NO_RISK, "2", *[""] * 8])
    assert code == 0, err
    assert "Could taking distance make them angry or dangerous?" in out and WHO_CAN_READ in out
    assert "Would talking with them about this be safe" not in out
    assert asked in out and closing in out
    assert ENGLAND_HURT_LINE not in out
    for conversation in CONVERSATION:
        assert conversation not in out, conversation


@pytest.mark.parametrize("risk", ["2", "3"], ids=["not sure", "yes"])
@pytest.mark.parametrize("way", [DISTANCE, NOT_SURE_YET], ids=["distance", "not sure yet"])
def test_distance_that_could_anger_them_is_planned_with_a_domestic_abuse_service(
    way: str, risk: str
) -> None:
    typed = [GO_ON, "Sam", way, risk, LEAVE_IT_OUT, "", "My sister", ".", "2", *[""] * 8]
    code, out, err = walk("repair", typed)
    assert code == 0, err
    assert "A domestic-abuse service can help you plan it" in out
    assert out.count(ENGLAND_HURT_LINE) == 2 and "call 999" in out
    assert "What would a little more distance look like" not in out
    assert "noticing how you feel around them" not in out
    assert "Pulling back from someone who may get angry is best planned with help." in out
    for conversation in CONVERSATION:
        assert conversation not in out, conversation
    kept = saved("repair")
    assert "risk" not in kept and "keep_risk" not in kept  # left out, at the person's choice
    assert kept["risk_safer"] == "My sister"
    path = re.findall(r"\S+\.md", err)[-1]
    assert "angry or dangerous" not in Path(path).read_text(encoding="utf-8")


def test_grieving_asks_no_safety_question_and_ends_with_its_own_words() -> None:
    code, out, err = walk("repair", [GO_ON, "Sam", GRIEVE, "2", *[""] * 8])
    assert code == 0, err
    assert "be safe" not in out and "angry or dangerous" not in out
    assert "What can't be mended?" in out
    assert "Grieving what can't be mended is its own kind" in out


def test_an_answers_file_cannot_plan_a_conversation_that_is_not_safe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answers = tmp_path / "repair.yaml"
    answers.write_text(
        "who: Sam\nway: Talk it through\nsafe: 'No'\nopening: Let's talk\n", encoding="utf-8"
    )
    code, _, err = run(capsys, "reflect", "repair", "--answers", str(answers))
    assert code == 1
    assert "'opening' is not asked with these answers" in err
    assert journal().latest_of("repair") is None


# Boundaries: short and clear is enough; the quiet way for "no" and for "not sure".

BOUNDARY = ["1", "", "", "I will leave the room", ""]


def test_a_boundary_that_is_not_safe_to_say_is_not_coached() -> None:
    """No acts to hold it quietly (a coercive partner may punish them): what helps them stay
    as safe as they can, a domestic-abuse adviser to plan with, and that stopping someone
    hurting them is not their job."""
    typed = [*BOUNDARY, UNSAFE, KEEP_IT, "", "My neighbour", ".", "", ""]
    code, out, err = walk("boundaries", typed)
    assert code == 0, err
    for coaching in ("what words might you use", "practise a smaller version", "hold it quietly"):
        assert coaching not in out, coaching
    assert "voicemail" not in out and "walk" not in out
    assert "Then you don't have to say it, or do anything they would notice." in out
    assert "Stopping someone from hurting you is not your job." in out
    assert "A domestic-abuse adviser can help you plan" in out
    assert "What helps you stay as safe as you can right now?" in out
    assert out.count(ENGLAND_HURT_LINE) == 2 and "call 999" in out
    assert "Keeping yourself as safe as you can is not giving in." in out
    assert "discomfort is not a sign you are doing it wrong" not in out
    assert saved("boundaries")["stay_safe"] == "My neighbour"
    assert saved("boundaries")["safe"] == "No"


def test_a_boundary_that_may_not_be_safe_to_say_can_wait() -> None:
    code, out, err = walk("boundaries", [*BOUNDARY, UNSURE, KEEP_IT, "", "", "", "", ""])
    assert code == 0, err
    assert "you can wait, and decide later" in out
    assert "What helps you stay as safe as you can right now?" in out
    for coaching in ("what words might you use", "practise a smaller version", "hold it quietly"):
        assert coaching not in out, coaching
    assert out.count(ENGLAND_HURT_LINE) == 2
    assert "A worry about being hurt is worth taking seriously" in out


def test_a_boundary_that_is_safe_to_say_asks_for_words_short_and_clear() -> None:
    code, out, err = walk("boundaries", [*BOUNDARY, SAFE, "", "", "", ""])
    assert code == 0, err
    assert "Short and clear is enough; kind if you like." in out
    assert "Short and kind" not in out
    assert ENGLAND_HURT_LINE not in out and "How could you hold it quietly" not in out
    assert "discomfort is not a sign you are doing it wrong" in out


def test_fear_of_being_hurt_is_taken_seriously() -> None:
    fear = library().load("boundaries").prompt("fear")
    assert "If you fear being hurt, take that seriously" in fear.help


# Therapy: misconduct is not a rupture to work through in session.


def test_a_therapist_who_crossed_a_line_is_not_a_rupture_to_work_through() -> None:
    code, out, err = walk("therapy-relationship", ["1", "", "", "", "", "2", "", "", ""])
    assert code == 0, err
    assert "is not something to work through in your sessions, and it is not your fault" in out
    assert "the body that registers or licenses your therapist" in out
    assert "What would you like them to know about it?" not in out
    assert "more of, or less of, in your sessions" not in out
    assert "What happened was not your fault" in out
    assert "therapists generally want to know" not in out


def test_a_therapist_who_is_not_the_right_fit_can_be_left() -> None:
    code, out, err = walk("therapy-relationship", ["1", "", "", "", "3", "", "", "", ""])
    assert code == 0, err
    assert "What would you look for in someone else?" in out
    assert "You are allowed to look for a better fit." in out


def test_uncomfortable_and_unsafe_are_among_the_feelings() -> None:
    feel = library().load("therapy-relationship").prompt("feel")
    assert {"Uncomfortable", "Unsafe"} <= {choice.value for choice in feel.choices}
    code, out, _ = walk("therapy-relationship", ["1", "12", "", "", "", "", "4", "", ""])
    assert code == 0
    assert "Feeling unsafe with a therapist matters." in out


# The weekly step does not presume how it went.


def test_a_step_not_taken_is_not_asked_what_happened(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answers = tmp_path / "step.yaml"
    answers.write_text("wish: Call Ana\nexpectation: Awkward\n", encoding="utf-8")
    assert run(capsys, "reflect", "weekly-step", "--answers", str(answers))[0] == 0
    code, out, err = walk("weekly-step", ["3", "", "skip", *[""] * 12])  # Not yet
    assert code == 0, err
    assert "Call Ana" in out
    assert "You expected" not in out
    assert "often it went differently than feared" not in out
    assert "Thank you for being honest" not in out


# Honest words, plain words, neutral titles.

OVERPROMISES = (
    "stays on your computer",
    "stays on your machine",
    "stays here",
    "only for you",
    "only you can",
    "private place",
    "nobody else can",
    "no one else can",
)


def pack_words(path: Path) -> str:
    """Every word a pack shows a person."""
    return json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), ensure_ascii=False)


def test_no_pack_or_message_promises_more_privacy_than_plain_files_give() -> None:
    texts = {path.name: pack_words(path) for path in builtin_packs_dir().glob("*.yaml")}
    texts["messages.py"] = Path(messages.__file__).read_text(encoding="utf-8")
    for name, text in texts.items():
        for phrase in OVERPROMISES:
            assert phrase not in text.lower(), f"{name}: {phrase!r}"


JARGON = (
    "rupture", "woop", "felt sense", "somatic", "growth-fostering", "zest", "card sort",
    "implementation intention", "mental contrasting", "nervous system",
)  # fmt: skip


@pytest.mark.parametrize("exercise", [p.stem for p in sorted(builtin_packs_dir().glob("*.yaml"))])
def test_what_people_read_about_an_exercise_is_in_plain_words(exercise: str) -> None:
    pack = library().load(exercise)
    for text in (pack.summary, pack.about, *(p.text for p in pack.prompts if p.asks)):
        for word in JARGON:
            assert word not in text.lower(), f"{exercise}: {word!r} in {text!r}"
    for prompt in pack.prompts:
        if prompt.asks:  # about 20 words or fewer: what more there is goes in the hint
            words = re.findall(r"[\w'’-]+", re.sub(r"\{[^}]*\}", "x", prompt.text))
            assert len(words) <= 20, f"{exercise}.{prompt.id}: {len(words)} words"


def test_an_exercise_that_touches_hurt_is_titled_neutrally() -> None:
    """Its title shows in `review` and over a shoulder: the exercise and the day, never a
    name or a boundary from an answer."""
    for pack in library().load_all().packs:
        if pack.content_note:
            assert pack.title_from in ("", "date"), pack.id


def test_a_boundary_reflection_is_not_titled_with_the_boundary(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    answers = tmp_path / "b.yaml"
    answers.write_text("boundary: I will leave when the shouting starts\nsafe: 'No'\n")
    assert run(capsys, "reflect", "boundaries", "--answers", str(answers))[0] == 0
    _, out, _ = run(capsys, "review")
    assert "shouting" not in out
    assert "A boundary that protects my well-being, " in out


def test_the_grounding_pause_starts_with_looking_around_not_the_breath() -> None:
    first, *_, last = messages.exercise.GROUNDING
    assert first.startswith("Look around you")
    assert last.startswith("If it feels all right, notice your breath")


def test_the_body_exercise_starts_with_someone_safe_enough_to_think_about() -> None:
    who = library().load("body-in-relationships").prompt("who")
    assert "safe enough" in who.text and "you can choose someone else, or stop here" in who.help


def test_forgiveness_is_in_ones_own_time() -> None:
    cards = {c.value: c for c in library().data_set("values-cards")}
    assert "in my own time" in cards["Forgiveness"].description
