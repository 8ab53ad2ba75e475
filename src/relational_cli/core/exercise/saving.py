"""Saving a finished exercise as a reflection, without losing a word: into the journal; if that
cannot be written, whole into the recovery folder; if even that fails, handed back to be
printed in full so it can be copied."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import cast

from relational_cli import messages
from relational_cli.core.errors import UserError
from relational_cli.core.exercise import session
from relational_cli.core.journal import recovery
from relational_cli.core.journal.drafts import Unsent
from relational_cli.core.journal.fileformat import Answer, Reflection, Section, one_line, render
from relational_cli.core.journal.journal import Journal, new_id
from relational_cli.core.packs.model import Pack


@dataclass(frozen=True)
class Saved:
    """A reflection saved, and the closing words of the path the person took."""

    reflection: Reflection
    """As it was saved, answers and all (as the file reads back)."""
    path: Path
    closing: str
    """The pack's closing words for these answers (or the usual ones)."""
    support: str = ""
    """A kind of support lines to show after them (the path asked about safety)."""
    pointer: bool = False
    """Whether to point to `relational support` after them (a pack that touches hurt)."""
    from_file: bool = False
    """Answered from a file: the closing words go aside (stderr), not to the screen."""


def saved_sections(pack: Pack, answers: session.Answers) -> list[Section]:
    """What the saved file holds: the `sections`, less any answer the person chose to leave
    out (a `keeps` question answered no) and the `keeps` questions themselves."""
    left_out = {p.keeps for p in pack.prompts if p.keeps and answers.get(p.id) is False}
    keeping = {p.id for p in pack.prompts if p.keeps}
    return [s for s in session.sections(pack, answers) if s.prompt_id not in left_out | keeping]


def reflection_of(
    pack: Pack, answers: session.Answers, now: datetime, journal: Journal | None = None
) -> Reflection:
    """The front matter of a reflection of `pack` with these answers, made `now` (its id as
    `journal` names a new one: discreet when it is locked)."""
    return Reflection(
        id=journal.new_id(pack.id, now) if journal else new_id(pack.id, now),
        exercise=pack.id,
        created=now.isoformat(timespec="seconds"),
        title=session.title(pack, answers, now.date()),
        tags=pack.tags or (pack.id,),
        pack_version=pack.version,
    )


def as_text(
    pack: Pack, answers: session.Answers, unsent: Mapping[str, Unsent], now: datetime
) -> str:
    """Answers so far (with last time's, for the questions that look back) and text not yet
    sent, as the reflection they would have made: for when no file can be written."""
    everything = {**answers, **cast("session.Answers", unsent)}  # a card sort so far as piles
    kept = saved_sections(pack, everything)
    return render(reflection_of(pack, everything, now), kept) + "\n"


def save(
    journal: Journal, pack: Pack, answers: session.Answers, now: datetime, from_file: bool = False
) -> Saved:
    """Save the reflection. If it cannot be written it is kept in the recovery folder and a
    `UserError` says where; if that fails too, the `UserError` carries its whole text, to be
    printed so it can be copied."""
    reflection = reflection_of(pack, answers, now, journal)
    sections = saved_sections(pack, answers)
    try:
        saved, path = journal.save(reflection, sections)
    except OSError as exc:
        problem = messages.general.problem(exc)
        text = render(reflection, sections)
        kept = recovery.keep(journal.storage, text)
        if kept is not None:
            raise UserError(messages.exercise.kept_in_recovery(problem, kept)) from None
        raise UserError(messages.exercise.printed_instead(problem), output=text + "\n") from None
    closing, support = session.closing(pack, answers)
    whole = saved._replace(  # as the file reads back, so nothing needs to read it again
        answers=tuple(
            Answer(s.prompt_id, s.value, one_line(s.heading), s.ranked)
            for s in sections
            if s.value is not None
        ),
        skipped=tuple(one_line(s.heading) for s in sections if s.value is None),
    )
    return Saved(
        whole,
        path,
        closing or messages.exercise.CLOSING,
        support,
        bool(pack.content_note),
        from_file,
    )
