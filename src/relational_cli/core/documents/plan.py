"""The plan document: a self-care plan reflection written out as a plan a person keeps.

It reads as a plan, not a questionnaire: the person's values first (from their latest values
reflection), then their practices, boundaries, what helps when things are hard, who they can
reach out to, where to find support now, and when they will look at it again — as a date.
Headings are plain words; skipped parts are left out; the person's words are escaped, so
they show exactly as written. Markdown with YAML front matter, or one self-contained HTML
page that prints well (`html`).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from relational_cli import messages
from relational_cli.core import support
from relational_cli.core.documents import escaping as inert
from relational_cli.core.errors import UserError
from relational_cli.core.journal.fileformat import Reflection, Value, answer_text, yaml_string
from relational_cli.core.packs import known

EXERCISE = known.PLAN
PLAN_FILE = "plan"
"""The plan's default file in the data folder: plan.md, or plan.html."""

REVIEW_AFTER = known.PLAN_REVIEW_AFTER


def top_values(values: Reflection | None) -> list[str]:
    """The ranked top values of a values reflection; for one that did not rank them (skipped,
    or an older values pack) the top picks, else the Very important pile."""
    if values is None:
        return []
    answers = values.answer_map()
    for key in known.VALUES_TOP:
        found = answers.get(key)
        if isinstance(found, list) and found:
            return found
    sort = answers.get(known.VALUES_SORT)
    if isinstance(sort, dict):
        return list(sort.get("Very important", []))
    return []


def review_date(plan: Reflection) -> date | None:
    """When the plan said to look at it again, from the day it was made."""
    choice = plan.answer_map().get(known.PLAN_REVIEW)
    if choice not in REVIEW_AFTER:
        return None
    made = made_on(plan)
    if choice == "In two weeks":
        return made + timedelta(days=REVIEW_AFTER[choice])
    return _add_months(made, REVIEW_AFTER[str(choice)])


def made_on(plan: Reflection) -> date:
    try:
        return datetime.fromisoformat(plan.created).date()
    except ValueError:
        raise UserError(messages.plan.undated(plan.id)) from None


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def check_plan(reflection: Reflection) -> Reflection:
    if reflection.exercise != EXERCISE:
        raise UserError(messages.plan.not_a_plan(reflection.id, reflection.exercise, EXERCISE))
    return reflection


def markdown(
    plan: Reflection, values: Reflection | None, region: str | None = None, front: bool = True
) -> str:
    """The plan document in Markdown (with YAML front matter unless `front` is False)."""
    answers = plan.answer_map()
    title = title_of(plan)
    made = made_on(plan)
    review = review_date(plan)
    out: list[str] = []
    if front:
        out += ["---", f"title: {yaml_string(title)}", f"made: {made}"]
        out += [f"review: {review}"] if review else []
        out += [f"plan: {plan.id}"] + ([f"values: {values.id}"] if values else [])
        out += ["---", ""]
    out += [f"# {inert.markdown(title)}", "", f"Made on {long_date(made)}.", ""]

    ranked = top_values(values)
    meaning = _text(values.answer_map().get(known.VALUES_MEANING)) if values else ""
    if ranked or meaning:
        out += _section("What matters to me")
        out += [f"{n}. {_one_line(value)}" for n, value in enumerate(ranked, 1)] + [""]
        if meaning:
            out += ["What they mean to me:", "", inert.markdown(meaning), ""]

    everyday = answers.get(known.PLAN_EVERYDAY)
    notes = _text(answers.get(known.PLAN_EVERYDAY_NOTES))
    if everyday or notes:
        out += _section("Everyday practices")
        out += _bullets(everyday)
        out += [inert.markdown(notes), ""] if notes else []

    practices = [(label, _text(answers.get(key))) for key, label in known.PLAN_PRACTICES]
    if any(text for _, text in practices):
        out += _section("Relational practices")
        for label, text in practices:
            out += [f"### {label}", "", inert.markdown(text), ""] if text else []

    out += _words("Boundaries that protect my well-being", answers.get(known.PLAN_BOUNDARIES))

    out += _words("When things are hard", answers.get(known.PLAN_HARD_TIMES))
    if answers.get(known.PLAN_HARD_TIMES):
        out += [
            "When it is more than this plan can hold, reach out to a person: the lines under"
            " *Where to find support now* are there for that, and so is `relational support`.",
            "",
        ]

    reach = _text(answers.get(known.PLAN_REACH_OUT))
    share = (
        _text(answers.get(known.PLAN_SHARE_WITH)) if answers.get(known.PLAN_SHARE) is True else ""
    )
    if reach or share:
        out += _section("Who I can reach out to")
        out += [inert.markdown(reach), ""] if reach else []
        out += [f"I'd like to share this plan with: {_sentence(share)}", ""] if share else []

    out += _section("Where to find support now")
    crisis = support.ordered(region)
    out += [
        "If you are struggling or not feeling safe, please reach out to a person now:",
        "",
        *[f"- {support.line_text(line, links=True)}" for line in crisis[:1]],
        f"- {support.emergency_text(region, links=True)}",
        *[f"- {support.line_text(line, links=True)}" for line in crisis[1:]],
        "",
        f"These lines were last checked in {support.VERIFIED_WORDS};"
        " `relational support` lists them too.",
        "",
    ]

    out += _section("When I'll look at this plan again")
    if review:
        out += [f"On {long_date(review)}.", ""]
    elif answers.get(known.PLAN_REVIEW) == known.PLAN_REVIEW_WHEN_CHANGED:
        out += ["When something changes in my life or my relationships.", ""]
    else:
        out += ["Whenever I need it.", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _section(heading: str) -> list[str]:
    return [f"## {heading}", ""]


def _words(heading: str, value: Value | None) -> list[str]:
    text = _text(value)
    return [*_section(heading), inert.markdown(text), ""] if text else []


def _bullets(value: Value | None) -> list[str]:
    if not isinstance(value, list) or not value:
        return []
    return [f"- {_one_line(item)}" for item in value] + [""]


def _text(value: Value | None) -> str:
    """An answer as text ("" for none): a hand-edited file may hold any type anywhere."""
    if isinstance(value, (bool, dict)):  # not what a question of the plan asks
        return ""
    return answer_text(value).strip()


def _sentence(text: str) -> str:
    """Words on one line, ending with a full stop unless they end with one of their own."""
    line = " ".join(text.split())
    return _one_line(line if line[-1:] in ".!?…" else line + ".")


def _one_line(text: str) -> str:
    return inert.markdown(" ".join(text.split()))


def title_of(plan: Reflection) -> str:
    name = _text(plan.answer_map().get(known.PLAN_NAME))
    return "My self-care plan" + (f" — {' '.join(inert.visible(name).split())}" if name else "")
