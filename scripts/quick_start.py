"""Print the README's two Quick-start commands, one per line: what `.ci/run` runs, as written.

python3 scripts/quick_start.py
"""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def commands(readme: str) -> list[str]:
    """The commands of the code blocks under "## Quick start", in order."""
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


if __name__ == "__main__":
    found = commands(README.read_text(encoding="utf-8"))
    if len(found) != 2 or any("\n" in command for command in found):
        raise SystemExit("README.md: the Quick start should hold two one-line commands")
    print("\n".join(found))
