"""The third shelf: seven exercises from the seeds (a pattern that repeats, a map of my
relationships, forgiveness, saying a need, shame, ending therapy, a month looked back on),
a check-in to repeat, and a note from whoever wrote a pack. Each is walked in plain mode as
a person types it; where one asks whether something is safe, "no" and "not sure" end every
step toward the other person and show the lines for someone being hurt."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from conftest import Terminal, journal, library, reflect, write_pack
from conftest import run_cli as run
from test_safe_paths import CRISIS_LINE_UK, ENGLAND_HURT_LINE, pack_words, saved, walk

from relational_cli.core.home import builtin_packs_dir
from relational_cli.core.journal.fileformat import Reflection, Section
from relational_cli.core.journal.journal import new_id
from relational_cli.core.search.reading_back import month_before

GO_ON, SKIP_THE_PAUSE, SAVE, END, READ = "1", "2", "", ".", ""
"""Go on past the content note; skip the grounding pause; save at the look-over (Enter); the
line that ends a long answer; Enter after a note."""
KEEP_IT, LEAVE_IT_OUT = "1", "2"
SAFE, UNSURE, UNSAFE = "1", "2", "3"


def walked(exercise: str, typed: list[str]) -> str:
    """What the person saw, having walked `exercise` to the end and saved it."""
    code, out, err = walk(exercise, [*typed, SAVE])
    assert code == 0, err
    assert "Saved " in err, err
    return out


# The check-in: three small scales, repeatable, nothing added up.


def test_the_check_in_asks_three_scales_and_keeps_each_number_alone() -> None:
    out = walked("check-in", ["2", "4", "3"])
    for asked in ("how connected", "how alone", "how cared for"):
        assert asked in out, asked
    assert "not at all" in out and "very" in out
    assert "Weeks like this can be hard." in out and "relational support lists people" in out
    assert saved("check-in") == {"connected": 2, "alone": 4, "cared_for": 3}
    words = pack_words(builtin_packs_dir() / "check-in.yaml").lower()
    for word in ("score", "total", "lonel", "normal"):
        assert word not in words, word


def test_the_check_in_is_titled_by_its_day(capsys: pytest.CaptureFixture[str]) -> None:
    out = walked("check-in", ["3", "3", "3"])
    assert "Weeks like this" not in out and "You can check in again next week" in out
    _, out, _ = run(capsys, "review")
    assert "A short check-in, " in out


# A pattern that repeats: looking back is a choice, and a pattern of being hurt is not
# something to change alone.

PATTERN = [GO_ON, "1 2", "2", "I look after everyone", END, "", ""]
"""Friendships and family; caring for others more than for myself; in words; the trigger
and the feeling skipped."""


def test_a_pattern_can_be_looked_back_on_gently_after_a_pause() -> None:
    typed = [
        *PATTERN,
        "1",
        SKIP_THE_PAUSE,
        "When Mum was ill",
        END,
        READ,
        "",
        "",
        SAFE,
        "Ask once",
        END,
    ]
    out = walked("patterns", [*typed, "With Ana"])
    assert "Before you look back, would you like a short pause" in out
    assert "Thank you for looking back. If it stirred up a lot, take a breath." in out
    assert ENGLAND_HURT_LINE not in out
    assert "Patterns change slowly" in out
    assert saved("patterns") == {
        "where": ["Friendships", "Family"],
        "kind": ["Caring for others more than for myself"],
        "pattern": "I look after everyone",
        "look_back": "Yes, gently",
        "began": "When Mum was ill",
        "change_safe": "No",
        "instead": "Ask once",
        "try": "With Ana",
    }


def test_a_pattern_need_not_be_looked_back_on() -> None:
    out = walked("patterns", [*PATTERN, "2", "", "", SAFE, "", ""])
    assert "short pause" not in out and "When do you first remember" not in out
    assert saved("patterns")["look_back"] == "Not today"


def test_a_pattern_of_being_hurt_turns_to_safety_not_to_changing_it() -> None:
    typed = [GO_ON, "4", "7", READ, "They shout", END, SKIP_THE_PAUSE, "", "A friend's", END]
    out = walked("patterns", typed)
    assert "Being hurt or controlled by someone close to me" in out  # not "ending up with"
    assert "Ending up with people" not in out
    for asked in ("set it off", "protected you from", "cost you now"):  # never the person's doing
        assert asked not in out, asked
    for asked in ("look back", "first remember"):  # nor traced back to their own past
        assert asked not in out, asked
    pause = out.index("would you like a short pause")
    assert (
        out.index("what keeps happening?") < pause < out.index("When it starts, what do you feel?")
    )
    note = out.index("If someone hurts or controls you now, that is not your fault.")
    assert out.index(ENGLAND_HURT_LINE) > note and out.count(ENGLAND_HURT_LINE) == 2
    assert CRISIS_LINE_UK not in out
    assert "Could doing this differently" not in out
    assert "what would you like to do instead" not in out
    assert "Where could you try that first" not in out
    assert "Being hurt or controlled is never your fault" in out
    kept = saved("patterns")
    assert kept["kind"] == ["Being hurt or controlled by someone close to me"]
    assert kept["safer"] == "A friend's" and "look_back" not in kept


GIVING_IN = [GO_ON, "4", "6", "I say yes to everything", END, "", "", "2", "", ""]
"""Partners; giving in to keep the peace; in words; the trigger and the feeling skipped; not
looking back today; what it protected and what it costs skipped."""


def test_a_change_they_would_notice_is_asked_about_before_it_is_planned() -> None:
    out = walked("patterns", [*GIVING_IN, SAFE, "Say I'll think", END, "At work"])
    question = out.index("Could doing this differently make someone angry or unsafe for you?")
    assert "Anyone who can open your account can read what is saved" in out
    assert question < out.index("what would you like to do instead")
    assert "Where could you try that first" in out
    assert ENGLAND_HURT_LINE not in out and "Giving in to stay safe" not in out
    assert "Patterns change slowly" in out
    kept = saved("patterns")
    assert kept["change_safe"] == "No" and kept["instead"] == "Say I'll think"
    assert kept["try"] == "At work"


@pytest.mark.parametrize("answer", [UNSAFE, UNSURE], ids=["yes", "not sure"])
def test_a_change_that_could_make_someone_angry_is_not_planned(answer: str) -> None:
    out = walked("patterns", [*GIVING_IN, answer, LEAVE_IT_OUT, READ, "A door I can lock", END])
    assert "Giving in to stay safe is not a failing." in out
    assert "what would you like to do instead" not in out
    assert "Where could you try that first" not in out
    assert "What would help you feel a little safer" in out
    assert out.count(ENGLAND_HURT_LINE) == 2 and CRISIS_LINE_UK not in out
    assert "Patterns change slowly" not in out
    kept = saved("patterns")
    assert "change_safe" not in kept and "instead" not in kept and "try" not in kept
    assert kept["safer_first"] == "A door I can lock"


# A map of my relationships: circles as three answers, one person a line.

MAP = [GO_ON, READ, "J - nourishes", "Book club - both", END, "Sam - not sure", END, "", ""]
"""The map: close (two lines), around (one), further skipped, and what I notice skipped."""


def test_the_map_keeps_each_circle_one_person_a_line() -> None:
    out = walked("relationship-map", [*MAP, "Ana", END, "", "1", ""])
    assert "One person a line" in out and "J - nourishes" in out
    kept = saved("relationship-map")
    assert kept["close"] == "J - nourishes\nBook club - both"
    assert kept["around"] == "Sam - not sure"
    assert kept["move"] == "Just notice for now"
    assert "Just noticing is enough." in out


def test_a_step_nearer_that_is_safe_is_planned() -> None:
    out = walked("relationship-map", [*MAP, "Ana", END, "", "2", SAFE, "Text Ana", ""])
    assert "Would reaching out to the person you'd like nearer be safe for you?" in out
    assert saved("relationship-map")["nearer_step"] == "Text Ana"
    assert ENGLAND_HURT_LINE not in out


@pytest.mark.parametrize("answer", [UNSAFE, UNSURE], ids=["no", "not sure"])
def test_a_step_nearer_that_is_not_safe_is_not_planned(answer: str) -> None:
    out = walked("relationship-map", [*MAP, "", "", "2", answer, KEEP_IT, READ, ""])
    assert "small step nearer to them" not in out
    assert out.count(ENGLAND_HURT_LINE) == 2 and CRISIS_LINE_UK not in out
    assert "Wanting someone nearer is all right, and so is waiting." in out


@pytest.mark.parametrize("risk", ["2", "3"], ids=["not sure", "yes"])
def test_distance_that_could_anger_them_is_planned_with_help(risk: str) -> None:
    typed = [*MAP, "", "T", END, "3", risk, LEAVE_IT_OUT, READ, "My sister's", END, ""]
    out = walked("relationship-map", typed)
    assert "A domestic-abuse service can help you plan it" in out
    assert "What would a little more distance look like" not in out
    assert out.count(ENGLAND_HURT_LINE) == 2
    kept = saved("relationship-map")
    assert "risk" not in kept and "keep_risk" not in kept
    assert kept["safer"] == "My sister's"


# Forgiveness: not excusing, not making up; trust only after the safety question.

NOT_HURTING_NOW = "3"
OTHER = [GO_ON, "1", "R", NOT_HURTING_NOW, SKIP_THE_PAUSE, "", "", READ, "1", ""]
"""Someone else, R, not hurting me now; what happened and carrying it skipped; the note; not
ready yet; what to put down skipped."""


@pytest.mark.parametrize("answer", [UNSAFE, UNSURE], ids=["no", "not sure"])
def test_trust_that_is_not_safe_is_never_planned(answer: str) -> None:
    out = walked("forgiveness", [*OTHER, "1", answer, KEEP_IT, READ, "Sleep", END])
    assert "Forgiving is not saying it was all right." in out
    assert "It is not making up, or seeing them again." in out
    assert "What would trust need" not in out and "way trust could be tried" not in out
    assert out.count(ENGLAND_HURT_LINE) == 2 and CRISIS_LINE_UK not in out
    assert "Trust is never owed." in out
    kept = saved("forgiveness")
    assert kept["where_now"] == "Not ready yet" and kept["need_now"] == "Sleep"


def test_trust_that_is_safe_asks_what_it_would_need() -> None:
    out = walked("forgiveness", [*OTHER, "1", SAFE, "Time", END, "", ""])
    assert "What would trust need?" in out
    assert ENGLAND_HURT_LINE not in out
    assert saved("forgiveness")["trust_needs"] == "Time"


def test_not_forgiving_is_allowed_and_trust_is_not_asked_of_no() -> None:
    typed = [GO_ON, "1", "R", NOT_HURTING_NOW, SKIP_THE_PAUSE, "", "", READ, "5", "", "3", "Rest"]
    out = walked("forgiveness", [*typed, END])
    assert "Forgiving or not, what would you like to put down?" in out
    assert "Would being close to them again be safe" not in out
    assert "Not forgiving is allowed." in out


def test_not_ready_to_forgive_is_asked_what_to_put_down_forgiving_or_not() -> None:
    out = walked("forgiveness", [*OTHER[:-1], "The weight", END, "3", "Rest", END])
    assert "If you did forgive" not in out
    assert "Forgiving or not, what would you like to put down?" in out
    assert "What would you keep?" in out  # a hint now, not a second question
    assert saved("forgiveness")["let_go"] == "The weight"


@pytest.mark.parametrize("answer", ["1", "2"], ids=["yes", "not sure"])
def test_someone_still_hurting_you_is_not_asked_about_forgiving_them(answer: str) -> None:
    typed = [GO_ON, "1", "R", answer, KEEP_IT, READ, SKIP_THE_PAUSE, "", "", "Sleep", END]
    out = walked("forgiveness", typed)
    question = out.index("Are they still hurting or frightening you?")
    assert "Anyone who can open your account can read what is saved" in out
    assert question < out.index("Then forgiving can wait. It is never owed")
    for asked in (
        "Forgiving is not saying it was all right",
        "Where are you with forgiving them",
        "put down",
        "trusting them again",
        "Would being close to them again be safe",
        "What would trust need",
    ):
        assert asked not in out, asked
    assert out.count(ENGLAND_HURT_LINE) == 2 and CRISIS_LINE_UK not in out
    assert "Forgiveness, if it comes" not in out
    kept = saved("forgiveness")
    assert kept["hurting_now"] in ("Yes", "Not sure") and kept["need_now"] == "Sleep"
    assert "where_now" not in kept and "trust" not in kept


def test_someone_not_hurting_you_now_is_asked_first_then_about_forgiving() -> None:
    out = walked("forgiveness", [*OTHER, "3", "Rest", END])
    question = out.index("Are they still hurting or frightening you?")
    assert question < out.index("Where are you with forgiving them")
    assert ENGLAND_HURT_LINE not in out
    assert saved("forgiveness")["hurting_now"] == "No"


def test_forgiving_myself_asks_no_trust_and_no_name() -> None:
    typed = [GO_ON, "2", SKIP_THE_PAUSE, "", "", "I shouted", END, "", "", ""]
    out = walked("forgiveness", typed)
    assert "Who is it?" not in out and "trusting them again" not in out
    assert "Owning what you did and being kind to yourself can go together." in out
    assert saved("forgiveness") == {"whom": "Myself", "own_part": "I shouted"}


# Saying a need: rehearsed only where saying it is safe; otherwise no coaching of acts.

NEED = [GO_ON, "Time together", "K", ""]


@pytest.mark.parametrize(
    ("answer", "note"),
    [
        (UNSAFE, "Then you don't have to say it, or do anything they would notice."),
        (UNSURE, "When you're not sure, you can wait, and decide later."),
    ],
    ids=["no", "not sure"],
)
def test_a_need_that_is_not_safe_to_say_is_not_rehearsed(answer: str, note: str) -> None:
    out = walked("say-a-need", [*NEED, answer, KEEP_IT, READ, "My room", END, "A friend", END])
    assert note in out
    for rehearsal in ("How might you say it", "How might they answer", "out loud", "say no"):
        assert rehearsal not in out, rehearsal
    assert out.count(ENGLAND_HURT_LINE) == 2 and CRISIS_LINE_UK not in out
    kept = saved("say-a-need")
    assert kept["stay_safe"] == "My room" and kept["elsewhere"] == "A friend"


def test_a_need_that_is_safe_to_say_is_rehearsed_both_ways() -> None:
    typed = [*NEED, SAFE, "I'd like one evening for us", "", "", "", "", "Say thanks", END, ""]
    out = walked("say-a-need", typed)
    for asked in ("How might you say it", "How might they answer", "If they say no"):
        assert asked in out, asked
    assert ENGLAND_HURT_LINE not in out
    assert "however they answer, your need is still real" in out
    kept = saved("say-a-need")
    assert kept["words"] == "I'd like one evening for us" and kept["if_no"] == "Say thanks"


# Shame: the body, and a kind witness.


def test_shame_is_met_by_a_kind_witness() -> None:
    typed = [GO_ON, SKIP_THE_PAUSE, "I froze", END, "", "4 1", "Tight", "", READ, "Gran"]
    out = walked("shame", [*typed, "You're all right", END, "", ""])
    assert "the shame belongs with what they did, not with you" in out
    assert "If they saw you in that moment, with kindness, what would they say?" in out
    kept = saved("shame")
    assert kept["body"] == ["Chest", "Face or cheeks"] or kept["body"] == [
        "Face or cheeks",
        "Chest",
    ]
    assert kept["witness_says"] == "You're all right"


# Ending therapy: allowed for a poor fit; a line crossed is not worked through.


def test_a_therapist_ending_it_is_met_with_care() -> None:
    out = walked("ending-therapy", [GO_ON, "4", READ, "1", "", "", "", "", "", "", ""])
    assert "it can stir up feelings of being left" in out
    assert saved("ending-therapy") == {"why": "My therapist is ending it", "feel": ["Sad"]}


def test_ending_because_it_is_not_the_right_fit_is_allowed() -> None:
    out = walked("ending-therapy", [GO_ON, "2", READ, "2", "", "", "", "", "Calm", END, ""])
    assert "Ending because it isn't the right fit is allowed." in out
    assert "Leaving because it isn't the right fit is allowed." in out
    assert saved("ending-therapy") == {
        "why": "It isn't the right fit",
        "feel": ["Relieved"],
        "take": "Calm",
    }


def test_ending_after_a_line_was_crossed_asks_nothing_to_say_to_them() -> None:
    out = walked("ending-therapy", [GO_ON, "5", READ, "", "", "", "My GP", END])
    assert "When a therapist crosses a line, it is not your fault." in out
    assert "What would you like to say at the end" not in out
    assert "What has the work given you" not in out and "How have other endings" not in out
    assert "the body that registers your therapist" in out
    assert saved("ending-therapy")["help_now"] == "My GP"


# A month looked back on: the month's steps with how each went, and the titles written.

TODAY = datetime(2026, 12, 5, 12, 0).astimezone()


def step(day: datetime, wish: str, outcome: str | None = None, happened: str = "") -> None:
    """A weekly step saved on `day`: its wish (its title), how the one before it went."""
    sections = [Section("wish", "What is one small step?", wish)]
    if outcome:
        sections.append(Section("last_step", "How did it go?", outcome))
    if happened:
        sections.append(Section("what_happened", "What happened?", happened))
    reflection = Reflection(
        new_id("weekly-step", day), "weekly-step", day.isoformat(), wish, ("weekly-step",)
    )
    journal().save(reflection, sections)


def on(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 9, 0).astimezone()


def test_the_month_looked_back_on_lists_its_steps_with_how_each_went() -> None:
    step(on(10, 20), "An old step")
    step(on(11, 10), "Call Inés on Sunday", "Done")
    step(on(11, 17), "Walk with Sam", "Done", happened="SECRET WORDS")
    step(on(11, 24), "Say no once", "Partly")
    entry = Reflection(
        new_id("journal", on(11, 30)), "journal", on(11, 30).isoformat(), "A quiet Sunday", ()
    )
    journal().save(entry, [Section("entry", "Entry", "HIDDEN ENTRY")])
    with time_machine.travel(TODAY, tick=False):
        typed = [READ, READ, "Calling Inés", END, "", "", "", "Be honest", ""]
        out = walked("month-look-back", typed)
    assert (
        "Your weekly steps over the last month, oldest first:"
        " - Call Inés on Sunday — Done - Walk with Sam — Partly - Say no once" in out
    )
    assert "An old step" not in out  # more than a month ago
    others = "And the other things you wrote here over the last month, by title:"
    assert f"Say no once Press Enter to go on. {others} - A quiet Sunday Press Enter" in out
    for words in ("SECRET WORDS", "HIDDEN ENTRY"):
        assert words not in out  # titles and outcomes only
    assert saved("month-look-back") == {"glad": "Calling Inés", "intention": "Be honest"}


def test_a_month_without_steps_says_where_to_start_one() -> None:
    with time_machine.travel(TODAY, tick=False):
        out = walked("month-look-back", ["Rest", END, "", "", "", "", ""])
    assert "There are no weekly steps from the last month to look back on." in out
    assert "Your weekly steps over the last month" not in out
    assert "the other things you wrote here" not in out


def test_a_month_list_goes_only_in_a_note_and_names_a_pack(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    path = write_pack(
        home,
        "mine",
        "id: mine\ntitle: Mine\nsummary: Mine\nprompts:\n"
        "  - {id: a, type: text, text: 'What of {month:weekly-step}?'}\n"
        "  - {id: b, type: note, text: 'Look:{month:nothing-here}'}\n"
        "  - {id: c, type: note, text: 'All:{month:*}'}\n",
    )
    code, out, _ = run(capsys, "packs", "validate", str(path))
    assert code == 1
    assert "prompts[0].text: {month:weekly-step} lists reflections; only a note can show it" in out
    assert "prompts[1].text: {month:nothing-here}: there is no pack called 'nothing-here'" in out
    assert "prompts[2]" not in out


# A note from whoever wrote a pack: shown once, before the first question, in both askers.

FROM_SAM = """id: from-sam
title: Between sessions
summary: Two questions from Sam
from:
  name: Sam
  note: "Take your time with these. [bold]Nothing[/bold] here is marked."
