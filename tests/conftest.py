"""Shared fixtures and helpers: a private, empty data folder for every test, a driven
terminal, and the `relational` command run in process."""

from __future__ import annotations

import io
import re
import stat
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from relational_cli.core.journal.drafts import Drafts
    from relational_cli.core.journal.fileformat import Reflection
    from relational_cli.core.journal.journal import Journal
    from relational_cli.core.packs.library import Library
    from relational_cli.environment import Environment


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own RELATIONAL_HOME, so nothing touches a real journal."""
    folder = tmp_path / "home"
    monkeypatch.setenv("RELATIONAL_HOME", str(folder))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")  # tables of fourteen packs stay one row a line
    return folder


@pytest.fixture(autouse=True)
def signal_handlers() -> Iterator[None]:
    """A pause in process leaves hang-ups ignored (as the real command does before it exits);
    put them back, so the test run itself can still be stopped."""
    import signal

    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGHUP, signal.SIGTERM)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


class Terminal:
    """Keys typed into real questionary prompts, in process, and what the console printed."""

    ENTER = "\r"
    DOWN = "\x1b[B"
    UP = "\x1b[A"
    SPACE = " "
    FINISH = "\x1b\r"  # Esc then Enter ends a multi-line answer
    CTRL_C = "\x03"
    SAVE = "\r"  # "Save it" on the look-over screen at the end

    def __init__(self, pipe: object, screen: io.StringIO) -> None:
        self.pipe = pipe
        self.screen = screen

    def type(self, *keys: str) -> None:
        for key in keys:
            self.pipe.send_text(key)  # type: ignore[attr-defined]

    @property
    def printed(self) -> str:
        return self.screen.getvalue()


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    screen = io.StringIO()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield Terminal(pipe, screen)


@pytest.fixture
def console(terminal: Terminal):  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(file=terminal.screen, width=100, highlight=False, markup=False)


def environment(terminal: bool = False, **changes: object) -> Environment:
    """An environment for `main`: this process's streams (captured by pytest) and variables,
    as if on a terminal or not."""
    import os

    from relational_cli.environment import Environment

    return Environment(
        stdin_isatty=terminal,
        stdout_isatty=terminal,
        environ=dict(os.environ),
        **changes,  # type: ignore[arg-type]
    )


def plain(lines: list[str], **environ: str) -> tuple[Environment, io.StringIO, io.StringIO]:
    """A terminal in plain mode (RELATIONAL_PLAIN=1) whose person types `lines`, one per
    Enter, then closes the input; what it printed on stdout and stderr."""
    import os

    from relational_cli.environment import Environment

    out, err = io.StringIO(), io.StringIO()
    env = Environment(
        stdin=io.StringIO("".join(f"{line}\n" for line in lines)),
        stdout=out,
        stderr=err,
        stdin_isatty=True,
        stdout_isatty=True,
        environ={**os.environ, "RELATIONAL_PLAIN": "1", **environ},
    )
    return env, out, err


def run_cli(
    capsys: pytest.CaptureFixture[str], *args: str, env: Environment | None = None
) -> tuple[int, str, str]:
    """`relational ARGS` in process: its exit code, stdout and stderr."""
    from relational_cli.cli import main

    code = main(list(args), env or environment())
    out, err = capsys.readouterr()
    return code, out, err


def reflect(*args: str) -> int:
    """`relational reflect ARGS` in process on a terminal, answered by the `terminal` keys."""
    from relational_cli.cli import main

    return main(["reflect", *args], environment(terminal=True))


@pytest.fixture
def in_terminal(terminal: Terminal, home: Path) -> Terminal:
    """Keys for `relational` commands run in process as if on a terminal (see `reflect`), on
    a data folder that has shown its welcome (which waits for a key before the first
    exercise)."""
    welcomed(home)
    return terminal


def welcomed(home: Path) -> None:
    """Mark the data folder as having shown the first-run welcome."""
    from relational_cli.core import welcome
    from relational_cli.core.home import Home

    welcome.remember(Home(home), WHEN)


def write_pack(home: Path, name: str, text: str) -> Path:
    """A pack of the user's own, in their packs folder."""
    folder = home / "packs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.hookimpl(wrapper=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> object:
    """A pause (a KeyboardInterrupt subclass) escaping a test fails that test, rather than
    stopping the whole run as a real Ctrl-C would."""
    from relational_cli.core.errors import QuickExit

    try:
        return (yield)
    except QuickExit as exc:
        raise AssertionError(f"a quick exit escaped the test: {exc!r}") from exc
    except KeyboardInterrupt as exc:
        if type(exc) is KeyboardInterrupt:
            raise
        raise AssertionError(f"a pause escaped the test: {exc!r}") from exc


