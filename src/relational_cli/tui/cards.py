"""The card sort in the terminal: one card at a time, one key to put it on a pile.

Keys: 1 very important · 2 important · 3 not important · 4 unsure · u undo · a add your own
card · s stop here (leave the rest unsorted) · Shift-Tab the previous question · Ctrl-C pause.
The piles so far travel with a pause, so a resumed sort carries on where it stopped. Cards
can be added, never removed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from relational_cli import messages
from relational_cli.core.errors import QuickExit
from relational_cli.core.exercise.asking import GoBack, Paused, terminal_gone
from relational_cli.core.packs.model import CARD_PILES, Choice
from relational_cli.tui import screen
from relational_cli.tui.questions import QUICK_EXIT_KEY

if TYPE_CHECKING:
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from prompt_toolkit.key_binding.key_processor import KeyPressEvent
    from rich.console import Console

    from relational_cli.core.exercise.session import Step

PILE_KEYS = {"1": 0, "2": 1, "3": 2, "4": 3}
KEYS_HELP = messages.screen.CARD_KEYS
MORE_KEYS_HELP = messages.screen.MORE_CARD_KEYS
OWN_CARD = messages.exercise.OWN_CARD
MINUTES_PER_CARD = 1 / 9  # about ninety cards in ten minutes


@dataclass
class CardSort:
    """The deck still to sort, the piles so far, and the order cards went onto them."""

    deck: list[Choice]
    piles: dict[str, list[str]] = field(default_factory=lambda: {name: [] for name in CARD_PILES})
    history: list[tuple[str, Choice]] = field(default_factory=list)
    sorted_before: int = 0

    @classmethod
    def resume(cls, cards: Sequence[Choice], previous: dict[str, list[str]]) -> CardSort:
        piles = {name: list(previous.get(name, [])) for name in CARD_PILES}
        placed = {card for pile in piles.values() for card in pile}
        deck = [card for card in cards if card.value not in placed]
        return cls(deck, piles, sorted_before=len(placed))

    def in_progress(self) -> dict[str, Any] | None:
        """The sort so far and the cards still to sort, to carry on with later (None when
        nothing has been sorted yet)."""
        if not any(self.piles.values()):
            return None
        return {"piles": self.piles, "to_sort": [card.value for card in self.deck]}

    @property
    def sorted_count(self) -> int:
        return self.sorted_before + len(self.history)

    @property
    def total(self) -> int:
        return self.sorted_count + len(self.deck)

    def put(self, pile_index: int) -> None:
        card = self.deck.pop(0)
        pile = CARD_PILES[pile_index]
        self.piles[pile].append(card.value)
        self.history.append((pile, card))

    def undo(self) -> None:
        if self.history:
            pile, card = self.history.pop()
            self.piles[pile].remove(card.value)
            self.deck.insert(0, card)

    def add(self, name: str) -> bool:
        """A card of the person's own, sorted next; False if a card of that name exists."""
        known = {c.value.casefold() for c in self.deck}
        known |= {v.casefold() for pile in self.piles.values() for v in pile}
        if name.casefold() in known:
            return False
        self.deck.insert(0, Choice(name, description=OWN_CARD))
        return True

    def screen(self) -> StyleAndTextTuples:
        counts = messages.screen.PILES_SEPARATOR.join(
            f"{name.lower()} {len(cards)}" for name, cards in self.piles.items()
        )
        if not self.deck:  # drawn once more as the screen closes
            return [("class:instruction", messages.screen.ALL_SORTED.format(self.total, counts))]
        card = self.deck[0]
        lines: StyleAndTextTuples = [
            (
                "class:instruction",
                messages.screen.CARD_OF.format(self.sorted_count + 1, self.total, counts),
            ),
            ("bold", f"    {card.value.upper()}\n"),
            ("", f"    {card.description}\n\n" if card.description else "\n"),
            ("", f"  {KEYS_HELP}\n"),
            ("class:instruction", f"  {MORE_KEYS_HELP}"),
        ]
        return lines


class Sorter(Protocol):
    """The screen a card sort is done on (the terminal's, or plain mode's)."""

    console: Console

    def sort_some(self, state: CardSort) -> str:
        """Cards sorted until the deck is done (`done`) or the person asks for something
        else: `add` a card, `stop` here, go `back`."""

    def type_line(self, message: str) -> str: ...

    def choose(self, options: list[str], default: str | None = None, message: str = "›") -> str: ...


def sort_cards(asker: Sorter, step: Step) -> dict[str, list[str]] | None:
    """Run the sort for `step`; the piles, or None if nothing was sorted. Going back (GoBack)
    and Ctrl-C (Paused) carry the sort so far, to carry on from when the person returns."""
    previous = step.previous if isinstance(step.previous, dict) else None
    state = _carrying_on(step, previous) or _starting_state(asker, step, previous)
    if state is None:
        return previous
    while state.deck:
        action = _sort_some(asker, state)
        if action == "add":
            _add_own_card(asker, state)
        elif action == "back":
            raise GoBack(state.in_progress())
        elif action == "stop":
            break
    result = _result(state)
    if result:
        counts = ", ".join(f"{len(cards)} {name.lower()}" for name, cards in result.items())
        asker.console.print(
            screen.hint(messages.exercise.SORTED.format(state.sorted_count, counts))
        )
    return result


def _sort_some(asker: Sorter, state: CardSort) -> str:
    """Cards sorted until the person asks for something else (what they ask for); a pause,
    the quick exit or the terminal going away carry the sort so far."""
    try:
        return asker.sort_some(state)
    except QuickExit:  # the screen is cleared already; the sort so far is kept
        raise QuickExit(state.in_progress()) from None
    except (KeyboardInterrupt, EOFError):
        raise Paused(state.in_progress()) from None
    except OSError as exc:
        if not terminal_gone(exc):
            raise
        raise Paused(state.in_progress()) from None


