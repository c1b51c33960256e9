"""Thin links and long histories (issue 18): every figure against its baseline, in one run.

Run from the repository root:  .venv/bin/python bench/bench_thin.py [--runs N] [--code DIR]

`--code DIR` runs another copy of Thaw (for "before": `git archive main | tar -x -C DIR`) on
the same generated stores; the stores are always written by this checkout's Store.

Stores, generated with fixed seeds (tests/history_data.py): 1 year, 10 years, 30 years, and a
heavy user (10 check-ins a day for 10 years). Measures, each child a fresh process:

1. Bytes written to an 80x24 pty for a whole check-in (launch, `c`, `7`, Enter, Ctrl+Q) per
   phase, against a minimal Textual app (Header, one Label, Footer) launching and quitting.
2. CPU (user + system, from wait4) of `list --days 7`, `stats`, `report` and `log 6` at 30
   years against 1 year (and the heavy store).
3. `export -o FILE`: CPU, CPU per record and peak RSS at each size against 1 year; and
   `import` of the 1-year and 30-year exports into empty folders (peak RSS, CPU per record).
4. Peak RSS of the app (launch to home painted, then Ctrl+Q) with 10 and 30 years against the
   minimal app.

Medians of --runs runs (interleaved). No timing is asserted anywhere; ratios are printed.
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
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.pty_helpers import PtyProcess  # noqa: E402

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
LONDON = ZoneInfo("Europe/London")


def _end() -> datetime:
    now = datetime.now().astimezone()
    return (now - timedelta(days=1)).replace(hour=22, minute=0, second=0, microsecond=0)


def make_store(folder: Path, days: int) -> int:
    """`days` of generated history (tests/history_data.py, seed 7); the check-in count."""
    from tests.history_data import fill, generate
    from tui.core.clock import SystemClock
    from tui.core.store import Store

    history = generate(_end(), days=days, seed=7)
    fill(Store(folder, SystemClock()), history)
    return len(history.checkins)


def make_heavy_store(folder: Path, days: int = 3652, per_day: int = 10) -> int:
    """A heavy user: `per_day` check-ins every day for `days` days (seed 18), with notes."""
    from tui.core.clock import SystemClock
    from tui.core.records.models import NewCheckIn
    from tui.core.store import Store

    rng = random.Random(18)
    end = _end()
    first = end.date() - timedelta(days=days - 1)
    checkins = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        for hour in range(8, 8 + per_day):
            at = datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=LONDON)
            checkins.append(
                NewCheckIn(
                    at=at,
                    mood=rng.randint(1, 10),
                    feel=rng.randint(0, 10),
                    emotions=tuple(rng.sample(("numb", "flat", "calm", "sad", "tired"), k=1)),
                    tags=("work",) if hour < 17 else (),
                    note="a short note" if rng.random() < 0.2 else "",
                )
            )
    Store(folder, SystemClock()).add_checkins(checkins)
    return len(checkins)


def make_stores(tmp: Path) -> dict[str, int]:
    """Every store, made in a child process: a child's peak RSS counts the pages it shared
    with this process when it was forked, so this process must stay small (no history held)."""
    script = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
        "from bench.bench_thin import make_store, make_heavy_store; t = Path(sys.argv[2]); "
        "print(json.dumps({'1 year': make_store(t / 'y1', 365), "
        "'10 years': make_store(t / 'y10', 3652), '30 years': make_store(t / 'y30', 10957), "
        "'heavy (10/day, 10 y)': make_heavy_store(t / 'heavy')}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(ROOT), str(tmp)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    counts: dict[str, int] = json.loads(done.stdout)
    return counts


def run_child(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, peak RSS MiB) of one child process run to its end."""
    proc = subprocess.Popen(
        argv,
        env=env,
        cwd=env.get("THAW_CODE", ROOT),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} exited {proc.returncode}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def checkin_bytes(argv: list[str], env: dict[str, str]) -> dict[str, int]:
    """Bytes the app writes per phase of a whole check-in."""
    out: dict[str, int] = {}
    with PtyProcess(argv, env=env, size=(80, 24), cwd=Path(env["THAW_CODE"])) as p:
        p.wait_for_text("Find anything", timeout=30)
        p.wait_for_quiet(0.8)
        out["first paint"] = a = len(p.output)
        p.send("c")
        p.wait_for_text("Mood right now", timeout=15, since=a)
        p.wait_for_quiet(0.8)
        out["open check-in"] = (b := len(p.output)) - a
        p.send("7")
        p.wait_for_quiet(0.8)
        out["digit 7"] = (c := len(p.output)) - b
        p.send("\r")
        p.wait_for_text("Saved: mood 7", timeout=15, since=c)
        p.wait_for_quiet(1.5)
        out["Enter"] = (d := len(p.output)) - c
        p.send("\x11")
        p.wait(timeout=15)
        out["quit"] = len(p.output) - d
    out["whole check-in"] = sum(out.values())
    return out


