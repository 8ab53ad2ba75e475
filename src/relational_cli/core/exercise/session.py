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
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol, cast

from relational_cli import messages
from relational_cli.core.exercise import checking
from relational_cli.core.exercise.conditions import UPCOMING, matches, missing_elsewhere, shown_with
from relational_cli.core.journal.drafts import Unsent
from relational_cli.core.journal.fileformat import Section, Value, answer_text
from relational_cli.core.packs.model import (
    LAST,
    PLACEHOLDER,
    CarryForward,
    Choice,
    Pack,
    Prompt,
    month_pack,
)

Answers = dict[str, Value | None]


@dataclass(frozen=True)
class Back:
    """Returned by an asker when the person wants the previous question again, with what was
    given to this one but not sent (typed text, a card sort so far), so that is not lost."""

    unsent: Unsent | None = None

    def __repr__(self) -> str:
        return "BACK"


BACK = Back()
PLACED_ANSWER_LIMIT = 120
"""How much of an earlier answer a later question shows in its text."""
MONTH_SHOWN = 20
"""How many of a month's titles a note lists before saying how many more there are."""


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
    unsent: dict[str, Unsent] | None = None,
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
    walk = _Walk(pack, asker, dict(answers or {}), {} if unsent is None else unsent, on_answer)
    while walk.index < len(pack.prompts):
        walk.turn()
    return walk.answers


class _Walk:
    """One walk through a pack's prompts: the prompt it is at, the answered ones it can go
    back to, the furthest it has been, and what it has said once (nudges, mentions)."""

    def __init__(
        self,
        pack: Pack,
        asker: Asker,
        answers: Answers,
        unsent: dict[str, Unsent],
        on_answer: Callable[[Answers], None] | None,
    ) -> None:
        self.pack = pack
        self.asker = asker
        self.answers = answers
        self.unsent = unsent
        self.on_answer = on_answer
        self.nudged: set[str] = set()
        self.mentioned: set[str] = set()
        prompts = pack.prompts
        self.history = [i for i, p in enumerate(prompts) if p.asks and p.id in answers]
        """The answered prompts behind, by index: where going back leads."""
        self.furthest = max(self.history, default=-1)
        self.index = self.furthest + 1

    def turn(self) -> None:
        """The prompt at `index` passed by, shown or asked; `index` moves on (or back)."""
        prompt = self.pack.prompts[self.index]
        step = make_step(self.pack, prompt, self.answers)
        if step is None:
            self.mention(prompt)
            self.index += 1
        elif not prompt.asks:
            self.pause(step)
        else:
            self.ask(step)

    def mention(self, prompt: Prompt) -> None:
        """Said once, instead of a prompt not shown for want of another pack's answers."""
        if prompt.id not in self.mentioned and missing_elsewhere(prompt, self.answers):
            self.mentioned.add(prompt.id)
            self.asker.mention(prompt.otherwise)

    def pause(self, step: Step) -> None:
        """A note or a grounding pause: shown once, not again on the way back or forth."""
        if self.index > self.furthest:
            (self.asker.ground if step.prompt.type == "grounding" else self.asker.show_note)(step)
            self.furthest = self.index
        self.index += 1

    def ask(self, step: Step) -> None:
        prompt = step.prompt
        result = _put(self.asker, step, self.unsent)
        if result is None and not prompt.optional and prompt.id not in self.nudged:
            self.nudged.add(prompt.id)
            self.asker.nudge(step)  # and asked again
        elif isinstance(result, Back):
            self.back(prompt, result)
        else:
            self.unsent.pop(prompt.id, None)
            self.answers[prompt.id] = result
            self.keep()
            self.history.append(self.index)
            self.furthest = max(self.furthest, self.index)
            self.index += 1

    def back(self, prompt: Prompt, back: Back) -> None:
        """To the question before, past those that answered themselves; what was given to
        this one and not sent is kept for when it comes round again."""
        if back.unsent is not None:
            self.unsent[prompt.id] = back.unsent
            self.keep()
        while self.history:
            self.index = self.history.pop()
            earlier = make_step(self.pack, self.pack.prompts[self.index], self.answers)
            if earlier is None or _automatic(earlier) is None:
                break

    def keep(self) -> None:
        if self.on_answer:
            self.on_answer(self.answers)


def _put(asker: Asker, step: Step, unsent: Mapping[str, Unsent]) -> Value | Back | None:
    """Put one step to the person, offering what they gave it last and did not send, else
    their earlier answer, else the pack's default; a prompt that answers itself is not asked."""
    if unsent.get(step.prompt.id) is not None:  # a card sort so far rides as the piles it makes
        step = dataclasses.replace(step, previous=cast("Value", unsent[step.prompt.id]))
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
    choices = shown_with(pack, prompt, answers)
    if choices is None:
        return None
    # The total counts every question that can still come: one that builds on an answer not
    # given yet counts, as if that answer will open it. So "3 of 9" never grows as the person
    # goes ("12 of 12", then "12 of 13"); a "no" that closes a question makes it shrink.
    ahead: dict[str, Value | None] = dict(answers)
    asking = []
    for other in pack.prompts:
        if other.asks and shown_with(pack, other, ahead) is not None:
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
    if rule is None or (rule.prompts and step.prompt.id not in rule.prompts):
        return None
    if not matches(rule.when, answers):
        return None
    try:
        return check(step, _last_time(rule, step.prompt, answers))
    except ValueError:
        return None  # the pack changed since: it no longer fits


def _last_time(
    rule: CarryForward, prompt: Prompt, answers: Mapping[str, Value | None]
) -> Value | None:
    """Last time's answer to `prompt`: to the question the rule takes it `from` where one
    matches, else to the prompt itself, else to the id it had before (`was`)."""
    prompt_id = prompt.id
    sources = [s.answer for s in rule.sources if s.prompt == prompt_id and matches(s.when, answers)]
    given = [answers[LAST + name] for name in sources if answers.get(LAST + name) is not None]
    previous = given[0] if given else answers.get(LAST + prompt_id)
    if previous is None and prompt.was:  # asked under another id in an earlier version
        previous = answers.get(LAST + prompt.was)
        if prompt.type == "pairs" and isinstance(previous, str):  # long text, then
            previous = checking.noticed(previous)
    return previous


def fill(text: str, answers: Mapping[str, Value | None]) -> str:
    """The prompt's text with earlier answers in place of its {placeholders}. A long answer is
    shortened to the start of its first line: a question stays a question, and the whole
    answer is still in its own reflection. A month's titles ({month:pack}) are a list, each
    on a line of its own."""

    def replace(match: re.Match[str]) -> str:
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


def check(step: Step, raw: object) -> Value | None:
    """A raw answer (from a file or a draft) as a typed value; ValueError says what is wrong."""
    return checking.check(step.prompt, step.choices, raw)
