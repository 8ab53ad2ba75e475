"""Every path through every built-in pack, walked: no step toward the other person (a prompt
marked `toward`) comes after a safety question answered "No", "Not sure" or left unanswered,
nor without a safe answer before it; and every pack that asks about a person has a safety
question."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import library

from relational_cli.core.exercise import session
from relational_cli.core.exercise.session import Step
from relational_cli.core.journal.fileformat import Value
from relational_cli.core.packs.model import Pack

PACKS = sorted(p.stem for p in (Path(__file__).parents[2] / "prompts").glob("*.yaml"))

ABOUT_A_PERSON = {
    "joy-and-hurt", "repair", "boundaries", "needs-and-theirs", "pause-and-choose",
    "what-i-want", "forgiveness", "say-a-need", "relationship-map",
}  # fmt: skip
"""Packs that ask about one relationship, where a step toward that person could follow."""
NO_STEP_TOWARD_ANYONE = {
    "body-in-relationships": "asks for someone safe enough to think about, and no step",
    "letting-go": "asks nothing of anyone: a goodbye needs nobody else",
    "therapy-relationship": "a professional; a line crossed leads away, to other help",
    "weekly-step": "a step the person picks, within their control; its hint says so",
}
"""Packs with a `who` question that plan no step toward that person, and why."""


class Branch(Exception):
    def __init__(self, options: list[Value | None]) -> None:
        self.options = options


def branching(pack: Pack) -> set[str]:
    """The prompts whose answers some condition reads (the rest get one answer each)."""
    names = {name for outro in pack.outros for name, _ in outro.when}
    for prompt in pack.prompts:
        names |= {name for name, _ in (*prompt.when, *prompt.unless)}
        names |= {prompt.keeps} if prompt.keeps else set()
    return names | {p.id for p in pack.prompts if p.safety}


def options(step: Step) -> list[Value | None]:
    kind = step.prompt.type
    values: list[Value | None] = [None]
    if kind == "choice":
        values += [choice.value for choice in step.choices]
    elif kind in ("multi_choice", "ranking"):
        values += [[choice.value] for choice in step.choices]
    elif kind == "confirm":
        values += [True, False]
    elif kind == "scale":
        assert step.prompt.min is not None and step.prompt.max is not None
        values += list(range(step.prompt.min, step.prompt.max + 1))
    else:
        values += ["words"]
    return values


class Following:
    """Answers as `path` says at each branching prompt, and plain words elsewhere; records
    every prompt shown, in order."""

    def __init__(self, pack: Pack, path: list[Value | None]) -> None:
        self.path, self.at, self.branching = path, 0, branching(pack)
        self.shown: list[tuple[str, Value | None]] = []
        self.nudged = False

    def ask(self, step: Step) -> Value | None:
        if self.nudged:  # asked again after a nudge: left empty again
            self.nudged = False
            return None
        if step.prompt.id in self.branching:
            if self.at == len(self.path):
                raise Branch(options(step))
            answer = self.path[self.at]
            self.at += 1
        else:
            answer = options(step)[-1] if step.prompt.type in ("text", "long_text") else None
        self.shown.append((step.prompt.id, answer))
        return answer

    def show_note(self, step: Step) -> None:
        self.shown.append((step.prompt.id, None))

    def ground(self, step: Step) -> None: ...
    def nudge(self, step: Step) -> None:
        self.nudged = True

    def mention(self, text: str) -> None: ...


def walks(pack: Pack) -> Iterator[list[tuple[str, Value | None]]]:
    """Every path through `pack`: the prompts shown, in order, with their answers."""
    stack: list[list[Value | None]] = [[]]
    while stack:
        path = stack.pop()
        asker = Following(pack, path)
        try:
            session.run(pack, asker)
        except Branch as branch:
            stack += [[*path, option] for option in branch.options]
            continue
        yield asker.shown


def unsafe_steps(pack: Pack, shown: list[tuple[str, Value | None]]) -> list[str]:
    """The `toward` prompts on this path that come after a safety question answered not
    safe (or not answered), or with no safe answer before them."""
    problems, safe_given, unsafe_given = [], False, False
    for prompt_id, answer in shown:
        prompt = pack.prompt(prompt_id)
        if prompt.safety:
            if answer in prompt.safety:
                safe_given = True
            else:
                unsafe_given = True
        if prompt.toward and (unsafe_given or not safe_given):
            problems.append(prompt_id)
    return problems


@pytest.mark.parametrize("pack_id", PACKS)
def test_no_step_toward_someone_follows_an_answer_that_it_is_not_safe(pack_id: str) -> None:
    pack = library().load(pack_id)
    count = 0
    for shown in walks(pack):
        count += 1
        assert not unsafe_steps(pack, shown), (pack_id, shown)
    assert count >= 1


@pytest.mark.parametrize("pack_id", PACKS)
def test_a_pack_that_asks_about_a_person_asks_about_safety(pack_id: str) -> None:
    pack = library().load(pack_id)
    has_safety = any(prompt.safety for prompt in pack.prompts)
    if pack_id in ABOUT_A_PERSON or any(prompt.toward for prompt in pack.prompts):
        assert has_safety, pack_id
    if any(prompt.id == "who" for prompt in pack.prompts):
        assert pack_id in ABOUT_A_PERSON or pack_id in NO_STEP_TOWARD_ANYONE, pack_id


def test_the_walk_finds_a_step_reached_after_no() -> None:
    """The check itself: a pack whose step toward someone lost its `when` is caught."""
    import dataclasses

    pack = library().load("repair")
    opening = pack.prompt("opening")
    broken = dataclasses.replace(
        pack,
        prompts=tuple(dataclasses.replace(p, when=()) if p is opening else p for p in pack.prompts),
    )
    assert any(unsafe_steps(broken, shown) for shown in walks(broken))
