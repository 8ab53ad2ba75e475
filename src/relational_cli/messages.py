"""The words relational says to people, gathered so they can be read and reviewed as a whole."""

from __future__ import annotations

from pathlib import Path

APP_HELP = """A calm place of your own to reflect on your relationships.

Guided exercises (values, a relational self-care plan, one small step a week) whose answers
are kept as Markdown files on this computer, not encrypted. Nothing is sent anywhere.

relational is not therapy, and not a replacement for care from a professional.
If you need support now: relational support (relational support --hurt if someone is
hurting you).
"""

ORIENTATION = """relational: a calm place of your own to reflect on your relationships.

  relational reflect     do an exercise, one question at a time
  relational plan        make your self-care plan, as a document to keep
  relational review      read your past reflections
  relational support     support lines, if you need a person now
  relational about       what this is, and where your words are kept

`relational --help` lists every command."""


def welcome(folder: Path, plain: bool) -> list[str]:
    """The first-run welcome (and `relational about`), a paragraph per item."""
    pause = "Ctrl-C (or typing pause)" if plain else "Ctrl-C"
    return [
        "Welcome to relational.",
        "This is a quiet place to reflect on your relationships: what you value in connection,"
        " how you look after yourself and the people around you, and one small step at a time.",
        "It is not therapy, and it is not a crisis service. If you need support now,"
        " `relational support` lists people you can call or text.",
        f"What you write stays in a folder on this computer: {folder}. Only your user account"
        " can open it, but it is not encrypted: anyone who can use this account, or read its"
        " backups, can read it. Nothing is sent anywhere.",
        f"Any question can be skipped, and {pause} pauses an exercise: your answers are kept,"
        " and it picks up where you left off.",
        "You can read this again with `relational about`.",
    ]


MENU_TITLE = "Which exercise would you like to do?"
NOT_NOW_CHOICE = "Not now"
NOT_NOW = "That's fine. It will be here when you want it."
RESUME = "Pick up where I left off"
LOOK_OVER_FIRST = "Look over my answers first"
SAVE = "Save it"
CARRY_ON = "Carry on where I left off"
CHANGE = "Change an answer"
DISCARD = "Discard it"
NEVER_MIND = "Never mind"
WHICH_ONE = "Which answer would you like to change?"
SURE_DISCARD = "Discard everything you wrote in this exercise? This cannot be undone."
KEEP_IT = "No, keep it"
YES_DISCARD = "Yes, discard it"
DISCARDED = "Discarded. Nothing from this exercise was kept."
START_AGAIN = "Start again (the paused answers are discarded)"
CLOSING = "Thank you for taking this time. Come back to it whenever you like."
NOTHING_SAVED = "Nothing was answered, so nothing was saved."
ANY_KEY = "Press any key to go on…"
SUPPORT_POINTER = (
    "If you need support now: relational support"
    " (relational support --hurt if someone is hurting you)."
)
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
BROKEN_PACKS = (
    "relational: broken packs are left out of the menu;"
    " `relational packs validate PATH` shows every problem"
)
EDIT_AGAIN = "Open it again to fix it"
EDIT_ASIDE = "Keep my edit aside and leave the reflection as it was"
NO_REFLECTIONS = "No reflections yet. Start one with `relational reflect`."
NO_MATCHES = "No reflections match."
NO_DRAFTS = "No paused exercises."
PICK_UP_DRAFT = "Pick one up with `relational reflect NAME`."
SET_ASIDE_DAMAGED = "`relational reflect NAME` offers to set a damaged draft aside, kept whole."
SET_ASIDE = "Set it aside (it is kept in the recovery folder) and start afresh"
OPEN_ANYWAY = "Open it here anyway (the other window's draft is kept whole, not replaced)"
NO_TERMINAL = (
    "`relational reflect` asks its questions in a terminal, and there is none here; "
    "to answer from a file, use `relational reflect EXERCISE --answers FILE`"
)


