"""The journal: one Markdown file per reflection under `journal/YYYY/MM/`, behind one door.

`Journal(home)` is the only way a reflection is written (saved, or replaced by an edit), so
anything derived from the files — the coming index — can follow every write. Reading is here
too: listing newest first, finding by id, prefix or `latest`, and queries.

A reflection's id is its file name without `.md`: `YYYYMMDD-HHMMSS-<exercise>`, in local time,
so names sort by time and say the exercise (`-2`, `-3`… when two land in the same second).
Saves are atomic and never overwrite (see `atomic`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from relational_cli.core import atomic
from relational_cli.core.errors import UserError
from relational_cli.core.home import Home
from relational_cli.core.journal import fileformat as markdown
from relational_cli.core.journal.fileformat import Reflection, Section
from relational_cli.core.journal.summary import CONFLICT, Summary, read_summary
from relational_cli.core.search.query import Page, Query

if TYPE_CHECKING:
    from relational_cli.core.search.index import Hit, Index, Progress

ID_PATTERN = re.compile(r"(\d{4})(\d{2})\d{2}-\d{6}-[a-z0-9_-]+")
AMBIGUOUS_SHOWN = 5
"""How many of the reflections an ambiguous id prefix matches are named."""

Warn = Callable[[Path, Exception], None]


def new_id(exercise: str, when: datetime) -> str:
    return f"{when:%Y%m%d-%H%M%S}-{exercise}"


class Journal:
    """The reflections of one home: the one door for writing them, and the ways to read them."""

    def __init__(self, home: Home) -> None:
        self.home = home
        self._index: Index | None = None

    @property
    def index(self) -> Index:
        """The journal's index (opened when first used)."""
        if self._index is None:
            from relational_cli.core.search.index import Index

            self._index = Index(self.home, self.home.journal)
        return self._index

    def path_for(self, reflection_id: str) -> Path:
        match = ID_PATTERN.fullmatch(reflection_id)
        if not match:
            raise UserError(f"'{reflection_id}' is not a reflection id (see `relational review`)")
        return self.home.journal / match.group(1) / match.group(2) / f"{reflection_id}.md"

    def save(self, reflection: Reflection, sections: list[Section]) -> tuple[Reflection, Path]:
        """Write a new reflection file; returns it as saved (its id may gain a suffix)."""
        return self._write_new(reflection, lambda saved: markdown.render(saved, sections))

    def _write_new(
        self, reflection: Reflection, text_for: Callable[[Reflection], str]
    ) -> tuple[Reflection, Path]:
        """Write `reflection` under its id, or the first free `-2`, `-3`… after it (two saves
        in one second, or a restored copy beside different words), never over a file."""
        folder = self.home.ensure(self.path_for(reflection.id).parent)
        for attempt in range(1, 1000):
            suffix = "" if attempt == 1 else f"-{attempt}"
            candidate = dataclasses.replace(reflection, id=reflection.id + suffix)
            target = folder / f"{candidate.id}.md"
            if not target.exists() and atomic.write_new(target, text_for(candidate)):
                self.index.note(target)
                return candidate, target
        raise UserError(f"{folder}: could not find a free file name")

    def replace(self, path: Path, text: str) -> Reflection:
        """Put `text` in place of the reflection at `path`, if it reads as that same reflection;
        else `markdown.FormatError` says why and the file is left as it was."""
        reflection = markdown.parse(text, path.name)
        if reflection.id != path.stem:
            raise markdown.FormatError(f"the id in the front matter must stay {path.stem}")
        atomic.replace(path, text)
        self.index.note(path)
        return reflection

    def restore(self, text: str, source: str) -> tuple[Reflection, Path, bool]:
        """Bring a reflection's text back into the journal (from the recovery folder, say),
        never over another file: under its own id, or the next free one when that id already
        holds other words. Returns it, where it is, and whether it was there word for word.
        Text that does not read as a reflection raises `markdown.FormatError`."""
        reflection = markdown.parse(text, source)
        path = self.path_for(reflection.id)
        if path.is_file() and path.read_bytes() == text.encode("utf-8"):
            return reflection, path, True
        saved, target = self._write_new(
            reflection,
            lambda renamed: re.sub(
                r"^id: [^\r\n]*", f"id: {renamed.id}", text, count=1, flags=re.M
            ),
        )
        return saved, target, False

    def place_of(self, path: Path) -> str:
        """Where a reflection file is within the journal folder: `2026/11/….md`."""
        return path.relative_to(self.home.journal).as_posix()

    def bring_in(self, place: str, text: str, copy: Path) -> tuple[str, str]:
        """Put a reflection from a backup at its place in the journal (`YYYY/MM/name.md`) by
        linking `copy` (a staged file holding `text`) there, never over another file. Returns
        where it is and "added", "same" (there word for word already) or "beside" (the place
        held other words: it was kept under the next free id, as `restore` does)."""
        target = self.home.ensure((self.home.journal / place).parent) / Path(place).name
        try:
            os.link(copy, target)
        except FileExistsError:
            if target.read_bytes() == text.encode("utf-8"):
                return place, "same"
            _, kept, same = self.restore(text, place)
            return self.place_of(kept), "same" if same else "beside"
        atomic.sync_folder(target.parent)
        self.index.note(target)
        return place, "added"

    def load(self, path: Path) -> Reflection:
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            raise UserError(f"{path}: not UTF-8 text") from None
        except OSError as exc:
            raise UserError(f"{path}: cannot read ({exc.strerror})") from None
        try:
            return markdown.parse(text, str(path))
        except markdown.FormatError as exc:
            raise UserError(str(exc)) from None

    def files(self) -> Iterator[Path]:
        """Every reflection file, newest first (names start with the time), found lazily:
        year and month folders are visited newest first, so `latest` reads a single folder."""
        for year in _subfolders(self.home.journal):
            for month in _subfolders(year):
                with os.scandir(month) as entries:
                    names = [e.name for e in entries if e.name.endswith(".md") and e.name[0] != "."]
                for name in sorted(names, key=_in_time_order, reverse=True):
                    yield month / name

    def summaries(self, warn: Warn | None = None) -> Iterator[Summary]:
        """Summaries of every reflection, newest first; unreadable files are passed to `warn`."""
        for path in self.files():
            try:
                yield read_summary(path)
            except (markdown.FormatError, OSError, UnicodeDecodeError) as exc:
                if warn:
                    warn(path, exc)

    def query(
        self, query: Query, warn: Warn | None = None, progress: Progress | None = None
    ) -> Page[Summary]:
        """The reflections that match, newest first, up to the query's limit. A filtered
        query asks the index; the newest few are read straight from the files."""
        from relational_cli.core.search.index import Unavailable

        if query.filtered:
            with contextlib.suppress(Unavailable):
                self.index.refresh(progress)
                return self.index.select(query)
        return query.select(self.summaries(warn))

    def search(
        self, text: str, query: Query, warn: Warn | None = None, progress: Progress | None = None
    ) -> Page[Hit]:
        """The reflections holding every word of `text` (and matching `query`), best first;
        newest first when there is no index to rank them."""
        from relational_cli.core.search.index import Unavailable

        try:
            self.index.refresh(progress)
            return self.index.search(text, query)
        except Unavailable:
            from relational_cli.core.search.scan import scan_search

            return scan_search(self, text, query, warn)

    def delete(self, path: Path) -> Path:
        """Move the reflection at `path` into the trash (restorable); where it went."""
        relative = path.relative_to(self.home.journal)
        target = atomic.move_aside(path, self.home.ensure((self.home.trash / relative).parent))
        self.index.forget(path)
        return target

    def resolve(self, reference: str) -> Path:
        """The file for an id, a unique start of an id, or `latest`."""
        if reference == "latest":
            newest = next(self.files(), None)
            if newest is None:
                raise UserError("no reflections yet — start one with `relational reflect`")
            return newest
        if CONFLICT.search(reference):  # a sync conflict copy, listed by its file name
            found = [path for path in self.files() if path.stem == reference]
            if found:
                return found[0]
        if not re.fullmatch(r"[0-9a-z_-]+", reference) or not reference[:1].isdigit():
            raise UserError(f"'{reference}' is not a reflection id (see `relational review`)")
        if ID_PATTERN.fullmatch(reference):
            exact = self.path_for(reference)
            if exact.is_file():
                return exact
        matches = [path for path in self.files() if path.stem.startswith(reference)]
        if len(matches) == 1:
            return matches[0]
        if matches:
            shown = ", ".join(path.stem for path in matches[:AMBIGUOUS_SHOWN])
            more = ", …" if len(matches) > AMBIGUOUS_SHOWN else ""
            raise UserError(
                f"'{reference}' matches {len(matches)} reflections: {shown}{more};"
                " type more of the id"
            )
        raise UserError(f"no reflection with id '{reference}' (see `relational review`)")

    def files_of(self, exercise: str) -> Iterator[Path]:
        """The files of `exercise`'s reflections, newest first, found by name (nothing read)."""
        pattern = re.compile(rf"\d{{8}}-\d{{6}}-{re.escape(exercise)}(-\d+)?")
        return (path for path in self.files() if pattern.fullmatch(path.stem))

    def latest_of(self, exercise: str) -> Reflection | None:
        """The newest readable reflection of `exercise`, or None."""
        for path in self.files_of(exercise):
            try:
                reflection = self.load(path)
            except UserError:
                continue
            if reflection.exercise == exercise:
                return reflection
        return None


def _in_time_order(name: str) -> tuple[str, int, str]:
    """Sort key: the time in the name, then the `-2`, `-3`… a save in the same second gets."""
    stem = name.removesuffix(".md")
    suffix = re.search(r"-(\d+)$", stem)
    same_second = int(suffix.group(1)) if suffix and suffix.start() > 16 else 1
    return stem[:15], same_second, stem


def _subfolders(folder: Path) -> list[Path]:
    """Numbered (year or month) subfolders, highest first."""
    try:
        with os.scandir(folder) as entries:
            names = [e.name for e in entries if e.name.isdigit() and e.is_dir()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [folder / name for name in sorted(names, reverse=True)]
