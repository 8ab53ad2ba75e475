"""A locked journal at a real terminal (a pty), where the keys are: the passphrase never
shown, however fast it is typed; the quick exit locks the journal again, at any question and
at the passphrase prompt itself; and words typed in plain mode never reach the shell."""

from __future__ import annotations

import contextlib
import fcntl
import io
import json
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest
from conftest import installed_command, seal_cheaply, welcomed

from relational_cli.core.lock import cipher
from relational_cli.tui.screen import CLEAR_ALL

pytestmark = pytest.mark.pty

PASSPHRASE = "a long walk by the sea"
CTRL_Q = "\x11"


def lock(home: Path, passphrase: str = PASSPHRASE) -> str:
    """`home` locked, its key sealed cheaply with `passphrase`; the identity."""
    welcomed(home)  # the first welcome, read before
    identity = cipher.new_identity()
    folder = home / "lock"
    folder.mkdir(parents=True)
    (folder / "recipient.txt").write_text(cipher.recipient_of(identity) + "\n", encoding="utf-8")
    seal_cheaply(folder, identity, passphrase)
    return identity


def environment(home: Path, **changes: str) -> dict[str, str]:
    env = {
        **os.environ,
        "RELATIONAL_HOME": str(home),
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm-256color",
        "NO_COLOR": "1",
        "RELATIONAL_KEYRING": "none",
    }
    env.pop("RELATIONAL_PASSPHRASE_COMMAND", None)
    return {**env, **changes}


def spawn(home: Path, *args: str, **changes: str) -> pexpect.spawn:
    child = pexpect.spawn(
        installed_command(), list(args), env=environment(home, **changes), encoding="utf-8",
        dimensions=(40, 120), timeout=30,
    )  # fmt: skip
    child.delaybeforesend = None  # each test waits for what the screen shows
    return child


def run(home: Path, *args: str, **changes: str) -> subprocess.CompletedProcess[str]:
    """`relational ARGS` with no terminal."""
    return subprocess.run(
        [installed_command(), *args], env=environment(home, **changes), capture_output=True,
        text=True, stdin=subprocess.DEVNULL, timeout=60, check=False,
    )  # fmt: skip


def finish(child: pexpect.spawn) -> tuple[int, str]:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus, child.before


def a_reflection(home: Path, title: str) -> None:
    answers = home.parent / "answers.yaml"
    answers.write_text(f"entry: by the river\ntitle: {title}\n", encoding="utf-8")
    done = run(home, "reflect", "journal", "--answers", str(answers))
    assert done.returncode == 0, done.stderr


@pytest.fixture
def kernel_keyring(home: Path) -> Iterator[None]:
    """The Linux kernel keyring, where an unlock is kept between commands (forgotten after)."""
    from relational_cli.core.lock.keeping import KernelKeyring

    kernel = KernelKeyring.available()
    if kernel is None:
        pytest.skip("no Linux kernel keyring here (not Linux, or a container forbids it)")
    yield
    kernel.forget(f"relational:{home}")


# The passphrase is never shown.


class Prompting(io.StringIO):
    """Standard error, where a person types the passphrase the instant its prompt shows:
    notes whether the terminal would have shown (echoed) it then."""

    def __init__(self, terminal: int, person: int, typed: bytes) -> None:
        super().__init__()
        self.terminal, self.person, self.typed = terminal, person, typed
        self.echoing: list[bool] = []

    def write(self, text: str) -> int:
        if text.startswith("Passphrase"):
            self.echoing.append(bool(termios.tcgetattr(self.terminal)[3] & termios.ECHO))
            os.write(self.person, self.typed)
        return super().write(text)


def test_the_terminal_stops_echoing_before_the_prompt_shows() -> None:
    """getpass's order: echo off, then the prompt. The other way round, what is typed the
    instant the prompt shows is on screen before echo goes off (a busy machine shows it)."""
    from relational_cli.cli.passphrase import FromTerminal
    from relational_cli.environment import Environment

    person, terminal = os.openpty()
    stderr = Prompting(terminal, person, f"{PASSPHRASE}\r".encode())
    with open(terminal, encoding="utf-8", closefd=False) as stdin:
        env = Environment(stdin=stdin, stderr=stderr, stdin_isatty=True, environ={})
        assert FromTerminal(env).ask("Passphrase: ") == PASSPHRASE
    shown = b""
    while select.select([person], [], [], 0)[0]:
        shown += os.read(person, 4096)
    os.close(person)
    os.close(terminal)
    assert stderr.echoing == [False]
    assert PASSPHRASE.encode() not in shown


@contextlib.contextmanager
def busy(cores: int = 2) -> Iterator[None]:
    """Every core kept busy, as on a loaded machine."""
    loops = [subprocess.Popen([sys.executable, "-c", "while 1: pass"]) for _ in range(cores)]
    try:
        yield
    finally:
        for loop in loops:
            loop.kill()
            loop.wait()


