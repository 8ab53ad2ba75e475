"""Reading a jrnl journal (its plain-text file) as free-form journal reflections.

jrnl writes each entry as a line `[2024-01-05 09:30:00 AM] Title. Body…` (or `[2024-01-05
09:30] …` with another time format), the body on the lines after it; a title line ending in
` *` is starred, and `@words` (or `#words`) are tags. Each entry becomes a reflection of the
built-in `journal` pack: the title as its title, the text as its entry, the tags (without
their @) and a `starred` tag kept. An entry already in the journal (same time, same words)
is not added again, so importing a file twice adds nothing.

Odd lines never stop an import: a date that cannot be read, an entry with no title, or bytes
that are not UTF-8 each give one line naming the line number, and everything else comes in.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from relational_cli import messages
from relational_cli.core.errors import UserError
from relational_cli.core.journal.fileformat import Reflection, Section
from relational_cli.core.journal.journal import Journal, new_id
from relational_cli.core.packs import known

EXERCISE = known.JOURNAL
ENTRY_LINE = re.compile(r"\[([^\]\n]{6,40})\] ?(.*)")
FORMATS = (
    "%Y-%m-%d %I:%M:%S %p",  # jrnl's default, "%F %r"
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %I:%M %p",
    "%Y-%m-%d",
)
TAG = re.compile(r"(?<!\S)[@#]([-+*#/\w]+)")
SENTENCE_END = re.compile(r"[.!?\u2026]['\u2019\"\u201d]?[\])]*\s+")
HEADINGS = {
    known.JOURNAL_ENTRY: "What's on your mind?",
    known.JOURNAL_TITLE: "Would you like to give it a title?",
}
UNTITLED = "A free-form journal entry"


@dataclass
class Entry:
    when: datetime
    line: int
    """Where it starts in the file (1 is the first line)."""
    first: str
    """The rest of its date line: the title, and perhaps the start of the text."""
    more: list[str]


@dataclass
class Imported:
    added: int = 0
    already: int = 0
    problems: list[str] | None = None
    source: Path | None = None


def read_lines(path: Path) -> tuple[list[str], list[str]]:
    """The file's lines (CRLF or LF), and a problem for each line that was not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(messages.general.cannot_read(path, exc)) from None
    lines: list[str] = []
    problems: list[str] = []
    for number, raw in enumerate(data.replace(b"\r\n", b"\n").split(b"\n"), 1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("utf-8", errors="replace"))
            problems.append(f"{path}:{number}: not UTF-8; unreadable bytes shown as �")
    return lines, problems


def entries(lines: list[str], source: str, problems: list[str]) -> Iterator[Entry]:
    """The entries in jrnl's lines, in the order written."""
    current: Entry | None = None
    for number, line in enumerate(lines, 1):
        match = ENTRY_LINE.match(line)
        when = _date(match.group(1)) if match else None
        if match and when is None and re.match(r"\d{4}-", match.group(1)):
            problems.append(
                f"{source}:{number}: '[{match.group(1)}]' is not a date jrnl writes;"
                " kept as text of the entry before it"
            )
        if match and when is not None:
            if current:
                yield current
            current = Entry(when, number, match.group(2), [])
        elif current:
            current.more.append(line)
        elif line.strip():
            problems.append(f"{source}:{number}: text before the first entry; left out")
    if current:
        yield current


def as_reflection(
    entry: Entry, source: str, problems: list[str]
) -> tuple[Reflection, dict[str, str]]:
    """The reflection an entry becomes, and its answers."""
    first = entry.first.rstrip()
    starred = first.endswith("*")
    first = first.rstrip(" *") if starred else first
    title, rest = _split_title(first)
    body = "\n".join([rest, *entry.more] if rest else entry.more).strip("\n")
    if not title:
        problems.append(f"{source}:{entry.line}: an entry with no title; imported untitled")
    text = body or title
    tags = sorted({tag.lower() for tag in TAG.findall(f"{first}\n{body}")})
    when = entry.when.astimezone()  # jrnl keeps local times
    reflection = Reflection(
        id=new_id(EXERCISE, when),
        exercise=EXERCISE,
        created=when.isoformat(timespec="seconds"),
        title=" ".join(title.split()) or UNTITLED,
        tags=(EXERCISE, *tags, *(["starred"] if starred else [])),
    )
    answers = {known.JOURNAL_ENTRY: text, **({known.JOURNAL_TITLE: title} if title else {})}
    return reflection, answers


def import_file(
    journal: Journal, path: Path, progress: Callable[[int, int], None] | None = None
) -> Imported:
    """Import every entry of the jrnl file at `path` that is not in the journal yet."""
    lines, problems = read_lines(path)
    found = list(entries(lines, str(path), problems))
    result = Imported(problems=problems, source=path)
    for done, entry in enumerate(found, 1):
        reflection, answers = as_reflection(entry, str(path), problems)
        reflection = dataclasses.replace(
            reflection, id=journal.new_id(EXERCISE, datetime.fromisoformat(reflection.created))
        )
        if _already_there(journal, reflection, answers):
            result.already += 1
        else:
            sections = [Section(key, HEADINGS[key], value) for key, value in answers.items()]
            journal.save(reflection, sections)
            result.added += 1
        if progress:
            progress(done, len(found))
    problems.sort(key=_line_number)  # in the order of the file
    return result


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


def _line_number(problem: str) -> int:
    found = re.search(r":(\d+): ", problem)
    return int(found.group(1)) if found else 0


def _date(text: str) -> datetime | None:
    for form in FORMATS:
        try:
            return datetime.strptime(text.strip(), form)
        except ValueError:
            continue
    return None


def _split_title(text: str) -> tuple[str, str]:
    """jrnl's title: the first sentence of the date line; the rest starts the text."""
    end = SENTENCE_END.search(text)
    if not end:
        return text.strip(), ""
    return text[: end.end()].strip(), text[end.end() :].strip()
