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
        screen.clear_all(env)

    if env.plain:
        from relational_cli.tui.plain import PlainAsker

        return PlainAsker(console, env.stdin, region, errors, hide)
    return TerminalAsker(console, region, errors, hide)
