"""The entry format: every answer a person can give comes back exactly from the file."""

from __future__ import annotations

import pytest
import yaml
from conftest import journal
from hypothesis import given, settings
from hypothesis import strategies as st

from relational_cli.core.journal import fileformat as markdown
from relational_cli.core.journal.fileformat import FormatError, Reflection, Section

# Any Unicode a person could type or paste: everything but lone surrogates, which cannot be
# encoded in a UTF-8 file at all.
any_text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=300)
tricky_lines = st.sampled_from(
    [
        "---",
        "## A heading",
        "<!-- /answer -->",
        "\\<!-- /answer -->",
        "\\\\<!-- /answer -->",
        "<!-- answer id=x type=text -->",
        "```",
        "~~~python",
        "````",
        "   ```",
        "    ```",
        "```  ",
        "~~~",
        "> ```",
        "- ~~~",
        "<pre>",
        "</pre>",
        "<!--",
        "-->",
        "<?php",
        "?>",
        "<![CDATA[",
        "]]>",
        "<script>",
        "*Skipped.*",
        "[bold red]markup[/]",
        "\x1b]0;title\x07",
        "  leading and trailing  ",
        "ends in Markdown's line break  ",
        "ends in a backslash\\",
        "   ",
        "\t",
        "",
        "\r",
        "---\r",
    ]
)
tricky_text = st.lists(st.one_of(tricky_lines, any_text), max_size=8).map("\n".join)
one_line = st.text(
    st.characters(blacklist_categories=["Cs"], blacklist_characters="\n\r"), min_size=1, max_size=40
)
pair_part = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\n\r"), max_size=40),
    st.sampled_from(["", "  ", "ends in a break  ", "- **I will** x", "**I will** y", " lead"]),
)
pairs = st.lists(
    st.tuples(pair_part, pair_part).filter(lambda pair: pair != ("", "")), max_size=5
).map(tuple)
"""A warning sign and what I will do, either half perhaps empty (never both)."""
pile_name = one_line.map(str.strip).filter(lambda name: name and not name.startswith("-"))
values = st.one_of(
    st.one_of(any_text, tricky_text),
    st.lists(one_line, max_size=6),
    st.integers(-5, 100),
    st.booleans(),
    st.dictionaries(pile_name, st.lists(one_line, max_size=4), max_size=4),
    pairs,
)


def reflection(title: str = "A title", tags: tuple[str, ...] = ("values",)) -> Reflection:
    return Reflection(
        id="20261121-210755-values",
        exercise="values",
        created="2026-11-21T21:07:55+01:00",
        title=title,
        tags=tags,
        pack_version=3,
    )


def round_trip(sections: list[Section], **kwargs: object) -> Reflection:
    text = markdown.render(reflection(**kwargs), sections)  # type: ignore[arg-type]
    return markdown.parse(text)


@settings(max_examples=300)
@given(st.lists(st.tuples(values, st.booleans()), min_size=1, max_size=5))
def test_any_answers_come_back_exactly(answers: list[tuple[object, bool]]) -> None:
    sections = [
        Section(f"p{n}", f"Question {n}?", value, ranked=ranked and isinstance(value, list))  # type: ignore[arg-type]
        for n, (value, ranked) in enumerate(answers)
    ]
    text = markdown.render(reflection(), sections)
    parsed = markdown.parse(text)
    assert parsed.answer_map() == {f"p{n}": value for n, (value, _) in enumerate(answers)}
    for answer, section in zip(parsed.answers, sections, strict=True):
        assert type(answer.value) is type(section.value)
        assert answer.ranked == section.ranked
    again = [Section(a.prompt_id, a.heading, a.value, ranked=a.ranked) for a in parsed.answers]
    assert markdown.render(reflection(), again) == text  # the same file, byte for byte


@given(any_text, st.lists(one_line, max_size=4))
def test_metadata_comes_back_and_the_front_matter_is_valid_yaml(
    title: str, tags: list[str]
) -> None:
    text = markdown.render(reflection(title, tuple(tags)), [Section("a", "Q", "answer")])
    parsed = markdown.parse(text)
    assert (parsed.title, parsed.tags, parsed.pack_version) == (title, tuple(tags), 3)
    block = text.split("\n---\n", 1)[0].removeprefix("---\n")
    meta = yaml.safe_load(block)
    assert meta["title"] == title
    assert meta["tags"] == tags
    assert meta["id"] == "20261121-210755-values"


