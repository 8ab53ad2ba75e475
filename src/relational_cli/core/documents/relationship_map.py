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
_SAID = {"nourish": "nourishes", "drain": "drains", "unsure": "not sure"}


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
