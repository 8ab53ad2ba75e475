"""The plan, version 4, and the pairs it asks for: each early warning sign with what I will
do ("When I notice …, I will …"). Walked in plain mode as a person types it, given in an
answers file, revised from a version 3 plan, and read back everywhere a reflection shows:
the file, `show`, JSON, the digest and the plan document."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest
from conftest import Terminal, drafts, journal, plain, reflect, write_pack
from conftest import run_cli as run
from test_locked import WORDS, keeper, leaks, template  # noqa: F401 (fixtures the ones below use)
from test_locked import locked as locked_journal  # noqa: F401
from test_locked import temp_folder as clean_temp_folder  # noqa: F401

from relational_cli.cli import main
from relational_cli.core.journal.fileformat import Answer, Reflection, Section

GO_ON, END, SAVE, SKIP = "1", ".", "", "skip"
ENGLAND = "en_GB.UTF-8"


def plan_in_plain(lines: list[str]) -> tuple[int, str, str]:
    """`relational plan` in plain mode, the person typing `lines`."""
    env, out, err = plain(lines, LANG=ENGLAND, LC_ALL="", LC_MESSAGES="")
    code = main(["plan"], env)
    return code, " ".join(out.getvalue().split()), " ".join(err.getvalue().split())


def test_the_new_plan_walked_in_plain_mode(home: Path) -> None:
    code, out, err = plan_in_plain([
        GO_ON, "Sam",
        "I laugh easily", END,  # what I'm like when I'm well
        "", "", "",  # doing, starting, what they look like
        "", "", "", "", "",  # people, check-ins, belonging, receiving, boundaries
        "Rows at home", END,  # triggers
        "I stop answering messages", "text Jo one word",  # a sign and what I'll do
        "I sleep badly", SKIP,  # a sign, what to do left for later
        "",  # an empty "When I notice": that is all
        "",  # when things are hard
        "Take a day off and call my GP", END,  # when things are getting worse
        "", "", "", "",  # helps, doesn't help, in the way, contacts
        "I've gone quiet for a bit. It isn't about you.", END,  # the message ready to send
        "",  # professionals
        SKIP, SKIP,  # share, when to look again
        SAVE,
    ])  # fmt: skip
    assert code == 0, err
    for asked in (
        "What are you like when you are well?",
        "What can set things off for you?",
        "What do you notice when you start to slip, and what will you do then?",
        "One pair at a time: type what you notice and press Enter, then what you will do.",
        "When I notice",  # (typed lines are not echoed here)
        "If things get worse, what will you do before it becomes a crisis?",
        "If you go quiet, what could you send the people close to you?",
    ):
        assert asked in out or asked.split("…")[0] in out, asked
    plan = journal().latest_of("self-care-plan")
    assert plan is not None and plan.pack_version == 4
    assert plan.answer_map() == {
        "name": "Sam",
        "well": "I laugh easily",
        "triggers": "Rows at home",
        "signs": (("I stop answering messages", "text Jo one word"), ("I sleep badly", "")),
        "getting_worse": "Take a day off and call my GP",
        "quiet_message": "I've gone quiet for a bit. It isn't about you.",
    }
    document = (home / "plan.md").read_text(encoding="utf-8")
    assert (
        "## Early warning signs, and what I'll do\n\n"
        "- **When I notice** I stop answering messages, **I will** text Jo one word\n"
        "- **When I notice** I sleep badly\n"
    ) in document
    assert "not a crisis or safety plan: if you need one, make it with a professional" in document
    for heading in (
        "What I'm like when I'm well",
        "What can set things off for me",
        "When things are getting worse",
        "A message for when I've gone quiet",
    ):
        assert f"## {heading}\n" in document, heading


SIGNS_PACK = """\
id: signs
title: Signs
summary: Signs and what to do
minutes: 2
version: 1
prompts:
  - id: first
    type: text
    text: A question before?
  - id: signs
    type: pairs
    text: What do you notice, and what will you do?
  - id: after
    type: text
    text: A question after?
