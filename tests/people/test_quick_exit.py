"""The quick exit: one key (Ctrl-Q; `hide` on any line in plain mode) in every question, the
menu, the look-over and the card screen, that clears the screen and its scrollback, keeps the
answers as a draft and leaves at once, saying nothing."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from conftest import Terminal, drafts, environment, menu_keys, plain, reflect

from relational_cli.cli import main
from relational_cli.tui.screen import CLEAR_ALL

T = Terminal
CTRL_Q = "\x11"


def left_quietly(capsys: pytest.CaptureFixture[str]) -> str:
    """What the command printed, after checking that it cleared the screen last and said
    nothing on stderr."""
    printed = capsys.readouterr()
    assert printed.err == ""
    assert printed.out.endswith(CLEAR_ALL)
    return printed.out


def test_ctrl_q_in_a_question_keeps_the_words_typed_and_says_nothing(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_terminal.type("Message Alex", T.ENTER, "Alex and I", CTRL_Q)
    assert reflect("weekly-step") == 130
    left_quietly(capsys)
    draft = json.loads((home / "drafts" / "weekly-step.json").read_text())
    assert draft["answers"] == {"wish": "Message Alex"}
    assert draft["unsent"] == {"who": "Alex and I"}
    assert not (home / "journal").exists()


def test_ctrl_q_in_the_menu_leaves_at_once(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_terminal.type(T.DOWN, CTRL_Q)
    assert reflect() == 130
    left_quietly(capsys)
    assert not (home / "drafts").exists() or not any((home / "drafts").iterdir())


def test_ctrl_q_on_the_look_over_keeps_every_answer(
    in_terminal: Terminal, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    in_terminal.type(
        "Call Sam", T.ENTER, "Sam", T.ENTER, *[T.FINISH, T.FINISH, T.ENTER, T.ENTER, T.FINISH],
        T.DOWN * 4, T.ENTER, CTRL_Q,  # confidence 4, then the look-over
    )  # fmt: skip
    assert reflect("weekly-step") == 130
    assert "How sure do you feel that you'll take this step?\n   4" in left_quietly(capsys)
    draft = drafts().load("weekly-step")
    assert draft is not None and draft.answers["wish"] == "Call Sam"
    assert not (home / "journal").exists()


def test_ctrl_q_in_the_card_sort_keeps_the_piles_so_far(
    in_terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    in_terminal.type(T.ENTER, "1", "2", CTRL_Q)
    assert reflect("values") == 130
    left_quietly(capsys)
    draft = drafts().load("values")
    assert draft is not None
    assert draft.unsent["sort"]["piles"]["Very important"] == ["Acceptance"]
    assert draft.unsent["sort"]["piles"]["Important"] == ["Accuracy"]


def test_ctrl_q_while_a_note_waits_for_any_key(
    in_terminal: Terminal, capsys: pytest.CaptureFixture[str]
) -> None:
    """A note that waits for any key takes the quick-exit key as leaving, not as going on."""
    in_terminal.type(menu_keys("belonging"), T.ENTER, T.UP, T.ENTER, "At night", T.FINISH, CTRL_Q)
    assert reflect() == 130
    shown = " ".join(left_quietly(capsys).split())
    assert shown.endswith("our identity, our culture, our bodies, our relationships. " + CLEAR_ALL)
    draft = drafts().load("belonging")
    assert draft is not None and draft.answers["like"] == "At night"


def test_hide_on_any_plain_line_leaves_and_keeps_the_lines_so_far(home: Path) -> None:
    env, out, err = plain(["Call Sam", "", "It would feel", "closer, I think", "hide", "more"])
    assert main(["reflect", "weekly-step"], env) == 130
    assert err.getvalue() == ""
    assert out.getvalue().endswith(CLEAR_ALL)
    draft = drafts().load("weekly-step")
    assert draft is not None
    assert {key: value for key, value in draft.answers.items() if value} == {"wish": "Call Sam"}
    assert draft.unsent == {"outcome": "It would feel\ncloser, I think"}
    assert env.stdin.readline() == "more\n"  # left at once: nothing more was read


def test_hide_in_plain_mode_on_a_dumb_terminal_sends_no_control_sequence(home: Path) -> None:
    env, out, err = plain(["hide"], TERM="dumb")
    assert main(["reflect", "weekly-step"], env) == 130
    assert "\x1b" not in out.getvalue() + err.getvalue()


def test_the_scrollback_of_a_tmux_pane_is_cleared_too(tmp_path: Path, home: Path) -> None:
    """Inside tmux, its own history of the pane is cleared (`tmux clear-history`)."""
    calls = tmp_path / "calls"
    tmux = tmp_path / "bin" / "tmux"
    tmux.parent.mkdir()
    tmux.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n', encoding="utf-8")
    tmux.chmod(tmux.stat().st_mode | stat.S_IXUSR)
    path = f"{tmux.parent}{os.pathsep}{os.environ['PATH']}"
    env, _, _ = plain(["hide"], TMUX="/tmp/tmux-0/default,1,0", PATH=path)
    assert main(["reflect", "weekly-step"], env) == 130
    assert calls.read_text(encoding="utf-8") == "clear-history\n"


def test_the_welcome_tells_of_the_quick_exit_once(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env, out, _ = plain(["pause"])
    main(["reflect", "weekly-step"], env)
    said = " ".join(out.getvalue().split())
    assert "typing hide on any line clears the screen and closes relational at once" in said
    assert "cannot unsay what a screen reader has already read aloud" in said
    env, out, _ = plain(["pause"])
    main(["reflect", "weekly-step"], env)
    assert "hide" not in out.getvalue()  # once
    assert main(["about"], environment()) == 0
    assert "Ctrl-Q clears the screen" in " ".join(capsys.readouterr().out.split())
