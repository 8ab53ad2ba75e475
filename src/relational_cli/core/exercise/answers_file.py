"""Answers from a file: a YAML or JSON mapping of prompt id to answer, checked against the
pack as the session walks it, with every mistake named by file, line and id."""

from __future__ import annotations

from pathlib import Path

from relational_cli import messages
from relational_cli.core.errors import UserError, did_you_mean
from relational_cli.core.exercise.session import Answers, Back, Step, check, final_answers, run
from relational_cli.core.journal.fileformat import Value
from relational_cli.core.packs.model import Pack
from relational_cli.core.packs.yamlfile import (
    Mark,
    MarkedDict,
    describe,
    parse_json,
    parse_yaml,
    read_text_file,
)


class AnswersFileAsker:
    """Answers from a mapping of prompt id to answer, checked against the pack as it goes."""

    def __init__(
        self, answers: dict[str, object], source: str, marks: dict[str, Mark] | None = None
    ) -> None:
        self.answers = answers
        self.source = source
        self.marks = marks or {}

    @classmethod
    def from_file(cls, path: str, stdin_text: str | None = None) -> AnswersFileAsker:
        """Read YAML or JSON from `path`, or from `stdin_text` when path is '-'. A file that
        starts with `{` is read as JSON."""
        source = "<stdin>" if path == "-" else path
        text = (
            stdin_text
            if path == "-"
            else read_text_file(Path(path), messages.files.ANSWERS_FILE, pipe=True)
        ) or ""
        data = (
            parse_json(text, source) if text.lstrip().startswith("{") else parse_yaml(text, source)
        )
        if not isinstance(data, MarkedDict):
            shape = describe(data)
            raise UserError(messages.exercise.answers_not_a_mapping(source, shape))
        for key in data:
            if not isinstance(key, str):
                raise UserError(
                    messages.exercise.not_a_prompt_id(f"{source}:{data.key_marks[key]}", key)
                )
        answers = {str(key): value for key, value in data.items()}  # every key is text
        return cls(answers, source, {str(key): mark for key, mark in data.key_marks.items()})

    def check_ids(self, known: list[str], renamed: dict[str, str]) -> None:
        """Every key names a prompt; one that an earlier version of the pack asked under
        another id (`renamed`, old id to new) says which."""
        for key in self.answers:
            if key not in known:
                hint = messages.exercise.asked_as(renamed[key]) if key in renamed else ""
                hint = hint or did_you_mean(key, known)
                raise UserError(messages.exercise.not_a_prompt(self.where(key), key, hint))

    def show_note(self, step: Step) -> None:
        if step.prompt.id in self.answers:
            prompt = step.prompt
            raise UserError(messages.exercise.takes_no_answer(self.where(prompt.id), prompt))

    def ground(self, step: Step) -> None:
        """A grounding pause takes no answer, as a note takes none."""
        self.show_note(step)

    def nudge(self, step: Step) -> None:
        """Never reached: an answers file that leaves out a needed prompt is refused in `ask`."""

    def mention(self, text: str) -> None:
        """Nothing is said to an answers file."""

    def ask(self, step: Step) -> Value | Back | None:
        prompt_id = step.prompt.id
        if prompt_id not in self.answers:
            if not step.prompt.optional:
                raise UserError(messages.exercise.needed(self.source, prompt_id))
            return None
        try:
            return check(step, self.answers[prompt_id])
        except ValueError as exc:
            raise UserError(
                messages.exercise.wrong_answer(self.where(prompt_id), prompt_id, exc)
            ) from None

    def where(self, key: str) -> str:
        mark = self.marks.get(key)
        return f"{self.source}:{mark}" if mark else self.source


def collect(pack: Pack, asker: AnswersFileAsker, last: Answers) -> Answers:
    """Walk the pack with the file's answers; refuse answers to prompts these answers do not
    show, and a file that answers nothing."""
    asker.check_ids([p.id for p in pack.prompts], {p.was: p.id for p in pack.prompts if p.was})
    answers = run(pack, asker, last)
    kept = final_answers(pack, answers)
    for key, value in asker.answers.items():
        if key not in kept and value not in (None, "", []):
            raise UserError(messages.exercise.not_asked(asker.where(key), key))
    if not kept:
        raise UserError(messages.exercise.no_answers(asker.source))
    return answers