intro: Two questions.
prompts:
  - {id: how, type: text, text: How was your week?}
  - {id: one, type: text, text: What is one thing to bring?}
"""
NOTE = "Take your time with these. [bold]Nothing[/bold] here is marked."


def test_a_note_from_whoever_wrote_the_pack_comes_before_its_first_question(
    home: Path,
) -> None:
    write_pack(home, "from-sam", FROM_SAM)
    out = walked("from-sam", ["Fine", "Rest"])
    assert out.index("A note from Sam:") < out.index(NOTE) < out.index("How was your week?")
    assert out.count(NOTE) == 1  # shown as written: never read as markup
    assert saved("from-sam") == {"how": "Fine", "one": "Rest"}


def test_a_note_without_a_name_and_not_again_on_resuming(home: Path) -> None:
    write_pack(home, "from-sam", FROM_SAM.replace("  name: Sam\n", ""))
    _, out, err = walk("from-sam", ["Fine", "pause"])
    assert "Paused." in err
    assert "A note from whoever wrote this exercise:" in out and NOTE in out
    out = walked("from-sam", ["1", "Rest"])  # pick up where I left off
    assert NOTE not in out and "A note from" not in out
    assert saved("from-sam") == {"how": "Fine", "one": "Rest"}


def test_a_note_from_whoever_wrote_the_pack_in_the_full_terminal(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pack(home, "from-sam", FROM_SAM)
    in_terminal.type("Fine", Terminal.ENTER, "Rest", Terminal.ENTER, Terminal.SAVE)
    assert reflect("from-sam") == 0
    out = capsys.readouterr().out
    assert out.index("A note from Sam:") < out.index(NOTE) < out.index("How was your week?")
    assert saved("from-sam") == {"how": "Fine", "one": "Rest"}


def test_packs_show_gives_the_note_from_whoever_wrote_it(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    write_pack(home, "from-sam", FROM_SAM)
    code, out, _ = run(capsys, "packs", "show", "from-sam")
    assert code == 0 and f"A note from Sam: {NOTE}" in out
    code, out, _ = run(capsys, "packs", "show", "from-sam", "--format", "json")
    assert json.loads(out)["pack"]["from"] == {"note": NOTE, "name": "Sam"}


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        ("from: {name: Sam}", "from: missing note"),
        ("from: Sam", "from: must be a mapping with note"),
        ("from: {note: Hi, nmae: Sam}", "from: unknown key 'nmae' (did you mean 'name'?)"),
        (f"from: {{note: Hi, name: {'S' * 61}}}", "from.name: must be one line of at most 60"),
    ],
)
def test_a_note_from_is_checked(
    block: str, problem: str, capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    text = "id: mine\ntitle: Mine\nsummary: Mine\nprompts:\n  - {id: a, type: text, text: A}\n"
    path = write_pack(home, "mine", text + block + "\n")
    code, out, _ = run(capsys, "packs", "validate", str(path))
    assert code == 1 and problem in out, out


def test_a_month_s_titles_are_shown_inert() -> None:
    title = "[bold]Loud[/bold] \x1b[2J and\nmore"
    entry = Reflection(new_id("journal", on(11, 30)), "journal", on(11, 30).isoformat(), title, ())
    journal().save(entry, [Section("entry", "Entry", "words")])
    with time_machine.travel(TODAY, tick=False):
        out = walked("month-look-back", [READ, "Rest", END, "", "", "", "", ""])
    assert "\x1b" not in out
    assert "- [bold]Loud[/bold] " in out


def test_a_long_month_lists_twenty_titles_and_says_how_many_more() -> None:
    for number in range(1, 24):
        when = on(11, 6) + timedelta(hours=number)
        entry = Reflection(new_id("journal", when), "journal", when.isoformat(), f"Entry {number}")
        journal().save(entry, [Section("entry", "Entry", "words")])
    with time_machine.travel(TODAY, tick=False):
        out = walked("month-look-back", [READ, "Rest", END, "", "", "", "", ""])
    assert "- Entry 1 - Entry 2" in out and "- Entry 20 - and 3 more" in out
    assert '(relational review --since "last month" lists them all)' in out
    assert "Entry 21" not in out


@pytest.mark.parametrize(
    ("day", "before"),
    [("2026-12-05", "2026-11-05"), ("2026-03-31", "2026-02-28"), ("2026-01-15", "2025-12-15")],
)
def test_a_month_before_is_the_same_day_or_the_shorter_month_s_last(day: str, before: str) -> None:
    assert month_before(date.fromisoformat(day)) == date.fromisoformat(before)


def test_every_question_keeping_a_safety_answer_says_the_same_honest_words() -> None:
    """One sentence, the same wherever a safety answer may be left out of the saved file, so
    no pack (the new ones included) promises less, or more, than the others."""
    helps = {
        (pack.id, prompt.id): prompt.help
        for pack in library().load_all().packs
        for prompt in pack.prompts
        if prompt.keeps
    }
    assert len(helps) >= 10 and len(set(helps.values())) == 1, helps
    assert "If you pause, it is kept with your other answers until you finish." in next(
        iter(helps.values())
    )
