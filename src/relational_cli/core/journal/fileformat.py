"""The entry format: a `Reflection` as a Markdown file, and back again, exactly.

A file looks like this::

    ---
    id: 20261121-210755-weekly-step
    exercise: weekly-step
    pack_version: 1
    created: 2026-11-21T21:07:55+00:00
    title: "A small step this week"
    tags: ["weekly-step"]
    ---

    # A small step this week

    ## What is one small step you could take?

    <!-- answer id=wish type=text -->
    Call my sister on Sunday.
    <!-- /answer -->

Front matter holds metadata only. Each answer sits between an opening comment, which names
the prompt id and the answer's type, and a closing `<!-- /answer -->` line; the heading above
it is the prompt's wording when it was answered. Markdown viewers hide the comments, so the
file reads as headings with answers beneath. Everything between the two comment lines is the
answer, character for character, so answers may hold headings, `---`, fences or comments.

The one escape: an answer line that is an opening or closing comment, with any number of
backslashes in front, gets one more backslash when written and loses one when read. So an
opening comment inside an answer can only mean its closing line went missing (a hand edit),
and that is reported rather than letting one answer swallow the next.

Types: `text` is the raw text (one line, or as older files hold several); `lines` is text of
several lines; `list` is one `- item` line per chosen value, in order; `ranking` is one
`1. item` line per value, best first (Markdown apps show it numbered; files written before
relational 0.2 hold rankings as a `list`, read as one); `int` is a number at the
start of the line; `bool` is `Yes` or `No`; `piles` is a `Name:` line per pile, a blank line,
its `- item` lines, a blank line between piles (one list per pile in every Markdown reader,
pandoc's too); `pairs` is a bullet per pair, "When I notice …" with "I will …" beneath (see
`pairs`). A skipped prompt keeps its heading with "*Skipped.*" beneath and no comments.

Line breaks in `lines`: Markdown joins lines that follow each other into one paragraph, so a
line that runs on into another (neither of them blank) is written with two extra spaces at its
end, Markdown's line break, and read back without them. The person's words, trailing spaces
included, come back exactly; viewers (GitHub, VS Code, pandoc, Obsidian) show their lines as
they typed them; and an editor that trims trailing spaces loses nothing but that break.

A fence or HTML block an answer leaves open would turn the rest of the file into code: such
an answer is written with the lines that close it, in a file that says `format: 2` (`blocks`).

Line endings: a file is read back with the line endings it was written with, so `\\r` inside an
answer survives. A file whose first line ends in CRLF (an editor converted the whole file) has
every CRLF read as LF.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from relational_cli import messages
from relational_cli.core.journal import blocks
from relational_cli.core.journal import pairs as paired
from relational_cli.core.journal.frontmatter import FRONT_MATTER_KEYS as FRONT_MATTER_KEYS
from relational_cli.core.journal.frontmatter import FormatError as FormatError
from relational_cli.core.journal.frontmatter import parse_front_matter as parse_front_matter
from relational_cli.core.journal.scalars import yaml_scalar
from relational_cli.core.journal.scalars import yaml_string as yaml_string

Value = str | int | bool | list[str] | dict[str, list[str]] | paired.Pairs
"""A typed answer: text, a scale number, yes/no, a list of chosen values (ranked or not),
named piles of values (a card sort), or pairs (a warning sign and what I will do)."""

CLOSE = "<!-- /answer -->"
TYPES = "text|lines|list|ranking|int|bool|piles|pairs"
OPEN = re.compile(r"<!-- answer id=([a-z0-9_-]+) type=(" + TYPES + ") -->")
MARKER = re.compile(r"\\*(?:" + re.escape(CLOSE) + "|" + OPEN.pattern + ")")
"""A marker line, or one escaped with backslashes: inside an answer it gets one more."""
SKIPPED = "*Skipped.*"
BREAK = "  "
"""Markdown's line break, at the end of a line of a `lines` answer that runs on."""
CLOSING_FORMAT = 2
"""`format: 2`: an answer in the file is written by `blocks.closed` (without it, none is)."""


class Answer(NamedTuple):
    prompt_id: str
    value: Value
    heading: str = ""
    """The prompt's wording as it stands in the file."""
    ranked: bool = False
    """A ranking: the order of the values is what they say (`type=ranking`)."""


class Reflection(NamedTuple):
    id: str
    exercise: str
    created: str
    """ISO 8601 with its UTC offset, e.g. 2026-11-21T21:07:55+01:00."""
    title: str
    tags: tuple[str, ...] = ()
    pack_version: int = 1
    answers: tuple[Answer, ...] = ()
    skipped: tuple[str, ...] = ()
    """Headings of prompts that were skipped, shown in the file but holding no answer."""
    stray: tuple[int, ...] = ()
    """Line numbers (1-based) of text outside any answer: it stays in the file, but is not
    read as part of an answer, so someone editing the file should be told."""

    def answer_map(self) -> dict[str, Value]:
        return {answer.prompt_id: answer.value for answer in self.answers}


