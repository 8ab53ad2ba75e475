"""Real questionary prompts driven in process through prompt_toolkit's pipe input.

Keys are typed ahead; prompt_toolkit hands each prompt the keys meant for it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Terminal, drafts, journal, library, menu_keys, reflect
from conftest import run_cli as run

from relational_cli import messages
from relational_cli.core.exercise import session
from relational_cli.core.packs import model as packs
from relational_cli.core.packs.model import Choice, Prompt
from relational_cli.tui.asker import TerminalAsker

T = Terminal


def step(kind: str, choices: tuple[str, ...] = (), **extra: object) -> session.Step:
    prompt = Prompt("p", kind, "A question?", choices=tuple(Choice(c) for c in choices), **extra)  # type: ignore[arg-type]
    return session.Step(prompt, prompt.text, prompt.choices, 1, 3)


@pytest.mark.parametrize(
    ("kind", "keys", "expected", "extra"),
    [
        ("text", ["I'd call Sam", T.ENTER], "I'd call Sam", {}),
        ("text", [T.ENTER], None, {}),
        (
            "long_text",
            ["first line", T.ENTER, "## second line", T.FINISH],
            "first line\n## second line",
            {},
        ),
        ("long_text", [T.FINISH], None, {}),
        ("long_text", [T.ENTER], None, {}),  # Enter on nothing skips, as the hint says
        ("long_text", ["  ", T.ENTER], None, {}),
        ("choice", [T.DOWN, T.ENTER], "b", {}),
        ("choice", [T.DOWN, T.DOWN, T.DOWN, T.ENTER], None, {}),
        ("confirm", [T.DOWN, T.ENTER], False, {}),
        ("confirm", [T.ENTER], True, {}),
        # A scale starts on no number: Enter alone chooses nothing, the first Down the lowest.
        ("scale", [T.ENTER, T.DOWN, T.DOWN, T.DOWN, T.ENTER], 3, {"min": 1, "max": 5}),
        ("scale", [T.UP, T.ENTER], None, {"min": 1, "max": 5}),
        ("multi_choice", [T.SPACE, T.DOWN, T.DOWN, T.SPACE, T.ENTER], ["a", "c"], {}),
        ("multi_choice", [T.ENTER], None, {}),
        ("ranking", [T.DOWN, T.DOWN, T.ENTER, T.ENTER], ["c", "a", "b"], {}),
        ("ranking", [T.DOWN, T.DOWN, T.DOWN, T.ENTER], None, {}),
    ],
)
def test_every_prompt_kind_answers_and_skips(
    terminal: Terminal,
    console: object,
    kind: str,
    keys: list[str],
    expected: object,
    extra: dict[str, object],
) -> None:
    terminal.type(*keys)
    choices = ("a", "b", "c") if kind in packs.CHOICE_TYPES else ()
    assert TerminalAsker(console).ask(step(kind, choices, **extra)) == expected  # type: ignore[arg-type]


def test_the_screen_says_how_to_answer(terminal: Terminal, console: object) -> None:
    terminal.type(T.FINISH)
    TerminalAsker(console).ask(step("long_text"))  # type: ignore[arg-type]
    assert "1 of 3" in terminal.printed
    assert "A question?" in terminal.printed
    assert "press Esc, then Enter, to finish" in terminal.printed


def test_multiple_choice_holds_to_its_maximum(terminal: Terminal, console: object) -> None:
    # Ticking a third of at most two is refused; unticking it lets Enter through.
    terminal.type(T.SPACE, T.DOWN, T.SPACE, T.DOWN, T.SPACE, T.ENTER, T.SPACE, T.ENTER)
    answer = TerminalAsker(console).ask(step("multi_choice", ("a", "b", "c"), max=2))  # type: ignore[arg-type]
    assert answer == ["a", "b"]


def test_a_long_list_filters_as_you_type(terminal: Terminal, console: object) -> None:
    cards = library().data_set("values-cards")
    values = Prompt("p", "multi_choice", "Tick the ones that matter", choices=cards)
    terminal.type("repa", T.SPACE, "\x7f" * 4, "honest", T.SPACE, T.ENTER)
    the_step = session.Step(values, values.text, values.choices, 1, 7)
    assert TerminalAsker(console).ask(the_step) == ["Honesty", "Repair"]  # in deck order  # type: ignore[arg-type]


def test_an_earlier_answer_is_offered_when_asked_again(terminal: Terminal, console: object) -> None:
    terminal.type(" and more", T.ENTER)
    the_step = session.Step(step("text").prompt, "Q?", (), 1, 1, previous="what I said")
    assert TerminalAsker(console).ask(the_step) == "what I said and more"  # type: ignore[arg-type]


def saved(home: Path) -> list[Path]:
    return sorted((home / "journal").rglob("*.md")) if (home / "journal").exists() else []


WEEKLY_KEYS = [
    "Message Alex about Sunday", T.ENTER,  # wish
    "Alex", T.ENTER,  # who
    "We'd both feel less alone", T.FINISH,  # outcome
    T.FINISH,  # obstacle (skipped)
    "If I worry I'm a bother, then I will send it anyway", T.ENTER,
    T.ENTER,  # anchor (skipped)
    "Well, I think", T.FINISH,  # expectation
    T.DOWN, T.DOWN, T.DOWN, T.DOWN, T.ENTER,  # confidence 4
    T.SAVE,
]  # fmt: skip


def test_the_weekly_step_from_start_to_saved_file(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_terminal.type(*WEEKLY_KEYS)
    assert reflect("weekly-step") == 0
    [path] = saved(home)
    main_out = capsys.readouterr()
    assert "That's your step for this week" in main_out.out
    assert path.stem in main_out.err and str(path) in main_out.err

    answers = journal().load(path).answer_map()
    assert answers == {
        "wish": "Message Alex about Sunday",
        "who": "Alex",
        "outcome": "We'd both feel less alone",
        "if_then": "If I worry I'm a bother, then I will send it anyway",
        "expectation": "Well, I think",
        "confidence": 4,
    }
    assert not (home / "drafts" / "weekly-step.json").exists()


def test_ctrl_c_pauses_and_the_next_reflect_picks_up_where_it_stopped(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_terminal.type("Message Alex", T.ENTER, "Alex", T.ENTER, T.CTRL_C)
    assert reflect("weekly-step") == 130
    err = " ".join(capsys.readouterr().err.split())  # as read, whatever the wrapping
    # Honest words: kept on this computer, never "only you can see them" (anyone using the
    # account can, and the files are not encrypted).
    assert (
        "Paused. Your answers so far are kept as a draft in your data folder on this computer."
        in err
    )
    assert "only you" not in err
    assert "relational reflect weekly-step picks up where you left off" in err
    assert saved(home) == []
    draft = json.loads((home / "drafts" / "weekly-step.json").read_text())
    assert draft["answers"] == {"wish": "Message Alex", "who": "Alex"}

    # Resume (the default), then answer only what is left.
    in_terminal.type(
        T.ENTER,
        "Feeling close",
        T.FINISH,
        T.FINISH,
        T.ENTER,
        T.ENTER,
        T.FINISH,
        T.UP,
        T.ENTER,
        T.SAVE,
    )
    assert reflect("weekly-step") == 0
    assert "You have a paused “One small step this week”" in capsys.readouterr().out
    [path] = saved(home)

    answers = journal().load(path).answer_map()
    assert answers == {"wish": "Message Alex", "who": "Alex", "outcome": "Feeling close"}
    assert not (home / "drafts" / "weekly-step.json").exists()


def test_starting_again_discards_the_draft(in_terminal: Terminal, home: Path) -> None:

    drafts().save("weekly-step", 1, "2026-11-21T20:00:00+00:00", {"wish": "old"})
    in_terminal.type(T.DOWN, T.DOWN, T.ENTER, "new wish", T.ENTER, T.CTRL_C)  # start again
    assert reflect("weekly-step") == 130
    draft = drafts().load("weekly-step")
    assert draft is not None and draft.answers == {"wish": "new wish"}


def test_the_menu_lists_the_exercises_and_starts_the_one_chosen(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_terminal.type(menu_keys("weekly-step"), *WEEKLY_KEYS)
    assert reflect() == 0
    out = capsys.readouterr().out
    assert "Which exercise would you like to do?" in out
    [path] = saved(home)
    assert path.name.endswith("-weekly-step.md")


def test_a_content_note_comes_first_and_not_now_saves_nothing(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_terminal.type(T.DOWN, T.ENTER)
    assert reflect("self-care-plan") == 0
    out = capsys.readouterr().out
    assert "Content note: Some parts of this plan ask about hard times" in out
    assert "It will be here when you want it" in out
    assert saved(home) == []


def test_skipping_everything_saves_nothing(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_terminal.type(
        T.ENTER, T.ENTER, T.FINISH, T.FINISH, T.ENTER, T.ENTER, T.FINISH, T.UP, T.ENTER
    )
    assert reflect("weekly-step") == 0
    assert "Nothing was answered, so nothing was saved." in capsys.readouterr().out
    assert saved(home) == []
    assert not (home / "drafts" / "weekly-step.json").exists()


def test_the_values_card_sort_from_cards_to_ranked_top_values(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_terminal.type(
        T.ENTER,  # all 91 cards
        "1", "3", "u", "4",  # Acceptance: very important; Accuracy: not important, undone, unsure
        "a", "Play with my kids", T.ENTER, "1",  # a card of my own, sorted next
        "s",  # stop here: leave the rest
        T.SPACE, T.DOWN, T.SPACE, T.ENTER,  # both very important ones in the top five
        T.DOWN, T.ENTER,  # my own card first
        "Acceptance: letting people be who they are", T.FINISH, T.FINISH, T.FINISH, T.ENTER,
        T.SAVE,
    )  # fmt: skip
    assert reflect("values") == 0
    assert (
        "Sorted 3 cards: 2 very important, 0 important, 0 not important, 1 unsure."
        in capsys.readouterr().out
    )
    [path] = saved(home)

    answers = journal().load(path).answer_map()
    assert answers["sort"] == {
        "Very important": ["Acceptance", "Play with my kids"],
        "Important": [],
        "Not important": [],
        "Unsure": ["Accuracy"],
    }
    assert answers["ranked"] == ["Play with my kids", "Acceptance"]
    assert answers["meaning"] == "Acceptance: letting people be who they are"


def test_the_shorter_deck_sorts_to_the_end_by_itself(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = library().load("values").prompt("sort").short_deck
    in_terminal.type(T.DOWN, T.ENTER, *["2"] * len(short), T.FINISH, T.FINISH, T.ENTER, T.SAVE)
    assert reflect("values") == 0
    assert (
        f"Sorted {len(short)} cards: 0 very important, {len(short)} important"
        in capsys.readouterr().out
    )
    [path] = saved(home)

    answers = journal().load(path).answer_map()
    assert sorted(answers["sort"]["Important"]) == sorted(short)
    assert "top_five" not in answers  # nothing very important: nothing to narrow


def test_a_paused_card_sort_carries_on_where_it_stopped(in_terminal: Terminal, home: Path) -> None:

    in_terminal.type(T.ENTER, "1", "2", T.CTRL_C)
    assert reflect("values") == 130
    draft = drafts().load("values")
    assert draft is not None
    sort = draft.unsent["sort"]  # the piles so far, and the very cards still to sort
    assert sort["piles"]["Very important"] == ["Acceptance"]
    assert sort["piles"]["Important"] == ["Accuracy"]
    assert sort["to_sort"][0] == "Achievement" and len(sort["to_sort"]) == 91 - 2
    in_terminal.type(T.ENTER, "3", "s", T.CTRL_C)  # resume: the third card comes next
    assert reflect("values") == 130
    draft = drafts().load("values")
    assert draft is not None and draft.answers["sort"] == {
        "Very important": ["Acceptance"],
        "Important": ["Accuracy"],
        "Not important": ["Achievement"],
        "Unsure": [],
    }


def test_a_scale_asked_again_starts_on_the_last_answer(terminal: Terminal, console: object) -> None:
    import dataclasses

    terminal.type(T.ENTER)  # Enter keeps it
    revised = dataclasses.replace(step("scale", min=1, max=5), previous=2)  # type: ignore[arg-type]
    assert TerminalAsker(console).ask(revised) == 2  # type: ignore[arg-type]


SHIFT_TAB = "\x1b[Z"


@pytest.mark.parametrize(
    "kind", ["text", "long_text", "choice", "confirm", "scale", "multi_choice", "ranking"]
)
def test_shift_tab_goes_back_from_every_prompt_kind(
    terminal: Terminal, console: object, kind: str
) -> None:
    terminal.type(SHIFT_TAB)
    choices = ("a", "b", "c") if kind in packs.CHOICE_TYPES else ()
    extra = {"min": 1, "max": 5} if kind == "scale" else {}
    the_step = session.Step(
        step(kind, choices, **extra).prompt, "Q?", tuple(Choice(c) for c in choices), 2, 3
    )
    assert TerminalAsker(console).ask(the_step) == session.Back(unsent=None)  # type: ignore[arg-type]
    assert "Shift-Tab goes back" in terminal.printed


def test_going_back_in_a_ranking_undoes_the_last_pick(terminal: Terminal, console: object) -> None:
    terminal.type(T.ENTER, SHIFT_TAB, T.DOWN, T.DOWN, T.ENTER, T.ENTER)
    assert TerminalAsker(console).ask(step("ranking", ("a", "b", "c"))) == ["c", "a", "b"]  # type: ignore[arg-type]


def test_back_three_questions_change_one_and_keep_the_rest(
    in_terminal: Terminal, home: Path
) -> None:
    in_terminal.type(
        "Call Sam", T.ENTER, "Sam", T.ENTER, "Laughing", T.FINISH, "Worry", T.FINISH,
        SHIFT_TAB, SHIFT_TAB, SHIFT_TAB,  # back to `who`
        "\x7f" * 3, "Sam and Jo", T.ENTER,  # changed
        T.FINISH, T.FINISH,  # the later answers come back as they were
        T.ENTER, T.ENTER, T.FINISH, T.UP, T.ENTER, T.SAVE,
    )  # fmt: skip
    assert reflect("weekly-step") == 0
    [path] = saved(home)

    assert journal().load(path).answer_map() == {
        "wish": "Call Sam",
        "who": "Sam and Jo",
        "outcome": "Laughing",
        "obstacle": "Worry",
    }


def test_look_over_then_change_one_answer_before_saving(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_terminal.type(
        "Call Sam", T.ENTER, "Sam", T.ENTER, T.FINISH, T.FINISH, T.ENTER, T.ENTER, T.FINISH,
        *[T.DOWN] * 5, T.ENTER,  # very sure: 5 (a scale starts on no number)
        T.DOWN, T.DOWN, T.ENTER,  # Change an answer (after the plain title)
        *[T.DOWN] * 7, T.ENTER,  # 8. How sure …
        T.UP, T.UP, T.UP, T.ENTER,  # from 5, as it was, to 2, which asks a hidden question
        "Just text him", T.ENTER,  # … asked now
        T.SAVE,
    )  # fmt: skip
    assert reflect("weekly-step") == 0
    out = capsys.readouterr().out
    assert out.count("Your answers") == 2  # shown again after the change
    [path] = saved(home)

    assert journal().load(path).answer_map() == {
        "wish": "Call Sam",
        "who": "Sam",
        "confidence": 2,
        "smaller": "Just text him",
    }


def test_discarding_asks_once_more_and_keeps_nothing(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_terminal.type(
        "A step", T.ENTER, T.ENTER, T.FINISH, T.FINISH, T.ENTER, T.ENTER, T.FINISH, T.UP, T.ENTER,
        T.DOWN, T.DOWN, T.DOWN, T.ENTER, T.ENTER,  # Discard? No, keep it
        T.DOWN, T.DOWN, T.DOWN, T.ENTER, T.DOWN, T.ENTER,  # Discard? Yes
    )  # fmt: skip
    assert reflect("weekly-step") == 0
    out = capsys.readouterr().out
    assert out.count("Your answers") == 2  # "No, keep it" came back to the answers
    assert "Discarded. Nothing from this exercise was kept." in out
    assert saved(home) == []
    assert not (home / "drafts" / "weekly-step.json").exists()


def test_a_resumed_draft_can_be_looked_over_first(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:

    drafts().save(
        "weekly-step", 1, "2026-11-21T20:00:00+00:00", {"wish": "Write to Ana", "who": "Ana"}
    )
    in_terminal.type(
        T.DOWN, T.ENTER, T.ENTER, "Closer", T.FINISH, T.CTRL_C
    )  # look over, carry on, answer
    assert reflect("weekly-step") == 130
    out = capsys.readouterr().out
    assert "Your answers" in out and "Write to Ana" in out
    draft = drafts().load("weekly-step")
    assert draft is not None and draft.answers["outcome"] == "Closer"
    assert draft.started == "2026-11-21T20:00:00+00:00"  # still when it was begun


def test_the_look_over_shortens_long_answers_and_shows_them_inert(
    terminal: Terminal, console: object
) -> None:
    from relational_cli.core.journal.fileformat import Section
    from relational_cli.tui import screen

    long = "\n".join(f"line {n} [bold]not markup[/]" for n in range(10))
    console.print(
        screen.answers_summary(
            [
                Section("a", "Q?", long),
                Section("b", "R?", None),
                Section("c", "S?", ["x", "y"]),
                Section("d", "T?", None),
            ],
            {"d": "typed, not yet sent: half [i]typed"},
        )
    )  # type: ignore[attr-defined]
    shown = terminal.printed
    assert "line 2 [bold]not markup[/] …" in shown and "line 3" not in shown
    assert "x, y" in shown
    assert shown.count("skipped") == 1  # b; d's words are there, only not sent
    assert "typed, not yet sent: half [i]typed" in shown


def test_next_weeks_step_shows_the_prediction_beside_what_happened(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    last_week = tmp_path / "last.yaml"
    last_week.write_text(
        "wish: Call Sam on Sunday\nexpectation: Awkward, and short\nconfidence: 3\n"
    )
    assert run(capsys, "reflect", "weekly-step", "--answers", str(last_week))[0] == 0

    in_terminal.type(
        T.DOWN, T.ENTER,  # Partly
        "We talked for an hour", T.FINISH,  # what actually happened
        T.FINISH,  # what helped (skipped)
        T.ENTER,  # keep it: last week's step is offered again
        T.ENTER, *[T.ENTER, T.FINISH, T.FINISH, T.ENTER, T.ENTER, T.FINISH], T.UP, T.ENTER,
        T.SAVE,
    )  # fmt: skip
    assert reflect("weekly-step") == 0
    out = capsys.readouterr().out
    assert "Last time, your step was: “Call Sam on Sunday”. How did it go?" in " ".join(out.split())

    newest = journal().load(next(journal().files()))
    assert newest.answer_map() == {
        "last_step": "Partly",
        "what_happened": "We talked for an hour",
        "next_move": "Keep it",
        "wish": "Call Sam on Sunday",  # kept with Enter
    }
    assert newest.title == "Call Sam on Sunday"  # review lists the step, not the pack
    beside = next(a for a in newest.answers if a.prompt_id == "what_happened")
    assert beside.heading == "You expected: “Awkward, and short”. What happened?"


def test_the_first_weekly_step_has_no_look_back(tmp_path: Path, home: Path) -> None:
    from relational_cli.core.exercise import session

    pack = library().load("weekly-step")
    shown = [p.id for p in pack.prompts if session.make_step(pack, p, {}) is not None]
    assert shown[0] == "wish" and "last_step" not in shown


def test_a_note_is_shown_and_waits_for_any_key(terminal: Terminal, console: object) -> None:
    terminal.type("x")
    note = Prompt("breathe", "note", "Take a breath [bold]before[/] the next one.")
    TerminalAsker(console).show_note(session.Step(note, note.text, (), 0, 3))  # type: ignore[arg-type]
    assert "Take a breath [bold]before[/] the next one." in terminal.printed


@pytest.mark.parametrize("take_it", [True, False])
def test_a_grounding_pause_can_be_taken_or_skipped(
    terminal: Terminal, console: object, take_it: bool
) -> None:
    # Taken: each line waits for a key. Skipped: nothing more is shown.
    terminal.type(*([T.ENTER, "x", "x", "x"] if take_it else [T.DOWN, T.ENTER]))
    pause = Prompt("settle", "grounding", "Would you like a short pause?")
    TerminalAsker(console).ground(session.Step(pause, pause.text, (), 0, 3))  # type: ignore[arg-type]
    shown = terminal.printed
    assert "Would you like a short pause?" in shown
    for line in messages.exercise.GROUNDING:
        assert (line in " ".join(shown.split())) is take_it
    assert (messages.exercise.GROUNDED in " ".join(shown.split())) is take_it


def card_step(previous: object = None) -> session.Step:
    deck = tuple(Choice(c, description=f"about {c}") for c in ("Care", "Play", "Rest"))
    prompt = Prompt("sort", "card_sort", "Sort them", choices=deck)
    return session.Step(prompt, prompt.text, deck, 1, 3, previous=previous)  # type: ignore[arg-type]


def test_a_finished_sort_can_sort_its_unsure_pile_again(
    terminal: Terminal, console: object
) -> None:
    done = {
        "Very important": ["Care"],
        "Important": ["Play"],
        "Not important": [],
        "Unsure": ["Rest"],
    }
    terminal.type(
        T.DOWN, T.ENTER, "1"
    )  # "Sort the Unsure pile again"; Rest is very important after all
    piles = TerminalAsker(console).ask(card_step(done))  # type: ignore[arg-type]
    assert piles == {
        "Very important": ["Care", "Rest"],
        "Important": ["Play"],
        "Not important": [],
        "Unsure": [],
    }


def test_a_finished_sort_can_be_kept_as_it_is(terminal: Terminal, console: object) -> None:
    done = {
        "Very important": ["Care", "Play", "Rest"],
        "Important": [],
        "Not important": [],
        "Unsure": [],
    }
    terminal.type(T.ENTER)
    assert TerminalAsker(console).ask(card_step(done)) == done  # type: ignore[arg-type]


def test_an_own_card_that_already_exists_is_not_added_twice(
    terminal: Terminal, console: object
) -> None:
    terminal.type("a", "play", T.ENTER, "1", "2", "3")
    piles = TerminalAsker(console).ask(card_step())  # type: ignore[arg-type]
    assert "There is already a card called “play”." in terminal.printed
    assert piles == {
        "Very important": ["Care"],
        "Important": ["Play"],
        "Not important": ["Rest"],
        "Unsure": [],
    }


NOTE_PACK = """\
id: pause
title: A pause
summary: A note, then a question
prompts:
  - {id: breathe, type: note, text: Take a breath before you go on.}
  - {id: now, type: text, text: What is here now?}
