"""The installed `relational` command in a real terminal (a pty), as a person meets it."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from conftest import installed_command, journal, menu_keys, welcomed

pytestmark = pytest.mark.pty

ESC_ENTER = "\x1b\r"
DOWN = "\x1b[B"


def environment(home: Path) -> dict[str, str]:
    """This process's variables, as a person's terminal has them: output buffered as Python
    buffers it for a terminal (a runner's PYTHONUNBUFFERED would hide what a closed window
    does to what is left in the buffer)."""
    return {
        **{name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"},
        "RELATIONAL_HOME": str(home),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm-256color",
        "NO_COLOR": "1",
    }


def spawn(
    home: Path,
    *args: str,
    size: tuple[int, int] = (40, 120),
    welcome: bool = False,
    **changes: str | None,
) -> pexpect.spawn:
    """`relational ARGS` in a real terminal of `size` (rows, columns); `changes` set (or, as
    None, unset) variables. The data folder has shown its welcome, unless `welcome`."""
    if not welcome:
        welcomed(home)
    env = {**environment(home), **changes}
    child = pexpect.spawn(
        installed_command(),
        list(args),
        env={name: value for name, value in env.items() if value is not None},
        encoding="utf-8",
        dimensions=size,
        timeout=20,
    )
    child.delaybeforesend = None  # each test waits for the prompt it answers
    return child


def answer(child: pexpect.spawn, progress: str, keys: str) -> None:
    child.expect_exact(progress)
    child.expect_exact("›")
    child.send(keys)


def finish(child: pexpect.spawn) -> tuple[int, str]:
    """Wait for the command to end: its exit code, and all it showed with each line break as
    one space (a message wrapped at the terminal's edge reads whole)."""
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, re.sub(r"\s*\r?\n\s*", " ", child.before)


def save_and_read_back(child: pexpect.spawn, home: Path) -> tuple[str, dict[str, object]]:
    """ "Save it" at the look-over; once the command has ended well, all it showed after (as
    `finish` gives it) and the answers saved."""
    child.expect_exact("Save it")
    child.send("\r")
    code, said = finish(child)
    assert code == 0, said
    shown = json.loads(run(home, "show", "latest", "--format", "json").stdout)["reflection"]
    return said, shown["answers"]


def skip_the_rest_of_the_weekly_step(child: pexpect.spawn) -> None:
    """Questions 3 to 8 of the weekly step left empty (the scale skipped), up to the look-over."""
    for number in range(3, 8):
        answer(child, f"{number} of 9", ESC_ENTER if number in (3, 4, 7) else "\r")
    answer(child, "8 of 9", "\x1b[A\r")


def run(home: Path, *args: str, typed: str | None = None) -> subprocess.CompletedProcess[str]:
    """`relational ARGS` with no terminal, reading `typed` (or nothing) on stdin."""
    return subprocess.run(
        [installed_command(), *args],
        env=environment(home),
        capture_output=True,
        text=True,
        input=typed,
        stdin=subprocess.DEVNULL if typed is None else None,
        timeout=30,
    )


def test_a_whole_weekly_step_in_a_real_terminal(home: Path) -> None:
    child = spawn(home, "reflect", "weekly-step")
    child.expect_exact("Let's choose one small step")
    answer(child, "1 of 9", "Ask Robin for a walk\r")
    answer(child, "2 of 9", "Robin\r")
    child.expect_exact("3 of 9")
    child.expect_exact("press Esc, then Enter, to finish")
    child.expect_exact("›")
    child.send("Time outside\rwith a friend" + ESC_ENTER)
    answer(child, "4 of 9", ESC_ENTER)
    answer(child, "5 of 9", "If I want to cancel, then I will go for ten minutes\r")
    answer(child, "6 of 9", "After lunch on Saturday\r")
    answer(child, "7 of 9", "Awkward at first" + ESC_ENTER)
    answer(child, "8 of 9", DOWN * 4 + "\r")
    child.expect_exact("Your answers")
    child.expect_exact("Ask Robin for a walk")  # every answer, to look over
    child.expect_exact("Save it")
    child.send("\r")
    child.expect(r"Small\s+steps\s+count\.")
    child.expect(r"Saved (\d{8}-\d{6}-weekly-step)")
    reflection_id = child.match.group(1)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    [path] = list((home / "journal").rglob("*.md"))
    assert path.stem == reflection_id
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    text = path.read_text(encoding="utf-8")
    assert (
        "<!-- answer id=outcome type=lines -->\nTime outside  \nwith a friend\n<!-- /answer -->"
        in text
    )

    shown = json.loads(run(home, "show", reflection_id, "--format", "json").stdout)["reflection"]
    assert shown["answers"]["confidence"] == 4
    assert shown["answers"]["anchor"] == "After lunch on Saturday"
    review = run(home, "review")
    assert reflection_id in review.stdout and "weekly-step" in review.stdout


def test_ctrl_c_then_resume_in_a_real_terminal(home: Path) -> None:
    child = spawn(home, "reflect", "weekly-step")
    answer(child, "1 of 9", "Say thank you to Jo\r")
    answer(child, "2 of 9", "\x03")
    child.expect(r"picks\s+up\s+where\s+you\s+left\s+off")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not list((home / "journal").rglob("*.md")) if (home / "journal").exists() else True

    child = spawn(home, "reflect")
    child.expect_exact("── Start here")  # the menu's groups: the arrow keys pass their headings
    child.expect_exact("(about 7 min), paused")
    child.expect_exact("── Connection")
    child.send(menu_keys("weekly-step"))
    child.expect_exact("You have a paused")
    child.expect_exact("Look over my answers first")
    child.send("\r")  # pick up where I left off
    answer(child, "2 of 9", "Jo\r")
    skip_the_rest_of_the_weekly_step(child)
    said, answers = save_and_read_back(child, home)
    assert "Saved " in said
    assert answers == {"wish": "Say thank you to Jo", "who": "Jo"}


def test_no_terminal_is_a_clear_message_not_a_hang(home: Path) -> None:
    result = run(home, "reflect", "values")
    assert result.returncode == 1
    assert result.stderr.startswith(
        "relational: relational reflect asks its questions in a terminal"
    )
    assert "Traceback" not in result.stderr


def test_version_and_python_dash_m(home: Path) -> None:
    from relational_cli import __version__

    assert run(home, "--version").stdout == f"relational {__version__}\n"
    module = subprocess.run(
        [sys.executable, "-m", "relational_cli", "--version"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert module.stdout == f"relational {__version__}\n"


def test_the_quick_help_and_the_narrow_one(home: Path) -> None:
    from relational_cli.helptext import TOP

    assert run(home, "--help").stdout == run(home, "-h").stdout == TOP
    narrow = subprocess.run(
        [installed_command(), "--help"],
        env={**environment(home), "COLUMNS": "60"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert narrow.stdout != TOP and "Commands:" in narrow.stdout  # Typer wraps it to fit


def test_the_values_card_sort_in_a_real_terminal(home: Path) -> None:
    # prompt_toolkit redraws only what changed, so single words are matched, not phrases.
    child = spawn(home, "reflect", "values")
    child.expect_exact("1 of 7")
    child.expect_exact("Which deck")
    child.send("\r")  # all the cards
    child.expect_exact("ACCEPTANCE")
    child.expect_exact("1 very important")
    child.send("14s")  # very important, unsure, then stop here: enough for now
    child.expect_exact("Sorted")
    answer(child, "2 of 7", " \r")  # Acceptance into the top five
    answer(child, "4 of 7", "\x03")  # a ranking of one needs no question
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    draft = json.loads((home / "drafts" / "values.json").read_text())
    assert draft["answers"] == {
        "sort": {
            "Very important": ["Acceptance"],
            "Important": [],
            "Not important": [],
            "Unsure": ["Accuracy"],
        },
        "top_five": ["Acceptance"],
        "ranked": ["Acceptance"],
    }


def test_closing_the_terminal_mid_answer_keeps_even_the_unsent_words(home: Path) -> None:
    import time

    child = spawn(home, "reflect", "weekly-step")
    answer(child, "1 of 9", "Tell Mo\r")
    answer(child, "2 of 9", "Mo and the kids")
    child.expect_exact("kids")  # echoed: it is in the prompt's buffer
    # The terminal window closes: end of input, and the kernel sends SIGHUP. Closed through
    # pexpect's own file object, so nothing closes the same descriptor number again later.
    child.ptyproc.fileobj.close()
    for _ in range(300):  # up to 15 s on a busy machine
        pid, status = os.waitpid(child.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.05)
    assert pid and os.WIFEXITED(status), "relational did not end after its terminal closed"
    assert os.WEXITSTATUS(status) == 130  # a pause, not an error
    draft = json.loads((home / "drafts" / "weekly-step.json").read_text())
    assert draft["answers"] == {"wish": "Tell Mo"}
    assert draft["unsent"] == {"who": "Mo and the kids"}


def test_going_back_and_looking_over_in_a_real_terminal(home: Path) -> None:
    child = spawn(home, "reflect", "weekly-step")
    answer(child, "1 of 9", "Walk with Kim\r")
    answer(child, "2 of 9", "Kim\r")
    child.expect_exact("3 of 9")
    child.expect_exact("Shift-Tab goes back")
    child.send("\x1b[Z")  # Shift-Tab: back to question 2, its answer offered again
    answer(child, "2 of 9", "\x7f" * 3 + "Kim and Lou\r")
    skip_the_rest_of_the_weekly_step(child)
    child.expect_exact("Your answers")
    child.expect_exact("Lou")
    assert save_and_read_back(child, home)[1] == {"wish": "Walk with Kim", "who": "Kim and Lou"}


def test_a_reader_that_stops_early_is_no_error(home: Path) -> None:
    from relational_cli.core.journal.fileformat import Reflection, Section

    for n in range(400):
        when = f"2026-01-01T00:{n // 60:02d}:{n % 60:02d}+00:00"
        reflection = Reflection(
            f"20260101-00{n // 60:02d}{n % 60:02d}-values", "values", when, "T" * 200
        )
        journal().save(reflection, [Section("q", "Q?", "x")])
    pipeline = subprocess.run(
        f"'{installed_command()}' review --format json | head -c 10",
        shell=True, env=environment(home), capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert pipeline.stdout == '{\n  "forma'
    assert pipeline.stderr == ""


def test_shift_tab_keeps_the_words_being_typed_in_a_real_terminal(home: Path) -> None:
    child = spawn(home, "reflect", "weekly-step")
    answer(child, "1 of 9", "Call Maya\r")
    answer(child, "2 of 9", "Maya, my oldest friend")
    child.expect_exact("Maya, my oldest friend")
    child.send("\x1b[Z")  # Shift-Tab: back to question 1
    answer(child, "1 of 9", "\r")  # keep its answer
    child.expect_exact("2 of 9")
    child.expect_exact("Maya, my oldest friend")  # shown again, as it was typed
    child.send("\x03")
    child.expect(r"picks\s+up\s+where\s+you\s+left\s+off")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    draft = json.loads((home / "drafts" / "weekly-step.json").read_text())
    assert draft["answers"] == {"wish": "Call Maya"}
    assert draft["unsent"]["who"] == "Maya, my oldest friend"


def test_two_windows_on_one_exercise_lose_nothing(home: Path) -> None:
    first = spawn(home, "reflect", "weekly-step")
    answer(first, "1 of 9", "Walk with Kim\r")
    answer(first, "2 of 9", "Kim")
    first.expect_exact("Kim")

    second = spawn(home, "reflect", "weekly-step")
    second.expect_exact("is open in another window")
    second.expect_exact("Not now")
    second.send("\r")
    second.expect(pexpect.EOF)
    second.close()
    assert second.exitstatus == 0

    first.send("\x03")  # Ctrl-C: the first window pauses, and lets go of the exercise
    first.expect(pexpect.EOF)
    first.close()
    assert first.exitstatus == 130
    draft = json.loads((home / "drafts" / "weekly-step.json").read_text())
    assert draft["answers"] == {"wish": "Walk with Kim"}
    assert draft["unsent"] == {"who": "Kim"}

    third = spawn(home, "reflect", "weekly-step")
    third.expect_exact("You have a paused")
    third.expect_exact("Not now")  # the choices drawn: the question is waiting for keys
    third.sendcontrol("c")
    third.expect(pexpect.EOF)


def test_a_plan_made_in_a_real_terminal_is_written_out(home: Path) -> None:
    child = spawn(home, "plan")
    child.expect_exact("Would you like to go on?")
    child.send("\r")
    answer(child, "1 of", "Sam\r")  # name
    answer(child, "2 of", ESC_ENTER)  # when I'm well: skipped
    answer(child, "3 of", " \r")  # doing: the first practice ticked
    answer(child, "4 of", "\r")  # starting: none
    for number in range(5, 12):  # notes, people … triggers: skipped
        answer(child, f"{number} of", ESC_ENTER)
    child.expect_exact("12 of")  # a warning sign and what I'll do, then no more
    for said, keys in (("When I notice", "I stop answering\r"), ("I will", "text Jo\r")):
        child.expect_exact(said)
        child.send(keys)
    child.expect_exact("When I notice")
    child.send("\r")
    for number in range(13, 21):  # hard times … professionals: one answered, the rest skipped
        answer(child, f"{number} of", "Rest on Sundays" + ESC_ENTER if number == 13 else ESC_ENTER)
    answer(child, "21 of 23", DOWN + "\r")  # share: no (so it is not asked with whom)
    answer(child, "22 of 22", "\r")  # review: in two weeks
    child.expect_exact("Save it")
    child.send("\r")
    code, said = finish(child)
    assert code == 0 and "Your plan is in" in said
    document = (home / "plan.md").read_text(encoding="utf-8")
    assert "# My self-care plan — Sam" in document
    assert "## When things are hard\n\nRest on Sundays\n" in document
    assert "### Already doing\n\n- Enough sleep\n" in document
    assert "- **When I notice** I stop answering, **I will** text Jo\n" in document


def test_the_welcome_comes_once_whole_and_waits_to_be_read(home: Path) -> None:
    from conftest import Screen

    # The terminal's own width, as a person's (the tests' COLUMNS would widen it).
    child = spawn(home, "reflect", "weekly-step", size=(24, 80), welcome=True, COLUMNS=None)
    screen = Screen(child, 24, 80)
    shown = screen.wait_for("Enter to go on")
    assert shown.startswith("Welcome to relational.")  # nothing of it scrolled away
    said = " ".join(shown.split())
    for words in ("not a crisis service", "it is not encrypted", "Any question can be skipped"):
        assert words in said
    assert "Ctrl-Q clears the screen and closes relational at once" in said
    assert "1 of 9" not in shown  # it waits
    child.send("\r")
    screen.wait_for("1 of 9")
    screen.wait_for("leave it empty to skip")  # the question drawn, waiting for keys
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child = spawn(home, "reflect", "weekly-step", welcome=True)
    child.expect_exact("1 of 9")
    assert "Welcome" not in (child.before or "")
    assert "Let's choose one small step" in (child.before or "")
    child.expect_exact("›")  # the question drawn, waiting for keys
    child.sendcontrol("c")
    child.expect(pexpect.EOF)


def test_every_kind_of_question_in_plain_mode_in_a_real_terminal(home: Path) -> None:
    from conftest import EVERY_KIND, WALK, write_pack

    write_pack(home, "every-kind", EVERY_KIND)
    # A terminal that says it is dumb gets plain mode, and nothing here asks for no colour.
    child = spawn(home, "reflect", "every-kind", TERM="dumb", NO_COLOR=None)
    child.logfile_read = screen = io.StringIO()  # everything it printed, start to end
    child.expect_exact("A note to read first.")
    child.expect_exact("Press Enter to go on.")
    for line in WALK:  # typed lines only: no arrow keys, no Esc
        child.send(line + "\r")
    child.expect_exact("Saved ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    shown = screen.getvalue()
    assert "Type a pile number" in shown and "Your answers" in shown
    assert "\x1b" not in shown  # no colour, no cursor movement, no redraws
    saved = journal().latest_of("every-kind")
    assert saved is not None
    assert saved.answer_map()["cards"]["Very important"] == ["Honesty", "Belonging"]


COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7])(?:;[0-9;]*)?m")
"""A terminal colour code: foreground or background, in 8, 256 or true colours."""


@pytest.mark.parametrize(
    ("args", "no_color", "coloured"),
    [
        ((), None, True),
        ((), "1", False),
        (("--no-color",), None, False),
    ],
)
def test_no_color_means_no_colour_codes(
    home: Path, args: tuple[str, ...], no_color: str | None, coloured: bool
) -> None:
    child = spawn(home, "reflect", "weekly-step", *args, NO_COLOR=no_color)
    child.logfile_read = screen = io.StringIO()
    child.expect_exact("1 of 9")
    child.expect_exact("›")
    child.send("Call Ana\r")
    child.expect_exact("2 of 9")
    child.expect_exact("›")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    assert bool(COLOUR.search(screen.getvalue())) is coloured


def test_show_fits_the_terminal_it_is_in(home: Path) -> None:
    wish = "Call my sister on Sunday, ask how the move went, and say I miss our walks by the river"
    saved = run(home, "reflect", "weekly-step", "--answers", "-", typed=f"wish: {wish}\n")
    assert saved.returncode == 0, saved.stderr
    for width in (50, 100):
        child = spawn(home, "show", size=(40, width), COLUMNS=None)  # as a terminal sets it
        child.expect(pexpect.EOF)
        lines = re.sub(r"\x1b\[[0-9;]*m", "", child.before).replace("\r\n", "\n").splitlines()
        assert max(len(line) for line in lines) <= width
        answer = [line for line in lines if line.startswith("  ")]
        assert " ".join(line.strip() for line in answer) == wish  # wrapped under its indent
        assert (len(answer) > 1) is (width == 50)


def test_a_digest_a_backup_restored_elsewhere_and_a_sent_pack_in_a_real_terminal(
    home: Path, tmp_path: Path
) -> None:
    for wish in ("Call Ana on Sunday", "Walk with Jo"):
        typed = f"wish: {wish}\nwho: a friend\n"
        saved = run(home, "reflect", "weekly-step", "--answers", "-", typed=typed)
        assert saved.returncode == 0, saved.stderr

    # A digest to bring to a session.
    digest = tmp_path / "session.md"
    code, shown = finish(spawn(home, "export", "--exercise", "weekly-step", "-o", str(digest)))
    assert code == 0 and f"Wrote a digest of 2 reflections to {digest}." in shown
    text = digest.read_text(encoding="utf-8")
    assert text.startswith("# My reflections") and "## Walk with Jo" in text
    assert "<!--" not in text

    # A backup, restored on "another computer": every file back, byte for byte.
    backup = tmp_path / "backup.json"
    code, shown = finish(spawn(home, "export", "--format", "json", "-o", str(backup)))
    assert code == 0 and "Backed up 2 reflections" in shown and "not encrypted" in shown
    elsewhere = tmp_path / "new-computer"
    code, shown = finish(spawn(elsewhere, "import", "backup", str(backup)))
    assert code == 0 and f"Restored 2 files from {backup}." in shown
    mine = {p.relative_to(home): p.read_bytes() for p in (home / "journal").rglob("*.md")}
    back = {p.relative_to(elsewhere): p.read_bytes() for p in (elsewhere / "journal").rglob("*.md")}
    assert back == mine and len(mine) == 2
    code, shown = finish(spawn(elsewhere, "import", "backup", str(backup)))  # once more
    assert code == 0 and "2 already here word for word" in shown

    # The pack a therapist emailed: added, refused over itself with other words, replaced.
    sent = tmp_path / "Downloads" / "evening-check-in (1).yaml"
    sent.parent.mkdir()
    pack = "id: evening-check-in\ntitle: Evening check-in\nsummary: Three questions\nprompts:\n"
    sent.write_text(pack + "  - {id: how, type: text, text: How was today}\n", encoding="utf-8")
    code, shown = finish(spawn(home, "packs", "add", str(sent)))
    installed = home / "packs" / "evening-check-in.yaml"
    assert code == 0 and f"Added “Evening check-in” as {installed}." in shown
    sent.write_text(pack + "  - {id: how, type: text, text: How was this week}\n", encoding="utf-8")
    code, shown = finish(spawn(home, "packs", "add", str(sent)))
    assert (
        code == 1 and "'evening-check-in' is already a pack of yours; nothing was changed." in shown
    )
    assert "today" in installed.read_text(encoding="utf-8")
    code, shown = finish(spawn(home, "packs", "add", str(sent), "--replace"))
    assert code == 0 and "this week" in installed.read_text(encoding="utf-8")
    child = spawn(home, "reflect", "evening-check-in")
    answer(child, "1 of 1", "Quiet\r")
    child.expect_exact("Save it")
    child.send("\r")
    assert finish(child)[0] == 0

    # Removed again: asked first, and kept in the trash folder.
    child = spawn(home, "packs", "remove", "evening-check-in")
    child.expect_exact("›")
    child.send(DOWN + "\r")
    code, shown = finish(child)
    assert code == 0 and "Removed 'evening-check-in' from your exercises" in shown
    assert not installed.exists() and list(
        (home / "trash" / "packs").glob("evening-check-in*.yaml")
    )


TITLE = re.compile(r"\x1b\][012];")
"""A sequence that sets a terminal window's title (OSC 0, 1 or 2)."""


def test_the_quick_exit_in_a_real_terminal(home: Path) -> None:
    """Ctrl-Q mid-answer: the screen and scrollback cleared, nothing shown after, the words
    typed kept as a draft, exit 130; and no screen ever names the exercise in the title."""
    child = spawn(home, "reflect", "weekly-step")
    answer(child, "1 of 9", "Ask Robin for a walk\r")
    answer(child, "2 of 9", "Rob")
    child.sendcontrol("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    shown = child.before
    assert "\x1b[3J" in shown
    after = shown.rsplit("\x1b[3J", 1)[1]
    assert not re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", after).strip(), after  # nothing more said
    assert not TITLE.search(shown)
    draft = json.loads((home / "drafts" / "weekly-step.json").read_text(encoding="utf-8"))
    assert draft["answers"]["wish"] == "Ask Robin for a walk"
    assert draft["unsent"] == {"who": "Rob"}


def test_a_locked_journal_in_a_real_terminal(home: Path) -> None:
    """Set up with the passphrase typed (never shown) and the recovery copy offered; an
    exercise done without unlocking; reading asks once; titles never name the exercise."""
    passphrase = "a long walk by the sea"
    child = spawn(home, "lock", "--setup", RELATIONAL_KEYRING="none")
    child.expect_exact("it will not be shown")
    child.sendline(passphrase)
    child.expect_exact("The same passphrase again")
    child.sendline(passphrase)
    child.expect_exact("Make a recovery copy of your key now?")
    child.send(DOWN + "\r")  # yes, show it
    child.expect(r"AGE-SECRET-KEY-1[0-9A-Z]+")
    recovery = child.after
    child.expect_exact("I have kept it: clear it from the screen")
    child.send("\r")
    child.expect_exact("\x1b[H\x1b[2J\x1b[3J")  # then cleared, with the scrollback
    code, said = finish(child)
    assert code == 0 and "Your journal is locked" in said
    assert passphrase not in child.before + recovery and "sea" not in said

    child = spawn(home, "reflect", "weekly-step", RELATIONAL_KEYRING="none")
    answer(child, "1 of 9", "Walk with Robin\r")  # nothing to read yet: no passphrase asked
    answer(child, "2 of 9", "Robin\r")
    skip_the_rest_of_the_weekly_step(child)
    child.expect_exact("Save it")
    child.send("\r")
    code, said = finish(child)
    assert code == 0 and "Saved" in said
    assert not TITLE.search(child.before) and "Passphrase" not in child.before
    (saved,) = (home / "journal").rglob("*.age")
    assert b"Robin" not in saved.read_bytes()

    child = spawn(home, "review", RELATIONAL_KEYRING="none")
    child.expect_exact("Passphrase for your journal")
    child.sendline(passphrase)
    code, said = finish(child)
    assert code == 0 and "Walk with Robin" in said and passphrase not in said
    plain_key = subprocess.run(
        ["age", "-d", "-i", "-", str(saved)], input=recovery + "\n", capture_output=True,
        text=True, check=False,
    ) if shutil.which("age") else None  # fmt: skip
    if plain_key is not None:  # the recovery copy alone opens it, in Debian's age
        assert "Walk with Robin" in plain_key.stdout, plain_key.stderr


def in_a_shell(home: Path, **changes: str) -> pexpect.spawn:
    """An interactive shell with job control in a real terminal, `relational` on its path
    (the welcome shown before)."""
    welcomed(home)
    env = {**environment(home), **changes, "PS1": "$ "}
    env["PATH"] = f"{Path(installed_command()).parent}{os.pathsep}{env.get('PATH', '')}"
    shell = pexpect.spawn(
        "bash", ["--norc", "--noprofile", "-i"], env=env, encoding="utf-8", dimensions=(40, 120),
        timeout=20,
    )  # fmt: skip
    shell.expect_exact("$ ")
    return shell


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash for job control (fg)")
def test_ctrl_z_suspends_and_fg_brings_the_question_back_with_the_words(home: Path) -> None:
    shell = in_a_shell(home)
    shell.sendline("relational reflect weekly-step")
    answer(shell, "1 of 9", "Tell Mo\r")
    answer(shell, "2 of 9", "Mo and")
    shell.expect_exact("Mo and")
    shell.send("\x1a")  # Ctrl-Z
    shell.expect("Stopped")
    shell.expect_exact("$ ")
    shell.sendline("fg")
    shell.expect_exact("2 of 9")  # the question is drawn again, the words with it
    shell.expect_exact("Mo and")
    shell.send(" the kids\r")
    answer(shell, "3 of 9", "\x03")  # a pause keeps what was given
    shell.expect_exact("$ ")
    draft = json.loads((home / "drafts" / "weekly-step.json").read_text())
    assert draft["answers"] == {"wish": "Tell Mo", "who": "Mo and the kids"}  # no ^Z, no fg


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash for job control (fg)")
def test_ctrl_z_in_plain_mode_keeps_the_half_typed_line(home: Path) -> None:
    shell = in_a_shell(home, RELATIONAL_PLAIN="1")
    shell.sendline("relational reflect weekly-step")
    shell.expect_exact("Type your answer and press Enter")
    shell.send("Tell Mo\r")
    shell.expect_exact("Who is it with")
    shell.expect_exact("Type your answer and press Enter")
    shell.send("Mo and")
    shell.expect_exact("Mo and")
    shell.send("\x1a")
    shell.expect("Stopped")
    shell.expect_exact("$ ")
    shell.sendline("fg")
    shell.expect_exact("Who is it with")  # the question once more, then the words so far
    shell.expect_exact("Mo and")
    shell.send(" the kids\r")
    shell.expect_exact("3 of 9")
    shell.send("pause\r")
    shell.expect_exact("$ ")
    draft = json.loads((home / "drafts" / "weekly-step.json").read_text())
    assert draft["answers"] == {"wish": "Tell Mo", "who": "Mo and the kids"}


def test_ctrl_space_does_nothing_and_loses_nothing(home: Path) -> None:
    """Ctrl-Space (NUL, sent by input-method keys) would start an unseen selection that
    swallowed what came after it, and Esc-Enter with it."""
    child = spawn(home, "reflect", "weekly-step")
    answer(child, "1 of 9", "Tell\x00 Mo\r")
    answer(child, "2 of 9", "Mo\r")
    answer(child, "3 of 9", "We would\x00 both feel" + ESC_ENTER)  # a long answer still ends
    answer(child, "4 of 9", "\x03")
    child.expect(pexpect.EOF)
    draft = json.loads((home / "drafts" / "weekly-step.json").read_text())
    assert draft["answers"] == {"wish": "Tell Mo", "who": "Mo", "outcome": "We would both feel"}