def _add_own_card(asker: Sorter, state: CardSort) -> None:
    """A card of the person's own, named by them, sorted next."""
    try:
        name = asker.type_line(messages.exercise.NAME_A_CARD)
    except QuickExit:
        raise QuickExit(state.in_progress()) from None
    except KeyboardInterrupt:  # paused while naming a card: the sort so far is kept
        raise Paused(state.in_progress()) from None
    if name and not state.add(name):
        asker.console.print(screen.hint(messages.exercise.CARD_THERE_ALREADY.format(name)))


def _carrying_on(step: Step, previous: dict[str, Any] | None) -> CardSort | None:
    """A sort that was paused or stepped back from, with the very cards it had left."""
    if not previous or set(previous) != {"piles", "to_sort"}:
        return None
    piles, to_sort = previous["piles"], previous["to_sort"]
    if not (
        isinstance(piles, dict)
        and isinstance(to_sort, list)
        and all(isinstance(pile, list) for pile in piles.values())
        and all(isinstance(value, str) for value in to_sort)
    ):
        return None  # a draft changed by hand: start the sort as if new
    offered = {card.value: card for card in step.choices}
    deck = [offered.get(value) or Choice(value, description=OWN_CARD) for value in to_sort]
    return CardSort.resume(deck, piles)


def _starting_state(
    asker: Sorter, step: Step, previous: dict[str, list[str]] | None
) -> CardSort | None:
    """Where the sort begins: carrying on, again from the top, or the shorter deck."""
    if previous:
        return _sorting_again(asker, step, previous)
    cards = step.choices
    short = [c for c in cards if c.value in step.prompt.short_deck]
    if short and len(short) < len(cards):
        full = messages.exercise.WHOLE_DECK.format(len(cards), round(len(cards) * MINUTES_PER_CARD))
        minutes = max(1, round(len(short) * MINUTES_PER_CARD))
        brief = messages.exercise.SHORT_DECK.format(len(short), minutes)
        if asker.choose([full, brief], full, messages.exercise.WHICH_DECK) == brief:
            return CardSort(short)
    return CardSort(list(cards))


def _sorting_again(asker: Sorter, step: Step, previous: dict[str, list[str]]) -> CardSort | None:
    """A sort done before: carried on with the cards it left; with none left, kept (None),
    its Unsure pile sorted again, or every card."""
    deck = _deck_sorted_before(step, previous)
    state = CardSort.resume(deck, previous)
    if state.deck:
        return state
    keep, unsure, again = (
        messages.exercise.KEEP_SORT,
        messages.exercise.SORT_UNSURE_AGAIN,
        messages.exercise.SORT_ALL_AGAIN,
    )
    choice = asker.choose([keep, unsure, again], keep, messages.exercise.SORTED_EVERY_CARD)
    if choice == keep:
        return None
    if choice == again:
        return CardSort(list(deck))
    unsure_cards = set(previous.get(CARD_PILES[3], []))
    kept = {name: cards for name, cards in previous.items() if name != CARD_PILES[3]}
    return CardSort.resume(deck, kept) if unsure_cards else None


def _deck_sorted_before(step: Step, previous: dict[str, list[str]]) -> tuple[Choice, ...]:
    """The deck of a sort done before: the shorter one if that was chosen, and the person's
    own cards."""
    cards = step.choices
    own = [v for pile in previous.values() for v in pile if v not in {c.value for c in cards}]
    placed = {v for pile in previous.values() for v in pile}
    short = [c for c in cards if c.value in step.prompt.short_deck]
    if short and placed <= {c.value for c in short} | set(own):
        cards = tuple(short)  # the shorter deck was the one chosen
    return (*cards, *(Choice(v, description=OWN_CARD) for v in own))


def _result(state: CardSort) -> dict[str, list[str]] | None:
    return state.piles if any(state.piles.values()) else None


def run_card_screen(state: CardSort) -> str:
    """Show cards until the deck is done or the person asks for something else."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.layout import FormattedTextControl, HSplit, Layout, Window

    bindings = KeyBindings()

    def sort_into(index: int) -> Callable[[KeyPressEvent], None]:
        def handler(event: KeyPressEvent) -> None:
            state.put(index)
            if not state.deck:
                event.app.exit(result="done")

        return handler

    for key, index in PILE_KEYS.items():
        bindings.add(key)(sort_into(index))

    @bindings.add("u")
    @bindings.add("backspace")
    def _undo(event: KeyPressEvent) -> None:
        state.undo()

    for key, action in (("a", "add"), ("s", "stop"), ("s-tab", "back")):
        bindings.add(key)(lambda event, action=action: event.app.exit(result=action))

    @bindings.add("c-c")
    @bindings.add("c-d")
    def _pause(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    @bindings.add(QUICK_EXIT_KEY, eager=True)
    def _quick_exit(event: KeyPressEvent) -> None:
        event.app.exit(exception=QuickExit())

    @bindings.add("c-z", eager=True)
    def _suspend(event: KeyPressEvent) -> None:  # as in any terminal program; `fg` brings it back
        event.app.suspend_to_background()

    control = FormattedTextControl(state.screen, focusable=True, show_cursor=False)
    app: Application[str] = Application(
        layout=Layout(HSplit([Window(control, dont_extend_height=True, wrap_lines=True)])),
        key_bindings=bindings,
        full_screen=False,
        erase_when_done=True,
    )
    return app.run()