"""


def test_a_note_waits_for_a_key_before_the_next_question(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import write_pack

    write_pack(home, "pause", NOTE_PACK)
    # The first key only goes on from the note; were the note not waiting, it would be typed
    # into the question after it.
    in_terminal.type("x", "Quiet", T.ENTER, T.SAVE)
    assert reflect("pause") == 0
    assert "Take a breath before you go on." in capsys.readouterr().out
    [path] = saved(home)
    assert journal().load(path).answer_map() == {"now": "Quiet"}


def test_hang_ups_are_handled_as_before_once_an_exercise_ends(
    in_terminal: Terminal, home: Path
) -> None:
    import signal

    def mine(signum: int, frame: object) -> None:
        """A handler of the caller's own."""

    signal.signal(signal.SIGHUP, mine)
    signal.signal(signal.SIGTERM, mine)
    in_terminal.type(*WEEKLY_KEYS)
    assert reflect("weekly-step") == 0
    assert signal.getsignal(signal.SIGHUP) is mine
    assert signal.getsignal(signal.SIGTERM) is mine


def test_shift_tab_keeps_the_words_being_typed(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Answer 1, type in 2 without Enter, go back and pause: the draft keeps the words.
    in_terminal.type("Call Maya", T.ENTER, "Maya, my oldest friend", SHIFT_TAB, T.CTRL_C)
    assert reflect("weekly-step") == 130
    draft = drafts().load("weekly-step")
    assert draft is not None and draft.unsent["who"] == "Maya, my oldest friend"
    capsys.readouterr()

    # Resumed, looking over first: the words are said to be there, not skipped.
    in_terminal.type(T.DOWN, T.ENTER, T.ENTER, T.CTRL_C)
    assert reflect("weekly-step") == 130
    looked = " ".join(capsys.readouterr().out.split())
    assert "typed, not yet sent: Maya, my oldest friend" in looked
    look = looked.split("Your answers")[1].split("2 of 9")[0]
    assert "skipped" not in look and look.count("not asked yet") == 6

    # Resumed: back to 2 once more, then forward again: 2 offers the words (Enter sends them).
    in_terminal.type(T.ENTER, SHIFT_TAB, T.ENTER, T.ENTER, T.CTRL_C)
    assert reflect("weekly-step") == 130
    draft = drafts().load("weekly-step")
    assert draft is not None
    assert draft.answers == {"wish": "Call Maya", "who": "Maya, my oldest friend"}
    assert draft.unsent == {}


def test_shift_tab_in_a_card_sort_keeps_the_cards_sorted(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = library().load("values").prompt("sort").short_deck
    # The shorter deck; two cards; Shift-Tab (the first question: it is asked again); a pause.
    in_terminal.type(T.DOWN, T.ENTER, "1", "2", SHIFT_TAB, T.CTRL_C)
    assert reflect("values") == 130
    draft = drafts().load("values")
    assert draft is not None
    assert len(draft.unsent["sort"]["to_sort"]) == len(short) - 2
    assert sum(len(pile) for pile in draft.unsent["sort"]["piles"].values()) == 2


def test_a_short_deck_resumes_as_the_short_deck_with_its_cards_counted(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = library().load("values").prompt("sort").short_deck
    in_terminal.type(T.DOWN, T.ENTER, "1", "2", T.CTRL_C)
    assert reflect("values") == 130
    capsys.readouterr()
    in_terminal.type(T.ENTER, *["3"] * (len(short) - 2), T.CTRL_C)
    assert reflect("values") == 130
    out = " ".join(capsys.readouterr().out.split())
    assert "(0 answered, 2 cards sorted)" in out
    draft = drafts().load("values")  # the rest of the short deck finished the sort
    assert draft is not None
    piles = draft.answers["sort"]
    assert sum(len(pile) for pile in piles.values()) == len(short)
    assert set(piles["Not important"]) <= set(short)


def test_a_damaged_draft_is_listed_and_set_aside_to_start_afresh(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from conftest import run_cli

    (home / "drafts").mkdir(parents=True)
    (home / "drafts" / "weekly-step.json").write_text('{"answers": {"wish": "Call Sa')
    code, out, err = run_cli(capsys, "drafts")
    assert code == 0
    assert "weekly-step" in out and "damaged" in out and "No paused exercises" not in err

    in_terminal.type(T.ENTER, "Call Sam", T.ENTER, T.CTRL_C)  # set it aside, start afresh
    assert reflect("weekly-step") == 130
    out = " ".join(capsys.readouterr().out.split())
    assert "Your paused “One small step this week” cannot be picked up" in out
    [kept] = (home / "recovery").iterdir()
    assert kept.name.startswith("kept-") and kept.suffix == ".json"
    assert kept.read_text() == '{"answers": {"wish": "Call Sa'  # whole, never deleted
    draft = drafts().load("weekly-step")
    assert draft is not None and draft.answers == {"wish": "Call Sam"}
    code, out, err = run_cli(capsys, "drafts")
    assert "keeps 1 thing" in " ".join(err.split()) and kept.name in out
    assert "cannot be read" in out


def test_a_window_that_closes_mid_question_pauses_with_the_words_typed(console: object) -> None:
    # A closed window fails the question's last redraw (EIO) rather than ending its input.
    import errno
    from types import SimpleNamespace

    from relational_cli.core.exercise.asking import Paused

    class Question:
        application = SimpleNamespace(
            current_buffer=SimpleNamespace(text="Mo and the kids"), key_bindings=None
        )

        def unsafe_ask(self) -> None:
            raise OSError(errno.EIO, "Input/output error")

    with pytest.raises(Paused) as paused:
        TerminalAsker(console)._ask(Question())  # type: ignore[arg-type]
    assert paused.value.unsent == "Mo and the kids"

    class Full(Question):
        def unsafe_ask(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="No space"):  # other failures are not a pause
        TerminalAsker(console)._ask(Full())  # type: ignore[arg-type]


def test_a_window_that_closes_between_questions_pauses(in_terminal: Terminal, home: Path) -> None:
    import errno
    import io

    from conftest import environment

    class ClosingWindow(io.StringIO):
        def write(self, text: str) -> int:
            if "2 of 9" in text:
                raise OSError(errno.EIO, "Input/output error")
            return super().write(text)

    in_terminal.type("Tell Mo", T.ENTER)
    env = environment(terminal=True, stdout=ClosingWindow(), stderr=ClosingWindow())
    from relational_cli.cli import main

    assert main(["reflect", "weekly-step"], env) == 130
    draft = drafts().load("weekly-step")
    assert draft is not None and draft.answers == {"wish": "Tell Mo"}


def test_an_exercise_open_in_another_window_is_not_written_over(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    # Another window (a live process) has weekly-step open, and has paused once already.
    lock = home / "drafts" / "weekly-step.lock"
    lock.parent.mkdir(parents=True)
    lock.write_text(
        json.dumps({"pid": os.getppid(), "host": os.uname().nodename, "since": "2026-11-22"})
    )
    drafts().save("weekly-step", 2, "2026-11-22", {"wish": "Other window"}, session="other")

    in_terminal.type(T.ENTER)  # "Not now"
    assert reflect("weekly-step") == 0
    out = capsys.readouterr().out
    assert "is open in another window" in out
    assert lock.exists()  # still the other window's

    # Opened here anyway, and its draft picked up: the other window's draft is kept whole
    # (should that window still be open), and the person is told.
    in_terminal.type(T.DOWN, T.ENTER, T.ENTER, "Mine", T.ENTER, T.CTRL_C)
    assert reflect("weekly-step") == 130
    err = capsys.readouterr().err
    [kept] = (home / "recovery").iterdir()
    assert f"kept whole in {kept}" in err.replace("\n", "")
    assert json.loads(kept.read_text())["answers"] == {"wish": "Other window"}
    draft = drafts().load("weekly-step")
    assert draft is not None and draft.answers == {"wish": "Other window", "who": "Mine"}
    assert not lock.exists()  # let go when the pause ended it
