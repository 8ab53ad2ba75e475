"""Walking a pack: which prompt comes next, what it says, what counts as an answer.

The session knows nothing of terminals or files. An `Asker` puts each `Step` to the person
(questionary in a terminal, or an answers file) and returns a value, `None` for a skipped
prompt, or `BACK`. After every answer `on_answer` gets the answers so far, so a caller can
keep a draft. Answers are `None` for skipped prompts until the end, so a resumed session
knows where it stopped. Answers may also hold remembered answers — `last:ID` keys from the
previous reflection of the same pack, `PACK.ID` keys from the latest reflection of another
pack — for placeholders, choices and carrying answers forward; only the pack's own prompt ids
are ever saved.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from relational_cli import messages
from relational_cli.core.exercise import checking
from relational_cli.core.journal.fileformat import Section, Value, answer_text
from relational_cli.core.packs.model import (
    CARD_PILES,
    LAST,
    PLACEHOLDER,
    Choice,
    Pack,
    Prompt,
    month_pack,
    other_pack,
)

Answers = dict[str, Value | None]


@dataclass(frozen=True)
class Back:
    """Returned by an asker when the person wants the previous question again, with what was
    given to this one but not sent (typed text, a card sort so far), so that is not lost."""

    unsent: Any = None

    def __repr__(self) -> str:
        return "BACK"


BACK = Back()
PLACED_ANSWER_LIMIT = 120
"""How much of an earlier answer a later question shows in its text."""
MONTH_SHOWN = 20
"""How many of a month's titles a note lists before saying how many more there are."""
UPCOMING = "\0upcoming"
"""Stands in, when counting, for an answer not given yet."""


@dataclass(frozen=True)
class Step:
    prompt: Prompt
    text: str
    """The prompt's text with earlier answers filled in."""
    choices: tuple[Choice, ...]
    number: int
    total: int
    previous: Value | None = None
    """The answer given before (when going back or resuming), to offer as the default."""


class Asker(Protocol):
    def ask(self, step: Step) -> Value | Back | None: ...

    def show_note(self, step: Step) -> None: ...

    def ground(self, step: Step) -> None:
        """Offer a short grounding pause (breath, feet on the floor, what is around), which
        the person may take or skip; nothing is kept of it."""

    def nudge(self, step: Step) -> None:
        """Said once when a prompt marked `optional: false` is left empty; asked again after."""

    def mention(self, text: str) -> None:
        """Said instead of a prompt that cannot be asked (its `otherwise`)."""


def run(
    pack: Pack,
    asker: Asker,
    answers: Answers | None = None,
    on_answer: Callable[[Answers], None] | None = None,
    unsent: dict[str, Any] | None = None,
) -> Answers:
    """Ask every visible prompt not yet answered; returns answers (None where skipped).

    Given earlier answers (a resumed draft), it carries on after the last one answered, and
    going back can still reach them. A prompt stepped back to, and those after it, are asked
    again with their earlier answer as the default; notes are shown once. A prompt with
    `optional: false` left empty is nudged once, then may be skipped.

    `unsent` holds, by prompt id, what was given to a question but not sent: before a pause,
    or when the person went back from it. It is offered to that question when it is asked
    again, ahead of any earlier answer or default. The dict is kept up to date in place, and
    `on_answer` is called after every answer and every step back that leaves words unsent.
    """
    unsent = {} if unsent is None else unsent
    nudged: set[str] = set()
    mentioned: set[str] = set()
    answers = dict(answers or {})
    prompts = pack.prompts
    history = [i for i, p in enumerate(prompts) if p.asks and p.id in answers]
    furthest = max(history, default=-1)
    index = furthest + 1
    while index < len(prompts):
        prompt = prompts[index]
        step = make_step(pack, prompt, answers)
        if step is None and prompt.id not in mentioned and _missing_elsewhere(prompt, answers):
            mentioned.add(prompt.id)
            asker.mention(prompt.otherwise)
        if step is None or (not prompt.asks and index <= furthest):
            index += 1
            continue
        if not prompt.asks:
            (asker.ground if prompt.type == "grounding" else asker.show_note)(step)
            furthest = index
            index += 1
            continue
        result = _put(asker, step, unsent)
        if result is None and not prompt.optional and prompt.id not in nudged:
            nudged.add(prompt.id)
            asker.nudge(step)
            continue
        if isinstance(result, Back):
            if result.unsent is not None:
                unsent[prompt.id] = result.unsent
                if on_answer:
                    on_answer(answers)
            while history:  # back past questions that answered themselves
                index = history.pop()
                earlier = make_step(pack, prompts[index], answers)
                if earlier is None or _automatic(earlier) is None:
                    break
            continue
        unsent.pop(prompt.id, None)
        answers[prompt.id] = result
        if on_answer:
            on_answer(answers)
        history.append(index)
        furthest = max(furthest, index)
        index += 1
    return answers


