"""Pairs in the entry format: what I notice, and what I will do then (a `pairs` answer).

Each pair is a bullet, so a Markdown app shows a list: `- **When I notice** …`, then, after
Markdown's line break, `  **I will** …` on the line beneath; a pair with one half has one
line (`- **When I notice** …` or `- **I will** …`). The words of each half, one line each,
come back exactly. A hand edit may indent the lines or use `*` bullets.
"""

from __future__ import annotations

import re

from relational_cli import messages

Pair = tuple[str, str]
"""What I notice, and what I will do then (either may be empty, never both)."""
Pairs = tuple[Pair, ...]
BREAK = "  "
"""Markdown's line break (as the entry format's), after what I notice when what I will do
follows."""
NOTICE = "**When I notice**"
WILL = "**I will**"
NOTICE_LINE = re.compile(r"[ \t]*[-*+] \*\*When I notice\*\*(?: |$)")
WILL_LINE = re.compile(r"[ \t]*(?:([-*+]) )?\*\*I will\*\*(?: |$)")
"""An `I will` line without a bullet finishes the pair above it; with one, it is a pair."""
NOT_PAIRS = messages.files.SHOULD_BE_PAIRS
"""What the lines of a pairs answer should be, to say when they are not."""


def lines(prompt_id: str, pairs: Pairs) -> list[str]:
    """A bullet per pair; ValueError for a half that runs over a line, or an empty pair."""
    out = []
    for notice, will in pairs:
        if any("\n" in part or "\r" in part for part in (notice, will)):
            raise ValueError(messages.files.value_on_one_line(prompt_id))
        if not notice and not will:
            raise ValueError(messages.files.empty_pair(prompt_id))
        if notice and will:
            out += [f"- {NOTICE} {notice}{BREAK}", f"  {WILL} {will}"]
        else:
            out.append(f"- {NOTICE} {notice}" if notice else f"- {WILL} {will}")
    return out


def decode(content: list[str]) -> Pairs | None:
    """The pairs of an answer's lines (blank lines left out); None if they are not pairs."""
    pairs: list[Pair] = []
    open_pair = False
    """The last pair has what I notice and may yet get what I will do."""
    for line in content:
        notice, will = NOTICE_LINE.match(line), WILL_LINE.match(line)
        if notice:
            pairs.append((line[notice.end() :], ""))
            open_pair = True
        elif will and not will.group(1) and open_pair:
            said = pairs[-1][0]
            pairs[-1] = (said[: -len(BREAK)] if said.endswith(BREAK) else said, line[will.end() :])
            open_pair = False
        elif will:
            pairs.append(("", line[will.end() :]))
            open_pair = False
        else:
            return None
    return tuple(pairs)


def text(notice: str, will: str) -> str:
    """A pair as one sentence: "When I notice …, I will …" (or the half there is)."""
    notice, will = " ".join(notice.split()), " ".join(will.split())
    if notice and will:
        return f"When I notice {notice.rstrip(',')}, I will {will}"
    return f"When I notice {notice}" if notice else f"I will {will}"


def as_pairs(raw: object) -> Pairs | None:
    """Pairs as a draft keeps them (JSON: lists of two strings), or None if `raw` is not."""
    if not isinstance(raw, (list, tuple)) or not all(
        isinstance(pair, (list, tuple))
        and len(pair) == 2
        and all(isinstance(part, str) for part in pair)
        for pair in raw
    ):
        return None
    return tuple((pair[0], pair[1]) for pair in raw)
