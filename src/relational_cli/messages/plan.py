"""Words of the self-care plan document and the calendar reminders."""

from __future__ import annotations

from pathlib import Path

NO_PLAN = "no self-care plan yet; relational plan makes one"


NO_TERMINAL_PLAN = (
    "relational plan asks its questions in a terminal, and there is none here; to answer"
    " from a file, use relational plan --answers FILE"
)


def plan_written(path: Path, options: tuple[str, ...] = ()) -> str:
    """`options`: those it was written with, kept in the command that writes a copy."""
    if path.suffix == ".age":
        given = "".join(f" {option}" for option in options)
        return (
            f"Your plan is in {path}, locked with your journal: relational plan --from latest"
            f"{given} --output PATH writes a copy you can print"
        )
    if hidden(path):
        given = "".join(f" {option}" for option in options)
        suffix = ".html" if "html" in options else ".md"
        return (
            f"Your plan is in {path}, in a folder file managers hide: relational plan --from"
            f" latest{given} --output ~/plan{suffix} puts a copy in your home folder"
        )
    return f"Your plan is in {path}"


def hidden(path: Path) -> bool:
    """Whether `path` is in a folder that file managers and `ls` hide (its name starts with a
    dot, as ~/.local does), so a person told its path alone may not find it."""
    return any(part.startswith(".") and part not in (".", "..") for part in path.parent.parts)


def plan_not_written(path: Path, problem: str, plan_id: str) -> str:
    return (
        f"could not write the plan to {path}: {problem}. Your answers are saved as {plan_id};"
        f" relational plan --from {plan_id} --output PATH writes the plan somewhere else"
    )


NOTHING_TO_REMIND = (
    "nothing to remind you of yet: no weekly step (relational reflect weekly-step) and no"
    " plan with a day to look at it again (relational plan)"
)


WHICH_DAY = "Your step names no day. Which day would you like to check in on it?"


def review_passed(day: str) -> str:
    return f"Your plan's day to look at it again ({day}) has passed; relational plan revises it."


def check_in_set(when: str, zone: str | None) -> str:
    if zone is None:
        return (
            f"A weekly check-in on your small step: {when}, in whatever time zone your calendar"
            " is in (this computer does not say which zone it is in; set TZ, e.g."
            " TZ=Europe/London, to fix the hour)."
        )
    return f"A weekly check-in on your small step: {when} ({zone} time)."


def check_in_day(day: str) -> str:
    return (
        f"Your step names no day, so the check-in is on {day}s, the day you set it"
        " (--day chooses another)."
    )


def review_set(day: str) -> str:
    return f"A reminder to look again at your self-care plan: {day}."


def reminders_written(path: Path) -> str:
    if hidden(path):
        return (
            f"Written to {path}, in a folder file managers hide; import it into your calendar"
            " app (relational reminders --output ~/reminders.ics puts it in your home folder,"
            " easier to find)."
        )
    return f"Written to {path}; import it into your calendar app."


def not_a_day(day: str) -> str:
    return f"--day: '{day}' is not a day of the week (e.g. sunday)"


def not_a_time(at: str) -> str:
    return f"--time: '{at}' is not a time like 18:30"


WHICH = "Write out the plan you have, or make it afresh?"
ANSWER_AGAIN = "Answer the questions again"


def use_plan(day: str) -> str:
    return f"Use your plan from {day}"


NEW_PLAN_ONLY = "--answers makes a new plan; it cannot go with --from or --show"


def undated(plan_id: str) -> str:
    return f"{plan_id}: its created date cannot be read"


def not_a_plan(reflection_id: str, exercise: str, plan: str) -> str:
    return (
        f"{reflection_id} is a {exercise} reflection, not a self-care plan"
        f" (relational review --exercise {plan} lists your plans)"
    )


SAVED_STILL_LOCKED = (
    "your plan is saved (locked), but writing it out reads your journal, which stays locked:"
    " relational plan --from latest writes the document once it is unlocked"
)


NOT_A_CRISIS_PLAN = (
    "This plan is for everyday care and for the first signs that things are slipping. It is"
    " not a crisis or safety plan: if you need one, make it with a professional you trust."
)
"""Said plainly near the top of every plan document."""


# The plan document's own words: its headings, and what it says beside the person's answers.
DOCUMENT_TITLE = "My self-care plan"
MADE_ON = "Made on {}."
WELL = "What I'm like when I'm well"
PRACTICES_WITH_PEOPLE = "Relational practices"
BOUNDARIES = "Boundaries that protect my well-being"
TRIGGERS = "What can set things off for me"
HARD_TIMES = "When things are hard"
MORE_THAN_THE_PLAN = (
    "When it is more than this plan can hold, reach out to a person: the lines under"
    " *Where to find support now* are there for that."
)
HELPS = "What helps"
DOESNT_HELP = "What doesn't help"
GETTING_WORSE = "When things are getting worse"
FROM_OTHERS = "What helps from others, and what doesn't"
OBSTACLES = "What might get in the way, and what I'll do"
QUIET = "A message for when I've gone quiet"
LOOK_AGAIN = "When I'll look at this plan again"
LOOK_AGAIN_ON = "On {}."
LOOK_AGAIN_WHEN_CHANGED = "When something changes in my life or my relationships."
LOOK_AGAIN_WHENEVER = "Whenever I need it."
FOOTER = (
    "*To change this plan, run `relational plan` again: your answers are offered as they are."
    " `relational support` lists every support line.*"
)
"""The Markdown file's quiet last line: how to change the plan, for the person (a printed
page leaves it out; it is for whoever reads the plan, not a command line)."""
VALUES = "What matters to me"
EVERYDAY = "Everyday practices"
ALREADY_DOING = "Already doing"
LIKE_TO_START = "Would like to start"
SIGNS_AND_WHAT_I_DO = "Early warning signs, and what I'll do"
SIGNS = "Early warning signs"
REACH_OUT = "Who I can reach out to"
PEOPLE = "People"
PROFESSIONALS = "Professionals"
SHARE_WITH = "I'd like to share this plan with: {}"
SUPPORT_NOW = "Where to find support now"
LINES_CHECKED = "These lines were last checked in {}."


# The calendar's events (`relational reminders`).
CHECK_IN_EVENT = "Check in on this week's small step"
CHECK_IN_EVENT_ABOUT = (
    "How did it go? relational reflect weekly-step looks back at it with you and helps you "
    "choose the next one."
)
REVIEW_EVENT = "Look again at my self-care plan"
REVIEW_EVENT_ABOUT = (
    "relational plan offers every answer of your last plan again, to keep or change."
)