"""


def walk_signs(lines: list[str]) -> tuple[int, str]:
    env, out, err = plain(lines)
    code = main(["reflect", "signs"], env)
    return code, " ".join(out.getvalue().split()) + " " + " ".join(err.getvalue().split())


def test_pairs_go_back_keeping_what_was_typed(home: Path) -> None:
    write_pack(home, "signs", SIGNS_PACK)
    code, out = walk_signs([
        "before",
        "tired", "rest", "cross", "back",  # back from "I will": both pairs kept
        "",  # the question before, kept as it was
        "", "", "", "step outside",  # offered: each part kept; the half pair finished
        "",  # that is all
        "after", SAVE,
    ])  # fmt: skip
    assert code == 0, out
    assert "When I notice So far: tired I will So far: rest When I notice So far: cross" in out
    found = journal().latest_of("signs")
    assert found is not None
    assert found.answer_map()["signs"] == (("tired", "rest"), ("cross", "step outside"))


def test_pairs_skip_a_part_or_the_whole_question(home: Path) -> None:
    write_pack(home, "signs", SIGNS_PACK)
    assert walk_signs(["before", "", "after", SAVE])[0] == 0  # Enter alone skips it
    found = journal().latest_of("signs")
    assert found is not None and "signs" not in found.answer_map()
    assert walk_signs(["before", SKIP, "after", SAVE])[0] == 0  # so does skip
    assert walk_signs(["before", "tired", SKIP, "", "after", SAVE])[0] == 0
    found = journal().latest_of("signs")
    assert found is not None and found.answer_map()["signs"] == (("tired", ""),)


@pytest.mark.parametrize("stop", ["pause", "hide", None], ids=["pause", "hide", "end of input"])
def test_pairs_paused_keep_every_pair_and_half_a_pair(home: Path, stop: str | None) -> None:
    write_pack(home, "signs", SIGNS_PACK)
    typed = ["before", "tired", "rest", "cross", *([stop] if stop else [])]
    code, _ = walk_signs(typed)
    assert code == 130
    draft = drafts().load("signs")
    assert draft is not None
    assert draft.unsent == {"signs": (("tired", "rest"), ("cross", ""))}
    # Resumed: the pairs come back, offered a part at a time.
    code, out = walk_signs(["1", "", "", "", "step outside", "", "after", SAVE])
    assert code == 0, out
    found = journal().latest_of("signs")
    assert found is not None
    assert found.answer_map()["signs"] == (("tired", "rest"), ("cross", "step outside"))


def test_an_offered_pair_can_be_changed_or_left_out(home: Path) -> None:
    write_pack(home, "signs", SIGNS_PACK.replace("version: 1", "version: 1\ncarry_forward: all"))
    assert walk_signs(["before", "tired", "rest", "cross", "breathe", "", "", SAVE])[0] == 0
    code, out = walk_signs([
        "",  # before, kept
        "exhausted", "",  # the first sign rewritten; what I'll do kept
        SKIP, SKIP,  # the second pair: both halves emptied, so left out
        "",  # no new ones
        "", SAVE,
    ])  # fmt: skip
    assert code == 0, out
    found = journal().latest_of("signs")
    assert found is not None and found.answer_map()["signs"] == (("exhausted", "rest"),)


def test_pairs_from_an_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "p.yaml"
    answers.write_text(
        "signs:\n"
        "  - {notice: I stop answering messages, do: text Jo}\n"
        "  - notice: I sleep badly\n"
        "  - {do: rest}\n"
        "  - {notice: '  ', do: ''}\n",  # nothing in it: left out
        encoding="utf-8",
    )
    code, _, err = run(capsys, "plan", "--answers", str(answers))
    assert code == 0, err
    plan = journal().latest_of("self-care-plan")
    assert plan is not None
    assert plan.answer_map() == {
        "signs": (("I stop answering messages", "text Jo"), ("I sleep badly", ""), ("", "rest"))
    }
    for wrong, said in (
        ("signs: I stop answering\n", "should be a list of pairs"),
        ("signs:\n  - {notice: a, then: b}\n", "has 'then' in a pair (a pair has notice and do)"),
        ("signs:\n  - {notice: [a]}\n", "should be a list of pairs"),
        ('signs:\n  - {notice: "a\\nb"}\n', "each part of a pair on one line"),
    ):
        answers.write_text(wrong, encoding="utf-8")
        code, _, err = run(capsys, "plan", "--answers", str(answers))
        assert code == 1 and said in err, err
        assert err.count("\n") == 1 and "Traceback" not in err


def test_pairs_shown_as_json_in_show_and_in_the_digest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "p.yaml"
    answers.write_text(
        "signs:\n  - {notice: '*tired*', do: rest}\n  - {notice: cross}\n", encoding="utf-8"
    )
    assert run(capsys, "plan", "--answers", str(answers))[0] == 0
    code, out, _ = run(capsys, "show", "latest", "--format", "json")
    assert code == 0
    assert json.loads(out)["reflection"]["answers"]["signs"] == [
        {"notice": "*tired*", "do": "rest"},
        {"notice": "cross", "do": ""},
    ]
    code, out, _ = run(capsys, "show")
    assert code == 0
    assert "  - When I notice *tired*, I will rest\n  - When I notice cross\n" in out
    code, out, _ = run(capsys, "export", "--format", "markdown", "--output", "-")
    assert code == 0
    assert "- **When I notice** \\*tired\\*, **I will** rest\n- **When I notice** cross" in out
    plan = journal().latest_of("self-care-plan")
    assert plan is not None
    assert plan.id in run(capsys, "search", "cross")[1]
    assert plan.id not in run(capsys, "search", "notice")[1]  # the person's words alone


V3_PLAN = (
    Answer("name", "Sam"),
    Answer("warning_signs", "- I stop answering messages\nI sleep badly\n"),
    Answer("hard_times", "Rest"),
    Answer("review_when", "In a month"),
)
"""A plan made under version 3: its warning signs in words, a line each."""


def save_a_version_3_plan() -> None:
    made = Reflection(
        "20261101-100000-self-care-plan", "self-care-plan", "2026-11-01T10:00:00+00:00",
        "My relational self-care plan, 1 November 2026", pack_version=3, answers=V3_PLAN,
    )  # fmt: skip
    journal().save(made, [Section(a.prompt_id, a.prompt_id, a.value) for a in V3_PLAN])


def test_a_version_3_plan_still_renders(capsys: pytest.CaptureFixture[str]) -> None:
    save_a_version_3_plan()
    code, document, err = run(capsys, "plan", "--show")
    assert code == 0, err
    headings = re.findall(r"^## (.+)$", document, re.M)
    assert headings[:2] == ["Early warning signs", "When things are hard"]
    assert "## Early warning signs\n\n\\- I stop answering messages  \nI sleep badly" in document
    code, page_html, err = run(capsys, "plan", "--show", "--format", "html")
    assert code == 0, err
    assert "<h2>Early warning signs</h2>" in page_html and "I sleep badly" in page_html


def test_revising_a_version_3_plan_offers_each_warning_sign_to_pair(home: Path) -> None:
    save_a_version_3_plan()
    code, out, err = plan_in_plain([
        GO_ON, "",  # the name, kept
        "", "", "", "",  # well, doing, starting, what they look like
        "", "", "", "", "", "",  # people, check-ins, belonging, receiving, boundaries, triggers
        "", "text Jo one word",  # the first sign, offered and kept; what I'll do, new
        "", "keep my bedtime",  # the second likewise
        "",  # no more
        "", "", "", "", "", "", "", "",  # hard times (kept) to professionals
        SKIP, "",  # share; when to look again, kept
        SAVE,
    ])  # fmt: skip
    assert code == 0, err
    assert "So far: I stop answering messages" in out and "So far: I sleep badly" in out
    plan = journal().latest_of("self-care-plan")
    assert plan is not None and plan.pack_version == 4
    assert plan.answer_map() == {
        "name": "Sam",
        "signs": (
            ("I stop answering messages", "text Jo one word"),
            ("I sleep badly", "keep my bedtime"),
        ),
        "hard_times": "Rest",
        "review_when": "In a month",
    }
    assert "- **When I notice** I sleep badly, **I will** keep my bedtime" in (
        home / "plan.md"
    ).read_text(encoding="utf-8")


# In the full terminal (questionary): the same, with keys.

SHIFT_TAB, CTRL_Q = "\x1b[Z", "\x11"


def test_pairs_in_the_terminal_keep_half_a_pair_on_ctrl_c(
    home: Path, in_terminal: Terminal
) -> None:
    write_pack(home, "signs", SIGNS_PACK)
    T = Terminal
    in_terminal.type("before", T.ENTER, "tired", T.ENTER, "rest", T.ENTER, "cross", T.ENTER)
    in_terminal.type("step", T.CTRL_C)  # half of what to do typed, then a pause
    assert reflect("signs") == 130
    draft = drafts().load("signs")
    assert draft is not None
    assert draft.unsent == {"signs": (("tired", "rest"), ("cross", "step"))}


@pytest.mark.parametrize("key", [SHIFT_TAB, CTRL_Q], ids=["back", "quick exit"])
def test_pairs_in_the_terminal_go_back_or_leave_keeping_what_was_typed(
    home: Path, in_terminal: Terminal, key: str
) -> None:
    write_pack(home, "signs", SIGNS_PACK)
    T = Terminal
    in_terminal.type("before", T.ENTER, "tired", T.ENTER, "rest", T.ENTER, "cro", key)
    if key == SHIFT_TAB:  # the question before, kept; then the pairs, offered
        in_terminal.type(T.ENTER, T.ENTER, T.ENTER, "ss", T.ENTER, "breathe", T.ENTER, T.ENTER)
        in_terminal.type("after", T.ENTER, T.SAVE)
        assert reflect("signs") == 0
        found = journal().latest_of("signs")
        assert found is not None
        assert found.answer_map()["signs"] == (("tired", "rest"), ("cross", "breathe"))
    else:
        assert reflect("signs") == 130
        draft = drafts().load("signs")
        assert draft is not None and draft.unsent == {"signs": (("tired", "rest"), ("cro", ""))}


# Writing a pack with pairs: checked by relational and by the schema alike.


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        ("    default: [a]\n", "a pairs prompt takes no default"),
        ("    choices: [a, b]\n", "a pairs prompt takes no choices"),
        ("    max: 3\n", "min and max are for multi_choice and scale prompts, not pairs"),
    ],
)
def test_a_pairs_prompt_with_keys_it_cannot_take_is_refused(
    home: Path, capsys: pytest.CaptureFixture[str], extra: str, said: str
) -> None:
    import jsonschema
    import yaml

    from relational_cli.core.home import pack_schema

    text = SIGNS_PACK.replace("    type: pairs\n", "    type: pairs\n" + extra)
    path = write_pack(home, "signs", text)
    code, out, err = run(capsys, "packs", "validate", str(path))
    assert code == 1 and said in out + err, out + err
    schema = json.loads(pack_schema().read_text(encoding="utf-8"))
    assert list(jsonschema.Draft7Validator(schema).iter_errors(yaml.safe_load(text)))
    fine = yaml.safe_load(SIGNS_PACK)
    assert not list(jsonschema.Draft7Validator(schema).iter_errors(fine))


def test_no_path_opens_on_pairs(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_pack(home, "signs", SIGNS_PACK + "    when: {signs: [tired]}\n")
    code, out, err = run(capsys, "packs", "validate", str(path))
    assert code == 1 and "'signs' is a pairs prompt: no path opens on pairs" in out + err


@pytest.mark.usefixtures("locked_journal", "clean_temp_folder")
def test_pairs_paused_in_a_locked_journal_leave_no_word_in_the_clear(home: Path) -> None:
    """Half a pair kept on a pause, then resumed and saved as a plan: nothing of it is on disk
    in the clear, in the data folder or the temporary folder."""
    sign, action = WORDS[0], WORDS[1]
    temp_folder = Path(tempfile.gettempdir())  # this test's own (clean_temp_folder)
    code, _ = plan_typed([GO_ON, "", *[""] * 10, f"{sign} in the morning", "pause"])
    assert code == 130
    assert [p.suffix for p in (home / "drafts").iterdir()] == [".age"]
    assert leaks(home, temp_folder) == []
    code, out = plan_typed(
        ["1", "", f"call {action}", "", *[""] * 8, SKIP, SKIP, SAVE]  # resume; the pair finished
    )
    assert code == 0, out
    plan = journal().latest_of("self-care-plan")
    assert plan is not None
    assert plan.answer_map()["signs"] == ((f"{sign} in the morning", f"call {action}"),)
    assert leaks(home, temp_folder) == []


def plan_typed(lines: list[str]) -> tuple[int, str]:
    env, out, err = plain(lines)
    code = main(["plan"], env)
    return code, out.getvalue() + err.getvalue()


HIDDEN_PACK = """\
id: hidden
title: Hidden
summary: Pairs a path can hide
minutes: 2
version: 1
prompts:
  - id: choose
    type: choice
    text: Which?
    choices: [a, b]
  - id: signs
    type: pairs
    text: What do you notice, and what will you do?
    when: {choose: [a]}
  - id: after
    type: text
    text: "And after {signs}?"
"""


def test_pairs_a_path_hid_come_back_from_a_paused_draft_as_pairs(home: Path) -> None:
    write_pack(home, "hidden", HIDDEN_PACK)
    env, _, _ = plain(["1", "tired", "rest", "", "back", "back", "2", "pause"])
    assert main(["reflect", "hidden"], env) == 130
    env, out, err = plain(["1", "fine", SAVE])
    assert main(["reflect", "hidden"], env) == 0, err.getvalue()
    assert "And after When I notice tired, I will rest?" in " ".join(out.getvalue().split())
