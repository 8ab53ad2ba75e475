"""Making the plan document a person keeps (`relational plan`): from the plan they just made,
or one made before, as Markdown or one printable HTML page, written where they asked (or
`plan.md` / `plan.html` in the data folder)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from relational_cli import messages
from relational_cli.core.documents import plan as plans
from relational_cli.core.errors import UserError
from relational_cli.core.exercise.saving import Saved
from relational_cli.core.journal.fileformat import Reflection
from relational_cli.core.journal.journal import Journal
from relational_cli.core.packs import known

if TYPE_CHECKING:
    from relational_cli.core.exercise.flow import Outcome
    from relational_cli.core.packs.model import Pack

FORMATS = ("markdown", "html")
SUFFIXES = {"markdown": "md", "html": "html"}


@dataclass(frozen=True)
class PlanWritten:
    """Where the plan document is now, and the saving that made its plan (if one did)."""

    target: Path | None
    """None: it is `text`, for standard output (`--output -`)."""
    saved: Saved | None = None
    """The reflection of the exercise done just now, for its closing words."""
    options: tuple[str, ...] = ()
    """The options it was written with, which a hint to write it again keeps."""
    text: str = ""


def existing(journal: Journal, reference: str) -> Reflection:
    """The plan `reference` names (an id, or latest), checked to be a plan."""
    if reference == "latest":
        latest = journal.latest_of(known.PLAN)
        if latest is None:
            raise UserError(messages.plan.NO_PLAN)
        return latest
    return plans.check_plan(journal.load(journal.resolve(reference)))


@dataclass(frozen=True)
class Choices:
    """What the person chose to put in the plan beyond its short default."""

    all_lines: bool = False
    """Every support line, not only the region's."""
    values_in_full: bool = False
    """What the values reflection says in their words, not only the ranked values."""


def document(
    journal: Journal, plan: Reflection, form: str, region: str | None, chosen: Choices = Choices()
) -> str:
    """The plan as a document: Markdown with front matter, or one self-contained HTML page;
    or (`screen`) Markdown to draw on a screen: no front matter, and no links."""
    values = journal.latest_of(known.VALUES)
    document = plans.markdown(
        plan,
        values,
        region,
        front=form == "markdown",
        meanings=_meanings(journal) if values else {},
        values_in_words=chosen.values_in_full,
        all_lines=chosen.all_lines,
        links=form != "screen",
    )
    if form == "html":
        from relational_cli.core.documents.html_page import html

        # The support lines and the day to look again stay together; on one sheet.
        return html(document, plans.title_of(plan), together=2, sheet=True)
    return document


def _meanings(journal: Journal) -> dict[str, str]:
    """Each value's one-line meaning: its card's description (the person's own cards, if they
    replaced the list); none when the list cannot be read."""
    from relational_cli.core.packs.library import Library

    try:
        cards = Library(journal.home).data_set(known.VALUES_CARDS)
    except UserError:
        return {}
    return {card.value: card.description for card in cards if card.description}


def write(
    journal: Journal,
    plan: Reflection,
    form: str,
    target: Path | None,
    region: str | None,
    chosen: Choices = Choices(),
    replace: bool = False,
) -> Path:
    """Write the plan document (private, 0600) where asked, never over a file there unless
    `replace`; else into the data folder (locked there with a locked journal), where it
    replaces the plan kept before."""
    where = target or journal.storage.document_path(f"{plans.PLAN_FILE}.{SUFFIXES[form]}")
    text = document(journal, plan, form, region, chosen)
    try:
        journal.storage.write_document(where, text, replace=replace or target is None)
    except FileExistsError:
        raise UserError(messages.files.file_there(where)) from None
    except OSError as exc:
        raise UserError(
            messages.plan.plan_not_written(where, exc.strerror or str(exc), plan.id)
        ) from None
    return where


@dataclass(frozen=True)
class PlanShown:
    """The plan document to show (`relational plan --show`)."""

    text: str
    drawn: bool = False
    """Markdown to draw on a screen (no front matter, no links); else the document itself."""


