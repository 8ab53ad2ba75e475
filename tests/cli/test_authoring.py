"""Writing packs as a therapist or user would: from the docs, the starter, validate, run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import Terminal, docs_example, journal, library, reflect
from conftest import run_cli as run
from conftest import write_pack as install

from relational_cli.core.home import builtin_packs_dir

T = Terminal
ROOT = Path(__file__).resolve().parents[2]


def test_the_documented_example_is_a_valid_pack_that_runs(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    path = install(home, "repair-after-rupture", docs_example())
    assert run(capsys, "packs", "validate", str(path))[0] == 0
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "who: Sam\nwhat_happened: We argued\nfelt: [Hurt, Relieved]\nstrongest: Relieved\nready: 4\nsafe: 'Yes'\nfirst_step: Text Sam\n"
    )
    code, _, err = run(capsys, "reflect", "repair-after-rupture", "--answers", str(answers))
    assert code == 0, err
    _, out, _ = run(capsys, "show", "latest", "--format", "json")
    shown = json.loads(out)["reflection"]
    assert shown["answers"]["felt"] == ["Hurt", "Relieved"]
    assert shown["pack_version"] == 2
    _, out, _ = run(capsys, "show", "latest")
    assert "What happened between you and Sam?" in out


def test_every_built_in_pack_validates(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in builtin_packs_dir().glob("*.yaml"))
    code, out, _ = run(capsys, "packs", "validate", *files)
    assert code == 0
    assert len(out.splitlines()) == len(files) >= 3
    assert all(": ok — " in line for line in out.splitlines())


def test_validate_lists_every_problem_and_fails(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    good = install(home, "good", docs_example().replace("id: repair-after-rupture", "id: good"))
    bad = install(home, "bad", "id: bad\ntitle: [x]\nprompts:\n  - {id: a, type: txt, text: hi}\n")
    code, out, err = run(
        capsys, "packs", "validate", str(good), str(bad), str(home / "missing.yaml")
    )
    assert code == 1 and err == ""
    assert out.splitlines() == [
        f"{good}: ok — “After a rupture”, 9 questions",
        f"{bad}:2:1: title: must be text, not a list",
        f"{bad}:1:1: pack: missing summary",
        f"{bad}:4:13: prompts[0].type: unknown type 'txt' (did you mean 'text'?) (one of: text, long_text, choice, multi_choice, ranking, card_sort, scale, confirm, pairs, note, grounding)",
        f"{home / 'missing.yaml'}: no such pack",
    ]


def test_packs_new_writes_a_private_commented_starter_that_validates(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, err = run(capsys, "packs", "new", "check-in")
    assert code == 0
    path = Path(out.strip())
    assert path == home / "packs" / "check-in.yaml"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=pack.schema.json\n# A relational")
    assert "id: check-in" in text
    assert f"relational packs validate {path}" in text
    assert run(capsys, "packs", "validate", str(path))[0] == 0
    assert "relational reflect check-in" in err

    code, _, err = run(capsys, "packs", "new", "check-in")
    assert code == 1 and "already exists" in err
    assert path.read_text() == text
    assert run(capsys, "packs", "new", "../escape")[0] == 1


def test_a_pack_of_yours_with_a_built_in_id_replaces_it_and_says_so(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, _, err = run(capsys, "packs", "new", "values")
    assert code == 0 and "replaces the built-in exercise" in err
    assert library().load("values").title == "An evening check-in"
    _, out, _ = run(capsys, "packs", "list")
    assert re.search(
        r"values\s+An evening check-in\s+Your own exercises\s+5\s+yours \(replaces built-in\)", out
    )


def test_a_broken_pack_is_listed_with_its_reason_and_fails_nothing(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    install(home, "broken", "id: broken\ntitle: T\nsumary: S\n")
    code, out, err = run(capsys, "packs", "list")
    assert code == 0
    assert "broken packs are left out of the menu" in err
    assert re.search(r"broken\s+broken: 3:1: pack: unknown key 'sumary'", out)
    assert "weekly-step" in out
    code, out, _ = run(capsys, "packs", "list", "--format", "json")
    listed = {row["id"]: row for row in json.loads(out)["packs"]}
    assert listed["broken"]["error"].startswith("3:1: pack: unknown key 'sumary'")
    assert "values" in listed


def test_info_shows_where_everything_lives(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    code, out, _ = run(capsys, "info", "--format", "json")
    assert code == 0
    places = json.loads(out)
    assert places["format"] == 2 and places["relational_version"]
    assert places["data_folder"] == str(home)
    assert places["packs_folder"] == str(home / "packs")
    assert places["journal_folder"] == str(home / "journal")  # `reflections` is a list
    assert places["builtin_packs_folder"] and "built-in_packs" not in places
    _, out, _ = run(capsys, "info")
    assert f"your packs      {home / 'packs'}" in out


def test_old_reflections_keep_their_wording_when_a_pack_changes(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    original = (
        docs_example()
        .replace("id: repair-after-rupture", "id: repair")
        .replace("version: 2", "version: 1")
    )
    install(home, "repair", original)
    answers = tmp_path / "a.yaml"
    answers.write_text("who: Sam\nwhat_happened: We argued\nsafe: null\nshare: false\n")
    assert run(capsys, "reflect", "repair", "--answers", str(answers))[0] == 0
    changed = (
        original.replace("version: 1", "version: 2")
        .replace("What happened between you and {who}?", "Tell the story of it.")
        .replace("id: share", "id: bring_to_therapy")
        .replace(
            "  - id: who\n    type: text\n    text: Who was the rupture with?\n    help: A name, initials, or a description. # a hint shown under the question\n\n",
            "",
        )
        .replace("{who}", "them")
    )
    install(home, "repair", changed)
    assert run(capsys, "packs", "validate", str(home / "packs" / "repair.yaml"))[0] == 0
    _, out, _ = run(capsys, "show", "latest", "--format", "json")
    shown = json.loads(out)["reflection"]
    assert shown["pack_version"] == 1
    assert shown["answers"] == {"who": "Sam", "what_happened": "We argued", "share": False}
    _, out, _ = run(capsys, "show", "latest")
    assert "What happened between you and Sam?" in out and "Who was the rupture with?" in out


CHECK_IN = """\
id: check-in
title: Evening check-in
summary: Three questions
prompts:
  - id: name
    type: text
    text: Who did you feel close to today?
    optional: false
  - id: closeness
    type: scale
    text: How close?
    default: 4
  - id: need
    type: choice
    text: What would help?
    choices:
      - {value: Talk, label: "A real conversation with someone"}
      - {value: Rest, label: "Some rest, first"}
