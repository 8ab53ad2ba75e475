"""Support lines, kept as data with the date they were last checked.

Wrong numbers in mental-health apps are a known harm, so every line here was checked by hand
(see `VERIFIED`, and ../shared/research/support-lines.md), and a line is listed only with what
was checked: its hours where two sources agree, "(hours not checked)" where they do not.
Two kinds: crisis lines, for someone struggling to stay safe, and lines for someone a partner,
an ex or a family member is hurting. Every list starts with what to call in danger now.

The person's region is what they said (`relational support --region`, kept in the config
folder; or RELATIONAL_REGION), else what their locale names (en_GB gives GB). A region is an
ISO 3166 code: a country (GB, CA) or a part of one (GB-SCT, CA-BC). Its own lines are listed,
then the worldwide directory; a region with no lines of a kind (or none known) gets what to
call in danger, the worldwide directory, and how to say where you are — never every region's
lines, which `relational support --all` lists.

A line's `how` may hold other numbers and addresses in braces (`text {0477 13 11 14}`): the
plain words drop the braces, and a document makes each one a link (`tel:`, `sms:`, `https:`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from relational_cli import messages
from relational_cli.messages import support as words

VERIFIED = "2026-12"
"""When these lines were last checked (year and month)."""
VERIFIED_WORDS = "December 2026"

CRISIS = "crisis"
HURT = "hurt"
KINDS = (CRISIS, HURT)
"""Crisis lines; and lines for when someone is hurting you (domestic and family abuse)."""

NOT_CHECKED = words.NOT_CHECKED


@dataclass(frozen=True)
class Line:
    kind: str
    region: str
    name: str
    contact: str
    how: str
    regions: tuple[str, ...] = ()
    """ISO 3166 codes this line serves: a country (GB) or a part of one (GB-SCT)."""
    web: str = ""
    hours: str = NOT_CHECKED
    """As checked: "24/7", "weekdays 9–17, not 24/7"; else "(hours not checked)"."""


@dataclass(frozen=True)
class Emergency:
    region: str
    number: str
    regions: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Listing:
    """The lines of these kinds for a region (`relational support`); every line with `every`."""

    kinds: tuple[str, ...]
    region: str | None
    every: bool = False


WORLDWIDE = "findahelpline.com"

LINES = (
    Line(CRISIS, "United States", "988 Suicide & Crisis Lifeline", "988", "call or text",
         ("US",), "988lifeline.org"),
    Line(CRISIS, "Canada", "9-8-8 Suicide Crisis Helpline", "988",
         "call or text; English and French", ("CA",), hours="24/7, free"),
    Line(CRISIS, "UK & Ireland", "Samaritans", "116 123", "call", ("GB", "IE")),
    Line(CRISIS, "Australia", "Lifeline", "13 11 14", "call, or text {0477 13 11 14}", ("AU",),
         hours="24/7"),
    Line(CRISIS, "New Zealand", "Need to talk?", "1737", "call or text", ("NZ",)),
    Line(CRISIS, "Germany", "TelefonSeelsorge", "0800 111 0 111",
         "call, or {0800 111 0 222}; chat and email; not on the itemised bill", ("DE",),
         hours="24/7, free"),
    Line(CRISIS, "France", "3114, suicide prevention", "3114", "call", ("FR",),
         hours="24/7, free"),
    Line(CRISIS, "Spain", "024, for thoughts of suicide", "024", "call", ("ES",),
         hours="24/7, free"),
    Line(CRISIS, "United States", "The Trevor Project, for LGBTQ+ young people under 25",
         "1-866-488-7386", "call", ("US",), hours="24/7"),
    Line(CRISIS, "United States", "Trans Lifeline, for trans people", "877-565-8860", "call",
         ("US",), hours=f"not 24/7 {NOT_CHECKED}"),
    Line(CRISIS, "Canada", "Trans Lifeline, for trans people", "877-330-6366", "call",
         ("CA",), hours=f"not 24/7 {NOT_CHECKED}"),
    Line(CRISIS, "Australia", "QLife, LGBTIQ+ peer support (it says it is not a crisis line)",
         "1800 184 527", "call or webchat", ("AU",),
         hours="3 pm to midnight local time, not 24/7, free"),
    Line(CRISIS, "Everywhere", "Find A Helpline", WORLDWIDE, "lines near you, worldwide",
         hours=""),
    Line(HURT, "United States", "National Domestic Violence Hotline", "1-800-799-7233",
         "call; text START to {88788}; TTY {1-800-787-3224}; chat at {thehotline.org}",
         ("US",), hours="24/7"),
    Line(HURT, "UK (England)", "National Domestic Abuse Helpline (England)", "0808 2000 247",
         "call, free; ask for a safe time to be called back at {nationaldahelpline.org.uk}",
         ("GB-ENG",), hours="24/7"),
    Line(HURT, "UK (Scotland)", "Domestic Abuse and Forced Marriage Helpline", "0800 027 1234",
         "call, email or webchat; interpreters", ("GB-SCT",), hours="24/7, free"),
    Line(HURT, "UK (Wales)", "Live Fear Free", "0808 80 10 800",
         "call, or text {07860 077333}; email or chat", ("GB-WLS",), hours="24/7, free"),
    Line(HURT, "UK (Northern Ireland)", "Domestic and Sexual Abuse Helpline", "0808 802 1414",
         "call, email or webchat; for all genders", ("GB-NIR",), hours="24/7, free"),
    Line(HURT, "UK", "Men's Advice Line (Respect), for men", "0808 801 0327", "call", ("GB",)),
    Line(HURT, "UK", "Galop, LGBT+ domestic abuse helpline", "0800 999 5428", "call or email",
         ("GB",)),
    Line(HURT, "Ireland", "Women's Aid National Freephone Helpline", "1800 341 900",
         "call, free", ("IE",), hours="24/7"),
    Line(HURT, "Ireland", "Men's Aid, for men", "01 554 3811", "call or email", ("IE",),
         hours="weekdays 9–17, not 24/7"),
    Line(HURT, "Australia", "1800RESPECT", "1800 737 732",
         "call, or chat at {1800respect.org.au}", ("AU",), hours="24/7"),
    Line(HURT, "Australia", "MensLine Australia, for men", "1300 78 99 78", "call or webchat",
         ("AU",)),
    Line(HURT, "New Zealand", "Women's Refuge crisisline", "0800 733 843",
         "call, or chat at {womensrefuge.org.nz}", ("NZ",), hours="24/7"),
    Line(HURT, "Canada (British Columbia, Yukon)", "VictimLinkBC", "1-800-563-0808",
         "call; more than 110 languages", ("CA-BC", "CA-YT"), hours="24/7, toll-free"),
    Line(HURT, "Canada (Québec)", "SOS violence conjugale", "1-800-363-9010",
         "call or email; English and French", ("CA-QC",), hours="24/7, free"),
    Line(HURT, "Canada (Ontario, in French)", "Fem'aide", "1-877-336-2433", "call",
         ("CA-ON",), hours="24/7"),
    Line(HURT, "Canada", "Find A Helpline (Canada has no single national line)", WORLDWIDE,
         "lines in your province or territory", ("CA",), hours=""),
    Line(HURT, "Germany", "Hilfetelefon Gewalt gegen Frauen", "116 016",
         "call, chat, email or sign language; 18 languages", ("DE",),
         hours="24/7, free, anonymous"),
    Line(HURT, "France", "3919 Violences Femmes Info", "3919", "call; free and anonymous",
         ("FR",), hours="24/7"),
    Line(HURT, "Spain", "016", "016",
         "call, WhatsApp {600 000 016}, web chat or email; 53 languages; not on the bill, but"
         " it stays in the phone's own call log", ("ES",), hours="24 hours, free"),
    Line(HURT, "Everywhere", "Find A Helpline", WORLDWIDE, "lines near you, worldwide",
         hours=""),
)  # fmt: skip

EU = (
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "GR", "HU", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "CH",
)  # fmt: skip
"""Where 112 is the emergency number (every EU country, and Switzerland), besides those with
a line of their own below."""

EMERGENCY = (
    Emergency("United States", "911", ("US",)),
    Emergency("Canada", "9-1-1", ("CA",),
              "where there is none, your local police emergency number"),
    Emergency("UK", "999", ("GB",), "if you cannot speak, press 55 when asked"),
    Emergency("Ireland", "112", ("IE",), "or 999"),
    Emergency("Germany", "110", ("DE",), "police; 112 for fire or an ambulance"),
    Emergency("Australia", "000", ("AU",)),
    Emergency("New Zealand", "111", ("NZ",)),
    Emergency("the EU", "112", EU),
)  # fmt: skip
"""Only the numbers checked."""

ANYWHERE = (
    ("across the EU and in many other countries", "112"),
    ("in North America", "911"),
    ("in the UK", "999"),
    ("in Australia", "000"),
)
"""What the line for an unknown region names."""

REGION = re.compile(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?")
ALIASES = {"UK": "GB"}
SETTINGS = "region.txt"
"""In the config folder: the region the person gave (`relational support --region`)."""

_LINKED = re.compile(r"\{([^{}]+)\}")


def region_code(text: str) -> str | None:
    """`text` as a region code (GB, gb-sct, uk), or None when it is not one."""
    code = text.strip().upper().replace("_", "-")
    code = ALIASES.get(code, code)
    return code if REGION.fullmatch(code) else None


def locale_region(environ: Mapping[str, str]) -> str | None:
    """The region the locale names (`en_GB.UTF-8` gives GB), or None."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale = environ.get(name, "")
        if locale:
            rest = locale.partition("_")[2]
            region = rest.split(".", 1)[0].split("@", 1)[0]
            return region.upper() if len(region) == 2 and region.isalpha() else None
    return None