class Section(NamedTuple):
    """One prompt as it is written: its heading, and its answer (None when skipped)."""

    prompt_id: str
    heading: str
    value: Value | None
    help: str = ""
    ranked: bool = False
    """A ranking's values, best first: written numbered."""


def render(reflection: Reflection, sections: list[Section]) -> str:
    lines = [
        "---",
        *front_matter_lines(reflection),
        "---",
        "",
        f"# {one_line(reflection.title)}",
        "",
    ]
    closed = False
    for section in sections:
        lines += [f"## {one_line(section.heading)}", ""]
        if section.help:
            lines += [f"*{one_line(section.help)}*", ""]
        if section.value is None:
            lines += [SKIPPED, ""]
        else:
            answer = answer_lines(section.prompt_id, section.value, section.ranked)
            closed = closed or blocks.unclosed(answer[1:-1], BREAK) != answer[1:-1]
            lines += [*answer, ""]
    if closed:  # only then: every other file keeps the shape relational has always written
        lines.insert(lines.index("---", 1), f"format: {CLOSING_FORMAT}")
    return "\n".join(lines)


def front_matter_lines(reflection: Reflection) -> list[str]:
    tags = ", ".join(yaml_string(tag) for tag in reflection.tags)
    return [
        f"id: {yaml_scalar(reflection.id)}",
        f"exercise: {yaml_scalar(reflection.exercise)}",
        f"pack_version: {reflection.pack_version}",
        f"created: {reflection.created}",
        f"title: {yaml_string(reflection.title)}",
        f"tags: [{tags}]",
    ]


def answer_lines(prompt_id: str, value: Value, ranked: bool = False) -> list[str]:
    """One answer as its file lines, its comments around it."""
    kind, body = _body(prompt_id, value, ranked)
    opening = f"<!-- answer id={prompt_id} type={kind} -->"
    return [opening, *blocks.closed(body, BREAK, CLOSE), CLOSE]


def _body(prompt_id: str, value: Value, ranked: bool = False) -> tuple[str, list[str]]:
    """An answer's kind (as its opening comment names it) and its lines."""
    if isinstance(value, bool):
        return "bool", ["Yes" if value else "No"]
    if isinstance(value, int):
        return "int", [str(value)]
    if isinstance(value, list) and ranked:
        _items(prompt_id, value)  # one line each
        return "ranking", [f"{n}. {item}" for n, item in enumerate(value, 1)]
    if isinstance(value, list):
        return "list", _items(prompt_id, value)
    if isinstance(value, tuple):
        return "pairs", paired.lines(prompt_id, value)
    if isinstance(value, dict):
        return "piles", _pile_lines(prompt_id, value)
    return ("lines" if "\n" in value else "text"), _text_lines(value)


def _pile_lines(prompt_id: str, piles: dict[str, list[str]]) -> list[str]:
    """Each pile's name and a colon, then its cards as a list (a blank line between)."""
    body: list[str] = []
    for name, items in piles.items():
        bad = not name or name.startswith("-") or name != name.strip()
        if bad or "\n" in name or "\r" in name:
            raise ValueError(messages.files.bad_pile(prompt_id, name))
        pile = [f"{name}:", *([""] if items else []), *_items(prompt_id, items)]
        body += [*([""] if body else []), *pile]  # a blank line before each list
    return body


def _text_lines(value: str) -> list[str]:
    """Text as its lines, a line that reads as the format's own comment escaped, and each line
    that runs on into the next ended with Markdown's line break."""
    body = [("\\" + line) if MARKER.fullmatch(line) else line for line in value.split("\n")]
    for index in _runs_on(body):
        body[index] += BREAK
    return body


def _runs_on(lines: list[str]) -> list[int]:
    """The lines that run on into the next: neither is blank (to Markdown: spaces and tabs)."""
    filled = [bool(line.strip(" \t")) for line in lines]
    return [index for index in range(len(lines) - 1) if filled[index] and filled[index + 1]]


def _items(prompt_id: str, values: list[str]) -> list[str]:
    if any("\n" in item or "\r" in item for item in values):
        raise ValueError(messages.files.value_on_one_line(prompt_id))
    return [f"- {item}" for item in values]


def parse(text: str, source: str = "reflection") -> Reflection:
    if text.startswith("---\r\n"):
        text = text.replace("\r\n", "\n")
    meta, body_start = parse_front_matter(text, source)
    first_line = text.count("\n", 0, body_start) + 1
    lines = text[body_start:].split("\n")
    answers: list[Answer] = []
    skipped: list[str] = []
    stray: list[int] = []
    heading = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        match = OPEN.fullmatch(line)
        if line.startswith("## "):
            heading = line[3:].strip()
        elif line == SKIPPED and heading:
            skipped.append(heading)
        elif match:
            end = _closing_line(lines, index + 1, source, match.group(1))
            inside = lines[index + 1 : end]
            if meta["format"] >= CLOSING_FORMAT:
                inside = blocks.unclosed(inside, BREAK)
            value = _decode(match.group(2), inside, source, match.group(1))
            answers.append(Answer(match.group(1), value, heading, match.group(2) == "ranking"))
            index = end
        elif line.strip() and not _structure(line):
            stray.append(first_line + index)
        index += 1
    return Reflection(
        id=meta["id"],
        exercise=meta["exercise"],
        created=meta["created"],
        title=meta["title"],
        tags=tuple(meta["tags"]),
        pack_version=meta["pack_version"],
        answers=tuple(answers),
        skipped=tuple(skipped),
        stray=tuple(stray),
    )


