"""The parts of the pack format about paths through a pack: which prompts an answer shows
(`when`) or hides (`unless`), last time's answers carried forward, closing words per path
(`outros`), the support lines a note shows, and safety (`safety`, `toward`, `keeps`).
Problems are gathered as in `packfile`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from relational_cli import messages
from relational_cli.core.errors import did_you_mean
from relational_cli.core.packs.model import CarryForward, CarryFrom, Outro, Prompt
from relational_cli.core.packs.yamlfile import Fields, Mark, MarkedDict, MarkedList

CARRY_KEYS = ("prompts", "when", "from")
CARRY_FROM_KEYS = ("prompt", "answer", "when")
OUTRO_KEYS = ("when", "text", "support")
SUPPORT_KINDS = ("crisis", "hurt")
"""The kinds of support lines a note or closing words can show (core.support.KINDS)."""


class PathFields(Fields):
    """Reads `when`, `unless`, `carry_forward`, `outros`, `support` and the safety keys,
    collecting every problem."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.all_ids: set[str] = set()
        """Every prompt id in the pack, to tell a later prompt from an unknown one."""

    def reference(
        self, mark: Mark, where: str, shown: str, name: str, earlier: dict[str, Prompt]
    ) -> bool:
        """Whether `name` is an earlier prompt; if not, say whether it is later or unknown."""
        if name in earlier:
            return True
        if name in self.all_ids:
            self.problem(
                mark,
                where,
                messages.packs.NAMES_LATER_PROMPT_IT_CAN_ONLY.format(shown),
            )
        else:
            self.problem(
                mark,
                where,
                messages.packs.NAMES_NO_PROMPT.format(shown) + did_you_mean(name, sorted(earlier)),
            )
        return False

    def carry_forward(self, data: MarkedDict, prompts: tuple[Prompt, ...]) -> CarryForward | None:
        raw = data.get("carry_forward")
        if raw is None:
            return None
        mark = data.key_marks["carry_forward"]
        if raw == "all":
            return CarryForward()
        if not isinstance(raw, MarkedDict) or "prompts" not in raw:
            self.problem(mark, "carry_forward", messages.packs.MUST_BE_ALL_OR_MAPPING_WITH)
            return None
        self.unknown_keys(raw, CARRY_KEYS, "carry_forward")
        ids = self.strings(raw, "prompts", "carry_forward")
        asking = [prompt.id for prompt in prompts if prompt.asks]
        for name in ids:
            if name not in asking:
                self.problem(
                    raw.key_marks["prompts"],
                    "carry_forward.prompts",
                    messages.packs.DOES_NOT_NAME_QUESTION_IN_THIS.format(name)
                    + did_you_mean(name, asking),
                )
        earlier = {prompt.id: prompt for prompt in prompts}
        when = self.when(raw, "carry_forward", earlier)
        return CarryForward(ids, when, self.carry_sources(raw, ids or tuple(asking), earlier))

    def carry_sources(
        self, raw: MarkedDict, carried: tuple[str, ...], prompts: dict[str, Prompt]
    ) -> tuple[CarryFrom, ...]:
        """`carry_forward.from`: a list of `{prompt, answer, when}`."""
        items = raw.get("from")
        if items is None:
            return ()
        where = "carry_forward.from"
        entries = [i for i in items if isinstance(i, MarkedDict)] if isinstance(items, list) else []
        if not isinstance(items, MarkedList) or len(entries) != len(items):
            self.problem(raw.key_marks["from"], where, messages.packs.MUST_BE_LIST_OF_FROM)
            return ()
        sources = []
        for item in entries:
            self.unknown_keys(item, CARRY_FROM_KEYS, where)
            prompt = self.text(item, "prompt", where, required=True)
            answer = self.text(item, "answer", where, required=True)
            if prompt and prompt not in carried:
                self.problem(item.mark, where, messages.packs.IS_NOT_CARRIED_FORWARD.format(prompt))
            if answer and answer not in prompts:
                self.problem(
                    item.mark,
                    where,
                    messages.packs.QUOTED_NAMES_NO_PROMPT.format(answer)
                    + did_you_mean(answer, sorted(prompts)),
                )
            sources.append(CarryFrom(prompt, answer, self.when(item, where, prompts)))
        return tuple(sources)

    def support(self, item: MarkedDict, where: str, kind: str | None) -> str:
        """Which support lines a note (or closing words, `kind` None) shows after its text."""
        value = self.text(item, "support", where)
        if not value:
            return ""
        mark = item.key_marks["support"]
        if kind is not None and kind != "note":
            self.problem(
                mark, f"{where}.support", messages.packs.IS_FOR_NOTE_PROMPTS_NOT.format(kind)
            )
        if value not in SUPPORT_KINDS:
            self.problem(
                mark,
                f"{where}.support",
                messages.packs.UNKNOWN_KIND_ONE_OF.format(
                    value, did_you_mean(value, SUPPORT_KINDS), ", ".join(SUPPORT_KINDS)
                ),
            )
        return value

    def outros(self, data: MarkedDict, prompts: tuple[Prompt, ...]) -> tuple[Outro, ...]:
        """Closing words per path: each `{when, text, support}`; `when` may name any prompt."""
        raw = data.get("outros")
        if raw is None:
            return ()
        if not isinstance(raw, MarkedList) or not raw:
            self.problem(
                data.key_marks["outros"], "outros", messages.packs.NEEDS_LIST_OF_CLOSING_WORDS
            )
            return ()
        every = {prompt.id: prompt for prompt in prompts}
        found: list[Outro] = []
        for index, item in enumerate(raw):
            where = f"outros[{index}]"
            if not isinstance(item, MarkedDict):
                self.problem(
                    raw.item_marks[index], where, messages.packs.EACH_IS_MAPPING_WITH_WHEN_AND
                )
                continue
            self.unknown_keys(item, OUTRO_KEYS, where)
            text = self.text(item, "text", where, required=True)
            if "when" not in item:
                self.problem(item.mark, where, messages.packs.MISSING.format("when"))
            when = self.when(item, where, every)
            found.append(Outro(when, text, self.support(item, where, None)))
        return tuple(found)

    def safety(
        self, prompt: Prompt, item: MarkedDict, where: str, earlier: dict[str, Prompt]
    ) -> Prompt:
        """`safety` (a choice asking whether a step toward someone is safe: `true` when "Yes"
        is the safe answer, else the list of safe answers), `toward` (a step toward them,
        shown only after a safe answer) and `keeps` (a confirm keeping an earlier answer in
        the saved file, or not)."""
        safe = self.safe_answers(prompt, item, where)
        toward = self.toward(prompt, item, where, earlier)
        keeps = self.keeps(prompt, item, where, earlier)
        return replace(
            prompt,
            safety=safe,
            toward=toward,
            keeps=keeps,
            optional=prompt.optional and not safe,
        )

    def safe_answers(self, prompt: Prompt, item: MarkedDict, where: str) -> tuple[str, ...]:
        """The answers `safety` names as safe (none for a prompt that is not a safety
        question); a safety question takes no default, and is needed."""
        raw = item.get("safety")
        if raw is None or raw is False:
            return ()
        mark = item.key_marks["safety"]
        safe = self.safe_values(prompt, ["Yes"] if raw is True else raw, mark, where)
        if "default" in item:
            self.problem(
                item.key_marks["default"],
                f"{where}.default",
                messages.packs.SAFETY_QUESTION_STARTS_ON_NO_ANSWER,
            )
        if item.get("optional") is True:
            self.problem(
                item.key_marks["optional"],
                f"{where}.optional",
                messages.packs.SAFETY_QUESTION_IS_NEEDED,
            )
        return safe

    def safe_values(
        self, prompt: Prompt, values: object, mark: Mark, where: str
    ) -> tuple[str, ...]:
        """The safe answers, when they are among a choice prompt's choices and leave at least
        one that means not safe; else none, and the problem said."""
        offered = [choice.value for choice in prompt.choices]
        if prompt.type != "choice":
            self.problem(
                mark,
                f"{where}.safety",
                messages.packs.IS_FOR_CHOICE_PROMPTS_NOT.format(prompt.type),
            )
        elif (
            not isinstance(values, list)
            or not values
            or not all(isinstance(v, str) for v in values)
        ):
            self.problem(mark, f"{where}.safety", messages.packs.MUST_BE_TRUE_OR_LIST_OF)
        elif any(v not in offered for v in values) or len(set(values)) == len(offered):
            self.problem(
                mark,
                f"{where}.safety",
                messages.packs.NAMES_ANSWERS_AMONG_ITS_CHOICES_AND,
            )
        else:
            return tuple(values)
        return ()

    def toward(
        self, prompt: Prompt, item: MarkedDict, where: str, earlier: dict[str, Prompt]
    ) -> bool:
        """`toward`: a step toward someone, shown only after an earlier safety question's
        safe answers (its `when` says so)."""
        toward = self.boolean(item, "toward", where, default=False)
        if toward and not any(
            name in earlier and earlier[name].safety and set(accepted) <= set(earlier[name].safety)
            for name, accepted in prompt.when
        ):
            self.problem(
                item.key_marks["toward"],
                f"{where}.toward",
                messages.packs.STEP_TOWARD_SOMEONE_NEEDS_WHEN_NAMING,
            )
        return toward

    def keeps(
        self, prompt: Prompt, item: MarkedDict, where: str, earlier: dict[str, Prompt]
    ) -> str:
        """`keeps`: the earlier question whose answer a confirm keeps in the saved file."""
        keeps = self.text(item, "keeps", where)
        if keeps:
            mark = item.key_marks["keeps"]
            if prompt.type != "confirm":
                self.problem(
                    mark,
                    f"{where}.keeps",
                    messages.packs.IS_FOR_CONFIRM_PROMPTS_NOT.format(prompt.type),
                )
            elif self.reference(mark, f"{where}.keeps", f"'{keeps}'", keeps, earlier) and not (
                earlier[keeps].asks
            ):
                self.problem(mark, f"{where}.keeps", messages.packs.IS_NOT_QUESTION.format(keeps))
        return keeps

    def when(
        self, item: MarkedDict, where: str, earlier: dict[str, Prompt], key: str = "when"
    ) -> tuple[tuple[str, tuple[str | int | bool, ...]], ...]:
        """`when` (or `unless`): earlier prompt ids, each with the answers that show (or hide)."""
        raw = item.get(key)
        if raw is None:
            return ()
        shows = "show" if key == "when" else "hide"
        if not isinstance(raw, MarkedDict) or not raw:
            self.problem(
                item.key_marks[key],
                f"{where}.{key}",
                messages.packs.MUST_MAP_EARLIER_PROMPT_ID_TO.format(shows),
            )
            return ()
        conditions = []
        for name, accepted in raw.items():
            mark = raw.key_marks[name]
            self.reference(mark, f"{where}.{key}", f"'{name}'", str(name), earlier)
            given = list(accepted) if isinstance(accepted, list) else [accepted]
            values = [v for v in given if isinstance(v, (str, int, bool))]
            if not values or len(values) != len(given):
                self.problem(
                    mark,
                    f"{where}.{key}.{name}",
                    messages.packs.MUST_BE_ANSWER_OR_LIST_OF,
                )
                continue
            if name in earlier:
                self.possible(earlier[str(name)], values, mark, f"{where}.{key}.{name}")
            conditions.append((str(name), tuple(values)))
        return tuple(conditions)

    def possible(
        self, prompt: Prompt, values: list[str | int | bool], mark: Mark, where: str
    ) -> None:
        """Each answer a condition names must be one the prompt can give (one of its choices,
        true or false, a number on its scale), else the path it opens or closes never does:
        `safe: [no]` would hide a safety note for good, since "No" is what is kept."""
        offered = [choice.value for choice in prompt.choices]
        low, high = prompt.min, prompt.max
        if prompt.type == "pairs":
            self.problem(
                mark, where, messages.packs.IS_PAIRS_PROMPT_NO_PATH_OPENS.format(prompt.id)
            )
            return
        for value in values:
            if prompt.type in ("choice", "multi_choice") and offered:
                wrong, could = value not in offered, ", ".join(offered)
            elif prompt.type == "confirm":
                wrong, could = not isinstance(value, bool), messages.packs.TRUE_FALSE
            elif prompt.type == "scale" and low is not None and high is not None:
                on_scale = isinstance(value, int) and not isinstance(value, bool)
                wrong = not (on_scale and low <= int(value) <= high)
                could = f"{low} to {high}"
            else:
                continue  # text, or choices that come from elsewhere: any answer may come
            if wrong:
                self.problem(
                    mark,
                    where,
                    messages.packs.IS_NOT_ANSWER_CAN_GIVE_IT.format(value, prompt.id, could)
                    + did_you_mean(str(value), offered),
                )
