"""The plan document: a self-care plan reflection written out as a plan a person keeps.

It reads as a plan, not a questionnaire, and says plainly that it is not a crisis or safety
plan: the person's ranked values first (from their latest values reflection), what they are
like when they are well, their practices, boundaries, what can set things off, early warning
signs each with what they will do, what helps when things are hard and when they are getting
worse, what helps from others, what might get in the way, the people and professionals to
reach, a message ready for when they have gone quiet, where to find support now, and when
they will look at it again — as a date. A plan
made under an older version of the exercise gives the sections it has. Headings are plain
words; skipped parts are left out; the person's words are escaped, so they show exactly as
written. Markdown with YAML front matter, or one self-contained HTML page that prints on a
sheet (`html`). It is kept short to share; more is added only when asked for.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta

from relational_cli import messages
from relational_cli.core import support
from relational_cli.core.documents import escaping as inert
from relational_cli.core.errors import UserError
from relational_cli.core.journal.fileformat import Reflection, Value, answer_text, yaml_string
from relational_cli.core.journal.pairs import Pairs
from relational_cli.core.packs import known
from relational_cli.core.packs.model import CARD_PILES

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
        return list(sort.get(CARD_PILES[0], []))
    return []


def review_date(plan: Reflection) -> date | None:
    """When the plan said to look at it again, from the day it was made."""
    choice = plan.answer_map().get(known.PLAN_REVIEW)
    if choice not in REVIEW_AFTER:
        return None
    made = made_on(plan)
    if choice == known.PLAN_REVIEW_IN_WEEKS:
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
    plan: Reflection,
    values: Reflection | None,
    region: str | None = None,
    front: bool = True,
    *,
    meanings: Mapping[str, str] | None = None,
    values_in_words: bool = False,
    all_lines: bool = False,
    links: bool = True,
) -> str:
    """The plan document in Markdown: short enough to print on a page and to share.

    `front`: a Markdown file's front matter, and its quiet footer on how to change the plan
    (the only place a command is named; a printed page leaves both out). `meanings` gives each
    value its one line (the values cards' descriptions); `values_in_words` adds what the
    values reflection says in the person's words. The support lines are the region's own, or
    every one with `all_lines` (or when the region is not known); their numbers are links
    unless not `links` (on a screen, where a link would show its address beside it)."""
    answers = plan.answer_map()
    title = title_of(plan)
    made = made_on(plan)
    review = review_date(plan)
    out = _front_matter(plan, values, title, made, review) if front else []
    out += [f"# {inert.markdown(title)}", "", messages.plan.MADE_ON.format(long_date(made)), ""]
    out += [messages.plan.NOT_A_CRISIS_PLAN, ""]
    out += _values(values, meanings or {}, values_in_words)
    out += _words(messages.plan.WELL, answers.get(known.PLAN_WELL))
    out += _everyday(answers)

    practices = [(label, _text(answers.get(key))) for key, label in known.PLAN_PRACTICES]
    out += _parts(messages.plan.PRACTICES_WITH_PEOPLE, practices)
    out += _words(messages.plan.BOUNDARIES, answers.get(known.PLAN_BOUNDARIES))
    out += _words(messages.plan.TRIGGERS, answers.get(known.PLAN_TRIGGERS))
    out += _signs(answers)
    out += _words(messages.plan.HARD_TIMES, answers.get(known.PLAN_HARD_TIMES))
    if answers.get(known.PLAN_HARD_TIMES):
        out += [messages.plan.MORE_THAN_THE_PLAN, ""]
    others = [
        (messages.plan.HELPS, _text(answers.get(known.PLAN_HELPS))),
        (messages.plan.DOESNT_HELP, _text(answers.get(known.PLAN_DOESNT_HELP))),
    ]
    out += _words(messages.plan.GETTING_WORSE, answers.get(known.PLAN_GETTING_WORSE))
    out += _parts(messages.plan.FROM_OTHERS, others)
    out += _words(messages.plan.OBSTACLES, answers.get(known.PLAN_OBSTACLES))
    out += _reaching_out(answers)
    out += _words(messages.plan.QUIET, answers.get(known.PLAN_QUIET))
    out += _support(region, all_lines, links)

    out += _look_again(answers, review)
    if front:
        out += ["---", "", FOOTER, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _front_matter(
    plan: Reflection, values: Reflection | None, title: str, made: date, review: date | None
) -> list[str]:
    """A Markdown file's front matter: the plan's title, when it was made and is to be looked
    at again, and the reflections it was made from."""
    out = ["---", f"title: {yaml_string(title)}", f"made: {made}"]
    out += [f"review: {review}"] if review else []
    out += [f"plan: {plan.id}"] + ([f"values: {values.id}"] if values else [])
    return [*out, "---", ""]


def _look_again(answers: Mapping[str, Value], review: date | None) -> list[str]:
    """When the person will look at the plan again: a day, when life changes, or whenever."""
    out = _section(messages.plan.LOOK_AGAIN)
    if review:
        out += [messages.plan.LOOK_AGAIN_ON.format(long_date(review)), ""]
    elif answers.get(known.PLAN_REVIEW) == known.PLAN_REVIEW_WHEN_CHANGED:
        out += [messages.plan.LOOK_AGAIN_WHEN_CHANGED, ""]
    else:
        out += [messages.plan.LOOK_AGAIN_WHENEVER, ""]
    return out


FOOTER = messages.plan.FOOTER


def _values(values: Reflection | None, meanings: Mapping[str, str], in_words: bool) -> list[str]:
    """The ranked values, each with its one-line meaning; and, if asked, the person's words."""
    ranked = top_values(values)
    said = values.answer_map() if values and in_words else {}
    words = [(label, _text(said.get(key))) for key, label in known.VALUES_IN_WORDS]
    if not ranked and not any(text for _, text in words):
        return []
    out = _section(messages.plan.VALUES)
    for n, value in enumerate(ranked, 1):
        meaning = meanings.get(value, "")
        out.append(f"{n}. {_one_line(value)}" + (f" — {_one_line(meaning)}" if meaning else ""))
    out += [""] if ranked else []
    return out + _labelled(words)


def _everyday(answers: Mapping[str, Value]) -> list[str]:
    """Everyday practices: those already done and those to start (a version 2 plan has one
    list of both), and what they look like in the week."""
    doing, starting = answers.get(known.PLAN_DOING), answers.get(known.PLAN_STARTING)
    both = answers.get(known.PLAN_EVERYDAY)
    notes = _text(answers.get(known.PLAN_EVERYDAY_NOTES))
    if not (doing or starting or both or notes):
        return []
    out = _section(messages.plan.EVERYDAY)
    out += _bullets(both)
    for label, picked in (
        (messages.plan.ALREADY_DOING, doing),
        (messages.plan.LIKE_TO_START, starting),
    ):
        listed = _bullets(picked)
        out += [f"### {label}", "", *listed] if listed else []
    return out + ([inert.markdown(notes), ""] if notes else [])


def _signs(answers: Mapping[str, Value]) -> list[str]:
    """Early warning signs: each with what I will do (version 4), or in words (version 3)."""
    paired = answers.get(known.PLAN_SIGNS)
    if isinstance(paired, tuple) and paired:
        return [*_section(messages.plan.SIGNS_AND_WHAT_I_DO), *pair_bullets(paired), ""]
    return _words(messages.plan.SIGNS, answers.get(known.PLAN_WARNING_SIGNS))


def pair_bullets(pairs: Pairs) -> list[str]:
    """Pairs as a Markdown list, one sentence each: "When I notice …, I will …"."""
    lines = []
    for notice, will in pairs:
        said = _one_line(notice.strip().rstrip(",;:"))
        if said and will.strip():
            lines.append(f"- **When I notice** {said}, **I will** {_one_line(will)}")
        elif said:
            lines.append(f"- **When I notice** {said}")
        elif will.strip():
            lines.append(f"- **I will** {_one_line(will)}")
    return lines


def _reaching_out(answers: Mapping[str, Value]) -> list[str]:
    """The people and the professionals to reach (a version 2 plan has one answer for both),
    each one a line, and who the plan is shared with."""
    reach = _text(answers.get(known.PLAN_REACH_OUT))
    lists = [
        (messages.plan.PEOPLE, _lines(answers.get(known.PLAN_CONTACTS))),
        (messages.plan.PROFESSIONALS, _lines(answers.get(known.PLAN_PROFESSIONALS))),
    ]
    share = (
        _text(answers.get(known.PLAN_SHARE_WITH)) if answers.get(known.PLAN_SHARE) is True else ""
    )
    if not (reach or share or any(found for _, found in lists)):
        return []
    out = _section(messages.plan.REACH_OUT)
    out += [inert.markdown(reach), ""] if reach else []
    for label, found in lists:
        out += [f"### {label}", "", *found, ""] if found else []
    return out + ([messages.plan.SHARE_WITH.format(_sentence(share)), ""] if share else [])


def _support(region: str | None, all_lines: bool, links: bool = True) -> list[str]:
    """Where to find support now: the region's crisis lines and emergency number (or every
    line). The lines for someone being hurt by another person are not in the plan: it is
    printed and shared, and may be seen by anyone at home; `relational support --hurt` has
    them."""
    lines = support.ordered(region) if all_lines else support.region_lines(region)
    return [
        *_section(messages.plan.SUPPORT_NOW),
        messages.support.REACH_OUT_NOW,
        "",
        f"- {support.emergency_text(region, links)}",
        *[f"- {support.line_text(line, links)}" for line in lines],
        "",
        messages.plan.LINES_CHECKED.format(support.VERIFIED_WORDS),
        "",
    ]


def _section(heading: str) -> list[str]:
    return [f"## {heading}", ""]


def _words(heading: str, value: Value | None) -> list[str]:
    text = _text(value)
    return [*_section(heading), inert.markdown(text), ""] if text else []


def _parts(heading: str, parts: list[tuple[str, str]]) -> list[str]:
    """A section of several answers, each under its own small heading (empty ones left out)."""
    return [*_section(heading), *_labelled(parts)] if any(text for _, text in parts) else []


def _labelled(parts: list[tuple[str, str]]) -> list[str]:
    """Answers, each under its own small heading (empty ones left out)."""
    return [
        line
        for label, text in parts
        if text
        for line in (f"### {label}", "", inert.markdown(text), "")
    ]


def _bullets(value: Value | None) -> list[str]:
    if not isinstance(value, list) or not value:
        return []
    return [f"- {_one_line(str(item))}" for item in value] + [""]


def _lines(value: Value | None) -> list[str]:
    """A list written one a line, as bullets (a bullet the person typed is not doubled)."""
    lines = [BULLET.sub("", line).strip() for line in _text(value).splitlines()]
    return [f"- {_one_line(line)}" for line in lines if line]


BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
"""A list marker a person may type at the start of a line."""


def _text(value: Value | None) -> str:
    """An answer as text ("" for none): a hand-edited file may hold any type anywhere."""
    if isinstance(value, (bool, dict, tuple)):  # not what a question of the plan asks
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
    return messages.plan.DOCUMENT_TITLE + (
        f" — {' '.join(inert.visible(name).split())}" if name else ""
    )
