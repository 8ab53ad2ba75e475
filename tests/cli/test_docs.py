"""The command reference (docs/commands.md) is the commands' own --help, and every command
has help with an example."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def reference_script() -> ModuleType:
    path = ROOT / "scripts" / "update_docs.py"
    spec = importlib.util.spec_from_file_location("update_docs", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SCRIPT = reference_script()
COMMANDS = [" ".join(path) for path in SCRIPT.command_paths()]


REFERENCE = ROOT / "docs" / "commands.md"


def test_the_command_reference_is_written_from_help() -> None:
    reference = REFERENCE.read_text(encoding="utf-8")
    assert SCRIPT.updated(reference) == reference, "run `python scripts/update_docs.py`"


def test_the_reference_lists_every_command() -> None:
    reference = REFERENCE.read_text(encoding="utf-8")
    assert {"reflect", "review", "show", "edit", "drafts", "packs new", "info"} <= set(COMMANDS)
    for command in COMMANDS:
        assert f"### relational {command}\n" in reference


def section_of(command: str) -> str:
    """What the reference says under `### relational COMMAND`."""
    reference = REFERENCE.read_text(encoding="utf-8")
    heading = f"### {' '.join(['relational', *command.split()])}\n"
    assert heading in reference, f"the reference has no `{heading.strip()}`"
    return reference.split(heading, 1)[1].split("\n### ", 1)[0]


PARAMETERS = [
    (" ".join(path), parameter)
    for path, command in SCRIPT.commands()
    for parameter in command.params
    if not getattr(parameter, "hidden", False)
]


@pytest.mark.parametrize(
    ("command", "parameter"),
    PARAMETERS,
    ids=[f"{command or 'relational'} {p.opts[0]}" for command, p in PARAMETERS],
)
def test_every_option_and_argument_of_every_command_is_documented(
    command: str, parameter: Any
) -> None:
    """Each has its own help, and the reference names it under its command: a new option
    with no help, or one left out of the reference, fails here."""
    kind = type(parameter).__name__
    assert getattr(parameter, "help", None), f"`{command} {parameter.opts[0]}` has no help"
    section = section_of(command)
    if kind.endswith("Argument"):
        names = [parameter.metavar or parameter.name]
    else:
        names = [*parameter.opts, *parameter.secondary_opts]
    for name in names:
        assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", section), (
            f"the reference does not name `{name}` under `relational {command}`: run"
            " `python scripts/update_docs.py`"
        )


def test_the_walk_finds_every_option_relational_takes() -> None:
    """The walk sees the commands as `relational` runs them: with `--passphrase-command`
    where a passphrase may be asked, and the top level's own options."""
    found = {(command, name) for command, p in PARAMETERS for name in p.opts}
    assert ("reflect", "--passphrase-command") in found
    assert ("", "--debug") in found and ("packs add", "--replace") in found


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_an_example(command: str) -> None:
    text = SCRIPT.help_text(command.split())
    description = text.split("\n\n", 2)[1].strip()
    assert description, f"`relational {command}` has no help text"
    assert re.search(r"^  Examples?:  .*relational ", text, re.M), (
        f"`relational {command}` has no example"
    )


@pytest.mark.parametrize("width", ["80", "200"])
def test_the_quick_top_level_help_is_typer_s_own(width: str) -> None:
    """`relational --help` is printed from helptext.py without importing Typer: it must be
    exactly what Typer would write, at 80 columns and wider."""
    from relational_cli.helptext import TOP

    assert SCRIPT.raw_help([], width) == TOP
    assert (ROOT / "src" / "relational_cli" / "helptext.py").read_text() == SCRIPT.helptext()


def test_the_guide_lists_every_built_in_exercise_under_its_group_in_the_menus_order() -> None:
    from conftest import library

    from relational_cli.core.packs.library import group_of

    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    section = guide[guide.index("## The exercises") : guide.index("\\* has a content note")]
    listed = re.findall(r"^\*\*(.+?)\*\*|^\| `([a-z-]+)`", section, flags=re.MULTILINE)
    expected: list[str] = []
    for pack in library().load_all().menu:
        if group_of(pack) not in expected:
            expected.append(group_of(pack))
        expected.append(pack.id)
    assert [group or pack for group, pack in listed] == expected


def anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as dashes."""
    words = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return words.replace(" ", "-")


def test_every_link_between_the_readme_and_the_docs_leads_somewhere() -> None:
    """A link to another page, or to a heading, finds it (the reference moved to docs/)."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    broken = []
    for page in pages:
        text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue  # a web address
            path, _, fragment = target.partition("#")
            linked = (page.parent / path).resolve() if path else page
            if not linked.exists():
                broken.append(f"{page.name}: {target}")
            elif fragment:
                headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.M)
                if fragment not in {anchor(heading) for heading in headings}:
                    broken.append(f"{page.name}: {target}")
    assert broken == []


def test_every_environment_variable_relational_reads_is_documented() -> None:
    """In the guide (or the locked journal's page) and in the man page."""
    source = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "src").rglob("*.py"))
    read = set(re.findall(r"\b(RELATIONAL_[A-Z_]+|NO_COLOR|VISUAL|EDITOR)\b", source))
    docs = "\n".join(
        (ROOT / "docs" / name).read_text(encoding="utf-8")
        for name in ("guide.md", "locked-journal.md")
    )
    manual = (ROOT / "docs" / "relational.1").read_text(encoding="utf-8")
    assert {name for name in read if name not in docs} == set()
    assert {name for name in read if name not in manual} == set()


def test_the_readme_stays_a_front_page() -> None:
    """Short enough to read in two minutes, with what a newcomer needs first and a way to
    everything else; the reference lives in docs/."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    headings = re.findall(r"^## (.+)$", readme, re.M)
    assert headings[:2] == ["Quick start", "The first five minutes"]
    assert {"If you need support now", "Platforms", "Read more"} <= set(headings)
    assert readme.count("not therapy") == 1
    for needed in ("relational support", "Ctrl-Q", "RELATIONAL_PLAIN=1", "relational lock"):
        assert needed in readme
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f"](docs/{page.name})" in readme or f"](docs/{page.name}#" in readme, page.name


def test_the_guide_says_up_to_how_many_reflections_a_hand_edit_shows_at_once() -> None:
    from relational_cli.core.search.index import EVERY_FILE

    guide = " ".join((ROOT / "docs" / "guide.md").read_text(encoding="utf-8").split())
    assert f"up to {EVERY_FILE:,} reflections, every file is looked at" in guide
