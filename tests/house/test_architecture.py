"""The house keeps its shape: core/ never touches the terminal, no import cycles, rooms that
stay small, and every reflection write goes through the Journal."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "relational_cli"
TERMINAL_LIBRARIES = ("typer", "click", "rich", "questionary", "prompt_toolkit")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


CORE_MODULES = [module_name(p) for p in sorted((PACKAGE / "core").rglob("*.py"))]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_never_imports_a_terminal_library(module: str) -> None:
    """Imported in a fresh interpreter, with everything it reaches at import time."""
    check = (
        f"import sys, {module}\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {TERMINAL_LIBRARIES!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", f"{module} pulls in {result.stdout.strip()}"


def test_core_does_not_even_name_a_terminal_library_or_the_layers_above() -> None:
    """Not at import time, and not inside a function either."""
    for path in (PACKAGE / "core").rglob("*.py"):
        for imported, _ in imports(path, top_level_only=False, type_checking=True):
            root = imported.split(".")[0]
            assert root not in TERMINAL_LIBRARIES, f"{path.name} imports {imported}"
            assert not imported.startswith(("relational_cli.tui", "relational_cli.cli")), (
                f"{path.name} imports {imported}"
            )


def imports(path: Path, top_level_only: bool, type_checking: bool = False) -> list[tuple[str, int]]:
    """(module, line) for each import in a file; those under `if TYPE_CHECKING:`, which never
    run, only with `type_checking`; top level only leaves out imports inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if top_level_only and isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if (
                not type_checking
                and isinstance(child, ast.If)
                and "TYPE_CHECKING" in ast.unparse(child.test)
            ):
                continue
            if isinstance(child, ast.Import):
                found.extend((alias.name, child.lineno) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module:
                found.append((child.module, child.lineno))
                found.extend(
                    (f"{child.module}.{alias.name}", child.lineno) for alias in child.names
                )
            visit(child)

    visit(tree)
    return found


def test_no_import_cycles_at_any_depth() -> None:
    """Counted honestly: imports inside functions count too (a cycle hidden in a function is
    still a knot); only those under `if TYPE_CHECKING:`, which never run, do not."""
    modules = {module_name(p): p for p in sources()}
    graph = {
        name: {
            imported
            for imported, _ in imports(path, top_level_only=False)
            if imported in modules and imported != name
        }
        for name, path in modules.items()
    }

    def cycle_from(start: str, seen: list[str]) -> list[str] | None:
        for nxt in sorted(graph[start]):
            if nxt in seen:
                return [*seen[seen.index(nxt) :], nxt]
            found = cycle_from(nxt, [*seen, nxt])
            if found:
                return found
        return None

    for name in sorted(graph):
        cycle = cycle_from(name, [name])
        assert cycle is None, " -> ".join(cycle or [])


CORE_ORDER = ["", "lock", "journal", "packs", "search", "exercise", "documents", "transfer"]
"""Core's packages, bottom first: core's own modules ("": errors, atomic, home, memory,
hang_up, support, welcome); the lock (age keys and the cipher, knowing nothing of the
journal's files); the journal (its files, storage, drafts, the Journal door); packs; search
(the index, reading back); exercise; documents; transfer. Each imports only those below it,
so each can be read, tested and changed knowing nothing of those above; where a lower one
needs a higher one, the higher thing is handed in (the Journal is given its index)."""


def core_package(module: str) -> str | None:
    """Which of `CORE_ORDER` a module is in (None for one outside core)."""
    parts = module.split(".")
    if parts[:2] != ["relational_cli", "core"]:
        return None
    return parts[2] if len(parts) > 2 and parts[2] in CORE_ORDER else ""


def test_core_packages_import_only_the_packages_below_them() -> None:
    """Counted whole: imports inside functions and under `if TYPE_CHECKING:` count too."""
    upward: dict[str, str] = {}
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        mine = core_package(module_name(path))
        assert mine is not None
        for imported, line in imports(path, top_level_only=False, type_checking=True):
            theirs = core_package(imported)
            if theirs is not None and CORE_ORDER.index(theirs) > CORE_ORDER.index(mine):
                upward.setdefault(f"{path.relative_to(PACKAGE)}:{line}", imported)
    assert not upward, "\n".join(f"{where} imports {what}" for where, what in upward.items())


def test_no_source_file_is_over_400_lines() -> None:
    long = {p.name: n for p in sources() if (n := len(p.read_text().splitlines())) > 400}
    assert not long, long


def test_only_the_journal_writes_into_the_journal_folder() -> None:
    """Every write of a reflection goes through `Journal`, so the index follows them all:
    nothing else names the journal folder (the index only reads it)."""
    for path in sources():
        if path.name in ("journal.py", "home.py", "storage.py", "index.py"):
            continue
        assert not re.search(r"\.journal\.files\(|storage\.journal\b", path.read_text()), path


WORD_PLACES = re.compile(r"\bhome\.(journal|drafts|recovery|trash|cache)\b")
"""The folders that hold a person's words: only the storage door (and `Home`) names them."""
NO_WORDS = {"welcome.py", "installing.py", "keys.py", "rekeying.py", "support.py"}
"""Files that hold none of a person's words, written atomically without the door: the
welcome marker, pack files, the lock's own (its recipient, its sealed identity, a new key
while it is made), and the region the person gave for support lines."""


def test_every_file_that_holds_a_persons_words_goes_through_one_door() -> None:
    """Reflections, drafts, recovery, trash, the index and documents made from them are read
    and written only through `core/journal/storage.py`: nothing else names their folders, and
    nothing else imports the atomic file writes (but the two that hold no words)."""
    for path in sources():
        if path.name in ("storage.py", "home.py", "atomic.py"):
            continue
        text = path.read_text(encoding="utf-8")
        assert not WORD_PLACES.search(text), f"{path.relative_to(PACKAGE)} names a word folder"
        writes = [m for m, _ in imports(path, top_level_only=False) if m.endswith("core.atomic")]
        assert not writes or path.name in NO_WORDS, f"{path.relative_to(PACKAGE)} writes files"


def test_only_the_environment_reads_the_world() -> None:
    """Terminals, variables and the clock come in through `Environment`, so tests can hand in
    their own: nothing else asks for them."""
    for path in sources():
        if path.name == "environment.py" or path.relative_to(PACKAGE) == Path("entry.py"):
            continue  # entry.py answers --help before there is an Environment (COLUMNS)
        text = path.read_text(encoding="utf-8")
        for reach in (".isatty()", "datetime.now(", "os.environ", "os.getenv("):
            assert reach not in text, f"{path.relative_to(PACKAGE)} reads {reach}"


CLOCK_READS = {
    "time": {"time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns"},
    "datetime": {"now", "today", "utcnow"},
    "date": {"today"},
}
"""What reads the clock: `time.time()`, `datetime.now()`, `date.today()`…"""
GIVEN_NO_TIME = {"localtime": 0, "gmtime": 0, "ctime": 0, "asctime": 0, "strftime": 1}
"""`time.localtime()`, `time.strftime("%Y")`…: with no time given (at most these arguments),
they read the clock too."""
CLOCK_ALLOWED = {
    "core/search/index.py": "the index's own bookkeeping, compared with the file system's "
    "times of the folders it looks at (when it last compared them all; a folder changed so "
    "recently it may change again unseen), never a time a person sees",
}
"""Core files that may read the clock themselves, and why (kept short)."""


def clock_reads(path: Path) -> list[int]:
    """The lines of `path` that read the clock directly."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "time"
            and any(alias.name in CLOCK_READS["time"] for alias in node.names)
        ):
            found.append(node.lineno)  # `from time import time`: read unseen after
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner, called = node.func.value, node.func.attr
        name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
        if called in CLOCK_READS.get(name, ()) or (
            name == "time" and len(node.args) <= GIVEN_NO_TIME.get(called, -1)
        ):
            found.append(node.lineno)
    return found


def test_core_reads_the_clock_only_through_what_it_is_given() -> None:
    """The time comes from the Environment's clock (handed in), so a test can set it and
    every part of a command agrees on it: nothing in core reads the clock itself."""
    read = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted((PACKAGE / "core").rglob("*.py"))
        if str(path.relative_to(PACKAGE)) not in CLOCK_ALLOWED
        for line in clock_reads(path)
    ]
    assert not read, f"read the clock: {', '.join(read)}"
    assert all(clock_reads(PACKAGE / allowed) for allowed in CLOCK_ALLOWED)  # still needed


def loaded_by(*args: str) -> list[str]:
    """The relational_cli modules a fresh Python has imported once `relational ARGS` ran."""
    check = (
        "import json, sys\n"
        "from relational_cli.cli import main\n"
        f"main({list(args)!r})\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('relational_cli.'))),"
        " file=sys.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0, result.stderr
    loaded: list[str] = json.loads(result.stderr)
    return loaded


def test_help_loads_no_more_than_it_shows() -> None:
    """Commands import what they work with when they run, so start-up stays light: `--help`
    never loads the journal, the entry format, packs or the terminal screens."""
    heavy = ("journal", "markdown", "packs", "session", "asker", "screen", "exercise")
    loaded = loaded_by("--help")
    assert [
        m
        for m in loaded
        if m.rsplit(".", 1)[-1] in heavy
        and m.startswith(("relational_cli.core", "relational_cli.tui"))
    ] == []


def test_reading_a_plain_journal_loads_nothing_of_the_lock(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plain journal (the default) pays nothing at start-up for the lock: reading it back
    loads neither the lock's keys, nor age, nor the modules that make random names (only
    the few lines that tell an age file by its first bytes)."""
    from conftest import run_cli as run
    from conftest import save

    save("weekly-step")
    assert run(capsys, "review")[0] == 0  # the index made, as a daily reader finds it
    check = (
        "import json, sys\n"
        "from relational_cli.cli import main\n"
        "main(['review'])\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stderr.strip().splitlines()[-1])
    lock = [
        m for m in loaded
        if m.startswith(("relational_cli.core.lock.", "pyrage", "keyring"))
        and m != "relational_cli.core.lock.cipher"
    ]  # fmt: skip
    assert lock == [] and "secrets" not in loaded and "hmac" not in loaded


def test_each_command_is_where_the_registry_says_and_imports_only_its_own_module() -> None:
    """A command imports its own module only (as pip's command registry), so `COMMANDS` must
    name the module that really defines each command, and list every one."""
    import typer.main

    from relational_cli.cli import COMMANDS, application

    group = typer.main.get_command(application())
    assert list(group.commands) == list(COMMANDS)  # type: ignore[attr-defined]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        callbacks = [
            command.callback,
            *[c.callback for c in getattr(command, "commands", {}).values()],
        ]
        modules = {
            c.__module__ for c in callbacks if c is not None and c.__module__ != "typer.main"
        }
        assert modules == {f"relational_cli.cli.{COMMANDS[name]}"}, name
    commands = [m for m in loaded_by("support") if m.startswith("relational_cli.cli.")]
    # The one way out, and the view of what `support` shows (registered by its type).
    shows = ["relational_cli.cli.output", "relational_cli.cli.text", "relational_cli.cli.views"]
    quick = ["relational_cli.cli.quick"]  # the quick way in, tried first (it loads nothing)
    assert commands == [
        "relational_cli.cli.app",
        "relational_cli.cli.info",
        *shows[:1],
        *quick,
        *shows[1:],
    ]


TERMINAL = ("rich", "questionary", "prompt_toolkit", "relational_cli.tui")

READ = """
import json, sys
from relational_cli.cli import main
main({args!r})
print(json.dumps(sorted(m for m in sys.modules if m.startswith({terminal!r}))), file=sys.stderr)
"""


READING_BACK = [
    ["review"],
    ["review", "--format", "json"],
    ["show", "latest"],
    ["show", "latest", "--format", "json"],
    ["search", "river"],
    ["search", "river", "--format", "json"],
]


@pytest.mark.parametrize(
    "args",
    [
        *READING_BACK,
        ["timeline", "--format", "json"],
        ["reflect", "weekly-step", "--answers", "ANSWERS"],
        ["plan", "--answers", "ANSWERS"],
    ],
    ids=" ".join,
)
def test_piped_and_json_output_never_load_rich_or_the_terminal_layer(
    args: list[str], home: Path, tmp_path: Path
) -> None:
    """The read path imports only what it shows: into a pipe or as JSON (and answering from a
    file), Rich and the terminal layer are never imported, so they cost nothing."""
    loaded = loaded_reading(args, TERMINAL, home, tmp_path)
    assert loaded == [], f"{' '.join(args)} loaded {loaded}"


@pytest.mark.parametrize("args", READING_BACK, ids=" ".join)
def test_reading_back_defines_no_dataclass(args: list[str], home: Path, tmp_path: Path) -> None:
    """Reading back (review, show, search) makes no dataclass: each costs about half a
    millisecond to define, and the `dataclasses` module loads `inspect`, `ast` and `dis`,
    five more, on every read. What a read passes around are NamedTuples, or plain classes
    where they change or are generic (docs/developing.md, "Records", says which)."""
    loaded = loaded_reading(args, ("dataclasses", "inspect"), home, tmp_path)
    assert loaded == [], f"{' '.join(args)} loaded {loaded}"


def loaded_reading(
    args: list[str], names: tuple[str, ...], home: Path, tmp_path: Path
) -> list[str]:
    """The modules starting with one of `names` that the command `args` loads, run into a
    pipe in a fresh Python, on a journal with a weekly step in it."""
    answers = answers_for(tmp_path, args[0])
    seed(answers_for(tmp_path, "reflect"))
    assert journal_of(home)
    args = [str(answers) if arg == "ANSWERS" else arg for arg in args]
    check = READ.format(args=args, terminal=names)
    result = subprocess.run(
        [sys.executable, "-c", check], capture_output=True, text=True, timeout=30
    )
    loaded: list[str] = json.loads(result.stderr.strip().splitlines()[-1])
    return loaded


def answers_for(folder: Path, command: str) -> Path:
    """An answers file for the plan (`plan`), or for a weekly step (anything else)."""
    answers = folder / f"{command}.yaml"
    key = "hard_times" if command == "plan" else "wish"
    answers.write_text(f"{key}: A walk by the river\n", encoding="utf-8")
    return answers


def seed(answers: Path) -> None:
    """A weekly step saved (in this process, into the test's own data folder)."""
    from conftest import environment

    from relational_cli.cli import main

    assert main(["reflect", "weekly-step", "--answers", str(answers)], environment()) == 0


def journal_of(home: Path) -> list[Path]:
    return sorted((home / "journal").rglob("*.md"))


TRACE = """
import json, sys
from relational_cli.cli import main

def layer(frame):
    name = frame.f_globals.get("__name__", "")
    for part in ("cli", "tui", "core"):
        if name.startswith(f"relational_cli.{{part}}"):
            return part
    return None

crossings = set()
def watch(frame, event, arg):
    if event == "call" and frame.f_back is not None:
        callee, caller = layer(frame), layer(frame.f_back)
        if callee and caller and callee != caller:
            # The two callbacks a command hands the core (a progress bar while the index is
            # built, a line for a file that cannot be read) are the command's own, called back.
            if frame.f_code.co_name not in ("advance", "warn"):
                crossings.add((caller, callee))
sys.setprofile(watch)
main({args!r})
sys.setprofile(None)
print(json.dumps(sorted(crossings)), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [["reflect", "weekly-step", "--answers", "ANSWERS"], ["plan", "--answers", "ANSWERS"],
     ["search", "river"]],
    ids=" ".join,
)  # fmt: skip
def test_a_command_crosses_the_layers_downward_only(
    args: list[str], home: Path, tmp_path: Path
) -> None:
    """Traced as it runs: the command layer calls the core, and the core never calls back up
    but for the progress and warning callbacks the command hands it (nor does anything reach
    the terminal layer when there is no terminal)."""
    answers = answers_for(tmp_path, args[0])
    args = [str(answers) if arg == "ANSWERS" else arg for arg in args]
    if args[0] == "search":
        seed(answers)
    result = subprocess.run(
        [sys.executable, "-c", TRACE.format(args=args)], capture_output=True, text=True, timeout=60
    )
    crossings = json.loads(result.stderr.strip().splitlines()[-1])
    assert crossings == [["cli", "core"]], crossings
