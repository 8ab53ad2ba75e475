"""Words of doing an exercise: the menu, the content note, pausing and resuming, looking
over, saving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MENU_TITLE = "Which exercise would you like to do?"


NOT_NOW_CHOICE = "Not now"


NOT_NOW = "That's fine. It will be here when you want it."


RESUME = "Pick up where I left off"


LOOK_OVER_FIRST = "Look over my answers first"


SAVE = "Save it"


SAVE_PLAIN_TITLE = "Save it, with a title that shows only the day"
"""Offered where a reflection would be titled by an answer (the weekly step's "Call Inés"):
a title shows in `relational review`, and can be read over a shoulder."""


CARRY_ON = "Carry on where I left off"


CHANGE = "Change an answer"


DISCARD = "Discard it"


NEVER_MIND = "Never mind"


WHICH_ONE = "Which answer would you like to change?"


def more_this_month(count: int) -> str:
    """Said after the titles a note lists of the last month, when there are more."""
    return f'and {count} more (relational review --since "last month" lists them all)'


def note_from(name: str) -> str:
    """Said before the note a pack carries from whoever wrote it (its `from:`)."""
    return f"A note from {name}:" if name else "A note from whoever wrote this exercise:"


SURE_DISCARD = "Discard everything you wrote in this exercise? This cannot be undone."


YES_DISCARD = "Yes, discard it"


DISCARDED = "Discarded. Nothing from this exercise was kept."


START_AGAIN = "Start again (the paused answers are discarded)"


CLOSING = "Thank you for taking this time. Come back to it whenever you like."


NOT_ASKED_YET = "not asked yet"


def not_sent(words: str) -> str:
    return f"typed, not yet sent: {words}"


NOTHING_SAVED = "Nothing was answered, so nothing was saved."
NOTHING_KEPT = "Stopped. Nothing was answered yet, so there is no draft to pick up."


TAKE_A_PAUSE = "Take a short pause"


SKIP_THE_PAUSE = "Skip it and go on"


GROUNDING = (
    "Look around you and name, quietly, three things you can see, and one sound you can hear.",
    "Notice where your body meets something solid: your feet on the floor, your weight in"
    " the chair, your hands where they rest.",
    "If it feels all right, notice your breath for a moment, just as it is. If it doesn't,"
    " stay with what you can see.",
)


GROUNDED = "You can come back to a pause like this whenever you need one. Go on when you're ready."


NUDGE = (
    "This one shapes the rest of the exercise, so it may help to answer it, even briefly. "
    "Leave it empty again to skip it anyway."
)


SET_ASIDE = "Set it aside (it is kept in the recovery folder) and start afresh"


OPEN_ANYWAY = "Open it here anyway (the other window's draft is kept whole, not replaced)"


NO_TERMINAL = (
    "relational reflect asks its questions in a terminal, and there is none here; "
    "to answer from a file, use relational reflect EXERCISE --answers FILE"
)


def paused(exercise: str) -> str:
    return (
        "Paused. Your answers so far are kept as a draft in your data folder on this computer. "
        f"relational reflect {exercise} picks up where you left off."
    )


def paused_draft(title: str, started: str, answered: int, cards_sorted: int) -> str:
    sorting = f", {cards_sorted} cards sorted" if cards_sorted else ""
    return f"You have a paused “{title}” from {started} ({answered} answered{sorting})."


def menu_label(title: str, minutes: int, paused: bool) -> str:
    return f"{title} (about {minutes} min)" + (", paused" if paused else "")


def not_asked(where: str, prompt_id: str) -> str:
    return f"{where}: '{prompt_id}' is not asked with these answers (see its when or choices_from)"


def draft_failed(problem: str) -> str:
    return (
        f"Could not keep a draft ({problem}). Your answers are held here until the end, "
        "and saved then; if that fails too, they will be shown to you so nothing is lost."
    )


DRAFT_PRINTED = (
    "paused, but no draft could be written; everything you wrote so far is printed above, "
    "so you can copy it somewhere safe"
)


def kept_in_recovery(problem: str, path: Path) -> str:
    return f"could not save the reflection ({problem}); it is kept whole in {path}"


def printed_instead(problem: str) -> str:
    return (
        f"could not save the reflection ({problem}), nor keep it in the recovery folder; "
        "it is printed above in full, so you can copy it somewhere safe"
    )


def needed(source: str, prompt_id: str) -> str:
    return (
        f"{source}: '{prompt_id}' is needed by this exercise"
        f" (give it an answer, or {prompt_id}: null to skip it on purpose)"
    )


def damaged_draft(title: str, problem: str) -> str:
    return f"Your paused “{title}” cannot be picked up: {problem}."


def set_aside(path: Path) -> str:
    return f"Set aside, whole, in {path}."


def open_elsewhere(title: str, since: str) -> str:
    return (
        f"“{title}” is open in another window (since {since}). Pause or finish it there first,"
        " so that neither window's answers are written over."
    )


def other_draft_kept(kept: Path) -> str:
    return (
        f"Another window's paused draft of this exercise is kept whole in {kept};"
        f" relational recover {kept.name} brings it back once this one is finished."
    )


SKIPPED = "skipped"
"""What a question left unanswered shows, once it is gone by."""


def skipped_pack(name: str, problem: str) -> str:
    return f"relational: warning: skipped pack {name}: {problem}"


NO_EXERCISES = "no exercises found (the built-in packs are missing from this install)"
ANSWERS_NEED_EXERCISE = (
    "--answers needs an exercise name, e.g. relational reflect values --answers FILE"
)


def answers_not_a_mapping(source: str, shape: str) -> str:
    return f"{source}: answers must map prompt ids to answers, but this is {shape}"


def not_a_prompt_id(where: str, key: object) -> str:
    return f"{where}: '{key}' is not a prompt id"


def not_a_prompt(where: str, key: str, hint: str) -> str:
    return f"{where}: '{key}' is not a prompt in this exercise{hint}"


def asked_as(prompt_id: str) -> str:
    return f" (an earlier version asked it; it is '{prompt_id}' now)"


def takes_no_answer(where: str, prompt: Any) -> str:
    return f"{where}: '{prompt.id}' is a {prompt.type} and takes no answer"


def wrong_answer(where: str, prompt_id: str, problem: object) -> str:
    """`problem` says what is wrong with the answer ("should be text", …: see `checking`)."""
    return f"{where}: '{prompt_id}' {problem}"


def no_answers(source: str) -> str:
    return f"{source}: no answers to save"


# A question of pairs: what I notice, and what I will do then.
PAIRS_OFFERED = (
    "Your pairs so far come first: change any part, or clear both halves to leave one out"
)
PLAIN_PAIRS_HINT = (
    "One pair at a time: type what you notice and press Enter, then what you will do. Either"
    " half can be left empty. Enter alone after “When I notice” finishes."
)
PLAIN_PAIRS_OFFERED = (
    "Your pairs so far come first, a part at a time: Enter alone keeps a part, new words"
    " replace it, and skip leaves it empty (a pair with both halves empty is left out)."
)


def so_far(part: str) -> str:
    """Half of a pair given before, offered again in plain mode (Enter alone keeps it)."""
    return f"So far: {part}"


SKIP_QUESTION = "Skip this question"
SKIP_RANKING = "Skip the ranking"
WHICH_FIRST = "Which comes first?"
WHICH_NEXT = "Which comes next (number {})?"
OWN_CARD = "your own card"
"""The description of a card a person added to the deck."""
NAME_A_CARD = "Your own card — a value that matters to you:"
CARD_THERE_ALREADY = "There is already a card called “{}”."
SORTED = "Sorted {} cards: {}."
KEEP_SORT = "Keep this sort"
SORT_UNSURE_AGAIN = "Sort the Unsure pile again"
SORT_ALL_AGAIN = "Sort all the cards again"
SORTED_EVERY_CARD = "You have sorted every card."
WHOLE_DECK = "All {} cards (about {} minutes)"
SHORT_DECK = "A shorter deck of {} cards (about {} minutes)"
WHICH_DECK = "Which deck would you like to sort?"
YOUR_ANSWERS = "Your answers"
CONTENT_NOTE = "Content note: {}"
GO_ON = "Would you like to go on?"
YES = "Yes"
NOT_NOW_CHOICE = "Not now"
SCALE_ENDS = "{} means {}, {} means {}"
"""A scale's two ends, under its question: "1 means not at all, 5 means very"."""
