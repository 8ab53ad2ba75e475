"""Doing an exercise, from its first question to a saved file, without losing a word.

In a terminal: a content note first where the pack has one, an offer to resume a paused draft,
a draft kept after every answer, and a pause (Ctrl-C, a closed terminal, SIGTERM) that keeps
even the text typed but not yet sent. From an answers file: checked, then saved. Either way a
save that cannot be written puts the reflection in the recovery folder, or prints it.
"""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from relational_cli import console as screen
from relational_cli import journal, messages, session
from relational_cli.errors import UserError
from relational_cli.markdown import Reflection, render
from relational_cli.packs import LAST

if TYPE_CHECKING:
    from rich.console import Console

    from relational_cli.ask import TerminalAsker
    from relational_cli.packs import Pack


class Stopped(Exception):
    """The exercise ended without a saved reflection; `exit_code` says how."""

    def __init__(self, exit_code: int) -> None:
        super().__init__(exit_code)
        self.exit_code = exit_code


def in_terminal(pack: Pack, console: Console, errors: Console) -> None:
    from relational_cli.ask import TerminalAsker

    asker = TerminalAsker(console)
    draft = journal.load_draft(pack.id)
    started = draft.started if draft else datetime.now().astimezone().isoformat(timespec="seconds")
    resumed = resume_or_start(pack, asker, console, draft)
    if resumed is None:
        return
    answers, unsent, look_first = resumed
    if not answers and not _begin(pack, asker, console):
        return
    answers = {**journal.last_answers(pack.id), **answers}  # for {last:…} placeholders
    kept: session.Answers = dict(answers)
    draft_ok = True

    def keep_draft(current: session.Answers, typed: dict[str, Any] | None = None) -> None:
        nonlocal draft_ok, kept
        kept = {key: value for key, value in current.items() if not key.startswith(LAST)}
        try:
            journal.save_draft(pack.id, pack.version, started, kept, typed)
        except OSError as exc:
            if draft_ok:  # say it once; the answers are still held and saved at the end
                errors.print(screen.hint(messages.draft_failed(_problem(exc))))
            draft_ok = False

    try:
        with _pause_on_hang_up():
            if look_first:
                looked = look_over(pack, asker, answers, console, keep_draft, finished=False)
                if looked is None:
                    return _discard(pack, console)
                answers = looked
            answers = session.run(pack, asker, answers, on_answer=keep_draft, unsent=unsent)
            if session.final_answers(pack, answers):
                looked = look_over(pack, asker, answers, console, keep_draft, finished=True)
                if looked is None:
                    return _discard(pack, console)
                answers = looked
    except KeyboardInterrupt as exc:
        typed = getattr(exc, "unsent", None) or asker.unsent_text()
        unsent_now = {asker.current.prompt.id: typed} if typed and asker.current else {}
        if unsent_now or not draft_ok:
            keep_draft(kept, unsent_now)
        if not draft_ok:  # nowhere to keep them: show them, so they can be copied
            sys.stdout.write(_as_text(pack, kept, unsent_now))
            raise UserError(messages.DRAFT_PRINTED) from None
        with contextlib.suppress(OSError):  # the terminal may be gone
            console.print()
            errors.print(screen.paragraph(messages.paused(pack.id)))
        raise Stopped(130) from None
    if not session.final_answers(pack, answers):
        journal.discard_draft(pack.id)
        console.print(screen.hint(messages.NOTHING_SAVED))
        return
    save(pack, answers, console, errors)
    journal.discard_draft(pack.id)


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


def _discard(pack: Pack, console: Console) -> None:
    journal.discard_draft(pack.id)
    console.print(screen.hint(messages.DISCARDED))


def _begin(pack: Pack, asker: TerminalAsker, console: Console) -> bool:
    """Title, content note (with the choice to stop there) and introduction."""
    console.print(screen.question(pack.title))
    if pack.content_note:
        console.print(screen.hint(f"Content note: {pack.content_note}"))
        if asker.choose(["Yes", "Not now"], "Yes", message="Would you like to go on?") != "Yes":
            console.print(screen.hint(messages.NOT_NOW))
            return False
    if pack.intro:
        console.print(screen.paragraph(pack.intro))
    return True


