"""The two ways a session's questions get answered: in a terminal (questionary), or from a file.

Both follow `session.Asker`. The terminal asker says, on every screen, how to answer, how to
skip and how to pause; Ctrl-C pauses (the caller keeps the draft).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relational_cli import console as screen
from relational_cli import messages
from relational_cli.errors import UserError
from relational_cli.markdown import Value
from relational_cli.packs import Choice, did_you_mean
from relational_cli.session import BACK, Back, Step, check

if TYPE_CHECKING:
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from rich.console import Console

    from relational_cli.yamlfile import Mark

SKIP_CHOICE = Choice("\0skip", "Skip this question")
SKIP_RANKING = Choice("\0skip", "Skip the ranking")
TEXT_HINT = "Enter to go on · leave it empty to skip"
LONG_TEXT_HINT = (
    "Enter starts a new line · press Esc, then Enter, to finish · leave it empty to skip"
)
MULTI_HINT = "Space ticks or unticks · Enter when done · tick nothing to skip"
SELECT_HINT = "↑/↓ to move · Enter to choose"
BACK_HINT = "Shift-Tab goes back · Ctrl-C pauses"
BACK_KEY = "s-tab"
LONG_LIST = 12


class Paused(KeyboardInterrupt):
    """The person paused (or the terminal went away) in the middle of a question."""

    def __init__(self, unsent: Value | None) -> None:
        super().__init__()
        self.unsent = unsent
        """What was given to the question but not yet sent (typed text, a card sort so far),
        so it can be kept too."""


class GoBack(Exception):
    """Raised out of a question when the person presses the go-back key."""


def _unsent_text(question: Any) -> str | None:
    try:
        text = question.application.current_buffer.text
    except AttributeError:
        return None
    return text if isinstance(text, str) and text.strip() else None


class TerminalAsker:
    """Asks each step with questionary, on the terminal the console writes to."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self.current: Step | None = None
        """The step being asked, so a pause knows which question its unsent text belongs to."""
        self._open: Any = None
        """The questionary question being asked, until it is answered."""

    def show_note(self, step: Step) -> None:
        self.console.print()
        self.console.print(screen.paragraph(step.text))
        # This question answers None on any key, so None here is not a pause.
        self._ask(self._questionary().press_any_key_to_continue(messages.ANY_KEY), none_ok=True)

    def nudge(self, step: Step) -> None:
        self.console.print(screen.hint(messages.NUDGE))

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
                    f"{prompt.min} = {prompt.min_label} · {prompt.max} = {prompt.max_label}"
                )
            )
        if step.number > 1:
            self.console.print(screen.hint(BACK_HINT))
        ask_kind: Callable[[Step], Value | None] = getattr(self, f"_ask_{prompt.type}")
        try:
            return ask_kind(step)
        except GoBack:
            return BACK

    def _ask_text(self, step: Step) -> Value | None:
        default = step.previous if isinstance(step.previous, str) else ""
        q = self._questionary().text("›", default=default, instruction=f"({TEXT_HINT})")
        answer = self._ask(q, can_go_back=True)
        return answer if answer.strip() else None

    def _ask_long_text(self, step: Step) -> Value | None:
        default = step.previous if isinstance(step.previous, str) else ""
        self.console.print(screen.hint(LONG_TEXT_HINT))
        q = self._questionary().text("›", default=default, multiline=True, instruction=" ")
        answer = self._ask(q, can_go_back=True)
        return answer if answer.strip() else None

    def _ask_choice(self, step: Step) -> Value | None:
        answer = self._pick([*step.choices, SKIP_CHOICE], step.previous, can_go_back=True)
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
        previous = str(step.previous) if isinstance(step.previous, int) else None
        answer = self._pick([*options, SKIP_CHOICE], previous, can_go_back=True)
        return None if answer == SKIP_CHOICE.value else int(answer)

    def _ask_multi_choice(self, step: Step) -> Value | None:
        questionary = self._questionary()
        prompt = step.prompt
        previous = step.previous if isinstance(step.previous, list) else []
        choices = [
            questionary.Choice(
                c.shown,
                value=c.value,
                description=c.description or None,
                checked=c.value in previous,
            )
            for c in step.choices
        ]
        bounds = _bounds_text(prompt.min, prompt.max)
        long_list = len(choices) > LONG_LIST

        def validate(picked: list[str]) -> bool | str:
            if not picked:
                return True
            if prompt.min is not None and len(picked) < prompt.min:
                return f"Please tick at least {prompt.min} (or none, to skip)"
            if prompt.max is not None and len(picked) > prompt.max:
                return f"Please tick no more than {prompt.max} ({len(picked)} ticked)"
            return True

        hint = MULTI_HINT + (" · type to filter the list" if long_list else "") + bounds
        q = questionary.checkbox(
            "›",
            choices=choices,
            validate=validate,
            instruction=f"({hint})",
            use_search_filter=long_list,
            use_jk_keys=not long_list,
            show_description=not long_list,
        )
        if long_list:
            _fit_to_screen(q)
        picked: list[str] = self._ask(q, can_go_back=True)
        return picked or None

    def _ask_card_sort(self, step: Step) -> Value | None:
        from relational_cli.cards import sort_cards

        return sort_cards(self, step)

    def type_line(self, message: str) -> str:
        """One line of text, stripped ('' when left empty)."""
        answer: str = self._ask(self._questionary().text(message))
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
            label = "Which comes first?" if place == 1 else f"Which comes next (number {place})?"
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
    ) -> str:
        """One of `options`, picked with the arrow keys (long lists can be filtered by typing)."""
        descriptions = descriptions or {}
        return self._pick(
            [Choice(o, description=descriptions.get(o, "")) for o in options], default, message
        )

    def _pick(
        self, options: list[Choice], default: Any, message: str = "›", can_go_back: bool = False
    ) -> str:
        """The value of one of `options`; the screen shows their labels and descriptions."""
        questionary = self._questionary()
        long_list = len(options) > LONG_LIST
        choices = [
            questionary.Choice(o.shown, value=o.value, description=o.description or None)
            for o in options
        ]
        q = questionary.select(
            message,
            choices=choices,
            default=default if any(o.value == default for o in options) else None,
            instruction=f"({SELECT_HINT}{' · type to filter' if long_list else ''})",
            use_search_filter=long_list,
            use_jk_keys=not long_list,
            show_description=not long_list,
        )
        if long_list:
            _fit_to_screen(q)
        answer: str = self._ask(q, can_go_back)
        return answer

    @staticmethod
    def _questionary() -> Any:
        import questionary

        return questionary

    def _ask(self, question: Any, can_go_back: bool = False, none_ok: bool = False) -> Any:
        """Ask; Ctrl-C, Ctrl-D or a hang-up raise `Paused` with whatever was typed but not sent,
        and the go-back key (where it applies) raises `GoBack`."""
        if can_go_back:
            _add_back_key(question)
        self._open = question
        try:
            answer = question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Paused(_unsent_text(question)) from None
        self._open = None
        if answer is None and not none_ok:
            raise Paused(None)
        return answer

    def unsent_text(self) -> str | None:
        """Text typed into the question in flight but not sent, however its asking ended (a
        closed terminal can end it twice over: end of input, then a hang-up signal)."""
        return _unsent_text(self._open) if self._open is not None else None


