"""Words about exercises as files: `relational packs`."""

from __future__ import annotations

from pathlib import Path

BROKEN_PACKS = (
    "relational: broken packs are left out of the menu;"
    " relational packs validate PATH shows every problem"
)


def pack_added(title: str, name: str, target: Path, builtin: bool) -> str:
    instead = " It is used instead of the built-in exercise of that id." if builtin else ""
    return f"Added “{title}” as {target}.{instead} Start it with relational reflect {name}."


def pack_already_added(title: str, name: str) -> str:
    return f"“{title}” is already among your exercises, word for word: relational reflect {name}."


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
        f"Edit it, check it with relational packs validate {path},"
        f" then try it with relational reflect {name}.{note}"
    )


def already_there(target: Path) -> str:
    return f"{target} already exists; edit it, or choose another id"


def appeared(target: Path) -> str:
    return f"{target} appeared while adding; nothing was replaced"


def built_in(name: str) -> str:
    return f"'{name}' is a built-in exercise; only your own packs can be removed"


def checked(path: Path, title: str, questions: int) -> str:
    return f"{path}: ok — “{title}”, {questions} questions"


SOURCES = "What it draws on"

KEEP_PACK = "Keep it"
REMOVE_PACK = "Remove it (moved to the trash folder)"
NOTHING_REMOVED = "Nothing was removed."


def remove_needs_yes(name: str) -> str:
    return f"removing '{name}' needs --yes when there is no terminal to ask on"


def not_a_name(name: str) -> str:
    return (
        f"'{name}' is not an exercise name (names are lowercase letters, digits, - and _;"
        " see relational packs list)"
    )


def no_such_exercise(name: str, hint: str) -> str:
    return f"no exercise called '{name}'{hint}; relational packs list shows every exercise"


def no_such_data_set(name: str) -> str:
    return f"no data set called '{name}' (the values cards are data:values-cards)"


def quote_yes_or_no(word: str) -> str:
    return (
        f'{word} reads as true or false in YAML, not as a choice: write it in quotes, "{word}"'
        " (Yes, No, On and Off too)"
    )


# Problems a pack file can have, as `relational packs validate` says them (after the file, its
# line and the key).
DATA_SET = "data set"
MISSING = "missing {}"
MUST_BE_LOWERCASE_LETTERS_DIGITS_OR = "'{}' must be lowercase letters, digits, - or _"
NEEDS_A_PROMPT = "needs a list with at least one prompt"
NEEDS_AT_LEAST_ONE_PROMPT_THAT = "needs at least one prompt that asks something (not only notes)"
UNKNOWN_TYPE_ONE_OF = "unknown type '{}'{} (one of: {})"
PROMPT_NEEDS_CHOICES_OR_CHOICES_FROM = "a {} prompt needs choices or choices_from"
PROMPT_TAKES_NO_CHOICES = "a {} prompt takes no choices"
MIN_IS_MORE_THAN_MAX = "min ({}) is more than max ({})"
PACK_MUST_BE_MAPPING_OF_KEYS = "{}:1:1: a pack must be a mapping of keys, but this is {}"
MUST_MATCH_FILE_NAME_YAML = "'{}' must match the file name '{}.yaml'"
MUST_BE_LETTERS_DIGITS_OR_AND = "'{}' must be letters, digits, _, - or /, and not only digits"
EACH_PROMPT_MUST_BE_MAPPING_OF = "each prompt must be a mapping of keys"
IS_USED_BY_EARLIER_PROMPT = "'{}' is used by an earlier prompt"
IS_PROMPT_OF_THIS_VERSION_WAS = (
    "'{}' is a prompt of this version; was names an id the pack no longer has"
)
MIN_AND_MAX_ARE_FOR_MULTI = "min and max are for multi_choice and scale prompts, not {}"
CHOICES_COME_FROM = "'{}' is a {} prompt; choices come from a multi_choice, ranking or card_sort"

IS_FOR_CARD_SORT_PROMPTS_NOT = "is for card_sort prompts, not {}"
NEEDS_A_CHOICE = "needs a list with at least one choice"
IS_OFFERED_TWICE = "'{}' is offered twice"
IS_NOT_ONE_OF_CARDS = "'{}' is not one of the cards{}"
TAKES_NO_DEFAULT = " takes no default"
IS_NOT_POSSIBLE_ANSWER_TO_THIS = "{!r} is not a possible answer to this {} prompt"
CHOICE_MUST_FIT_ON_ONE_LINE = "a choice must fit on one line"
WITH_CHOICES_FROM = " with choices_from"
CHOICE_IS_TEXT_OR_MAPPING_WITH = (
    "a choice is text, or a mapping with value (and label, description)"
)

