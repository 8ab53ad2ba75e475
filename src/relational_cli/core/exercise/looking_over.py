"""Looking over every answer before it is saved (or, resuming a draft, before carrying on):
save, change any one, or discard (asked twice); words typed and not sent are shown too."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import cast

from relational_cli import messages
from relational_cli.core.exercise import session
from relational_cli.core.exercise.asking import Host
from relational_cli.core.journal.drafts import Unsent
from relational_cli.core.journal.fileformat import Section, Value, answer_text
from relational_cli.core.packs.model import Pack
from relational_cli.messages.general import shorten


def look_over(
    pack: Pack,
    host: Host,
    answers: session.Answers,
    keep: Callable[[session.Answers], None],
    finished: bool,
    unsent: Mapping[str, Unsent],
) -> session.Answers | None:
    """Show every answer (and words typed but not sent); save (or carry on), change any one,
    or discard (asked twice). Returns the answers as they now stand, or None when the person
    discards them."""
    go_on = messages.exercise.SAVE if finished else messages.exercise.CARRY_ON
    plain = messages.exercise.SAVE_PLAIN_TITLE
    titled_by_an_answer = pack.title_from not in ("", session.TITLE_FROM_DATE)
    offered = [go_on, *([plain] if finished and titled_by_an_answer else [])]
    while True:
        sections = session.sections(pack, answers)
        host.blank()
        host.summary(sections, _notes(sections, answers, unsent))
        choice = host.choose([*offered, messages.exercise.CHANGE, messages.exercise.DISCARD], go_on)
        if choice == go_on:
            return {key: value for key, value in answers.items() if key != session.PLAIN_TITLE}
        if choice == plain:
            return {**answers, session.PLAIN_TITLE: True}
        if choice == messages.exercise.DISCARD:
            if _sure_to_discard(host):
                return None
            continue
        changed = _change_one(pack, host, answers, sections)
        if changed is not None:
            answers = changed
            keep(answers)


def _notes(
    sections: list[Section], answers: session.Answers, unsent: Mapping[str, Unsent]
) -> dict[str, str]:
    """What the look over says of a question with no answer that is not simply skipped: the
    words typed and not sent, or that it was not asked yet."""
    return {
        section.prompt_id: messages.exercise.not_sent(
            answer_text(cast("Value", unsent[section.prompt_id]))  # a card sort so far as piles
        )
        if unsent.get(section.prompt_id)
        else messages.exercise.NOT_ASKED_YET
        for section in sections
        if section.prompt_id not in answers or unsent.get(section.prompt_id)
    }


def _sure_to_discard(host: Host) -> bool:
    """Asked a second time before discarding; keeping them is the default."""
    sure = host.choose(
        [messages.general.KEEP_IT, messages.exercise.YES_DISCARD],
        messages.general.KEEP_IT,
        messages.exercise.SURE_DISCARD,
    )
    return sure == messages.exercise.YES_DISCARD


def _change_one(
    pack: Pack, host: Host, answers: session.Answers, sections: list[Section]
) -> session.Answers | None:
    """The question the person picks asked again; None when they pick none (never mind)."""
    labels = {
        f"{number}. {shorten(section.heading, 1, 70, host.cut)}": section.prompt_id
        for number, section in enumerate(sections, 1)
    }
    picked = host.choose(
        [*labels, messages.exercise.NEVER_MIND], message=messages.exercise.WHICH_ONE
    )
    if picked not in labels:
        return None
    return session.ask_again(pack, host, answers, labels[picked])
