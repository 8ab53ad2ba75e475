"""What seeing hand edits at once costs: `relational search` with every file compared at each
look (as up to `EVERY_FILE` reflections; the files looked at by `search/ahead.py` while the
command starts) against only changed folders and the recent months (as above it), on the same
journal, with bare Python measured in the same run (the commands in turns).

    python benchmarks/hand_edits.py [--entries 20000] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from startup import build_journal, medians_ms

SEARCH = (
    "import sys\n"
    "from relational_cli.core.search import index\n"
    "index.EVERY_FILE = int(sys.argv[1])\n"
    "sys.argv = ['relational', 'search', '5000']\n"
    "from relational_cli.entry import main\n"
    "main()\n"
)
"""`relational search 5000`, with the number of reflections up to which every file is compared
given (0: never, as above the limit)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="relational-bench-"))
    try:
        build_journal(home, args.entries)
        env = {**os.environ, "RELATIONAL_HOME": str(home), "NO_COLOR": "1"}
        search = [sys.executable, "-c", SEARCH]
        subprocess.run([*search, "0"], env=env, capture_output=True, check=True)  # the index
        found = medians_ms(
            {
                "bare": ([sys.executable, "-c", "pass"], env),
                "every": ([*search, str(args.entries)], env),
                "changed": ([*search, "0"], env),
            },
            args.runs,
        )
        bare, every, changed = found["bare"], found["every"], found["changed"]
        print(f"{args.entries:,} reflections, median of {args.runs} runs (piped)")
        print(f"  python -c pass                         {bare:6.1f} ms")
        print(f"  search, every file compared            {every:6.1f} ms   x{every / bare:4.1f}")
        print(
            f"  search, changed folders and recent     {changed:6.1f} ms   x{changed / bare:4.1f}"
        )
        print(f"  comparing every file costs             {every - changed:6.1f} ms")
    finally:
        shutil.rmtree(home)


if __name__ == "__main__":
    main()
