"""Plain mode speaks words, not symbols: a screen reader or a braille display never meets a
backtick around a command, an ellipsis, a middle dot or "1 = …" in what relational says —
while a person's own words (their answers, their own packs) come back exactly as they wrote
them, backticks and ellipses too."""

from __future__ import annotations

import importlib
import inspect
import io
import os
import pkgutil
import re
import string
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pexpect
import pytest
from conftest import installed_command, welcomed, write_pack

import relational_cli.messages

SYMBOLS = re.compile(r"[`…·]|\d+ = ")
"""What a screen reader would speak as a symbol: a backtick, an ellipsis, a middle dot, and a
scale's ends as `1 = …`."""

NEVER_IN_PLAIN_MODE = {
    "screen": "the full screen's key hints: plain mode says what to type instead (plain.py)",
    "general.APP_HELP": "the help Typer shows (`--help`), the same in every mode, and copied"
    " into the reference; not a sentence plain mode says",
    "plan.FOOTER": "the last line of the plan's Markdown file, where backticks mark a command"
    " as code; plain mode shows the plan without it",
}
"""Words of messages/ that plain mode never shows, with why (a module, or module.NAME)."""

PERSONS_WORDS = "I said `no` to Sam… and meant it · 1 = yes"
"""An answer holding every symbol: it must come back exactly as typed."""
LONG_STORY = " ".join(
    ["We sat down after dinner and talked for a long time about the week"] * 3
    + ["and for once I felt heard"]
    + ["by the people I live with, which does not happen often in our house"] * 3
)
"""Long enough to be shortened for looking over, and cut around its match by a search."""


class _Anything(str):
    """A value given where a message takes anything: words, with any attribute asked of it
    (a prompt's `id`, `type`) words too."""

    def __getattr__(self, name: str) -> str:
        return "values"


def _samples(annotation: str, name: str) -> list[Any]:
    """Two sample values for a parameter (by its annotation), to reach both ways a message
    can go."""
    path = Path("/home/sam/.local/share/relational/2026/12/reflection.md")
    many = [f"place-{n}" for n in range(8)]
    known: dict[str, list[Any]] = {
        "str": ["2026-12-05", "values"],
        "object": [_Anything("values"), _Anything("7")],
        "Any": [_Anything("values"), _Anything("7")],
        "int": [1, 7],
        "bool": [False, True],
        "float": [1.5, 0.0],
        "Path": [path, Path("plan.md")],
        "Path | str": [path, "-"],
        "Path | None": [path, None],
        "str | None": ["values", None],
        "int | None": [7, None],
        "OSError": [PermissionError(13, "Permission denied", str(path)), OSError(28, "No space")],
        "OSError | None": [OSError(28, "No space left on device", str(path)), None],
        "Exception": [ValueError("not a number"), OSError(5, "Input/output error")],
        "Sequence[str]": [["one", "two"], many],
        "list[str]": [["one", "two"], many],
        "tuple[str, ...]": [("one", "two"), tuple(many)],
        "list[Path]": [[path], [path] * 8],
        "list[tuple[str, int]]": [[("values", 2)], [("values", 1), ("check-in", 3)]],
        "list[int | None]": [[1, None, 3], [5, 5, 4, 2]],
        "list[tuple[str, list[str]]]": [[("close", ["Jo", "Sam"])], [("around", [])]],
        "date": [date(2026, 12, 5), date(2027, 1, 1)],
    }
    assert annotation in known, f"no sample for a parameter {name}: {annotation}"
    return known[annotation]


def said_by_messages() -> Iterator[tuple[str, str]]:
    """(where, text) for every message: each constant (a template filled in), each item of a
    tuple or mapping of them, and each function called with sample values, every parameter
    taking each of its samples in turn."""
    for info in pkgutil.iter_modules(relational_cli.messages.__path__):
        if info.name in NEVER_IN_PLAIN_MODE:
            continue
        module = importlib.import_module(f"relational_cli.messages.{info.name}")
        for name, value in vars(module).items():
            where = f"{info.name}.{name}"
            if name.startswith("_") or where in NEVER_IN_PLAIN_MODE:
                continue
            if inspect.isfunction(value) and value.__module__ == module.__name__:
                yield from ((where, text) for text in _called(value))
            elif isinstance(value, str):
                yield where, _filled(value)
            elif isinstance(value, tuple | list):
                yield from ((where, _filled(v)) for v in value if isinstance(v, str))
            elif isinstance(value, dict):
                yield from ((where, _filled(v)) for v in _strings(value))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _strings(item)


def _filled(template: str) -> str:
    """A template with each `{}` filled in (a constant that is no template, as it is)."""
    try:
        fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
    except ValueError:
        return template
    if not fields:
        return template
    try:
        return template.format(*["values"] * len(fields))
    except (IndexError, KeyError, ValueError):
        return template


