"""The built-in exercises and questions the rest of relational builds on, by id, in one place.

The plan document reads the self-care plan's answers and the values card sort; the timeline
and review read how each weekly step went; reminders read when a step happens; jrnl entries
become journal reflections; the check-in's scales and the map's circles are read back as
they were kept. A test checks every id here against the shipped packs.
"""

from __future__ import annotations

from relational_cli.core.journal.fileformat import Reflection

VALUES = "values"
VALUES_TOP = ("ranked", "top_five", "important")
"""Where a values reflection keeps its top values, best first: the ranking, then the top
five, then (an older values pack) its important ones."""
VALUES_SORT = "sort"
VALUES_CARDS = "values-cards"
"""The shared list of values cards, whose descriptions give each value its one-line meaning."""
VALUES_IN_WORDS = (
    ("meaning", "What they mean to me"),
    ("living_them", "How they show up in my relationships"),
    ("more_fully", "Where I'd like to live them more fully"),
)
"""What a values reflection says in the person's words, each with its heading in the plan
(shown there only when asked for: the plan stays short to share)."""

STEP = "weekly-step"
STEP_OUTCOME = "last_step"
"""Asked by each weekly step of the one before it: Done, Partly, Not yet…"""
STEP_OUTCOMES = ("Done", "Partly", "Not yet", "It didn't fit in the end")
"""The choices of `STEP_OUTCOME`, in the pack's order (the timeline counts each)."""
STEP_WHEN = ("anchor", "if_then")
"""The answers of a step that can say when it happens ("After I make my Sunday coffee")."""

PLAN = "self-care-plan"
PLAN_NAME = "name"
PLAN_DOING = "doing"
PLAN_STARTING = "starting"
PLAN_EVERYDAY = "everyday"
"""Version 2's one list of everyday practices (doing, or would like to be)."""
PLAN_EVERYDAY_NOTES = "everyday_notes"
PLAN_PRACTICES = (
    ("people", "The people who help me feel like myself"),
    ("check_ins", "Regular check-ins"),
    ("communities", "Where I belong"),
    ("receiving", "Letting others care for me"),
)
"""The plan's relational practices, each with its heading in the plan document."""
PLAN_WELL = "well"
"""What I'm like when I'm well (version 4): the picture supporters use to notice a change."""
PLAN_BOUNDARIES = "boundaries"
PLAN_TRIGGERS = "triggers"
PLAN_SIGNS = "signs"
"""Version 4's early warning signs, each paired with what I will do (a pairs prompt)."""
PLAN_WARNING_SIGNS = "warning_signs"
"""Version 3's early warning signs, in words (`signs` offers them again, each to pair)."""
PLAN_HARD_TIMES = "hard_times"
PLAN_GETTING_WORSE = "getting_worse"
PLAN_HELPS = "helps"
PLAN_DOESNT_HELP = "doesnt_help"
PLAN_OBSTACLES = "obstacles"
PLAN_CONTACTS = "contacts"
PLAN_PROFESSIONALS = "professionals"
PLAN_QUIET = "quiet_message"
"""A message ready to send when I've gone quiet."""
PLAN_REACH_OUT = "reach_out"
"""Version 2's one answer for everyone to reach out to (people and professionals together)."""
PLAN_SHARE = "share"
PLAN_SHARE_WITH = "share_with"
PLAN_REVIEW = "review_when"
PLAN_REVIEW_IN_WEEKS = "In two weeks"
PLAN_REVIEW_AFTER = {PLAN_REVIEW_IN_WEEKS: 14, "In a month": 1, "In three months": 3}
"""Days for weeks; months for months."""
PLAN_REVIEW_WHEN_CHANGED = "When something changes"

CHECK_IN = "check-in"
CHECK_IN_SCALES = ("connected", "alone", "cared_for")
"""The check-in's three scales, each kept as its own number (never added up)."""
CHECK_IN_RANGE = (1, 5)
"""Where each of the check-in's scales starts and ends."""

MAP = "relationship-map"
MAP_CIRCLES = ("close", "around", "further")
"""The map's circles, closest first: each a question answered one person a line."""
MAP_BRINGS = ("nourishes", "drains", "both", "not sure")
"""What a person on the map brings, as each line ends: "J - nourishes"."""

JOURNAL = "journal"
JOURNAL_ENTRY = "entry"
JOURNAL_TITLE = "title"

STARTERS = (VALUES, STEP, PLAN)
"""The exercises the menu offers first: the others (and the plan) build on them."""
GROUPS = ("Start here", "Connection", "When it hurts", "Caring for myself", "With your therapist")
"""The menu's headings for the built-in exercises, in the menu's order (a pack's `group`);
the groups of people's own packs follow, by name."""
NO_GROUP = "More exercises"
"""The heading of packs that name no group, listed last."""


def step_outcome(next_step: Reflection | None) -> str | None:
    """How a weekly step went, as the step after it said when it looked back (None: it has
    not been looked back on yet, or the question was skipped)."""
    said = next_step.answer_map().get(STEP_OUTCOME) if next_step else None
    return said if isinstance(said, str) else None
