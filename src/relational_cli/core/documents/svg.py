"""Charts as inline SVG for the printable pages: a scale's answers over time, bars of counts,
and the map of relationships as rings. Hand-written: a few lines, circles and words each, no
library and nothing from elsewhere (no scripts, fonts or images).

Every chart is a `<figure>`: the SVG is an image (`role="img"`) named by its `<title>`, its
`<desc>` says in words what it shows, numbers included, and the same words are printed
beneath it as its caption. A person's words (names on the map, a step) are escaped, and
control characters written out, so they are only ever text.
"""

from __future__ import annotations

import math
from html import escape

from relational_cli.core.documents.escaping import visible

WIDTH = 600
INK, QUIET, LINE = "#222", "#555", "#bbb"


def text(words: str) -> str:
    """`words` as SVG and HTML text: never markup, never a control character."""
    return escape(visible(words), quote=True)


def figure(
    ident: str, title: str, description: str, height: int, shapes: list[str], width: int = WIDTH
) -> str:
    """A chart in a figure, with its text alternative and its caption."""
    return "\n".join(
        [
            '<figure class="chart">',
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"'
            f' width="{width}" height="{height}" role="img"'
            f' aria-labelledby="{ident}-title" aria-describedby="{ident}-desc">',
            f'<title id="{ident}-title">{text(title)}</title>',
            f'<desc id="{ident}-desc">{text(description)}</desc>',
            *shapes,
            "</svg>",
            f"<figcaption>{text(description)}</figcaption>",
            "</figure>",
        ]
    )


def _label(x: float, y: float, words: str, anchor: str = "middle", kind: str = "") -> str:
    shown = f' class="{kind}"' if kind else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{shown}>{text(words)}</text>'


def scale_chart(
    ident: str,
    title: str,
    description: str,
    answers: list[int | None],
    least: int,
    most: int,
    first: str,
    last: str,
) -> str:
    """A scale's answers in time order: a dot each (its number above it while there is room),
    joined by a line; a skipped answer leaves a gap. `first` and `last` name the ends."""
    left, right, top, bottom = 56, WIDTH - 20, 24, 124
    step = (right - left) / max(1, len(answers) - 1)
    span = max(1, most - least)

    def y(value: int) -> float:  # a number edited by hand past the scale: at its end
        return bottom - (min(max(value, least), most) - least) * (bottom - top) / span

    shapes = []
    for value in range(least, most + 1):
        shapes.append(
            f'<line x1="{left}" y1="{y(value):.1f}" x2="{right}" y2="{y(value):.1f}"'
            f' stroke="{LINE}" stroke-width="1"/>'
        )
        shapes.append(_label(left - 24, y(value) + 4, str(value), "end", "quiet"))
    points = [
        None if n is None else (left + i * step if len(answers) > 1 else (left + right) / 2, y(n))
        for i, n in enumerate(answers)
    ]
    run: list[tuple[float, float]] = []
    for point in [*points, None]:
        if point is not None:
            run.append(point)
            continue
        if len(run) > 1:
            joined = " ".join(f"{px:.1f},{py:.1f}" for px, py in run)
            shapes.append(
                f'<polyline points="{joined}" fill="none" stroke="{INK}" stroke-width="2"/>'
            )
        run = []
    numbered = len(answers) <= 26
    for point, answer in zip(points, answers, strict=True):
        if point is None or answer is None:
            continue
        shapes.append(f'<circle cx="{point[0]:.1f}" cy="{point[1]:.1f}" r="4" fill="{INK}"/>')
        if numbered:
            shapes.append(_label(point[0], point[1] - 9, str(answer)))
    shapes.append(_label(left, bottom + 22, first, "start", "quiet"))
    if last != first:
        shapes.append(_label(right, bottom + 22, last, "end", "quiet"))
    return figure(ident, title, description, bottom + 30, shapes)


def bars_across(ident: str, title: str, description: str, counts: list[tuple[str, int]]) -> str:
    """A bar a row, its name before it and its number after it."""
    names, row = 210, 26
    room = WIDTH - names - 50
    widest = max((n for _, n in counts), default=0) or 1
    shapes = []
    for index, (name, count) in enumerate(counts):
        middle = 14 + index * row
        shapes.append(_label(0, middle + 4, name, "start"))
        length = room * count / widest
        if count:
            shapes.append(
                f'<rect x="{names}" y="{middle - 8}" width="{length:.1f}" height="16"'
                f' fill="{INK}"/>'
            )
        shapes.append(_label(names + length + 8, middle + 4, str(count), "start"))
    return figure(ident, title, description, 8 + len(counts) * row, shapes)


def bars_up(ident: str, title: str, description: str, counts: list[tuple[str, int]]) -> str:
    """A bar a period, left to right, its number above it and (room allowing) its name
    beneath."""
    top, bottom, left = 20, 120, 4
    slot = (WIDTH - 2 * left) / max(1, len(counts))
    every = math.ceil(len(counts) / 12)
    widest = max((n for _, n in counts), default=0) or 1
    shapes = [
        f'<line x1="{left}" y1="{bottom}" x2="{WIDTH - left}" y2="{bottom}" stroke="{LINE}"/>'
    ]
    for index, (name, count) in enumerate(counts):
        middle = left + slot * (index + 0.5)
        height = (bottom - top) * count / widest
        if count:
            shapes.append(
                f'<rect x="{middle - slot * 0.3:.1f}" y="{bottom - height:.1f}"'
                f' width="{slot * 0.6:.1f}" height="{height:.1f}" fill="{INK}"/>'
            )
        shapes.append(_label(middle, bottom - height - 5, str(count)))
        if index % every == 0:
            shapes.append(_label(middle, bottom + 16, name, kind="quiet small"))
    return figure(ident, title, description, bottom + 24, shapes)


RINGS = (70, 135, 200)
"""The outer edge of each circle of the map, closest first."""


def rings(
    ident: str,
    title: str,
    description: str,
    centre: str,
    circles: list[tuple[str, list[str]]],
) -> str:
    """The map: three rings around `centre`, each circle's name at its top and its people
    (as they were written) spaced evenly around it, never at the top where the name is."""
    middle = max(RINGS) + 10
    size = 2 * middle
    shapes = [
        f'<circle cx="{middle}" cy="{middle}" r="{radius}" fill="none" stroke="{LINE}"'
        f' stroke-width="1.5"/>'
        for radius in RINGS
    ]
    shapes.append(_label(middle, middle + 5, centre, kind="quiet"))
    inner = 0
    for (name, people), outer in zip(circles, RINGS, strict=False):
        shapes.append(_label(middle, middle - outer + 16, name, kind="quiet small"))
        along = (inner + outer) / 2 if inner else outer * 0.62
        for index, person in enumerate(people):
            angle = math.radians(-90 + (index + 0.5) * 360 / len(people))
            x, y = middle + along * math.cos(angle), middle + along * math.sin(angle)
            shapes.append(_label(x, y + 5, person, kind="name"))
        inner = outer
    return figure(ident, title, description, size, shapes, width=size)