NAMES_LATER_PROMPT_IT_CAN_ONLY = "{} names a later prompt; it can only look back to earlier answers"
MUST_BE_ALL_OR_MAPPING_WITH = "must be all, or a mapping with prompts (and when)"
MUST_BE_LIST_OF_FROM = "must be a list of {prompt, answer, when}"
IS_FOR_NOTE_PROMPTS_NOT = "is for note prompts, not {}"
UNKNOWN_KIND_ONE_OF = "unknown kind '{}'{} (one of: {})"
NEEDS_LIST_OF_CLOSING_WORDS = "needs a list of closing words"
STEP_TOWARD_SOMEONE_NEEDS_WHEN_NAMING = (
    "a step toward someone needs when naming an earlier safety question with only its safe answers"
)
MUST_MAP_EARLIER_PROMPT_ID_TO = "must map an earlier prompt id to the answer(s) that {} this one"
IS_PAIRS_PROMPT_NO_PATH_OPENS = "'{}' is a pairs prompt: no path opens on pairs"
NAMES_NO_PROMPT = "{} does not name a prompt in this pack"
IS_NOT_CARRIED_FORWARD = "'{}' is not carried forward"
EACH_IS_MAPPING_WITH_WHEN_AND = "each is a mapping with when and text"
IS_FOR_CHOICE_PROMPTS_NOT = "is for choice prompts, not {}"
SAFETY_QUESTION_STARTS_ON_NO_ANSWER = (
    "a safety question starts on no answer, so it takes no default"
)
SAFETY_QUESTION_IS_NEEDED = "a safety question is needed"
IS_FOR_CONFIRM_PROMPTS_NOT = "is for confirm prompts, not {}"
MUST_BE_ANSWER_OR_LIST_OF = "must be an answer, or a list of answers (text, numbers, true/false)"
DOES_NOT_NAME_QUESTION_IN_THIS = "'{}' does not name a question in this pack"
QUOTED_NAMES_NO_PROMPT = "'{}' does not name a prompt in this pack"
MUST_BE_TRUE_OR_LIST_OF = "must be true, or a list of the answers that mean safe"
IS_NOT_QUESTION = "'{}' is not a question"
TRUE_FALSE = "true, false"
IS_NOT_ANSWER_CAN_GIVE_IT = "{!r} is not an answer '{}' can give (it can be: {})"
NAMES_ANSWERS_AMONG_ITS_CHOICES_AND = (
    "names answers among its choices, and leaves at least one that means not safe"
)

LISTS_REFLECTIONS_ONLY_NOTE_CAN_SHOW = "{{{}}} lists reflections; only a note can show it"
NAMES_THIS_PACK_USE_ON_ITS = "{} names this pack; use '{}' on its own"
NO_SUCH_PACK = "{}: there is no pack called '{}'"
PLACEHOLDER_NO_SUCH_PACK = "{{{}}}: there is no pack called '{}'"
PACK_HAS_NO_PROMPT = "{}: the pack '{}' has no prompt '{}'"
PLACEHOLDER_NAMES_NO_PROMPT = "{{{}}} does not name a prompt in this pack"

GROUP_ONE_LINE = "must be one line of at most {} characters, a heading in the menu"
MUST_BE_MAPPING_WITH_NOTE_AND = "must be a mapping with note (and name if you like), not {}"
NAME_ONE_LINE = "must be one line of at most {} characters, as you sign a note"
IS_PROMPT_TITLE_COMES_FROM_TEXT = "'{}' is a {} prompt; a title comes from a text or choice"

PLAIN_TEXT = "plain text"
NOT_VALID_YAML = "not valid YAML"
MUST_BE_TEXT_NOT = "must be text, not {}"
IS_EMPTY = "is empty"
MUST_BE_WHOLE_NUMBER_NOT = "must be a whole number, not {}"
MUST_BE_AT_LEAST = "must be at least {}"
MUST_BE_TRUE_OR_FALSE_NOT = "must be true or false, not {}"
MUST_BE_LIST_OF_TEXT = "must be a list of text"
ON_LINES = "lines {} and {}"
UNKNOWN_KEY = "unknown key '{}'{}"
KEY_MUST_BE_PLAIN_TEXT = "a key must be plain text"
IS_GIVEN_TWICE = "'{}' is given twice ({})"