def test_a_passphrase_typed_at_once_is_never_shown_even_on_a_busy_machine(home: Path) -> None:
    lock(home)
    a_reflection(home, "Walk with Robin")
    with busy():
        for _ in range(3):
            child = spawn(home, "review")
            child.expect_exact("Passphrase for your journal")
            child.send(PASSPHRASE + "\r")  # typed the instant the prompt shows
            code, said = finish(child)
            assert code == 0 and "Walk with Robin" in said
            assert "walk by" not in said.replace("Walk with Robin", "")


def test_keys_at_the_passphrase_prompt_edit_what_is_typed(home: Path) -> None:
    """Backspace, Ctrl-W and Ctrl-U take back what they would on a line; arrow keys do
    nothing; none of it is shown."""
    lock(home)
    a_reflection(home, "Walk with Robin")
    child = spawn(home, "review")
    child.expect_exact("Passphrase for your journal")
    child.send("a wrong start\x15a long walk by the see\x7fa\x1b[D\x1b[A typo\x17\x7f")
    child.send("\r")
    code, said = finish(child)
    assert code == 0 and "Walk with Robin" in said
    assert "wrong" not in said and "walk by" not in said.replace("Walk with Robin", "")


def test_a_pasted_passphrase_of_6000_characters_is_read_whole(home: Path) -> None:
    """A line at a terminal holds 4,095 bytes: a passphrase read a key at a time has no
    such limit (and is never cut in the middle of a character)."""
    passphrase = ("ünd sö wéiter " * 500)[:6000]
    lock(home, passphrase)
    a_reflection(home, "Walk with Robin")
    child = spawn(home, "review")
    child.expect_exact("Passphrase for your journal")
    for start in range(0, len(passphrase), 500):
        child.send(passphrase[start : start + 500])
    child.send("\r")
    code, said = finish(child)
    assert code == 0, said
    assert "Walk with Robin" in said and "wéiter" not in said


# The quick exit locks the journal again.


@pytest.mark.usefixtures("kernel_keyring")
def test_ctrl_q_forgets_the_unlock_so_the_window_asks_again(home: Path) -> None:
    lock(home)
    a_reflection(home, "Walk with Robin")
    kept = {"RELATIONAL_KEYRING": "kernel"}
    done = run(home, "unlock", RELATIONAL_PASSPHRASE_COMMAND=f"echo {PASSPHRASE}", **kept)
    assert done.returncode == 0, done.stderr
    assert run(home, "review", **kept).returncode == 0  # unlocked: read without asking
    child = spawn(home, "reflect", "weekly-step", **kept)
    child.expect_exact("1 of 9")
    child.expect_exact("›")
    child.send("Call Sam")
    child.expect_exact("Call Sam")
    child.send(CTRL_Q)
    code, shown = finish(child)
    assert code == 130 and shown.endswith(CLEAR_ALL)
    after = run(home, "review", **kept)
    assert after.returncode == 1 and "your journal is locked" in after.stderr
    assert "Walk with Robin" not in after.stdout


@pytest.mark.usefixtures("kernel_keyring")
def test_ctrl_q_at_the_passphrase_prompt_leaves_at_once(home: Path) -> None:
    lock(home)
    a_reflection(home, "Walk with Robin")
    child = spawn(home, "review", RELATIONAL_KEYRING="kernel")
    child.expect_exact("Passphrase for your journal")
    child.send("a long" + CTRL_Q)
    code, shown = finish(child)
    assert code == 130 and shown.endswith(CLEAR_ALL)
    assert "Walk with Robin" not in shown and "a long" not in shown


def test_hide_typed_as_the_passphrase_in_plain_mode_is_the_quick_exit(home: Path) -> None:
    lock(home)
    a_reflection(home, "Walk with Robin")
    child = spawn(home, "review", RELATIONAL_PLAIN="1")
    child.expect_exact("Passphrase for your journal")
    child.send("hide\r")
    code, shown = finish(child)
    assert code == 130 and shown.endswith(CLEAR_ALL)
    assert "does not open" not in shown and "Walk with Robin" not in shown


# Ctrl-C in plain mode: the words typed are kept, and never reach the shell.


