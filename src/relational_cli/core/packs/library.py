"""The `Library`: the packs a person can use, built in and their own.

Packs live in the built-in `prompts/` folder and in the person's packs folder. A user pack
with the same id as a built-in one replaces it (so a therapist's adapted version of `values`
is the one that runs); `packs list` says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from relational_cli import messages
from relational_cli.core.errors import UserError, did_you_mean
from relational_cli.core.home import Home, builtin_packs_dir
from relational_cli.core.packs.known import GROUPS, NO_GROUP, STARTERS
from relational_cli.core.packs.model import Choice, Pack
from relational_cli.core.packs.names import check_name
from relational_cli.core.packs.reading import parse_data_set, parse_pack


@dataclass(frozen=True)
class PackFile:
    path: Path
    builtin: bool
    replaces_builtin: bool = False


@dataclass(frozen=True)
class Broken:
    """A pack file that does not load, with the first problem found in it."""

    path: Path
    problem: str


@dataclass(frozen=True)
class Catalogue:
    """Every pack that loads, and every one that does not."""

    packs: list[Pack]
    broken: list[Broken]

    @property
    def menu(self) -> list[Pack]:
        """The packs in the order the exercise menu offers them, group by group (see
        `group_of`): the built-in groups first, then people's own by name, then the packs in
        none; within a group, the three the others build on first, then the rest by title."""

        def place(pack: Pack) -> tuple[int, str, int, str]:
            group = group_of(pack)
            rank = GROUPS.index(group) if group in GROUPS else len(GROUPS) + (group == NO_GROUP)
            first = STARTERS.index(pack.id) if pack.id in STARTERS else len(STARTERS)
            return (rank, group.casefold(), first, pack.title)

        return sorted(self.packs, key=place)


def group_of(pack: Pack) -> str:
    """The heading a pack is listed under."""
    return pack.group or NO_GROUP


class Library:
    """The packs a person can use: built-in ones and their own (which win on the same id)."""

    def __init__(self, home: Home) -> None:
        self.home = home
        self.builtin_dir = builtin_packs_dir()
        self._prompts: dict[str, dict[str, str] | None] = {}

    def files(self) -> list[PackFile]:
        """Every pack file, by id; a user pack with a built-in's id replaces it."""
        found: dict[str, PackFile] = {}
        for folder, builtin in ((self.builtin_dir, True), (self.home.packs, False)):
            if folder.is_dir():
                for path in sorted(folder.glob("*.yaml")):
                    found[path.stem] = PackFile(path, builtin, not builtin and path.stem in found)
        return sorted(found.values(), key=lambda item: item.path.stem)

    def find(self, name: str) -> PackFile:
        name = check_name(name)
        files = self.files()
        for pack_file in files:
            if pack_file.path.stem == name:
                return pack_file
        hint = did_you_mean(name, [pack_file.path.stem for pack_file in files])
        raise UserError(messages.packs.no_such_exercise(name, hint))

    def load(self, name: str) -> Pack:
        return self.load_file(self.find(name).path)

    def load_all(self) -> Catalogue:
        """Every pack that loads, and each that does not with its first problem."""
        packs: list[Pack] = []
        broken: list[Broken] = []
        for pack_file in self.files():
            try:
                packs.append(self.load_file(pack_file.path))
            except UserError as exc:
                first = exc.message.splitlines()[0].removeprefix(f"{pack_file.path}:")
                broken.append(Broken(pack_file.path, first.strip()))
        return Catalogue(packs, broken)

    def load_file(self, path: Path) -> Pack:
        builtin = path.parent == self.builtin_dir
        replaces = path.parent == self.home.packs and (self.builtin_dir / path.name).is_file()
        return parse_pack(path, builtin, replaces, self.data_set, self.prompts_of)

    def prompts_of(self, pack_id: str) -> dict[str, str] | None:
        """The prompts (id: type) of the pack `pack_id`, for checking references to its
        answers; None if there is no such pack (or it does not load)."""
        if pack_id not in self._prompts:
            found = None
            try:
                pack_file = self.find(pack_id)
                pack = parse_pack(pack_file.path, pack_file.builtin, False, self.data_set)
                found = {prompt.id: prompt.type for prompt in pack.prompts}
            except UserError:
                pass  # no such pack, or it does not load
            self._prompts[pack_id] = found
        return self._prompts[pack_id]

    def data_set_path(self, name: str) -> Path:
        """A shared choice list: the user's `packs/data/NAME.yaml`, else the built-in one."""
        name = check_name(name)
        for folder in (self.home.packs, self.builtin_dir):
            path = folder / "data" / f"{name}.yaml"
            if path.is_file():
                return path
        raise UserError(messages.packs.no_such_data_set(name))

    def data_set(self, name: str) -> tuple[Choice, ...]:
        return parse_data_set(self.data_set_path(name))
