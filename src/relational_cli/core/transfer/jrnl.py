"""Reading a jrnl journal (its plain-text file) as free-form journal reflections, the way
jrnl 4.6 itself reads it.

An entry starts where a line starts `[DATE] ` and DATE reads as a date: first in the
journal's `timeformat`, else as jrnl reads any date (a date of six characters or fewer never
is one: a footnote). The text up to the next entry is the entry's; a first line ending in
` *` is starred. The title is the first line when there are several, else the first
sentence; the rest is the body (empty for a title alone). Tags are words after one of the
journal's `tagsymbols` (`#` and `@`). The `timeformat`, `tagsymbols` and the journal's path
come from the person's jrnl config when there is one (`--config`, else jrnl's own place),
and can be given on the command line.

Each entry becomes a reflection of the built-in `journal` pack: the title as its title, the
body as its entry, word for word (headings in it stay as written). Its time is the time jrnl
shows, in the computer's zone; a time the clocks skipped that night (02:30 when they went
from 2:00 to 3:00) keeps the offset from before the change, as Python's fold rules read it.

Tags are read as jrnl reads them (a tag symbol at the start of a word, then letters, digits
and `-+*#/_`, lower-cased) and kept as tags Obsidian reads in front matter (`tag_name`):
`#x` as `x`; `@x` as `at/x` (another symbol, by its name), so the two stay apart; `+`, `*`
and `#` inside a tag by name (`#c++` as `c-plus-plus`); a tag of only digits, or one that
would read as relational's own (`journal`, `starred`), under `jrnl/` (`#2024` as
`jrnl/2024`); a tag of only symbols (`##` of a `## heading`) is no tag. The star is the tag
`starred`. An entry already in the journal (same time, same words) is not added
again, so importing a file twice adds nothing. Text before the first entry, which jrnl
leaves out, is named. A file with no date jrnl can read becomes one entry dated now, as jrnl
makes it, and that is said with what to pass. Bytes that are not UTF-8 are named by line,
and everything else still comes in.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from relational_cli import messages
from relational_cli.core.errors import UserError
from relational_cli.core.journal.fileformat import Reflection, Section
from relational_cli.core.journal.journal import Journal, new_id
from relational_cli.core.packs import known
from relational_cli.core.packs.names import TAG_PATTERN

EXERCISE = known.JOURNAL
TIME_FORMAT = "%F %r"
"""jrnl's own default `timeformat` (which Python cannot read: such dates are read as any date)."""
TAG_SYMBOLS = "#@"
WRITTEN_BY_JRNL = ("%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
"""Dates as jrnl writes them: read as any date would read them, only faster (a journal of
10,000 entries would spend seconds in the general reader)."""
ENTRY_HEAD = re.compile(r"(?:^|\n)\[([^\]]+)\] ")
SENTENCE_END = re.compile(
    r"([.!?\u2026\u203c\u203d\u2047\u2048\u2049\u22ef\ufe52\ufe57]['\u2019\"\u201d]?[\])]*\s+)"
    r"|[\uff01\uff0e\uff1f\uff61\u3002]"
)
LINE_END = re.compile("\n")
SYMBOL_NAMES = {"@": "at", "+": "plus", "%": "percent", "&": "and", "~": "tilde"}
NAMED_IN_TAGS = {"+": "plus", "*": "star", "#": "hash"}
"""What jrnl reads as part of a tag and Obsidian does not, written by name."""
OWN_TAGS = (EXERCISE, "starred")
"""Tags relational gives an imported entry itself: a jrnl tag of the same name goes under
`jrnl/`, so `#starred` in the text is not the star."""
HEADINGS = {
    known.JOURNAL_ENTRY: messages.transfer.JRNL_ENTRY,
    known.JOURNAL_TITLE: messages.transfer.JRNL_TITLE,
}
UNTITLED = messages.transfer.JRNL_UNTITLED


@dataclass(frozen=True)
class Settings:
    """How a jrnl journal writes its dates and tags (its config's `timeformat` and
    `tagsymbols`)."""

    time_format: str = TIME_FORMAT
    tag_symbols: str = TAG_SYMBOLS


@dataclass
class Entry:
    when: datetime
    line: int
    """Where it starts in the file (1 is the first line); 0 for a file with no date."""
    text: str
    """Everything after its `[DATE] `, up to the next entry."""


@dataclass
class Imported:
    added: int = 0
    already: int = 0
    problems: list[str] | None = None
    source: Path | None = None


def read_text(path: Path) -> tuple[str, list[str]]:
    """The file's text, and a problem for each line that was not UTF-8. CRLF stays as it is
    until an entry is split, as in jrnl (where a title starts depends on it)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(messages.general.cannot_read(path, exc)) from None
    lines: list[str] = []
    problems: list[str] = []
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("utf-8", errors="replace"))
            problems.append(messages.transfer.JRNL_NOT_UTF8.format(path, number))
    return "\n".join(lines), problems


def entries(text: str, settings: Settings, now: datetime) -> list[Entry]:
    """The entries in a jrnl journal's text, in the order written; one dated `now` holding
    all of it when no date in it can be read (as jrnl does)."""
    found: list[Entry] = []
    last = 0
    line, counted = 1, 0  # lines are counted as the heads are met, not from the start each time
    for match in ENTRY_HEAD.finditer(text):
        when = read_date(match.group(1), settings.time_format, now)
        if when is None:
            continue
        if found:
            found[-1].text = text[last : match.start()]
        last = match.end()
        line, counted = line + text.count("\n", counted, last), last
        found.append(Entry(when, line, ""))
    if not found:
        return [Entry(now.replace(tzinfo=None, microsecond=0), 0, text)] if text.strip() else []
    found[-1].text = text[last:]
    return found


def read_date(text: str, time_format: str, now: datetime) -> datetime | None:
    """An entry's date as jrnl reads it: in its `timeformat`, else as a date written any way
    (a missing year is this year's, or last year's if that would be weeks ahead; a missing
    time is midnight); None for text of six characters or fewer (a footnote), or no date."""
    for form in (time_format, *WRITTEN_BY_JRNL):
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    if len(text) <= 6:
        return None
    from dateutil import parser

    today = now.replace(tzinfo=None)
    try:
        read: datetime = parser.parse(text, default=datetime(today.year, 1, 1))
        year_given = read == parser.parse(text, default=datetime(today.year - 1, 1, 1))
    except (ValueError, OverflowError, TypeError):
        import parsedatetime

        calendar = parsedatetime.Calendar(version=parsedatetime.VERSION_CONTEXT_STYLE)
        read, context = calendar.parseDT(text, sourceTime=today)
        if not (context.hasDate or context.hasTime):
            return None
        year_given = False
    if not year_given and read - today > timedelta(days=28):  # weeks ahead: last year's
        with contextlib.suppress(ValueError):  # (29 February stays)
            return read.replace(year=read.year - 1)
    return read


def split(text: str) -> tuple[str, str, bool]:
    """An entry's title, its body, and whether it is starred, as jrnl splits them."""
    lines = text.splitlines()
    starred = bool(lines) and lines[0].strip().endswith("*")
    if starred:
        text = lines[0].strip("\n *") + "\n" + "\n".join(lines[1:])
    # jrnl looks for the line break in the text without its leading space, then cuts the
    # text with it as it is: kept, so titles split where jrnl splits them.
    end = LINE_END.search(text.lstrip()) or SENTENCE_END.search(text)
    if not end:
        return text.strip(), "", starred
    return text[: end.end()].strip(), text[end.end() :].strip(), starred


def tags_of(text: str, symbols: str) -> list[str]:
    """The tags of an entry as jrnl reads them, each as it is kept (`tag_name`)."""
    pattern = re.compile(rf"(?<!\S)([{re.escape(symbols)}][-+*#/\w]+)")
    named = (tag_name(tag.lower()) for tag in pattern.findall(text))
    return list(dict.fromkeys(name for name in named if name))


def tag_name(tag: str) -> str | None:
    """A jrnl tag (`#x`, `@x`, lower-cased as jrnl does) as an Obsidian tag in front matter,
    by the rule in the module's notes; None for a tag of only symbols (`##`)."""
    symbol, word = tag[0], tag[1:]
    if not re.search(r"[^\W_]", word):
        return None  # `##` of a Markdown heading, `#-`: no letter or digit to keep
    kept, named = "", False
    for piece in filter(None, re.split(r"([+*#])", word)):
        name = NAMED_IN_TAGS.get(piece)
        if (name or named) and kept and not kept.endswith(("-", "/")):
            kept += "" if piece.startswith(("-", "/")) else "-"  # c++ as c-plus-plus
        kept, named = kept + (name or piece), bool(name)
    kept = kept.strip("-/")
    if symbol != "#":
        kept = f"{SYMBOL_NAMES.get(symbol, 'tag')}/{kept}"
    elif not TAG_PATTERN.fullmatch(kept) or kept in OWN_TAGS:
        kept = f"jrnl/{kept}"  # only digits, or relational's own name
    return kept if TAG_PATTERN.fullmatch(kept) else None


def as_reflection(entry: Entry, settings: Settings) -> tuple[Reflection, dict[str, str]]:
    """The reflection an entry becomes, and its answers."""
    title, body, starred = split(entry.text)
    title, body = (part.replace("\r\n", "\n").strip() for part in (title, body))  # LF here
    tags = tags_of(entry.text, settings.tag_symbols)
    when = local_time(entry.when)
    reflection = Reflection(
        id=new_id(EXERCISE, when),
        exercise=EXERCISE,
        created=when.isoformat(timespec="seconds"),
        title=" ".join(title.split()) or UNTITLED,
        tags=(EXERCISE, *tags, *(["starred"] if starred else [])),
    )
    answers = {
        **({known.JOURNAL_ENTRY: body} if body else {}),
        **({known.JOURNAL_TITLE: title} if title else {}),
    }
    return reflection, answers


def local_time(naive: datetime) -> datetime:
    """A time as jrnl keeps it (the clock's, with no zone) in the computer's zone. A time the
    clocks skipped (02:30 on the night they went from 2:00 to 3:00) keeps its numbers, with the
    offset from before the change: Python's reading of it (fold 0), not an hour earlier."""
    local = naive.astimezone()
    if local.replace(tzinfo=None) != naive:  # skipped: the platform moved it
        before = (naive - timedelta(days=1)).astimezone().utcoffset() or timedelta(0)
        local = naive.replace(tzinfo=timezone(before))
    return local


def import_file(
    journal: Journal,
    path: Path,
    now: datetime,
    settings: Settings = Settings(),
    progress: Callable[[int, int], None] | None = None,
) -> Imported:
    """Import every entry of the jrnl file at `path` that is not in the journal yet."""
    text, problems = read_text(path)
    found = entries(text, settings, now)
    if found and found[0].line == 0:  # no date could be read: one entry, dated now
        problems.append(messages.transfer.jrnl_undated(path, settings.time_format))
    elif found and "\n".join(text.split("\n")[: found[0].line - 1]).strip():
        problems.append(messages.transfer.JRNL_TEXT_BEFORE.format(path))
    result = Imported(problems=problems, source=path)
    for done, entry in enumerate(found, 1):
        reflection, answers = as_reflection(entry, settings)  # (a date alone: no answers)
        reflection = reflection._replace(
            id=journal.new_id(EXERCISE, datetime.fromisoformat(reflection.created))
        )
        if _already_there(journal, reflection, answers):
            result.already += 1
        else:
            sections = [Section(key, HEADINGS[key], value) for key, value in answers.items()]
            journal.save(reflection, sections)
            result.added += 1
        if progress:
            progress(done, len(found))
    return result


def settings_and_journal(
    environ: Mapping[str, str],
    config: Path | None,
    time_format: str | None,
    tag_symbols: str | None,
) -> tuple[Settings, Path]:
    """How the person's jrnl journal writes dates and tags, and where it is: from `config`,
    else jrnl's own config when there is one, then the options given."""
    home = Path(environ.get("HOME") or Path.home())
    xdg_config = Path(environ.get("XDG_CONFIG_HOME") or home / ".config")
    xdg_data = Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    place = config or next(
        (p for p in (xdg_config / "jrnl" / "jrnl.yaml", home / ".jrnl_config") if p.is_file()),
        None,
    )
    data = _jrnl_config(place) if place is not None else {}
    journals = data.get("journals")
    default = journals.get("default") if isinstance(journals, dict) else None
    if isinstance(default, dict):
        data = {**data, **default}
        default = default.get("journal")
    journal_file = Path(str(default)).expanduser() if default else xdg_data / "jrnl" / "journal.txt"
    return (
        Settings(
            time_format or str(data.get("timeformat") or TIME_FORMAT),
            tag_symbols or str(data.get("tagsymbols") or TAG_SYMBOLS),
        ),
        journal_file,
    )


def _jrnl_config(place: Path) -> dict[str, object]:
    """jrnl's settings in its config file (none when the file holds no mapping)."""
    import yaml

    try:
        loaded = yaml.safe_load(place.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise UserError(messages.transfer.jrnl_config_unread(place, exc)) from None
    return loaded if isinstance(loaded, dict) else {}


def _already_there(journal: Journal, reflection: Reflection, answers: dict[str, str]) -> bool:
    """Whether a reflection made in the same second holds these same words (its name starts
    with the same time, whatever follows: an exercise, or a locked journal's random part)."""
    folder = journal.path_for(reflection.id).parent
    second = reflection.id[:15]
    for entry in journal.storage.reflection_files(str(folder)):
        if entry.name.startswith(second):
            try:
                if journal.load(Path(entry.path)).answer_map() == answers:
                    return True
            except UserError:
                continue
    return False
