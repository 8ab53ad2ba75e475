"""Every sentence a person reads lives in `messages/`, by area, where it can be read and
reviewed as a whole: no words for people are written anywhere else in the source."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "relational_cli"

WORDS = re.compile(r"[A-Za-z]{2,}[,;:.!?'’]* +[A-Za-z]{2,}")
"""Words for people: two words of letters with a space between (a value put in between them,
`{}`, left out)."""
PUT_IN = re.compile(r"\{[^{}]*\}")
NOT_WORDS = {
    "SQL": re.compile(r"\b(SELECT|INSERT|DELETE|UPDATE|PRAGMA|CREATE|WHERE|MATCH|AND|ORDER BY)\b"),
    "markup (HTML, SVG, a comment in a file)": re.compile(r"<[!/a-z]"),
    "a regular expression": re.compile(r"\(\?|\\[.sdw(]|\|"),
}
"""Strings that are for another program, not for people, known by their shape."""
NOT_FOR_PEOPLE_CALLS = {
    "compile": "a regular expression",
    "cast": "a type, for mypy",
    "execute": "SQL",
    "executescript": "SQL",
    "Unavailable": "the index's signal to read the files instead, never shown",
    "DatabaseError": "SQLite's own error for an index of another version, caught to rebuild it",
    "LookupError": "a mistake in the code that calls it, never a person's",
}
STYLE_WORDS = {"bold", "dim", "italic", "underline", "cyan", "quiet", "small", "reverse"}
"""Rich styles and CSS classes (`bold underline`, `quiet small`)."""

ALLOWED = {
    ("helptext.py", "TOP"): "a copy of `relational --help` as Typer writes it, kept in step by"
    " a test, so that --help is quick (the words are the commands' own help)",
    ("core/support.py", "LINES"): "the support lines' directory: each service's name, contact"
    " and hours as it publishes them, checked against its sources (data, like a pack)",
    ("core/support.py", "EMERGENCY"): "the same directory: emergency numbers by region",
    ("core/support.py", "ANYWHERE"): "the same directory: the numbers named where the region"
    " is not known",
    ("core/packs/known.py", "*"): "the answers, piles and sections built-in packs spell, matched"
    " against what the packs and the person's files hold (data, not wording to change here)",
    ("cli/review.py", "REFERENCE_HELP"): "an option's help shared by several options (as `help=`"
    " is read with its option)",
    (
        "core/packs/model.py",
        "CARD_PILES",
    ): "the card-sort piles as files spell them (matched on read)",
}
"""The few places words for people may stay outside `messages/`, each with its reason:
(module, top-level name; `*` for the whole module) -> why."""


def person_facing() -> list[str]:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        if module.startswith("messages/") or (module, "*") in ALLOWED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _not_for_people(tree, module)
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            text = _text(node)
            if text is None or not WORDS.search(PUT_IN.sub("", text)):
                continue
            if any(shape.search(text) for shape in NOT_WORDS.values()):
                continue
            if set(text.split()) <= STYLE_WORDS:
                continue
            found.append(f"{module}:{getattr(node, 'lineno', 0)}: {text[:80]!r}")
    return found


def _text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def _not_for_people(tree: ast.Module, module: str) -> set[int]:
    """The nodes whose strings are not words for people: docstrings (a module's, a class's,
    a function's, and the one beneath a name), the parts of an f-string (checked whole),
    option help (`help=`, read with its option as a command's docstring is its help), what is
    given to a regular expression, SQL or `cast`, and the allowed names."""
    skipped: set[int] = set()

    def skip(node: ast.AST) -> None:
        skipped.update(id(inner) for inner in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant | ast.JoinedStr):
            skip(node)
        elif isinstance(node, ast.JoinedStr):
            skipped.update(id(value) for value in node.values)
        elif isinstance(node, ast.keyword) and node.arg == "help":
            skip(node)
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else None
            name = name or (node.func.id if isinstance(node.func, ast.Name) else None)
            if name in NOT_FOR_PEOPLE_CALLS:
                skip(node)
    for statement in tree.body:
        targets = (
            statement.targets
            if isinstance(statement, ast.Assign)
            else [statement.target]
            if isinstance(statement, ast.AnnAssign)
            else []
        )
        if any(isinstance(t, ast.Name) and (module, t.id) in ALLOWED for t in targets):
            skip(statement)
    return skipped


def test_every_sentence_a_person_reads_is_in_messages() -> None:
    found = person_facing()
    assert not found, (
        f"{len(found)} strings for people outside messages/ (put them in"
        " messages/<area>.py):\n" + "\n".join(found)
    )


def test_the_allowed_exceptions_are_still_there() -> None:
    """An exception whose place has gone is taken off the list, so that it stays short."""
    for module, name in ALLOWED:
        tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
        names = {
            t.id
            for s in tree.body
            if isinstance(s, ast.Assign | ast.AnnAssign)
            for t in (s.targets if isinstance(s, ast.Assign) else [s.target])
            if isinstance(t, ast.Name)
        }
        assert name == "*" or name in names, f"{module} no longer has {name}"