def saved_region(config: Path | None) -> str | None:
    """The region kept in the config folder, or None (none kept, or unreadable)."""
    if config is None:
        return None
    try:
        return region_code((config / SETTINGS).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def keep_region(config: Path, code: str | None) -> Path:
    """Keep `code` as the person's region in the config folder (None forgets it); where."""
    from relational_cli.core import atomic
    from relational_cli.core.home import PRIVATE_DIR_MODE

    kept = config / SETTINGS
    if code is None:
        kept.unlink(missing_ok=True)
        return kept
    config.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    config.chmod(PRIVATE_DIR_MODE)
    atomic.replace(kept, code + "\n")
    return kept


def region_of(environ: Mapping[str, str], config: Path | None = None) -> str | None:
    """Where the person is: RELATIONAL_REGION, else the region they saved, else the locale's."""
    given = region_code(environ.get("RELATIONAL_REGION", ""))
    return given or saved_region(config) or locale_region(environ)


def serves(line_regions: tuple[str, ...], region: str | None) -> bool:
    """Whether a line for `line_regions` is one of `region`'s own: the same code, a country's
    line for a part of it, or a part's line for its whole country (GB lists Scotland's)."""
    if not region:
        return False
    for code in line_regions:
        if code == region or region.startswith(code + "-") or code.startswith(region + "-"):
            return True
    return False


def ordered(region: str | None, kind: str = CRISIS) -> list[Line]:
    """Every line of `kind`, the ones for `region` first (for `--all` and the plan's
    every-line list)."""
    lines = [line for line in LINES if line.kind == kind]
    mine = region_lines(region, kind)
    return mine + [line for line in lines if line not in mine]


def region_lines(region: str | None, kind: str = CRISIS) -> list[Line]:
    """The region's own lines of `kind`, then the worldwide directory."""
    lines = [line for line in LINES if line.kind == kind]
    mine = [line for line in lines if serves(line.regions, region)]
    listed = {line.contact for line in mine}
    return mine + [line for line in lines if not line.regions and line.contact not in listed]


def emergency(region: str | None) -> Emergency | None:
    """The region's emergency number, where it was checked."""
    country = (region or "").split("-", 1)[0]
    return next((found for found in EMERGENCY if country in found.regions), None)


def known(region: str | None) -> bool:
    """Whether relational has lines or an emergency number for `region`."""
    return emergency(region) is not None or any(serves(ln.regions, region) for ln in LINES)


def line_text(line: Line, links: bool = False, plain_mode: bool = False) -> str:
    """One line in words: `United States: 988 (call or text) · 988 Suicide & Crisis Lifeline`;
    with `links`, as Markdown, every number and web address a link (lines are our own checked
    data, never a person's words); in plain mode, with no symbol between its parts."""
    address = _md_link if links else _as_it_is
    between = messages.plain.LINE_PARTS if plain_mode else messages.screen.LINE_PARTS
    web = f"{between}{address(line.web)}" if line.web else ""
    hours = f"{between}{line.hours}" if line.hours else ""
    how = _linked(line.how) if links else plain(line.how)
    return f"{line.region}: {address(line.contact)} ({how}){between}{line.name}{web}{hours}"


def emergency_text(region: str | None, links: bool = False) -> str:
    """What to call in danger now, for `region`; for a region whose number was not checked,
    the numbers of the places most people are; with `links`, as Markdown links."""
    number = _md_link if links else _as_it_is
    found = emergency(region)
    if found is not None:
        note = f" ({found.note})" if found.note else ""
        return words.IN_DANGER.format(number(found.number), note)
    known_numbers = ", ".join(f"{number(n)} {where}" for where, n in ANYWHERE)
    return words.IN_DANGER_ANYWHERE.format(known_numbers)


NOBODY_SENT = words.NOBODY_SENT
WHERE_CALLING_IS_NOT_SAFE = words.WHERE_CALLING_IS_NOT_SAFE
HEADINGS = {CRISIS: words.REACH_OUT_NOW, HURT: words.HURTING_YOU}
MORE = {CRISIS: words.SHOWS_AGAIN, HURT: words.SHOWS_AGAIN_HURT}
SET_REGION = words.SET_REGION


def section(
    kind: str, region: str | None, lines: list[Line] | None = None, plain_mode: bool = False
) -> list[str]:
    """A kind of help in words, a line each ("" between parts): what it is for, what to call
    in danger now, the region's lines (else the worldwide directory, and how to say where you
    are), and, for someone being hurt, where calling is not safe and that nobody is sent."""
    found = region_lines(region, kind) if lines is None else lines
    out = [HEADINGS[kind], "", f"  {emergency_text(region)}"]
    out += [f"  {line_text(line, plain_mode=plain_mode)}" for line in found]
    if not known(region):
        out += ["", SET_REGION]
    if kind == HURT:
        out.append("")
        if any("text" in line.how or "chat" in line.how for line in found):
            out.append(WHERE_CALLING_IS_NOT_SAFE)
        out.append(NOBODY_SENT)
    return out


WATCHED = words.WATCHED


def nearest(region: str | None, kind: str, plain_mode: bool = False) -> list[str]:
    """What to call in danger, the region's own lines of `kind` (else the worldwide
    directory, and how to say where you are), and where to find the rest: said where a path
    asks about safety."""
    return [*section(kind, region, plain_mode=plain_mode), MORE[kind]]


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
