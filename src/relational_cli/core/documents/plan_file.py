"""Making the plan document a person keeps (`relational plan`): from the plan they just made,
or one made before, as Markdown or one printable HTML page, written where they asked (or
`plan.md` / `plan.html` in the data folder)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from relational_cli import messages
from relational_cli.core.documents import plan as plans
from relational_cli.core.errors import UserError
from relational_cli.core.exercise.saving import Saved
from relational_cli.core.journal.fileformat import Reflection
from relational_cli.core.journal.journal import Journal
from relational_cli.core.packs import known

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