def _structure(line: str) -> bool:
    """A line the format itself writes outside answers: title, headings, hints, 'Skipped'."""
    stripped = line.strip()
    return stripped.startswith("#") or (len(stripped) > 1 and stripped[0] == stripped[-1] == "*")


def _closing_line(lines: list[str], start: int, source: str, prompt_id: str) -> int:
    for index in range(start, len(lines)):
        if lines[index] == CLOSE:
            return index
        if OPEN.fullmatch(lines[index]):
            break
    raise FormatError(messages.files.answer_not_closed(source, prompt_id, CLOSE))


def _decode(kind: str, lines: list[str], source: str, prompt_id: str) -> Value:
    """An answer's value from its lines, as its kind says to read them."""
    return _DECODERS[kind](lines, _Where(source, prompt_id))


class _Where(NamedTuple):
    """The file and the answer being read, to say where a misshapen answer is."""

    source: str
    prompt_id: str

    def should(self, what: str) -> FormatError:
        return FormatError(messages.files.answer_should(self.source, self.prompt_id, what))


def _filled(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip()]


def _decode_text(lines: list[str], where: _Where) -> Value:
    return "\n".join(
        line[1:] if line.startswith("\\") and MARKER.fullmatch(line) else line for line in lines
    )


def _decode_lines(lines: list[str], where: _Where) -> Value:
    """Text of several lines: without the line breaks its lines were written with."""
    lines = list(lines)
    for index in _runs_on(lines):
        if lines[index].endswith(BREAK):
            lines[index] = lines[index][: -len(BREAK)]
    return _decode_text(lines, where)


def _decode_pairs(lines: list[str], where: _Where) -> Value:
    if (pairs := paired.decode(_filled(lines))) is None:
        raise where.should(paired.NOT_PAIRS)
    return pairs


def _decode_items(lines: list[str], where: _Where, ranked: bool = False) -> Value:
    return [_item(line, where.source, where.prompt_id, ranked) for line in _filled(lines)]


def _decode_piles(lines: list[str], where: _Where) -> Value:
    """Each pile's name and a colon, then its cards as a list."""
    piles: dict[str, list[str]] = {}
    for line in _filled(lines):
        if not line.lstrip(" \t").startswith("-") and line.rstrip().endswith(":"):
            piles[line.strip()[:-1]] = []
        elif piles:
            piles[list(piles)[-1]].append(_item(line, where.source, where.prompt_id))
        else:
            raise where.should(messages.files.SHOULD_START_WITH_PILE)
    return piles


def _first(lines: list[str]) -> str:
    content = _filled(lines)
    return content[0].strip() if content else ""


def _decode_int(lines: list[str], where: _Where) -> Value:
    match = re.match(r"-?\d+", _first(lines))
    if not match:
        raise where.should(messages.files.SHOULD_START_WITH_NUMBER)
    return int(match.group())


def _decode_bool(lines: list[str], where: _Where) -> Value:
    first = _first(lines)
    if first.lower() not in ("yes", "no"):
        raise where.should(messages.files.SHOULD_BE_YES_OR_NO)
    return first.lower() == "yes"


_DECODERS: dict[str, Callable[[list[str], _Where], Value]] = {
    "text": _decode_text,
    "lines": _decode_lines,
    "list": _decode_items,
    "ranking": functools.partial(_decode_items, ranked=True),
    "int": _decode_int,
    "bool": _decode_bool,
    "piles": _decode_piles,
    "pairs": _decode_pairs,
}
"""How each kind of answer (`TYPES`) is read back."""


def _item(line: str, source: str, prompt_id: str, ranked: bool = False) -> str:
    """A value of a list (`- item`) or a ranking (`1. item`: its place is the line's, whatever
    number a hand edit left). A hand-indented list still reads."""
    match = re.match(r"[ \t]*\d+\.(?: |$)" if ranked else r"[ \t]*-(?: |$)", line)
    if not match:
        what = messages.files.SHOULD_BE_NUMBERED if ranked else messages.files.SHOULD_BE_BULLETED
        raise FormatError(messages.files.answer_should(source, prompt_id, what))
    return line[match.end() :]


def answer_text(value: Value | None) -> str:
    """An answer as plain words: Yes or No, a number, chosen values joined with commas, the
    piles of a card sort a line each (`Name: a, b`), pairs a line each; "" for none."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return "\n".join(paired.text(notice, will) for notice, will in value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, dict):
        return "\n".join(f"{name}: {', '.join(cards)}" for name, cards in value.items())
    return str(value)


def one_line(text: str) -> str:
    """Headings hold one line: pack text is folded so a heading never spills into the body."""
    return " ".join(text.split())
