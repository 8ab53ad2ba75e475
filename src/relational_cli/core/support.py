"""Support lines, kept as data with the date they were last checked.

Wrong numbers in mental-health apps are a known harm, so every line here was checked by hand
(see `VERIFIED`, and ../shared/research), and a line is listed only with what was checked.
Two kinds: crisis lines, for someone struggling to stay safe, and lines for someone a partner,
an ex or a family member is hurting. Emergency numbers are listed only where they were checked.
The person's region comes first when their locale names it; every line is always listed.

A line's `how` may hold other numbers and addresses in braces (`text {0477 13 11 14}`): the
plain words drop the braces, and a document makes each one a link (`tel:`, `sms:`, `https:`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

VERIFIED = "2026-11"
"""When these lines were last checked (year and month)."""
VERIFIED_WORDS = "November 2026"

CRISIS = "crisis"
HURT = "hurt"
KINDS = (CRISIS, HURT)
"""Crisis lines; and lines for when someone is hurting you (domestic and family abuse)."""


@dataclass(frozen=True)
class Line:
    kind: str
    region: str
    name: str
    contact: str
    how: str
    regions: tuple[str, ...] = ()
    """ISO 3166 region codes (as in a locale such as en_GB) this line serves."""
    web: str = ""
    hours: str = ""
    """Only where checked (24/7)."""


@dataclass(frozen=True)
class Emergency:
    region: str
    number: str
    regions: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Listing:
    """The lines of these kinds, the person's region first (`relational support`)."""

    kinds: tuple[str, ...]
    region: str | None


LINES = (
    Line(CRISIS, "United States", "988 Suicide & Crisis Lifeline", "988", "call or text",
         ("US",), "988lifeline.org"),
    Line(CRISIS, "Canada", "9-8-8 Suicide Crisis Helpline", "9-8-8", "call or text", ("CA",)),
    Line(CRISIS, "UK & Ireland", "Samaritans", "116 123", "call", ("GB", "IE")),
    Line(CRISIS, "Australia", "Lifeline", "13 11 14", "call, or text {0477 13 11 14}", ("AU",)),
    Line(CRISIS, "New Zealand", "Need to talk?", "1737", "call or text", ("NZ",)),
    Line(CRISIS, "Everywhere else", "Find A Helpline", "findahelpline.com",
         "lines near you, worldwide"),
    Line(HURT, "United States", "National Domestic Violence Hotline", "1-800-799-7233",
         "call; text START to {88788}; TTY {1-800-787-3224}; chat at {thehotline.org}",
         ("US",), hours="24/7"),
    Line(HURT, "UK (England)", "National Domestic Abuse Helpline (England)", "0808 2000 247",
         "call, free; ask for a safe time to be called back at {nationaldahelpline.org.uk}",
         ("GB",), hours="24/7"),
    Line(HURT, "Ireland", "Women's Aid National Freephone Helpline", "1800 341 900",
         "call, free", ("IE",), hours="24/7"),
    Line(HURT, "Australia", "1800RESPECT", "1800 737 732",
         "call, or chat at {1800respect.org.au}", ("AU",), hours="24/7"),
    Line(HURT, "New Zealand", "Women's Refuge crisisline", "0800 733 843",
         "call, or chat at {womensrefuge.org.nz}", ("NZ",), hours="24/7"),
    Line(HURT, "Canada", "Find A Helpline (no single national line was checked)",
         "findahelpline.com", "lines near you", ("CA",)),
    Line(HURT, "Everywhere else", "Find A Helpline", "findahelpline.com",
         "lines near you, worldwide"),
)  # fmt: skip

EMERGENCY = (
    Emergency("United States", "911", ("US",)),
    Emergency("UK", "999", ("GB",), "if you cannot speak, press 55 when asked"),
    Emergency("Australia", "000", ("AU",)),
    Emergency("New Zealand", "111", ("NZ",)),
)
"""Only the numbers checked (Ireland's and Canada's were not)."""

_LINKED = re.compile(r"\{([^{}]+)\}")


