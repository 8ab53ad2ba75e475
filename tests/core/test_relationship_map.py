"""The map of relationships reads back as it was written: each person, their circle and
what they bring, whatever dash or case a person typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from relational_cli.core.documents.relationship_map import Person, people
from relational_cli.core.packs import known


def test_each_line_is_a_person_in_the_circle_it_was_written_under() -> None:
    answers = {
        "close": "J - nourishes\n\nBook club — Both\n- Mary-Jane: drains.",
        "around": "Sam not sure\nT",
        "further": None,
        "noticing": "J - drains",  # not a circle: not on the map
    }
    assert people(answers) == [
        Person("J", "close", "nourishes"),
        Person("Book club", "close", "both"),
        Person("Mary-Jane", "close", "drains"),
        Person("Sam", "around", "not sure"),
        Person("T", "around", ""),
    ]


def test_short_words_for_what_someone_brings_are_read_as_the_map_s_own() -> None:
    assert people({"further": "A, nourish\nB – drain\nC - unsure"}) == [
        Person("A", "further", "nourishes"),
        Person("B", "further", "drains"),
        Person("C", "further", "not sure"),
    ]


NAMES = st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=12)


@given(st.lists(st.tuples(NAMES, st.sampled_from(known.MAP_BRINGS)), max_size=6))
def test_a_map_written_as_the_exercise_asks_reads_back_whole(
    written: list[tuple[str, str]],
) -> None:
    text = "\n".join(f"{name} - {brings}" for name, brings in written)
    assert people({"around": text}) == [Person(n, "around", b) for n, b in written]


@given(st.text(max_size=120))
def test_no_line_with_words_on_it_is_lost(text: str) -> None:
    found = people({"close": text})
    worded = [line for line in text.splitlines() if line.strip(" \t-*•")]
    assert len(found) >= len(worded) - sum(1 for line in worded if not line.strip())
    assert all(person.name.strip() for person in found)