@dataclass(frozen=True)
class FromFile:
    """The answers of `--answers FILE`."""

    source: str
    """The file (`-`: `stdin_text`)."""
    stdin_text: str | None
    now: datetime
    """When they are saved."""


@dataclass(frozen=True)
class Asked:
    """What `relational plan` was asked for, its options read."""

    form: str = "markdown"
    region: str | None = None
    chosen: Choices = Choices()
    source: str | None = None
    """A plan made before to write (an id, or latest; `--from`): nothing is asked."""
    show: bool = False
    """The plan shown, not written to a file (`--show`)."""
    on_screen: bool = False
    """Shown on a terminal: drawn, not printed as Markdown."""
    again: bool = False
    """The plan there is, written in another form, place or length (unless the person would
    rather answer afresh); else the questions are asked."""
    target: Path | None = None
    """The file to write (None: the data folder's, or standard output with `to_stdout`)."""
    to_stdout: bool = False
    replace: bool = False
    """The `target` may replace a file there."""
    answers: FromFile | None = None
    """The plan's answers taken from a file, instead of asking."""
    options: tuple[str, ...] = ()
    """The options it was written with, which a hint to write it again keeps."""


class Terminal(Protocol):
    """The person at a terminal, as `relational plan` asks them (the command's side)."""

    def keep(self, plan: Reflection) -> bool:
        """Whether they would rather have `plan` written again than answer afresh."""

    def answer(self, journal: Journal, pack: Pack) -> Outcome:
        """The plan's questions, asked and answered: the exercise's outcome."""


def make(
    journal: Journal, asked: Asked, terminal: Terminal | None
) -> PlanWritten | PlanShown | Outcome:
    """`relational plan`: the plan there is, or one made now (from the answers file, or asked
    on the `terminal`), written as a document or shown; the exercise's outcome when it saved
    no plan (not now, nothing answered, or paused)."""
    saved: Saved | None = None
    made: Reflection | None = None
    if asked.show or asked.source is not None:
        made = existing(journal, asked.source or "latest")
    elif asked.again:  # the same plan, in another form, place or length
        made = journal.latest_of(known.PLAN)
        if made is not None and terminal is not None and not terminal.keep(made):
            made = None
    if made is None:
        outcome = _answered(journal, asked, terminal)
        if not isinstance(outcome, Saved):
            return outcome
        saved, made = outcome, outcome.reflection
    if asked.show:  # on a screen, drawn; into a pipe or a file, the document itself, as data
        form = "screen" if asked.on_screen else asked.form
        return PlanShown(document(journal, made, form, asked.region, asked.chosen), asked.on_screen)
    return _written(journal, made, asked, saved)


def _answered(journal: Journal, asked: Asked, terminal: Terminal | None) -> Outcome:
    """The plan exercise, answered from a file or on the terminal: its outcome."""
    from relational_cli.core.packs.library import Library

    given = asked.answers
    if given is not None and journal.storage.keys.locked:
        journal.storage.keys.identity()  # the document reads the journal: unlocked first,
        # or nothing is saved (a plan saved without its document would be saved again)
    pack = Library(journal.home).load(known.PLAN)
    if given is not None:
        from relational_cli.core.exercise import flow

        return flow.answer_from_file(journal, pack, given.source, given.stdin_text, given.now)
    if terminal is None:
        raise UserError(messages.plan.NO_TERMINAL_PLAN)
    return terminal.answer(journal, pack)


def _written(journal: Journal, made: Reflection, asked: Asked, saved: Saved | None) -> PlanWritten:
    """The plan document written where asked (or to standard output, as text)."""
    from relational_cli.core.lock.keys import Locked

    try:
        if asked.to_stdout:
            text = document(journal, made, asked.form, asked.region, asked.chosen)
            return PlanWritten(None, saved, asked.options, text)
        written = write(
            journal, made, asked.form, asked.target, asked.region, asked.chosen, asked.replace
        )
    except Locked:
        if saved is None:
            raise
        raise UserError(messages.plan.SAVED_STILL_LOCKED) from None
    return PlanWritten(written, saved, asked.options)
