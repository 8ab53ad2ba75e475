"""A locked journal against the same journal plain, measured in the same run.

    python benchmarks/locked.py [--entries 10000] [--runs 11]

Builds a journal of generated reflections, copies it, locks the copy (`relational lock
--setup`, timed), unlocks it for the session (`relational unlock`: scrypt, timed apart), then
prints the median wall time and peak memory of reading commands on both, with the ratio of
locked to plain, and the time of saving a reflection while locked. Output goes into a pipe.
The unlock is kept in the kernel keyring, which this process's children share (Linux).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from startup import build_journal

PASSPHRASE = "a benchmark passphrase"
READ_TARGET = 1.5
"""review --limit 10, show latest and search: within this many times the plain journal."""
SAVE_TARGET_MS = 150
SETUP_TARGET_S = 60
MEMORY_TARGET_MIB = 60

MEASURE = (
    "import resource, subprocess, sys, time\n"
    "began = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], stdin=subprocess.DEVNULL, capture_output=True, check=True)\n"
    "ms = (time.perf_counter() - began) * 1000\n"
    "print(ms, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)
"""Runs one command and prints its wall time (ms) and its peak memory (KiB, Linux)."""

SAVE = (
    "import os, statistics, sys, time\n"
    "from datetime import datetime, timezone\n"
    "from relational_cli.core.exercise.saving import save\n"
    "from relational_cli.core.home import Home\n"
    "from relational_cli.core.search.indexed import open_journal\n"
    "from relational_cli.core.packs.library import Library\n"
    "home = Home.from_environ(os.environ)\n"
    "journal, pack = open_journal(home, datetime.now), Library(home).load('weekly-step')\n"
    "times = []\n"
    "for _ in range(int(sys.argv[1])):\n"
    "    began = time.perf_counter()\n"
    "    save(journal, pack, {'wish': 'Walk with Robin', 'who': 'Robin'},"
    " datetime.now(timezone.utc))\n"
    "    times.append((time.perf_counter() - began) * 1000)\n"
    "import resource\n"
    "print(statistics.median(times), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
)
"""Saves a weekly step in process, as the exercise does once the last answer is given (the
answers checked, the reflection written encrypted and synced), and prints the median (ms)
and its peak memory (KiB)."""


def measured(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (ms) and peak memory (MiB) of one run of `command`."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip()}")
    ms, kib = done.stdout.split()
    return float(ms), int(kib) / 1024


def medians(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    measured(command, env)  # warm the caches
    found = [measured(command, env) for _ in range(runs)]
    return statistics.median(ms for ms, _ in found), max(mib for _, mib in found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()

    beside = Path(sys.executable).parent / "relational"
    command = str(beside) if beside.exists() else shutil.which("relational") or "relational"
    work = Path(tempfile.mkdtemp(prefix="relational-bench-"))
    plain_home, locked_home = work / "plain", work / "locked"
    try:
        build_journal(plain_home, args.entries)
        shutil.copytree(plain_home, locked_home)
        base = {**os.environ, "NO_COLOR": "1", "RELATIONAL_KEYRING": "kernel"}
        base.pop("PYTHONDONTWRITEBYTECODE", None)
        plain_env = {**base, "RELATIONAL_HOME": str(plain_home)}
        locked_env = {**base, "RELATIONAL_HOME": str(locked_home)}
        with_passphrase = {**locked_env, "RELATIONAL_PASSPHRASE_COMMAND": f"echo {PASSPHRASE}"}

        print(f"{args.entries:,} reflections, median of {args.runs} runs (piped)")
        setup_ms, setup_mib = measured([command, "lock", "--setup"], with_passphrase)
        print(
            f"  lock --setup                     {setup_ms / 1000:7.1f} s    {setup_mib:5.1f} MiB"
            f"   (target: within {SETUP_TARGET_S} s; the memory is scrypt's, at the work factor"
            " rage picks)"
        )
        unlock_ms, unlock_mib = measured([command, "unlock"], with_passphrase)
        print(
            f"  unlock (scrypt, once a session)  {unlock_ms / 1000:7.1f} s    {unlock_mib:5.1f} MiB"
        )
        info = subprocess.run([command, "info"], env=locked_env, capture_output=True, text=True)
        said = [line.strip() for line in info.stdout.splitlines()]
        kept = [line for line in said if "unlock" in line.lower() or "stretch" in line]
        print(f"  ({'; '.join(kept) if kept else 'where the unlock is kept: not said'})")

        for env in (plain_env, locked_env):  # the indexes built once, outside the timing
            subprocess.run([command, "search", "warm"], env=env, capture_output=True)
        cases = {
            "review --limit 10": ["review", "--limit", "10"],
            "show latest": ["show", "latest"],
            "search 5000": ["search", "5000"],
        }
        print(f"  {'':<24} {'plain':>9} {'locked':>9} {'ratio':>6}  {'peak (locked)':>13}")
        worst_memory = 0.0  # of everything but scrypt (lock --setup's is its scrypt's)
        for name, words in cases.items():
            plain_ms, _ = medians([command, *words], plain_env, args.runs)
            locked_ms, locked_mib = medians([command, *words], locked_env, args.runs)
            worst_memory = max(worst_memory, locked_mib)
            print(
                f"  {name:<24} {plain_ms:6.1f} ms {locked_ms:6.1f} ms x{locked_ms / plain_ms:4.2f}"
                f"  {locked_mib:9.1f} MiB   (target: within {READ_TARGET:g}x plain)"
            )

        done = subprocess.run(
            [sys.executable, "-c", SAVE, str(args.runs)], env=locked_env, capture_output=True,
            text=True, check=True,
        )  # fmt: skip
        save_ms, kib = (float(part) for part in done.stdout.split())
        mib = kib / 1024
        print(
            f"  save, after the last answer      {save_ms:7.1f} ms   {mib:5.1f} MiB"
            f"   (target: within {SAVE_TARGET_MS} ms)"
        )
        answers = work / "answers.json"
        answers.write_text(json.dumps({"entry": "A walk by the river."}), encoding="utf-8")
        whole, whole_mib = medians(
            [command, "reflect", "journal", "--answers", str(answers)], locked_env, args.runs
        )
        print(f"  reflect --answers, the whole command {whole:6.1f} ms   {whole_mib:5.1f} MiB")
        worst_memory = max(worst_memory, mib, whole_mib)
        print(f"  peak memory of any command but the scrypt of setup and unlock: {worst_memory:.1f}"
              f" MiB   (target: within {MEMORY_TARGET_MIB} MiB)")  # fmt: skip
        changing = {**with_passphrase, "RELATIONAL_NEW_PASSPHRASE_COMMAND": "echo another one"}
        change_ms, change_mib = measured([command, "lock", "--change-passphrase"], changing)
        print(
            f"  lock --change-passphrase (a new key, every file again) {change_ms / 1000:7.1f} s"
            f"    {change_mib:5.1f} MiB"
        )
    finally:
        subprocess.run([command, "lock"], env={**os.environ, "RELATIONAL_HOME": str(locked_home)},
                       capture_output=True)  # fmt: skip
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