def _put(asker: Asker, step: Step, unsent: Mapping[str, Any]) -> Value | Back | None:
    """Put one step to the person, offering what they gave it last and did not send, else
    their earlier answer, else the pack's default; a prompt that answers itself is not asked."""
    if unsent.get(step.prompt.id) is not None:
        step = dataclasses.replace(step, previous=unsent[step.prompt.id])
    elif step.previous is None:
        step = dataclasses.replace(step, previous=step.prompt.default)
    return _automatic(step) or asker.ask(step)


def _automatic(step: Step) -> Value | None:
    """The answer a prompt gives itself: a ranking of one choice has nothing to put in order."""
    if step.prompt.type == "ranking" and len(step.choices) == 1:
        return [step.choices[0].value]
    return None


def ask_again(pack: Pack, asker: Asker, answers: Answers, prompt_id: str) -> Answers:
    """Ask one answered prompt again (its answer offered as the default); going back keeps
    the answer as it was. Prompts the change newly shows are then asked too."""
    step = make_step(pack, pack.prompt(prompt_id), answers)
    if step is None:
        return answers
    result = _put(asker, step, {})
    if isinstance(result, Back):
        return answers
    return fill_gaps(pack, asker, {**answers, prompt_id: result})


def fill_gaps(pack: Pack, asker: Asker, answers: Answers) -> Answers:
    """Ask every prompt now shown that has never been answered (after a change revealed it)."""
    answers = dict(answers)
    for prompt in pack.prompts:
        if prompt.asks and prompt.id not in answers:
            step = make_step(pack, prompt, answers)
            if step is not None:
                result = _put(asker, step, {})
                answers[prompt.id] = None if isinstance(result, Back) else result
    return answers


def make_step(pack: Pack, prompt: Prompt, answers: Mapping[str, Value | None]) -> Step | None:
    """The prompt as it should be shown now, or None when it should not be shown."""
    choices = _shown_with(pack, prompt, answers)
    if choices is None:
        return None
    # The total counts every question that can still come: one that builds on an answer not
    # given yet counts, as if that answer will open it. So "3 of 9" never grows as the person
    # goes ("12 of 12", then "12 of 13"); a "no" that closes a question makes it shrink.
    ahead: dict[str, Any] = dict(answers)
    asking = []
    for other in pack.prompts:
        if other.asks and _shown_with(pack, other, ahead) is not None:
            asking.append(other)
            ahead.setdefault(other.id, [UPCOMING])  # to be answered: it could be anything
    number = asking.index(prompt) + 1 if prompt in asking else 0
    step = Step(
        prompt=prompt,
        text=fill(prompt.text, answers),
        choices=choices,
        number=number,
        total=len(asking),
        previous=answers.get(prompt.id),
    )
    if prompt.id not in answers and prompt.asks:
        step = dataclasses.replace(step, previous=_carried(pack, step, answers))
    return step


def _carried(pack: Pack, step: Step, answers: Mapping[str, Value | None]) -> Value | None:
    """Last time's answer to offer (the pack's `carry_forward`), if it still fits."""
    rule = pack.carry_forward
    prompt_id = step.prompt.id
    if rule is None or (rule.prompts and prompt_id not in rule.prompts):
        return None
    if not matches(rule.when, answers):
        return None
    sources = [s.answer for s in rule.sources if s.prompt == prompt_id and matches(s.when, answers)]
    given = [answers[LAST + name] for name in sources if answers.get(LAST + name) is not None]
    previous = given[0] if given else answers.get(LAST + prompt_id)
    if previous is None and step.prompt.was:  # asked under another id in an earlier version
        previous = answers.get(LAST + step.prompt.was)
        if step.prompt.type == "pairs" and isinstance(previous, str):  # long text, then
            previous = checking.noticed(previous)
    try:
        return check(step, previous)
    except ValueError:
        return None  # the pack changed since: it no longer fits


def _missing_elsewhere(prompt: Prompt, answers: Mapping[str, Value | None]) -> bool:
    """Whether a prompt with `otherwise` is not shown for want of another pack's answers."""
    if not prompt.otherwise or not visible(prompt, answers):
        return False
    return any(
        (other_pack(name) or month_pack(name) is not None)
        and answers.get(name) in (None, [], "", {})
        for name in prompt.builds_on
    )


def _shown_with(
    pack: Pack, prompt: Prompt, answers: Mapping[str, Value | None]
) -> tuple[Choice, ...] | None:
    """The choices a prompt is shown with now (empty for prompts without choices), or None
    when it is not shown: its `when` does not match, its `choices_from` answer is empty, or a
    {placeholder} names an answer that is missing."""
    if not visible(prompt, answers):
        return None
    if any(answers.get(name) in (None, [], "", {}) for name in PLACEHOLDER.findall(prompt.text)):
        return None
    if not prompt.choices_from:
        return prompt.choices
    earlier = answers.get(prompt.choices_from)
    if isinstance(earlier, dict):  # a card sort: its first pile
        earlier = earlier.get(CARD_PILES[0])
    if not isinstance(earlier, list) or not earlier:
        return None
    if other_pack(prompt.choices_from):
        return tuple(Choice(value) for value in earlier)
    offered = _offered(pack, prompt.choices_from)
    return tuple(offered.get(value) or Choice(value) for value in earlier)