def test_a_large_answer_round_trips() -> None:
    big = ("Lorem ipsum — dolor sit amet. " * 7000)[:200_000] + "\n## not a heading\n---"
    assert round_trip([Section("long", "Q?", big)]).answer_map() == {"long": big}


def test_skipped_prompts_show_in_the_file_but_hold_no_answer() -> None:
    text = markdown.render(
        reflection(), [Section("a", "First?", None), Section("b", "Second?", "yes")]
    )
    assert "## First?\n\n*Skipped.*" in text
    parsed = markdown.parse(text)
    assert parsed.answer_map() == {"b": "yes"}
    assert parsed.skipped == ("First?",)


def test_the_file_reads_as_headings_with_answers_beneath() -> None:
    text = markdown.render(
        reflection(), [Section("who", "Who is it with?", "My sister", help="A name")]
    )
    body = text.split("\n---\n", 1)[1]
    assert body == (
        "\n# A title\n\n## Who is it with?\n\n*A name*\n\n"
        "<!-- answer id=who type=text -->\nMy sister\n<!-- /answer -->\n"
    )


def test_typed_answers_are_written_the_way_people_read_them() -> None:
    piles = {"Very important": ["Repair"], "Unsure": []}
    text = markdown.render(
        reflection(),
        [
            Section("l", "L", ["Honesty", "Repair"]),
            Section("r", "R", ["Repair", "Honesty"], ranked=True),
            Section("n", "N", 4),
            Section("b", "B", False),
            Section("p", "P", piles),
        ],
    )
    assert (
        "<!-- answer id=p type=piles -->\nVery important:\n\n- Repair\n\nUnsure:\n<!-- /answer -->"
        in text
    )
    assert "<!-- answer id=l type=list -->\n- Honesty\n- Repair\n<!-- /answer -->" in text
    assert "<!-- answer id=r type=ranking -->\n1. Repair\n2. Honesty\n<!-- /answer -->" in text
    assert "<!-- answer id=n type=int -->\n4\n<!-- /answer -->" in text
    assert "<!-- answer id=b type=bool -->\nNo\n<!-- /answer -->" in text


def test_a_ranking_reordered_by_hand_is_read_in_the_order_of_its_lines() -> None:
    text = markdown.render(reflection(), [Section("r", "R", ["a", "b", "c"], ranked=True)])
    text = text.replace("1. a\n2. b\n3. c", "2. b\n1. a\n  3. c")
    (answer,) = markdown.parse(text).answers
    assert answer.value == ["b", "a", "c"] and answer.ranked
    with pytest.raises(FormatError, match="numbered lines"):
        markdown.parse(text.replace("2. b", "- b"))


def test_an_answer_edited_by_hand_is_what_is_read() -> None:
    text = markdown.render(reflection(), [Section("a", "Q?", "first draft"), Section("n", "N", 2)])
    edited = text.replace("first draft", "what I really meant\nover two lines").replace(
        "\n2\n", "\n5 (changed my mind)\n"
    )
    assert markdown.parse(edited).answer_map() == {
        "a": "what I really meant\nover two lines",
        "n": 5,
    }


def test_the_heading_is_the_wording_the_answer_was_given_under() -> None:
    parsed = round_trip([Section("a", "What does {x} mean?".replace("{x}", "Repair"), "mending")])
    assert parsed.answers[0].heading == "What does Repair mean?"


def test_a_file_converted_to_crlf_by_an_editor_still_reads() -> None:
    text = markdown.render(reflection(), [Section("a", "Q?", "one\ntwo"), Section("l", "L", ["x"])])
    parsed = markdown.parse(text.replace("\n", "\r\n"))
    assert parsed.answer_map() == {"a": "one\ntwo", "l": ["x"]}


def test_hand_written_yaml_front_matter_is_read() -> None:
    text = (
        "---\nid: 20261121-210755-values\nexercise: values\n"
        "created: 2026-11-21T21:07:55+01:00\ntitle: My own title\ntags:\n  - a\n  - b\n---\nbody\n"
    )
    parsed = markdown.parse(text)
    assert parsed.created == "2026-11-21T21:07:55+01:00"
    assert parsed.tags == ("a", "b")
    assert parsed.title == "My own title"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no front matter", "no front matter"),
        ("---\nid: x\n", "no closing ---"),
        ("---\n: [\n---\n", "not valid YAML"),
        ("---\n- a list\n---\n", "not a mapping"),
        ("---\nid: 1\nexercise: v\ncreated: c\n---\n", "needs title"),
        (
            "---\nid: a\nexercise: v\ncreated: c\ntitle: t\n---\n<!-- answer id=a type=text -->\nnever closed\n",
            "has no closing <!-- /answer -->",
        ),
        (
            "---\nid: a\nexercise: v\ncreated: c\ntitle: t\n---\n<!-- answer id=n type=int -->\nmany\n<!-- /answer -->\n",
            "should start with a number",
        ),
    ],
)
def test_files_that_cannot_be_read_say_why(text: str, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        markdown.parse(text, "f.md")


def test_a_list_item_with_a_line_break_is_refused_rather_than_mangled() -> None:
    with pytest.raises(ValueError, match="one line"):
        markdown.render(reflection(), [Section("l", "L", ["two\nlines"])])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(any_text, tricky_text), min_size=1, max_size=3))
