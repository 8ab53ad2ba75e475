"""Asking a session's questions in a terminal, with questionary (a `session.Asker`).

The asker says, on every screen, how to answer, how to skip and how to pause; Ctrl-C pauses
(the exercise flow keeps the draft), Shift-Tab goes back, and Ctrl-Q, the quick exit, clears
the screen and leaves at once (the draft kept, nothing said).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from relational_cli import messages
from relational_cli.core.errors import QuickExit
from relational_cli.core.exercise.asking import GoBack, Paused, terminal_gone
from relational_cli.core.exercise.session import Back, Step
from relational_cli.core.journal.fileformat import Section, Value
from relational_cli.core.journal.pairs import Pair, as_pairs
from relational_cli.core.packs.model import Choice
from relational_cli.tui import questions, screen
from relational_cli.tui.cards import CardSort, run_card_screen, sort_cards

if TYPE_CHECKING:
    from questionary import Question
    from rich.console import Console


SKIP_CHOICE = Choice("\0skip", messages.exercise.SKIP_QUESTION)
SKIP_RANKING = Choice("\0skip", messages.exercise.SKIP_RANKING)
TEXT_HINT = messages.screen.TEXT_HINT
LONG_TEXT_HINT = messages.screen.LONG_TEXT_HINT
BACK_HINT = messages.screen.BACK_HINT


class TerminalAsker:
    """Asks each step with questionary, on the terminal the console writes to."""

    back_hint = BACK_HINT
    cut = messages.screen.CUT
    plain = False

    def __init__(
        self,
        console: Console,
        region: str | None = None,
        errors: Console | None = None,
        hide: Callable[[], None] = lambda: None,
    ) -> None:
        self.console = console
        self.hide = hide
        """Clears the screen and its scrollback, for the quick exit."""
        self.errors = errors or console
        """Where what is said aside goes (stderr)."""
        self.region = region
        """Where the person is (from their locale), so support lines of theirs come first."""
        self.current: Step | None = None
        """The step being asked, so a pause knows which question its unsent text belongs to."""
        self._open: Question | None = None
        """The questionary question being asked, until it is answered."""
        self._showing: Step | None = None
        """The step whose question is on the screen now (not a menu), to show again."""

    def heading(self, text: str) -> None:
        self.console.print(screen.question(text))

    def paragraph(self, text: str) -> None:
        self.console.print(screen.paragraph(text))

    def hint(self, text: str) -> None:
        self.console.print(screen.hint(text))

    def blank(self) -> None:
        self.console.print()

    def warn(self, text: str) -> None:
        self.errors.print(screen.hint(text))

    def summary(self, sections: Sequence[Section], notes: Mapping[str, str]) -> None:
        self.console.print(screen.answers_summary(list(sections), notes, self.cut))

    def show_note(self, step: Step) -> None:
        self.console.print()
        self.console.print(screen.paragraph(step.text))
        if step.prompt.support:
            self.console.print()
            self.console.print(screen.support(step.prompt.support, self.region, self.plain))
        self.wait()

    def ground(self, step: Step) -> None:
        self.console.print()
        self.console.print(screen.paragraph(step.text))
        if (
            self.choose([messages.exercise.TAKE_A_PAUSE, messages.exercise.SKIP_THE_PAUSE])
            != messages.exercise.TAKE_A_PAUSE
        ):
            return
        for line in messages.exercise.GROUNDING:
            self.console.print()
            self.console.print(screen.paragraph(line))
            self.wait()
        self.console.print(screen.hint(messages.exercise.GROUNDED))

    def wait(self, message: str = messages.screen.ANY_KEY) -> None:
        """Until the person is ready to go on (any key)."""
        import questionary

        # This question answers None on any key, so None here is not a pause.
        self._ask(questionary.press_any_key_to_continue(message), none_ok=True)

    def nudge(self, step: Step) -> None:
        self.console.print(screen.hint(messages.exercise.NUDGE))

    def mention(self, text: str) -> None:
        self.console.print()
        self.console.print(screen.hint(text))

    def ask(self, step: Step) -> Value | Back | None:
        prompt = step.prompt
        self.current = step
        self.console.print()
        self.console.print(screen.progress(step.number, step.total))
        self.console.print(screen.question(step.text))
        if prompt.help:
            self.console.print(screen.hint(prompt.help))
        if prompt.type == "scale" and (prompt.min_label or prompt.max_label):
            self.console.print(
                screen.hint(
                    messages.exercise.SCALE_ENDS.format(
                        prompt.min, prompt.min_label, prompt.max, prompt.max_label
                    )
                )
            )
        if step.number > 1:
            self.console.print(screen.hint(self.back_hint))
        ask_kind: Callable[[Step], Value | None] = getattr(self, f"_ask_{prompt.type}")
        self._showing = step
        try:
            return ask_kind(step)
        except GoBack as back:
            return Back(back.unsent)
        finally:
            self._showing = None

    def show_again(self) -> None:
        """Back from a suspension (Ctrl-Z, then `fg`): the question being asked once more,
        since what was above it may have scrolled away."""
        step = self._showing
        if step is not None:
            self.console.print(screen.progress(step.number, step.total))
            self.console.print(screen.question(step.text))

    def _ask_text(self, step: Step) -> Value | None:
        import questionary

        default = step.previous if isinstance(step.previous, str) else ""
        q = questionary.text("›", default=default, instruction=f"({TEXT_HINT})")
        answer = self._ask(q, can_go_back=True)
        return answer if answer.strip() else None

    def _ask_long_text(self, step: Step) -> Value | None:
        import questionary

        default = step.previous if isinstance(step.previous, str) else ""
        self.console.print(screen.hint(LONG_TEXT_HINT))
        q = questionary.text("›", default=default, multiline=True, instruction=" ")
        questions.skip_when_empty(q)
        answer = self._ask(q, can_go_back=True)
        return answer if answer.strip() else None

    def _ask_choice(self, step: Step) -> Value | None:
        answer = self._pick(
            [*step.choices, SKIP_CHOICE],
            step.previous,
            can_go_back=True,
            unanswered=bool(step.prompt.safety),
        )
        return None if answer == SKIP_CHOICE.value else answer

    def _ask_confirm(self, step: Step) -> Value | None:
        options = [Choice("yes", "Yes"), Choice("no", "No"), SKIP_CHOICE]
        previous = (
            {True: "yes", False: "no"}.get(step.previous)
            if isinstance(step.previous, bool)
            else None
        )
        answer = self._pick(options, previous, can_go_back=True)
        return None if answer == SKIP_CHOICE.value else answer == "yes"

    def _ask_scale(self, step: Step) -> Value | None:
        prompt = step.prompt
        assert prompt.min is not None and prompt.max is not None
        labels = {prompt.min: prompt.min_label, prompt.max: prompt.max_label}
        options = [
            Choice(str(n), f"{n} — {labels[n]}" if labels.get(n) else str(n))
            for n in range(prompt.min, prompt.max + 1)
        ]
        # Where the last answer was, or on no answer: the number is the person's to choose.
        previous = str(step.previous) if isinstance(step.previous, int) else None
        answer = self._pick([*options, SKIP_CHOICE], previous, can_go_back=True, unanswered=True)
        return None if answer == SKIP_CHOICE.value else int(answer)

    def _ask_multi_choice(self, step: Step) -> Value | None:
        previous = step.previous if isinstance(step.previous, list) else []
        q = questions.checkbox(step.choices, previous, step.prompt.min, step.prompt.max)
        picked: list[str] = self._ask(q, can_go_back=True)
        # The ticked ones by name, as a single choice is shown and the look-over shows them
        # (questionary's own line says "[one]", or "done (5 selections)").
        shown = [choice.shown for choice in step.choices if choice.value in picked]
        self.console.print(screen.answered(", ".join(shown) or messages.exercise.SKIPPED))
        return picked or None

    def _ask_pairs(self, step: Step) -> Value | None:
        """Pairs, a line each: "When I notice…", then "I will…", until an empty "When I
        notice". Offered pairs come first, each part ready to change. Going back, pausing and
        the quick exit keep every pair (and half a pair) given so far, with what was typed."""
        offered = list(as_pairs(step.previous) or ())
        self.console.print(screen.hint(messages.screen.PAIRS_HINT))
        if offered:
            self.console.print(screen.hint(messages.exercise.PAIRS_OFFERED))
        given: list[Pair] = []
        while True:
            was = offered.pop(0) if offered else ("", "")
            notice: str | None = None
            try:
                notice = self._pair_part(messages.screen.NOTICE, was[0])
                if was == ("", "") and not notice:
                    break
                will = self._pair_part(messages.screen.WILL, was[1])
            except (GoBack, Paused, QuickExit) as stopped:
                stopped.unsent = _pairs_so_far(given, was, notice, stopped.unsent, offered)
                raise
            if notice or will:
                given.append((notice, will))
        return tuple(given) or None

    def _pair_part(self, label: str, default: str) -> str:
        """One half of a pair: one line, its spaces folded."""
        import questionary

        q = questionary.text(label, default=default, instruction=f"({TEXT_HINT})")
        answer: str = self._ask(q, can_go_back=True)
        return " ".join(answer.split())

    def _ask_card_sort(self, step: Step) -> Value | None:
        return sort_cards(self, step)

    def sort_some(self, state: CardSort) -> str:
        """Cards sorted on one screen, until the deck is done ('done') or the person asks
        for something else ('add', 'stop', 'back')."""
        try:
            return run_card_screen(state)
        except QuickExit:
            self.hide()
            raise

    def type_line(self, message: str) -> str:
        """One line of text, stripped ('' when left empty)."""
        import questionary

        answer: str = self._ask(questionary.text(message))
        return " ".join(answer.split())

    def _ask_ranking(self, step: Step) -> Value | None:
        """Ranking by repeated picks: 'which comes first?', then 'which next?' from what is left.
        Going back undoes the last pick (or, before the first, goes to the previous question)."""
        ranked: list[str] = []
        while True:
            remaining = [choice for choice in step.choices if choice.value not in ranked]
            if len(remaining) <= 1:
                return ranked + [choice.value for choice in remaining]
            place = len(ranked) + 1
            label = (
                messages.exercise.WHICH_FIRST
                if place == 1
                else messages.exercise.WHICH_NEXT.format(place)
            )
            try:
                answer = self._pick([*remaining, SKIP_RANKING], None, label, can_go_back=True)
            except GoBack:
                if not ranked:
                    raise
                ranked.pop()
                continue
            if answer == SKIP_RANKING.value:
                return None
            ranked.append(answer)

    def choose(
        self,
        options: list[str],
        default: str | None = None,
        message: str = "›",
        descriptions: dict[str, str] | None = None,
        groups: dict[str, str] | None = None,
    ) -> str:
        """One of `options`, picked with the arrow keys (long lists can be filtered by typing),
        each group's heading above its first option."""
        descriptions = descriptions or {}
        return self._pick(
            [Choice(o, description=descriptions.get(o, "")) for o in options],
            default,
            message,
            headings=first_of_each(options, groups or {}),
        )

    def _pick(
        self,
        options: list[Choice],
        default: object,
        message: str = "›",
        can_go_back: bool = False,
        headings: dict[str, str] | None = None,
        unanswered: bool = False,
    ) -> str:
        """The value of one of `options`; the screen shows their labels and descriptions, and
        `headings` above the options they name (by value); `unanswered`, as `select`."""
        question = questions.select(options, default, message, headings or {}, unanswered)
        answer: str = self._ask(question, can_go_back)
        return answer

    def _ask(self, question: Question, can_go_back: bool = False, none_ok: bool = False) -> Any:
        """Ask; Ctrl-C, Ctrl-D or a hang-up raise `Paused` with whatever was typed but not sent,
        the go-back key (where it applies) raises `GoBack`, and the quick-exit key clears the
        screen and raises `QuickExit` (with what was typed, to keep)."""
        questions.add_keys(question, can_go_back, self.show_again)
        self._open = question
        try:
            answer = question.unsafe_ask()
        except QuickExit:
            self.hide()
            raise QuickExit(questions.unsent_text(question)) from None
        except GoBack:
            self._open = None
            raise GoBack(questions.unsent_text(question)) from None
        except (KeyboardInterrupt, EOFError):
            raise Paused(questions.unsent_text(question)) from None
        except OSError as exc:  # a closed window can fail the screen's last redraw
            if not terminal_gone(exc):
                raise
            raise Paused(questions.unsent_text(question)) from None
        self._open = None
        if answer is None and not none_ok:
            raise Paused(None)
        return answer

    def unsent_text(self) -> Value | None:
        """Text typed into the question in flight but not sent, however its asking ended (a
        closed terminal can end it twice over: end of input, then a hang-up signal)."""
        return questions.unsent_text(self._open) if self._open is not None else None


def first_of_each(options: list[str], groups: dict[str, str]) -> dict[str, str]:
    """The heading of each group, by the first of `options` in it; "" (a gap) before options
    in no group that follow a group."""
    headings: dict[str, str] = {}
    last = None
    for option in options:
        group = groups.get(option)
        if group != last:
            headings[option] = group or ""
        last = group
    return headings


def _pairs_so_far(
    given: list[Pair], was: Pair, notice: str | None, typed: object, offered: list[Pair]
) -> Value | None:
    """The pairs given, the one being asked (the words `typed` into its "When I notice", or,
    with that sent as `notice`, into its "I will"), and those offered still to come: what
    going back, pausing and the quick exit keep."""
    words = " ".join(str(typed or "").split())
    now = (words, was[1]) if notice is None else (notice, words)
    kept = tuple(p for p in (*given, now, *offered) if p != ("", ""))
    return kept or None
