"""Doing an exercise, from its first question to a saved file, without losing a word.

In a terminal: a content note first where the pack has one, an offer to resume a paused draft,
a draft kept after every answer, and a pause (Ctrl-C, a closed terminal, SIGTERM) that keeps
even the text typed but not yet sent. From an answers file: checked, then saved. Either way a
save that cannot be written puts the reflection in the recovery folder, or prints it.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from relational_cli import messages
from relational_cli.core.errors import ExitCode, UserError
from relational_cli.core.exercise import session
from relational_cli.core.journal import recovery
from relational_cli.core.journal.drafts import (
    DamagedDraft,
    Draft,
    Drafts,
    Holder,
    InUse,
    new_session,
)
from relational_cli.core.journal.fileformat import Reflection, render
from relational_cli.core.journal.journal import Journal, new_id
from relational_cli.core.packs.model import is_remembered
from relational_cli.tui import screen
from relational_cli.tui.lookover import look_over
from relational_cli.tui.signals import terminal_gone

if TYPE_CHECKING:
    from relational_cli.core.packs.model import Pack
    from relational_cli.environment import Environment
    from relational_cli.tui.asker import TerminalAsker


class Stopped(Exception):
    """The exercise ended without a saved reflection; `exit_code` says how."""

    def __init__(self, exit_code: int) -> None:
        super().__init__(exit_code)
        self.exit_code = exit_code


class Exercise:
    """One pack, done by one person: asked in the terminal or read from a file, then saved."""

    def __init__(self, pack: Pack, env: Environment) -> None:
        self.pack = pack
        self.env = env
        self.journal = Journal(env.home)
        self.drafts = Drafts(env.home)
        self.console = screen.make_console(env)
        self.errors = screen.make_console(env, stderr=True)
        self.saved: Path | None = None
        """Where the reflection was saved, once it is."""

    def in_terminal(self, asker: TerminalAsker) -> None:
        """Ask in the terminal, holding the exercise so that a second window cannot write
        over this one's draft (it is told, and may open it anyway: see `Drafts.save`)."""
        since = self.env.now().isoformat(timespec="seconds")
        try:
            with self.drafts.claim(self.pack.id, since):
                return self.ask_all(asker)
        except InUse as in_use:
            if not self.open_anyway(asker, in_use.holder):
                return
        with self.drafts.claim(self.pack.id, since, take_over=True):
            self.ask_all(asker, taken_over=True)

    def open_anyway(self, asker: TerminalAsker, holder: Holder) -> bool:
        since = screen.short_date(holder.since)
        self.console.print(screen.question(messages.open_elsewhere(self.pack.title, since)))
        choice = asker.choose([messages.NOT_NOW_CHOICE, messages.OPEN_ANYWAY])
        if choice != messages.OPEN_ANYWAY:
            self.console.print(screen.hint(messages.NOT_NOW))
            return False
        return True

    def ask_all(self, asker: TerminalAsker, taken_over: bool = False) -> None:
        """The exercise from its first question (or a paused draft) to a saved reflection.
        Taken over from another window, a resumed draft carries on under a session of its
        own, so that if that window is still open the two never write over each other."""
        pack = self.pack
        try:
            draft = self.drafts.load(pack.id)
        except DamagedDraft as damaged:
            if not self.set_aside(asker, damaged):
                return
            draft = None
        started = draft.started if draft else self.env.now().isoformat(timespec="seconds")
        resumed = self.resume_or_start(asker, draft)
        if resumed is None:
            return
        answers, unsent, look_first, sitting = resumed
        if taken_over:
            sitting = new_session()
        if not answers and not self.begin(asker):
            return
        # Remembered answers ride along for placeholders and choices; they are never kept.
        last = session.remembered(pack, self.journal.latest_of)
        answers = {**last, **answers}
        kept: session.Answers = dict(answers)
        pending = dict(unsent)  # words given but not sent, by question; the session updates it
        draft_ok = True

        def keep_draft(current: session.Answers, typed: dict[str, Any] | None = None) -> None:
            nonlocal draft_ok, kept
            kept = {key: value for key, value in current.items() if not is_remembered(key)}
            try:
                moved = self.drafts.save(
                    pack.id, pack.version, started, kept, {**pending, **(typed or {})}, sitting
                )
            except OSError as exc:
                if draft_ok:  # say it once; the answers are still held and saved at the end
                    self.errors.print(screen.hint(messages.draft_failed(_problem(exc))))
                draft_ok = False
            else:
                if moved is not None:  # another window's draft: kept whole, and said so
                    self.errors.print(screen.hint(messages.other_draft_kept(moved)))

        try:
            with pause_on_hang_up():
                if look_first:
                    looked = look_over(pack, asker, answers, self.console, keep_draft, False)
                    if looked is None:
                        return self.discard(sitting)
                    answers = looked
                answers = session.run(pack, asker, answers, on_answer=keep_draft, unsent=pending)
                if session.final_answers(pack, answers):
                    looked = look_over(pack, asker, answers, self.console, keep_draft, True)
                    if looked is None:
                        return self.discard(sitting)
                    answers = looked
        except (KeyboardInterrupt, OSError) as exc:
            if isinstance(exc, OSError) and not terminal_gone(exc):
                raise
            typed = getattr(exc, "unsent", None) or asker.unsent_text()
            unsent_now = {asker.current.prompt.id: typed} if typed and asker.current else {}
            if unsent_now or not draft_ok:
                keep_draft(kept, unsent_now)
            if not draft_ok:  # nowhere to keep them: show them, so they can be copied
                self.env.stdout.write(self.as_text({**last, **kept}, {**pending, **unsent_now}))
                raise UserError(messages.DRAFT_PRINTED) from None
            with contextlib.suppress(OSError):  # the terminal may be gone
                self.console.print()
                self.errors.print(screen.paragraph(messages.paused(pack.id)))
            raise Stopped(ExitCode.PAUSED) from None
        if not session.final_answers(pack, answers):
            self.drafts.discard(pack.id, sitting)
            self.console.print(screen.hint(messages.NOTHING_SAVED))
            return
        self.save(answers, self.console)
        self.drafts.discard(pack.id, sitting)

    def set_aside(self, asker: TerminalAsker, damaged: DamagedDraft) -> bool:
        """Offer to set a draft that cannot be read aside (kept whole) and start afresh."""
        self.console.print(
            screen.question(messages.damaged_draft(self.pack.title, damaged.problem))
        )
        choice = asker.choose([messages.SET_ASIDE, messages.NOT_NOW_CHOICE], messages.SET_ASIDE)
        if choice != messages.SET_ASIDE:
            return False
        self.console.print(screen.hint(messages.set_aside(self.drafts.set_aside(damaged))))
        return True

    def discard(self, sitting: str) -> None:
        self.drafts.discard(self.pack.id, sitting)
        self.console.print(screen.hint(messages.DISCARDED))

    def begin(self, asker: TerminalAsker) -> bool:
        """Title, content note (with the choice to stop there) and introduction."""
        pack = self.pack
        self.console.print(screen.question(pack.title))
        if pack.content_note:
            self.console.print(screen.hint(f"Content note: {pack.content_note}"))
            self.console.print(screen.hint(messages.SUPPORT_POINTER))
            if asker.choose(["Yes", "Not now"], "Yes", message="Would you like to go on?") != "Yes":
                self.console.print(screen.hint(messages.NOT_NOW))
                return False
        if pack.intro:
            self.console.print(screen.paragraph(pack.intro))
        return True

    def resume_or_start(
        self, asker: TerminalAsker, draft: Draft | None
    ) -> tuple[session.Answers, dict[str, Any], bool, str] | None:
        """Answers and unsent text from a draft the person resumes, whether they want to
        look over it first, and the session it carries on; empty to start afresh; None to
        stop."""
        if draft is None:
            return {}, {}, False, new_session()
        started = screen.short_date(draft.started)
        heading = messages.paused_draft(
            self.pack.title, started, draft.answered, draft.cards_sorted
        )
        self.console.print(screen.question(heading))
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
            self.drafts.discard(self.pack.id, draft.session)
            return {}, {}, False, new_session()
        fitting = still_fitting(self.pack, draft.answers)
        return fitting, draft.unsent, choice == messages.LOOK_OVER_FIRST, draft.session

    def from_file(self, source: str) -> None:
        from relational_cli.core.exercise.answers_file import AnswersFileAsker, collect

        stdin_text = self.env.stdin.read() if source == "-" else None
        asker = AnswersFileAsker.from_file(source, stdin_text)
        last = session.remembered(self.pack, self.journal.latest_of)
        self.save(collect(self.pack, asker, last), self.errors)

    def save(self, answers: session.Answers, closing: Any) -> Path:
        """Save the reflection; if it cannot be written, keep it in recovery (or print it).
        The closing words go to `closing` (the screen, or stderr when answering from a file)."""
        reflection = self.reflection(answers)
        sections = session.sections(self.pack, answers)
        try:
            saved, path = self.journal.save(reflection, sections)
        except OSError as exc:
            problem = _problem(exc)
            text = render(reflection, sections)
            kept = recovery.keep(self.env.home, reflection.id, text)
            if kept is not None:
                raise UserError(messages.kept_in_recovery(problem, kept)) from None
            self.env.stdout.write(text + "\n")
            self.env.stdout.flush()
            raise UserError(messages.printed_instead(problem)) from None
        words, kind = session.closing(self.pack, answers)
        closing.print()
        closing.print(screen.paragraph(words or messages.CLOSING))
        if kind:  # the path asked about safety: the help of that kind, the region's first
            from relational_cli.core.support import region_of

            closing.print()
            closing.print(screen.support(kind, region_of(self.env.environ)))
        elif self.pack.content_note:  # a pack that touches hurt ends by saying where support is
            closing.print(screen.hint(messages.SUPPORT_POINTER))
        self.errors.print(screen.hint(f"Saved {saved.id}"), soft_wrap=True)
        self.errors.print(screen.hint(f"  {path}"), soft_wrap=True)  # whole, so it can be copied
        self.saved = path
        return path

    def reflection(self, answers: session.Answers) -> Reflection:
        """The front matter of a reflection of this pack with these answers, made now."""
        now = self.env.now()
        return Reflection(
            id=new_id(self.pack.id, now),
            exercise=self.pack.id,
            created=now.isoformat(timespec="seconds"),
            title=session.title(self.pack, answers, now.date()),
            tags=self.pack.tags or (self.pack.id,),
            pack_version=self.pack.version,
        )

    def as_text(self, answers: session.Answers, unsent: dict[str, Any]) -> str:
        """Answers so far (with last time's, for the questions that look back) and text not
        yet sent, as the reflection they would have made, for when no file can be written."""
        sections = session.sections(self.pack, {**answers, **unsent})
        return render(self.reflection({**answers, **unsent}), sections) + "\n"


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
def pause_on_hang_up() -> Iterator[None]:
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


def _problem(exc: OSError) -> str:
    return f"{exc.strerror or exc}" + (f": {exc.filename}" if exc.filename else "")
