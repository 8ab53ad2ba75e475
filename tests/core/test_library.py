"""The library of exercises: every built-in pack is complete, and each runs from an answers
file to a saved reflection, as a therapist handing it to a client would try it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import journal, library, run_cli, write_pack

from relational_cli.core.exercise import session
from relational_cli.core.home import builtin_packs_dir
from relational_cli.core.journal.fileformat import Value
from relational_cli.core.packs.known import GROUPS
from relational_cli.core.packs.library import group_of
from relational_cli.core.packs.model import CARD_PILES, Pack

BUILT_IN = sorted(path.stem for path in builtin_packs_dir().glob("*.yaml"))
TOUCHING_HURT = (
    "authenticity",
    "belonging",
    "body-in-relationships",
    "boundaries",
    "ending-therapy",
    "forgiveness",
    "joy-and-hurt",
    "kindness-to-myself",
    "letting-go",
    "needs-and-theirs",
    "pause-and-choose",
    "patterns",
    "protective-strategies",
    "relationship-map",
    "repair",
    "say-a-need",
    "self-care-plan",
    "shame",
    "therapy-relationship",
    "what-i-want",
    "who-i-am",
)
"""Exercises that ask about hurt, loneliness, conflict or the body: each has a content note."""
PACK = """id: PACK
title: Own
summary: One of my own
minutes: 5
GROUP
prompts:
  - {id: how, type: text, text: How was today?}
"""
WITH_A_PAUSE = (
    "body-in-relationships",
    "forgiveness",
    "joy-and-hurt",
    "letting-go",
    "pause-and-choose",
    "patterns",
    "protective-strategies",
    "repair",
    "shame",
)
"""The harder exercises, each offering a grounding pause."""


class EveryAnswer:
    """Answers every question it is asked, whatever its kind, with something that fits."""

    def ask(self, step: session.Step) -> Value | None:
        kind, values = step.prompt.type, [choice.value for choice in step.choices]
        if kind == "text":
            return f"Words for {step.prompt.id}"
        if kind == "long_text":
            return f"A first line for {step.prompt.id}\nand a second"
        if kind == "choice":
            return values[0]
        if kind == "multi_choice":
            return values[: step.prompt.max or 2]
        if kind == "ranking":
            return list(reversed(values))
        if kind == "card_sort":
            piles: dict[str, list[str]] = {name: [] for name in CARD_PILES}
            piles[CARD_PILES[0]] = values[:3]
            piles[CARD_PILES[3]] = values[3:]
            return piles
        if kind == "scale":
            return step.prompt.max
        if kind == "pairs":
            return ((f"A sign for {step.prompt.id}", "what I'll do"), ("another", ""))
        assert kind == "confirm", kind
        return True

    def show_note(self, step: session.Step) -> None: ...

    def ground(self, step: session.Step) -> None: ...

    def nudge(self, step: session.Step) -> None: ...

    def mention(self, text: str) -> None: ...


def test_the_menu_offers_twenty_eight_exercises_in_groups_the_starters_first() -> None:
    menu = library().load_all().menu
    assert len(menu) == 28
    assert [pack.id for pack in menu[:3]] == ["values", "weekly-step", "self-care-plan"]
    groups = [group_of(pack) for pack in menu]
    assert list(dict.fromkeys(groups)) == list(GROUPS)  # each group together, in this order
    assert all(pack.group in GROUPS for pack in menu)


def test_groups_of_ones_own_come_after_the_built_in_ones_and_no_group_last(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, group in (("zeta", "Zoe's practice"), ("alpha", ""), ("mine", "Connection")):
        line = f"group: {group}\n" if group else ""
        write_pack(home, name, PACK.replace("id: PACK", f"id: {name}").replace("GROUP\n", line))
    menu = library().load_all().menu
    assert [group_of(p) for p in menu][-2:] == ["Zoe's practice", "More exercises"]
    assert [p.id for p in menu][-2:] == ["zeta", "alpha"]
    assert "mine" in [p.id for p in menu if p.group == "Connection"]
    code, out, _ = run_cli(capsys, "packs", "list")
    assert code == 0
    assert re.search(r"alpha\s+Own\s+More exercises\s+5\s+yours\n\Z", out)


@pytest.mark.parametrize("exercise", BUILT_IN)
def test_every_built_in_exercise_is_complete(exercise: str) -> None:
    pack = library().load(exercise)
    assert pack.builtin
    assert pack.summary and pack.minutes and pack.about and pack.sources and pack.intro
    assert bool(pack.content_note) is (exercise in TOUCHING_HURT)
    assert any(p.type == "grounding" for p in pack.prompts) is (exercise in WITH_A_PAUSE)


@pytest.mark.parametrize("exercise", BUILT_IN)
def test_every_built_in_exercise_runs_from_an_answers_file_to_a_saved_reflection(
    exercise: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack: Pack = library().load(exercise)
    answers = session.final_answers(pack, session.run(pack, EveryAnswer(), {}))
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(json.dumps(answers), encoding="utf-8")

    code, _, err = run_cli(capsys, "reflect", exercise, "--answers", str(answers_file))

    assert code == 0, err
    saved = journal().latest_of(exercise)
    assert saved is not None
    kept = {name: value for name, value in answers.items() if not pack.prompt(name).keeps}
    assert saved.answer_map() == kept  # whether to keep a safety answer is itself never kept
    if pack.title_from and pack.title_from != "date":
        assert saved.title == f"Words for {pack.title_from}"
    closing, _ = session.closing(pack, answers)  # the closing words of the path taken
    assert (closing or "Thank you for taking this time.") in " ".join(err.split())