def _add_back_key(question: Any) -> None:
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    extra = KeyBindings()

    @extra.add(BACK_KEY, eager=True)
    def _go_back(event: Any) -> None:
        event.app.exit(exception=GoBack())

    app = question.application
    app.key_bindings = merge_key_bindings([b for b in (app.key_bindings, extra) if b is not None])


def _fit_to_screen(question: Any, reserve: int = 9) -> None:
    """Let a long list scroll inside a window short enough to keep the question above it in
    view, with the pointed choice's description on its own line beneath the list."""
    from prompt_toolkit.filters import IsDone, to_filter
    from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, Window
    from prompt_toolkit.layout.dimension import Dimension
    from questionary.prompts.common import InquirerControl

    app = question.application
    children = app.layout.container.children
    for index, child in enumerate(children):
        window = getattr(child, "content", None)
        if isinstance(window, Window) and isinstance(window.content, InquirerControl):
            window.height = lambda: Dimension(max=max(4, app.output.get_size().rows - reserve))
            window.dont_extend_height = to_filter(True)  # a filtered list shrinks to fit
            beneath = Window(
                FormattedTextControl(_pointed_description(window.content)),
                height=Dimension(max=2),
                wrap_lines=True,
                dont_extend_height=True,
            )
            shown_while_asking = ConditionalContainer(beneath, filter=~IsDone())  # type: ignore[no-untyped-call]
            children.insert(index + 1, shown_while_asking)
            return


