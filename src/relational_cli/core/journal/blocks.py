"""Markdown blocks an answer leaves open, closed for the reader (see the entry format's notes,
"A block left open"): a code fence or an HTML block that only a given line ends, which would
otherwise turn the rest of a reflection file — the next questions and answers — into code.

`closed` writes an answer's lines with the lines that close what they leave open (and marks a
last line of theirs that could close a block); `unclosed` gives back exactly their lines.
Markdown is parsed (markdown-it) only for an answer with a line that could open such a block.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_OPENER = re.compile(
    r"^ {0,3}(?:`{3,}|~{3,}|<\?|<!|<(?:script|pre|style|textarea)(?:[ \t>]|$))",
    re.IGNORECASE | re.MULTILINE,
)
"""A line that may open a block only a later line ends: a code fence or an HTML block."""
_CLOSER = re.compile(r"`{3,}|~{3,}|-->|\?>|\]\]>|>|</(?:script|pre|style|textarea)>")
"""A line `left_open` may give, to close such a block."""
_STRICT_HTML = re.compile(r" {0,3}<(script|pre|style|textarea)(?=[ \t>]|$)", re.IGNORECASE)


def closed(lines: list[str], mark: str, after: str) -> list[str]:
    """An answer's lines as written, `after` them the line that follows: a last line that
    could close a block marked (with `mark`, spaces), then the lines that close what is left
    open. Unchanged for almost every answer; read back by `unclosed`."""
    if lines and _CLOSER.fullmatch(lines[-1].rstrip(" ")):
        lines = [*lines[:-1], lines[-1] + mark]
    return [*lines, *left_open(lines, after)]


def unclosed(lines: list[str], mark: str) -> list[str]:
    """The answer's own lines, from lines written by `closed`: the closing lines at the end
    are relational's, and so is `mark` at the end of a last line that could close a block."""
    end = len(lines)
    while end and _CLOSER.fullmatch(lines[end - 1]):
        end -= 1
    lines = lines[:end]
    if lines and lines[-1].endswith(mark) and _CLOSER.fullmatch(lines[-1].rstrip(" ")):
        lines = [*lines[:-1], lines[-1][: -len(mark)]]
    return lines


def left_open(lines: list[str], after: str) -> list[str]:
    """The lines that close what `lines` leave open — a code fence (its own backticks or
    tildes) or an HTML block that only a given line ends — which would otherwise run on over
    the rest of the file. As CommonMark reads it today (markdown-it), as readers of its 0.29
    version do (GitHub's, commonmark.py: `<textarea>` starts no such block) and as mistune
    does (a `<pre>` ends only at `</pre>`). Empty for almost every answer."""
    for older in (True, False):  # where 0.29 and today's CommonMark cannot both be met: today's
        closers: list[str] = []
        for _ in range(6):
            closer = _runs_on_from([*lines, *closers], after, older)
            if closer is None:
                return closers
            closers.append(closer)
    return closers


def _runs_on_from(lines: list[str], after: str, older: bool) -> str | None:
    """A line that closes something `lines` leave open in one of the readers, or None."""
    text = _could_open(lines)
    if text is None:
        return None  # nothing that opens such a block starts a line: no Markdown parsed
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    views = [text]
    if older:
        views.insert(0, re.sub(r"(?im)^( {0,3})<textarea", r"\1<textarea-", text))
    for view in views:
        token = _running_on(parser, view, after)
        if token is not None:
            return str(token.markup) if token.type == "fence" else _html_end(token.content)
    return _strict_html_end(parser, text)


def _could_open(lines: list[str]) -> str | None:
    """The answer as one text, its line ends as Markdown reads them, when a line of it could
    open a block only a later line ends; None for almost every answer, found fast."""
    text = "\n".join(lines)
    if "`" not in text and "~" not in text and "<" not in text:  # (one character: memchr)
        return None  # the usual case, found fast (a long answer is read in milliseconds)
    if "\r" in text:
        text = re.sub(r"\r\n?", "\n", text)  # Markdown reads a lone \r as a line end
    return text if _OPENER.search(text) else None


def _running_on(parser: MarkdownIt, view: str, after: str) -> Token | None:
    """The code fence or HTML block of `view` that runs on over the line `after` it and the
    heading below, as CommonMark reads it; None when the heading is still a heading."""
    count = view.count("\n") + 1
    tokens = parser.parse(f"{view}\n{after}\n\n## next")
    if any(t.type == "heading_open" and t.map and t.map[0] == count + 2 for t in tokens):
        return None  # the next heading is a heading: nothing runs on
    for token in tokens:
        spans = token.level == 0 and token.map and token.map[0] < count < token.map[1]
        if spans and token.type in ("fence", "html_block"):
            return token
    return None


def _strict_html_end(parser: MarkdownIt, text: str) -> str | None:
    """The end tag of a `<pre>`, `<script>`, `<style>` or `<textarea>` block never ended in
    `text`, as readers that end one only at its end tag (mistune) read it."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    for token in parser.parse(text):
        tag = _STRICT_HTML.match(token.content) if token.type == "html_block" else None
        if tag and token.level == 0 and token.map:
            end = f"</{tag.group(1).lower()}>"
            if end not in text[starts[token.map[0]] :].lower():
                return end
    return None


def _html_end(block: str) -> str | None:
    """What ends an HTML block that starts `block` (CommonMark's kinds 1 to 5)."""
    tag = _STRICT_HTML.match(block)
    if tag:
        return f"</{tag.group(1).lower()}>"
    start = block.lstrip(" ")
    for opening, closing in (("<!--", "-->"), ("<?", "?>"), ("<![CDATA[", "]]>"), ("<!", ">")):
        if start.startswith(opening):
            return closing
    return None