def resume_or_start(
    pack: Pack, asker: TerminalAsker, console: Console, draft: journal.Draft | None
) -> tuple[session.Answers, dict[str, Any], bool] | None:
    """Answers and unsent text from a draft the person resumes (and whether they want to look
    over it first); empty to start afresh; None to stop."""
    if draft is None:
        return {}, {}, False
    answered = sum(1 for value in draft.answers.values() if value is not None)
    started = screen.short_date(draft.started)
    console.print(screen.question(messages.paused_draft(pack.title, started, answered)))
    options = [
        messages.RESUME,
        messages.LOOK_OVER_FIRST,
        messages.START_AGAIN,
        messages.NOT_NOW_CHOICE,
    ]
    choice = asker.choose(options, messages.RESUME)
    if choice == messages.NOT_NOW_CHOICE:
        return None
    if choice == messages.START_AGAIN:
        journal.discard_draft(pack.id)
        return {}, {}, False
    return still_fitting(pack, draft.answers), draft.unsent, choice == messages.LOOK_OVER_FIRST


def still_fitting(pack: Pack, raw: dict[str, Any]) -> session.Answers:
    """A draft's answers that still fit the pack, which may have changed since."""
    answers: session.Answers = {}
    for prompt in pack.prompts:
        if prompt.id not in raw:
            continue
        step = session.make_step(pack, prompt, answers)
        if step is None:
            answers[prompt.id] = raw[prompt.id]
            continue
        with contextlib.suppress(ValueError):
            answers[prompt.id] = session.check(step, raw[prompt.id])
    return answers


@contextlib.contextmanager
def _pause_on_hang_up() -> Iterator[None]:
    """A closed terminal (SIGHUP) or a polite kill (SIGTERM) pauses, like Ctrl-C. Once a pause
    is under way, later ones are ignored, so they cannot cut short the keeping of the draft."""
    signals = (signal.SIGHUP, signal.SIGTERM)

    def pause(signum: int, frame: FrameType | None) -> None:
        for sig in signals:
            signal.signal(sig, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, pause) for sig in signals}
    try:
        yield
    except BaseException:
        for sig in signals:  # pausing (or failing): the draft is kept before anything else
            signal.signal(sig, signal.SIG_IGN)
        raise
    for sig, handler in previous.items():
        signal.signal(sig, handler)


def from_file(pack: Pack, source: str, errors: Console) -> None:
    from relational_cli.ask import AnswersFileAsker

    stdin_text = sys.stdin.read() if source == "-" else None
    asker = AnswersFileAsker.from_file(source, stdin_text)
    asker.check_ids([p.id for p in pack.prompts])
    answers = session.run(pack, asker, journal.last_answers(pack.id))
    kept = session.final_answers(pack, answers)
    for key, value in asker.answers.items():
        if key not in kept and value not in (None, "", []):
            raise UserError(messages.not_asked(asker.where(key), key))
    if not kept:
        raise UserError(f"{asker.source}: no answers to save")
    save(pack, answers, errors, errors)


def save(pack: Pack, answers: session.Answers, console: Console, errors: Console) -> Path:
    """Save the reflection; if it cannot be written, keep it in recovery (or print it)."""
    now = datetime.now().astimezone()
    reflection = Reflection(
        id=journal.new_id(pack.id, now),
        exercise=pack.id,
        created=now.isoformat(timespec="seconds"),
        title=pack.title,
        tags=pack.tags or (pack.id,),
        pack_version=pack.version,
    )
    sections = session.sections(pack, answers)
    try:
        saved, path = journal.save(reflection, sections)
    except OSError as exc:
        problem = _problem(exc)
        text = render(reflection, sections)
        kept = journal.keep_in_recovery(reflection.id, text)
        if kept is not None:
            raise UserError(messages.kept_in_recovery(problem, kept)) from None
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
        raise UserError(messages.printed_instead(problem)) from None
    console.print()
    console.print(screen.paragraph(pack.outro or messages.CLOSING))
    errors.print(screen.hint(f"Saved {saved.id}"), soft_wrap=True)
    errors.print(screen.hint(f"  {path}"), soft_wrap=True)  # whole, so it can be copied
    return path


def _as_text(pack: Pack, answers: session.Answers, unsent: dict[str, Any]) -> str:
    """Answers so far (and text not yet sent) as Markdown, for when no file can be written."""
    reflection = Reflection("unsaved", pack.id, datetime.now().astimezone().isoformat(), pack.title)
    sections = session.sections(pack, {**answers, **unsent})
    return render(reflection, sections) + "\n"


def _problem(exc: OSError) -> str:
    return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
