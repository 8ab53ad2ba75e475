"""The JSON Schema of the pack format (prompts/pack.schema.json), which editors use to check a
pack as it is typed, says what `relational packs validate` says about the shape of a pack."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import docs_example
from conftest import run_cli as run
from conftest import write_pack as install
from hypothesis import given, settings
from hypothesis import strategies as st

from relational_cli.core.home import builtin_packs_dir, pack_schema
from relational_cli.core.packs.choices import CHOICE_KEYS
from relational_cli.core.packs.model import CHOICE_TYPES, PAUSES, PROMPT_TYPES
from relational_cli.core.packs.names import ID_PATTERN, TAG_PATTERN, VISIBLE
from relational_cli.core.packs.paths import CARRY_KEYS, OUTRO_KEYS, SUPPORT_KINDS
from relational_cli.core.packs.reading import PACK_KEYS, PROMPT_KEYS

SCHEMA: dict[str, Any] = json.loads(pack_schema().read_text(encoding="utf-8"))
PROMPT = SCHEMA["definitions"]["prompt"]


def schema_errors(text: str) -> list[str]:
    validator = jsonschema.Draft7Validator(SCHEMA)
    data = yaml.safe_load(text)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def test_the_schema_is_a_draft_7_schema_an_editor_can_use() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    described = [PROMPT["properties"], SCHEMA["properties"]]
    for properties in described:  # each key explains itself when pointed at, but the shared ones
        for key, rule in properties.items():
            assert "description" in rule or key in ("choices", "when"), key


def test_every_built_in_pack_the_starter_and_the_documented_example_pass() -> None:
    packs = sorted(builtin_packs_dir().glob("*.yaml"))
    assert len(packs) >= 10
    for path in packs:
        assert schema_errors(path.read_text(encoding="utf-8")) == [], path.name
    starter = (builtin_packs_dir() / "templates" / "starter.yaml").read_text(encoding="utf-8")
    assert schema_errors(starter.replace("__ID__", "check-in")) == []
    assert schema_errors(docs_example()) == []


def test_the_schema_knows_the_keys_types_and_ids_the_validator_knows() -> None:
    assert set(SCHEMA["properties"]) == set(PACK_KEYS)
    assert set(SCHEMA["required"]) == {"id", "title", "summary", "prompts"}
    assert set(PROMPT["properties"]) == set(PROMPT_KEYS)
    assert set(PROMPT["required"]) == {"id", "type", "text"}
    assert PROMPT["properties"]["type"]["enum"] == list(PROMPT_TYPES)
    choice = SCHEMA["definitions"]["choices"]["items"]["oneOf"][1]
    assert set(choice["properties"]) == set(CHOICE_KEYS)
    carry = SCHEMA["properties"]["carry_forward"]["oneOf"][2]
    assert set(carry["properties"]) == set(CARRY_KEYS)
    outro = SCHEMA["properties"]["outros"]["items"]
    assert set(outro["properties"]) == set(OUTRO_KEYS)
    assert set(outro["required"]) == {"when", "text"}
    assert SCHEMA["definitions"]["support"]["enum"] == list(SUPPORT_KINDS)
    assert SCHEMA["definitions"]["id"]["pattern"] == f"^{ID_PATTERN.pattern}(?!\\n)$"
    tag = SCHEMA["properties"]["tags"]["items"]["pattern"]
    assert tag == f"^{TAG_PATTERN.pattern}(?!\\n)$"
    assert SCHEMA["definitions"]["words"]["pattern"] == VISIBLE.pattern
    assert PROMPT["allOf"][0]["if"]["properties"]["type"]["enum"] == list(CHOICE_TYPES)
    asks = SCHEMA["properties"]["prompts"]["contains"]["properties"]["type"]["not"]["enum"]
    assert asks == list(PAUSES)


PACK = "id: check-in\ntitle: Check-in\nsummary: A few questions\nprompts:\n"
ASK = "  - {id: how, type: text, text: How are you}\n"

# Pack files each with one mistake (or none): the schema and the validator must agree.
CASES = {
    "a plain pack": (PACK + ASK, True),
    "every kind of prompt": (
        PACK
        + ASK
        + "  - {id: pick, type: choice, text: Pick, choices: [a, {value: b, label: B, description: the b}], default: a}\n"
        + "  - {id: some, type: multi_choice, text: Some, choices: [a, b], min: 1, max: 2, default: [a]}\n"
        + "  - {id: order, type: ranking, text: Order, choices_from: some}\n"
        + "  - {id: cards, type: card_sort, text: Sort, choices: [a, b, c], short_deck: [a, b]}\n"
        + "  - {id: sure, type: scale, text: Sure, min: 0, max: 10, min_label: low, max_label: high, default: 3}\n"
        + "  - {id: ok, type: confirm, text: OK, default: true, when: {how: [fine, good]}}\n"
        + "  - {id: read, type: note, text: Just read this.}\n"
        + "  - {id: pause, type: grounding, text: A pause, help: null}\n"
        + "  - {id: long, type: long_text, text: 'More about {how}', optional: false}\n"
        + "carry_forward: {prompts: [how], when: {ok: true}}\ntitle_from: how\nminutes: 5\n"
        + "version: 2\ntags: [a]\nsources: [b]\nintro: hi\noutro: bye\ncontent_note:\n",
        True,
    ),
    "carry everything forward": (PACK + ASK + "carry_forward: all\n", True),
    "a misspelt pack key": (PACK + ASK + "sumary: x\n", False),
    "no summary": (PACK.replace("summary: A few questions\n", "") + ASK, False),
    "an empty title": (PACK.replace("title: Check-in", "title: ''") + ASK, False),
    "an id with capitals": (PACK.replace("id: check-in", "id: Check-In") + ASK, False),
    "minutes in words": (PACK + ASK + "minutes: soon\n", False),
    "no minutes at all": (PACK + ASK + "minutes: 0\n", False),
    "tags as one text": (PACK + ASK + "tags: calm\n", False),
    "no prompts": (PACK + "  []\n", False),
    "only a note": (PACK + "  - {id: n, type: note, text: Read}\n", False),
    "an unknown prompt type": (PACK + "  - {id: how, type: txt, text: How}\n", False),
    "a prompt id with a space": (PACK + "  - {id: how are, type: text, text: How}\n", False),
    "a prompt without text": (PACK + "  - {id: how, type: text}\n", False),
    "a misspelt prompt key": (PACK + "  - {id: how, type: text, text: How, hlep: x}\n", False),
    "a choice without choices": (PACK + "  - {id: how, type: choice, text: How}\n", False),
    "a text with choices": (PACK + "  - {id: how, type: text, text: How, choices: [a]}\n", False),
    "an empty choice list": (PACK + "  - {id: how, type: choice, text: How, choices: []}\n", False),
    "a choice key misspelt": (
        PACK + "  - {id: how, type: choice, text: How, choices: [{value: a, lable: A}]}\n",
        False,
    ),
    "min on a text": (PACK + "  - {id: how, type: text, text: How, min: 1}\n", False),
    "a short deck off a card sort": (
        PACK + "  - {id: how, type: choice, text: How, choices: [a], short_deck: [a]}\n",
        False,
    ),
    "a default for a ranking": (
        PACK + "  - {id: how, type: ranking, text: How, choices: [a], default: [a]}\n",
        False,
    ),
    "a yes/no default in words": (
        PACK + "  - {id: how, type: confirm, text: How, default: 'yes'}\n",
        False,
    ),
    "a default with choices_from": (
        PACK + ASK + "  - {id: c, type: choice, text: C, choices_from: how, default: a}\n",
        False,
    ),
    "optional in words": (PACK + "  - {id: how, type: text, text: How, optional: no way}\n", False),
    "an empty when": (PACK + ASK + "  - {id: c, type: text, text: C, when: {}}\n", False),
    "a when that is a mapping": (
        PACK + ASK + "  - {id: c, type: text, text: C, when: {how: {a: b}}}\n",
        False,
    ),
    "carry forward in words": (PACK + ASK + "carry_forward: some\n", False),
    "carry forward without prompts": (PACK + ASK + "carry_forward: {when: {how: a}}\n", False),
    "a list, not a pack": ("- id: check-in\n", False),
    "an unless": (PACK + ASK + "  - {id: c, type: text, text: C, unless: {how: a}}\n", True),
    "an empty unless": (PACK + ASK + "  - {id: c, type: text, text: C, unless: {}}\n", False),
    "a note with support lines": (
        PACK + ASK + "  - {id: n, type: note, text: N, support: hurt}\n",
        True,
    ),
    "support lines on a question": (
        PACK + "  - {id: how, type: text, text: How, support: hurt}\n",
        False,
    ),
    "an unknown kind of support": (
        PACK + ASK + "  - {id: n, type: note, text: N, support: sad}\n",
        False,
    ),
    "closing words per path": (
        PACK + ASK + "outros: [{when: {how: a}, text: Bye, support: crisis}]\n",
        True,
    ),
    "closing words without when": (PACK + ASK + "outros: [{text: Bye}]\n", False),
    "closing words without text": (PACK + ASK + "outros: [{when: {how: a}}]\n", False),
    "closing words as one text": (PACK + ASK + "outros: Bye\n", False),
    "a note from whoever wrote it": (PACK + ASK + "from: {note: Go gently., name: Sam}\n", True),
    "a note with no name": (PACK + ASK + "from: {note: Go gently.}\n", True),
    "a from with no note": (PACK + ASK + "from: {name: Sam}\n", False),
    "a from as one text": (PACK + ASK + "from: Sam\n", False),
    "a from key misspelt": (PACK + ASK + "from: {note: Hi, nmae: Sam}\n", False),
    "a from name of two lines": (PACK + ASK + 'from: {note: Hi, name: "Sam\\nLee"}\n', False),
    "a from name too long": (PACK + ASK + f"from: {{note: Hi, name: {'S' * 61}}}\n", False),
}


@pytest.mark.parametrize("name", CASES)
def test_the_schema_and_validate_agree(
    name: str, capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    text, valid = CASES[name]
    path = install(home, "check-in", text)
    code, out, _ = run(capsys, "packs", "validate", str(path))
    errors = schema_errors(text)
    assert (code == 0) is valid, out
    assert (errors == []) is valid, errors


def test_packs_new_starts_with_the_schema_line_and_keeps_the_schema_beside_it(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, _ = run(capsys, "packs", "new", "check-in")
    assert code == 0
    text = Path(out.strip()).read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=pack.schema.json"
    assert "relational packs guide" in text and "docs/packs.md" not in text
    copy = home / "packs" / "pack.schema.json"
    assert json.loads(copy.read_text(encoding="utf-8")) == SCHEMA
    assert oct(copy.stat().st_mode & 0o777) == "0o600"

    copy.write_text("{}", encoding="utf-8")  # an older relational's copy
    assert run(capsys, "packs", "new", "other")[0] == 0
    assert json.loads(copy.read_text(encoding="utf-8")) == SCHEMA
    _, listed, _ = run(capsys, "packs", "list", "--format", "json")
    assert "pack.schema" not in listed  # the schema is not taken for a pack


def test_guide_and_schema_print_what_the_installed_program_carries(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, guide, _ = run(capsys, "packs", "guide")
    assert code == 0 and guide.startswith("# Writing your own exercises")
    assert "## Pack keys" in guide and "$schema=pack.schema.json" in guide
    code, schema, err = run(capsys, "packs", "schema")
    assert code == 0 and err == ""
    assert json.loads(schema) == SCHEMA


# ECMA-262 is the dialect of JSON Schema patterns (what ajv and the YAML language server in an
# editor run); Python's `re` is what jsonschema and `packs validate` run. They differ: `\w`,
# `\d` and `\s` are ASCII-only or another set in ECMA, and Python's `$` also matches before a
# final newline. A real ECMA engine (node) judges here, with and without the `u` flag ajv uses.
ECMA = """
const lines = require("readline").createInterface({input: process.stdin});
lines.on("line", (line) => {
  const [pattern, text] = JSON.parse(line);
  const verdict = (flags) => { try { return new RegExp(pattern, flags).test(text); }
                                catch (error) { return "invalid: " + error.message; } };
  process.stdout.write(JSON.stringify([verdict(""), verdict("u")]) + "\\n");
});
"""


class Ecma:
    """One node process, asked one pattern and text at a time."""

    def __init__(self, node: str) -> None:
        self.process = subprocess.Popen(
            [node, "-e", ECMA], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            encoding="utf-8",
        )  # fmt: skip

    def search(self, pattern: str, text: str) -> bool:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(json.dumps([pattern, text]) + "\n")
        self.process.stdin.flush()
        plain, unicode = json.loads(self.process.stdout.readline())
        assert plain == unicode, (pattern, text, plain, unicode)  # one verdict, u flag or not
        assert isinstance(plain, bool), plain  # a pattern ECMA-262 can compile
        return plain


@pytest.fixture(scope="module")
def ecma() -> Iterator[Ecma]:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        pytest.skip("node is not installed: no ECMA-262 regex engine to compare the schema with")
    engine = Ecma(node)
    yield engine
    engine.process.kill()
    engine.process.wait()


def patterns(node: Any = SCHEMA) -> list[str]:
    """Every `pattern` in the schema."""
    if isinstance(node, dict):
        return [
            found
            for key, value in node.items()
            for found in ([value] if key == "pattern" else patterns(value))
        ]
    if isinstance(node, list):
        return [found for value in node for found in patterns(value)]
    return []


def ecma_errors(text: str, ecma: Ecma) -> list[str]:
    """The schema's verdict with every pattern run by the ECMA-262 engine."""

    def pattern(validator: Any, regex: str, instance: Any, schema: Any) -> Iterator[Any]:
        if validator.is_type(instance, "string") and not ecma.search(regex, instance):
            yield jsonschema.ValidationError(f"{instance!r} does not match {regex!r}")

    ecma_validator = jsonschema.validators.extend(jsonschema.Draft7Validator, {"pattern": pattern})
    data = yaml.safe_load(text)
    return [
        f"{list(e.absolute_path)}: {e.message}" for e in ecma_validator(SCHEMA).iter_errors(data)
    ]