def journal() -> Journal:
    """The journal of the test's own data folder (RELATIONAL_HOME)."""
    import os

    from relational_cli.core.home import Home
    from relational_cli.core.search.indexed import open_journal

    return open_journal(Home.from_environ(os.environ), lambda: datetime.now().astimezone())


def drafts() -> Drafts:
    from relational_cli.core.journal.drafts import Drafts

    return Drafts(journal().home)


def library() -> Library:
    from relational_cli.core.packs.library import Library

    return Library(journal().home)


def menu_keys(exercise: str) -> str:
    """The keys that choose `exercise` in the `relational reflect` menu, found by its id (the
    menu lists every pack that loads, in the library's order)."""
    ids = [pack.id for pack in library().load_all().menu]
    return Terminal.DOWN * ids.index(exercise) + Terminal.ENTER


def pytest_collection_finish(session: pytest.Session) -> None:
    """mypy, with no cache as in a fresh clone, takes seconds: when its check is among the
    tests, it starts now, on the other core, and its test collects the answer."""
    if any(item.nodeid.endswith("test_code_quality[mypy]") for item in session.items):
        from test_quality import start

        start("mypy")


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A check started in the background is not left running when the run stops early (-x)."""
    import sys

    quality = sys.modules.get("test_quality")
    for check in getattr(quality, "_started", {}).values():
        if check.poll() is None:
            check.kill()
            check.communicate()


# Helpers more than one test module uses.

ROOT = Path(__file__).resolve().parents[1]
"""The checkout."""
WHEN = datetime(2026, 11, 21, 21, 7, 55, tzinfo=timezone(timedelta(hours=1)))


def save(
    exercise: str = "values", when: datetime = WHEN, answer: str = "an answer"
) -> tuple[Reflection, Path]:
    """A reflection saved into the test's own journal, with one answer."""
    from relational_cli.core.journal.fileformat import Reflection, Section
    from relational_cli.core.journal.journal import new_id

    reflection = Reflection(
        id=new_id(exercise, when),
        exercise=exercise,
        created=when.isoformat(timespec="seconds"),
        title=f"{exercise} title",
        tags=(exercise,),
    )
    return journal().save(reflection, [Section("q", "Question?", answer)])


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def docs_example() -> str:
    text = (ROOT / "docs" / "packs.md").read_text(encoding="utf-8")
    match = re.search(r"## A complete example.*?```yaml\n(.*?)```", text, re.S)
    assert match, "docs/packs.md lost its complete example"
    return match.group(1)


def installed_command() -> str:
    command = Path(sys.executable).parent / "relational"
    assert command.exists(), (
        f"`relational` is not installed beside {sys.executable}: run `pip install .` first"
    )
    return str(command)


# A pack with one prompt of every kind, and the lines that walk it in plain mode (used by the
# plain-mode tests in process, and by the pty test of the installed command).

EVERY_KIND = """\
id: every-kind
title: Every kind of question
summary: One of each
minutes: 3
prompts:
  - id: opening
    type: note
    text: A note to read first.
  - id: settle
    type: grounding
    text: Would you like a short pause before going on?
  - id: word
    type: text
    text: One word for today?
  - id: story
    type: long_text
    text: Tell it in as many lines as you like.
  - id: mood
    type: choice
    text: Which fits best?
    choices: [Calm, Stirred, Tired]
  - id: people
    type: multi_choice
    text: Who was around?
    choices: [Family, Friends, Colleagues, Nobody]
    max: 2
  - id: order
    type: ranking
    text: Put these in order.
    choices: [Rest, Play, Work]
  - id: cards
    type: card_sort
    text: Sort these cards.
    choices: [Honesty, Humour, Kindness]
  - id: close
    type: scale
    text: How close do you feel?
    min: 0
    max: 10
    min_label: not at all
    max_label: very
  - id: again
    type: confirm
    text: Would you do this again?
"""