def test_answers_come_back_exactly_through_the_saved_file(answers: list[str]) -> None:
    import os
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        os.environ["RELATIONAL_HOME"] = folder  # the autouse fixture restores it afterwards
        sections = [Section(f"p{n}", f"Q{n}", value) for n, value in enumerate(answers)]
        _, path = journal().save(reflection(), sections)
        assert Path(path).is_file()
        assert journal().load(path).answer_map() == {
            f"p{n}": value for n, value in enumerate(answers)
        }


def test_a_lost_closing_line_is_reported_not_swallowing_the_next_answer() -> None:
    text = markdown.render(
        reflection(), [Section("a", "A?", "first"), Section("b", "B?", "second")]
    )
    broken = text.replace("first\n<!-- /answer -->", "first", 1)
    with pytest.raises(FormatError, match="the answer to 'a' has no closing <!-- /answer -->"):
        markdown.parse(broken)


def test_an_answer_that_holds_a_marker_line_round_trips() -> None:
    answer = "<!-- answer id=b type=text -->\n\\<!-- /answer -->\n<!-- /answer -->"
    assert round_trip([Section("a", "A?", answer), Section("b", "B?", "x")]).answer_map() == {
        "a": answer,
        "b": "x",
    }


def test_text_outside_any_answer_is_noted_by_line() -> None:
    text = markdown.render(
        reflection(), [Section("a", "A?", "x", help="a hint"), Section("b", "B?", None)]
    )
    assert markdown.parse(text).stray == ()
    edited = text.replace("## B?", "a note I added\n## B?")
    line = edited.split("\n").index("a note I added") + 1
    assert markdown.parse(edited).stray == (line,)


def test_markdown_viewers_show_piles_as_lists_and_lines_as_typed() -> None:
    from markdown_it import MarkdownIt

    piles = {"Important": ["Chosen family", "Repair"], "Unsure": ["Accuracy"]}
    typed = "Time outside\nwith a friend  \n\n- a list\n- of mine"
    text = markdown.render(reflection(), [Section("p", "P", piles), Section("t", "T", typed)])
    html = MarkdownIt("commonmark").render(text)
    # Each pile is its own paragraph and list: no pile name runs into the item above it.
    assert "<p>Important:</p>\n<ul>\n<li>Chosen family</li>\n<li>Repair</li>\n</ul>" in html
    assert "<p>Unsure:</p>\n<ul>\n<li>Accuracy</li>\n</ul>" in html
    # The person's line breaks show as line breaks; their own list stays a list.
    assert "<p>Time outside<br />\nwith a friend</p>" in html
    assert "<ul>\n<li>a list</li>\n<li>of mine</li>\n</ul>" in html
    assert markdown.parse(text).answer_map() == {"p": piles, "t": typed}


def test_files_in_the_earlier_layout_still_read_exactly() -> None:
    # Before line breaks were marked: several lines as type=text, piles without blank lines.
    earlier = (
        "---\nid: 20261121-210755-values\nexercise: values\ncreated: c\ntitle: t\n---\n"
        "<!-- answer id=t type=text -->\nfirst line  \nsecond\n<!-- /answer -->\n"
        "<!-- answer id=p type=piles -->\nImportant:\n- Repair\nUnsure:\n- Accuracy\n"
        "<!-- /answer -->\n"
    )
    assert markdown.parse(earlier).answer_map() == {
        "t": "first line  \nsecond",
        "p": {"Important": ["Repair"], "Unsure": ["Accuracy"]},
    }


YAML_TRAPS = ["no", "No", "on", "off", "yes", "y", "n", "null", "true", "false", "0x1f", "1_000",
              "0o17", "1e3", "012", "2026-01-01", "1:20", ".inf", "~", "nan"]  # fmt: skip
