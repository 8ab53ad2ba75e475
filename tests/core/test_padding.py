"""Padding of locked reflections: added inside the age file and removed exactly, whatever the
text holds (even a comment that looks like padding at its end)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from relational_cli.core.lock import cipher

LOOKALIKES = st.sampled_from(
    ["", "\n<!-- padding -->\n", "\n<!-- padding   -->\n", "<!-- padding", "-->\n", " ", "\n"]
)


@given(st.text(), LOOKALIKES)
def test_padding_comes_off_exactly(text: str, ending: str) -> None:
    for data in ((text + ending).encode(), f"---\n{text}{ending}".encode()):
        padded = cipher.padded(data)
        assert cipher.unpadded(padded) == data
        if data.startswith(b"---"):
            assert len(padded) in cipher.SIZES or len(padded) & (len(padded) - 1) == 0
            assert padded.startswith(data) and padded.endswith(b"-->\n")
        else:
            assert padded == data  # only reflections are padded


def test_a_reflection_is_padded_to_a_few_sizes() -> None:
    sizes = {len(cipher.padded(b"---\n" + b"x" * n)) for n in range(0, 9000, 7)}
    assert sizes == {1024, 1536, 2048, 3072, 4096, 8192, 16384}
