"""Plain mode: every question as plain lines, answered by typing, for screen readers and
braille displays (RELATIONAL_PLAIN=1, `--plain`, or a terminal that says TERM=dumb).

Nothing here moves the cursor, redraws, or means something only by colour or position: the
question, its choices numbered one per line, then a line saying what to type. Typed words do
what keys do elsewhere: `back` goes back, `skip` skips, `pause` pauses (as do Ctrl-C and
Ctrl-D), and `hide`, on any line, is the quick exit (as Ctrl-Q is elsewhere). Long text ends
with a line holding a single full stop. An answer that does not fit is asked for again,
kindly, saying what would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

from relational_cli import messages
from relational_cli.core.errors import QuickExit
from relational_cli.core.exercise.asking import GoBack, Paused
from relational_cli.core.journal.fileformat import Value
from relational_cli.core.journal.pairs import Pair, as_pairs
from relational_cli.core.packs.model import CARD_PILES, Choice
from relational_cli.tui import screen
from relational_cli.tui.asker import TerminalAsker
from relational_cli.tui.questions import bounds_text

if TYPE_CHECKING:
    from rich.console import Console

    from relational_cli.core.exercise.session import Step
    from relational_cli.tui.cards import CardSort

BACK, SKIP, PAUSE, HIDE = "back", "skip", "pause", "hide"
END = "."
SEPARATORS = re.compile(r"[\s,]+")


class PlainAsker(TerminalAsker):
    """Asks each step as plain lines read from `stdin` (the terminal's own line editing
    applies: a line is sent with Enter)."""

    back_hint = messages.plain.BACK_HINT
    cut = messages.plain.CUT
    plain = True

    def __init__(
        self,
        console: Console,
        stdin: TextIO,
        region: str | None = None,
        errors: Console | None = None,
        hide: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(console, region, errors, hide)
        self.stdin = stdin
        self._lines: list[str] | None = None
        """The lines of a long answer typed so far, until its closing full stop."""
        self._pairs: list[Pair] | None = None
        """The pairs of a pairs question so far: those given, the one being typed, and those
        offered still to come (what a pause keeps)."""

    def say(self, text: str) -> None:
        self.console.print(screen.hint(text))

    def read(self, words: bool = False) -> str:
        """One line as typed (without its line ending); the end of input pauses, and `hide`
        alone on a line is the quick exit. Ctrl-Z suspends; on `fg` the question is shown
        again with the words typed so far, and the line goes on from them. Ctrl-C pauses,
        keeping the line typed so far when it is `words` (a text answer's)."""
        from relational_cli.tui.suspending import Interrupted, read_line

        self.console.file.flush()
        try:
            line = read_line(self.stdin, self._again)
        except KeyboardInterrupt as stopped:  # Ctrl-C pauses: the line typed so far kept too
            typed = stopped.typed.rstrip("\r\n") if isinstance(stopped, Interrupted) else ""
            raise Paused(self.unsent_text(typed if words else "")) from None
        if not line:
            raise Paused(self.unsent_text())
        if line.strip().casefold() == HIDE:
            self.hide()
            raise QuickExit(self.unsent_text())
        return line.rstrip("\r\n")

    def _again(self, typed: str) -> None:
        """Back from a suspension: the question once more, then the words typed so far."""
        from relational_cli.core.documents.escaping import visible

        self.show_again()
        self.console.file.write(visible(typed))
        self.console.file.flush()

    def command(self, line: str, can_go_back: bool = True) -> str:
        """The line, after `back` and `pause` have done what they say."""
        word = line.strip().casefold()
        if word == PAUSE:
            raise Paused(self.unsent_text())
        if word == BACK and can_go_back:
            raise GoBack()
        return line

    def wait(self, message: str = "") -> None:
        self.say(messages.plain.GO_ON)
        self.read()

    def type_line(self, message: str) -> str:
        self.console.print(screen.question(message))
        self.say(messages.plain.TYPE_A_LINE)
        return " ".join(self.read().split())

    def _ask_text(self, step: Step) -> Value | None:
        previous = step.previous if isinstance(step.previous, str) else ""
        self._offer(previous)
        self.say(messages.plain.TYPE_ANSWER + self._enter_alone(previous))
        line = self.command(self.read(words=True))
        if line.strip().casefold() == SKIP:
            return None
        return line if line.strip() else (previous or None)

    def _ask_long_text(self, step: Step) -> Value | None:
        previous = step.previous if isinstance(step.previous, str) else ""
        self._offer(previous)
        self.say(
            messages.plain.TYPE_LINES
            + self._enter_alone(previous, messages.plain.ON_THE_FIRST_LINE)
        )
        first = self.command(self.read(words=True))
        if first.strip().casefold() == SKIP:
            return None
        if not first.strip() or first.strip() == END:
            return previous or None
        self._lines = [first]
        while (line := self.read(words=True)).strip() != END:
            self._lines.append(line)
        lines, self._lines = self._lines, None  # (kept until then, for a pause to keep)
        text = "\n".join(lines)
        return text if text.strip() else None

    def _ask_pairs(self, step: Step) -> Value | None:
        """Offered pairs one part at a time (Enter alone keeps a part, `skip` empties it), then
        new ones until an empty "When I notice". `back`, on any line, goes to the previous
        question and `pause` pauses, keeping every pair (and half a pair) typed so far."""
        offered = list(as_pairs(step.previous) or ())
        self.say(messages.exercise.PLAIN_PAIRS_HINT)
        if offered:
            self.say(messages.exercise.PLAIN_PAIRS_OFFERED)
        given: list[Pair] = []
        self._pairs = given + offered
        try:
            while True:
                was = offered.pop(0) if offered else None
                notice = self._pair_part(messages.plain.NOTICE, was[0] if was else None)
                if was is None and not notice:
                    break
                self._pairs = [*given, (notice, was[1] if was else ""), *offered]
                will = self._pair_part(messages.plain.WILL, was[1] if was else "")
                if notice or will:
                    given.append((notice, will))
                self._pairs = given + offered
        except KeyboardInterrupt as exc:  # Ctrl-C: the pairs so far are kept
            if isinstance(exc, Paused):
                raise
            raise Paused(self.unsent_text()) from None
        finally:
            self._pairs = None
        return tuple(given) or None

    def _pair_part(self, label: str, was: str | None) -> str:
        """One half of a pair, one line; `was` (offered) is kept by Enter alone, and emptied
        by `skip`."""
        self.console.print(screen.question(label))
        if was:
            self.say(messages.exercise.so_far(was))
        line = self.command(self.read(), can_go_back=False)
        word = line.strip().casefold()
        if word == BACK:
            raise GoBack(self.unsent_text())
        if word == SKIP:
            return ""
        return line.strip() or (was or "")

    def _ask_scale(self, step: Step) -> Value | None:
        prompt = step.prompt
        assert prompt.min is not None and prompt.max is not None
        previous = step.previous if isinstance(step.previous, int) else None
        if previous is not None:
            self.say(messages.plain.ANSWER_SO_FAR.format(previous))
        keep = messages.plain.KEEPS_IT if previous is not None else messages.plain.SKIPS
        self.say(messages.plain.TYPE_A_NUMBER.format(prompt.min, prompt.max, keep))
        while True:
            line = self.command(self.read()).strip()
            if not line:
                return previous
            if line.casefold() == SKIP:
                return None
            if _number(line) in range(prompt.min, prompt.max + 1):
                return int(line)
            self.say(messages.plain.NOT_A_NUMBER.format(prompt.min, prompt.max))

    def _ask_multi_choice(self, step: Step) -> Value | None:
        low, high = step.prompt.min, step.prompt.max
        ticked = step.previous if isinstance(step.previous, list) else []
        self._list(list(step.choices), ticked, messages.plain.ALREADY_TICKED)
        keep = messages.plain.KEEPS_TICKED if ticked else messages.plain.SKIPS
        self.say(
            messages.plain.TYPE_NUMBERS
            + bounds_text(low, high).replace(" · ", messages.plain.CHOOSE)
            + messages.plain.ENTER_ALONE.format(keep)
        )
        while True:
            line = self.command(self.read())
            if not line.strip():
                return ticked or None
            if line.strip().casefold() == SKIP:
                return None
            picked = self._numbers(line, len(step.choices))
            if picked is None:
                continue
            if (low and len(picked) < low) or (high and len(picked) > high):
                self.say(
                    messages.plain.PLEASE_CHOOSE.format(bounds_text(low, high).replace(" · ", " "))
                )
                continue
            return [step.choices[n - 1].value for n in picked]

    def _ask_ranking(self, step: Step) -> Value | None:
        choices = list(step.choices)
        self._list(choices, [], "")
        self.say(messages.plain.TYPE_ORDER)
        while True:
            line = self.command(self.read())
            if not line.strip() or line.strip().casefold() == SKIP:
                return None
            order = self._numbers(line, len(choices))
            if order is not None:
                order += [n for n in range(1, len(choices) + 1) if n not in order]
                return [choices[n - 1].value for n in order]

    def sort_some(self, state: CardSort) -> str:
        if not state.history:  # at the start, and again after undoing back to it
            self.say(messages.plain.CARD_KEYS)
        card = state.deck[0]
        about = f", {card.description}" if card.description else ""
        self.console.print(
            screen.paragraph(
                messages.plain.CARD.format(state.sorted_count + 1, state.total, card.value, about)
            )
        )
        while True:
            line = self.command(self.read(), can_go_back=False).strip().casefold()
            if line == BACK:
                return "back"
            if line in ("1", "2", "3", "4"):
                state.put(int(line) - 1)
                return "next" if state.deck else "done"
            if line == "u":
                if state.history:
                    self.say(messages.plain.PUT_BACK.format(state.history[-1][1].value))
                state.undo()
                return "next"
            if line in ("a", "s"):
                return {"a": "add", "s": "stop"}[line]
            piles = ", ".join(f"{n} {name.lower()}" for n, name in enumerate(CARD_PILES, 1))
            self.say(messages.plain.TYPE_A_PILE.format(piles))

    def _pick(
        self,
        options: list[Choice],
        default: object,
        message: str = "›",
        can_go_back: bool = False,
        headings: dict[str, str] | None = None,
        unanswered: bool = False,
    ) -> str:
        """As the terminal's; with no answer given before, Enter alone asks again (so a
        safety question, `unanswered`, is never answered by Enter)."""
        if message != "›":
            self.console.print(screen.question(message))
        # A question marks the answer given before; a menu says which one Enter takes.
        self._list(
            options, [default], messages.plain.YOUR_ANSWER if can_go_back else "", headings or {}
        )
        chosen = next((n for n, o in enumerate(options, 1) if o.value == default), None)
        enter = messages.plain.ENTER_CHOOSES.format(chosen) if chosen else ""
        self.say(messages.plain.TYPE_ONE.format(len(options), enter))
        while True:
            line = self.command(self.read(), can_go_back).strip()
            picked = _picked(options, line, chosen)
            if picked is not None:
                return picked
            self.say(messages.plain.PLEASE_TYPE_ONE.format(len(options)))

    def unsent_text(self, typing: str = "") -> Value | None:
        """Pairs given so far; else the lines of a long answer entered so far, and the line
        being typed (taken from the terminal when not given: Ctrl-C came between two lines
        read), when it is a text question's."""
        if self._pairs is not None:
            kept = tuple(pair for pair in self._pairs if pair != ("", ""))
            return kept or None
        from relational_cli.tui.suspending import typed_ahead

        if not typing:
            typing = typed_ahead(self.stdin).rstrip("\r\n")
        step = self.current
        if step is None or step.prompt.type not in ("text", "long_text"):
            typing = ""
        text = "\n".join([*(self._lines or []), *([typing] if typing else [])])
        return text if text.strip() else None

    def _offer(self, previous: str) -> None:
        if previous:
            self.say(messages.plain.ANSWER_SO_FAR_TEXT.format(previous))

    @staticmethod
    def _enter_alone(previous: str, where: str = "") -> str:
        return (
            messages.plain.ENTER_KEEPS.format(where)
            if previous
            else messages.plain.ENTER_SKIPS.format(where)
        )

    def _list(
        self,
        options: Sequence[Choice],
        marked: Sequence[object],
        mark: str,
        headings: dict[str, str] | None = None,
    ) -> None:
        """The options numbered from 1 (through every group), each group's heading on a line
        of its own above them."""
        for n, option in enumerate(options, 1):
            if headings and option.value in headings:
                heading = headings[option.value]
                self.console.print(screen.paragraph(f"{heading}:" if heading else ""))
            about = f", {option.description}" if option.description else ""
            note = f" ({mark})" if mark and option.value in marked else ""
            self.console.print(screen.paragraph(f"{n}. {option.shown}{about}{note}"))

    def _numbers(self, line: str, count: int) -> list[int] | None:
        """The numbers typed, each from 1 to `count` and each once; None (said why) if not."""
        words = [w for w in SEPARATORS.split(line.strip()) if w]
        numbers = [_number(w) for w in words]
        if any(n not in range(1, count + 1) for n in numbers):
            self.say(messages.plain.PLEASE_TYPE_NUMBERS.format(count))
            return None
        if len(set(numbers)) < len(numbers):
            self.say(messages.plain.EACH_ONCE)
            return None
        return [n for n in numbers if n is not None]


def _picked(options: list[Choice], line: str, chosen: int | None) -> str | None:
    """The option `line` picks: by its number or its words (`skip`, the one that skips),
    or Enter alone the one `chosen` before; None if it picks none."""
    if not line and chosen:
        return options[chosen - 1].value
    named = [o.value for o in options if line.casefold() == o.shown.casefold()]
    if line.casefold() == SKIP:
        named = [o.value for o in options if o.value.startswith("\0skip")]
    if named:
        return named[0]
    if _number(line) in range(1, len(options) + 1):
        return options[int(line) - 1].value
    return None


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else None
