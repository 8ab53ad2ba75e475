"""Which asker a terminal gets: plain lines in plain mode (screen readers, braille displays),
else questionary's menus. It stands above both kinds, which never import each other."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relational_cli.tui import screen
from relational_cli.tui.asker import TerminalAsker

if TYPE_CHECKING:
    from relational_cli.environment import Environment


def make_asker(env: Environment) -> TerminalAsker:
    """The asker for this terminal: plain lines in plain mode, else questionary's menus."""
    console = screen.make_console(env)
    errors = screen.make_console(env, stderr=True)
    region = env.region

    def hide() -> None:
        quick_exit(env)

    if env.plain:
        from relational_cli.tui.plain import PlainAsker

        return PlainAsker(console, env.stdin, region, errors, hide)
    return TerminalAsker(console, region, errors, hide)


def quick_exit(env: Environment) -> None:
    """The quick exit (Ctrl-Q, or `hide` in plain mode): the journal locked again — an unlock
    kept a while is forgotten, so the next command in this window asks for the passphrase —
    and only then the screen and its scrollback cleared. Whatever happens to the first, the
    second is done."""
    import contextlib

    with contextlib.suppress(Exception):  # a keychain that will not answer never stops it
        if env.home.lock.exists():  # nothing is ever kept for a journal never locked
            env.storage.keys.forget()
    screen.clear_all(env)
