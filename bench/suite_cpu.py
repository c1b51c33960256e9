"""Where the test suite's time goes: CPU per test (its own and its child processes'), by kind.

As a pytest plugin, each test process writes one line per test (node id, own CPU, children's
CPU, wall seconds, start on the monotonic clock, pid) to THAW_SUITE_CPU_DIR:

    THAW_SUITE_CPU_DIR=/tmp/suite PYTHONPATH=bench .venv/bin/python -m pytest -q \
        -p no:cacheprovider -p suite_cpu

Then `python bench/suite_cpu.py /tmp/suite` sums it up: CPU by kind of test, the span from the
first test's start to the last one's end, and how busy the cores were over that span.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_out: Any = None


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    global _out
    if _out is None:
        folder = Path(os.environ.get("THAW_SUITE_CPU_DIR", "suite-cpu"))
        folder.mkdir(parents=True, exist_ok=True)
        _out = (folder / f"{os.getpid()}.jsonl").open("w")
    own, children = _cpu()
    start = time.monotonic()
    yield
    own2, children2 = _cpu()
    row = [item.nodeid, own2 - own, children2 - children, time.monotonic() - start, start]
    _out.write(json.dumps([*row, os.getpid()]) + "\n")
    _out.flush()


def kind(nodeid: str) -> str:
    path = nodeid.split("::")[0]
    if "/test_pty_" in path:
        return "pty (a real terminal and a full-screen child)"
    if path.startswith("tests/e2e/"):
        return "command line (child processes)"
    if path.startswith("tests/ui/"):
        return "pilot (a whole app in the test process)"
    if path.startswith("tests/snapshots/"):
        return "snapshots (pilot)"
    return "unit"


def main(folder: Path) -> None:
    rows = [json.loads(line) for f in sorted(folder.glob("*.jsonl")) for line in f.open()]
    if not rows:
        raise SystemExit(f"No rows in {folder}.")
    by_kind: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
    for nodeid, own, children, _wall, _start, _pid in rows:
        entry = by_kind[kind(nodeid)]
        entry[0] += 1
        entry[1] += own
        entry[2] += children
    total = sum(own + children for _n, own, children, *_ in rows)
    first = min(r[4] for r in rows)
    span = max(r[4] + r[3] for r in rows) - first
    workers = len({r[5] for r in rows})
    print(f"{len(rows)} tests in {workers} processes; CPU in tests {total:.1f} s")
    for name, (count, own, children) in sorted(by_kind.items(), key=lambda kv: -sum(kv[1][1:])):
        cpu = own + children
        print(f"  {name}: {int(count)} tests, {cpu:.1f} s ({1000 * cpu / count:.0f} ms a test)")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    busy = total / span / (cores or 1)
    print(f"first test start to last test end: {span:.1f} s; {cores} cores {busy:.0%} busy")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "suite-cpu"))
