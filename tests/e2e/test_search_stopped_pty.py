"""`relational search` stopped with Ctrl-C while it first reads the journal into the index
(the progress bar drawn), in a real terminal (a pty)."""

from __future__ import annotations

import io
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pexpect
import pytest
from conftest import installed_command

from relational_cli.core.journal.fileformat import Reflection, Section, render
from relational_cli.core.journal.journal import new_id

pytestmark = pytest.mark.pty


@pytest.mark.timeout(120)
def test_ctrl_c_while_the_index_is_made_gives_the_cursor_back(tmp_path: Path) -> None:
    """The progress bar hides the terminal's cursor while it is drawn, and showed it again
    only when the last reflection was read: stopped before, the person's shell was left
    with no cursor (tmux: cursor_flag 0 at the prompt)."""
    home = tmp_path / "home"
    start = datetime(2019, 1, 3, 9, tzinfo=timezone.utc)
    for n in range(4000):
        when = start + timedelta(hours=7 * n)
        folder = home / "journal" / f"{when:%Y}" / f"{when:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        stem = new_id("journal", when)
        reflection = Reflection(stem, "journal", when.isoformat(), "A day", ("journal",))
        text = render(reflection, [Section("entry", "On your mind?", f"garden {n}")])
        (folder / f"{stem}.md").write_text(text, encoding="utf-8")
    environ = {
        **{name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"},
        "RELATIONAL_HOME": str(home),
        "TERM": "xterm-256color",
        "NO_COLOR": "1",
    }
    child = pexpect.spawn(installed_command(), ["search", "garden"], env=environ,
                          encoding="utf-8", dimensions=(40, 120), timeout=60)  # fmt: skip
    shown = io.StringIO()
    child.logfile_read = shown
    child.expect_exact("Indexing")  # the bar is drawn: the cursor hidden
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130, shown.getvalue()[-300:]
    said = shown.getvalue()
    assert said.rfind("\x1b[?25h") > said.rfind("\x1b[?25l"), repr(said[-300:])