def minimal_bytes(argv: list[str], env: dict[str, str]) -> int:
    with PtyProcess(argv, env=env, size=(80, 24), cwd=ROOT) as p:
        p.wait_for_text("Minimal app ready", timeout=30)
        p.wait_for_quiet(0.8)
        p.send("\x11")
        p.wait(timeout=15)
        return len(p.output)


def app_rss(argv: list[str], marker: str, env: dict[str, str]) -> float:
    env = {**env, "PYTHONDONTWRITEBYTECODE": ""}
    with PtyProcess(argv, env=env, size=(80, 24), cwd=Path(env["THAW_CODE"])) as p:
        p.wait_for_text(marker, timeout=60)
        p.wait_for_quiet(1.0)  # home's idle work done too
        p.send("\x11")
        p.wait(timeout=20)
        return getattr(p.rusage, "ru_maxrss", 0) / 1024


def med(values: Sequence[float]) -> float:
    return statistics.median(values)


def app_memory(
    python: str, minimal: Path, stores: dict[str, Path], base_env: dict[str, str], runs: int
) -> None:
    """4. Peak RSS of the app at 10 and 30 years against the minimal app, printed."""
    rss: dict[str, list[float]] = {}
    programs: dict[str, tuple[list[str], str, Path | None]] = {
        "minimal app": ([python, str(minimal)], "Minimal app ready", None),
        "Thaw, 10 years": ([python, "-m", "tui"], "Find anything", stores["10 years"]),
        "Thaw, 30 years": ([python, "-m", "tui"], "Find anything", stores["30 years"]),
    }
    for _ in range(runs):
        for name, (argv, marker, data) in programs.items():
            env = dict(base_env)
            if data is not None:
                env["THAW_DATA_DIR"] = str(data)
            rss.setdefault(name, []).append(app_rss(argv, marker, env))
    base_rss = med(rss["minimal app"])
    print(f"\n4. peak RSS of the app, home painted then Ctrl+Q, median of {runs}")
    for name, mibs in rss.items():
        print(f"   {name:<16}{med(mibs):6.1f} MiB {med(mibs) / base_rss:5.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--code", type=Path, default=ROOT, help="the Thaw checkout to run")
    parser.add_argument("--no-import", action="store_true", help="skip the import measures")
    parser.add_argument(
        "--memory", action="store_true", help="only the app's peak memory (4.), with its stores"
    )
    options = parser.parse_args()
    runs, code = options.runs, options.code.resolve()
    python = sys.executable
    # `python -m tui` finds tui in its working folder first: children run in `code`.
    base_env = {**os.environ, "PYTHONPATH": str(code), "THAW_CODE": str(code)}
    subprocess.run([python, "-m", "compileall", "-q", str(code / "tui")], check=False)
    tmp = Path(tempfile.mkdtemp(prefix="thaw-thin-"))
    try:
        started = time.perf_counter()
        stores = {
            "1 year": tmp / "y1",
            "10 years": tmp / "y10",
            "30 years": tmp / "y30",
            "heavy (10/day, 10 y)": tmp / "heavy",
        }
        counts = make_stores(tmp)
        print(f"code: {code}")
        print(
            "stores: "
            + ", ".join(f"{name} {n:,} check-ins" for name, n in counts.items())
            + f" (made in {time.perf_counter() - started:.0f} s)"
        )
        minimal = tmp / "minimal_app.py"
        minimal.write_text(MINIMAL_APP)
        if options.memory:
            app_memory(python, minimal, stores, base_env, runs)
            return 0

        # 1. Bytes over the link ----------------------------------------------------------------
        phases: dict[str, list[int]] = {}
        base_bytes: list[int] = []
        for i in range(runs):
            base_bytes.append(minimal_bytes([python, str(minimal)], base_env))
            folder = tmp / f"checkin-{i}"
            env = {**base_env, "THAW_DATA_DIR": str(folder)}
            for phase, count in checkin_bytes([python, "-m", "tui"], env).items():
                phases.setdefault(phase, []).append(count)
        base = med(base_bytes)
        print(
            f"\n1. bytes to an 80x24 pty, median of {runs}; minimal app launch+quit {base:,.0f} B"
        )
        for phase, values in phases.items():
            print(f"   {phase:<16}{med(values):>9,.0f} B {med(values) / base:>6.2f}x minimal")

        # 2. Commands at 30 years against 1 year -----------------------------------------------
        commands = {
            "list --days 7": ["list", "--days", "7"],
            "stats": ["stats"],
            "report": ["report"],
            "log 6": ["log", "6"],
        }
        sizes = ("1 year", "30 years", "heavy (10/day, 10 y)")
        cpu: dict[tuple[str, str], list[float]] = {}
        for _ in range(runs):
            for name, argv in commands.items():
                for size in sizes:
                    env = {**base_env, "THAW_DATA_DIR": str(stores[size])}
                    seconds, _ = run_child([python, "-m", "tui", *argv], env)
                    cpu.setdefault((name, size), []).append(seconds)
        print(f"\n2. CPU of a command, median of {runs} (ratio to the same command at 1 year)")
        for name in commands:
            one = med(cpu[(name, "1 year")])
            cells = [f"1 year {one * 1000:.0f} ms"]
            for size in sizes[1:]:
                value = med(cpu[(name, size)])
                cells.append(f"{size} {value * 1000:.0f} ms ({value / one:.2f}x)")
            print(f"   {name:<15}" + ", ".join(cells))

        # 3. Export (and import) ---------------------------------------------------------------
        export_sizes = ("1 year", "10 years", "30 years", "heavy (10/day, 10 y)")
        exported: dict[str, Path] = {}
        ex_cpu: dict[str, list[float]] = {}
        ex_rss: dict[str, list[float]] = {}
        for i in range(runs):
            for size in export_sizes:
                target = tmp / f"export-{size[:2].strip()}-{i}.json"
                env = {**base_env, "THAW_DATA_DIR": str(stores[size])}
                seconds, mib = run_child([python, "-m", "tui", "export", "-o", str(target)], env)
                ex_cpu.setdefault(size, []).append(seconds)
                ex_rss.setdefault(size, []).append(mib)
                if i == 0:
                    exported[size] = target
                else:
                    target.unlink()
        one_cpu, one_rss = med(ex_cpu["1 year"]), med(ex_rss["1 year"])
        n1 = counts["1 year"]
        per_ten = (med(ex_cpu["10 years"]) - one_cpu) / (counts["10 years"] - n1)
        print(
            f"\n3. export -o FILE (JSON), median of {runs}; ratios to 1 year. CPU per record: "
            "each record above the 1-year store's, against the same from 1 to 10 years"
        )
        for size in export_sizes:
            c, m = med(ex_cpu[size]), med(ex_rss[size])
            line = f"   {size:<21} CPU {c * 1000:>6.0f} ms ({c / one_cpu:5.2f}x), "
            if size != "1 year":
                per = (c - one_cpu) / (counts[size] - n1)
                line += f"per record {per * 1e6:5.1f} us ({per / per_ten:.2f}x), "
            print(line + f"peak RSS {m:5.1f} MiB ({m / one_rss:.2f}x)")
        if not options.no_import:
            print("   import of that export into an empty folder (one run each):")
            im: dict[str, tuple[float, float]] = {}
            for size in ("1 year", "30 years"):
                env = {**base_env, "THAW_DATA_DIR": str(tmp / f"import-{size[:2].strip()}")}
                im[size] = run_child([python, "-m", "tui", "import", str(exported[size])], env)
            c1, m1 = im["1 year"]
            for size, (c, m) in im.items():
                per = c / counts[size] / (c1 / counts["1 year"])
                print(
                    f"   import {size:<14} CPU {c * 1000:>6.0f} ms, per record {per:.2f}x, "
                    f"peak RSS {m:5.1f} MiB ({m / m1:.2f}x)"
                )

        # 4. Peak memory of the app ------------------------------------------------------------
        app_memory(python, minimal, stores, base_env, runs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