WALK = [
    "",  # the note: Enter goes on
    "1",  # take the grounding pause
    "",
    "",
    "",  # three grounding lines, Enter after each
    "Tender",
    "It started slowly,",
    "",
    "  and then it didn't.",
    ".",
    "7",  # out of range: asked again
    "two",  # not a number: asked again
    "2",
    "1 2 3",  # more than the two allowed: asked again
    "4, 2",
    "3 1",  # Work, Rest, then Play follows
    "1",
    "5",  # not a pile: asked again
    "4",
    "a",
    "Belonging",
    "1",  # the own card comes next
    "2",
    "11",  # out of range
    "8",
    "yes",
    "1",  # look-over: Save it
]


def seal_cheaply(lock: Path, identity: str, passphrase: str) -> None:
    """Seal a test journal's key anew at scrypt work factor 2^10: opening it then costs
    milliseconds, not the seconds (and a gibibyte) of the factor rage chooses, so the tests
    that unlock stay quick. The real cost is met by the tests that run `lock --setup` itself,
    and measured by benchmarks/locked.py. (Sealed by `age`, the pure-Python implementation:
    pyrage takes no work factor.)"""
    (lock / "identity.age").write_bytes(sealed_cheaply(identity.encode(), passphrase))


def sealed_cheaply(data: bytes, passphrase: str, factor: int = 10) -> bytes:
    """`data` sealed with a passphrase at scrypt work factor 2^10 (see `seal_cheaply`), or
    another."""
    import io

    import age.recipients.scrypt as scrypt_recipient
    from age.algorithms.scrypt import scrypt_encrypt_file_key
    from age.file import Encryptor
    from age.keys.password import PasswordKey

    sealed = io.BytesIO()
    real = scrypt_recipient.scrypt_encrypt_file_key
    scrypt_recipient.scrypt_encrypt_file_key = lambda key, file_key: scrypt_encrypt_file_key(
        key, file_key, factor
    )
    try:
        with Encryptor([PasswordKey(passphrase.encode())], sealed) as stream:
            stream.write(data)
    finally:
        scrypt_recipient.scrypt_encrypt_file_key = real
    return sealed.getvalue()


class Watched:
    """The names of the files created in some folders while it watches (Linux inotify, read
    through ctypes): a file created and removed at once is seen too, not only one left."""

    CREATE, MOVED_TO = 0x100, 0x80

    def __init__(self, *folders: Path) -> None:
        import ctypes
        import os

        self._libc = ctypes.CDLL(None, use_errno=True)
        self._fd = self._libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        assert self._fd >= 0, os.strerror(ctypes.get_errno())
        self._folders: dict[int, Path] = {}
        for folder in folders:
            watch = self._libc.inotify_add_watch(
                self._fd, bytes(folder), self.CREATE | self.MOVED_TO
            )
            assert watch >= 0, (folder, os.strerror(ctypes.get_errno()))
            self._folders[watch] = folder

    def created(self) -> list[Path]:
        """Every file created in the folders so far (and stop watching)."""
        import os
        import struct

        found: list[Path] = []
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                break
            at = 0
            while at < len(data):
                watch, _, _, size = struct.unpack_from("iIII", data, at)
                name = data[at + 16 : at + 16 + size].rstrip(b"\0").decode()
                found.append(self._folders[watch] / name)
                at += 16 + size
        os.close(self._fd)
        return found


class Screen:
    """What a real terminal of `rows` by `columns` shows of a pexpect child, after every
    redraw (prompt_toolkit redraws only what changed, so its output read as a stream has
    words in pieces): fed by `wait_for`, which reads until the screen shows some text."""

    def __init__(self, child: object, rows: int, columns: int) -> None:
        import pyte

        self.child = child
        self.screen = pyte.HistoryScreen(columns, rows, history=1000)
        self.stream = pyte.Stream(self.screen)

    @property
    def shown(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    @property
    def scrolled_away(self) -> str:
        """The lines that went off the top of the screen."""
        return "\n".join(
            "".join(line[x].data for x in sorted(line)).rstrip() for line in self.screen.history.top
        )

    def wait_for(self, text: str, timeout: float = 20) -> str:
        """The screen, once it shows `text` (within `timeout` seconds)."""
        import time

        import pexpect

        deadline = time.monotonic() + timeout
        while text not in self.shown:
            if time.monotonic() > deadline:
                raise AssertionError(f"never shown: {text!r}; the screen:\n{self.shown}")
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.2))  # type: ignore[attr-defined]
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                if text not in self.shown:
                    raise AssertionError(
                        f"ended before {text!r}; the screen:\n{self.shown}"
                    ) from None
        return self.shown
