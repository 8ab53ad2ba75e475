"""Questionary questions as relational asks them: the go-back key, long lists that scroll
within the screen with the pointed choice's description beneath, and text typed but not sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from relational_cli import messages
from relational_cli.core.errors import QuickExit
from relational_cli.core.exercise.asking import GoBack
from relational_cli.core.packs.model import Choice

if TYPE_CHECKING:
    from prompt_toolkit.formatted_text import StyleAndTextTuples
    from prompt_toolkit.key_binding.key_processor import KeyPressEvent
    from questionary import Question
    from questionary.prompts.common import InquirerControl

SELECT_HINT = messages.screen.SELECT_HINT
MULTI_HINT = messages.screen.MULTI_HINT
BACK_KEY = "s-tab"
QUICK_EXIT_KEY = "c-q"
"""Ctrl-Q: clear the screen and leave at once (terminals in raw mode pass it on: prompt
toolkit turns off the old XON flow control that once took it)."""
LONG_LIST = 12


UNCHOSEN = "\0unchosen"
UNCHOSEN_TITLE = messages.screen.UNCHOSEN_TITLE


def select(
    options: list[Choice],
    default: object,
    message: str = "›",
    headings: dict[str, str] | None = None,
    unanswered: bool = False,
) -> Question:
    """A question picking one of `options`, showing their labels and descriptions, and
    `headings` (by option value) as lines the pointer passes over; a long list can be filtered
    by typing and scrolls within the screen. With `unanswered` and no `default` (a safety
    question), the pointer starts on no answer: Enter alone chooses nothing and asks again."""
    import questionary as questionary_

    long_list = len(options) > LONG_LIST
    choices: list[questionary_.Choice] = []
    start_unanswered = unanswered and not any(o.value == default for o in options)
    if start_unanswered:
        choices.append(questionary_.Choice(UNCHOSEN_TITLE, value=UNCHOSEN))
    for o in options:
        if headings and o.value in headings:
            heading = headings[o.value]
            choices.append(questionary_.Separator(f"── {heading}" if heading else " "))
        choices.append(
            questionary_.Choice(o.shown, value=o.value, description=o.description or None)
        )
    q = questionary_.select(
        message,
        choices=choices,
        default=next((o.value for o in options if o.value == default), None),
        instruction=f"({SELECT_HINT}{messages.screen.TYPE_TO_FILTER if long_list else ''})",
        # A long list filters as you type (so j and k are letters, not moves) and shows the
        # pointed choice's description beneath it rather than beside every choice.
        use_search_filter=long_list,
        use_jk_keys=not long_list,
        show_description=not long_list,
    )
    if long_list:
        fit_to_screen(q)
    _choices_only(q)
    return q


def checkbox(
    options: tuple[Choice, ...], ticked: list[str], low: int | None, high: int | None
) -> Question:
    """A question ticking any of `options` (none, to skip; else between `low` and `high`)."""
    import questionary as questionary_

    choices = [
        questionary_.Choice(
            c.shown, value=c.value, description=c.description or None, checked=c.value in ticked
        )
        for c in options
    ]
    long_list = len(choices) > LONG_LIST

    def validate(picked: list[str]) -> bool | str:
        if not picked:
            return True
        if low is not None and len(picked) < low:
            return messages.screen.TICK_AT_LEAST.format(low)
        if high is not None and len(picked) > high:
            return messages.screen.TICK_NO_MORE.format(high, len(picked))
        return True

    hint = (
        MULTI_HINT
        + (messages.screen.TYPE_TO_FILTER_THE_LIST if long_list else "")
        + bounds_text(low, high)
    )
    q = questionary_.checkbox(
        "›",
        choices=choices,
        validate=validate,
        instruction=f"({hint})",
        use_search_filter=long_list,
        use_jk_keys=not long_list,
        show_description=not long_list,
    )
    if long_list:
        fit_to_screen(q)
    _choices_only(q, one=False)
    q.application.erase_when_done = True  # the asker says what was ticked
    return q


def _choices_only(question: Question, one: bool = True) -> None:
    """A list question that answers only with its choices: a filter matches choices, never a
    heading, and on a question choosing `one`, Enter where no choice is pointed at (the
    starting line of a question asked unanswered, or a filter that matches nothing) does
    nothing. Esc, then Enter — taught for finishing a long answer, so fingers use it anywhere
    — is Enter here: left alone, prompt_toolkit's own binding for it would send the list's
    hidden, empty line of text as the answer (a blank, a "No", no number at all)."""
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings, KeyPress, merge_key_bindings
    from prompt_toolkit.keys import Keys

    from relational_cli.tui.choice_list import ChoiceList

    control = ChoiceList.of(question)
    keys = KeyBindings()

    @keys.add("escape", "enter", eager=True)
    def _enter(event: KeyPressEvent) -> None:
        event.app.key_processor.feed(KeyPress(Keys.Enter, "\r"), first=True)

    if one:

        def nothing_chosen() -> bool:
            pointed = control.pointed()
            return pointed is None or pointed.value == UNCHOSEN

        @keys.add("enter", eager=True, filter=Condition(nothing_chosen))
        def _nothing_chosen(event: KeyPressEvent) -> None:
            pass

    app = question.application
    app.key_bindings = merge_key_bindings([b for b in (app.key_bindings, keys) if b is not None])


def skip_when_empty(question: Question) -> None:
    """Enter in a long answer left empty skips it, as its hint says (elsewhere Enter starts a
    new line, and Esc, then Enter, finishes)."""
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    app = question.application
    keys = KeyBindings()

    @keys.add("enter", eager=True, filter=Condition(lambda: not app.current_buffer.text.strip()))
    def _skip(event: KeyPressEvent) -> None:
        event.current_buffer.validate_and_handle()

    app.key_bindings = merge_key_bindings([b for b in (app.key_bindings, keys) if b is not None])


def unsent_text(question: Question) -> str | None:
    try:
        text = question.application.current_buffer.text
    except AttributeError:
        return None
    return text if isinstance(text, str) and text.strip() else None


def add_keys(question: Question, can_go_back: bool, again: Callable[[], None]) -> None:
    """The quick-exit key, on every question; the go-back key where it applies. Ctrl-Z
    suspends, as in any terminal program: on `fg`, `again` shows what was above the question
    and the question is drawn again, with what was typed. Ctrl-Space, which input methods
    send, does nothing (it would start an unseen selection that swallows what comes next)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    extra = KeyBindings()

    @extra.add(QUICK_EXIT_KEY, eager=True)
    def _quick_exit(event: KeyPressEvent) -> None:
        event.app.exit(exception=QuickExit())

    @extra.add("c-z", eager=True)
    def _suspend(event: KeyPressEvent) -> None:
        import os
        import signal

        from prompt_toolkit.application import run_in_terminal

        def stop_until_fg() -> None:  # as prompt_toolkit's suspend_to_background, then again
            os.kill(0, signal.SIGTSTP)
            again()

        if hasattr(signal, "SIGTSTP"):  # not on Windows
            run_in_terminal(stop_until_fg)

    @extra.add("c-@", eager=True)
    def _nothing(event: KeyPressEvent) -> None:
        pass

    if can_go_back:

        @extra.add(BACK_KEY, eager=True)
        def _go_back(event: KeyPressEvent) -> None:
            event.app.exit(exception=GoBack())

    app = question.application
    app.key_bindings = merge_key_bindings([b for b in (app.key_bindings, extra) if b is not None])


def fit_to_screen(question: Question, reserve: int = 9) -> None:
    """Let a long list scroll inside a window short enough to keep the question above it in
    view, with the pointed choice's description on its own line beneath the list."""
    from prompt_toolkit.filters import IsDone, to_filter
    from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, HSplit, Window
    from prompt_toolkit.layout.dimension import Dimension
    from questionary.prompts.common import InquirerControl

    app = question.application
    container = app.layout.container
    if not isinstance(container, HSplit):  # (questionary's list questions are one)
        return
    children = container.children
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


def _pointed_description(control: InquirerControl) -> Callable[[], StyleAndTextTuples]:
    def description() -> StyleAndTextTuples:
        return [("class:instruction", f"  {control.get_pointed_at().description or ''}")]

    return description


def bounds_text(low: int | None, high: int | None) -> str:
    if low and high:
        return (
            messages.screen.BETWEEN.format(low, high)
            if low != high
            else messages.screen.EXACTLY.format(low)
        )
    if high:
        return messages.screen.UP_TO.format(high)
    if low:
        return messages.screen.AT_LEAST.format(low)
    return ""
