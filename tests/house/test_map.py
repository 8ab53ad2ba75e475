"""The developer map (docs/developing.md) names every module and package of the code, and
nothing that is not there: when a module is added, moved or renamed, the map follows."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "relational_cli"
BY_AREA = {"cli", "messages"}
"""Folders the map describes by area ("reflect, plan, …"): a module there may be named by its
stem alone."""


def the_map() -> str:
    text = (ROOT / "docs" / "developing.md").read_text(encoding="utf-8")
    start = text.index("```\nsrc/relational_cli/\n")
    return text[start : text.index("\n```", start + 4)]


def test_the_map_names_every_module_and_package() -> None:
    named = the_map()
    unnamed = []
    for module in sorted(PACKAGE.rglob("*.py")):
        where = module.relative_to(PACKAGE)
        if module.name == "__init__.py":
            folder = where.parent.name
            if where.parent != Path() and not re.search(rf"(?<![\w.]){folder}/", named):
                unnamed.append(f"{where.parent}/")
        elif not re.search(rf"(?<![\w.]){re.escape(module.name)}\b", named) and not (
            where.parts[0] in BY_AREA and re.search(rf"\b{module.stem}\b", named)
        ):
            unnamed.append(str(where))
    assert unnamed == [], "add them to the map in docs/developing.md"


def test_the_map_names_nothing_that_is_not_there() -> None:
    there = {path.name for path in ROOT.glob("[!.]*/**/*.py")} | {
        path.name for path in PACKAGE.rglob("*.py")
    }
    gone = sorted(set(re.findall(r"\b[\w]+\.py\b", the_map())) - there)
    assert gone == [], "the map in docs/developing.md names files that are not there"
