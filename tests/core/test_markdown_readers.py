"""Four Markdown readers — markdown-it-py, mistune, commonmark.py and pandoc — read a
reflection file as its questions with the answers beneath, whatever Markdown a person typed:
a fence or an HTML block they opened and never closed is closed for the reader, so the next
question is still a heading, and relational reads their words back exactly."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relational_cli.core.journal import fileformat as markdown
from relational_cli.core.journal.fileformat import Reflection, Section

OPENERS = ["```", "````", "~~~", "~~~~python", "   ```", "  ~~~ js", "<pre>", "<PRE class=x>",
           "<script>", "<style>", "<textarea>", "<?php", "<![CDATA[", "<!--", "<!DOCTYPE",
           "<div>", "> ```", "- ```", "    ```"]  # fmt: skip
CLOSERS = ["```", "````", "~~~", "~~~~", "```  ", "</pre>", "?>", "]]>", "-->", ">", ""]
LINES = st.one_of(
    st.sampled_from(OPENERS),
    st.sampled_from(CLOSERS),
    st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"), max_size=12),
)
ANSWERS = st.lists(LINES, min_size=1, max_size=6).map("\n".join)
READ = Callable[[str], str]
OLD_AND_NEW = re.compile(
    r"^ {0,3}<textarea(?:.|\n)*^ {0,3}(?:```|~~~)(?:.|\n)*^ {0,3}</", re.M | re.I
)
"""commonmark.py follows CommonMark 0.29, where `<textarea>` starts no HTML block: with a
fence inside it and a `</pre>` after it, no closing line reads alike in 0.29 and today."""
LIST_FENCE = re.compile(
    r"^[->] +(?:```|~~~)|^ {0,3}[-+*>](?:[ \t][^\n]*)?\n {0,3}(?:```|~~~|<[a-zA-Z?!])", re.M
)
"""A list item or a quote, and after it an unindented fence or HTML block: CommonMark ends the
item there; mistune 3 goes on reading such lines into it (and so, at times, into the rest of
the file, whatever relational writes after the answer)."""


def readers() -> list[tuple[str, READ]]:
    """Each installed reader, as a function from Markdown to HTML (raw HTML on, as Obsidian,
    GitHub and pandoc read a file)."""
    from markdown_it import MarkdownIt

    found: list[tuple[str, READ]] = [("markdown-it-py", MarkdownIt("commonmark").render)]
    try:
        import mistune

        found.append(("mistune", mistune.create_markdown(escape=False)))  # type: ignore[arg-type]
    except ImportError:
        pass
    try:
        import commonmark  # type: ignore[import-untyped]

        found.append(("commonmark.py", commonmark.commonmark))
    except ImportError:
        pass
    return found


def a_file(answers: list[str]) -> str:
    made = Reflection("20261121-210755-journal", "journal", "2026-11-21T21:07:55+00:00", "T")
    sections = [Section(f"p{n}", f"Question {n}", answer) for n, answer in enumerate(answers)]
    return markdown.render(made, sections)


def headings(html: str) -> list[str]:
    return re.findall(r"<h2[^>]*>(.*?)</h2>", html)


def test_every_reader_is_installed() -> None:
    names = [name for name, _ in readers()]
    missing = {"mistune", "commonmark.py"} - set(names)
    if missing:
        pytest.skip(f"{', '.join(sorted(missing))} (test extras) not installed: fewer readers")


@settings(max_examples=300, deadline=None)
@given(st.lists(ANSWERS, min_size=1, max_size=3))
def test_every_question_stays_a_heading_and_every_answer_comes_back(answers: list[str]) -> None:
    text = a_file(answers)
    assert markdown.parse(text).answer_map() == {f"p{n}": a for n, a in enumerate(answers)}
    expected = [f"Question {n}" for n in range(len(answers))]
    for name, read in readers():
        if name == "mistune" and LIST_FENCE.search(text):
            continue  # mistune's own reading: an unindented line after it stays in the list
        if name == "commonmark.py" and OLD_AND_NEW.search(text):
            continue  # closed for today's CommonMark where the two cannot both be met
        ours = [heading for heading in headings(read(text)) if heading in expected]
        assert ours == expected, (name, text)  # (their own Markdown may make more headings)


@pytest.mark.parametrize("opener", OPENERS)
def test_pandoc_reads_the_next_question_as_a_heading(opener: str) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed (apt install pandoc): one reader fewer")
    answers = [f"{opener}\nmy words", "after", f"{opener}\n{opener.strip(' <>?!-')}"]
    text = a_file(answers)
    assert markdown.parse(text).answer_map() == {f"p{n}": a for n, a in enumerate(answers)}
    for reader in ("commonmark", "markdown", "gfm"):
        html = subprocess.run(
            [pandoc, "-f", reader, "-t", "html"], input=text, capture_output=True, text=True,
            check=True, timeout=60,
        ).stdout  # fmt: skip
        found = [re.sub(r"<[^>]+>", "", heading) for heading in headings(html)]
        assert found == ["Question 0", "Question 1", "Question 2"], (reader, html)


def test_a_fence_left_open_is_closed_with_one_line_the_answer_does_not_hold() -> None:
    text = a_file(["```\nmy code", "after"])
    assert "<!-- answer id=p0 type=lines -->\n```  \nmy code\n```\n<!-- /answer -->" in text
    assert markdown.parse(text).answer_map()["p0"] == "```\nmy code"
    closed = a_file(["```\nmy code\n```"])  # closed by the person: theirs, marked, kept
    assert "```  \nmy code  \n```  \n<!-- /answer -->" in closed
    assert markdown.parse(closed).answer_map()["p0"] == "```\nmy code\n```"


def test_card_sort_piles_are_lists_after_a_blank_line_in_pandocs_markdown() -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        pytest.skip("pandoc is not installed (apt install pandoc): one reader fewer")
    made = Reflection("20261121-210755-values", "values", "2026-11-21T21:07:55+00:00", "T")
    piles = {"Very important": ["Honesty", "Repair"], "Not important": ["Fame"]}
    text = markdown.render(made, [Section("sort", "Sort", piles)])
    html = subprocess.run(
        [pandoc, "-f", "markdown", "-t", "html"], input=text, capture_output=True, text=True,
        check=True, timeout=60,
    ).stdout  # fmt: skip
    assert "<p>Very important:</p>\n<ul>\n<li>Honesty</li>" in html
    assert "<p>Not important:</p>\n<ul>\n<li>Fame" in html
    assert markdown.parse(text).answer_map()["sort"] == piles


def test_a_textarea_is_closed_for_commonmark_0_29_and_today() -> None:
    """GitHub and commonmark.py read CommonMark 0.29, where `<textarea>` starts no HTML block;
    today's readers wait for `</textarea>`: both are met."""
    text = a_file(["0\n<textarea>\n```", "after"])
    assert markdown.parse(text).answer_map()["p0"] == "0\n<textarea>\n```"
    for name, read in readers():
        assert headings(read(text)) == ["Question 0", "Question 1"], name


def test_only_a_file_with_a_block_closed_for_readers_says_format_2() -> None:
    assert "\nformat: 2\n---\n" in a_file(["```\nmy code"])
    assert "format:" not in a_file(["plain words", "- a list\n\n> a quote"])


def test_a_file_written_before_reads_its_own_closing_lines_as_the_answer() -> None:
    """Without `format: 2`, a fence closed at the end of an answer is the person's own."""
    earlier = (
        "---\nid: 20261121-210755-journal\nexercise: journal\ncreated: c\ntitle: t\n---\n"
        "<!-- answer id=a type=lines -->\n```  \ncode  \n```\n<!-- /answer -->\n"
        "<!-- answer id=b type=text -->\n```  \n<!-- /answer -->\n"
    )
    assert markdown.parse(earlier).answer_map() == {"a": "```\ncode\n```", "b": "```  "}
