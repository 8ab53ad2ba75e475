"""Small charts in text, for the timeline on a terminal: a sparkline of a scale's answers and
a bar of blocks. Each is drawn beside its numbers, so nothing is told by shape alone; plain
mode shows the numbers only (in `views`)."""

from __future__ import annotations

SPARKS = "▁▂▃▄▅▆▇█"
GAP = "·"
"""Where an answer was skipped."""


def sparkline(answers: list[int | None], least: int, most: int) -> str:
    """One block a answer, as high as the answer is on its scale (`least` the lowest block,
    `most` the highest); a skipped one as a dot."""
    span = max(1, most - least)
    return "".join(
        GAP
        if n is None
        else SPARKS[round((min(max(n, least), most) - least) * (len(SPARKS) - 1) / span)]
        for n in answers
    )


def bar(count: int, per_block: int) -> str:
    """`count` as whole blocks of `per_block` each (rounded up, so one is never nothing)."""
    return "█" * -(-count // max(1, per_block))


def per_block(widest: int, width: int) -> int:
    """How many each block stands for, for the widest bar to fit in `width` blocks."""
    return max(1, -(-widest // width))