def region_of(environ: Mapping[str, str]) -> str | None:
    """The region the locale names (`en_GB.UTF-8` gives GB), or None."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale = environ.get(name, "")
        if locale:
            rest = locale.partition("_")[2]
            region = rest.split(".", 1)[0].split("@", 1)[0]
            return region.upper() if len(region) == 2 and region.isalpha() else None
    return None


def ordered(region: str | None, kind: str = CRISIS) -> list[Line]:
    """Every line of `kind`, the ones for `region` first; for a region no line serves
    (France, say), the worldwide directory first."""
    lines = [line for line in LINES if line.kind == kind]
    mine = [line for line in lines if region and region in line.regions]
    if region and not mine:
        mine = [line for line in lines if not line.regions]
    return mine + [line for line in lines if line not in mine]


def emergency(region: str | None) -> Emergency | None:
    """The region's emergency number, where it was checked."""
    return next((found for found in EMERGENCY if region in found.regions), None)


def line_text(line: Line, links: bool = False) -> str:
    """One line in words: `United States: 988 (call or text) · 988 Suicide & Crisis Lifeline`;
    with `links`, as Markdown, every number and web address a link (lines are our own checked
    data, never a person's words)."""
    address = _md_link if links else _as_it_is
    web = f" · {address(line.web)}" if line.web else ""
    hours = f" · {line.hours}" if line.hours else ""
    how = _linked(line.how) if links else plain(line.how)
    return f"{line.region}: {address(line.contact)} ({how}) · {line.name}{web}{hours}"


def emergency_text(region: str | None, links: bool = False) -> str:
    """Where a helpline cannot help: what to call in danger, for `region` (or all checked);
    with `links`, its numbers as Markdown links."""
    number = _md_link if links else _as_it_is
    found = emergency(region)
    if found is not None:
        note = f" ({found.note})" if found.note else ""
        return f"If you are in danger now, call {number(found.number)}{note}."
    known = " · ".join(f"{e.region} {number(e.number)}" for e in EMERGENCY)
    return f"If you are in danger now, call your local emergency number ({known})."


NOBODY_SENT = "A helpline does not send anyone to you."
WHERE_CALLING_IS_NOT_SAFE = "Where calling isn't safe, some of these lines take texts or chat."
HEADINGS = {
    CRISIS: "If you are struggling or not feeling safe, please reach out to a person now:",
    HURT: "If someone is hurting you — a partner, an ex, a family member, someone you live"
    " with — these lines are there for that:",
}
MORE = {
    CRISIS: "`relational support` lists every line.",
    HURT: "`relational support --hurt` lists every line for when someone is hurting you.",
}


def section(kind: str, region: str | None, lines: list[Line] | None = None) -> list[str]:
    """A kind of help in words, a line each ("" between parts): what it is for, its lines (the
    region's first), and, for someone being hurt, that nobody is sent and what to call in
    danger."""
    found = ordered(region, kind) if lines is None else lines
    out = [HEADINGS[kind], "", *[f"  {line_text(line)}" for line in found]]
    if kind == HURT:
        out.append("")
        if any("text" in line.how or "chat" in line.how for line in found):
            out.append(WHERE_CALLING_IS_NOT_SAFE)
        out.append(f"{NOBODY_SENT} {emergency_text(region)}")
    return out


def own(region: str | None, kind: str = CRISIS) -> list[Line]:
    """The region's own lines of `kind`, else the first `ordered` gives (for a region no line
    serves, the worldwide directory)."""
    first = ordered(region, kind)
    return [line for line in first if region and region in line.regions] or first[:1]


def nearest(region: str | None, kind: str) -> list[str]:
    """The region's own lines of `kind` (else the worldwide directory), where to find the rest,
    and for someone being hurt what to call in danger: said where a path asks about safety."""
    return [*section(kind, region, own(region, kind)), MORE[kind]]


def plain(text: str) -> str:
    """A line's words without the braces that mark its links."""
    return _LINKED.sub(r"\1", text)


def link(address: str, before: str = "") -> str:
    """The link an address in a line becomes: `https:` for a web address, `sms:` for a number
    to text (`before` is the text ahead of it in its clause), else `tel:`."""
    if "." in address and not address.replace(" ", "").replace("-", "").isdigit():
        return f"https://{address}"
    digits = re.sub(r"\D", "", address)
    clause = before.rsplit(";", 1)[-1]
    return f"{'sms' if 'text' in clause else 'tel'}:{digits}"


def _linked(text: str) -> str:
    """A line's words with the addresses its braces mark as Markdown links."""
    out, start = [], 0
    for match in _LINKED.finditer(text):
        out += [text[start : match.start()], _md_link(match.group(1), text[: match.start()])]
        start = match.end()
    return "".join([*out, text[start:]])


def _as_it_is(address: str) -> str:
    return address


def _md_link(address: str, before: str = "") -> str:
    return f"[{address}]({link(address, before)})"
