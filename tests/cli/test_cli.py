"""The `relational` command in process: answers files, review, show, packs and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import environment, journal
from conftest import run_cli as run

from relational_cli import __version__
from relational_cli.cli import main
from relational_cli.core.journal.journal import new_id


def answers_file(tmp_path: Path, text: str, name: str = "answers.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


WEEKLY = """\
wish: Call my sister on Sunday
who: my sister
outcome: |
  ## We'd laugh
  <!-- /answer -->
confidence: 2
smaller: Send her a message instead
"""


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"relational {__version__}\n", "")


def test_an_answers_file_makes_a_reflection_that_review_and_show_find(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "reflect", "weekly-step", "--answers", answers_file(tmp_path, WEEKLY)
    )
    assert code == 0, err
    assert out == ""
    assert "Saved 2" in err and "weekly-step.md" in err

    code, out, _ = run(capsys, "review", "--format", "json")
    document = json.loads(out)
    assert document["format"] == 1
    [row] = document["reflections"]
    shape = {"id", "exercise", "created", "title", "tags", "pack_version", "sync_conflict"}
    assert set(row) == shape | {"outcome"}
    assert row["exercise"] == "weekly-step"
    assert row["outcome"] is None  # not looked back on yet
    assert row["title"] == "Call my sister on Sunday"  # a step is titled by its wish
    assert row["pack_version"] >= 1 and row["sync_conflict"] is False
    # One summary shape for review, search and the trash (search adds the words around).
    (found,) = json.loads(run(capsys, "search", "sister", "--format", "json")[1])["reflections"]
    assert found.keys() - {"snippet"} == row.keys() and found["outcome"] is None

    code, out, _ = run(capsys, "show", "latest", "--format", "json")
    assert json.loads(out)["format"] == 2  # `outcome` came in with format 2
    shown = json.loads(out)["reflection"]
    assert shown["id"] == row["id"]
    assert shown.keys() - {"answers"} == row.keys() and shown["outcome"] is None
    assert run(capsys, "delete", "latest", "--yes")[0] == 0
    (binned,) = json.loads(run(capsys, "trash", "--format", "json")[1])["reflections"]
    assert binned.keys() == row.keys()
    assert run(capsys, "trash", "--restore", row["id"])[0] == 0
    assert shown["answers"] == {
        "wish": "Call my sister on Sunday",
        "who": "my sister",
        "outcome": "## We'd laugh\n<!-- /answer -->\n",
        "confidence": 2,
        "smaller": "Send her a message instead",
    }

    code, out, _ = run(capsys, "show", row["id"])
    assert "Call my sister on Sunday" in out and "What is one small step" in out

    code, out, _ = run(capsys, "show", "latest", "--format", "markdown")
    assert out.startswith("---\nid: ") and "<!-- answer id=wish type=text -->" in out


def test_json_answers_from_stdin_with_typed_values(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    data = {
        "sort": {
            "Very important": ["Honesty", "Repair", "Belonging"],
            "Important": [],
            "Not important": ["Fame"],
            "Unsure": [],
        },
        "top_five": ["Repair", "Honesty"],
        "ranked": ["Honesty", "Repair"],
        "meaning": "x",
    }
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(data)))
    assert run(capsys, "reflect", "values", "--answers", "-")[0] == 0
    _, out, _ = run(capsys, "show", "latest", "--format", "json")
    assert json.loads(out)["reflection"]["answers"] == data
    _, out, _ = run(capsys, "show", "latest")
    chosen = out.split("matter most to you right now?")[1].split("Now put them")[0]  # the five
    assert "- Repair\n  - Honesty" in chosen and "1. Repair" not in chosen
    assert "1. Honesty\n  2. Repair" in out  # the ranking: in order
    saved = next((environment().home.journal).rglob("*.md")).read_text(encoding="utf-8")
    assert "type=ranking -->\n1. Honesty\n2. Repair\n" in saved  # numbered in Markdown apps


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "wishh: x\n",
            "answers.yaml:1:1: 'wishh' is not a prompt in this exercise (did you mean 'wish'?)",
        ),
        (
            "wish: x\nconfidence: high\n",
            "answers.yaml:2:1: 'confidence' should be a whole number from 1 to 5",
        ),
        ("wish: x\nconfidence: 9\n", "answers.yaml:2:1: 'confidence' 9 is outside 1 to 5"),
        ("wish: [a, b]\n", "answers.yaml:1:1: 'wish' should be text"),
        (
            "wish: x\nsmaller: y\nconfidence: 5\n",
            "answers.yaml:2:1: 'smaller' is not asked with these answers",
        ),
        (
            "- a list\n",
            "answers.yaml: answers must map prompt ids to answers, but this is a list",
        ),
        ("wish: [unclosed\n", "answers.yaml:2:1: did not find expected ',' or ']'"),
        ("", "answers.yaml: answers must map prompt ids to answers, but this is empty"),
        ("who: null\n", "answers.yaml: no answers to save"),
    ],
)
def test_a_bad_answers_file_is_one_line_naming_the_file_line_and_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, message: str
) -> None:
    code, out, err = run(
        capsys, "reflect", "weekly-step", "--answers", answers_file(tmp_path, text)
    )
    assert code == 1
    assert out == ""
    assert len(err.splitlines()) == 1
    assert message in err
    assert "Traceback" not in err


def test_a_choice_that_is_not_offered_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = "sort: {Very important: [Honesty]}\ntop_five: [Honesty, Fame]\n"
    code, _, err = run(capsys, "reflect", "values", "--answers", answers_file(tmp_path, text))
    assert code == 1
    assert "'top_five' 'Fame' is not one of the offered choices (Honesty)" in err


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "sort: [Honesty]\n",
            "'sort' should map piles (Very important, Important, Not important, Unsure) to lists of cards",
        ),
        (
            "sort: {Vital: [Honesty]}\n",
            "'sort' has no pile called 'Vital' (the piles are Very important, Important, Not important, Unsure)",
        ),
        (
            "sort: {Very important: [Honesty], Unsure: [Honesty]}\n",
            "'sort' puts 'Honesty' in two piles",
        ),
    ],
)
def test_a_card_sort_in_an_answers_file_is_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, message: str
) -> None:
    code, _, err = run(capsys, "reflect", "values", "--answers", answers_file(tmp_path, text))
    assert code == 1
    assert f"answers.yaml:1:1: {message}" in err


def test_a_card_sort_in_an_answers_file_may_hold_cards_of_ones_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = (
        "sort: {Very important: [Honesty, Cooking for friends]}\ntop_five: [Cooking for friends]\n"
    )
    assert run(capsys, "reflect", "values", "--answers", answers_file(tmp_path, text))[0] == 0
    _, out, _ = run(capsys, "show", "latest", "--format", "json")
    answers = json.loads(out)["reflection"]["answers"]
    assert answers["sort"]["Very important"] == ["Honesty", "Cooking for friends"]
    assert answers["ranked"] == ["Cooking for friends"]


def test_nothing_is_saved_when_an_answers_file_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    run(
        capsys,
        "reflect",
        "weekly-step",
        "--answers",
        answers_file(tmp_path, "wish: x\nconfidence: 0\n"),
    )
    assert not (home / "journal").exists() or not list((home / "journal").rglob("*.md"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["reflect", "../x", "--answers", "a.yaml"], "'../x' is not an exercise name"),
        (["reflect", "nope", "--answers", "a.yaml"], "no exercise called 'nope'"),
        (
            ["reflect", "values", "--answers", "/no/such/file.yaml"],
            "/no/such/file.yaml: no such answers file",
        ),
        (["reflect", "values"], "asks its questions in a terminal, and there is none here"),
        (["show", "../../etc/passwd"], "is not a reflection id"),
        (["show"], "no reflections yet"),
        (
            ["review", "--since", "the blue moon"],
            "--since 'the blue moon' is not a date like 2026-11-21",
        ),
        (["review", "--exercise", "Weekly Step"], "'Weekly Step' is not an exercise name"),
        (["packs", "show", "nope"], "no exercise called 'nope'"),
    ],
)
def test_mistakes_are_one_clear_line_and_a_non_zero_exit(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, *args)
    assert code != 0
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_unexpected_errors_are_one_line_unless_debug(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(journal: object) -> list[Path]:
        raise RuntimeError("disk gremlins")

    monkeypatch.setattr("relational_cli.core.journal.journal.Journal.files", broken)
    code, _, err = run(capsys, "review")
    assert code == 1
    assert (
        err
        == "relational: unexpected error: RuntimeError: disk gremlins (run with --debug to see where)\n"
    )
    with pytest.raises(RuntimeError):
        main(["review", "--debug"], environment())


def make_reflections() -> None:
    from datetime import datetime, timezone

    from relational_cli.core.journal.fileformat import Reflection, Section

    for day, exercise in [(20, "values"), (21, "weekly-step"), (22, "weekly-step")]:
        when = datetime(2026, 11, day, 9, 30, tzinfo=timezone.utc)
        reflection = Reflection(
            new_id(exercise, when), exercise, when.isoformat(), "T", (exercise,)
        )
        journal().save(reflection, [Section("q", "Q?", "answer")])


def test_review_filters_limits_and_lists_newest_first(capsys: pytest.CaptureFixture[str]) -> None:
    make_reflections()

    def ids(*args: str) -> list[str]:
        code, out, err = run(capsys, "review", "--format", "json", *args)
        assert code == 0, err
        return [
            row["created"][:10] + " " + row["exercise"] for row in json.loads(out)["reflections"]
        ]

    assert ids() == ["2026-11-22 weekly-step", "2026-11-21 weekly-step", "2026-11-20 values"]
    assert ids("--limit", "1") == ["2026-11-22 weekly-step"]
    assert ids("--exercise", "values") == ["2026-11-20 values"]
    assert ids("--since", "2026-11-21", "--until", "2026-11-21") == ["2026-11-21 weekly-step"]
    code, out, err = run(capsys, "review", "--limit", "2")
    assert code == 0
    assert out.splitlines()[0].split() == ["Date", "Exercise", "Title", "Id"]
    assert len(out.splitlines()) == 3
    assert "use --limit to see more" in err


def test_review_of_an_empty_journal_says_how_to_begin(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "review") == (
        0,
        "",
        "No reflections yet. Start one with relational reflect.\n",
    )
    code, out, err = run(capsys, "review", "--format", "json")
    assert (code, json.loads(out), err) == (0, {"format": 1, "reflections": []}, "")


def test_packs_list_and_show_for_tools(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "packs", "list", "--format", "json")
    listed = json.loads(out)["packs"]
    ids = [p["id"] for p in listed]
    assert ids == sorted(ids) and {"self-care-plan", "values", "weekly-step"} <= set(ids)
    assert all(p["source"] == "built-in" for p in listed)
    _, out, _ = run(capsys, "packs", "show", "weekly-step", "--format", "json")
    pack = json.loads(out)["pack"]
    confidence = next(p for p in pack["prompts"] if p["id"] == "confidence")
    assert (confidence["type"], confidence["min"], confidence["max"]) == ("scale", 1, 5)
    assert next(p for p in pack["prompts"] if p["id"] == "smaller")["when"] == {
        "confidence": [1, 2]
    }
    assert confidence["optional"] is True and confidence["default"] is None
    _, out, _ = run(capsys, "packs", "show", "values", "--format", "json")
    sort = next(p for p in json.loads(out)["pack"]["prompts"] if p["id"] == "sort")
    assert sort["type"] == "card_sort" and len(sort["choices"]) == 91
    assert "Repair" in sort["short_deck"]
    code, out, _ = run(capsys, "packs", "list")
    assert code == 0 and "weekly-step" in out and "built-in" in out


def test_person_text_is_shown_inert(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    hostile = 'wish: "[bold red]loud[/] \\e]0;retitled\\a \\e[2J"\n'
    assert (
        run(capsys, "reflect", "weekly-step", "--answers", answers_file(tmp_path, hostile))[0] == 0
    )
    _, out, _ = run(capsys, "show")
    assert "[bold red]loud[/]" in out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;retitled\\x07" in out


def test_show_markdown_is_the_file_as_it_is_but_inert_on_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    hostile = 'wish: "before \\e]0;retitled\\a after"\n'
    assert (
        run(capsys, "reflect", "weekly-step", "--answers", answers_file(tmp_path, hostile))[0] == 0
    )
    _, piped, _ = run(capsys, "show", "--format", "markdown")
    assert "before \x1b]0;retitled\x07 after" in piped  # piped: the bytes of the file
    _, shown, _ = run(capsys, "show", "--format", "markdown", env=environment(terminal=True))
    assert "before \\x1b]0;retitled\\x07 after" in shown  # on a terminal: escaped
    assert "\x1b" not in shown and "\x07" not in shown


def test_json_answers_are_read_as_json_with_escapes_for_emoji(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = json.dumps({"wish": "a seedling \U0001f331"})  # written as \\ud83c\\udf31
    assert "\\ud83c\\udf31" in text
    code, _, err = run(capsys, "reflect", "weekly-step", "--answers", answers_file(tmp_path, text))
    assert code == 0, err
    _, out, _ = run(capsys, "show", "--format", "json")
    assert json.loads(out)["reflection"]["answers"] == {"wish": "a seedling \U0001f331"}


@pytest.mark.parametrize(
    ("text", "name", "message"),
    [
        ('{"wish": "half \\ud800"}', "a.json", "a.json: 'wish' holds a lone surrogate escape"),
        (
            '{"wish": "a",\n "wish": "b"}',
            "a.json",
            "a.json:2:2: 'wish' is given twice (lines 1 and 2)",
        ),
        (
            "wish: a\nwho: b\nwish: c\n",
            "a.yaml",
            "a.yaml:3:1: 'wish' is given twice (lines 1 and 3)",
        ),
        ('{"wish": "a",\n "who": }', "a.json", "a.json:2:9: Expecting value"),
    ],
)
def test_answers_files_that_cannot_be_kept_are_one_clear_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    home: Path,
    text: str,
    name: str,
    message: str,
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "reflect", "weekly-step", "--answers", str(path))
    assert code == 1
    assert err.startswith(f"relational: {tmp_path}/{message}")
    assert len(err.splitlines()) == 1
    assert not (home / "journal").exists()


def test_a_folder_given_as_an_answers_file_is_named_in_good_grammar(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "reflect", "weekly-step", "--answers", str(tmp_path))
    assert (code, err) == (1, f"relational: {tmp_path}: is a folder, not an answers file\n")


def test_a_long_answer_from_last_time_is_shortened_in_this_time_s_headings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    long_wish = "Call Sam " * 22_000
    first = answers_file(tmp_path, json.dumps({"wish": long_wish}), "first.json")
    assert run(capsys, "reflect", "weekly-step", "--answers", first)[0] == 0
    second = answers_file(tmp_path, "last_step: Done\nwish: Rest\n", "second.yaml")
    assert run(capsys, "reflect", "weekly-step", "--answers", second)[0] == 0
    _, text, _ = run(capsys, "show", "latest", "--format", "markdown")
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert max(len(line) for line in headings) < 300
    assert any(line.startswith("## Last time, your step was: “Call Sam") for line in headings)
    older = [p for p in journal().files()][-1]
    assert journal().load(older).answer_map()["wish"] == long_wish


def test_support_lists_the_persons_region_and_every_line_when_asked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from relational_cli.core import support

    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    code, out, _ = run(capsys, "support")
    assert code == 0
    listed = [line.strip() for line in out.splitlines() if "·" in line]
    assert listed[0].startswith("UK & Ireland: 116 123")
    assert "988" not in out and "1800 737 732" not in out  # not every region's lines
    assert "Last checked: December 2026" in out
    code, out, _ = run(capsys, "support", "--all")
    assert len([line for line in out.splitlines() if "·" in line]) == len(support.LINES)
    assert out.index("116 123") < out.index("988")

    monkeypatch.setenv("LANG", "C.UTF-8")  # no region: the line about emergency numbers
    document = json.loads(run(capsys, "support", "--format", "json")[1])
    assert document["region"] is None and document["verified"] == support.VERIFIED
    assert [row["contact"] for row in document["lines"]] == ["findahelpline.com"] * 2
    assert document["in_danger"].startswith("If you are in danger now, call your local")
    assert "relational support" in run(capsys, "--help")[1]  # one quiet line in --help

    # A region with no line of a kind: its emergency number, then the worldwide directory.
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    document = json.loads(run(capsys, "support", "--format", "json")[1])
    contacts = [row["contact"] for row in document["lines"]]
    assert (document["region"], contacts) == ("IT", ["findahelpline.com"] * 2)
    assert document["emergency"] == [{"region": "the EU", "number": "112", "note": None}]


LONG = (
    "wish: Call my sister on Sunday, ask how the move went, and tell her that I miss our long"
    " walks by the river\nexpectation: |\n  short\n  and sweet\n"
)


@pytest.mark.parametrize("plain", [False, True], ids=["piped", "plain mode"])
def test_piped_show_is_every_word_one_line_a_paragraph_with_no_padding(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    plain: bool,
) -> None:
    if plain:
        monkeypatch.setenv("RELATIONAL_PLAIN", "1")
    monkeypatch.setenv("COLUMNS", "40")  # wrapping, were it done, would show
    assert run(capsys, "reflect", "weekly-step", "--answers", answers_file(tmp_path, LONG))[0] == 0
    for command in (["show"], ["review"], ["packs", "list"], ["timeline"]):
        code, out, _ = run(capsys, *command)
        assert code == 0
        assert [line for line in out.splitlines() if line != line.rstrip()] == [], command
    out = run(capsys, "show")[1]
    wish = "  Call my sister on Sunday, ask how the move went, and tell her that I miss our long"
    assert f"\n{wish} walks by the river\n" in out  # whole, after its indent
    assert "\n  short\n  and sweet\n" in out


def test_packs_show_names_what_an_exercise_draws_on(capsys: pytest.CaptureFixture[str]) -> None:
    """A clinician handed an exercise looks for its sources: `packs show` lists them after the
    questions, and its JSON has them."""
    code, out, _ = run(capsys, "packs", "show", "repair")
    assert code == 0
    shown = out[out.index("What it draws on") :]
    assert "- DeYoung, P. A. (2015), Relational Psychotherapy: A Primer" in shown
    code, out, _ = run(capsys, "packs", "show", "repair", "--format", "json")
    assert any("DeYoung" in source for source in json.loads(out)["pack"]["sources"])
