"""Doing an exercise, from its first question to a saved file, without losing a word.

With a person at a screen (a `Host`: the terminal, or plain mode): a content note first where
the pack has one, an offer to resume a paused draft, a draft kept after every answer, a look
over every answer before saving, and a pause (Ctrl-C, a closed terminal, SIGTERM) that keeps
even the text typed but not yet sent. From an answers file: checked, then saved. Either way a
save that cannot be written goes to the recovery folder, or is handed back to be printed.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, cast

from relational_cli import messages
from relational_cli.core import hang_up
from relational_cli.core.errors import ExitCode, QuickExit, UserError
from relational_cli.core.exercise import remembering, session
from relational_cli.core.exercise.asking import Host, terminal_gone
from relational_cli.core.exercise.looking_over import look_over
from relational_cli.core.exercise.saving import Saved, as_text, save
from relational_cli.core.journal.drafts import (
    DamagedDraft,
    Draft,
    Drafts,
    Holder,
    InUse,
    Unsent,
    new_session,
)
from relational_cli.core.journal.fileformat import Value, answer_text
from relational_cli.core.journal.journal import Journal
from relational_cli.core.journal.pairs import as_pairs
from relational_cli.core.lock.keys import Locked
from relational_cli.core.packs.library import Library, group_of
from relational_cli.core.packs.model import Pack, is_remembered

Clock = Callable[[], datetime]
"""The time now (a datetime with its UTC offset), as the environment gives it."""


@dataclass(frozen=True)
class PauseKept:
    """The exercise was paused: its answers are kept as a draft (or there were none)."""

    exercise: str
    has_draft: bool = True


Outcome = Saved | PauseKept | None
"""A saved reflection, a pause (a draft kept), or nothing kept (not now, discarded)."""


def answer_from_file(
    journal: Journal, pack: Pack, source: str, stdin_text: str | None, now: datetime
) -> Saved:
    """Take the answers from a YAML or JSON file (`-`: `stdin_text`), check them against the
    pack, and save them."""
    from relational_cli.core.exercise.answers_file import AnswersFileAsker, collect

    asker = AnswersFileAsker.from_file(source, stdin_text)
    try:
        last = remembering.from_journal(pack, journal, now.date())
    except Locked:  # saving needs no passphrase: last time's answers are only not shown
        last = {}
    return save(journal, pack, collect(pack, asker, last), now, from_file=True)


def choose_exercise(library: Library, drafts: Drafts, host: Host) -> Pack | None:
    """The menu of exercises (the paused ones marked); None for "not now"."""
    catalogue = library.load_all()
    for pack in catalogue.broken:
        host.warn(messages.exercise.skipped_pack(pack.path.name, pack.problem))
    found = catalogue.menu
    if not found:
        raise UserError(messages.exercise.NO_EXERCISES)
    try:
        paused = {draft.exercise for draft in drafts.all()[0]}
    except Locked:  # the journal stays locked: which drafts are paused cannot be read
        paused = set()
    labels = {messages.exercise.menu_label(p.title, p.minutes, p.id in paused): p for p in found}
    host.heading(messages.exercise.MENU_TITLE)
    try:
        summaries = {label: pack.summary for label, pack in labels.items()}
        groups = {label: group_of(pack) for label, pack in labels.items()}
        choice = host.choose(
            [*labels, messages.exercise.NOT_NOW_CHOICE], descriptions=summaries, groups=groups
        )
    except KeyboardInterrupt:  # Ctrl-C: nothing was begun, and leaving is said
        raise UserError(messages.exercise.NOT_NOW, ExitCode.PAUSED, prefix=False) from None
    return labels.get(choice)


class Exercise:
    """One pack, done by one person at a screen, then saved."""

    def __init__(self, pack: Pack, journal: Journal, drafts: Drafts, clock: Clock) -> None:
        self.pack = pack
        self.journal = journal
        self.drafts = drafts
        self.clock = clock

    def now_text(self) -> str:
        return str(self.clock().isoformat(timespec="seconds"))

    def run(self, host: Host) -> Outcome:
        """Ask at the screen, holding the exercise so that a second window cannot write over
        this one's draft (it is told, and may open it anyway: see `Drafts.save`)."""
        since = self.now_text()
        try:
            with self.drafts.claim(self.pack.id, since):
                return self.ask_all(host)
        except InUse as in_use:
            if not self.open_anyway(host, in_use.holder):
                return None
        with self.drafts.claim(self.pack.id, since, take_over=True):
            return self.ask_all(host, taken_over=True)

    def open_anyway(self, host: Host, holder: Holder) -> bool:
        host.heading(
            messages.exercise.open_elsewhere(
                self.pack.title, messages.general.short_date(holder.since)
            )
        )
        if (
            host.choose([messages.exercise.NOT_NOW_CHOICE, messages.exercise.OPEN_ANYWAY])
            != messages.exercise.OPEN_ANYWAY
        ):
            host.hint(messages.exercise.NOT_NOW)
            return False
        return True

    def ask_all(self, host: Host, taken_over: bool = False) -> Outcome:
        """The exercise from its first question (or a paused draft) to a saved reflection.
        Taken over from another window, a resumed draft carries on under a session of its
        own, so that if that window is still open the two never write over each other."""
        opened = self.open_draft(host)
        if opened is None:
            return None
        draft, reading = opened
        started = draft.started if draft else self.now_text()
        resumed = self.resume_or_start(host, draft)
        if resumed is None or (not resumed.answers and not self.begin(host)):
            return None
        sitting = new_session() if taken_over else resumed.sitting
        # Remembered answers ride along for placeholders and choices; they are never kept.
        last = self.remembered(host) if reading else {}
        answers = {**last, **resumed.answers}
        keeper = DraftKeeper(
            self, host, started, sitting, without_remembered(answers), resumed.unsent
        )
        try:
            with hang_up.as_interrupt():  # pauses, like Ctrl-C
                kept = self.ask(host, answers, keeper, resumed.look_first)
        except (KeyboardInterrupt, QuickExit, OSError) as exc:
            if isinstance(exc, OSError) and not terminal_gone(exc):
                raise
            typed = self.keep_unsent(host, exc, keeper)
            if isinstance(exc, QuickExit):  # leave at once; never show the words, even unkept
                raise
            return self.paused(keeper, last, typed)
        return None if kept is None else self.finish(host, kept, sitting)

    def open_draft(self, host: Host) -> tuple[Draft | None, bool] | None:
        """The paused draft (None when there is none, or it was set aside), and whether the
        journal can be read; None to stop (a draft that cannot be read, not set aside)."""
        if self.journal.storage.locked:  # a damaged lock is met before a word is written
            self.journal.storage.keys.recipient()
        try:
            return self.drafts.load(self.pack.id), True
        except DamagedDraft as damaged:
            return (None, True) if self.set_aside(host, damaged) else None
        except Locked:  # gone on without unlocking: nothing is read, all is written locked
            host.hint(messages.lock.STAYS_LOCKED)
            return None, False

    def ask(
        self, host: Host, answers: session.Answers, keeper: DraftKeeper, look_first: bool
    ) -> session.Answers | None:
        """A resumed draft looked over first (if the person asked to), every question, then
        every answer looked over; the answers to save, or None when the person discards them."""
        pack = self.pack
        if look_first:
            looked = look_over(pack, host, answers, keeper, False, keeper.pending)
            if looked is None:
                self.discard(host, keeper.sitting)
                return None
            answers = looked
        answers = session.run(pack, host, answers, on_answer=keeper, unsent=keeper.pending)
        if session.final_answers(pack, answers):
            looked = look_over(pack, host, answers, keeper, True, keeper.pending)
            if looked is None:
                self.discard(host, keeper.sitting)
            return looked
        return answers

    def keep_unsent(self, host: Host, exc: BaseException, keeper: DraftKeeper) -> dict[str, Unsent]:
        """On a pause: the words typed into the question in flight and not sent, by question,
        kept with the draft (which is kept again, too, when the last keep failed)."""
        typed = getattr(exc, "unsent", None) or host.unsent_text()
        step = host.current
        if step and typed in (step.previous, answer_text(step.previous)):
            typed = None  # the answer it was offered with, untouched: no new words
        unsent_now = {step.prompt.id: typed} if typed and step else {}
        if unsent_now or not keeper.draft_ok:
            keeper(keeper.answers, unsent_now)
        return unsent_now

    def paused(
        self, keeper: DraftKeeper, last: session.Answers, unsent_now: dict[str, Unsent]
    ) -> PauseKept:
        """What a pause kept; with nowhere to keep them, the answers are shown (`UserError`
        with them as its output) so they can be copied."""
        unsent = {**keeper.pending, **unsent_now}
        if nothing_given(keeper.answers, unsent):
            return PauseKept(self.pack.id, has_draft=False)
        if not keeper.draft_ok:  # nowhere to keep them: show them, so they can be copied
            text = as_text(self.pack, {**last, **keeper.answers}, unsent, self.clock())
            raise UserError(messages.exercise.DRAFT_PRINTED, output=text) from None
        return PauseKept(self.pack.id)

    def finish(self, host: Host, answers: session.Answers, sitting: str) -> Saved | None:
        """Save the answers (and let the draft go); nothing is saved when none were given."""
        if not session.final_answers(self.pack, answers):
            self.drafts.discard(self.pack.id, sitting)
            host.hint(messages.exercise.NOTHING_SAVED)
            return None
        saved = save(self.journal, self.pack, answers, self.clock())
        self.drafts.discard(self.pack.id, sitting)
        return saved

    def remembered(self, host: Host) -> session.Answers:
        """Last time's answers, and other exercises' the pack builds on (none when the journal
        stays locked)."""
        try:
            return remembering.from_journal(self.pack, self.journal, self.clock().date())
        except Locked:
            host.hint(messages.lock.STAYS_LOCKED)
            return {}

    def set_aside(self, host: Host, damaged: DamagedDraft) -> bool:
        """Offer to set a draft that cannot be read aside (kept whole) and start afresh."""
        host.heading(messages.exercise.damaged_draft(self.pack.title, damaged.problem))
        choice = host.choose(
            [messages.exercise.SET_ASIDE, messages.exercise.NOT_NOW_CHOICE],
            messages.exercise.SET_ASIDE,
        )
        if choice != messages.exercise.SET_ASIDE:
            return False
        host.hint(messages.exercise.set_aside(self.drafts.set_aside(damaged)))
        return True

    def discard(self, host: Host, sitting: str) -> None:
        self.drafts.discard(self.pack.id, sitting)
        host.hint(messages.exercise.DISCARDED)

    def begin(self, host: Host) -> bool:
        """Title, content note (with the choice to stop there), the note from whoever wrote the
        pack, and introduction."""
        pack = self.pack
        host.heading(pack.title)
        if pack.content_note:
            host.hint(messages.exercise.CONTENT_NOTE.format(pack.content_note))
            host.hint(messages.general.SUPPORT_POINTER)
            go_on, not_now = messages.exercise.YES, messages.exercise.NOT_NOW_CHOICE
            if host.choose([go_on, not_now], go_on, message=messages.exercise.GO_ON) != go_on:
                host.hint(messages.exercise.NOT_NOW)
                return False
        if pack.note_from:  # said once: a resumed exercise has passed it already
            host.hint(messages.exercise.note_from(pack.note_from.name))
            host.paragraph(pack.note_from.note)
            host.blank()
        if pack.intro:
            host.paragraph(pack.intro)
        return True

    def resume_or_start(self, host: Host, draft: Draft | None) -> Resumed | None:
        """Answers and unsent text from a draft the person resumes, whether they want to
        look over it first, and the session it carries on; empty to start afresh; None to
        stop."""
        if draft is None:
            return Resumed({}, {}, False, new_session())
        started = messages.general.short_date(draft.started)
        host.heading(
            messages.exercise.paused_draft(
                self.pack.title, started, draft.answered, draft.cards_sorted
            )
        )
        options = [
            messages.exercise.RESUME,
            messages.exercise.LOOK_OVER_FIRST,
            messages.exercise.START_AGAIN,
            messages.exercise.NOT_NOW_CHOICE,
        ]
        choice = host.choose(options, messages.exercise.RESUME)
        if choice == messages.exercise.NOT_NOW_CHOICE:
            return None
        if choice == messages.exercise.START_AGAIN:
            self.drafts.discard(self.pack.id, draft.session)
            return Resumed({}, {}, False, new_session())
        fitting = still_fitting(self.pack, draft.answers)
        look_first = choice == messages.exercise.LOOK_OVER_FIRST
        return Resumed(fitting, draft.unsent, look_first, draft.session)


