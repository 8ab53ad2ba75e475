"""Start-up and review speed of the installed `relational`, against bare Python in the same run.

    python benchmarks/startup.py [--entries 10000] [--runs 15] [--search-at 20000]

Builds a journal of generated reflections in a temporary folder, then prints the median wall
time of each command over several runs, and its ratio to `python -c pass`. Output goes into a
pipe, as when a script reads it: the read path then loads neither Rich nor the terminal layer.
`--search-at` times search in a second, larger journal too, in the same turns.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from relational_cli.core.journal import fileformat as markdown
from relational_cli.core.journal.fileformat import Reflection, Section
from relational_cli.core.journal.journal import new_id

EXERCISES = ("values", "self-care-plan", "weekly-step")
TARGET = 6
"""review, show and search (the read path) stay within this many times `python -c pass`."""


def vocabulary() -> tuple[list[str], list[int]]:
    """The words of the built-in packs, with how often each is used there: generated answers
    then read like prose (a few common words, many rare ones), as a journal's do."""
    counts: dict[str, int] = {}
    for pack in sorted((Path(__file__).parents[1] / "prompts").glob("*.yaml")):
        for word in re.findall(r"[a-z']+", pack.read_text(encoding="utf-8").lower()):
            counts[word] = counts.get(word, 0) + 1
    return list(counts), list(counts.values())


def build_journal(home: Path, entries: int) -> None:
    """Write `entries` reflections directly (no fsync: this is set-up, not the thing measured).
    Each answer starts "Answer N.I" (so `search N` finds one reflection) and goes on for 40
    words drawn from `vocabulary`, the same each run."""
    words, weights = vocabulary()
    rng = random.Random(0)
    # Seven hours apart, the last an hour ago: none dated ahead of this clock (a journal's
    # reflections are written in the past; `latest` passes over ones ahead of the clock).
    last = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
    start = last - timedelta(hours=1 + 7 * (entries - 1))
    for n in range(entries):
        when = start + timedelta(hours=7 * n)
        exercise = EXERCISES[n % 3]
        reflection = Reflection(
            new_id(exercise, when),
            exercise,
            when.isoformat(),
            f"Reflection {n}",
            (exercise,),
        )
        sections = [
            Section(
                f"q{i}",
                f"Question {i}?",
                f"Answer {n}.{i} " + " ".join(rng.choices(words, weights, k=40)),
            )
            for i in range(8)
        ]
        folder = home / "journal" / f"{when:%Y}" / f"{when:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{reflection.id}.md").write_text(markdown.render(reflection, sections))


def medians_ms(cases: dict[str, tuple[list[str], dict[str, str]]], runs: int) -> dict[str, float]:
    """The median wall time of each command, run in turns (each once, `runs` times over), so
    that a change in the machine's load falls on every command alike."""
    for command, env in cases.values():
        subprocess.run(command, env=env, capture_output=True, check=True)  # warm the caches
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (command, env) in cases.items():
            began = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, check=True)
            times[name].append((time.perf_counter() - began) * 1000)
    return {name: statistics.median(found) for name, found in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--search-at", type=int, default=0, metavar="ENTRIES")
    args = parser.parse_args()

    # The command installed beside this Python: one found on PATH may be a slow wrapper
    # (a pyenv shim is a shell script).
    beside = Path(sys.executable).parent / "relational"
    command = str(beside) if beside.exists() else shutil.which("relational") or "relational"
    home = Path(tempfile.mkdtemp(prefix="relational-bench-"))
    try:
        build_journal(home / "main", args.entries)
        env = {**os.environ, "RELATIONAL_HOME": str(home / "main"), "NO_COLOR": "1"}
        # Measure as an installed user runs it, with byte-code caches (pip writes them).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        argvs = {
            "python -c pass (baseline)": [sys.executable, "-c", "pass"],
            "relational --version": [command, "--version"],
            "relational --help": [command, "--help"],
            "relational review": [command, "review"],
            "relational review --format json --limit 10": [
                command,
                "review",
                "--format",
                "json",
                "--limit",
                "10",
            ],
            "relational show latest": [command, "show", "latest"],
            "relational search 5000": [command, "search", "5000"],
            "relational packs list": [command, "packs", "list"],
        }
        cases = {name: (argv, env) for name, argv in argvs.items()}
        within = {"relational review", "relational show latest", "relational search 5000"}
        if args.search_at:
            build_journal(home / "larger", args.search_at)
            larger = {**env, "RELATIONAL_HOME": str(home / "larger")}
            cases[f"relational search 5000 (at {args.search_at:,})"] = (
                argvs["relational search 5000"],
                larger,
            )
        print(
            f"{args.entries:,} reflections, median of {args.runs} runs, the commands in turns"
            " (piped, as a script reads)"
        )
        found = medians_ms(cases, args.runs)
        baseline = found["python -c pass (baseline)"]
        for name, ms in found.items():
            target = f"   (target: within {TARGET:g}x python)" if name in within else ""
            print(f"  {name:<45} {ms:7.1f} ms   x{ms / baseline:5.1f}{target}")
    finally:
        shutil.rmtree(home)


if __name__ == "__main__":
    main()
