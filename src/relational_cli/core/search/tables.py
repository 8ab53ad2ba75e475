"""The index's tables, and the SQL a query's filters become (see `index.py`)."""

from __future__ import annotations

import json

from relational_cli.core.journal.query import Query

SCHEMA = 9
"""Bumped when the tables (or the way words are folded) change; an index of another version
is rebuilt."""
TABLES = f"""
CREATE TABLE reflections (
    rowid INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL, exercise TEXT NOT NULL, created TEXT NOT NULL,
    instant REAL NOT NULL,
    title TEXT NOT NULL, tags TEXT NOT NULL, conflict INTEGER NOT NULL,
    pack_version INTEGER NOT NULL,
    mtime INTEGER NOT NULL, size INTEGER NOT NULL);
CREATE INDEX by_instant ON reflections (instant);
CREATE VIRTUAL TABLE words USING fts5(
    title, body, content='', tokenize='unicode61', detail=none);
CREATE TABLE folders (
    name TEXT PRIMARY KEY, mtime INTEGER NOT NULL, files TEXT NOT NULL, stats BLOB NOT NULL);
CREATE TABLE damaged (
    path TEXT PRIMARY KEY, problem TEXT NOT NULL,
    mtime INTEGER NOT NULL, size INTEGER NOT NULL);
CREATE TABLE checked (last INTEGER NOT NULL, stale INTEGER NOT NULL);
INSERT INTO checked VALUES (0, 0);
PRAGMA user_version = {SCHEMA};
"""
"""Each reflection's summary and where its file stood; its words (FTS5, contentless, no
places: which reflections hold a word, nothing more); the month folders as last seen (see
`FOLDERS`); files
that cannot be read as reflections, and why (no reason: not relational's, such as a note kept
beside them, passed over without a word); when every folder was last compared, and how
many old entries the word index holds."""

COLUMNS = "r.path, r.id, r.exercise, r.created, r.title, r.tags, r.conflict, r.pack_version"
SummaryRow = tuple[str, str, str, str, str, str, int, int]
"""A row of `COLUMNS` (the tags as JSON)."""
Arg = str | int
"""A value given to the index's SQL."""
COUNT = "SELECT count(*) FROM reflections"
FOLDERS = "SELECT name, mtime, files, stats FROM folders"
"""Each month folder ("YYYY/MM") as last seen: its modification time (-1 if it changed too
near that look to be trusted: it is compared file by file again), the names of its files
(joined by "/", which no name holds) and each one's modification time and size, packed
(`ahead.stats_of`)."""
AFRESH = """
    DELETE FROM reflections; DELETE FROM folders; DELETE FROM damaged;
    INSERT INTO words (words) VALUES ('delete-all');
    UPDATE checked SET last = 0, stale = 0;
"""
"""Forgets everything indexed, so the next look reads every file again."""


def where_of(query: Query) -> tuple[str, list[Arg]]:
    """The SQL condition and its arguments for a query's filters."""
    conditions: list[str] = []
    args: list[Arg] = []
    if query.exercise:
        conditions.append("r.exercise = ?")
        args.append(query.exercise)
    if query.since:
        conditions.append("substr(r.created, 1, 10) >= ?")
        args.append(query.since.isoformat())
    if query.until:
        conditions.append("substr(r.created, 1, 10) <= ?")
        args.append(query.until.isoformat())
    for tag in query.tags:
        conditions.append("instr(r.tags, ?) > 0")
        args.append(json.dumps(tag))
    if query.on_this_day:
        conditions.append("substr(r.created, 6, 5) = ? AND substr(r.created, 1, 4) < ?")
        args += [query.on_this_day.strftime("%m-%d"), f"{query.on_this_day.year:04d}"]
    return ("WHERE " + " AND ".join(conditions)) if conditions else "", args
