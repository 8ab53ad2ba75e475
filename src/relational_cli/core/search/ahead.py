"""The journal's files looked at ahead, by a second process, while this one starts.

A search first compares every reflection file with the index (`changes.py`: a `stat` each,
about 25 ms at 10,000 files), and most of what is left of its time is Python loading its
modules, on one processor. So `relational search` calls `start` first thing: where the
system can `fork`, a child process takes the same look `changes` would — each month
folder's time, its reflection files' names, and each one's time and size, as the index
records them (`changes.Seen`) — newest month first, and sends each folder down a pipe as soon
as it has seen it: its time and one `digest` of the rest. When the index looks for changes it
takes what has come so far (`taken`, without waiting) and compares the folders itself from the
oldest month up, each time first reading what more has come: the two meet in the middle, and
neither waits for the other. (Above the index's `EVERY_FILE` the index compares only some
folders file by file, sooner than the child would have looked at them all: `stop` ends it
unread.) A folder the child found as the index last recorded it needs no second look; any
other is compared file by file, as without a look ahead. Nothing is trusted that the child did
not see after the command began, so a hand edit still shows at once.

The child reads names, times and sizes, never a file's words; it writes nothing but the pipe,
and ends with `os._exit`, so nothing of this process (its buffers, its exit handlers) runs
twice. Where there is no `fork` (Windows) or it fails, the index simply looks itself.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # (not typing's: it costs 3 ms, and the child is started before it)
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

Glance = tuple[int, int]
"""A month folder as the child saw it: its own time, and the `digest` of its files."""
AT_MOST = 20_000
"""The files the child looks at, at most (newest first): as many as the index compares at
every look (its `EVERY_FILE`); above that, it compares only some folders file by file, and
the child would only keep the command waiting."""
_started: tuple[int, int] | None = None
"""The child taking the look (its process id) and the end of the pipe its look comes from."""
_glances: Glances | None = None
"""What has come of the look, once the index has taken it."""
_unwaited: list[int] = []
"""Children ended and not yet waited for (`stop`)."""


def start(environ: Mapping[str, str]) -> None:
    """Fork a child that looks through the journal folder of this command's environment
    (once per process; called before any thread or system framework is started)."""
    global _started
    if _started is not None or not hasattr(os, "fork"):
        return
    import signal

    # Where SIGCHLD is ignored (a setting a command inherits), a child is reaped unseen, and
    # `stop` could then end another process given its id: it is waited for as usual instead.
    if signal.getsignal(signal.SIGCHLD) == signal.SIG_IGN:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    try:
        reading, writing = os.pipe()
    except OSError:
        return
    try:
        child = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
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
    """The journal folder's identity (device and inode, or "-"), then each month folder as
    it is seen: one line each, "YYYY/MM time digest"."""
    journal = journal_folder(environ)
    where = identity(journal)
    os.write(writing, (f"{where[0]} {where[1]}\n" if where else "-\n").encode())
    for name, (mtime, digest) in looking(journal):
        os.write(writing, f"{name} {mtime} {digest}\n".encode())  # (a few bytes: never waits)


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
    return dict(looking(journal))


def looking(journal: str) -> Iterator[tuple[str, Glance]]:
    """`look`, a folder at a time."""
    from relational_cli.core.journal import walking

    count = 0
    for name, where in walking.month_folders(journal):
        if count >= AT_MOST:
            break
        try:
            mtime = os.stat(where).st_mtime_ns  # before listing: a later change shows
            files = walking.reflection_names(where)
        except OSError:
            continue  # looked at by the index itself
        stats = stats_of(where, "/".join(files))
        if stats is not None:
            yield name, (mtime, digest("/".join(files), stats))
            count += len(files)


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


class Glances:
    """The child's look at the journal folder as it comes, a month folder at a time."""

    def __init__(self, reading: int, journal: str) -> None:
        self.folder = journal
        self.reading: int | None = reading
        """The end of the pipe the look comes from; None once it has all come."""
        where = identity(journal)
        self.expected = f"{where[0]} {where[1]}".encode() if where else None
        """The first line the child sends, if it looked at `journal`."""
        self.looked: bool | None = None
        """Whether the child looked at this journal folder (None: not known yet)."""
        self.seen: dict[str, Glance] = {}
        self.left = b""
        """The start of a line whose end has not come yet."""
        os.set_blocking(reading, False)

    def get(self, name: str) -> Glance | None:
        """The month folder `name` as the child saw it, if it has come (what more has come
        is read first, without waiting); None if not, or if it looked at another folder."""
        if name not in self.seen and self.reading is not None:
            self._read()
        return self.seen.get(name) if self.looked else None

    def _read(self) -> None:
        assert self.reading is not None
        try:
            while sent := os.read(self.reading, 65536):
                self._lines(sent)
        except BlockingIOError:
            return  # nothing more yet
        except OSError:
            pass  # (as if it had all come: the rest is looked at by the index)
        os.close(self.reading)
        self.reading = None

    def _lines(self, sent: bytes) -> None:
        *lines, self.left = (self.left + sent).split(b"\n")
        for line in lines:
            if self.looked is None:
                self.looked = self.expected is not None and line == self.expected
                continue
            words = line.split()
            if len(words) == 3:
                self.seen[words[0].decode()] = (int(words[1]), int(words[2]))


def taken(journal: str) -> Glances | None:
    """The child's look at `journal`, as far as it has come and as it comes on (it is not
    waited for: the index compares the folders not seen yet itself, `Glances.get`); None
    if none was started (or it is taken for another folder). Ended by `stop`."""
    global _glances
    if _started is None:
        return None
    if _glances is None:
        _glances = Glances(_started[1], journal)
    return _glances if _glances.folder == journal else None


def stop(wait: bool = True) -> None:
    """End the child's look (finished or not: what it has not sent is not needed). Without
    `wait`, the child is killed but waited for only at the next `stop` (`entry.end`'s): its
    ending takes a millisecond or two, which the search need not spend."""
    global _started, _glances
    if _started is not None:
        import signal

        child, reading = _started
        if _glances is None or _glances.reading is not None:
            os.close(reading)
        if _glances is not None:
            _glances.reading = None
        _started = _glances = None
        try:
            os.kill(child, signal.SIGKILL)
            _unwaited.append(child)
        except OSError:
            pass  # ended already, and waited for
    while wait and _unwaited:
        import contextlib

        with contextlib.suppress(ChildProcessError):  # (waited for already)
            os.waitpid(_unwaited.pop(), 0)