class Resumed(NamedTuple):
    """Where a sitting starts: a resumed draft's answers and unsent words (none to start
    afresh), whether the person looks over them first, and the session that carries on."""

    answers: session.Answers
    unsent: dict[str, Unsent]
    look_first: bool
    sitting: str


class DraftKeeper:
    """Keeps a sitting's draft after every answer (the session's `on_answer`): what is kept,
    the words given but not sent, and whether the last keep worked (said once when it fails;
    the answers are still held, and saved at the end)."""

    def __init__(
        self,
        exercise: Exercise,
        host: Host,
        started: str,
        sitting: str,
        kept: session.Answers,
        unsent: dict[str, Unsent],
    ) -> None:
        self.drafts = exercise.drafts
        self.pack = exercise.pack
        self.host = host
        self.started = started
        self.sitting = sitting
        self.answers = kept
        self.pending = dict(unsent)
        """Words given but not sent, by question; the session updates it."""
        self.draft_ok = True

    def __call__(self, current: session.Answers, typed: dict[str, Unsent] | None = None) -> None:
        self.answers = without_remembered(current)
        words = {**self.pending, **(typed or {})}
        pack = self.pack
        try:
            if nothing_given(
                self.answers, words
            ):  # a draft of skips alone would only be in the way
                self.drafts.discard(pack.id, self.sitting)
                return
            moved = self.drafts.save(
                pack.id, pack.version, self.started, self.answers, words, self.sitting
            )
        except OSError as exc:
            if self.draft_ok:  # say it once; the answers are still held and saved at the end
                self.host.warn(messages.exercise.draft_failed(messages.general.problem(exc)))
            self.draft_ok = False
        else:
            self.draft_ok = True  # kept after all: a pause need not print what is kept
            if moved is not None:  # another window's draft: kept whole, and said so
                self.host.warn(messages.exercise.other_draft_kept(moved))


def without_remembered(answers: session.Answers) -> session.Answers:
    """The person's own answers, without those remembered from other reflections (which are
    never kept in a draft)."""
    return {key: value for key, value in answers.items() if not is_remembered(key)}


def nothing_given(answers: session.Answers, unsent: Mapping[str, Unsent]) -> bool:
    """Whether no question has an answer, and no words were typed unsent."""
    return all(value is None for value in answers.values()) and not any(unsent.values())


def still_fitting(pack: Pack, raw: Mapping[str, object]) -> session.Answers:
    """A draft's answers that still fit the pack, which may have changed since."""
    answers: session.Answers = {}
    for prompt in pack.prompts:
        if prompt.id not in raw:
            continue
        step = session.make_step(pack, prompt, answers)
        if step is None:  # kept as it is (pairs, kept in JSON as lists, as pairs again)
            pairs = as_pairs(raw[prompt.id]) if prompt.type == "pairs" else None
            answers[prompt.id] = pairs or cast("Value", raw[prompt.id])  # checked when shown
            continue
        with contextlib.suppress(ValueError):
            answers[prompt.id] = session.check(step, raw[prompt.id])
    return answers
