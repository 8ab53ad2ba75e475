"""A map of relationships, read back from its reflection: each person (initials or a
nickname), the circle they are in and what they bring, as the map exercise keeps them — one
circle a question, one person a line ("J - nourishes")."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from relational_cli.core.journal.fileformat import Value
from relational_cli.core.packs import known

_LINE = re.compile(
    r"(?P<name>.+?)(?:\s*[-–—:,]\s*|\s+)(?P<brings>nourish(?:es)?|drains?|both|not sure|unsure)"
    r"[.!]?",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•]\s+)?")
_SAID = {"nourish": "nourishes", "drain": "drains", "unsure": known.MAP_BRINGS[3]}


@dataclass(frozen=True)
class Person:
    name: str
    circle: str
    """One of `known.MAP_CIRCLES`."""
    brings: str
    """One of `known.MAP_BRINGS`, or "" when the line says none of them."""


def people(answers: Mapping[str, Value | None]) -> list[Person]:
    """Everyone on the map, closest circle first, in the order written. A line that names
    no word for what the person brings keeps the whole line as the name."""
    found = []
    for circle in known.MAP_CIRCLES:
        text = answers.get(circle)
        for line in text.splitlines() if isinstance(text, str) else ():
            line = _BULLET.sub("", line).strip()
            if not line:
                continue
            match = _LINE.fullmatch(line)
            if match:
                brings = match["brings"].lower()
                found.append(Person(match["name"], circle, _SAID.get(brings, brings)))
            else:
                found.append(Person(line, circle, ""))
    return found


def circles(found: list[Person]) -> list[tuple[str, list[str]]]:
    """Each circle, closest first, with its people's names as written (made visible: a
    control character is written out, never sent)."""
    from relational_cli.core.documents.escaping import visible

    return [
        (circle, [visible(person.name) for person in found if person.circle == circle])
        for circle in known.MAP_CIRCLES
    ]


RINGS_WIDTH = 60
"""The outer ring's width on a terminal, in columns, where the terminal has room."""
NARROWEST = 30


def rings(
    found: list[Person], names: dict[str, str], centre: str, width: int = RINGS_WIDTH
) -> list[str]:
    """The map as rings in text: a rounded box for each circle, the closest innermost, each
    holding its people's names (as written) and the box within it; `centre` at the middle.
    `names` names the circles. The outer ring is `width` wide (the terminal's, up to
    `RINGS_WIDTH`). A name wider than its ring has a line of its own and goes past the edge
    rather than being cut."""
    drawn: list[str] = []
    layers = circles(found)
    outer = max(NARROWEST, min(width, RINGS_WIDTH))
    for level, (circle, people) in enumerate(layers):
        wide = outer - 6 * (len(layers) - 1 - level)
        inside = _wrapped(people, wide - 4)
        inside += [f" {line}" for line in drawn] if drawn else [_centred(centre, wide - 4)]
        drawn = _box(names.get(circle, circle), inside, wide)
    return drawn


def _box(title: str, inside: list[str], width: int) -> list[str]:
    top = f"╭─ {title} "
    lines = [top + "─" * max(1, width - 1 - cells(top)) + "╮"]
    lines += [f"│ {line}{' ' * max(0, width - 4 - cells(line))} │" for line in inside]
    return [*lines, "╰" + "─" * (width - 2) + "╯"]


def _wrapped(people: list[str], width: int) -> list[str]:
    lines: list[str] = []
    for name in people:
        if lines and cells(lines[-1]) + 3 + cells(name) <= width:
            lines[-1] += f"   {name}"
        else:
            lines.append(name)
    return lines


def _centred(words: str, width: int) -> str:
    return " " * max(0, (width - cells(words)) // 2) + words


def cells(text: str) -> int:
    """How many columns `text` takes on a terminal: two for a wide character, none for a
    combining one."""
    import unicodedata

    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )
