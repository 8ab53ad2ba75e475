"""The welcome: what relational is and is not, where words are kept, and how to skip and
pause. Shown once before the first exercise, and whenever `relational about` asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relational_cli import messages
from relational_cli.core import welcome
from relational_cli.tui import screen

if TYPE_CHECKING:
    from rich.console import Console

    from relational_cli.environment import Environment
    from relational_cli.tui.asker import TerminalAsker


def show(env: Environment, console: Console) -> None:
    first, *rest = messages.general.welcome(env.home.root, env.plain, env.storage.keys.locked)
    console.print(screen.question(first))
    for paragraph in rest:
        console.print()
        console.print(screen.paragraph(paragraph))


def once(env: Environment, host: TerminalAsker) -> None:
    """The welcome, if this data folder has not shown it before. In a terminal it waits, shown
    whole, until Enter (what comes next would scroll it away unread); plain mode, read line by
    line, goes on."""
    if welcome.welcomed(env.home):
        return
    show(env, host.console)
    welcome.remember(env.home, env.now())
    host.console.print()
    if env.plain:
        host.console.print(screen.paragraph(messages.general.WELCOME_AGAIN))
        host.console.print()
    else:
        host.wait(messages.screen.WELCOME_READ)
