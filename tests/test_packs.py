"""Loading prompt packs: the built-in ones, the user's own, and the ways a pack can be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from relational_cli import packs, paths
from relational_cli.errors import UserError
from relational_cli.packs import PackError

CORE = ("values", "self-care-plan", "weekly-step")


@pytest.mark.parametrize("name", CORE)
def test_every_core_pack_loads_and_asks_real_questions(name: str) -> None:
    pack = packs.load(name)
    assert pack.id == name
    assert pack.title and pack.summary and pack.minutes > 0
    assert sum(prompt.asks for prompt in pack.prompts) >= 5
    assert all(len(prompt.text) > 15 for prompt in pack.prompts)


def test_the_values_cards_include_the_relational_ones() -> None:
    cards = packs.load("values").prompt("important").choices
    names = {card.value for card in cards}
    assert len(cards) >= 90
    assert {"Belonging", "Reciprocity", "Repair", "Being seen", "Honesty"} <= names
    assert all(card.description for card in cards)


def test_the_value_pack_narrows_to_five_then_ranks_them() -> None:
    pack = packs.load("values")
    top = pack.prompt("top_five")
    assert (top.choices_from, top.max) == ("important", 5)
    assert pack.prompt("ranked").choices_from == "top_five"


def test_built_in_packs_are_found_in_the_installed_package_or_the_checkout() -> None:
    folder = paths.builtin_packs_dir()
    assert {p.stem for p in folder.glob("*.yaml")} >= set(CORE)
    assert (folder / "data" / "values-cards.yaml").is_file()


@pytest.mark.parametrize(
    "name", ["../values", "/etc/passwd", "values.yaml", "Values", "a b", "x\0y", ""]
)
def test_a_name_that_is_not_a_plain_id_is_refused(name: str) -> None:
    with pytest.raises(UserError, match="is not an exercise name"):
        packs.load(name)


def test_an_unknown_exercise_names_the_ones_there_are() -> None:
    with pytest.raises(
        UserError,
        match=r"no exercise called 'valeus' \(try one of: self-care-plan, values, weekly-step\)",
    ):
        packs.load("valeus")


def write_pack(home: Path, name: str, text: str) -> Path:
    folder = home / "packs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """\
id: check-in
title: Evening check-in
summary: Three questions
prompts:
  - id: feeling
    type: scale
    text: How connected do you feel today?
  - id: who
    type: text
    text: Who did you feel close to?
"""


def test_a_users_pack_is_found_beside_the_built_in_ones(home: Path) -> None:
    write_pack(home, "check-in", GOOD)
    pack = packs.load("check-in")
    assert not pack.builtin
    assert pack.prompt("feeling").max == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "check-in.yaml:1: a pack must be a mapping of keys, but this is empty"),
        (
            "- a\n- b\n",
            "check-in.yaml:1: a pack must be a mapping of keys, but this is a list",
        ),
        ("id: [\n", "check-in.yaml:2: "),
        (
            GOOD.replace("summary:", "sumary:"),
            "check-in.yaml:3: pack: unknown key 'sumary' (did you mean 'summary'?)",
        ),
        (
            GOOD.replace("type: text", "type: essay"),
            "check-in.yaml:9: prompts[1].type: unknown type 'essay'",
        ),
        (
            GOOD.replace("id: who", "id: feeling"),
            "check-in.yaml:8: prompts[1].id: 'feeling' is used by an earlier prompt",
        ),
        (
            GOOD.replace("id: check-in", "id: other"),
            "check-in.yaml:1: id: 'other' must match the file name 'check-in.yaml'",
        ),
        (
            GOOD + "    when: {nobody: 1}\n",
            "check-in.yaml:11: prompts[1].when.nobody: does not name an earlier prompt",
        ),
        (
            GOOD.replace("Who did you", "Who {later} did you"),
            "prompts[1].text: {later} does not name an earlier prompt",
        ),
        (
            GOOD.replace("type: text", "type: choice"),
            "check-in.yaml:8: prompts[1]: a choice prompt needs `choices` or `choices_from`",
        ),
        (
            GOOD.replace("    type: scale\n", "    type: scale\n    min: 7\n"),
            "check-in.yaml:7: prompts[0].min: min (7) is more than max (5)",
        ),
        ("id: x\n!!python/object:os.system {}\n", "check-in.yaml"),
    ],
)
def test_broken_packs_say_where_and_what(home: Path, text: str, expected: str) -> None:
    write_pack(home, "check-in", text)
    with pytest.raises(UserError) as caught:
        packs.load("check-in")
    assert expected in caught.value.message


def test_every_problem_is_reported_at_once(home: Path) -> None:
    write_pack(
        home, "check-in", GOOD.replace("summary:", "sumary:").replace("type: text", "type: essay")
    )
    with pytest.raises(PackError) as caught:
        packs.load("check-in")
    assert len(caught.value.problems) == 3  # unknown key, missing summary, unknown type


def test_a_broken_user_pack_never_hides_the_others(home: Path) -> None:
    write_pack(home, "broken", "id: broken\n")
    found, broken = packs.load_all()
    assert {p.id for p in found} >= set(CORE)
    assert [path.name for path, _ in broken] == ["broken.yaml"]


def test_an_installed_copy_carries_its_own_packs() -> None:
    import relational_cli

    package = Path(relational_cli.__file__).resolve().parent
    checkout = Path(__file__).resolve().parents[1]
    if package.parent == checkout / "src":  # an editable install or a plain checkout
        assert paths.builtin_packs_dir().resolve() == checkout / "prompts"
    else:  # installed from the wheel, as `pip install .` does
        assert paths.builtin_packs_dir() == package / "prompts"
