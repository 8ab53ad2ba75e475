"""The person's own packs folder (`relational packs new`, `add`, `remove`, `validate`): a
starter to write from, a pack someone sent put in place under its id (checked first, never
over another without --replace), a pack of theirs moved to the trash folder — never deleted —
and packs checked. Pack files hold exercises, not a person's words: they stay plain YAML,
written atomically here."""

from __future__ import annotations

import contextlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from relational_cli import messages
from relational_cli.core import atomic
from relational_cli.core.errors import UserError
from relational_cli.core.home import Home, pack_schema
from relational_cli.core.packs.library import Library
from relational_cli.core.packs.model import Pack
from relational_cli.core.packs.names import ID_PATTERN, check_name
from relational_cli.core.packs.yamlfile import read_text_file

STARTER = Path("templates") / "starter.yaml"


@dataclass(frozen=True)
class Started:
    """A new pack written from the starter (`packs new`)."""

    path: Path
    name: str
    replaces_builtin: bool


@dataclass(frozen=True)
class Added:
    """A pack put in place (`packs add`): or there already, word for word."""

    pack: Pack
    path: Path
    builtin: bool
    already: bool = False


@dataclass(frozen=True)
class Checked:
    """Pack files checked (`packs validate`): each file with its pack, or its problems."""

    found: list[tuple[Path, Pack | None, list[str]]]


def put_file(home: Home, name: str, text: str) -> str:
    """Put a pack (or a choice list, `data/NAME.yaml`) into the packs folder, never over
    another file: "added", "same" (there word for word already) or "yours" (a file of that
    name holds other words, and is kept)."""
    target = home.ensure((home.packs / name).parent) / name.rpartition("/")[2]
    if atomic.write_new(target, text):
        return "added"
    try:
        same = target.read_bytes() == text.encode("utf-8")
    except OSError:
        same = False
    return "same" if same else "yours"


def new(library: Library, name: str) -> Started:
    """A commented starter pack, in the packs folder, with the schema beside it."""
    home = library.home
    name = check_name(name)
    folder = home.ensure(home.packs)
    target = folder / f"{name}.yaml"
    starter = read_text_file(library.builtin_dir / STARTER, "starter")
    text = starter.replace("__ID__", name).replace("__PATH__", str(target))
    if not atomic.write_new(target, text):
        raise UserError(messages.packs.already_there(target))
    keep_schema_beside(folder)
    return Started(target, name, (library.builtin_dir / f"{name}.yaml").is_file())


def keep_schema_beside(folder: Path) -> None:
    """The pack schema, current, in `folder`: the starter's `$schema=pack.schema.json` line
    points there, so an editor checks the pack as it is typed."""
    source = pack_schema()
    schema = source.read_text(encoding="utf-8")
    copy = folder / source.name
    try:
        current = copy.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        current = None
    if current != schema:
        with contextlib.suppress(OSError):  # the pack is written; only editor checks would miss
            atomic.replace(copy, schema)


def check(library: Library, paths: list[Path]) -> Checked:
    """Every problem of each pack file (`packs validate`)."""
    found: list[tuple[Path, Pack | None, list[str]]] = []
    for path in paths:
        try:
            found.append((path, library.load_file(path), []))
        except UserError as exc:
            found.append((path, None, exc.message.splitlines()))
    return Checked(found)


def add(library: Library, source: Path, replace: bool) -> Added:
    """Check the pack in `source` under its own id, then put it in the packs folder (a pack
    of the person's own that it replaces goes to the trash folder)."""
    home = library.home
    text = read_text_file(source, "pack")
    name = _pack_id(text) or source.stem
    with tempfile.TemporaryDirectory() as folder:  # checked under its id, whatever the file's name
        staged = Path(folder) / f"{name}.yaml"
        staged.write_text(text, encoding="utf-8")
        try:
            pack = library.load_file(staged)
        except UserError as exc:  # every problem, each naming the file it was sent as
            problems = exc.message.replace(str(staged), str(source))
            raise UserError(problems, prefix=False) from None
    target = home.ensure(home.packs) / f"{pack.id}.yaml"
    builtin = (library.builtin_dir / target.name).is_file()
    if target.is_file() and target.read_bytes() == text.encode("utf-8"):
        return Added(pack, target, builtin, already=True)
    if (target.exists() or builtin) and not replace:
        raise UserError(messages.packs.pack_would_replace(pack.id, builtin, target.exists()))
    if target.exists():
        to_trash(home, target)
    if not atomic.write_new(target, text):
        raise UserError(messages.packs.appeared(target))
    return Added(pack, target, builtin)


def removable(library: Library, name: str) -> Path:
    """The file of a pack of the person's own, which `remove` would move."""
    name = check_name(name)
    target = library.home.packs / f"{name}.yaml"
    if not target.is_file():
        if (library.builtin_dir / target.name).is_file():
            raise UserError(messages.packs.built_in(name))
        library.find(name)  # says "no exercise called …", with a did-you-mean
    return target


def to_trash(home: Home, path: Path) -> Path:
    """Move a pack of the person's own into `trash/packs/`, under a free name."""
    return atomic.move_free(path, home.ensure(home.packs_trash))


def _pack_id(text: str) -> str | None:
    """The `id` a pack file gives itself, if it can be read at all (the checks come later)."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    pack_id = data.get("id") if isinstance(data, dict) else None
    return pack_id if isinstance(pack_id, str) and ID_PATTERN.fullmatch(pack_id) else None
