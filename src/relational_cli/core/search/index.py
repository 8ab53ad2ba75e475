"""A derived index of the journal (SQLite, full-text search with FTS5), so reading back stays
instant at tens of thousands of reflections. The Markdown files stay the only truth.

The index lives in the cache folder (`cache/index.sqlite3`, 0600) and is refreshed before
each use (`changes.py` finds what changed). Up to `EVERY_FILE` reflections, every file is
compared (size and modification time), so a reflection edited in place by any editor shows
at the next command. Above that, so that the cost does not grow with the journal: a month
folder whose modification time is unchanged has had no file added, removed or replaced (as
sync tools, git and most editors save), so only changed folders are compared, along with
this month's and last month's, where a file edited in place is most likely, and every folder
once a day (`FULL_CHECK`). `Journal` tells the index of every write at once. A file that
cannot be read as a reflection is kept in a list of its own (`damaged`), so that every
command can name it. Deleting it is always safe: it is rebuilt. One that is damaged, from a
newer relational, or cannot be opened is rebuilt too, and where none can be kept (a read-only
cache, or a SQLite without FTS5) `Unavailable` tells the caller to read the files instead.

The words are indexed without a copy of them and without their places (a contentless FTS5
table, `detail=none`): a search asks only which reflections hold every word, and lists them
newest first, as review does; the words around a match are read from those files. (Places
would let it rank matches, at twice the size; a locked index is decrypted whole for each
search, so its size is its speed.) They are indexed folded, as a search's words are
(`hits.fold`: ß as ss, the Turkish I as i), which FTS5's tokenizer cannot do itself. A
reflection changed or gone leaves its old entry in the word index, where it matches nothing
(row ids are never used twice); when such entries pile up, the words are indexed afresh. For a
locked journal the index is an age-encrypted image (`cache/index.age`), opened into memory
with `sqlite3.deserialize` and written back encrypted: never on disk in the clear.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relational_cli.core.journal import fileformat as markdown
from relational_cli.core.journal.indexing import Progress, Unavailable
from relational_cli.core.journal.query import Page, Query
from relational_cli.core.search.ahead import stop, taken
from relational_cli.core.search.changes import Look, look, settled
from relational_cli.core.search.hits import Hit, body_text, fold, snippet, words_of
from relational_cli.core.search.tables import (
    AFRESH,
    COLUMNS,
    COUNT,
    SCHEMA,
    TABLES,
    Arg,
    SummaryRow,
    where_of,
)

if TYPE_CHECKING:
    import sqlite3

    from relational_cli.core.journal.storage import Storage
    from relational_cli.core.journal.summary import Summary

FULL_CHECK = 24 * 3600 * 10**9
"""How often (in nanoseconds) the files of every folder are looked at above `EVERY_FILE`."""
EVERY_FILE = 20_000
"""Up to this many reflections, every file is looked at, at every look (a `stat` each: about
25 ms at 10,000 on a small virtual machine, which `relational search` has a child process
take while it starts: `ahead.py`), so a hand edit in place shows at the next command."""
BUSY_WAIT = 2.0
"""How long (in seconds) to wait for another command's write to the index before going on
without it."""
STALE = 2000
"""Old entries in the word index (of reflections changed or gone) that may pile up, or a
quarter of the reflections if more, before the words are indexed afresh."""


class Index:
    """The index of one home's journal (what the journal asks of it: `JournalIndex`)."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self.folder = storage.journal
        """The journal folder it indexes (the paths it keeps are relative to it)."""
        self.path = storage.locked_index if storage.locked else storage.index
        self._db: sqlite3.Connection | None = None
        self._not_text: list[Path] = []
        """Files whose names the index cannot keep, as the last look found them."""

    def connect(self) -> sqlite3.Connection:
        """The open index, made (or made again) as needed; `Unavailable` if none can be."""
        if self._db is not None:
            return self._db
        import sqlite3

        from relational_cli.core.journal import storage

        if self.storage.locked and not storage.can_deserialize():
            raise Unavailable("a locked index needs Python 3.11 or newer")  # read the files
        for attempt in range(2):
            try:
                self._db = self._open()
                return self._db
            except sqlite3.OperationalError as exc:
                self.close()
                if "locked" in str(exc):  # another command is writing it: read the files
                    break
                if attempt == 0:
                    self.storage.forget_index()
            except (sqlite3.Error, ValueError):
                self.close()
                if attempt == 0:  # damaged, or of another version: start again from the files
                    self.storage.forget_index()
            except OSError:
                break
        raise Unavailable(f"no index can be kept in {self.path.parent}")

    def _open(self) -> sqlite3.Connection:
        import sqlite3

        db = self.storage.connect_index(BUSY_WAIT)
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA):
            db.close()
            raise sqlite3.DatabaseError(f"an index of version {version}")
        if version == 0:
            db.executescript(TABLES)
        # Damaged pages show here (the table of reflections is read whole, but it is small;
        # counting the words would read every word: a tenth of a second at 100,000).
        db.execute("SELECT count(*) FROM reflections").fetchone()
        db.execute("SELECT rowid FROM words LIMIT 1").fetchone()
        return db

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(Exception):
                self._db.close()
            self._db = None

    def refresh(self, progress: Progress | None = None) -> None:
        """Bring the index up to date with the journal folder: read the new and changed
        reflection files, forget the ones gone (`changes.look` finds them)."""
        import time

        db = self.connect()
        now = time.time_ns()
        if self._worn(db):  # the words are indexed afresh: every file is read again
            with db:
                db.executescript(AFRESH)
        full = db.execute("SELECT last FROM checked").fetchone()[0] + FULL_CHECK <= now
        every = full or db.execute(COUNT).fetchone()[0] <= EVERY_FILE
        glances = taken(str(self.folder)) if every else None
        if glances is None:  # only some folders compared file by file: quicker than the child
            stop(wait=False)
        found = look(db, self.storage, now, every, glances.get if glances else _unseen)
        stop(wait=False)  # what the child has not sent, the index has looked at itself
        self._not_text = sorted(found.not_text, reverse=True)  # newest first, as the rest
        if found or full:  # else nothing changed since the last look: nothing to write
            self._bring_in(db, found, now, full, progress)

    def _bring_in(
        self,
        db: sqlite3.Connection,
        found: Look,
        now: int,
        full: bool,
        progress: Progress | None,
    ) -> None:
        """Write what a look found into the index (and, for a locked journal, keep it)."""
        import sqlite3

        try:
            with db:
                _drop(db, found.gone)
                for done, (path, stat) in enumerate(found.changed, 1):
                    self._put(db, path, stat, now)
                    if progress and (done % 100 == 0 or done == len(found.changed)):
                        progress(done, len(found.changed))
                db.executemany("DELETE FROM folders WHERE name = ?", [(n,) for n in found.vanished])
                db.executemany("INSERT OR REPLACE INTO folders VALUES (?, ?, ?, ?)", found.folders)
                if full:
                    db.execute("UPDATE checked SET last = ?", (now,))
            self.storage.keep_index(db)
        except sqlite3.Error as exc:
            raise Unavailable(str(exc)) from None

    @staticmethod
    def _worn(db: sqlite3.Connection) -> bool:
        """Whether old entries (of reflections changed or gone) have piled up in the word
        index: more than `STALE`, or a quarter of the reflections if that is more."""
        stale = db.execute("SELECT stale FROM checked").fetchone()[0]
        return bool(stale > STALE and stale * 4 > db.execute(COUNT).fetchone()[0])

    def damaged(self) -> list[tuple[Path, str]]:
        """The files in the journal folder that cannot be read as reflections, and why (as
        found at the last refresh)."""
        from relational_cli.messages.journal import NAME_NOT_TEXT

        rows = self.connect().execute(
            "SELECT path, problem FROM damaged WHERE problem != '' ORDER BY path DESC"
        )
        found = [(self.folder / path, problem) for path, problem in rows]
        return found + [(path, NAME_NOT_TEXT) for path in self._not_text]

    def note(self, path: Path) -> None:
        """A reflection was written at `path`: index it now (if there is an index yet, and
        the journal is plain; see `_ready`)."""
        import sqlite3
        import time

        if not self._ready():
            return  # the first command that reads builds it
        with contextlib.suppress(sqlite3.Error, OSError, ValueError, Unavailable):
            db = self.connect()
            with db:
                self._put(db, path, path.stat(), time.time_ns())
                # Its folder is known from now on, and compared file by file at the next
                # refresh (which records what it holds), so that it is forgotten if it goes.
                folder = str(path.parent.relative_to(self.folder))
                db.execute("INSERT OR REPLACE INTO folders VALUES (?, -1, '', x'')", (folder,))
            self.storage.keep_index(db)

    def _ready(self) -> bool:
        """Whether there is an index to keep up to date now. A locked one is left to the next
        command that reads (its folder's time shows the change): it is one encrypted image,
        and rewriting it whole would make each save wait, or ask for the passphrase."""
        return not self.storage.locked and self.path.exists()

    def forget(self, path: Path) -> None:
        """The reflection at `path` is gone (moved to the trash)."""
        import sqlite3

        if not self._ready():
            return
        with contextlib.suppress(sqlite3.Error, OSError, ValueError, Unavailable):
            db = self.connect()
            with db:
                _drop(db, [str(path.relative_to(self.folder))])
            self.storage.keep_index(db)

    def _put(self, db: sqlite3.Connection, path: Path, stat: os.stat_result, now: int) -> None:
        """Index the file at `path`, read now, as it stood (`stat`): a file changed this near
        `now` is recorded with no time (-1), so it is read again at the next refresh."""
        from relational_cli.core.journal.summary import ours, summary_of

        name = str(path.relative_to(self.folder))
        mtime = stat.st_mtime_ns if settled(stat.st_mtime_ns, now) else -1
        _drop(db, [name])
        text = None
        try:
            text = self.storage.read(path)
            reflection = markdown.parse(text, str(path))
        except (markdown.FormatError, UnicodeDecodeError, OSError) as exc:
            # Kept either way, so it is not read again until it changes; one that is not
            # relational's (a note beside the reflections) with no problem, never named.
            mine = ours(path, text, lambda p: self.storage.read_head(p, "replace"))
            problem = str(exc).removeprefix(f"{path}: ") if mine else ""
            db.execute(
                "INSERT INTO damaged VALUES (?, ?, ?, ?)",
                (name, problem, mtime, stat.st_size),
            )
            return  # not a reflection: each command that reads names it
        summary = summary_of(path, reflection._asdict())
        cursor = db.execute(
            "INSERT INTO reflections (path, id, exercise, created, instant, title, tags,"
            " conflict, pack_version, mtime, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                name,
                summary.id,
                summary.exercise,
                summary.created,
                summary.instant,
                summary.title,
                json.dumps(summary.tags),
                summary.conflict,
                summary.pack_version,
                mtime,
                stat.st_size,
            ),
        )
        db.execute(
            "INSERT INTO words (rowid, title, body) VALUES (?, ?, ?)",
            (cursor.lastrowid, fold(reflection.title), fold(body_text(reflection))),
        )

    def ids(self, start: str) -> list[tuple[str, Path]]:
        """(id, file) of the reflections whose id begins with `start`, newest first."""
        rows = self._rows(
            "SELECT id, path FROM reflections r WHERE substr(id, 1, ?) = ?",
            [len(start), start],
            None,
        )
        return [(id, self.folder / path) for id, path in rows]

    def select(self, query: Query) -> Page[Summary]:
        """The reflections that match `query`, newest first."""
        where, args = where_of(query)
        rows = self._rows(f"SELECT {COLUMNS} FROM reflections r {where}", args, query.limit)
        return self._page([self._summary(row) for row in rows], query)

    def search(self, text: str, query: Query) -> Page[Hit]:
        """The reflections that hold every word of `text` and match `query`, newest first."""
        words = words_of(fold(text))  # folded as the words indexed were
        if not words:
            return Page([], filtered=True)
        match = " ".join('"' + word.replace('"', '""') + '"' for word in words)
        where, args = where_of(query)
        condition = "words MATCH ?" + (" AND " + where.removeprefix("WHERE ") if where else "")
        sql = (
            f"SELECT {COLUMNS} FROM words JOIN reflections r ON r.rowid = words.rowid"
            f" WHERE {condition}"
        )
        rows = self._rows(sql, [match, *args], query.limit)
        page = self._page([self._summary(row) for row in rows], query)
        hits = [Hit(summary, self._words_around(summary, words)) for summary in page.rows]
        return Page(hits, more=page.more, filtered=True)

    def _words_around(self, summary: Summary, words: list[str]) -> str:
        """The words around the match, read from the reflection itself (the index keeps no
        copy of them)."""
        try:
            body = body_text(markdown.parse(self.storage.read(summary.path), str(summary.path)))
        except (markdown.FormatError, UnicodeDecodeError, OSError):
            body = ""
        return snippet(body or summary.title, words)

    def _rows(self, sql: str, args: list[Arg], limit: int | None) -> list[Any]:
        """The rows `sql` finds (sqlite3's, untyped: the caller names their shape), newest
        first, one more than `limit` (to tell whether it left some out)."""
        import sqlite3

        sql += " ORDER BY r.instant DESC, r.id DESC"  # the moment, wherever it was written
        if limit is not None:
            sql += f" LIMIT {int(limit) + 1}"
        try:
            return self.connect().execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise Unavailable(str(exc)) from None

    @staticmethod
    def _page(rows: list[Summary], query: Query) -> Page[Summary]:
        more = query.limit is not None and len(rows) > query.limit
        return Page(rows[: query.limit] if more else rows, more=more, filtered=True)

    def _summary(self, row: SummaryRow) -> Summary:
        from relational_cli.core.journal.summary import Summary

        path, id, exercise, created, title, tags, conflict, pack_version = row[:8]
        return Summary(
            id=id,
            exercise=exercise,
            created=created,
            title=title,
            tags=tuple(json.loads(tags)),
            path=self.folder / path,
            conflict=bool(conflict),
            pack_version=pack_version,
        )


def _drop(db: sqlite3.Connection, names: list[str]) -> None:
    """Forget the reflections at these paths (within the journal folder). Their entries stay
    in the word index, where they match no reflection, and are counted as old."""
    cursor = db.executemany("DELETE FROM reflections WHERE path = ?", [(name,) for name in names])
    if cursor.rowcount > 0:
        db.execute("UPDATE checked SET stale = stale + ?", (cursor.rowcount,))
    db.executemany("DELETE FROM damaged WHERE path = ?", [(name,) for name in names])


def _unseen(name: str) -> None:
    """No month folder seen by a look ahead (none was taken)."""
    return None