TRICKY = "aZé日本語_-/0٣ \t\n\r\x85\x1c\xa0\u2028\u200b\u3000\ufeff.#+$'\"\\[]"
"""Characters the two dialects could read differently: non-ASCII letters and digits, every
kind of space and line end, the byte order mark, punctuation a class might need to escape."""


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from(TRICKY), max_size=8) | st.text(max_size=6))
def test_every_pattern_means_the_same_in_ecma_262_and_python(ecma: Ecma, text: str) -> None:
    for regex in patterns():
        assert bool(re.search(regex, text)) == ecma.search(regex, text), (regex, text)


def test_every_pattern_reads_the_probes_alike_in_both_dialects(ecma: Ecma) -> None:
    probes = ["café", "日本語", "calm\n", "\ufeff", " \u3000", "Yes\n", "c++", "2024", "a b"]
    for regex in patterns():
        for text in probes:
            assert bool(re.search(regex, text)) == ecma.search(regex, text), (regex, text)


# Packs the dialects judged differently before; the schema (in both) and `packs validate` agree.
PROBES = {
    "tags in other scripts": (PACK + ASK + "tags: [café, 日本語, état/été, a_b-c]\n", True),
    "a digits-only tag": (PACK + ASK + "tags: ['2024']\n", False),
    "a tag with a plus": (PACK + ASK + "tags: [c++]\n", False),
    "a tag with a space": (PACK + ASK + "tags: ['calm down']\n", False),
    "a tag with a newline from a block": (PACK + ASK + "tags:\n  - |\n    calm\n", False),
    "a group with a newline from a block": (PACK + ASK + "group: |\n  Connection\n", False),
    "a choice with a newline from a block": (
        PACK
        + "  - id: how\n    type: choice\n    text: How\n    choices:\n      - |\n        Yes\n",
        False,
    ),
    "an id with a newline from a block": (
        PACK + "  - id: |\n      how\n    type: text\n    text: How\n",
        False,
    ),
    "a was with a newline from a block": (
        PACK + "  - id: how\n    type: text\n    text: How\n    was: |\n      old\n",
        False,
    ),
    "a title that is only a byte order mark": (
        PACK.replace("title: Check-in", 'title: "\\uFEFF"') + ASK,
        False,
    ),
    "a title that is only wide spaces": (
        PACK.replace("title: Check-in", 'title: "\\u3000 \\u2003"') + ASK,
        False,
    ),
    "a note signed with a newline from a block": (
        PACK + ASK + "from:\n  note: Hello\n  name: |\n    Sam\n",
        False,
    ),
    "a title after a byte order mark": (
        PACK.replace("title: Check-in", 'title: "\\uFEFFCheck-in"') + ASK,
        True,
    ),
}


@pytest.mark.parametrize("name", PROBES)
def test_the_schema_in_both_dialects_and_validate_agree_on_the_probes(
    name: str, capsys: pytest.CaptureFixture[str], home: Path, ecma: Ecma
) -> None:
    text, valid = PROBES[name]
    path = install(home, "check-in", text)
    code, out, _ = run(capsys, "packs", "validate", str(path))
    assert (code == 0) is valid, out
    assert (schema_errors(text) == []) is valid, schema_errors(text)
    assert (ecma_errors(text, ecma) == []) is valid, ecma_errors(text, ecma)


def test_a_title_of_only_a_byte_order_mark_is_refused_as_empty(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    path = install(home, "check-in", PACK.replace("title: Check-in", 'title: "\\uFEFF"') + ASK)
    code, out, _ = run(capsys, "packs", "validate", str(path))
    assert code == 1 and "title: is empty" in out
