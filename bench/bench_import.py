"""Import of ten years of Daylio rows (~11,000) against `export` of the same store, in one run.

Run from the repository root:  .venv/bin/python bench/bench_import.py [--rounds N]

Both are timed as a person runs them, `python -m tui import FILE` into an empty data folder and
`python -m tui export -o FILE` of the folder that import filled, each in a fresh process,
alternating round by round so any load on the machine hits both alike. The rows are made up:
one to three a day, 12-hour times, activities and notes, in Daylio's 8-column layout.
Target (issue 12): import <= 3x export.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 3.0
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"
MOODS = ("rad", "good", "meh", "bad", "awful")
ACTIVITIES = ("work", "walk", "friends", "reading", "bad sleep", "cooking", "music")


def daylio_file(path: Path, years: int = 10) -> int:
    """Made-up Daylio rows ending yesterday, newest first as Daylio writes them; their count."""
    rng = random.Random(12)
    end = date.today() - timedelta(days=1)
    rows: list[str] = []
    day = end
    while day > end - timedelta(days=365 * years + years // 4):
        for _ in range(rng.choice((2, 3, 4))):
            hour = rng.randint(1, 12)
            half = rng.choice(("am", "pm"))
            acts = " | ".join(rng.sample(ACTIVITIES, rng.randint(0, 3)))
            note = rng.choice(("", "", "Long day.<br>Tired.", 'Saw "J" today', "ok"))
            rows.append(
                f"{day},{day:%B} {day.day},{day:%A},{hour}:{rng.randint(0, 59):02d} {half},"
                f'{rng.choice(MOODS)},"{acts}","","{note}"\n'
            )
        day -= timedelta(days=1)
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return len(rows)


def run(args: list[str], data: Path) -> float:
    env = {**os.environ, "THAW_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tui", *args], env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"thaw {' '.join(args)} failed: {done.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="imports and exports each (3)")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="thaw-bench-import-"))
    try:
        source = work / "daylio_export.csv"
        rows = daylio_file(source)
        imports: list[float] = []
        exports: list[float] = []
        for n in range(options.rounds):
            data = work / f"data{n}"
            imports.append(run(["import", str(source)], data))
            exports.append(run(["export", "-o", str(work / f"export{n}.json")], data))
        months = len(list((work / "data0" / "checkins").glob("*.json")))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    imp, exp = statistics.median(imports), statistics.median(exports)
    ratio = imp / exp

    def each(times: list[float]) -> str:
        return ", ".join(f"{t * 1000:.0f}" for t in times)

    verdict = "met" if ratio <= TARGET else "NOT met"
    print(f"{rows:,} Daylio rows over {months} month files, {options.rounds} rounds each")
    print(f"import  median {imp * 1000:7.0f} ms  (each: {each(imports)})")
    print(f"export  median {exp * 1000:7.0f} ms  (each: {each(exports)})")
    print(f"import / export = {ratio:.2f}  (target <= {TARGET}: {verdict})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