exercise_id = st.one_of(
    st.sampled_from([trap.lower() for trap in YAML_TRAPS if trap.lower() == trap]),
    st.from_regex(r"[a-z0-9](?:[a-z0-9_-]{0,20}[a-z0-9])?", fullmatch=True),
)


def yaml_readers() -> list[tuple[str, object]]:
    """PyYAML (YAML 1.1), ruamel.yaml (1.2) and python-frontmatter, each a function from the
    front matter (and the file) to the mapping it reads."""
    ruamel = pytest.importorskip(
        "ruamel.yaml", reason="ruamel.yaml (a test extra) is not installed"
    )
    frontmatter = pytest.importorskip(
        "frontmatter", reason="python-frontmatter (a test extra) is not installed"
    )
    return [
        ("PyYAML", lambda block, _text: yaml.safe_load(block)),
        ("ruamel 1.2", lambda block, _text: ruamel.YAML(typ="safe", pure=True).load(block)),
        ("python-frontmatter", lambda _block, text: frontmatter.loads(text).metadata),
    ]


@settings(max_examples=200, deadline=None)
@given(
    exercise=exercise_id,
    title=st.one_of(st.sampled_from(YAML_TRAPS), any_text),
    stamp=st.booleans(),
)
def test_every_yaml_reader_reads_the_same_ids_and_title(
    exercise: str, title: str, stamp: bool
) -> None:
    """YAML 1.1 reads `no` as false and `0x1f` as 31; 1.2 reads `0o17` as 15: whatever an id or
    a title is, every reader reads back the text it is."""
    identity = f"20261121-210755-{exercise}" if stamp else exercise
    made = Reflection(identity, exercise, "2026-11-21T21:07:55+01:00", title, ("values",))
    text = markdown.render(made, [Section("a", "Q", "answer")])
    block = text.split("\n---\n", 1)[0].removeprefix("---\n")
    for name, read in yaml_readers():
        meta = read(block, text)  # type: ignore[operator]
        assert (meta["id"], meta["exercise"], meta["title"]) == (identity, exercise, title), name
        assert meta["tags"] == ["values"], name
    parsed = markdown.parse(text)
    assert (parsed.id, parsed.exercise, parsed.title) == (identity, exercise, title)


def test_an_ordinary_id_stays_plain() -> None:
    made = Reflection("20261121-210755-values", "values", "2026-11-21T21:07:55+01:00", "t")
    text = markdown.render(made, [])
    assert "\nid: 20261121-210755-values\nexercise: values\n" in text
    assert 'exercise: "no"' in markdown.render(Reflection("20261121-210755-no", "no", "c", "t"), [])


def test_markdown_viewers_show_pairs_as_when_i_notice_i_will() -> None:
    from markdown_it import MarkdownIt

    pairs = (("I stop answering messages", "text Jo"), ("I sleep badly", ""), ("", "rest"))
    text = markdown.render(reflection(), [Section("signs", "Signs", pairs)])
    assert "<!-- answer id=signs type=pairs -->\n" in text
    html = MarkdownIt("commonmark").render(text)
    assert (
        "<li><strong>When I notice</strong> I stop answering messages<br />\n"
        "<strong>I will</strong> text Jo</li>\n"
        "<li><strong>When I notice</strong> I sleep badly</li>\n"
        "<li><strong>I will</strong> rest</li>"
    ) in html
    assert markdown.parse(text).answer_map() == {"signs": pairs}
    assert markdown.answer_text(pairs).splitlines() == [
        "When I notice I stop answering messages, I will text Jo",
        "When I notice I sleep badly",
        "I will rest",
    ]


def test_pairs_edited_by_hand_still_read_and_a_stray_line_is_named() -> None:
    head = "---\nid: 20261121-210755-values\nexercise: values\ncreated: c\ntitle: t\n---\n"
    edited = (
        head + "<!-- answer id=s type=pairs -->\n"
        "* **When I notice** tired\n    **I will** rest\n\n- **When I notice** cross\n"
        "<!-- /answer -->\n"
    )
    assert markdown.parse(edited).answer_map() == {"s": (("tired", "rest"), ("cross", ""))}
    stray = head + "<!-- answer id=s type=pairs -->\njust words\n<!-- /answer -->\n"
    with pytest.raises(FormatError, match="'When I notice' and 'I will' lines"):
        markdown.parse(stray)
    with pytest.raises(ValueError, match="what you notice, what you will do, or both"):
        markdown.render(reflection(), [Section("s", "S", (("", ""),))])
    with pytest.raises(ValueError, match="one line"):
        markdown.render(reflection(), [Section("s", "S", (("a\nb", "c"),))])
