"""relational against jrnl 4.6 and bare Python, measured in the same run, on the same content.

    python benchmarks/against_jrnl.py [--entries 10000] [--then 100000] [--runs 7] [--jrnl PATH]

Generates N journal entries (~130 words each from a varied vocabulary, dates over 30 years),
writes them as a jrnl journal, imports that file into relational (timed: the import and the
first index build), and prints the median wall time of each command over several runs, its
ratio to jrnl's matching command and to `python -c pass`, and peak memory. jrnl 4.6 is
installed into a venv of its own (under the system temp folder) unless --jrnl names one.
With --then N, reading back is measured again at N entries (imported the same way) and
printed as a ratio to its time at the first size: flat means close to 1.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "na",
    "ro",
    "se",
    "ti",
    "vu",
    "pe",
    "da",
    "fi",
    "go",
    "hu",
    "ja",
    "le",
    "mo",
    "ni",
    "pa",
    "qu",
    "ri",
    "sa",
    "to",
    "ve",
    "wa",
    "yo",
    "ze",
]
COMMON = [
    "the",
    "and",
    "with",
    "about",
    "felt",
    "time",
    "friend",
    "call",
    "walk",
    "home",
    "family",
    "we",
    "talked",
    "day",
]
RARE = "lighthouse"
"""A word in about one entry in a hundred: what a search looks for."""


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    return ["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size)]


def generate(path: Path, entries: int, seed: int = 7) -> int:
    """A jrnl journal of `entries` entries; how many hold the rare word."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    start = datetime(1996, 1, 1, 8, 0)
    step = timedelta(days=30 * 365) / max(entries, 1)
    rare = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(entries):
            when = start + step * n
            body = [rng.choice(words if rng.random() < 0.7 else COMMON) for _ in range(130)]
            if rng.random() < 0.01:
                body[rng.randrange(len(body))] = RARE
                rare += 1
            title = " ".join(body[:5]).capitalize() + "."
            text = " ".join(body[5:])
            out.write(f"[{when:%Y-%m-%d %I:%M:%S %p}] {title} {text}\n\n")
    return rare


def jrnl_venv(given: str | None) -> Path:
    if given:
        return Path(given)
    venv = Path(tempfile.gettempdir()) / "relational-bench-jrnl-4.6"
    command = venv / "bin" / "jrnl"
    if not command.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = [str(venv / "bin" / "pip"), "install", "-q", "jrnl==4.6"]
        subprocess.run(pip, check=True)
    return command


def jrnl_config(folder: Path, journal: Path) -> Path:
    import yaml

    config = folder / "jrnl.yaml"  # YAML: a JSON config is taken for a jrnl 1.x one
    config.write_text(
        yaml.safe_dump(
            {
                "colors": {"body": "none", "date": "none", "tags": "none", "title": "none"},
                "default_hour": 9,
                "default_minute": 0,
                "editor": "",
                "encrypt": False,
                "highlight": False,
                "indent_character": "|",
                "journals": {"default": {"journal": str(journal)}},
                "linewrap": 79,
                "tagsymbols": "#@",
                "template": False,
                "timeformat": "%F %r",
                "version": "v4.6",
            }
        )
    )
    return config


def run(
    argv: list[str], env: dict[str, str], check: bool = True
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, env=env, capture_output=True, text=True, check=check)


def median_ms(argv: list[str], env: dict[str, str], runs: int) -> float:
    run(argv, env, check=False)  # warm the caches (jrnl exits 1 when nothing is found)
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        run(argv, env, check=False)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def peak_mib(argv: list[str], env: dict[str, str]) -> float:
    """The peak resident memory of one run of `argv`."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], capture_output=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = run([sys.executable, "-c", probe, *argv], env).stdout
    return int(out.strip()) / 1024


def timed_s(argv: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    run(argv, env)
    return time.perf_counter() - began


SAVE_ONE = """
import os, time
from datetime import datetime
from relational_cli.core.home import Home
from relational_cli.core.journal.journal import new_id
from relational_cli.core.journal.fileformat import Reflection, Section
from relational_cli.core.search.indexed import open_journal
journal = open_journal(Home.from_environ(os.environ), datetime.now)
now = datetime.now().astimezone()
reflection = Reflection(new_id("journal", now), "journal", now.isoformat(timespec="seconds"),
                        "One more", ("journal",))
