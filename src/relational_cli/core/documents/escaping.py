"""A person's words, made inert: never read as terminal control sequences or as markup.

`visible` writes control characters out as escapes; `markdown` escapes text so that a
Markdown renderer (and so the HTML made from it) shows it exactly as written, never as
headings, lists, links, emphasis or HTML; `as_typed` does so for text whose indentation or
tabs matter, in a code block.
"""

from __future__ import annotations

import re

from relational_cli.core.journal.fileformat import BREAK

_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane + end) for plane in range(0, 0x110000, 0x10000) for end in (0xFFFE, 0xFFFF)
)
_CONTROL = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff{_NONCHARACTERS}]"
)
"""Control characters, text-direction overrides, the noncharacters (which HTML forbids), and
lone surrogates (no text holds one: Python carries a file name's bytes that are not UTF-8 as
surrogates, which no stream can write)."""
# Escaped anywhere in a line: they can start emphasis, code, links, HTML, entities or tables.
_ANYWHERE = re.compile(r"([\\`*_\[\]<&|~])")
# Escaped at the start of a line: they can start a heading, list, quote or thematic break.
_LINE_START = re.compile(r"^([#>+=-])")
_NUMBERED = re.compile(r"^(\d{1,9})([.)])")
_SPACED = re.compile(r"^[ \t]+\S|\t[^\n]*\S", re.MULTILINE)


def visible(text: str) -> str:
    """`text` with every control character written out as an escape, safe to show."""
    return _CONTROL.sub(
        lambda m: _escape(ord(m.group())),
        text,
    )


def _escape(code: int) -> str:
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8, shown as that byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return repr(chr(code))[1:-1]
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def as_typed(text: str) -> str:
    """`text` as a Markdown code block, which every Markdown reader shows exactly as written —
    its indentation and tabs too — with control characters written out as escapes."""
    shown = visible(text)
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * max(3, longest + 1)  # longer than any run of backticks inside: never closed
    return f"{fence}\n{shown}\n{fence}"


def spaced(text: str) -> bool:
    """Whether `text` has indentation or tabs between its words, which `markdown` would lose
    (Markdown reads leading spaces as code and shows a tab as one space)."""
    return _SPACED.search(text) is not None


def markdown(text: str) -> str:
    """`text` as Markdown that shows exactly these words, its own line breaks kept (leading
    spaces are dropped: in Markdown they would make a code block)."""
    lines = []
    for raw in visible(text).replace("\t", " ").split("\n"):
        line = _ANYWHERE.sub(r"\\\1", raw.strip(" "))
        line = _NUMBERED.sub(r"\1\\\2", _LINE_START.sub(r"\\\1", line))
        lines.append(line)
    for index in range(len(lines) - 1):
        if lines[index] and lines[index + 1]:
            lines[index] += BREAK
    return "\n".join(lines).strip("\n")
