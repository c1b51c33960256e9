"""Spawn to first full paint, and peak memory, of `python -m tui` against a minimal Textual app.

Run from the repository root:  .venv/bin/python bench/bench_startup.py [--runs N]

Each run starts the program in a real 80x24 pseudo-terminal and times until a word from the
bottom of its first screen appears in the output (so the whole screen has been painted), then
quits it with Ctrl+Q and reads the child's peak RSS from os.wait4. The baseline is a minimal
Textual app with the same chrome (Header, one Label, Footer). Runs alternate between the programs
so machine noise hits all alike. Thaw is measured with an empty store and with ten years of
generated history (~11,000 check-ins). Targets (issue 3): time <= 1.15x, memory <= 1.3x.

Besides wall time, the CPU time the child had used when the paint arrived is read from
/proc (all threads): on a shared machine it is the steadier number, since time spent waiting
for a core is not in it. Both ratios are printed; the target is checked on wall time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.pty_helpers import PtyProcess  # noqa: E402
from tests.history_data import fill, generate  # noqa: E402
from tui.core.clock import SystemClock  # noqa: E402
from tui.core.store import Store  # noqa: E402

TIME_TARGET, MEMORY_TARGET = 1.15, 1.3

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Label


class Minimal(App[None]):
    def compose(self):
        yield Header()
        yield Label("Minimal app ready")
        yield Footer()


Minimal().run()
"""


def one_run(argv: list[str], marker: str, env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to first full paint, CPU seconds by then, peak RSS in MiB) for one start."""
    # Like an installed copy, which has its bytecode compiled: a shell that sets
    # PYTHONDONTWRITEBYTECODE would otherwise recompile every edited module on every start.
    env = {**env, "PYTHONDONTWRITEBYTECODE": ""}
    with PtyProcess(argv, env=env, size=(80, 24), cwd=ROOT) as proc:
        seconds = proc.wait_for_text(marker, timeout=30)
        cpu = proc.cpu_seconds()
        proc.wait_for_quiet(0.2)
        proc.send("\x11")  # Ctrl+Q
        proc.wait(timeout=15)
        rss_kib = getattr(proc.rusage, "ru_maxrss", 0)
    return seconds, cpu, rss_kib / 1024


def ten_years(folder: Path) -> int:
    """Fill `folder` with ten years of generated history through the Store; the count."""
    now = datetime.now().astimezone()
    end = (now - timedelta(days=1)).replace(hour=22, minute=0, second=0, microsecond=0)
    history = generate(end, days=3652, seed=7)
    fill(Store(folder, SystemClock()), history)
    return len(history.checkins)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--no-history", action="store_true", help="skip the ten-year store (quicker rounds)"
    )
    options = parser.parse_args()
    runs = options.runs
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        minimal = tmp_path / "minimal_app.py"
        minimal.write_text(MINIMAL_APP)
        empty_dir, full_dir = tmp_path / "empty", tmp_path / "ten-years"
        count = 0 if options.no_history else ten_years(full_dir)
        # Home paints its menu last (bottom of the body), so seeing it means the screen is whole.
        programs = {
            "minimal": ([python, str(minimal)], "Minimal app ready", {}),
            "thaw (empty)": (
                [python, "-m", "tui"],
                "Find anything",
                {"THAW_DATA_DIR": str(empty_dir)},
            ),
            "thaw (10 years)": (
                [python, "-m", "tui"],
                "Find anything",
                {"THAW_DATA_DIR": str(full_dir)},
            ),
        }
        if options.no_history:
            del programs["thaw (10 years)"]
        for argv, marker, env in programs.values():  # warm the file cache and .pyc files
            one_run(argv, marker, env)
        times: dict[str, list[float]] = {name: [] for name in programs}
        cpus: dict[str, list[float]] = {name: [] for name in programs}
        memory: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(runs):
            for name, (argv, marker, env) in programs.items():
                seconds, cpu, mib = one_run(argv, marker, env)
                times[name].append(seconds)
                cpus[name].append(cpu)
                memory[name].append(mib)
    base_time = statistics.median(times["minimal"])
    base_cpu = statistics.median(cpus["minimal"])
    base_memory = statistics.median(memory["minimal"])
    print(f"runs: {runs} each, 80x24 pty; ten-year store: {count} check-ins")
    print(
        f"{'program':<18}{'median paint':>14}{'ratio':>7}{'CPU by paint':>14}{'ratio':>7}"
        f"{'peak RSS':>12}{'ratio':>7}"
    )
    ok = True
    for name in programs:
        t = statistics.median(times[name])
        c = statistics.median(cpus[name])
        m = statistics.median(memory[name])
        rt, rc, rm = t / base_time, c / base_cpu, m / base_memory
        print(
            f"{name:<18}{t * 1000:>11.0f} ms{rt:>7.2f}{c * 1000:>11.0f} ms{rc:>7.2f}"
            f"{m:>8.1f} MiB{rm:>7.2f}"
        )
        if name != "minimal":
            ok = ok and rt <= TIME_TARGET and rm <= MEMORY_TARGET
    print(
        f"targets: time <= {TIME_TARGET}x, memory <= {MEMORY_TARGET}x: {'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
