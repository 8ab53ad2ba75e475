"""`relational support` wherever the person lives: what to call in danger now first, in crisis
and hurt alike; then the lines of their region (said once with --region, or RELATIONAL_REGION,
else the locale's), each number exactly as checked in ../shared/research/support-lines.md;
for a region not known, one line about emergency numbers, the worldwide directory and how to
say where you are — never every region's lines."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import run_cli as run

from relational_cli.core import support

NO_REGION_LINE = (
    "If you are in danger now, call your local emergency number: 112 across the EU and in many"
    " other countries, 911 in North America, 999 in the UK, 000 in Australia."
)

EXPECTED = {
    # locale, region given: (emergency words, crisis contacts, hurt contacts)
    ("C.UTF-8", ""): (NO_REGION_LINE, ["findahelpline.com"], ["findahelpline.com"]),
    ("en_US.UTF-8", ""): (
        "call 911",
        ["988", "1-866-488-7386", "877-565-8860", "findahelpline.com"],
        ["1-800-799-7233", "findahelpline.com"],
    ),
    ("en_GB.UTF-8", "GB-SCT"): (
        "call 999 (if you cannot speak, press 55 when asked)",
        ["116 123", "findahelpline.com"],
        ["0800 027 1234", "0808 801 0327", "0800 999 5428", "findahelpline.com"],
    ),
    ("en_CA.UTF-8", ""): (
        "call 9-1-1 (where there is none, your local police emergency number)",
        ["988", "877-330-6366", "findahelpline.com"],
        ["1-800-563-0808", "1-800-363-9010", "1-877-336-2433", "findahelpline.com"],
    ),
    ("de_DE.UTF-8", ""): (
        "call 110 (police; 112 for fire or an ambulance)",
        ["0800 111 0 111", "findahelpline.com"],
        ["116 016", "findahelpline.com"],
    ),
    ("fr_FR.UTF-8", ""): (
        "call 112.",
        ["3114", "findahelpline.com"],
        ["3919", "findahelpline.com"],
    ),
    ("es_ES.UTF-8", ""): ("call 112.", ["024", "findahelpline.com"], ["016", "findahelpline.com"]),
    ("en_IE.UTF-8", ""): (
        "call 112 (or 999)",
        ["116 123", "findahelpline.com"],
        ["1800 341 900", "01 554 3811", "findahelpline.com"],
    ),
}


def listed(out: str) -> list[list[str]]:
    """Each section's listed lines (indented), in order."""
    sections: list[list[str]] = []
    for line in out.splitlines():
        if line.startswith("If ") and line.endswith(":") and not line.startswith("If someone c"):
            sections.append([])
        elif line.startswith("  ") and sections and not line.startswith("  - "):
            sections[-1].append(line.strip())
    return sections


def contact(line: str) -> str:
    return line.split(": ", 1)[1].split(" (", 1)[0]


@pytest.mark.parametrize(("lang", "region"), sorted(EXPECTED), ids=lambda v: v or "-")
def test_support_puts_what_to_call_in_danger_first_then_the_regions_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, lang: str, region: str
) -> None:
    monkeypatch.setenv("LANG", lang)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    if region:
        assert run(capsys, "support", "--region", region)[0] == 0
    danger, crisis, hurt = EXPECTED[(lang, region)]
    code, out, _ = run(capsys, "support")
    assert code == 0
    (crisis_shown, hurt_shown) = listed(out)
    for shown, expected in ((crisis_shown, crisis), (hurt_shown, hurt)):
        assert shown[0].startswith("If you are in danger now") and danger in shown[0], shown
        assert [contact(line) for line in shown[1:]] == expected
    assert ("To list the lines where you live" in out) is (lang == "C.UTF-8")
    # The same as data.
    data = json.loads(run(capsys, "support", "--format", "json")[1])
    assert danger in data["in_danger"]
    assert [row["contact"] for row in data["lines"]] == crisis + hurt
    assert data["region"] == (region or support.locale_region({"LANG": lang}))


