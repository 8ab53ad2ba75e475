"""Words of plain mode (RELATIONAL_PLAIN=1, `--plain`): what to type, said as a screen reader
speaks it, with no symbols standing for words."""

from __future__ import annotations

BACK_HINT = "Type back to go back, or pause to pause."
GO_ON = "Press Enter to go on."
TYPE_A_LINE = "Type it and press Enter (Enter alone leaves it out)."
TYPE_ANSWER = "Type your answer and press Enter. "
TYPE_LINES = (
    "Type as many lines as you like. To finish, type a line with only a full stop (.)"
    " and press Enter. "
)
ON_THE_FIRST_LINE = "on the first line "
ANSWER_SO_FAR = "Your answer so far: {}."
"""A number given before."""
ANSWER_SO_FAR_TEXT = "Your answer so far: {}"
"""Words given before (the person's own, ending as they end)."""
KEEPS_IT = "keeps it"
KEEPS_TICKED = "keeps the ticked ones"
SKIPS = "skips"
TYPE_A_NUMBER = "Type a number from {} to {}. Enter alone {}."
NOT_A_NUMBER = "That isn't a number from {} to {}. Try again?"
ALREADY_TICKED = "already ticked"
YOUR_ANSWER = "your answer"
TYPE_NUMBERS = "Type the numbers of all that fit, with spaces between (for example: 1 3)."
CHOOSE = " Choose "
ENTER_ALONE = " Enter alone {}."
PLEASE_CHOOSE = "Please choose{}. Try again?"
TYPE_ORDER = (
    "Type their numbers in the order you'd put them, first one first (for example:"
    " 3 1 2). Any you leave out follow in the order shown. Enter alone skips."
)
CARD_KEYS = (
    "For each card, type the number of its pile and press Enter: 1 very important,"
    " 2 important, 3 not important, 4 unsure. Also: u undoes the last card, a adds"
    " a card of your own, s stops here, back goes to the previous question."
)
CARD = "Card {} of {}: {}{}"
PUT_BACK = "Put back: {}."
TYPE_A_PILE = "Type a pile number ({}), or u, a, s or back."
ENTER_CHOOSES = " Enter alone chooses {}."
TYPE_ONE = "Type a number from 1 to {} and press Enter.{}"
PLEASE_TYPE_ONE = "Please type a number from 1 to {}."
ENTER_KEEPS = "Enter alone {}keeps it; skip leaves it empty."
ENTER_SKIPS = "Enter alone {}skips."
PLEASE_TYPE_NUMBERS = "Please type numbers from 1 to {}, with spaces between. Try again?"
EACH_ONCE = "Each number once, please. Try again?"
