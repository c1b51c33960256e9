"""Practices over SSH: CPU and bytes written to a real pseudo-terminal, and timer accuracy.

Run from the repository root:  .venv/bin/python bench/bench_practice.py [--window 20] [--quick]

In one run it measures, each in its own real pty at 80x24 with a private data dir:
  baseline     a minimal Textual app (Header, one Label, Footer), idle
  breathe      `python -m tui breathe` at default settings (cyclic sigh, orb animating)
  reduced      the same with the reduced-motion setting on (a steady text cue)
  meditate     `python -m tui meditate --minutes 20`, the timer running
CPU is the child's user+system time over the window (from /proc/PID/stat, the same counters
rusage reports) as a percentage of one core; bytes are everything the app wrote to the
terminal in the window. Then timer accuracy: the core MeditationTimer on real monotonic time,
woken as the screen wakes it, for a 2-minute session (12 s with --quick).
Targets: breathe <= 6% and <= 20 KB/s; reduced <= 1 KB/s; meditate <= 1% and <= 1 KB/s;
the 2-minute session ends within 0.2 s of 120 s.
"""

from __future__ import annotations

import argparse
import dataclasses
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tui.core.practice import MeditationTimer  # noqa: E402
from tui.core.store import Store  # noqa: E402
from tui.screens.meditate import WAKE_MARGIN_SECONDS  # noqa: E402

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")

BASELINE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Label

class Minimal(App):
    def compose(self):
        yield Header()
        yield Label("baseline")
        yield Footer()

Minimal().run()
"""


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds used so far by `pid` (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND


def spawn(argv: list[str], env: dict[str, str]) -> tuple[int, int]:
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.chdir(REPO)
            os.execvpe(argv[0], argv, {**os.environ, "TERM": "xterm-256color", **env})
        finally:
            os._exit(127)
    return pid, fd


def drain(fd: int, seconds: float) -> int:
    """Read everything the child writes for `seconds`; bytes read."""
    total = 0
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            total += len(chunk)
    return total


def measure(name: str, argv: list[str], env: dict[str, str], window: float) -> dict[str, float]:
    """Start, let it settle, then measure CPU % and bytes/s over `window` seconds."""
    pid, fd = spawn(argv, env)
    try:
        drain(fd, 4.0)  # start-up and first paint are not what we measure
        cpu0, t0 = cpu_seconds(pid), time.monotonic()
        written = drain(fd, window)
        cpu1, t1 = cpu_seconds(pid), time.monotonic()
    finally:
        os.kill(pid, signal.SIGTERM)
        drain(fd, 0.5)
        os.waitpid(pid, 0)
        os.close(fd)
    elapsed = t1 - t0
    return {"cpu_pct": 100 * (cpu1 - cpu0) / elapsed, "bytes_per_s": written / elapsed}


def data_dir_with(**settings: object) -> str:
    path = Path(tempfile.mkdtemp(prefix="thaw-bench-")) / "data"
    store = Store(path)
    if settings:
        store.save_settings(dataclasses.replace(store.settings(), **settings))  # type: ignore[arg-type]
    return str(path)


def timer_accuracy(seconds: float) -> float:
    """Run the core timer on real monotonic time the way the screen does (sleep until the next
    change is due, plus the screen's wake margin, then poll); seconds late (or early)."""
    timer = MeditationTimer(planned_seconds=seconds)
    start = time.monotonic()
    timer.start(start)
    now = start
    while True:
        delay = timer.seconds_to_next_change(now)
        time.sleep((delay or 0.0) + WAKE_MARGIN_SECONDS)
        now = time.monotonic()
        if "finish" in timer.poll(now):
            return (now - start) - seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", type=float, default=20.0, help="seconds measured per case")
    parser.add_argument("--quick", action="store_true", help="12 s timer run instead of 120 s")
    args = parser.parse_args()
    py = sys.executable
    cases = [
        ("baseline", [py, "-c", BASELINE_APP], {}),
        ("breathe", [py, "-m", "tui", "breathe"], {"THAW_DATA_DIR": data_dir_with()}),
        (
            "reduced",
            [py, "-m", "tui", "breathe"],
            {"THAW_DATA_DIR": data_dir_with(reduced_motion=True)},
        ),
        (
            "meditate",
            [py, "-m", "tui", "meditate", "--minutes", "20"],
            {"THAW_DATA_DIR": data_dir_with()},
        ),
    ]
    results: dict[str, dict[str, float]] = {}
    print(f"window {args.window:.0f} s per case, 80x24 pty, {os.cpu_count()} cores")
    for name, argv, env in cases:
        results[name] = r = measure(name, argv, env, args.window)
        print(
            f"{name:9} cpu {r['cpu_pct']:5.2f}% of one core   {r['bytes_per_s'] / 1000:7.2f} KB/s"
        )
    base = results["baseline"]
    targets = {"breathe": (6.0, 20_000), "reduced": (None, 1_000), "meditate": (1.0, 1_000)}
    ok = True
    for name, (cpu_max, bytes_max) in targets.items():
        r = results[name]
        cpu_ok = cpu_max is None or r["cpu_pct"] <= cpu_max
        bytes_ok = r["bytes_per_s"] <= bytes_max
        ok = ok and cpu_ok and bytes_ok
        print(
            f"{name:9} vs baseline: cpu +{r['cpu_pct'] - base['cpu_pct']:.2f} points, "
            f"{'ok' if cpu_ok and bytes_ok else 'OVER TARGET'}"
        )
    planned = 12.0 if args.quick else 120.0
    late = timer_accuracy(planned)
    timer_ok = abs(late) <= 0.2
    ok = ok and timer_ok
    print(
        f"timer     {planned:.0f} s session ended after {planned + late:.3f} s "
        f"({late:+.3f} s) {'ok' if timer_ok else 'OVER TARGET'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
