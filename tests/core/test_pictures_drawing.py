"""The charts and the map's rings, drawn from any words and numbers: nothing lost, nothing
read as markup or sent as a control sequence, every ring as wide as the others."""

from __future__ import annotations

import html5lib
from hypothesis import example, given
from hypothesis import strategies as st

from relational_cli.core.documents import charts, svg
from relational_cli.core.documents.escaping import visible
from relational_cli.core.documents.relationship_map import Person, cells, rings
from relational_cli.core.documents.timeline import Step, outcomes
from relational_cli.core.packs import known

NAMES = st.text(
    st.characters(exclude_characters="\n\r", codec="utf-8"), min_size=1, max_size=30
).filter(lambda name: name.strip() == name and name)
CIRCLE_NAMES = {"close": "close", "around": "around", "further": "further away"}


@given(st.lists(st.tuples(NAMES, st.sampled_from(known.MAP_CIRCLES)), max_size=12))
def test_every_name_is_in_the_rings_and_every_ring_line_is_as_wide(
    placed: list[tuple[str, str]],
) -> None:
    found = [Person(name, circle, "") for name, circle in placed]
    drawn = rings(found, CIRCLE_NAMES, "you", 60)
    text = "\n".join(drawn)
    assert all(visible(name) in text for name, _ in placed)
    assert not any(c in text for c in "\x1b\x07\x9b")
    fitting = all(cells(visible(name)) <= 44 for name, _ in placed)
    if fitting:  # a name wider than its ring goes past the edge rather than being cut
        assert {cells(line) for line in drawn} == {60}


@given(st.lists(st.tuples(NAMES, st.sampled_from(known.MAP_CIRCLES)), max_size=8))
def test_the_svg_rings_hold_each_name_as_text(placed: list[tuple[str, str]]) -> None:
    circles = [
        (circle, [name for name, where in placed if where == circle])
        for circle in known.MAP_CIRCLES
    ]
    drawn = svg.rings("map", "A map", "The people", "you", circles)
    tree = html5lib.parse(f"<!doctype html><title>t</title>{drawn}", namespaceHTMLElements=False)
    shown = [
        t.text for t in tree.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "name"
    ]
    assert shown == [visible(name) for _, names in circles for name in names]


@given(st.lists(st.one_of(st.none(), st.integers(-3, 9)), min_size=1, max_size=60))
def test_a_sparkline_has_a_block_for_each_answer_and_a_gap_for_each_skipped(
    answers: list[int | None],
) -> None:
    line = charts.sparkline(answers, 1, 5)
    assert len(line) == len(answers)
    assert [c == charts.GAP for c in line] == [n is None for n in answers]
    chart = svg.scale_chart("c", "t", "d", answers, 1, 5, "first", "last")
    html5lib.HTMLParser(strict=True).parse(f"<!doctype html><title>t</title>{chart}")


def test_every_way_a_step_went_is_counted_none_left_out_none_added_up() -> None:
    steps = [
        Step("a", "2026-09-07", "Call", "Done"),
        Step("b", "2026-09-14", "Walk", "Skipped it"),  # an older pack's own word
        Step("c", "2026-09-21", "Rest", None),
    ]
    assert outcomes(steps) == [
        ("Done", 1), ("Partly", 0), ("Not yet", 0), ("It didn't fit in the end", 0),
        ("Skipped it", 1), ("", 1),
    ]  # fmt: skip
    assert outcomes(steps[:1])[-1] == ("It didn't fit in the end", 0)  # none not looked back


@given(
    st.lists(st.tuples(NAMES, st.sampled_from([None, *known.STEP_OUTCOMES])), max_size=6),
    st.lists(st.lists(NAMES, max_size=3), max_size=3),
)
@example(steps=[("a noncharacter \ufffe\U0001ffff", None)], tops=[["\ufdd0"]])  # HTML forbids them
def test_the_timeline_page_holds_any_step_and_value_as_text(
    steps: list[tuple[str, str | None]], tops: list[list[str]]
) -> None:
    from relational_cli.core.documents import timeline_page
    from relational_cli.core.documents.timeline import CheckIn, Timeline, Values

    picture = Timeline(
        "week",
        [("2026-W37", len(steps))],
        [Step(str(n), "2026-09-07", title, went) for n, (title, went) in enumerate(steps)],
        [Values(str(n), "2026-09-07", top, [], []) for n, top in enumerate(tops)],
        [CheckIn("c", "2026-09-07", {"connected": 3, "alone": None, "cared_for": 5})],
    )
    page = timeline_page.html(picture, "2026-09-08")
    html5lib.HTMLParser(strict=True).parse(page)
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    items = [item.text or "" for item in tree.iter("li")]
    for (title, _), item in zip(steps, items, strict=False):
        assert f": {visible(title)} — " in item
    for top, item in zip(tops, items[len(steps) :], strict=True):
        assert item.endswith(visible(", ".join(top)) or "—")
