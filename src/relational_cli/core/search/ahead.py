"""The journal's files looked at ahead, by a second process, while this one starts.

A search first compares every reflection file with the index (`changes.py`: a `stat` each,
about 25 ms at 10,000 files), and most of what is left of its time is Python loading its
modules, on one processor. So `relational search` calls `start` first thing: where the
system can `fork`, a child process takes the same look `changes` would — each month
folder's time, its reflection files' names, and each one's time and size, as the index
records them (`changes.Seen`) — and sends it down a pipe, each folder as its time and one
`digest` of the rest; `taken` reads it when the index looks for changes (or `stop` ends it
unread, above the index's `EVERY_FILE`, where the index compares only some folders file by
file, sooner than the child would have looked at them all). A folder found as the index
last recorded it needs no second look; any other is compared file by file, as without a look
ahead. Nothing is trusted that the child did not see after the command began, so a hand edit
still shows at once.

The child reads names, times and sizes, never a file's words; it writes nothing but the pipe,
and ends with `os._exit`, so nothing of this process (its buffers, its exit handlers) runs
twice. Where there is no `fork` (Windows) or it fails, the index simply looks itself.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # (not typing's: it costs 3 ms, and the child is started before it)
if TYPE_CHECKING:
    from collections.abc import Mapping

Glance = tuple[int, int]
"""A month folder as the child saw it: its own time, and the `digest` of its files."""
AT_MOST = 20_000
"""The files the child looks at, at most (newest first): as many as the index compares at
every look (its `EVERY_FILE`); above that, it compares only some folders file by file, and
the child would only keep the command waiting."""
_started: tuple[int, int] | None = None
"""The child taking the look (its process id) and the end of the pipe its look comes from."""


def start(environ: Mapping[str, str]) -> None:
    """Fork a child that looks through the journal folder of this command's environment
    (once per process; called before any thread or system framework is started)."""
    global _started
    if _started is not None or not hasattr(os, "fork"):
        return
    try:
        reading, writing = os.pipe()
        child = os.fork()
    except OSError:
        return
    if child == 0:  # the child: look, send, and end, whatever happens
        try:
            os.close(reading)
            quiet = os.open(os.devnull, os.O_RDWR)  # no terminal or pipe of the command's
            for number in (0, 1, 2):  # is held open by it, nor can take anything of it
                os.dup2(quiet, number)
            _send(writing, environ)
        finally:
            os._exit(0)
    os.close(writing)
    _started = (child, reading)


def _send(writing: int, environ: Mapping[str, str]) -> None:
    import marshal

    journal = journal_folder(environ)
    found = (identity(journal), look(journal))
    with open(writing, "wb") as pipe:
        pipe.write(marshal.dumps(found))


def journal_folder(environ: Mapping[str, str]) -> str:
    """The journal folder `Home.from_environ` finds (without what it checks, or its imports:
    `taken` hands the look only to the index of the same folder, by `identity`)."""
    root = environ.get("RELATIONAL_HOME")
    if root:
        root = os.path.expanduser(root)
    else:
        import platformdirs

        root = platformdirs.user_data_dir("relational", appauthor=False)
    return os.path.join(root, "journal")  # (not normalised: `link/..` is where the link leads)


def identity(folder: str) -> tuple[int, int] | None:
    """Which folder `folder` is (its device and inode), whatever way its path goes: two paths
    to one folder are the same, and `a/link/../b` is not `a/b` (`normpath` would say it is:
    it drops `link/..` without asking where the link leads). None if it is not there."""
    try:
        found = os.stat(folder)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def look(journal: str) -> dict[str, Glance]:
    """Each month folder of `journal` ("YYYY/MM"), newest first, as `changes` would record it
    now, in a `Glance`: up to `AT_MOST` files."""
    from relational_cli.core.journal import walking

    seen: dict[str, Glance] = {}
    count = 0
    for name, where in walking.month_folders(journal):
        if count >= AT_MOST:
            break
        try:
            mtime = os.stat(where).st_mtime_ns  # before listing: a later change shows
            files = [file for file in os.listdir(where) if walking.is_reflection(file)]
        except OSError:
            continue  # looked at by the index itself
        stats = stats_of(where, "/".join(files))
        if stats is not None:
            seen[name] = (mtime, digest("/".join(files), stats))
            count += len(files)
    return seen


def stats_of(where: str, files: str) -> bytes | None:
    """The modification time and size (in nanoseconds and bytes) of each of `files` (names
    joined by "/") in the folder `where`, packed as the index records them (`changes.Seen`);
    None if one cannot be looked at."""
    from array import array

    try:
        folder = os.open(where, os.O_RDONLY)
    except OSError:
        return None
    try:
        names = files.split("/") if files else []
        stats = [os.stat(name, dir_fd=folder) for name in names]  # by the open folder
    except OSError:
        return None
    finally:
        os.close(folder)
    return array("q", [n for stat in stats for n in (stat.st_mtime_ns, stat.st_size)]).tobytes()


def digest(files: str, stats: bytes) -> int:
    """A month folder's files' names and their times and sizes (as `changes.Seen` holds them),
    in one number. Python's own hash: it differs from one run of Python to the next, and a
    forked child shares its parent's, so both reckon it alike (and no change in a file's time
    or size can be made to match it, unknown as it is)."""
    return hash((files, stats))


def taken(journal: str) -> dict[str, Glance] | None:
    """The child's look at `journal`, once it has ended; None if none was started (or it
    looked elsewhere, or failed)."""
    global _started
    if _started is None:
        return None
    import marshal

    child, reading = _started
    _started = None
    try:
        with open(reading, "rb") as pipe:
            sent = pipe.read()
        os.waitpid(child, 0)
        where, seen = marshal.loads(sent)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return seen if where is not None and where == identity(journal) else None


def stop() -> None:
    """End the child's look unfinished, unread: it is not needed."""
    global _started
    if _started is None:
        return
    import signal

    child, reading = _started
    _started = None
    os.close(reading)
    try:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    except OSError:
        pass  # ended already, and waited for
