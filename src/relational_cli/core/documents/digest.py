"""A digest: chosen reflections as one clean document to bring to a session or keep.

In time order, each with its title, exercise and date; each answered question as a heading
with the answer beneath; no front matter, answer markers or tool instructions, and nothing of
a skipped question. Nothing twice: the answer a reflection takes its title from is that title,
and an exercise's name is not repeated under a title that is already it. A scale answer says
where on the scale it is ("4 of 5"), with the scale's words. The person's words are escaped,
so a Markdown viewer (and the HTML page made from it) shows them exactly as written; an answer
with indented lines or tabs is a code block, which keeps them as typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

from relational_cli import messages
from relational_cli.core.documents import escaping as inert
from relational_cli.core.documents.plan import long_date, pair_bullets
from relational_cli.core.journal.fileformat import Reflection, Value, one_line
from relational_cli.core.journal.summary import instant

if TYPE_CHECKING:
    from relational_cli.core.packs.model import Pack, Prompt

TITLE = messages.transfer.DIGEST_TITLE


def title(reflections: list[Reflection]) -> str:
    """ "My reflections, 1 November – 22 November 2026", by the first and last day."""
    days = sorted(day_of(reflection) for reflection in reflections)
    if not days:
        return TITLE
    first, last = days[0], days[-1]
    if first == last:
        return f"{TITLE}, {first.day} {first:%B %Y}"
    start = f"{first.day} {first:%B}" + ("" if first.year == last.year else f" {first:%Y}")
    return f"{TITLE}, {start} – {last.day} {last:%B %Y}"


def markdown(reflections: list[Reflection], packs: Mapping[str, Pack]) -> str:
    """The digest in Markdown: `reflections` oldest first, whatever order they come in;
    `packs` (by id) name each exercise and say what its questions were (a pack that is gone:
    its id, and the answers as they are)."""
    ordered = in_order(reflections)
    out = [f"# {inert.markdown(title(ordered))}", ""]
    for reflection in ordered:
        pack = packs.get(reflection.exercise)
        exercise = pack.title if pack else reflection.exercise
        prompts = {prompt.id: prompt for prompt in pack.prompts} if pack else {}
        out += [f"## {_line(reflection.title or exercise)}", ""]
        if reflection.title in ("", exercise):
            out += [_when(reflection.created), ""]
        else:
            out += [f"{_line(exercise)} · {_when(reflection.created)}", ""]
        for answer in reflection.answers:
            if pack and answer.prompt_id == pack.title_from and answer.value == reflection.title:
                continue  # the title, said above
            out += [f"### {_line(answer.heading or answer.prompt_id)}", ""]
            out += [*_answer(answer.value, answer.ranked, prompts.get(answer.prompt_id)), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def in_order(reflections: list[Reflection]) -> list[Reflection]:
    """Oldest first, as the digest lists them."""
    return sorted(reflections, key=lambda reflection: (instant(reflection.created), reflection.id))


def figures(reflections: list[Reflection]) -> dict[int, str]:
    """The pictures of the HTML digest, by the place of their reflection in it: each map of
    relationships drawn as rings (the people's names as written, nothing else about them)."""
    from relational_cli import messages
    from relational_cli.core.documents import relationship_map, svg
    from relational_cli.core.packs import known

    found = {}
    for number, reflection in enumerate(in_order(reflections)):
        people = relationship_map.people(reflection.answer_map())
        if reflection.exercise != known.MAP or not people:
            continue
        circles = relationship_map.circles(people)
        words = messages.pictures
        found[number] = svg.rings(
            f"map-{number}",
            words.MAP,
            words.map_sentence(circles),
            words.YOU,
            [(words.CIRCLES.get(circle, circle), names) for circle, names in circles],
        )
    return found


def day_of(reflection: Reflection) -> date:
    try:
        return datetime.fromisoformat(reflection.created).date()
    except ValueError:  # a hand-edited date: the one in the id
        return datetime.strptime(reflection.id[:8], "%Y%m%d").date()


def _when(created: str) -> str:
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        return inert.markdown(created)
    return f"{long_date(moment.date())}, {moment:%H:%M}"


def _answer(value: Value, ranked: bool, prompt: Prompt | None = None) -> list[str]:
    """An answer as Markdown lines, by its type."""
    if isinstance(value, bool):
        return ["Yes" if value else "No"]
    if isinstance(value, int):
        return [_number(value, prompt)]
    if isinstance(value, list):
        return _items(value, ranked)
    if isinstance(value, dict):
        return _piles(value)
    if isinstance(value, tuple):
        return pair_bullets(value) or [messages.transfer.NONE_GIVEN]
    if inert.spaced(value):  # indented lines or tabs: in a block that shows them as typed
        return [inert.as_typed(value)]
    return [inert.markdown(value)]


def _number(value: int, prompt: Prompt | None) -> str:
    """A number; on a scale, out of its top and with the words at its ends."""
    if prompt is None or prompt.type != "scale":
        return str(value)
    words = [
        f"{number} = {_line(label)}"
        for number, label in ((prompt.min, prompt.min_label), (prompt.max, prompt.max_label))
        if label
    ]
    return f"{value} of {prompt.max}" + (f" ({' · '.join(words)})" if words else "")


def _items(values: list[str], ranked: bool) -> list[str]:
    if ranked:
        return [f"{n}. {_line(item)}" for n, item in enumerate(values, 1)] or [
            messages.transfer.NONE_CHOSEN
        ]
    return [f"- {_line(item)}" for item in values] or [messages.transfer.NONE_CHOSEN]


def _piles(piles: dict[str, list[str]]) -> list[str]:
    """Each pile's name, then its cards as a list (a blank line between)."""
    out: list[str] = []
    for pile, cards in piles.items():
        out += [f"{_line(pile)}:", "", *[f"- {_line(card)}" for card in cards], ""]
    return out[:-1]


def _line(text: str) -> str:
    return inert.markdown(one_line(text))