def in_a_shell(home: Path, **changes: str) -> pexpect.spawn:
    """An interactive bash in a real terminal, `relational` on its path."""
    env = {**environment(home, **changes), "PS1": "$ "}
    env["PATH"] = f"{Path(installed_command()).parent}{os.pathsep}{env.get('PATH', '')}"
    shell = pexpect.spawn(
        "bash", ["--norc", "--noprofile", "-i"], env=env, encoding="utf-8", dimensions=(40, 120),
        timeout=30,
    )  # fmt: skip
    shell.delaybeforesend = None
    shell.expect_exact("$ ")
    return shell


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_ctrl_c_in_plain_mode_keeps_the_half_typed_line_and_leaves_nothing_for_the_shell(
    home: Path, tmp_path: Path
) -> None:
    """The line being typed, and the lines of a long answer entered before it, go into the
    draft (locked, as everything in a locked journal); the shell gets nothing to run, and
    its history holds nothing of them."""
    identity = lock(home)
    history = tmp_path / "history"
    shell = in_a_shell(home, RELATIONAL_PLAIN="1", HISTFILE=str(history))
    shell.sendline("relational reflect weekly-step")
    shell.expect_exact("Type your answer and press Enter")
    shell.send("Tell Mo\r")
    shell.expect_exact("Who is it with")
    shell.expect_exact("Type your answer and press Enter")
    shell.send("Mo\r")
    shell.expect_exact("Type as many lines as you like")
    shell.send("It would feel\r")
    shell.send("closer zephyrine")
    shell.expect_exact("closer zephyrine")
    shell.send("\x03")  # Ctrl-C: pause
    shell.expect_exact("$ ")
    shell.send("\r")  # Enter at the shell: anything left on its line would run now
    shell.expect_exact("$ ")
    shell.sendline("history -w; echo written")
    shell.expect_exact("written")
    shell.expect_exact("$ ")
    assert "command not found" not in shell.before
    kept = history.read_text(encoding="utf-8")
    assert "relational reflect weekly-step" in kept and "zephyrine" not in kept
    shell.sendline("exit")
    shell.expect(pexpect.EOF)
    (draft,) = (home / "drafts").iterdir()
    assert draft.suffix == ".age" and b"zephyrine" not in draft.read_bytes()
    opened = json.loads(cipher.decrypt(draft.read_bytes(), identity))
    assert opened["answers"] == {"wish": "Tell Mo", "who": "Mo"}
    assert opened["unsent"] == {"outcome": "It would feel\ncloser zephyrine"}


def test_keys_typed_while_the_draft_is_kept_are_not_left_for_the_shell(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relational_cli.cli import main
    from relational_cli.core.journal.drafts import Drafts
    from relational_cli.environment import Environment

    person, terminal = os.openpty()
    os.write(person, b"Tell Mo\nMo and")
    wait, waits = select.select, []

    def waiting(*args: object) -> object:
        waits.append(args)
        if len(waits) == 2:  # waiting for the second line, half typed: Ctrl-C comes
            signal.raise_signal(signal.SIGINT)
        return wait(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(select, "select", waiting)
    keep, saves = Drafts.save, []

    def typing_on(drafts: Drafts, *args: object, **kwargs: object) -> object:
        saves.append(1)
        if len(saves) == 2:  # kept after Ctrl-C (the first was after the first answer)
            os.write(person, b"the kids\n")  # the person goes on typing meanwhile
        return keep(drafts, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Drafts, "save", typing_on)
    with open(terminal, encoding="utf-8", closefd=False) as stream:
        env = Environment(
            stdin=stream, stdout=io.StringIO(), stderr=io.StringIO(),
            stdin_isatty=True, stdout_isatty=True,
            environ={**os.environ, "RELATIONAL_PLAIN": "1", "RELATIONAL_HOME": str(home)},
        )  # fmt: skip
        assert main(["reflect", "weekly-step"], env) == 130
        waiting = struct.unpack("i", fcntl.ioctl(terminal, termios.FIONREAD, b"\0" * 4))[0]
    os.close(person)
    os.close(terminal)
    assert waiting == 0  # nothing for the shell to read
    draft = json.loads((home / "drafts" / "weekly-step.json").read_text(encoding="utf-8"))
    assert draft["answers"] == {"wish": "Tell Mo"} and draft["unsent"] == {"who": "Mo and"}


# The recovery key, once kept, is gone from the screen and its scrollback.


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux to read the scrollback")
def test_the_recovery_key_is_gone_from_the_screen_and_the_scrollback(home: Path) -> None:
    identity = lock(home)
    env = environment(home, RELATIONAL_PASSPHRASE_COMMAND=f"echo {PASSPHRASE}", PS1="$ ")
    env["PATH"] = f"{Path(installed_command()).parent}{os.pathsep}{env.get('PATH', '')}"
    env.pop("TMUX", None)
    tmux = ["tmux", "-L", f"relational-test-{os.getpid()}", "-f", "/dev/null"]

    def send(*keys: str) -> None:
        subprocess.run([*tmux, "send-keys", "-t", "t", *keys], check=True, env=env)

    def everything() -> str:
        """The pane: its scrollback and what is on screen."""
        return subprocess.run(
            [*tmux, "capture-pane", "-p", "-t", "t", "-S", "-", "-E", "-"], check=True,
            capture_output=True, text=True, env=env,
        ).stdout  # fmt: skip

    def shown(text: str) -> str:
        deadline = time.monotonic() + 30
        while text not in (seen := everything()):
            assert time.monotonic() < deadline, seen
            time.sleep(0.05)  # watching another program's screen, not timing ours
        return seen

    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "t", "-x", "120", "-y", "40",
         "PS1='$ ' bash --norc --noprofile -i"], check=True, env=env,
    )  # fmt: skip
    try:
        shown("$")
        send("relational lock --setup", "Enter")
        shown("Make a recovery copy of your key now?")
        send("Down", "Enter")
        assert identity in shown("I have kept it: clear it from the screen")
        send("Enter")
        after = shown("Your journal is locked")
        assert "AGE-SECRET-KEY" not in after and "AGE-SECRET-KEY" not in everything()
    finally:
        subprocess.run([*tmux, "kill-server"], check=False, env=env)