def paused(exercise: str) -> str:
    return (
        "Paused. Your answers so far are kept as a draft in your data folder on this computer. "
        f"`relational reflect {exercise}` picks up where you left off."
    )


def paused_draft(title: str, started: str, answered: int, cards_sorted: int) -> str:
    sorting = f", {cards_sorted} cards sorted" if cards_sorted else ""
    return f"You have a paused “{title}” from {started} ({answered} answered{sorting})."


def menu_label(title: str, minutes: int, paused: bool) -> str:
    return f"{title} (about {minutes} min)" + ("  · paused" if paused else "")


def not_asked(where: str, prompt_id: str) -> str:
    return (
        f"{where}: '{prompt_id}' is not asked with these answers (see its `when` or `choices_from`)"
    )


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
        f" (give it an answer, or `{prompt_id}: null` to skip it on purpose)"
    )


def pack_added(title: str, name: str, target: Path, builtin: bool) -> str:
    instead = " It is used instead of the built-in exercise of that id." if builtin else ""
    return f"Added “{title}” as {target}.{instead} Start it with `relational reflect {name}`."


def pack_already_added(title: str, name: str) -> str:
    return f"“{title}” is already among your exercises, word for word: `relational reflect {name}`."


def pack_would_replace(name: str, builtin: bool, yours: bool) -> str:
    what = "a pack of yours" if yours else "a built-in exercise"
    return f"'{name}' is already {what}; nothing was changed. Add --replace to use this one" + (
        " instead (yours is moved to the trash folder)" if yours else " instead of it"
    )


def pack_removed(name: str, trashed: Path) -> str:
    return f"Removed '{name}' from your exercises; the file is kept in {trashed}."


def new_pack(path: Path, name: str, replaces_builtin: bool) -> str:
    note = (
        " While it exists, it replaces the built-in exercise of that id."
        if replaces_builtin
        else ""
    )
    return (
        f"Edit it, check it with `relational packs validate {path}`,"
        f" then try it with `relational reflect {name}`.{note}"
    )


def stray_line(path: Path, line: int) -> str:
    return (
        f"relational: note: {path}:{line} is outside any answer — it stays in the file, but"
        " `relational show` will not show it; move it between an answer's comment lines"
    )


def edit_copy_kept(kept: Path) -> str:
    return f"your edited copy is kept whole in {kept}"


def showing_newest(count: int | None) -> str:
    return f"Showing the newest {count}; use --limit to see more."


MOVE_TO_TRASH = "Move it to the trash"
NOTHING_DELETED = "Kept. Nothing was moved."
YES_EMPTY = "Yes, delete them for good"
SURE_EMPTY = "Delete everything in the trash for good? This cannot be undone."
TRASH_EMPTY = "The trash is empty."


def sure_delete(title: str) -> str:
    return f"Move “{title}” to the trash? You can bring it back with `relational trash`."


def delete_needs_yes(reflection_id: str) -> str:
    return (
        "deleting asks first, and there is no terminal to ask on;"
        f" add --yes to move {reflection_id} to the trash"
    )


def moved_to_trash(reflection_id: str, where: Path) -> str:
    return (
        f"Moved {reflection_id} to the trash ({where}). "
        f"`relational trash --restore {reflection_id}` brings it back."
    )


def restored(where: Path) -> str:
    return f"Brought back into your journal: {where}"


def emptied(count: int) -> str:
    return f"Deleted {count} reflection{'' if count == 1 else 's'} from the trash for good."


def imported(added: int, already: int, source: Path) -> str:
    entries = f"{added} entr{'y' if added == 1 else 'ies'}"
    there = f" ({already} already in your journal)" if already else ""
    return f"Imported {entries} from {source}{there}. `relational review -e journal` lists them."


def _reflections(count: int) -> str:
    return f"{count} reflection{'' if count == 1 else 's'}"


def exported(count: int, target: Path) -> str:
    return f"Wrote a digest of {_reflections(count)} to {target}."


def backed_up(count: int, target: Path) -> str:
    return (
        f"Backed up {_reflections(count)} to {target}. It is not encrypted: anyone who can"
        " open the file can read it. `relational import backup FILE` brings it back."
    )


