"""Looking over every answer before saving (or before resuming a draft): save or carry on,
change any one answer, or discard everything (asked twice)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from relational_cli import messages
from relational_cli.core.exercise import session
from relational_cli.tui import screen

if TYPE_CHECKING:
    from rich.console import Console

    from relational_cli.core.packs.model import Pack
    from relational_cli.tui.asker import TerminalAsker


def look_over(
    pack: Pack,
    asker: TerminalAsker,
    answers: session.Answers,
    console: Console,
    keep: Callable[[session.Answers], None],
    finished: bool,
) -> session.Answers | None:
    """Show every answer; save (or carry on), change any one, or discard (asked twice).
    Returns the answers as they now stand, or None when the person discards them."""
    go_on = messages.SAVE if finished else messages.CARRY_ON
    while True:
        sections = session.sections(pack, answers)
        console.print()
        console.print(screen.answers_summary(sections))
        choice = asker.choose([go_on, messages.CHANGE, messages.DISCARD], go_on)
        if choice == go_on:
            return answers
        if choice == messages.DISCARD:
            sure = asker.choose(
                [messages.KEEP_IT, messages.YES_DISCARD], messages.KEEP_IT, messages.SURE_DISCARD
            )
            if sure == messages.YES_DISCARD:
                return None
            continue
        labels = {
            f"{number}. {screen.shorten(section.heading, 1, 70)}": section.prompt_id
            for number, section in enumerate(sections, 1)
        }
        picked = asker.choose([*labels, messages.NEVER_MIND], message=messages.WHICH_ONE)
        if picked in labels:
            answers = session.ask_again(pack, asker, answers, labels[picked])
            keep(answers)
