"""Words drawn only on a full terminal screen (menus, tick lists, the card screen): the keys
to press. Plain mode never shows these; it says what to type in `plain.py`."""

from __future__ import annotations

TEXT_HINT = "Enter to go on · leave it empty to skip"
LONG_TEXT_HINT = (
    "Enter starts a new line · press Esc, then Enter, to finish · leave it empty to skip"
)
BACK_HINT = "Shift-Tab goes back · Ctrl-C pauses"
SELECT_HINT = "↑/↓ to move · Enter to choose"
TYPE_TO_FILTER = " · type to filter"
MULTI_HINT = "Space ticks or unticks · Enter when done · tick nothing to skip"
TYPE_TO_FILTER_THE_LIST = " · type to filter the list"
UNCHOSEN_TITLE = "(move to an answer, then press Enter)"
TICK_AT_LEAST = "Please tick at least {} (or none, to skip)"
TICK_NO_MORE = "Please tick no more than {} ({} ticked)"
BETWEEN = " · {} to {}"
EXACTLY = " · exactly {}"
UP_TO = " · up to {}"
AT_LEAST = " · at least {}"
CARD_KEYS = "1 very important · 2 important · 3 not important · 4 unsure"
MORE_CARD_KEYS = "u undo · a add your own card · s stop here · Shift-Tab back · Ctrl-C pause"
ALL_SORTED = "All {} cards sorted · {}"
CARD_OF = "Card {} of {} · {}\n\n"
PILES_SEPARATOR = " · "

NOTICE = "When I notice…"
WILL = "I will…"
PAIRS_HINT = (
    "One pair at a time: what you notice, then what you will do. Either half can be left"
    " empty · an empty “When I notice” finishes"
)
WELCOME_READ = "Enter to go on · `relational about` shows this again"
ANY_KEY = "Press any key to go on…"
NOTHING_MATCHES = "Nothing here has those letters · Backspace to change them"
CUT = " …"
"""After words shortened to fit."""
LINE_PARTS = " · "
"""Between the parts of a support line: its number, name, web address and hours."""
META = "{} · {} · {}"
"""A reflection's day, exercise and id, under its title."""
ELIDED = "…"
"""Where a search's snippet leaves words out."""
