"""Command-line speed with ten years of history: `due`, `prompt`, `log 6` against `python -c pass`.

Run from the repository root:  .venv/bin/python bench/bench_cli.py [--runs N]

The ten-year data set (about 11,000 check-ins, written through the Store) is generated once
into a cache folder and copied fresh for each run, so `log` never grows the cached copy.
The package is byte-compiled first, as `pip install` does, so no run pays for compiling.
Targets (issue 2): `due` at most 4x `python -c pass`, `log 6` at most 6x, in median wall time;
(issue 17) `prompt` at most 4x too, and at most what `due` costs (its ratio to `due` printed).
CPU time (user + system of the child) is shown beside it: on a busy machine it drifts less.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CACHE = Path(tempfile.gettempdir()) / "thaw-bench-10y"
TARGETS = {"due": 4.0, "due (login)": 4.0, "prompt": 4.0, "log 6": 6.0}


def build_history(target: Path) -> int:
    """Ten years of made-up check-ins ending yesterday evening; returns how many."""
    from tests.history_data import fill, generate
    from tui.core.clock import SystemClock
    from tui.core.store import Store

    now = datetime.now().astimezone()
    end = (now - timedelta(days=1)).replace(hour=23, minute=0, second=0, microsecond=0)
    history = generate(end, days=3652, seed=7)
    store = Store(target, SystemClock())
    fill(store, history)
    return len(history.checkins)


def ensure_cache() -> Path:
    """The cached ten-year data dir, made once (a `.complete` marker guards half-made ones)."""
    marker = CACHE / ".complete"
    data = CACHE / "data"
    if not marker.exists():
        shutil.rmtree(CACHE, ignore_errors=True)
        CACHE.mkdir(parents=True)
        started = time.perf_counter()
        count = build_history(data)
        marker.write_text(str(count))
        print(f"generated {count:,} check-ins in {time.perf_counter() - started:.1f} s -> {data}")
    return data


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40, help="runs of each command (40)")
    args = parser.parse_args()

    compileall.compile_dir(ROOT / "tui", quiet=1)
    cached = ensure_cache()
    count = int((CACHE / ".complete").read_text())
    work = Path(tempfile.mkdtemp(prefix="thaw-bench-cli-"))
    # The data sits where a person's would (~/.local/share/thaw), so "due (login)" measures
    # what a login script pays: no THAW_DATA_DIR, the default path worked out from HOME.
    home = work / "home"
    data = home / ".local" / "share" / "thaw"
    data.parent.mkdir(parents=True)
    shutil.copytree(cached, data)
    data.chmod(0o700)

    plain = {k: v for k, v in os.environ.items() if k not in ("THAW_DATA_DIR", "XDG_DATA_HOME")}
    env = {**plain, "THAW_DATA_DIR": str(data)}
    login_env = {**plain, "HOME": str(home)}
    python = sys.executable
    commands = {
        "python -c pass": [python, "-c", "pass"],
        "due": [python, "-m", "tui", "due"],
        "due (login)": [python, "-m", "tui", "due"],
        "prompt": [python, "-m", "tui", "prompt"],
        "log 6": [python, "-m", "tui", "log", "6"],
    }
    envs = {name: (login_env if name == "due (login)" else env) for name in commands}
    samples: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    try:
        for round_number in range(args.runs + 3):
            for name, command in commands.items():  # interleaved: load drifts hit all alike
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                done = subprocess.run(command, env=envs[name], cwd=work, capture_output=True)
                elapsed = time.perf_counter() - started
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                if done.returncode != 0:
                    sys.stderr.write(done.stderr.decode())
                    raise SystemExit(f"{name} failed with exit {done.returncode}")
                if round_number >= 3:  # the first rounds only warm the caches
                    samples[name].append(elapsed)
                    cpu[name].append(used)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    base = median_ms(samples["python -c pass"])
    cpu_base = median_ms(cpu["python -c pass"])
    print(f"history: {count:,} check-ins (10 years); {args.runs} runs each, interleaved")
    print(f"{'command':<28}{'median ms':>10}{'ratio':>8}{'target':>8}  ok   cpu ms  cpu ratio")
    for name in commands:
        ms = median_ms(samples[name])
        target = TARGETS.get(name)
        ratio = ms / base
        verdict = "" if target is None else ("yes" if ratio <= target else "NO")
        shown = "" if target is None else f"<={target:g}x"
        label = name if name.startswith("python") else f"python -m tui {name}"
        cpu_ms = median_ms(cpu[name])
        print(
            f"{label:<28}{ms:>10.1f}{ratio:>7.2f}x{shown:>8}  {verdict:<3}"
            f"{cpu_ms:>8.1f}{cpu_ms / cpu_base:>10.2f}x"
        )
    if "prompt" in commands:
        ratio = median_ms(samples["prompt"]) / median_ms(samples["due"])
        cpu_ratio = median_ms(cpu["prompt"]) / median_ms(cpu["due"])
        print(f"prompt / due: {ratio:.2f}x wall, {cpu_ratio:.2f}x cpu (target: at most due's cost)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