def _called(function: Any) -> Iterator[str]:
    parameters = list(inspect.signature(function).parameters.values())
    samples = [_samples(str(p.annotation), p.name) for p in parameters]
    calls = [[s[0] for s in samples], [s[1] for s in samples]]
    for n, choices in enumerate(samples):  # each parameter's second sample, the rest first
        calls.append([*calls[0][:n], choices[1], *calls[0][n + 1 :]])
    answered = 0
    for args in calls:
        try:  # a sample that cannot be taken (words where a date goes): the others are
            said = function(*args)
        except (ValueError, TypeError, AttributeError):
            continue
        answered += 1
        yield from _strings(said)
    assert answered, f"{function.__name__} took none of its samples"


def test_every_message_is_said_in_words() -> None:
    found = [f"{where}: {text!r}" for where, text in said_by_messages() if SYMBOLS.search(text)]
    assert not found, "symbols a screen reader would speak:\n" + "\n".join(found)


def test_every_built_in_pack_is_said_in_words() -> None:
    """What plain mode shows of a built-in exercise: its title, summary, about, intro and
    content note, every question, help, choice, description and scale end, every note and
    closing word (the comments in its file aside, which nobody is shown)."""
    texts = list(_pack_texts())
    assert len(texts) > 500  # every built-in pack was read
    found = [f"{where}: {text!r}" for where, text in texts if SYMBOLS.search(text)]
    assert not found, "symbols a screen reader would speak:\n" + "\n".join(found)


def _pack_texts() -> Iterator[tuple[str, str]]:
    import yaml

    from relational_cli.core.home import builtin_packs_dir

    for path in sorted(builtin_packs_dir().rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in _strings(data if isinstance(data, dict) else {"all": data}):
            yield path.name, text


# A real plain-mode session: the installed command in a pty, its whole transcript read.

OWN_PACK = """\
id: two-questions
title: Two questions
summary: One to write, one to rate
minutes: 1
prompts:
  - id: said
    type: text
    text: What did you say today?
  - id: story
    type: long_text
    text: Tell it as it was.
  - id: felt
    type: scale
    text: How heard did you feel?
    min: 1
    max: 5
    min_label: not at all
    max_label: completely
"""


def _spawn(home: Path, *args: str) -> pexpect.spawn:
    env = {
        **os.environ,
        "RELATIONAL_HOME": str(home),
        "RELATIONAL_PLAIN": "1",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm-256color",
        "NO_COLOR": "1",
        "RELATIONAL_KEYRING": "none",
    }
    child = pexpect.spawn(
        installed_command(), list(args), env=env, encoding="utf-8", dimensions=(40, 120),
        timeout=30,
    )  # fmt: skip
    child.delaybeforesend = None
    return child


def _whole(child: pexpect.spawn, transcript: io.StringIO) -> str:
    child.expect(pexpect.EOF)
    child.close()
    return transcript.getvalue()


@pytest.mark.pty
def test_a_plain_session_is_said_in_words_and_keeps_the_persons_own(home: Path) -> None:
    welcomed(home)
    write_pack(home, "two-questions", OWN_PACK)
    transcript = io.StringIO()

    child = _spawn(home, "reflect", "check-in")
    child.logfile_read = transcript
    for _ in range(3):
        child.expect_exact("Type a number from 1 to 5.")
        child.send("3\r")
    child.expect_exact("Save it")
    child.expect_exact("and press Enter.")
    child.send("1\r")
    child.expect_exact("Saved")
    _whole(child, transcript)

    child = _spawn(home, "reflect", "two-questions")
    child.logfile_read = transcript
    child.expect_exact("Type your answer and press Enter.")
    child.send(PERSONS_WORDS + "\r")
    child.expect_exact("type a line with only a full stop")
    child.send(LONG_STORY + "\r.\r")
    child.expect_exact("Type a number from 1 to 5.")
    child.send("4\r")
    child.expect_exact("Save it")
    child.expect_exact("and press Enter.")
    child.send("1\r")
    child.expect_exact("Saved")
    _whole(child, transcript)

    for command in (
        ["review"],
        ["show", "latest"],
        ["search", "heard"],
        ["support"],
        ["unlock"],
        ["reflect", "nothing-here"],
    ):
        child = _spawn(home, *command)
        child.logfile_read = transcript
        _whole(child, transcript)

    said = transcript.getvalue().replace("\r\n", "\n")
    left = said.replace(PERSONS_WORDS, "")
    assert not SYMBOLS.findall(left), [line for line in left.splitlines() if SYMBOLS.search(line)]
    assert said.count(PERSONS_WORDS) >= 3  # as typed, as looked over, as shown back
    assert "not at all" in said and "relational lock" in said  # the scale's ends; a lock word
    assert "(shortened)" in said  # the long story, looked over
    assert "*heard*" in said  # found by the search, its snippet cut before and after
