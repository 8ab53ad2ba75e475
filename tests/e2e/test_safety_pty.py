"""A safety question in a real terminal (a pty): Enter alone never answers that it is safe."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest
from test_e2e import DOWN, answer, spawn

pytestmark = pytest.mark.pty


def test_enter_alone_at_a_safety_question_answers_nothing(home: Path) -> None:
    child = spawn(home, "reflect", "repair", LANG="en_GB.UTF-8", LC_ALL=None)
    child.expect_exact("Would you like to go on?")
    child.send("\r")  # the content note: go on
    answer(child, "1 of", "Sam\r")
    answer(child, "2 of", "\r")  # talk it through
    child.expect_exact("Would talking with them about this be safe for you?")
    child.expect_exact("(move to an answer, then press Enter)")
    child.send("\r")  # nothing: it starts on no answer
    child.send(DOWN + DOWN + DOWN + "\r")  # Yes, Not sure, No
    child.expect_exact("Keep your answer to that question in the saved file?")
    child.expect_exact("›")  # the question drawn, waiting for keys
    child.send("\x03")  # pause: the answers so far are kept as a draft
    child.expect_exact("Paused.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
