"""The self-care plan document, exercises that remember each other, the weekly loop and the
calendar file: a person's first two weeks, with time moved by time-machine."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from datetime import date, datetime, time, timedelta, timezone
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import time_machine
from conftest import Terminal, environment, journal
from conftest import run_cli as run
from hypothesis import given, settings
from hypothesis import strategies as st

from relational_cli.core.documents import escaping as inert
from relational_cli.core.documents import plan as plans
from relational_cli.core.journal.fileformat import Answer, Reflection, Section

T = Terminal
START = datetime(2026, 11, 22, 10, 0, tzinfo=timezone.utc)  # a Sunday

VALUES = """\
sort:
  Very important: [Honesty, Repair, Belonging, Fun]
  Important: [Solitude]
  Not important: []
  Unsure: []
top_five: [Honesty, Repair, Belonging]
ranked: [Repair, Honesty, Belonging]
meaning: |
  Repair: coming back after a hard moment.
  Honesty: saying what is true, kindly.
"""

PLAN = """\
name: Sam
well: I laugh easily and answer my messages
doing: [Enough sleep, Time outdoors]
starting: [Moving my body]
everyday_notes: A walk at lunch
people: Jo and Kim — they let me be quiet
check_ins: Sunday call with Mum
boundaries: No work email after 7
triggers: Rows at home; too little sleep
signs:
  - {notice: I stop answering messages, do: text Jo one word}
  - {notice: I sleep badly, do: keep my bedtime}
hard_times: |
  Breathe out slowly.
  Text Jo.
helps: Sit with me
getting_worse: Take a day off and call my GP
doesnt_help: Advice I didn't ask for
obstacles: A busy month, so one walk a week
contacts: |
  Jo — 07700 900123
  - Kim
quiet_message: I've gone quiet for a bit. It's not you.
professionals: Dr Lee (GP)
share: true
share_with: Jo
review_when: In two weeks
"""
SECTIONS = [
    "What matters to me",
    "What I'm like when I'm well",
    "Everyday practices",
    "Relational practices",
    "Boundaries that protect my well-being",
    "What can set things off for me",
    "Early warning signs, and what I'll do",
    "When things are hard",
    "When things are getting worse",
    "What helps from others, and what doesn't",
    "What might get in the way, and what I'll do",
    "Who I can reach out to",
    "A message for when I've gone quiet",
    "Where to find support now",
    "When I'll look at this plan again",
]
"""A whole plan's sections, in order."""


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def sections(document: str) -> list[str]:
    return re.findall(r"^## (.+)$", document, re.M)


def reflect_in_terminal(*args: str) -> int:
    from relational_cli.cli import main

    return main(["reflect", *args], environment(terminal=True))


