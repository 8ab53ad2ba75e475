"""Where relational keeps things: the private data folder and the built-in prompt packs.

`$RELATIONAL_HOME` overrides the platform's user data folder (tests and people who sync
their journal use it). Every folder we create is 0700, whatever the umask.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def home() -> Path:
    override = os.environ.get("RELATIONAL_HOME")
    if override:
        return Path(override).expanduser()
    import platformdirs  # only when needed: it costs start-up time

    return Path(platformdirs.user_data_dir("relational", appauthor=False))


def journal_dir() -> Path:
    return home() / "journal"


def drafts_dir() -> Path:
    return home() / "drafts"


def user_packs_dir() -> Path:
    return home() / "packs"


def builtin_packs_dir() -> Path:
    """The shipped packs: inside the installed package, or `prompts/` in a checkout."""
    installed = Path(__file__).with_name("prompts")
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "prompts"


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and any missing parents below home) as 0700 and return it."""
    path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    # mkdir's mode is filtered by the umask and ignored for existing folders: set it outright.
    root = home()
    for folder in (path, *path.parents):
        if folder != root and root not in folder.parents:
            break  # never touch folders outside our own
        if folder.stat().st_mode & 0o777 != PRIVATE_DIR_MODE:
            folder.chmod(PRIVATE_DIR_MODE)
        if folder == root:
            break
    return path