began = time.perf_counter()
journal.save(reflection, [Section("entry", "What's on your mind?", "A few words " * 30)])
print((time.perf_counter() - began) * 1000)
"""


def prepare(work: Path, entries: int, relational: str) -> tuple[dict[str, str], Path, int]:
    """A journal of `entries` as jrnl's text file and imported into relational: (environment,
    the text file, how many entries hold the rare word). Prints the import and build times."""
    text = work / f"journal-{entries}.txt"
    rare = generate(text, entries)
    home = work / f"home-{entries}"
    env = {**os.environ, "RELATIONAL_HOME": str(home), "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: byte-code caches are written
    imported = timed_s([relational, "import", "jrnl", str(text)], env)
    shutil.rmtree(home / "cache", ignore_errors=True)
    built = timed_s([relational, "search", RARE, "--format", "json"], env)
    print(f"{entries:,} entries (~130 words, 30 years)")
    print(f"  import of every entry: {imported:.1f} s (target <= 20 at 10,000)")
    print(f"  first index build:     {built:.1f} s (target <= 10 at 10,000)")
    found = json.loads(run([relational, "search", RARE, "--format", "json"], env).stdout)
    print(f"  search {RARE!r}: {len(found['reflections'])} found of {rare} written")
    time.sleep(2.5)  # the folders settle (the index looks again at ones changed just now)
    return env, text, rare


def reading(relational: str) -> list[tuple[str, list[str]]]:
    """The reading-back commands measured at every size."""
    return [
        ("review --limit 10", [relational, "review", "--limit", "10"]),
        ("show latest", [relational, "show", "latest"]),
        (f"search {RARE}", [relational, "search", RARE]),
        ("review, a filter matching nothing", [relational, "review", "--exercise", "values"]),
        ("timeline", [relational, "timeline"]),
    ]


WITHOUT_LAUNCHER = (
    "import sys; sys.argv[1:] = ['--version']; from relational_cli.entry import main; main()"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--then", type=int, help="measure reading back again at this size")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--jrnl", help="a jrnl 4.6 command to use (default: its own venv)")
    args = parser.parse_args()

    beside = Path(sys.executable).parent / "relational"
    relational = str(beside) if beside.exists() else shutil.which("relational") or "relational"
    jrnl = str(jrnl_venv(args.jrnl))
    work = Path(tempfile.mkdtemp(prefix="relational-vs-jrnl-"))
    try:
        env, text, _ = prepare(work, args.entries, relational)
        config = str(jrnl_config(work, text))
        j = [jrnl, "--config-file", config]
        baseline = median_ms([sys.executable, "-c", "pass"], env, args.runs)
        theirs = {
            "--version": [*j, "--version"],
            "--help": [*j, "--version"],
            "review --limit 10": [*j, "-n", "10"],
            "show latest": [*j, "-n", "1"],
            f"search {RARE}": [*j, "-contains", RARE],
            "review, a filter matching nothing": [*j, "-contains", "nowhere-at-all"],
        }
        commands = [
            ("--version", [relational, "--version"]),
            # pip's launcher script imports `re` before relational runs (uv's does not):
            ("--version, no launcher", [sys.executable, "-c", WITHOUT_LAUNCHER]),
            ("--help", [relational, "--help"]),
            *reading(relational),
        ]
        print(f"  median of {args.runs} runs; python -c pass: {baseline:.1f} ms")
        print(f"  {'command':<36} {'relational':>10} {'jrnl':>10} {'× jrnl':>7} {'× python':>9}")
        first: dict[str, float] = {}
        for name, ours in commands:
            first[name] = mine = median_ms(ours, env, args.runs)
            if name in theirs:
                other = median_ms(theirs[name], env, args.runs)
                versus = f"{other:7.1f} ms {mine / other:7.2f}"
            else:
                versus = f"{'':>10} {'':>7}"
            print(f"  {name:<36} {mine:8.1f} ms {versus} {mine / baseline:9.1f}")
        save = [float(run([sys.executable, "-c", SAVE_ONE], env).stdout) for _ in range(5)]
        print(f"  saving one reflection (index included): {statistics.median(save):.1f} ms")
        for name, argv in (
            ("review", [relational, "review", "--limit", "10"]),
            ("search", [relational, "search", RARE]),
            ("jrnl -n 10", [*j, "-n", "10"]),
        ):
            print(f"  peak memory, {name:<12} {peak_mib(argv, env):6.1f} MiB")
        if args.then:
            env, _, _ = prepare(work, args.then, relational)
            print(f"  {'command':<36} {'relational':>10} {'× at ' + format(args.entries, ','):>12}")
            for name, ours in reading(relational):
                mine = median_ms(ours, env, args.runs)
                print(f"  {name:<36} {mine:8.1f} ms {mine / first[name]:12.2f}")
            for name, argv in (
                ("review", [relational, "review", "--limit", "10"]),
                ("search", [relational, "search", RARE]),
            ):
                print(f"  peak memory, {name:<12} {peak_mib(argv, env):6.1f} MiB")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