def test_two_weeks_values_plan_steps_and_reminders(
    in_terminal: Terminal,
    home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")  # a locale that names no region: every line
    monkeypatch.delenv("LC_ALL", raising=False)
    with time_machine.travel(START, tick=False) as traveller:
        # Day 1: the values card sort, then the plan, which opens with those values.
        assert (
            run(capsys, "reflect", "values", "--answers", write(tmp_path, "v.yaml", VALUES))[0] == 0
        )
        code, _, err = run(capsys, "plan", "--answers", write(tmp_path, "p.yaml", PLAN))
        assert code == 0, err
        document = (home / "plan.md").read_text(encoding="utf-8")
        assert f"Your plan is in {home / 'plan.md'}" in err
        assert oct((home / "plan.md").stat().st_mode & 0o777) == "0o600"
        assert document.startswith('---\ntitle: "My self-care plan — Sam"\nmade: 2026-11-22\n')
        assert "\nreview: 2026-12-06\n" in document
        assert sections(document) == SECTIONS
        assert "1. Repair — to mend things after a hurt" in document  # in their order
        assert "\n2. Honesty — to be truthful" in document and "\n3. Belonging — " in document
        assert "coming back after a hard moment" not in document  # only if asked for
        assert "Breathe out slowly.  \nText Jo." in document
        assert "I'd like to share this plan with: Jo." in document
        assert "On Sunday 6 December 2026." in document
        # No region known: what to call in danger, and the worldwide directory (not every
        # region's lines).
        assert "call your local emergency number: [112](tel:112)" in document
        assert "findahelpline.com" in document and "116 123" not in document
        assert "<!--" not in document and "Which everyday practices" not in document
        listed = run(capsys, "review", "--exercise", "self-care-plan", "--format", "json")[1]
        [plan_row] = json.loads(listed)["reflections"]
        assert plan_row["title"] == "My relational self-care plan, 22 November 2026"

        # The week's step: the top values are offered, in order, to say what it serves.
        in_terminal.type(
            "Call Inés on Sunday", T.ENTER,
            "Inés", T.ENTER,
            T.DOWN, T.SPACE, T.ENTER,  # serves: Honesty
            T.FINISH, T.FINISH,  # outcome, obstacle
            T.ENTER,  # if-then (skipped)
            "After Sunday lunch, I will call her", T.ENTER,  # anchor
            "Short and sweet", T.FINISH,  # expectation
            T.DOWN, T.DOWN, T.DOWN, T.ENTER,  # confidence 4
            T.SAVE,
        )  # fmt: skip
        assert reflect_in_terminal("weekly-step") == 0
        capsys.readouterr()
        first = journal().latest_of("weekly-step")
        assert first is not None and first.title == "Call Inés on Sunday"
        assert first.answer_map()["serves"] == ["Honesty"]

        # A week later: it looks back, and "Keep it" offers last week's step again.
        traveller.shift(timedelta(days=7))
        in_terminal.type(
            T.ENTER,  # Done
            T.FINISH, T.FINISH,  # what happened, what helped
            T.ENTER,  # Keep it
            T.ENTER, T.ENTER,  # wish and who, offered again: Enter keeps them
            T.ENTER,  # serves (none ticked this time)
            T.FINISH, T.FINISH, T.ENTER,  # outcome, obstacle, if-then
            T.ENTER,  # anchor, offered again
            T.FINISH,  # expectation
            T.DOWN, T.DOWN, T.DOWN, T.ENTER,  # confidence 4
            T.SAVE,
        )  # fmt: skip
        assert reflect_in_terminal("weekly-step") == 0
        out = capsys.readouterr().out
        assert "How did it go?" in out
        second = journal().latest_of("weekly-step")
        assert second is not None and second.id != first.id
        kept = second.answer_map()
        assert (kept["wish"], kept["who"]) == ("Call Inés on Sunday", "Inés")
        assert kept["anchor"] == "After Sunday lunch, I will call her"
        rows = json.loads(run(capsys, "review", "--exercise", "weekly-step", "--format", "json")[1])
        assert [row["outcome"] for row in rows["reflections"]] == [None, "Done"]

        # The plan, revised: every answer is offered again; one is changed.
        in_terminal.type(
            T.ENTER,  # the content note: go on
            *[T.ENTER] * 2,  # name, kept; the values note
            T.FINISH,  # what I'm like when I'm well
            T.ENTER, T.ENTER, T.FINISH,  # doing and starting (kept ticks), notes
            T.FINISH, T.FINISH, T.FINISH, T.FINISH,  # people, check-ins, communities, receiving
            "\x15", "No work email after 6", T.FINISH,  # boundaries: cleared and rewritten
            T.FINISH,  # triggers
            T.ENTER, T.ENTER,  # the first sign and what I'll do, kept
            T.ENTER, "\x15", "go to bed at ten", T.ENTER,  # the second: what I'll do, rewritten
            "I snap at people", T.ENTER, "step outside", T.ENTER,  # a third, new
            T.ENTER,  # an empty "When I notice": that is all
            *[T.FINISH] * 8,  # hard times, worse, helps, doesn't, obstacles, contacts, quiet, pros
            T.ENTER, T.ENTER, T.ENTER,  # share, share with, review when
            T.SAVE,
        )  # fmt: skip
        code, _, err = run(capsys, "plan", env=environment(terminal=True))
        assert code == 0, err
        revised = journal().latest_of("self-care-plan")
        assert revised is not None
        answers = revised.answer_map()
        assert answers["boundaries"] == "No work email after 6"
        assert answers["name"] == "Sam" and answers["hard_times"].startswith("Breathe out")
        assert answers["doing"] == ["Enough sleep", "Time outdoors"]
        assert answers["contacts"] == "Jo — 07700 900123\n- Kim\n"  # as the file gave it
        assert answers["signs"] == (
            ("I stop answering messages", "text Jo one word"),
            ("I sleep badly", "go to bed at ten"),
            ("I snap at people", "step outside"),
        )
        both = run(capsys, "review", "--exercise", "self-care-plan", "--format", "json")[1]
        assert len(json.loads(both)["reflections"]) == 2  # every version is kept
        assert "No work email after 6" in (home / "plan.md").read_text(encoding="utf-8")

        # Reminders: the weekly check-in on the anchor's day, and the plan's review day.
        ics = tmp_path / "reminders.ics"
        monkeypatch.setenv("TZ", "Pacific/Auckland")  # where this computer says it is
        code, _, err = run(capsys, "reminders", "--output", str(ics))
        assert code == 0, err
        from icalendar import Calendar

        read = Calendar.from_ical(ics.read_bytes())
        events = {e["uid"]: e for e in read.walk("VEVENT")}
        check_in = events["weekly-step-check-in@relational"]
        start = check_in.decoded("dtstart")
        assert start.weekday() == 6 and start.replace(tzinfo=None) > datetime(2026, 11, 29, 10)
        assert str(start.tzinfo) == "Pacific/Auckland"  # a calendar elsewhere gets the hour
        assert [zone["tzid"] for zone in read.walk("VTIMEZONE")] == ["Pacific/Auckland"]
        assert "Sundays at" in err and "(Pacific/Auckland time)" in err
        assert check_in["rrule"]["FREQ"] == ["WEEKLY"]
        review = events["self-care-plan-review@relational"]
        assert review.decoded("dtstart") == date(2026, 12, 13)  # two weeks after the revision
        (alarm,) = review.walk("VALARM")  # an all-day event alone reminds nobody
        assert alarm.decoded("trigger") == timedelta(hours=9)
        assert "Inés" not in ics.read_text(encoding="utf-8")  # none of the person's words
        # A newer file updates the same events: the same ids, a higher SEQUENCE.
        traveller.shift(timedelta(minutes=5))
        assert run(capsys, "reminders", "--output", str(ics))[0] == 0
        again = {e["uid"]: e for e in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")}
        assert again.keys() == events.keys()
        for uid, event in again.items():
            assert event.decoded("sequence") > events[uid].decoded("sequence")


SUPPORT_LINKS = {
    "tel:988", "https://988lifeline.org", "tel:116123", "tel:131114", "sms:0477131114",
    "tel:1737", "https://findahelpline.com", "tel:911", "tel:999", "tel:000", "tel:111",
    "tel:112",
}  # fmt: skip
"""Written out by hand from ../shared/research: every crisis line and emergency number."""


class Page(HTMLParser):
    """What a browser would load or run, and the text it would show."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.external: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if tag == "a" and name == "href" and value:
                self.links.append(value)
            elif name in ("src", "href") or (value and "url(" in value):
                self.external.append(f"{tag} {name}={value}")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def a_plan(**answers: object) -> Reflection:
    return Reflection(
        "20261122-100000-self-care-plan",
        "self-care-plan",
        "2026-11-22T10:00:00+00:00",
        "t",
        answers=tuple(Answer(key, value) for key, value in answers.items()),  # type: ignore[arg-type]
    )


def test_the_html_plan_is_one_page_with_nothing_from_elsewhere_and_the_words_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    hostile = "<script>alert(1)</script> **not bold** [a link](http://x) ![img](http://y)\x1b[2J"
    answers = json.dumps({"name": "Sam", "hard_times": hostile, "boundaries": "# not a heading"})
    target = tmp_path / "plan.html"
    code, _, err = run(
        capsys, "plan", "--answers", write(tmp_path, "p.json", answers), "--format", "html",
        "--output", str(target),
    )  # fmt: skip
    assert code == 0, err
    page = Page()
    page.feed(target.read_text(encoding="utf-8"))
    assert "script" not in page.tags and "img" not in page.tags
    assert page.external == []
    # The only links are the support lines' own numbers and addresses (tel:, sms:, https:).
    assert page.links and all(link in SUPPORT_LINKS for link in page.links), page.links
    assert "link" not in page.tags and "@import" not in target.read_text(encoding="utf-8")
    assert "@media print" in target.read_text(encoding="utf-8")
    shown = "".join(page.text)
    assert "<script>alert(1)</script> **not bold** [a link](http://x)" in shown
    assert "\x1b" not in shown and "\\x1b[2J" in shown
    assert "# not a heading" in shown and page.tags.count("h2") >= 3


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=["Cs"]), max_size=200))
def test_a_persons_words_show_exactly_as_written_in_the_rendered_plan(text: str) -> None:
    from markdown_it import MarkdownIt

    page = Page()
    page.feed(MarkdownIt("commonmark", {"html": False}).render(inert.markdown(text)))
    assert set(page.tags) <= {"p", "br"}  # paragraphs and line breaks, nothing else

    def words(shown: str) -> list[str]:
        return shown.split()

    assert words("".join(page.text)) == words(inert.visible(text).replace("\t", " "))


def test_plan_from_an_earlier_plan_show_and_bad_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    code, _, err = run(capsys, "plan", "--show")
    assert (code, err) == (1, "relational: no self-care plan yet; relational plan makes one\n")
    answers = write(tmp_path, "p.yaml", "boundaries: Rest on Sundays\n")
    missing = tmp_path / "no-such-folder" / "plan.md"
    code, _, err = run(capsys, "plan", "--answers", answers, "--output", str(missing))
    assert code == 1
    [made] = list(journal().files())
    assert f"could not write the plan to {missing}: No such file or directory" in err
    assert f"Your answers are saved as {made.stem}" in err  # the reflection is kept

    code, out, _ = run(capsys, "plan", "--show")
    assert code == 0 and "## Boundaries that protect my well-being\n\nRest on Sundays" in out
    assert "What matters to me" not in out  # no values reflection: left out, no nagging
    code, _, err = run(capsys, "plan", "--from", made.stem[:15])
    assert code == 0 and (home / "plan.md").is_file()

    assert (
        run(capsys, "reflect", "weekly-step", "--answers", write(tmp_path, "w.yaml", "wish: x\n"))[
            0
        ]
        == 0
    )
    step = journal().latest_of("weekly-step")
    assert step is not None
    code, _, err = run(capsys, "plan", "--from", step.id)
    assert code == 1 and "is a weekly-step reflection, not a self-care plan" in err
    code, _, err = run(capsys, "plan", "--answers", answers, "--from", "latest")
    assert code == 1 and "cannot go with --from" in err


def test_a_hand_edited_or_older_plan_still_makes_a_document() -> None:
    # Sections removed by hand, a values reflection that was skipped entirely, and one from
    # an older values pack (no ranking): each gives what it can.
    plan = a_plan(hard_times="Rest", review_when="When something changes")
    skipped = Reflection("20261120-100000-values", "values", "2026-11-20T10:00:00+00:00", "t")
    older = Reflection(
        "20261101-100000-values", "values", "2026-11-01T10:00:00+00:00", "t",
        answers=(Answer("important", ["Fun", "Rest"]),),
    )  # fmt: skip
    assert sections(plans.markdown(plan, skipped))[0] == "When things are hard"
    document = plans.markdown(plan, older)
    assert sections(document)[0] == "What matters to me" and "1. Fun\n2. Rest" in document
    assert "When something changes in my life or my relationships." in document
    assert plans.review_date(a_plan(review_when="In a month")) == date(2026, 12, 22)
    assert plans.review_date(a_plan(review_when="In three months")) == date(2027, 2, 22)


def by_section(document: str) -> dict[str, str]:
    """A Markdown plan's sections: each heading, and what is under it (to the next one)."""
    parts = re.split(r"^## (.+)\n", document, flags=re.M)
    return {heading: body.strip() for heading, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_the_plan_document_section_by_section_in_markdown_and_html(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    assert run(capsys, "reflect", "values", "--answers", write(tmp_path, "v.yaml", VALUES))[0] == 0
    assert run(capsys, "plan", "--answers", write(tmp_path, "p.yaml", PLAN))[0] == 0
    code, document, _ = run(capsys, "plan", "--show")
    assert code == 0
    body, footer = document.rsplit("\n---\n", 1)
    found = by_section(body)
    assert list(found) == SECTIONS
    assert found["What matters to me"].splitlines() == [
        "1. Repair — to mend things after a hurt, and let others mend them with me",
        "2. Honesty — to be truthful, with others and with myself",
        "3. Belonging — to feel part of something, with people who are mine",
    ]
    assert found["Everyday practices"] == (
        "### Already doing\n\n- Enough sleep\n- Time outdoors\n\n"
        "### Would like to start\n\n- Moving my body\n\nA walk at lunch"
    )
    assert found["Early warning signs, and what I'll do"] == (
        "- **When I notice** I stop answering messages, **I will** text Jo one word\n"
        "- **When I notice** I sleep badly, **I will** keep my bedtime"
    )
    assert found["When things are getting worse"] == "Take a day off and call my GP"
    assert found["A message for when I've gone quiet"] == "I've gone quiet for a bit. It's not you."
    assert (
        body.split("## ", 1)[0]
        .rstrip()
        .endswith(
            "It is not a crisis or safety plan: if you need one, make it with a professional you"
            " trust."
        )
    )
    assert found["What helps from others, and what doesn't"] == (
        "### What helps\n\nSit with me\n\n### What doesn't help\n\nAdvice I didn't ask for"
    )
    assert (
        found["What might get in the way, and what I'll do"] == "A busy month, so one walk a week"
    )
    assert found["Who I can reach out to"] == (
        "### People\n\n- Jo — 07700 900123\n- Kim\n\n"  # the typed bullet is not doubled
        "### Professionals\n\n- Dr Lee (GP)\n\nI'd like to share this plan with: Jo."
    )
    # 999 first, then the region's line and the worldwide directory
    assert found["Where to find support now"].count("\n- ") == 3
    # Commands are for the person, in a quiet footer: none in the plan a therapist reads.
    assert not COMMAND.search(body)
    assert footer.strip().startswith("*To change this plan, run `relational plan` again")

    code, page_html, _ = run(capsys, "plan", "--show", "--format", "html")
    page = Page()
    page.feed(page_html)
    shown = " ".join("".join(page.text).split())
    headings = re.findall(r"<h2>(.+?)</h2>", page_html)
    assert [unescape(heading) for heading in headings] == SECTIONS
    places = [shown.index(text) for text in (
        "not a crisis or safety plan", "Repair — to mend things", "I laugh easily",
        "Already doing", "Would like to start", "Moving my body",
        "Rows at home", "When I notice I stop answering messages, I will text Jo one word",
        "Take a day off", "What helps", "Sit with me", "What doesn't help",
        "A busy month", "People", "Jo — 07700 900123", "Professionals", "Dr Lee (GP)",
        "I've gone quiet for a bit", "If you are in danger now, call 999", "116 123",
    )]  # fmt: skip
    assert places == sorted(places)  # each in its section, in order
    assert not COMMAND.search(shown)


COMMAND = re.compile(r"relational [a-z]")
"""A command named in words (`relational support`), as the plan's body never does."""


def test_a_plan_can_hold_the_values_reflection_in_full_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    assert run(capsys, "reflect", "values", "--answers", write(tmp_path, "v.yaml", VALUES))[0] == 0
    assert run(capsys, "plan", "--answers", write(tmp_path, "p.yaml", PLAN))[0] == 0
    assert "coming back after a hard moment" not in (home / "plan.md").read_text("utf-8")
    code, _, err = run(capsys, "plan", "--values-in-full")  # no terminal: the plan there is
    assert code == 0, err
    values = by_section((home / "plan.md").read_text("utf-8"))["What matters to me"]
    assert "### What they mean to me\n\nRepair: coming back after a hard moment.  \n" in values
    assert len(list(journal().files())) == 2  # nothing asked again, nothing saved again


V2_PLAN = (
    Answer("name", "Sam"),
    Answer("everyday", ["Enough sleep", "Time outdoors"]),
    Answer("boundaries", "No work email after 7"),
    Answer("reach_out", "Jo, my therapist"),
    Answer("review_when", "In a month"),
)
"""A plan made under version 2 of the exercise: one list of practices, one answer for
everyone to reach out to, and none of version 3's sections."""


def save_a_version_2_plan() -> None:
    made = Reflection(
        "20261101-100000-self-care-plan", "self-care-plan", "2026-11-01T10:00:00+00:00",
        "My relational self-care plan, 1 November 2026", pack_version=2, answers=V2_PLAN,
    )  # fmt: skip
    journal().save(made, [Section(a.prompt_id, a.prompt_id, a.value) for a in V2_PLAN])


def test_a_plan_made_before_the_new_sections_still_renders(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    save_a_version_2_plan()
    code, document, err = run(capsys, "plan", "--show")
    assert code == 0, err
    found = by_section(document.rsplit("\n---\n", 1)[0])
    assert list(found) == [
        "Everyday practices",
        "Boundaries that protect my well-being",
        "Who I can reach out to",
        "Where to find support now",
        "When I'll look at this plan again",
    ]
    assert found["Everyday practices"] == "- Enough sleep\n- Time outdoors"
    assert found["Who I can reach out to"] == "Jo, my therapist"
    assert found["When I'll look at this plan again"] == "On Tuesday 1 December 2026."
    code, page_html, err = run(capsys, "plan", "--show", "--format", "html")
    assert code == 0, err
    assert "Jo, my therapist" in page_html and "<h3>" not in page_html


def test_revising_a_plan_from_before_offers_its_answers_in_the_new_questions(
    in_terminal: Terminal, capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    save_a_version_2_plan()
    in_terminal.type(
        T.ENTER, T.ENTER,  # the content note: go on; the name, kept
        T.FINISH,  # what I'm like when I'm well (new in version 4)
        T.ENTER, T.ENTER,  # doing: version 2's practices, offered and kept; starting: none
        *[T.FINISH] * 7,  # the long answers to triggers, each as offered
        T.ENTER,  # warning signs with what I'll do: none to offer, an empty one finishes
        *[T.FINISH] * 8,  # the long answers to the professionals, each as offered
        T.DOWN, T.ENTER, T.ENTER,  # share: no; the day to look again, kept
        T.SAVE,
    )  # fmt: skip
    code, _, err = run(capsys, "plan", env=environment(terminal=True))
    assert code == 0, err
    revised = journal().latest_of("self-care-plan")
    assert revised is not None and revised.pack_version == 4
    assert revised.answer_map() == {
        "name": "Sam",
        "doing": ["Enough sleep", "Time outdoors"],  # asked as `everyday` then
        "boundaries": "No work email after 7",
        "contacts": "Jo, my therapist",  # asked as `reach_out` then
        "share": False,
        "review_when": "In a month",
    }


def test_reminders_say_what_they_need(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    code, _, err = run(capsys, "reminders")
    assert code == 1 and "nothing to remind you of yet" in err
    with time_machine.travel(START, tick=False):
        step = write(tmp_path, "w.yaml", "wish: Walk with Kim\nanchor: after breakfast\n")
        assert run(capsys, "reflect", "weekly-step", "--answers", step)[0] == 0
        code, _, err = run(capsys, "reminders", "--day", "someday")
        assert code == 1 and "'someday' is not a day of the week" in err
        # No day named and no terminal to ask in: the day the step was set, said so.
        code, _, err = run(capsys, "reminders")
        assert code == 0, err
        assert "so the check-in is on Sundays" in err and "Sundays at 08:00" in err
        assert (home / "reminders.ics").is_file()
        code, _, err = run(capsys, "reminders", "--day", "Tuesdays", "--time", "19:30")
        assert code == 0 and "Tuesdays at 19:30" in err


def test_a_computer_that_names_no_time_zone_gets_a_floating_check_in_and_is_told(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from icalendar import Calendar

    monkeypatch.setenv("TZ", "Not/A_Zone")
    step = write(tmp_path, "w.yaml", "wish: Walk with Kim\nanchor: On Sunday mornings\n")
    assert run(capsys, "reflect", "weekly-step", "--answers", step)[0] == 0
    ics = tmp_path / "r.ics"
    code, _, err = run(capsys, "reminders", "--output", str(ics))
    assert code == 0, err
    assert "in whatever time zone your calendar is in" in err and "TZ=" in err
    (event,) = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart").tzinfo is None


@pytest.mark.parametrize(
    ("words", "day", "at"),
    [
        ("After lunch at noon", None, time(12, 0)),
        ("at noon, after lunch", None, time(12, 0)),
        ("After lunch on weds", 2, time(12, 30)),
        ("thurs evening", 3, time(19, 0)),
        ("Tues at 7pm", 1, time(19, 0)),
        ("every Thursday 7.30 am", 3, time(7, 30)),
        ("When I sat down in the sun", None, None),  # words, not days
        ("After we wed", None, None),
        ("Sundays after breakfast", 6, time(8, 0)),
    ],
)
def test_days_and_times_as_people_write_them(words: str, day: int | None, at: time | None) -> None:
    from relational_cli.core.documents.reminders import day_named, time_named

    assert (day_named(words), time_named(words)) == (day, at)


def test_a_steps_outcome_is_read_from_the_step_after_it_only() -> None:
    from relational_cli.core.search.reading_back import step_outcomes

    steps = [
        Reflection(
            f"2026120{n}-100000-weekly-step",
            "weekly-step",
            f"2026-12-0{n}",
            "t",
            answers=(Answer("last_step", ("Done", "Partly", "Not yet")[n % 3]),),
        )
        for n in (4, 3, 2, 1)
    ]  # fmt: skip  (newest first)
    by_id = {step.id: step for step in steps}
    read: list[str] = []

    def said(step_id: str) -> Reflection:
        read.append(step_id)
        return by_id[step_id]

    ids = list(by_id)
    assert step_outcomes(steps[2:3], ids, said) == {steps[2].id: "Done"}  # said on Dec 3
    assert read == [steps[1].id]  # one file read, not every step
    assert step_outcomes(steps[:1], ids, said) == {steps[0].id: None}  # the newest


def test_where_to_find_support_starts_with_the_regions_line_and_emergency_number(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    answers = "share: true\nshare_with: J.\n"
    assert run(capsys, "plan", "--answers", write(tmp_path, "p.yaml", answers))[0] == 0
    _, shown, _ = run(capsys, "plan", "--show")
    support = shown.split("## Where to find support now", 1)[1].split("\n## ", 1)[0]
    bullets = [line for line in support.splitlines() if line.startswith("- ")]
    assert bullets[0].startswith("- If you are in danger now, call [999](tel:999)")
    assert bullets[1].startswith("- UK & Ireland: [116 123](tel:116123) (call) · Samaritans")
    assert len(bullets) == 3  # the region's own, and the worldwide directory: it stays short
    assert "0808 2000 247" not in shown  # a page seen at home never names the abuse line
    _, every, _ = run(capsys, "plan", "--show", "--all-lines")
    every_line = every.split("## Where to find support now", 1)[1].split("\n## ", 1)[0]
    assert every_line.startswith(support.split("- UK & Ireland", 1)[0])  # the region's first
    every_bullet = [line for line in every_line.splitlines() if line.startswith("- ")]
    assert every_bullet[1].startswith("- UK & Ireland") and len(every_bullet) == 14
    # Plain to read as text too: no doubled full stop after a name, no escaped ampersand.
    assert "I'd like to share this plan with: J.\n" in shown
    assert "J.." not in shown and "\\&" not in shown


def test_a_plan_finished_through_reflect_writes_the_plan_document_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, home: Path
) -> None:
    """As when a paused plan is picked up the way the pause says: `relational reflect
    self-care-plan`. Other exercises write no plan."""
    weekly = write(tmp_path, "w.yaml", "wish: x\n")
    assert run(capsys, "reflect", "weekly-step", "--answers", weekly)[0] == 0
    assert not (home / "plan.md").exists()
    code, _, err = run(
        capsys, "reflect", "self-care-plan", "--answers", write(tmp_path, "p.yaml", PLAN)
    )
    assert code == 0, err
    assert "No work email after 7" in (home / "plan.md").read_text(encoding="utf-8")
    assert f"Your plan is in {home / 'plan.md'}" in err


def test_writing_the_plan_in_another_form_uses_the_plan_there_is(
    in_terminal: Terminal, tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from relational_cli.cli import main

    def plan_in_terminal(*args: str) -> int:
        return main(["plan", *args], environment(terminal=True))

    assert run(capsys, "plan", "--answers", write(tmp_path, "p.yaml", PLAN))[0] == 0
    [made] = list(journal().files())
    page = tmp_path / "plan.html"
    code, _, err = run(capsys, "plan", "--format", "html", "--output", str(page))  # no terminal
    assert code == 0, err
    assert "No work email after 7" in page.read_text(encoding="utf-8")
    page.unlink()

    in_terminal.type(T.ENTER)  # "Use your plan from …" (the first choice)
    assert plan_in_terminal("--format", "html", "--output", str(page)) == 0
    assert "No work email after 7" in page.read_text(encoding="utf-8")
    assert list(journal().files()) == [made]  # nothing asked, nothing new saved

    # Answer again, then stop at once: no draft of nothing is left to pick up.
    in_terminal.type(T.DOWN, T.ENTER, T.ENTER, T.CTRL_C)
    assert plan_in_terminal("--output", str(page), "--force") == 130
    assert "Nothing was answered yet, so there is no draft" in capsys.readouterr().err
    assert not list((home / "drafts").glob("*"))
    assert list(journal().files()) == [made]


PRINTING = ("chromium", "pdftotext")


def printed(page_html: str, tmp_path: Path, paper: str = "") -> list[str]:
    """The text of each page Chromium prints of `page_html`: on US Letter, its default paper,
    or on the `paper` given (a CSS page size, as a printer's own setting would choose)."""
    page, pdf = tmp_path / "plan.html", tmp_path / "plan.pdf"
    if paper:
        page_html = page_html.replace("<style>", f"<style>\n  @page {{ size: {paper}; }}", 1)
    page.write_text(page_html, encoding="utf-8")
    subprocess.run(
        [
            "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'chromium'}", "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}", page.as_uri(),
        ],
        capture_output=True, timeout=60, check=True,
    )  # fmt: skip
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    return [text for text in pages if text.strip()]


def printable_plan(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    """The HTML page of a typical plan (every section answered in a line or two)."""
    assert run(capsys, "reflect", "values", "--answers", write(tmp_path, "v.yaml", VALUES))[0] == 0
    assert run(capsys, "plan", "--answers", write(tmp_path, "p.yaml", PLAN))[0] == 0
    code, page, _ = run(capsys, "plan", "--show", "--format", "html")
    assert code == 0
    return page


needs_printing = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in PRINTING),
    reason="needs Chromium (print to PDF) and pdftotext (poppler-utils), Debian's packages",
)


@needs_printing
@pytest.mark.parametrize("paper", ["", "A4"], ids=["Letter", "A4"])
@pytest.mark.parametrize("locale", ["en_GB.UTF-8", "C.UTF-8"], ids=["a region", "no region"])
def test_a_typical_plan_prints_on_one_page_with_every_section(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    paper: str,
    locale: str,
) -> None:
    """Version 4's plan (every section answered in a line or two, warning signs each with what
    I'll do) on one sheet of US Letter, and of A4: with a region's lines, and with no region
    known (the line about the local emergency number and the worldwide directory, never
    every region's lines)."""
    monkeypatch.setenv("LANG", locale)
    for variable in ("LC_ALL", "RELATIONAL_REGION"):
        monkeypatch.delenv(variable, raising=False)
    page_html = printable_plan(capsys, tmp_path)
    [page] = printed(page_html, tmp_path, paper)
    shown = " ".join(page.split())
    for heading in SECTIONS:
        assert heading in shown, heading
    assert "not a crisis or safety plan" in shown
    assert "When I notice I sleep badly, I will keep my bedtime" in shown
    assert f"On {plans.long_date(date.today() + timedelta(days=14))}." in shown
    if locale == "C.UTF-8":  # a few lines for nowhere in particular, not every region's
        assert "112 across the EU" in shown and "Samaritans" not in shown


@needs_printing
def test_a_plan_in_print_never_leaves_its_last_section_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the length, the day to look again is never alone at the top of a page or a
    column: it stays with the support lines before it. Lines are added before them, one
    length after another; without the block that keeps them together, one of these lengths
    leaves the day alone (checked too, so this test can fail)."""
    monkeypatch.setenv("LANG", "en_GB.UTF-8")  # the region's lines: the length is known
    monkeypatch.delenv("LC_ALL", raising=False)
    page_html = printable_plan(capsys, tmp_path)
    together = '<div class="together">\n<h2>Where to find support now</h2>'
    assert together in page_html

    def day_with_support(more: int, keep: bool = True) -> bool:
        longer = "".join(f"<p>Something else that helps, number {n}.</p>\n" for n in range(more))
        shown = page_html.replace(together, longer + together)
        pages = printed(
            shown if keep else shown.replace('<div class="together">', "<div>"), tmp_path
        )
        last = pages[-1].split("Where to find support now", 1)  # read line by line, across
        return len(last) == 2 and "When I'll look at this plan again" in last[1]

    lengths = range(14, 28, 2)
    assert all(day_with_support(more) for more in lengths)
    assert not all(day_with_support(more, keep=False) for more in lengths)


def test_five_calendar_readers_see_the_same_local_times_and_both_alarms(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """icalendar, ics-py, recurring-ical-events, vobject and dateutil (which reads the file's
    own VTIMEZONE, as ics-py and vobject do), as calendar apps read the file: the check-in at
    18:00 in the computer's zone (not UTC) in summer and winter, in 2027 and past 2038, the
    review day, an alarm on each."""
    import zoneinfo

    import ics  # type: ignore[import-untyped]
    import recurring_ical_events  # type: ignore[import-untyped]
    from dateutil import tz
    from icalendar import Calendar

    vobject = pytest.importorskip("vobject", reason="vobject (a test extra) is not installed")
    step = write(tmp_path, "w.yaml", "wish: Call Kim\nanchor: Sunday evening at 6pm\n")
    with time_machine.travel(START, tick=False):
        assert run(capsys, "reflect", "weekly-step", "--answers", step)[0] == 0
        assert run(capsys, "plan", "--answers", write(tmp_path, "p.yaml", PLAN))[0] == 0
        path = tmp_path / "r.ics"
        monkeypatch.setenv("TZ", "America/Chicago")  # (time-machine sets its own until here)
        assert run(capsys, "reminders", "--output", str(path))[0] == 0
    data = path.read_bytes()
    chicago = zoneinfo.ZoneInfo("America/Chicago")
    seasons = [
        datetime(year, month, 1, tzinfo=timezone.utc) for year in (2027, 2045) for month in (1, 7)
    ]
    every_season = ["18:00 Sunday -0600", "18:00 Sunday -0500"] * 2

    def local(moment: datetime) -> str:
        return moment.astimezone(chicago).strftime("%H:%M %A %z")

    ours = {e["uid"]: e for e in Calendar.from_ical(data).walk("VEVENT")}
    check_in = ours["weekly-step-check-in@relational"].decoded("dtstart")
    assert (check_in.hour, check_in.minute, check_in.weekday()) == (18, 0, 6)
    assert check_in.utcoffset() == check_in.astimezone(chicago).utcoffset()

    theirs = {event.uid: event for event in ics.Calendar(data.decode("utf-8")).events}
    begin = theirs["weekly-step-check-in@relational"].begin  # an Arrow, in its own zone
    assert begin.to("America/Chicago").strftime("%H:%M %A") == "18:00 Sunday"
    assert begin.datetime == check_in
    assert all(event.alarms for event in theirs.values())  # an alarm on both events

    expanded = recurring_ical_events.of(Calendar.from_ical(data))
    later = expanded.between(check_in, check_in + timedelta(days=21))
    weekly = [e.decoded("dtstart") for e in later if e["uid"].startswith("weekly-step")]
    assert [local(moment) for moment in weekly] == ["18:00 Sunday -0600"] * 3
    firsts = [
        next(
            e.decoded("dtstart")
            for e in expanded.between(season, season + timedelta(days=7))
            if e["uid"].startswith("weekly-step")
        )
        for season in seasons
    ]
    assert [local(moment) for moment in firsts] == every_season

    # vobject: the recurrence expanded in the file's own VTIMEZONE.
    event = next(
        e
        for e in vobject.readOne(data.decode("utf-8")).vevent_list
        if e.uid.value.startswith("weekly-step")
    )
    assert [local(event.getrruleset().after(season)) for season in seasons] == every_season
    assert {
        e.uid.value for e in vobject.readOne(data.decode("utf-8")).vevent_list if e.valarm
    } == set(ours)

    # The file's own VTIMEZONE, read as dateutil and icalendar read it, at 18:00 local.
    (zone,) = Calendar.from_ical(data).walk("VTIMEZONE")
    for reader in (tz.tzical(io.StringIO(zone.to_ical().decode("utf-8"))).get(), zone.to_tz()):
        sundays = [season + timedelta(days=(6 - season.weekday()) % 7) for season in seasons]
        read = [datetime.combine(day.date(), time(18), tzinfo=reader) for day in sundays]
        assert [local(moment) for moment in read] == every_season


def test_the_time_zone_changes_at_the_wall_clock_time_before_each_change_until_2200() -> None:
    """RFC 5545 §3.6.5: each onset is the local time before the change (in TZOFFSETFROM), so
    onset - TZOFFSETFROM is the instant the zone changes; no change is missing until 2200."""
    import zoneinfo

    from icalendar import Calendar

    from relational_cli.core.documents.reminders import CheckIn, calendar

    for name in ("America/Chicago", "Australia/Lord_Howe", "Africa/Casablanca", "Europe/Dublin"):
        zone = zoneinfo.ZoneInfo(name)
        data = calendar(CheckIn(6, time(18)), None, START, name)
        (vtimezone,) = Calendar.from_ical(data).walk("VTIMEZONE")
        assert b"RDATE:" in data
        onsets = []
        for part in vtimezone.subcomponents:
            was, now = part.decoded("tzoffsetfrom"), part.decoded("tzoffsetto")
            rdates = part.get("rdate", [])
            rdates = rdates if isinstance(rdates, list) else [rdates]  # one RDATE per line
            assert all(len(line.dts) == 1 for line in rdates)
            dates = [part.decoded("dtstart"), *(line.dts[0].dt for line in rdates)]
            for onset in dates:
                instant = (onset - was).replace(tzinfo=timezone.utc)
                assert instant.astimezone(zone).utcoffset() == now, (name, onset)
                if was != now:
                    onsets.append(instant)
                    assert (instant - timedelta(seconds=1)).astimezone(zone).utcoffset() == was
        assert max(onsets).year == 2199 or name == "Africa/Casablanca"
        assert len(onsets) == len(set(onsets))


def test_every_export_has_a_higher_sequence_within_32_bits(tmp_path: Path) -> None:
    """Two exports in one second still differ; a calendar keeps only a higher SEQUENCE; RFC
    5545 allows a signed 32-bit integer."""
    from icalendar import Calendar

    from relational_cli.core.documents.reminders import CheckIn, calendar, sequence, sequence_in

    first = calendar(CheckIn(6, time(18)), None, START, "Europe/London")
    path = tmp_path / "r.ics"
    path.write_bytes(first)
    again = calendar(CheckIn(6, time(18)), None, START, "Europe/London", sequence_in(path))

    def number(data: bytes) -> int:
        (event,) = Calendar.from_ical(data).walk("VEVENT")
        return int(event.decoded("sequence"))

    assert number(again) > number(first)
    assert number(
        calendar(CheckIn(6, time(18)), None, START + timedelta(seconds=1), "UTC")
    ) > number(first)
    assert 0 <= sequence(datetime(2093, 12, 31, tzinfo=timezone.utc)) < 2**31
    assert sequence(datetime(2300, 1, 1, tzinfo=timezone.utc)) == 2**31 - 1


def test_an_answers_file_written_for_the_older_plan_is_told_the_new_ids(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    older = write(tmp_path, "p.yaml", "name: Sam\nreach_out: Jo\n")
    code, _, err = run(capsys, "plan", "--answers", older)
    assert code == 1
    assert err == (
        f"relational: {older}:2:1: 'reach_out' is not a prompt in this exercise"
        " (an earlier version asked it; it is 'contacts' now)\n"
    )
    assert list(journal().files()) == []


def test_reminders_into_a_fifo_do_not_wait_to_read_it_first(tmp_path: Path) -> None:
    """The SEQUENCE of a file written before is read only from a regular file."""
    import os

    from relational_cli.core.documents.reminders import sequence_in

    fifo = tmp_path / "r.ics"
    os.mkfifo(fifo)
    assert sequence_in(fifo) is None  # (opening it would wait for a writer)
    assert sequence_in(tmp_path / "none.ics") is None