def test_support_for_someone_being_hurt_ends_with_what_the_services_advise_if_watched(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RELATIONAL_REGION", "ES")
    code, out, _ = run(capsys, "support", "--hurt")
    assert code == 0
    assert "116 123" not in out and "024" not in out  # crisis lines have their own section
    assert "WhatsApp 600 000 016" in out and "stays in the phone's own call log" in out
    advice = out.index("If someone checks your phone or computer")
    assert advice > out.index("016")
    assert "Deleting all your history at once can itself be noticed" in out[advice:]
    assert "Use a device they cannot reach" in out[advice:]
    assert "A call stays in the phone's own call log" in out[advice:]
    assert "A domestic-abuse service can help you plan" in out[advice:]
    assert out.strip().endswith("Last checked: December 2026.")


def test_the_region_is_said_once_kept_in_the_config_folder_and_shown_by_info(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, _, err = run(capsys, "support", "--region", "ie")
    assert code == 0 and "Your region is now IE" in err
    kept = home / "config" / support.SETTINGS
    assert kept.read_text(encoding="utf-8") == "IE\n"
    assert oct(kept.stat().st_mode & 0o777) == "0o600"
    assert "IE (for support lines" in run(capsys, "info")[1]
    assert "1800 341 900" in run(capsys, "support", "--hurt")[1]
    monkeypatch.setenv("RELATIONAL_REGION", "AU")  # the environment comes before the setting
    assert "1800 737 732" in run(capsys, "support", "--hurt")[1]
    monkeypatch.delenv("RELATIONAL_REGION")
    code, _, err = run(capsys, "support", "--region", "Narnia")
    assert code == 1 and "'Narnia' is not a region code" in err and "Traceback" not in err
    assert kept.read_text(encoding="utf-8") == "IE\n"
    assert run(capsys, "support", "--region", "locale")[0] == 0
    assert not kept.exists()
    assert "1-800-799-7233" in run(capsys, "support", "--hurt")[1]


def test_inside_an_exercise_an_unknown_region_gets_the_same_first_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    answers = tmp_path / "b.yaml"
    answers.write_text("boundary: I will leave\nsafe: 'No'\n", encoding="utf-8")
    code, _, err = run(capsys, "reflect", "boundaries", "--answers", str(answers))
    assert code == 0
    words = " ".join(err.split())
    assert NO_REGION_LINE in words and "findahelpline.com" in words
    assert "988" not in words and "0808 2000 247" not in words  # not every region's lines
    assert "relational support --region CODE" in words


def research() -> Path | None:
    for folder in Path(__file__).resolve().parents:
        found = folder / "shared" / "research" / "support-lines.md"
        if found.is_file():
            return found
    return None


def test_every_number_is_as_checked_and_only_rows_that_may_be_shown() -> None:
    """Every number and address in the program appears, exactly so, in the research files;
    nothing from a row marked NOT CONFIRMED; a line whose hours one source gave says
    "(hours not checked)"."""
    found = research()
    if found is None:
        pytest.skip("../shared/research is not here")
    checked = found.read_text(encoding="utf-8")
    checked += (found.parent / "exercises.md").read_text(encoding="utf-8")
    for line in support.LINES:
        for address in (line.contact, *re.findall(r"\{([^}]+)\}", line.how), line.web):
            assert not address or address in checked, (line.name, address)
    for number in support.EMERGENCY:
        assert number.number in checked
    one_source = {"0808 801 0327", "0800 999 5428", "1300 78 99 78", "877-565-8860"}
    for line in support.LINES:
        if line.contact in one_source:
            assert support.NOT_CHECKED in line.hours, line.name
    names = " ".join(line.name for line in support.LINES)
    for never in ("Assaulted Women's Helpline", "LGBT National Hotline", "OutLine"):
        assert never not in names
    assert "press 3" not in json.dumps([line.how for line in support.LINES])


def test_the_plan_never_lists_the_lines_for_being_hurt_in_any_region() -> None:
    from relational_cli.core.documents.plan import _support

    for region in (None, "GB", "GB-SCT", "CA", "DE", "FR", "ES", "IE", "US", "AU"):
        text = "\n".join(_support(region, all_lines=True))
        for line in support.LINES:
            if line.kind == support.HURT and line.contact != support.WORLDWIDE:
                assert line.contact not in text, (region, line.name)