def _pointed_description(control: Any) -> Callable[[], StyleAndTextTuples]:
    def description() -> StyleAndTextTuples:
        return [("class:instruction", f"  {control.get_pointed_at().description or ''}")]

    return description


def _bounds_text(low: int | None, high: int | None) -> str:
    if low and high:
        return f" · {low} to {high}" if low != high else f" · exactly {low}"
    if high:
        return f" · up to {high}"
    if low:
        return f" · at least {low}"
    return ""


class AnswersFileAsker:
    """Answers from a mapping of prompt id to answer, checked against the pack as it goes."""

    def __init__(
        self, answers: dict[str, Any], source: str, marks: dict[str, Mark] | None = None
    ) -> None:
        self.answers = answers
        self.source = source
        self.marks = marks or {}

    @classmethod
    def from_file(cls, path: str, stdin_text: str | None = None) -> AnswersFileAsker:
        """Read YAML or JSON (JSON is YAML) from `path`, or from `stdin_text` when path is '-'."""
        from relational_cli.yamlfile import MarkedDict, describe, parse_yaml, read_text_file

        source = "<stdin>" if path == "-" else path
        text = stdin_text if path == "-" else read_text_file(Path(path), "answers file")
        data = parse_yaml(text or "", source)
        if not isinstance(data, MarkedDict):
            shape = describe(data)
            raise UserError(
                f"{source}: answers must map prompt ids to answers, but this is {shape}"
            )
        for key in data:
            if not isinstance(key, str):
                raise UserError(f"{source}:{data.key_marks[key]}: '{key}' is not a prompt id")
        return cls(dict(data), source, dict(data.key_marks))

    def check_ids(self, known: list[str]) -> None:
        for key in self.answers:
            if key not in known:
                hint = did_you_mean(key, known)
                raise UserError(
                    f"{self.where(key)}: '{key}' is not a prompt in this exercise{hint}"
                )

    def show_note(self, step: Step) -> None:
        if step.prompt.id in self.answers:
            raise UserError(
                f"{self.where(step.prompt.id)}: '{step.prompt.id}' is a note and takes no answer"
            )

    def nudge(self, step: Step) -> None:
        """Never reached: an answers file that leaves out a needed prompt is refused in `ask`."""

    def ask(self, step: Step) -> Value | Back | None:
        prompt_id = step.prompt.id
        if prompt_id not in self.answers:
            if not step.prompt.optional:
                raise UserError(messages.needed(self.source, prompt_id))
            return None
        try:
            return check(step, self.answers[prompt_id])
        except ValueError as exc:
            raise UserError(f"{self.where(prompt_id)}: '{prompt_id}' {exc}") from None

    def where(self, key: str) -> str:
        mark = self.marks.get(key)
        return f"{self.source}:{mark}" if mark else self.source
