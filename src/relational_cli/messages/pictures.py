"""Words of the pictures over time (`relational timeline`) and of the map of relationships
drawn as rings: headings, the names of the check-in's scales, and the sentences a screen
reader reads in place of a chart. Numbers and what was chosen only; never a word about the
person."""

from __future__ import annotations

from datetime import date
from pathlib import Path

SCALES = {"connected": "connected", "alone": "alone", "cared_for": "cared for"}
"""The check-in's scales, by prompt id, as the charts name them."""

CHECK_INS = "How you felt at each check-in"
CHECK_IN_KEY = "1 means not at all, 5 means very"
NOT_ANSWERED = "not answered"
DAY = "Day"
STEPS = "Your weekly steps, and how they went"
NOT_LOOKED_BACK = "not looked back on yet"
VALUES = "Your top values"
TITLE = "My reflections over time"
YOU = "you"
"""At the centre of the map."""
CIRCLES = {"close": "close", "around": "around", "further": "further away"}
"""The map's circles, by prompt id, as the rings name them."""
MAP = "My map of relationships"

_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve")  # fmt: skip


def counted(number: int, thing: str, things: str) -> str:
    """'four check-ins', '1 check-in' is 'one check-in'; past twelve, in digits."""
    word = _NUMBERS[number] if number < len(_NUMBERS) else str(number)
    return f"{word} {thing if number == 1 else things}"


def capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def day_words(day: str) -> str:
    """2026-09-07 as '7 September 2026'."""
    found = date.fromisoformat(day)
    return f"{found.day} {found:%B %Y}"


def between(first: str, last: str) -> str:
    """'on 7 September 2026', or 'from 7 September 2026 to 28 September 2026'."""
    if first == last:
        return f"on {day_words(first)}"
    return f"from {day_words(first)} to {day_words(last)}"


def reflections_each(by: str) -> str:
    return f"Reflections each {by}"


def check_in_sentence(scale: str, answers: list[int | None]) -> str:
    """What a chart of one scale shows, for a screen reader and for plain mode:
    'connected: 2, 3, 3, 4 over four check-ins'."""
    said = ", ".join(NOT_ANSWERED if n is None else str(n) for n in answers)
    many = counted(len(answers), "check-in", "check-ins")
    return f"{SCALES.get(scale, scale)}: {said} over {many}"


def check_ins_between(count: int, first: str, last: str) -> str:
    """'four check-ins, from 7 September 2026 to 28 September 2026'."""
    return f"{counted(count, 'check-in', 'check-ins')}, {between(first, last)}"


def steps_sentence(counts: list[tuple[str, int]]) -> str:
    """'How the weekly steps went: Done: 2; Partly: 1; not looked back on yet: 1.'"""
    return "How the weekly steps went: " + "; ".join(f"{name}: {n}" for name, n in counts) + "."


def periods_sentence(by: str, periods: list[tuple[str, int]]) -> str:
    """'Reflections each month: 2026-09: 4; 2026-10: 1.'"""
    return f"{reflections_each(by)}: " + "; ".join(f"{name}: {n}" for name, n in periods) + "."


def map_sentence(circles: list[tuple[str, list[str]]]) -> str:
    """'The people on the map, closest first. Close: J, Book club. Around: Sam.'"""
    said = [
        f"{CIRCLES.get(circle, circle).capitalize()}: {', '.join(names) or 'no one'}."
        for circle, names in circles
    ]
    return " ".join(["The people on the map, closest first.", *said])


def timeline_written(target: Path) -> str:
    return f"Your timeline is in {target}."
