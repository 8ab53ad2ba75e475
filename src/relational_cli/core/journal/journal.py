"""The journal: one Markdown file per reflection under `journal/YYYY/MM/`, behind one door.

`Journal` is the only way a reflection is written (saved, replaced by an edit, restored,
moved to the trash), so the index it is given follows every write (it is opened with
relational's by `core/search/indexed.open_journal`). Reading is here too: listing newest
first, finding by id, prefix or `latest`, and queries. Its files are read and written through
the one storage door (`storage`).

A reflection's id is given when it is saved, as its file name without `.md`:
`YYYYMMDD-HHMMSS-<exercise>` in local time, so names sort by time and say the exercise (`-2`,
`-3`… when two land in the same second; a locked journal's say nothing). The id is kept in the
front matter and never changes, though the name may (locking and unlocking rename every file):
a reflection is found by its id, through the index (or, where there is none, by reading the
files), never by its name alone. Saves are atomic and never overwrite.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from relational_cli import messages
from relational_cli.core.errors import CannotOpen, UserError
from relational_cli.core.home import Home
from relational_cli.core.journal import fileformat as markdown
from relational_cli.core.journal.fileformat import Reflection, Section
from relational_cli.core.journal.indexing import JournalIndex, Progress, Unavailable
from relational_cli.core.journal.names import DISCREET_NAME
from relational_cli.core.journal.query import Page, Query
from relational_cli.core.journal.storage import Storage
from relational_cli.core.journal.summary import (
    CONFLICT,
    FutureDated,
    Summary,
    in_order_written,
    in_the_future,
    instant,
    ours,
    summary_from,
)

ID_PATTERN = re.compile(r"(\d{4})(\d{2})\d{2}-\d{6}-[a-z0-9_-]+")
AMBIGUOUS_SHOWN = 5
"""How many of the reflections an ambiguous id prefix matches are named."""

Warn = Callable[[Path, Exception], None]


def new_id(exercise: str, when: datetime) -> str:
    return f"{when:%Y%m%d-%H%M%S}-{exercise}"


class Journal:
    """The reflections of one home: the one door for writing them, and the ways to read them."""

    def __init__(
        self,
        home: Home,
        storage: Storage,
        make_index: Callable[[Storage], JournalIndex],
        clock: Callable[[], datetime],
    ) -> None:
        self.home = home
        self.storage = storage
        self.clock = clock
        """The time now (the Environment's): a reflection dated after it is not the latest."""
        self._make_index = make_index
        """Makes the journal's index when it is first used (not every command needs it)."""
        self._index: JournalIndex | None = None

    @property
    def index(self) -> JournalIndex:
        """Told of every write; asked for reflections by id and by query."""
        if self._index is None:
            self._index = self._make_index(self.storage)
        return self._index

    def path_for(self, reflection_id: str) -> Path:
        match = ID_PATTERN.fullmatch(reflection_id)
        if not match:
            raise UserError(messages.journal.not_an_id(reflection_id))
        folder = self.storage.journal / match.group(1) / match.group(2)
        return self.storage.reflection_file(folder, reflection_id)

    def new_id(self, exercise: str, when: datetime) -> str:
        """The id (and file name) of a new reflection of `exercise` made `when`: its time and
        exercise, or, while the journal is locked, its time and a random part."""
        return self.storage.new_stem(exercise, when)

    def save(self, reflection: Reflection, sections: list[Section]) -> tuple[Reflection, Path]:
        """Write a new reflection file; returns it as saved (its id may gain a suffix)."""
        return self._write_new(reflection, lambda saved: markdown.render(saved, sections))

    def _write_new(
        self, reflection: Reflection, text_for: Callable[[Reflection], str]
    ) -> tuple[Reflection, Path]:
        """Write `reflection` under its id, or the first free `-2`, `-3`… after it (two saves
        in one second, or a restored copy beside different words), never over a file."""
        folder = self.path_for(reflection.id).parent

        def text(stem: str) -> str:
            return text_for(reflection._replace(id=stem))

        try:
            target = self.storage.write_free(folder, reflection.id, self.storage.suffix, text)
        except FileExistsError:
            raise UserError(messages.files.no_free_name(folder)) from None
        self.index.note(target)
        return reflection._replace(id=target.stem), target

    def replace(self, path: Path, text: str) -> Reflection:
        """Put `text` in place of the reflection at `path`, if it reads as that same reflection
        (the id it holds now); else `markdown.FormatError` says why and the file is left as
        it was."""
        reflection = markdown.parse(text, path.name)
        try:
            holds = str(markdown.parse_front_matter(self.storage.read(path), str(path))[0]["id"])
        except (markdown.FormatError, OSError, UnicodeDecodeError):
            holds = path.stem  # a damaged file, mended: its name says which it was
        if reflection.id != holds:
            raise markdown.FormatError(messages.files.id_must_stay(holds))
        self.storage.replace(path, text)
        self.index.note(path)
        return reflection

    def restore(self, text: str, source: str) -> tuple[Reflection, Path, bool]:
        """Bring a reflection's text back into the journal (from the recovery folder, say),
        never over another file: under its own id, or the next free one when that id already
        holds other words. Returns it, where it is, and whether it was there word for word.
        Text that does not read as a reflection raises `markdown.FormatError`. It keeps its
        id, under a name this journal gives it (a locked journal's says nothing), unless that
        id holds other words: then it is given a new one."""
        reflection = markdown.parse(text, source)
        path = self.find(reflection.id)
        if path is not None and self.storage.has_text(path, text):
            return reflection, path, True
        when = datetime.strptime(reflection.id[:15], "%Y%m%d-%H%M%S")
        if path is None:
            folder = self.path_for(reflection.id).parent
            stem = reflection.id  # unless it says the exercise in a locked journal, or a
            if self.storage.locked != bool(DISCREET_NAME.fullmatch(stem)):  # plain one's doesn't
                stem = self.new_id(reflection.exercise, when)
            try:
                target = self.storage.write_free(folder, stem, self.storage.suffix, lambda _: text)
            except FileExistsError:
                raise UserError(messages.files.no_free_name(folder)) from None
            self.index.note(target)
            return reflection, target, False
        saved, target = self._write_new(
            reflection._replace(id=self.new_id(reflection.exercise, when)),
            lambda renamed: re.sub(
                r"^id: [^\r\n]*", f"id: {renamed.id}", text, count=1, flags=re.M
            ),
        )
        return saved, target, False

    def place_of(self, path: Path) -> str:
        """Where a reflection file is within the journal folder: `2026/11/….md`."""
        return self.storage.place_of(path)

    def bring_in(self, place: str, text: str, copy: Path) -> tuple[str, str]:
        """Put a reflection from a backup at its place in the journal (`YYYY/MM/name.md`) by
        linking `copy` (a staged file holding `text`) there, never over another file. Returns
        where it is and "added", "same" (there word for word already) or "beside" (the place
        held other words: it was kept under the next free id, as `restore` does)."""
        target = self.storage.journal / place
        if not self.storage.link_new(copy, target):
            if self.storage.has_text(target, text):
                return place, "same"
            _, kept, same = self.restore(text, place)
            return self.place_of(kept), "same" if same else "beside"
        self.index.note(target)
        return place, "added"

    def load(self, path: Path) -> Reflection:
        try:
            text = self.storage.read(path)
        except CannotOpen:
            raise UserError(messages.journal.cannot_open(path)) from None
        except UnicodeDecodeError:
            raise UserError(messages.files.not_utf8(path)) from None
        except OSError as exc:
            raise UserError(messages.files.cannot_read(path, exc.strerror)) from None
        try:
            return markdown.parse(text, str(path))
        except markdown.FormatError as exc:
            raise UserError(str(exc)) from None

    def text_of(self, path: Path) -> str:
        """A reflection file's text, exactly as it is (`show --format markdown`)."""
        try:
            return self.storage.read(path)
        except CannotOpen:
            raise UserError(messages.journal.cannot_open(path)) from None
        except UnicodeDecodeError:
            raise UserError(messages.files.not_utf8(path)) from None
        except OSError as exc:
            raise UserError(messages.files.cannot_read(path, exc.strerror)) from None

    def read_summary(self, path: Path) -> Summary:
        """The summary of the reflection file at `path`, from its front matter alone; raises
        `markdown.FormatError`, `OSError` or `UnicodeDecodeError` for a file that is not one."""
        return summary_from(self.storage.read_head(path), path)

    def _lenient_head(self, path: Path) -> str:
        return self.storage.read_head(path, errors="replace")

    def files(self) -> Iterator[Path]:
        """Every reflection file, newest first (names start with the time), found lazily:
        year and month folders are visited newest first, so `latest` reads a single folder."""
        return self.storage.files()

    def summaries(self, warn: Warn | None = None) -> Iterator[Summary]:
        """Summaries of every reflection, newest written first (whatever the time zones);
        unreadable files are passed to `warn`."""
        return in_order_written(self._summaries(warn))

    def _summaries(self, warn: Warn | None) -> Iterator[Summary]:
        for path in self.files():
            head = None
            try:
                head = self.storage.read_head(path)
                yield summary_from(head, path)
            except (markdown.FormatError, OSError, UnicodeDecodeError) as exc:
                if warn and ours(path, head, self._lenient_head):  # not others' notes
                    warn(path, exc)

    def query(
        self, query: Query, warn: Warn | None = None, progress: Progress | None = None
    ) -> Page[Summary]:
        """The reflections that match, newest first, up to the query's limit. A filtered
        query asks the index; the newest few are read straight from the files."""
        if query.filtered:
            with contextlib.suppress(Unavailable):
                self.refresh(warn, progress)
                return self.ahead_named(self.index.select(query), warn)
        return self.ahead_named(query.select(self.summaries(warn)), warn)

    def refresh(self, warn: Warn | None, progress: Progress | None) -> None:
        """The index brought up to date; each file in the journal that cannot be read as a
        reflection passed to `warn`, as reading the files would."""
        self.index.refresh(progress)
        if warn is not None:
            for path, problem in self.index.damaged():
                warn(path, markdown.FormatError(problem))

    def delete(self, path: Path) -> Path:
        """Move the reflection at `path` into the trash (restorable); where it went."""
        target = self.storage.move_free(path, self.storage.in_trash(path))
        self.index.forget(path)
        return target

    def resolve(
        self, reference: str, warn: Warn | None = None, scanning: Callable[[], None] | None = None
    ) -> Path:
        """The file for an id, a unique start of an id, `latest` (the files newer than it
        that cannot be read are passed to `warn`), or the path of a file in the journal
        folder (one whose name is not an id, named when it cannot be read). An id is found by
        the id inside the files, through the index; `scanning` is called first when every
        file must be read instead."""
        if reference.endswith((".md", ".age")) and "/" in reference:  # a file, by its path
            given = Path(reference).expanduser().absolute()
            if given.is_file() and self.storage.journal.absolute() in given.parents:
                return given
        if reference == "latest":  # the last written, or else the last file (to say what is wrong)
            newest = self.newest(self.summaries(warn), warn)
            path = newest.path if newest else next(self.files(), None)
            if path is None:
                raise UserError(messages.journal.NONE_YET)
            return path
        if CONFLICT.search(reference):  # a sync conflict copy, listed by its file name
            found = [path for path in self.files() if path.stem == reference]
            if found:
                return found[0]
        if not re.fullmatch(r"[0-9a-z_-]+", reference) or not reference[:1].isdigit():
            raise UserError(messages.journal.not_an_id(reference))
        exact = self._named(reference)
        if exact is not None:
            return exact
        return single_match(reference, self.ids(reference, warn, scanning))

    def find(self, reflection_id: str) -> Path | None:
        """The file of the reflection with this very id, if there is one."""
        exact = self._named(reflection_id)
        if exact is not None:
            return exact
        found = [path for found, path in self.ids(reflection_id) if found == reflection_id]
        return found[0] if found else None

    def _named(self, reflection_id: str) -> Path | None:
        """The file named by the id, if it holds that id (or cannot be read at all: then
        reading it says what is wrong). The quick way, for a journal never locked."""
        if not ID_PATTERN.fullmatch(reflection_id):
            return None
        path = self.path_for(reflection_id)
        if not path.is_file():
            return None
        try:
            held = self.read_summary(path).id
        except (markdown.FormatError, OSError, UnicodeDecodeError):
            return path
        return path if held == reflection_id else None

    def ids(
        self, start: str, warn: Warn | None = None, scanning: Callable[[], None] | None = None
    ) -> list[tuple[str, Path]]:
        """(id, file) of every reflection whose id begins with `start` (see `finding`)."""
        from relational_cli.core.journal import finding

        return finding.ids(self, start, warn, scanning)

    def newest(self, found: Iterable[Summary], warn: Warn | None = None) -> Summary | None:
        """The latest of `found` (given newest first): the newest not dated in the future
        (each one passed over is passed to `warn`), so that one written on another device
        with a clock ahead never stands before one written here just now; if every one is
        dated in the future, the newest of them."""
        ahead = None
        for summary in found:
            if not self.in_the_future(summary.instant):
                return summary
            if warn:
                warn(summary.path, FutureDated(summary.id, summary.created))
            ahead = ahead or summary
        return ahead

    def reflections_of(self, exercise: str) -> Iterator[tuple[str, Path]]:
        """(id, file) of `exercise`'s reflections, newest first: found by name (nothing read;
        the name is the id), or, in a locked journal whose names say nothing, through the
        index."""
        if self.storage.locked:
            return ((row.id, row.path) for row in self.query(Query(exercise=exercise)).rows)
        pattern = re.compile(rf"\d{{8}}-\d{{6}}-{re.escape(exercise)}(-\d+)?")
        return ((path.stem, path) for path in self.files() if pattern.fullmatch(path.stem))

    def latest_of(self, exercise: str) -> Reflection | None:
        """The newest readable reflection of `exercise` not dated in the future (else the
        newest of those that are), or None."""
        ahead = None
        for _, path in self.reflections_of(exercise):
            try:
                reflection = self.load(path)
            except UserError:
                continue
            if reflection.exercise != exercise:
                continue
            if not self.in_the_future(instant(reflection.created)):
                return reflection
            ahead = ahead or reflection
        return ahead

    def in_the_future(self, moment: float) -> bool:
        """Whether `moment` (seconds since 1970) is ahead of the clock (see `summary.AHEAD`)."""
        return in_the_future(moment, self.clock().timestamp())

    def ahead_named(self, page: Page[Summary], warn: Warn | None) -> Page[Summary]:
        """`page`, each of its reflections dated in the future passed to `warn` (to be named)."""
        if warn is not None:
            for summary in page.rows:
                if self.in_the_future(summary.instant):
                    warn(summary.path, FutureDated(summary.id, summary.created))
        return page


def reference_of(path: Path) -> str:
    """What `relational edit` (or show) is given to open the file at `path`: its id, when its
    name is one; else its path."""
    return path.stem if ID_PATTERN.fullmatch(path.stem) else str(path)


def single_match(reference: str, named: Iterable[tuple[str, Path]], where: str = "") -> Path:
    """The one file whose id (of `named`, each an id and its file) starts with `reference`;
    else one line that says none does, or which several do. `where` names the place looked
    in, when it is not the journal (" in the trash")."""
    matches = [(name, path) for name, path in named if name.startswith(reference)]
    if len(matches) == 1:
        return matches[0][1]
    if matches:
        shown = ", ".join(name for name, _ in matches[:AMBIGUOUS_SHOWN])
        more = len(matches) - AMBIGUOUS_SHOWN
        shown += messages.general.AND_MORE.format(more) if more > 0 else ""
        raise UserError(messages.journal.ambiguous(reference, len(matches), where, shown))
    raise UserError(messages.journal.no_such_id(reference, where))
