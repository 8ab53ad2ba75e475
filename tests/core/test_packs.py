"""Loading prompt packs: the built-in ones, the user's own, and the ways a pack can be wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import library, write_pack

from relational_cli.core.errors import UserError
from relational_cli.core.home import builtin_packs_dir, pack_schema, packs_guide
from relational_cli.core.packs.model import PackError

CORE = ("values", "self-care-plan", "weekly-step")


@pytest.mark.parametrize("name", CORE)
def test_every_core_pack_loads_and_asks_real_questions(name: str) -> None:
    pack = library().load(name)
    assert pack.id == name
    assert pack.title and pack.summary and pack.minutes > 0
    assert sum(prompt.asks for prompt in pack.prompts) >= 5
    assert all(len(prompt.text) > 15 for prompt in pack.prompts)


def test_the_values_cards_include_the_relational_ones() -> None:
    sort = library().load("values").prompt("sort")
    cards = sort.choices
    assert sort.type == "card_sort"
    assert {"Belonging", "Repair", "Chosen family"} <= set(sort.short_deck)
    names = {card.value for card in cards}
    assert len(cards) >= 90
    assert {"Belonging", "Reciprocity", "Repair", "Being seen", "Honesty"} <= names
    assert all(card.description for card in cards)


def test_the_value_pack_narrows_to_five_then_ranks_them() -> None:
    pack = library().load("values")
    top = pack.prompt("top_five")
    assert (top.choices_from, top.max) == ("sort", 5)
    assert pack.prompt("ranked").choices_from == "top_five"


def test_built_in_packs_are_found_in_the_installed_package_or_the_checkout() -> None:
    folder = builtin_packs_dir()
    assert {p.stem for p in folder.glob("*.yaml")} >= set(CORE)
    assert (folder / "data" / "values-cards.yaml").is_file()


@pytest.mark.parametrize(
    "name", ["../values", "/etc/passwd", "values.yaml", "VALUES.yaml", "a b", "x\0y", ""]
)
def test_a_name_that_is_not_a_plain_id_is_refused(name: str) -> None:
    with pytest.raises(UserError, match="is not an exercise name"):
        library().load(name)


def test_a_name_in_another_case_is_the_same_exercise() -> None:
    assert library().load("Values").id == library().load(" VALUES ").id == "values"


def test_an_unknown_exercise_names_the_ones_there_are() -> None:
    with pytest.raises(
        UserError,
        match=r"no exercise called 'valeus' \(did you mean 'values'\?\); relational packs list",
    ):
        library().load("valeus")


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
    pack = library().load("check-in")
    assert not pack.builtin
    assert pack.prompt("feeling").max == 5


# fmt: off
BROKEN = [
    ("", ["1:1: a pack must be a mapping of keys, but this is empty"]),
    ("- a\n- b\n", ["1:1: a pack must be a mapping of keys, but this is a list"]),
    ("just words\n", ["1:1: a pack must be a mapping of keys, but this is plain text"]),
    ("id: [\n", ["2:1: did not find expected node content"]),
    ("id: !!python/object/apply:os.system [echo hi]\n", ["1:5: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'"]),
    (GOOD.replace("summary:", "sumary:"), ["3:1: pack: unknown key 'sumary' (did you mean 'summary'?)", "1:1: pack: missing summary"]),
    (GOOD.replace("type: text", "type: txt"), ["9:5: prompts[1].type: unknown type 'txt' (did you mean 'text'?) (one of: text, long_text, choice, multi_choice, ranking, card_sort, scale, confirm, pairs, note, grounding)"]),
    (GOOD.replace("    type: text\n", "    type: text\n    helpp: a hint\n"), ["10:5: prompts[1]: unknown key 'helpp' (did you mean 'help'?)"]),
    (GOOD.replace("id: who", "id: feeling"), ["8:5: prompts[1].id: 'feeling' is used by an earlier prompt"]),
    (GOOD.replace("id: check-in", "id: other"), ["1:1: id: 'other' must match the file name 'check-in.yaml'"]),
    (GOOD.replace("summary: Three questions", "summary: Three questions\ntags: [evening, c++, '2024']"), ["4:1: tags: 'c++' must be letters, digits, _, - or /, and not only digits", "4:1: tags: '2024' must be letters, digits, _, - or /, and not only digits"]),
    (GOOD.replace("title: Evening check-in", "title: [a, list]"), ["2:1: title: must be text, not a list"]),
    (GOOD.replace("summary: Three questions", "summary: Three questions\ngroup: " + "x" * 41), ["4:1: group: must be one line of at most 40 characters, a heading in the menu"]),
    (GOOD.replace("summary: Three questions", "summary: Three questions\ngroup: \"two\\nlines\""), ["4:1: group: must be one line of at most 40 characters, a heading in the menu"]),
    (GOOD.replace("summary: Three questions", "summary: Three questions\nminutes: soon"), ["4:1: minutes: must be a whole number, not plain text"]),
    (GOOD + "    when: {nobody: 1}\n", ["11:12: prompts[1].when: 'nobody' does not name a prompt in this pack"]),
    (GOOD + "    when: {feeling: [{a: 1}]}\n", ["11:12: prompts[1].when.feeling: must be an answer, or a list of answers (text, numbers, true/false)"]),
    (GOOD.replace("How connected", "With {who}, how connected"), ["7:5: prompts[0].text: {who} names a later prompt; it can only look back to earlier answers"]),
    (GOOD.replace("Who did you", "Who {felling} did you"), ["10:5: prompts[1].text: {felling} does not name a prompt in this pack (did you mean 'feeling'?)"]),
    (GOOD.replace("type: text", "type: choice"), ["8:5: prompts[1]: a choice prompt needs choices or choices_from"]),
    (GOOD.replace("type: text", "type: choice\n    choices: []"), ["10:5: prompts[1].choices: needs a list with at least one choice"]),
    (GOOD.replace("type: text", "type: choice\n    choices: [a, b, a]"), ["10:5: prompts[1].choices: 'a' is offered twice"]),
    (GOOD.replace("type: text", "type: choice\n    choices: [Yes, No, Maybe, {value: off}]"), ['10:15: prompts[1].choices[0]: Yes reads as true or false in YAML, not as a choice: write it in quotes, "Yes" (Yes, No, On and Off too)', '10:20: prompts[1].choices[1]: No reads as true or false in YAML, not as a choice: write it in quotes, "No" (Yes, No, On and Off too)', '10:31: prompts[1].choices[3]: off reads as true or false in YAML, not as a choice: write it in quotes, "off" (Yes, No, On and Off too)']),
    (GOOD.replace("type: text", "type: ranking\n    choices_from: feeling"), ["10:5: prompts[1].choices_from: 'feeling' is a scale prompt; choices come from a multi_choice, ranking or card_sort"]),
    (GOOD.replace("type: text", "type: multi_choice\n    choices_from: data:nothing"), ["10:5: prompts[1].choices_from: no data set called 'nothing' (the values cards are data:values-cards)"]),
    (GOOD.replace("    type: scale\n", "    type: scale\n    min: 7\n"), ["7:5: prompts[0].min: min (7) is more than max (5)"]),
    (GOOD.replace("    type: scale\n", "    type: scale\n    default: 9\n"), ["7:5: prompts[0].default: 9 is not a possible answer to this scale prompt"]),
    (GOOD.replace("    type: text\n", "    type: text\n    optional: maybe\n"), ["10:5: prompts[1].optional: must be true or false, not plain text"]),
    (GOOD.replace("    type: text\n", "    type: text\n    was: Who Then\n"), ["10:5: prompts[1].was: 'Who Then' must be lowercase letters, digits, - or _"]),
    (GOOD.replace("    type: text\n", "    type: text\n    was: feeling\n"), ["10:5: prompts[1].was: 'feeling' is a prompt of this version; was names an id the pack no longer has"]),
    (GOOD.replace("prompts:\n", "prompts:\n  - just a string\n"), ["5:5: prompts[0]: each prompt must be a mapping of keys"]),
    ("id: check-in\ntitle: T\nsummary: S\nprompts:\n  - {id: n, type: note, text: Breathe}\n", ["4:1: prompts: needs at least one prompt that asks something (not only notes)"]),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), BROKEN)
def test_broken_packs_say_exactly_where_and_what(
    home: Path, text: str, expected: list[str]
) -> None:
    path = write_pack(home, "check-in", text)
    with pytest.raises(UserError) as caught:
        library().load("check-in")
    assert caught.value.message.splitlines() == [f"{path}:{line}" for line in expected]


def test_yes_and_no_in_quotes_are_choices(home: Path) -> None:
    write_pack(
        home, "check-in", GOOD.replace("type: text", "type: choice\n    choices: ['Yes', \"No\"]")
    )
    assert [c.value for c in library().load("check-in").prompt("who").choices] == ["Yes", "No"]


def test_non_utf8_bytes_and_huge_files_are_refused_quickly(home: Path) -> None:
    path = write_pack(home, "check-in", GOOD)
    path.write_bytes(GOOD.encode() + b"\xff\xfe")
    with pytest.raises(UserError, match=r"check-in.yaml: not UTF-8 text \(byte 210\)"):
        library().load("check-in")
    path.write_bytes(b"# padding\n" * 5_000_000)  # 50 MB
    with pytest.raises(
        UserError, match=r"check-in.yaml: too large for a pack \(over 1,000,000 bytes\)"
    ):
        library().load("check-in")


def test_a_billion_laughs_is_bounded(home: Path) -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    write_pack(
        home, "check-in", "\n".join(lines) + "\n" + GOOD.replace("prompts:", "tags: *a9\nprompts:")
    )
    with pytest.raises(UserError, match=r"check-in.yaml:\d+:\d+: pack: unknown key 'a0'"):
        library().load("check-in")


def test_every_problem_is_reported_at_once(home: Path) -> None:
    write_pack(
        home, "check-in", GOOD.replace("summary:", "sumary:").replace("type: text", "type: essay")
    )
    with pytest.raises(PackError) as caught:
        library().load("check-in")
    assert len(caught.value.problems) == 3  # unknown key, missing summary, unknown type
    assert [problem.split(": ", 2)[1] for problem in caught.value.problems] == [
        "pack",
        "pack",
        "prompts[1].type",
    ]


def test_a_broken_user_pack_never_hides_the_others(home: Path) -> None:
    write_pack(home, "broken", "id: broken\n")
    catalogue = library().load_all()
    assert {p.id for p in catalogue.packs} >= set(CORE)
    assert [b.path.name for b in catalogue.broken] == ["broken.yaml"]


def test_an_installed_copy_carries_its_own_packs() -> None:
    import relational_cli

    package = Path(relational_cli.__file__).resolve().parent
    checkout = Path(__file__).resolve().parents[2]
    if package.parent == checkout / "src":  # an editable install or a plain checkout
        assert builtin_packs_dir().resolve() == checkout / "prompts"
    else:  # installed from the wheel, as `pip install .` does
        assert builtin_packs_dir() == package / "prompts"
        shipped = {p.name for p in builtin_packs_dir().glob("*.yaml")}
        assert shipped == {p.name for p in (checkout / "prompts").glob("*.yaml")}
    # the schema and the guide too: `packs new` and `packs guide` need them
    assert pack_schema().read_bytes() == (checkout / "prompts" / "pack.schema.json").read_bytes()
    assert packs_guide().read_bytes() == (checkout / "docs" / "packs.md").read_bytes()