def kept_beside(place: str, kept: str) -> str:
    return f"{place} already holds other words here: the backup's is kept beside it, as {kept}."


def kept_yours(name: str) -> str:
    return f"{name} is different here: yours is kept (the backup's copy was not restored)."


def backup_restored(added: int, same: int, beside: int, source: Path) -> str:
    parts = [f"Restored {added} file{'' if added == 1 else 's'} from {source}"]
    if same:
        parts.append(f"{same} already here word for word")
    if beside:
        parts.append(f"{beside} kept beside different words")
    return "; ".join(parts) + "."


def showing_best(count: int | None) -> str:
    return f"Showing the best {count} matches; use --limit to see more."


def damaged_draft(title: str, problem: str) -> str:
    return f"Your paused “{title}” cannot be picked up: {problem}."


def set_aside(path: Path) -> str:
    return f"Set aside, whole, in {path}."


def in_recovery(count: int, folder: Path) -> str:
    things = "thing" if count == 1 else "things"
    return (
        f"The recovery folder ({folder}) keeps {count} {things} that could not be saved"
        " where they belonged; `relational recover NAME` brings one back:"
    )


def not_a_reflection(path: Path) -> str:
    return (
        f"{path} is a paused draft that could not be read, kept so nothing is lost;"
        " open it in a text editor to copy your words"
    )


def open_elsewhere(title: str, since: str) -> str:
    return (
        f"“{title}” is open in another window (since {since}). Pause or finish it there first,"
        " so that neither window's answers are written over."
    )


def other_draft_kept(kept: Path) -> str:
    return (
        f"Another window's paused draft of this exercise is kept whole in {kept};"
        f" `relational recover {kept.name}` brings it back once this one is finished."
    )


def draft_waiting(exercise: str) -> str:
    return (
        f"a paused “{exercise}” is waiting; finish it (`relational reflect {exercise}`)"
        " or start it again, then bring this one back"
    )


def draft_recovered(exercise: str) -> str:
    return (
        f"Brought back as the paused draft of {exercise};"
        f" `relational reflect {exercise}` picks it up."
    )


def fix_and_recover(path: Path, name: str) -> str:
    return f"fix it in a text editor ({path}), then run `relational recover {name}` again"


def recovered(reflection_id: str, path: Path, already: bool) -> str:
    if already:
        return f"It was already in your journal, word for word, as {reflection_id} ({path})."
    return f"Brought back into your journal as {reflection_id} ({path})."


NO_PLAN = "no self-care plan yet; `relational plan` makes one"
NO_TERMINAL_PLAN = (
    "`relational plan` asks its questions in a terminal, and there is none here; to answer"
    " from a file, use `relational plan --answers FILE`"
)


def plan_written(path: Path) -> str:
    return f"Your plan is in {path}"


def plan_not_written(path: Path, problem: str, plan_id: str) -> str:
    return (
        f"could not write the plan to {path}: {problem}. Your answers are saved as {plan_id};"
        f" `relational plan --from {plan_id} --output PATH` writes the plan somewhere else"
    )


NOTHING_TO_REMIND = (
    "nothing to remind you of yet: no weekly step (`relational reflect weekly-step`) and no"
    " plan with a day to look at it again (`relational plan`)"
)
WHICH_DAY = "Your step names no day. Which day would you like to check in on it?"


def review_passed(day: str) -> str:
    return f"Your plan's day to look at it again ({day}) has passed; `relational plan` revises it."


def check_in_set(when: str) -> str:
    return f"A weekly check-in on your small step: {when}."


def check_in_day(day: str) -> str:
    return (
        f"Your step names no day, so the check-in is on {day}s, the day you set it"
        " (--day chooses another)."
    )


def review_set(day: str) -> str:
    return f"A reminder to look again at your self-care plan: {day}."


def reminders_written(path: Path) -> str:
    return f"Written to {path}; import it into your calendar app."
