"""Support and crisis lines, kept as data with the date they were last checked.

Wrong numbers in mental-health apps are a known harm, so every line here was checked by hand
(see `VERIFIED`), and a line is listed only with what was checked. The person's region comes
first when their locale names it; every line is always listed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

VERIFIED = "2026-11"
"""When these lines were last checked (year and month)."""
VERIFIED_WORDS = "November 2026"


@dataclass(frozen=True)
class Line:
    region: str
    name: str
    contact: str
    how: str
    regions: tuple[str, ...] = ()
    """ISO 3166 region codes (as in a locale such as en_GB) this line serves."""
    web: str = ""


LINES = (
    Line("United States", "988 Suicide & Crisis Lifeline", "988", "call or text", ("US",),
         "988lifeline.org"),
    Line("Canada", "9-8-8 Suicide Crisis Helpline", "9-8-8", "call or text", ("CA",)),
    Line("UK & Ireland", "Samaritans", "116 123", "call", ("GB", "IE")),
    Line("Australia", "Lifeline", "13 11 14", "call", ("AU",)),
    Line("New Zealand", "Need to talk?", "1737", "call or text", ("NZ",)),
    Line("Everywhere else", "Find A Helpline", "findahelpline.com", "lines near you, worldwide"),
)  # fmt: skip


def region_of(environ: Mapping[str, str]) -> str | None:
    """The region the locale names (`en_GB.UTF-8` gives GB), or None."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale = environ.get(name, "")
        if locale:
            rest = locale.partition("_")[2]
            region = rest.split(".", 1)[0].split("@", 1)[0]
            return region.upper() if len(region) == 2 and region.isalpha() else None
    return None


def ordered(region: str | None) -> list[Line]:
    """Every line, the ones for `region` first; for a region no line serves (France, say),
    the worldwide directory first."""
    mine = [line for line in LINES if region and region in line.regions]
    if region and not mine:
        mine = [line for line in LINES if not line.regions]
    return mine + [line for line in LINES if line not in mine]


def line_text(line: Line) -> str:
    """One line in words: `United States: 988 (call or text) · 988 Suicide & Crisis Lifeline`."""
    web = f" · {line.web}" if line.web else ""
    return f"{line.region}: {line.contact} ({line.how}) · {line.name}{web}"
