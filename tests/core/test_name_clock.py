"""The clock time in a reflection file's name is read by hand, as `strptime` reads it."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from relational_cli.core.journal.summary import name_clock


def by_strptime(name: str) -> float | None:
    try:
        moment = datetime.strptime(name[:15], "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return moment.replace(tzinfo=timezone.utc).timestamp()


NAMES = st.text(alphabet="0123456789-+_ a٥²", max_size=20) | st.from_regex(
    r"\A[0-9]{8}-[0-9]{6}(-[a-z]+\.md)?\Z"
)


@settings(max_examples=3000)
@given(NAMES)
def test_a_name_s_clock_is_read_as_strptime_reads_it(name: str) -> None:
    assert name_clock(name) == by_strptime(name)


def test_a_name_s_clock_is_utc_and_none_when_it_is_no_time() -> None:
    assert (
        name_clock("20261125-101500-values.md")
        == datetime(2026, 11, 25, 10, 15, tzinfo=timezone.utc).timestamp()
    )
    assert name_clock("20260230-101500-values.md") is None
    assert name_clock("notes.md") is None