"""


def test_a_users_pack_runs_in_the_terminal_with_nudge_default_and_labels(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    install(home, "check-in", CHECK_IN)
    # Empty once (a nudge), empty again (skipped); Enter keeps the default 4; the second label.
    in_terminal.type(T.ENTER, T.ENTER, T.ENTER, T.DOWN, T.ENTER, T.SAVE)
    assert reflect("check-in") == 0
    assert capsys.readouterr().out.count("This one shapes the rest of the exercise") == 1
    [path] = list(journal().files())
    assert journal().load(path).answer_map() == {"closeness": 4, "need": "Rest"}


def test_a_users_pack_with_an_answers_file_needs_what_is_not_optional(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    install(home, "check-in", CHECK_IN)
    answers = tmp_path / "a.yaml"
    answers.write_text("closeness: 2\n")
    code, _, err = run(capsys, "reflect", "check-in", "--answers", str(answers))
    assert code == 1
    assert (
        "'name' is needed by this exercise (give it an answer, or name: null to skip it on purpose)"
        in err
    )
    answers.write_text("name: null\ncloseness: 2\nneed: Talk\n")
    assert run(capsys, "reflect", "check-in", "--answers", str(answers))[0] == 0
    answers.write_text("name: x\nneed: A real conversation with someone\n")
    code, _, err = run(capsys, "reflect", "check-in", "--answers", str(answers))
    assert (
        code == 1
        and "'need' 'A real conversation with someone' is not one of the offered choices (Talk, Rest)"
        in err
    )


def test_carrying_another_answer_forward_names_questions_of_the_pack(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    pack = install(
        home,
        "carry",
        "id: carry\ntitle: T\nsummary: S\n"
        "carry_forward:\n"
        "  prompts: [a]\n"
        "  from: [{prompt: b, answer: smal}, {prompt: a, answer: small, when: {a: x}}]\n"
        "prompts:\n"
        "  - {id: a, type: text, text: A}\n"
        "  - {id: b, type: text, text: B}\n"
        "  - {id: small, type: text, text: C}\n",
    )
    code, out, _ = run(capsys, "packs", "validate", str(pack))
    assert code == 1
    assert out.splitlines() == [
        f"{pack}:6:10: carry_forward.from: 'b' is not carried forward",
        f"{pack}:6:10: carry_forward.from: 'smal' does not name a prompt in this pack (did you mean 'small'?)",
    ]


def test_references_to_other_packs_are_checked_with_their_place(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    pack = install(
        home,
        "links",
        "id: links\ntitle: T\nsummary: S\n"
        "title_from: nothing\n"
        "carry_forward: {prompts: [a, nope]}\n"
        "prompts:\n"
        "  - {id: a, type: text, text: 'Your values: {values.rankd}'}\n"
        "  - {id: b, type: choice, text: B, choices_from: values.meaning}\n"
        "  - {id: c, type: choice, text: C, choices_from: valuse.ranked}\n"
        "  - {id: d, type: text, text: '{links.a}'}\n"
        "  - {id: e, type: multi_choice, text: E, choices_from: values.ranked}\n",
    )
    code, out, _ = run(capsys, "packs", "validate", str(pack))
    assert code == 1
    assert out.splitlines() == [
        f"{pack}:7:25: prompts[0].text: {{values.rankd}}: the pack 'values' has no prompt 'rankd' (did you mean 'ranked'?)",
        f"{pack}:8:36: prompts[1].choices_from: 'values.meaning' is a long_text prompt; choices come from a multi_choice, ranking or card_sort",
        f"{pack}:9:36: prompts[2].choices_from: 'valuse.ranked': there is no pack called 'valuse'",
        f"{pack}:10:25: prompts[3].text: {{links.a}} names this pack; use 'a' on its own",
        f"{pack}:4:1: title_from: 'nothing' does not name a prompt in this pack",
        f"{pack}:5:17: carry_forward.prompts: 'nope' does not name a question in this pack",
    ]
