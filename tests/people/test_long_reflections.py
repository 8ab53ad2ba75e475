"""A long reflection in any language stays in view: review, export, timeline, show and search
read only the start of a file to list it, and a cut that falls inside a character (é, €,
Cyrillic, an emoji) never makes a valid file look damaged (issue 31)."""

from __future__ import annotations

import io
import os
import subprocess
import tempfile
from pathlib import Path

from conftest import WHEN, installed_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CHARACTERS = ["é€", "ж", "Привет", "🌱", "€", "a"]
"""Texts whose characters take two, three and four bytes in UTF-8."""
SIZES = [4096, 8192, 65536]
"""Where the start of a file is cut (the first read, and sizes either side of it)."""


def write_reflection(home: Path, body: str, title: str = "values title") -> str:
    """A reflection whose one answer (or title) is `body`, in the journal at `home`; its id."""
    from relational_cli.core.home import Home
    from relational_cli.core.journal.fileformat import Reflection, Section
    from relational_cli.core.journal.journal import new_id
    from relational_cli.core.search.indexed import open_journal

    journal = open_journal(Home.from_environ({"RELATIONAL_HOME": str(home)}), lambda: WHEN)
    reflection = Reflection(
        id=new_id("values", WHEN),
        exercise="values",
        created=WHEN.isoformat(timespec="seconds"),
        title=title,
        tags=("values",),
    )
    saved, _ = journal.save(reflection, [Section("q", "Question?", body)])
    return saved.id


def run(home: Path, *args: str) -> tuple[int, str, str]:
    from relational_cli.cli import main
    from relational_cli.environment import Environment

    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO(),
        stdout=out,
        stderr=err,
        environ={**os.environ, "RELATIONAL_HOME": str(home)},
    )
    code = main(list(args), env)
    return code, out.getvalue(), err.getvalue()


def every_way_back(home: Path, reflection_id: str, word: str) -> None:
    """Review, export, timeline, show and search each find the reflection, with no warning."""
    for args in (
        ["review"],
        ["review", "--exercise", "values"],
        ["export"],
        ["timeline", "--since", "2026-01-01", "--format", "json"],
        ["show", reflection_id],
        ["show", "latest"],
        ["search", word],
    ):
        code, out, err = run(home, *args)
        assert code == 0, (args, err)
        assert "warning" not in err and "cannot be read" not in err, (args, err)
        if args[0] == "timeline":
            assert '"count": 1' in out.replace(" ", "").replace('":1', '": 1'), out
        else:
            assert reflection_id in out or word in out, (args, out)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    size=st.sampled_from(SIZES),
    shift=st.integers(min_value=-12, max_value=12),
    characters=st.sampled_from(CHARACTERS),
    in_title=st.booleans(),
)
def test_a_long_reflection_in_any_script_is_never_called_damaged(
    size: int, shift: int, characters: str, in_title: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        word = "findme"
        long = characters * (size // len(characters.encode()) + 2)
        if in_title:  # front matter past the first read: the cut at the limit, in the heading
            title = "x" * (shift + 12) + characters * (40_000 // len(characters.encode()))
            reflection_id = write_reflection(home, f"{word} {long}", title=title)
        else:
            reflection_id = write_reflection(home, f"{word} {'x' * (shift + 12)}{long}")
        every_way_back(home, reflection_id, word)


def test_three_reflections_of_accented_text_are_all_listed(tmp_path: Path) -> None:
    """The issue's own case: the 4,096th byte inside an `é` or a `€` for two of the three."""
    home = tmp_path / "home"
    for prefix in ("", "a", "ab"):
        write_reflection(home, prefix + "é€" * 1500)
    code, out, err = run(home, "review")
    assert (code, err) == (0, "")
    assert out.count("values title") == 3, out


def test_the_installed_command_lists_long_cyrillic_reflections(tmp_path: Path) -> None:
    home = tmp_path / "home"
    for prefix in ("", "a", "ab", "abc"):  # the cut falls inside a character for some
        write_reflection(home, prefix + "Привет, мир. " * 400)
    result = subprocess.run(
        [installed_command(), "review"],
        capture_output=True,
        text=True,
        env={**os.environ, "RELATIONAL_HOME": str(home)},
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.count("values title") == 4, result.stdout
