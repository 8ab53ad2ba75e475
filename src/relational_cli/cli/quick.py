"""The quick way in for the commands people run most to read back — `review`, `show` and
`search` — without loading Typer (about 50 ms of a 60 ms budget; see benchmarks/startup.py).

`parse` reads a command line only when it is plainly one of these, with options written as
Typer's own commands declare them (`--limit 5`, `--limit=5`, `-n 5`, `-n5`); for anything else
— `--help`, an unknown or repeated option, a value that does not fit, a value that starts with
a dash — it returns None and Typer reads the line as usual, with its own messages. A test
checks that every line read here is read the same way by Typer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relational_cli.environment import Environment

FILTERS = {
    "--limit": "limit", "-n": "limit",
    "--exercise": "exercise", "-e": "exercise",
    "--since": "since", "--until": "until",
    "--tag": "tags", "-t": "tags",
    "--format": "format", "-f": "format",
}  # fmt: skip
"""The options review and search share, each with the parameter it sets."""
OPTIONS = {
    "review": {**FILTERS, "--on-this-day": "on_this_day"},
    "show": {"--format": "format", "-f": "format"},
    "search": FILTERS,
}
FORMATS = {
    "review": ("table", "json"),
    "show": ("text", "markdown", "json"),
    "search": ("table", "json"),
}
FLAGS = {"on_this_day"}
MANY = {"tags"}


class _NotPlain(Exception):
    """The line is not plainly one the quick way reads: Typer reads it."""


class _Found:
    """What the line's options say, by the parameter each sets (values as typed)."""

    def __init__(self) -> None:
        self.limit: str | None = None
        self.exercise: str | None = None
        self.since: str | None = None
        self.until: str | None = None
        self.tags: list[str] = []
        self.on_this_day = False
        self.format: str | None = None
        self.given: set[str] = set()
        """The parameters set so far (each but `tags` at most once)."""


def parse(args: list[str]) -> Callable[[Environment], object] | None:
    """What the command line asks for, ready to run with the environment; None when it is not
    plainly a review, show or search, for Typer to read."""
    if not args or args[0] not in OPTIONS:
        return None
    command, options = args[0], OPTIONS[args[0]]
    found = _Found()
    words: list[str] = []
    rest = iter(args[1:])
    try:
        for arg in rest:
            if arg == "--":
                words += list(rest)
            elif arg.startswith("-"):
                _option(arg, rest, options, found)
            else:
                words.append(arg)
    except _NotPlain:
        return None
    return _call(command, found, words)


def _option(arg: str, rest: Iterator[str], options: dict[str, str], found: _Found) -> None:
    """The option `arg` (its value, if it takes one, joined on or the next word) into
    `found`, by the parameter it sets."""
    key, equals, value = _named(arg, options)
    if key in found.given and key not in MANY:
        raise _NotPlain
    found.given.add(key)
    if key in FLAGS:
        if equals:
            raise _NotPlain
        setattr(found, key, True)
        return
    if not equals:
        value = next(rest, "")
    if not value or value.startswith("-"):
        raise _NotPlain
    if key in MANY:
        getattr(found, key).append(value)
    else:
        setattr(found, key, value)


def _named(arg: str, options: dict[str, str]) -> tuple[str, bool, str]:
    """The parameter the option `arg` sets, whether its value is joined on, and that value."""
    name, equals, value = arg.partition("=")
    short = not name.startswith("--")
    if short and equals:
        raise _NotPlain  # Click reads `-n=5` as the value "=5"
    if short and name not in options and name[:2] in options:
        name, value, equals = name[:2], name[2:], "="  # -n5: the value joined on
    if name not in options:
        raise _NotPlain
    return options[name], bool(equals), value


def _call(command: str, found: _Found, words: list[str]) -> Callable[[Environment], object] | None:
    form = found.format or FORMATS[command][0]
    if form not in FORMATS[command]:
        return None
    limit = None
    if found.limit is not None:
        if not found.limit.isdigit() or int(found.limit) < 1:
            return None
        limit = int(found.limit)
    if command == "show":
        if len(words) > 1:
            return None
        reference = words[0] if words else "latest"
        return lambda env: _show(env, reference, form)
    as_json = form == "json"
    if command == "review":
        return None if words else lambda env: _review(env, found, limit, as_json)
    if not words:
        return None
    return lambda env: _search(env, words, found, limit, as_json)


# The reading-back commands, their module loaded only when one of them runs.


def _show(env: Environment, reference: str, form: str) -> object:
    from relational_cli.cli.read import show

    return show(env, reference, form)


def _review(env: Environment, found: _Found, limit: int | None, as_json: bool) -> object:
    from relational_cli.cli.read import review

    return review(
        env, limit, found.exercise, found.since, found.until, found.tags or None,
        found.on_this_day, as_json,
    )  # fmt: skip


def _search(
    env: Environment, words: list[str], found: _Found, limit: int | None, as_json: bool
) -> object:
    from relational_cli.cli.read import search

    return search(
        env, words, limit, found.exercise, found.since, found.until, found.tags or None, as_json
    )
