"""Plain words, measured: every built-in exercise's questions, summary and `about` text are
scored with the Flesch–Kincaid grade level (the US school grade that can read a text), and the
test fails above the line set here. Syllables come from pyphen's English hyphenation
dictionary (a word's hyphenation points, plus one), as textstat 0.7.3 counted them; newer
textstat needs NLTK's pronouncing dictionary, downloaded at run time, which a test here
cannot do. Hyphenation slightly undercounts syllables, so these scores run a little low.

The lines (docs/packs.md says the same to people writing their own packs):
- a pack's questions, read together: grade 6 at most (the issue's "about 6th grade");
- any one question: grade 9 at most (a single sentence scores unevenly; this catches the
  outlier, and the 20-word limit is in test_safe_paths);
- a summary (one line in the menu): grade 8 at most;
- an `about` text: grade 9 at most ("about 8th grade");
- a note (read in the middle of an exercise, often at a hard moment): grade 9 at most, as an
  `about` text.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pytest
from conftest import library

from relational_cli.core.home import builtin_packs_dir

QUESTIONS, QUESTION, SUMMARY, ABOUT, NOTE = 6.0, 9.0, 8.0, 9.0, 9.0
WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)")


@cache
def hyphenation() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def syllables(word: str) -> int:
    return len(hyphenation().positions(word.lower().replace("’", "'"))) + 1


def grade(text: str) -> float:
    """The Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word
    − 15.59. A {placeholder} reads as one short word; a text without an end mark is one
    sentence."""
    text = re.sub(r"\{[^}]*\}", "them", text).strip()
    words = WORD.findall(text)
    if not words:
        return 0.0
    sentences = len(SENTENCE_END.findall(text)) + (not SENTENCE_END.search(text[-1:]))
    per_word = sum(syllables(word) for word in words) / len(words)
    return 0.39 * len(words) / sentences + 11.8 * per_word - 15.59


def test_the_score_tells_plain_words_from_hard_ones() -> None:
    assert grade("What is one kind thing you could do for yourself today?") < 3
    hard = (
        "Interpersonal neurobiology characterises intersubjective attunement as a prerequisite"
        " for therapeutic transformation."
    )
    assert grade(hard) > 16
    assert syllables("relationship") == 4 and syllables("kind") == 1


EXERCISES = sorted(path.stem for path in builtin_packs_dir().glob("*.yaml"))


@pytest.mark.parametrize("exercise", EXERCISES)
def test_every_built_in_exercise_reads_at_about_a_sixth_grade_level(exercise: str) -> None:
    pack = library().load(exercise)
    questions = [prompt.text for prompt in pack.prompts if prompt.asks]
    together = " ".join(
        text if SENTENCE_END.search(text[-1:]) else text + "." for text in questions
    )
    assert grade(together) <= QUESTIONS, f"{exercise}: its questions read at {grade(together):.1f}"
    for text in questions:
        assert grade(text) <= QUESTION, f"{exercise}: {grade(text):.1f} for {text!r}"
    assert grade(pack.summary) <= SUMMARY, f"{exercise}: summary at {grade(pack.summary):.1f}"
    assert grade(pack.about) <= ABOUT, f"{exercise}: about at {grade(pack.about):.1f}"
    for note in (prompt for prompt in pack.prompts if prompt.type == "note"):
        assert grade(note.text) <= NOTE, f"{exercise}.{note.id}: {grade(note.text):.1f}"