def _offered(pack: Pack, prompt_id: str) -> dict[str, Choice]:
    """The choices an earlier prompt offered, by value, following choices_from back."""
    prompt = pack.prompt(prompt_id)
    if prompt.choices_from:
        return _offered(pack, prompt.choices_from)
    return {choice.value: choice for choice in prompt.choices}


def visible(prompt: Prompt, answers: Mapping[str, Value | None]) -> bool:
    """Whether a prompt's `when` matches these answers and its `unless` does not. An answer
    still to come (`UPCOMING`, when counting) may yet match the one and not the other."""
    return matches(prompt.when, answers, upcoming=True) and not (
        prompt.unless and matches(prompt.unless, answers, upcoming=False)
    )


def matches(
    conditions: Iterable[tuple[str, tuple[Any, ...]]],
    answers: Mapping[str, Value | None],
    upcoming: bool = False,
) -> bool:
    """Whether, for each (prompt id, accepted values), the answer is among them (for a list
    answer, any of its values); an answer still to come counts as `upcoming` says."""
    for prompt_id, accepted in conditions:
        answer = answers.get(prompt_id)
        if answer is None:
            return False
        given = answer if isinstance(answer, list) else [answer]
        if UPCOMING in given:
            if not upcoming:
                return False
            continue
        if not any(_same(item, wanted) for item in given for wanted in accepted):
            return False
    return True


def _same(answer: Any, wanted: Any) -> bool:
    if isinstance(answer, bool) or isinstance(wanted, bool):
        return answer is wanted
    return bool(answer == wanted)


def fill(text: str, answers: Mapping[str, Value | None]) -> str:
    """The prompt's text with earlier answers in place of its {placeholders}. A long answer is
    shortened to the start of its first line: a question stays a question, and the whole
    answer is still in its own reflection. A month's titles ({month:pack}) are a list, each
    on a line of its own."""

    def replace(match: Any) -> str:
        if month_pack(match.group(1)) is not None:  # a list of titles, a line each
            titles = answers.get(match.group(1))
            listed = titles if isinstance(titles, list) else []
            lines = [f"\n- {' '.join(title.split())}" for title in listed[:MONTH_SHOWN]]
            if len(listed) > MONTH_SHOWN:
                lines.append(f"\n- {messages.exercise.more_this_month(len(listed) - MONTH_SHOWN)}")
            return "".join(lines)
        shown = answer_text(answers.get(match.group(1)))
        first_line = shown.strip().split("\n", 1)[0]
        if first_line == shown and len(shown) <= PLACED_ANSWER_LIMIT:
            return shown
        return first_line[:PLACED_ANSWER_LIMIT].rstrip() + " …"

    return PLACEHOLDER.sub(replace, text)


TITLE_LIMIT = 80
TITLE_FROM_DATE = "date"
PLAIN_TITLE = "\0plain-title"
"""In the answers when the person chose a title that shows only the day (never saved)."""


def title(pack: Pack, answers: Mapping[str, Value | None], day: date) -> str:
    """A reflection's title: the answer its pack takes the title from (`title_from`), shortened
    to one line; the pack's title and the day for `title_from: date`; else the pack's title."""
    if pack.title_from == TITLE_FROM_DATE or answers.get(PLAIN_TITLE) is True:
        return f"{pack.title}, {day.day} {day:%B %Y}"
    answer = answers.get(pack.title_from) if pack.title_from else None
    if not isinstance(answer, str) or not answer.strip():
        return pack.title
    line = " ".join(answer.split())
    return line if len(line) <= TITLE_LIMIT else line[: TITLE_LIMIT - 2].rstrip() + " …"


def sections(pack: Pack, answers: Mapping[str, Value | None]) -> list[Section]:
    """What gets written: every visible question with its answer (None if skipped)."""
    result = []
    for prompt in pack.prompts:
        if not prompt.asks:
            continue
        step = make_step(pack, prompt, answers)
        if step is None:
            continue
        ranked = prompt.type == "ranking"
        result.append(Section(prompt.id, step.text, answers.get(prompt.id), prompt.help, ranked))
    return result


def closing(pack: Pack, answers: Mapping[str, Value | None]) -> tuple[str, str]:
    """The closing words for the path these answers took (the first of the pack's `outros`
    whose `when` matches the answers still shown, else its `outro`), and the kind of support
    lines to show after them ("" for none)."""
    kept = final_answers(pack, answers)
    for outro in pack.outros:
        if matches(outro.when, kept):
            return outro.text, outro.support
    return pack.outro, ""


def final_answers(pack: Pack, answers: Mapping[str, Value | None]) -> dict[str, Value]:
    """Answers of the prompts still shown, without skipped ones: what a reflection keeps."""
    return {
        section.prompt_id: section.value
        for section in sections(pack, answers)
        if section.value is not None
    }


def check(step: Step, raw: Any) -> Value | None:
    """A raw answer (from a file or a draft) as a typed value; ValueError says what is wrong."""
    return checking.check(step.prompt, step.choices, raw)
