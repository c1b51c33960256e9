"""Save cost (Store.add_checkin) with one month of history against ten years of it.

Run from the repository root:  .venv/bin/python bench/bench_save.py [--saves N]

Both stores are built through the Store from the same generator (tests/history_data.py), then
saves alternate between them so any load on the machine hits both alike. Each save is a real,
durable one (lock, re-read, atomic replace, fsync). Target (issue 2): ten years <= 1.5x one month.
CPU time is printed beside wall time: on a machine whose disk is busy, fsync and rename waits
swamp wall time, and `--no-fsync` leaves them out entirely.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.history_data import fill, generate  # noqa: E402
from tui.core.clock import SystemClock  # noqa: E402
from tui.core.store import Store  # noqa: E402

TARGET = 1.5


def build(folder: Path, days: int) -> tuple[Store, int]:
    """A store holding `days` days of made-up history ending yesterday evening."""
    now = datetime.now().astimezone()
    end = (now - timedelta(days=1)).replace(hour=23, minute=0, second=0, microsecond=0)
    history = generate(end, days=days, seed=7)
    store = Store(folder, SystemClock())
    fill(store, history)
    return store, len(history.checkins)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=60, help="saves into each store (60)")
    parser.add_argument(
        "--no-fsync",
        action="store_true",
        help="skip fsync (CPU cost alone, for a machine whose disk is busy with other work)",
    )
    args = parser.parse_args()
    if args.no_fsync:
        import os

        os.fsync = lambda fd: None  # the saves' own work, without the disk's latency

    work = Path(tempfile.mkdtemp(prefix="thaw-bench-save-"))
    try:
        month, month_count = build(work / "month", 31)
        decade, decade_count = build(work / "decade", 3652)
        timings: dict[str, list[float]] = {"month": [], "decade": []}
        cpu: dict[str, list[float]] = {"month": [], "decade": []}
        stores = {"month": month, "decade": decade}
        for i in range(args.saves + 5):
            for name, store in stores.items():
                started, cpu_started = time.perf_counter(), time.process_time()
                store.add_checkin(6, feel=3, emotions=("numb",), note="bench", tags=("bench",))
                elapsed = time.perf_counter() - started
                if i >= 5:  # the first saves make the day's backup and warm the caches
                    timings[name].append(elapsed)
                    cpu[name].append(time.process_time() - cpu_started)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    month_ms = statistics.median(timings["month"]) * 1000
    decade_ms = statistics.median(timings["decade"]) * 1000
    ratio = decade_ms / month_ms
    print(f"{args.saves} saves into each store, interleaved (median of each)")
    # CPU time beside it: waiting on a busy disk (fsync, rename) shows in wall time only.
    cpu_ms = {name: statistics.median(values) * 1000 for name, values in cpu.items()}
    print(f"{'history':<28}{'check-ins':>10}{'save ms':>10}{'cpu ms':>10}")
    print(f"{'1 month':<28}{month_count:>10,}{month_ms:>10.2f}{cpu_ms['month']:>10.2f}")
    print(f"{'10 years':<28}{decade_count:>10,}{decade_ms:>10.2f}{cpu_ms['decade']:>10.2f}")
    verdict = "yes" if ratio <= TARGET else "NO"
    print(f"ratio 10 years / 1 month: {ratio:.2f}x (target <= {TARGET}x): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
