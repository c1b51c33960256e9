"""History, two commits side by side: the same measures as bench_history.py, interleaved.

On a machine shared with other work the load moves between two runs of bench_history.py, so
before and after are run here in turns, in fresh processes, on one ten-year data set, the
order alternating every round. Each commit is a `git archive` copy run with this venv.

Run: .venv/bin/python bench/bench_history_ab.py BEFORE [AFTER] [--rounds 4]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Five opens of history in one process, from each commit's own bench module.
LATER_OPENS = """
import asyncio, json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import bench.bench_history as b
from tui.core.content import Content

async def main():
    opens = []
    content = Content()
    for _ in range(5):
        async def body(app, pilot):
            start = time.perf_counter()
            press = asyncio.create_task(pilot.press("h"))
            opens.append(await b.painted_after(app) - start)
            await press
            await b.until(lambda: b.history_settled(app))
        await b.with_history(Path(sys.argv[2]), content, body)
    print(json.dumps(opens[1:]))

asyncio.run(main())
"""


def copy_of(commit: str, into: Path) -> Path:
    """The commit's tree, unpacked into `into`."""
    into.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def last_json(args: list[str], cwd: Path) -> object:
    done = subprocess.run(args, capture_output=True, text=True, check=True, cwd=cwd)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("after", nargs="?", default="HEAD")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="thaw-bench-ab-"))
    trees = {
        "before": copy_of(args.before, tmp / "before"),
        "after": copy_of(args.after, tmp / "after"),
    }
    print("Preparing ten years of history (generated, fixed seed)...", flush=True)
    prepare = (
        "import sys; sys.path.insert(0, '.'); from pathlib import Path;"
        "from bench.bench_history import END; from tests.history_data import prepared_dir;"
        f"prepared_dir(Path({str(tmp / 'data')!r}), END)"
    )
    subprocess.run([sys.executable, "-c", prepare], check=True, cwd=trees["after"])
    data = str(tmp / "data")
    opens: dict[str, list[float]] = {name: [] for name in trees}
    later: dict[str, list[float]] = {name: [] for name in trees}
    stalls: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    for round_ in range(args.rounds):
        order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
        for name in order:
            root = trees[name]
            script = str(root / "bench" / "bench_history.py")
            first = last_json([sys.executable, script, "--first-open-child", data], root)
            assert isinstance(first, dict)
            opens[name].append(first["first"] - first["base"])
            found = last_json([sys.executable, script, "--resize-child", "history", data], root)
            assert isinstance(found, dict)
            for pattern, values in found.items():
                stalls[name].setdefault(pattern, []).extend(v[0] for v in values)
            if round_ < 2:
                times = last_json([sys.executable, "-c", LATER_OPENS, str(root), data], root)
                assert isinstance(times, list)
                later[name].append(statistics.median(times))
            print(f"round {round_ + 1}: {name} done", flush=True)
    ms = 1000.0
    for name in trees:
        print(f"{name} ({args.before if name == 'before' else args.after}):")
        print(
            "  first open over the minimal app: " + ", ".join(f"+{v * ms:.0f}" for v in opens[name])
        )
        print(
            "  later opens in one process (median per process): "
            + ", ".join(f"{v * ms:.0f}" for v in later[name])
        )
        for pattern, values in stalls[name].items():
            print(
                f"  resize {pattern}: median {statistics.median(values) * ms:.0f} ms, "
                f"max {max(values) * ms:.0f} ms over {len(values)}"
            )


if __name__ == "__main__":
    main()
