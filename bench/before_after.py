"""Before and after: every figure of bench/README.md for two checkouts of Thaw, in one run.

Run from the repository root:
    .venv/bin/python bench/before_after.py --before PATH [--quick] [--only startup,cli,...]

"After" is this checkout; "before" is a copy of the checkout at PATH (`git archive HEAD` when
PATH is a git checkout, so only committed files; a plain copy otherwise), made in a scratch
folder so nothing is written into PATH. The two share this venv (run it only when their pinned
dependencies agree). Each figure is measured for both trees in turns, the order alternating
every round, so a change in the machine's load hits both alike, and each against the baseline
its own bench script uses, measured in the same run:

- start-up to first full paint, CPU by then and peak RSS (bench_startup.one_run), against the
  minimal Textual app;
- `due`, `due` from a login script, `log 6` (as bench_cli.py), against `python -c pass`;
- a save with one month and with ten years of history (as bench_save.py);
- Enter to check-in durable on disk in the running app (bench_save_latency.measure);
- history's first open, later opens, range switches and resize stalls (bench_history's
  children, as bench_history_ab.py runs them), against the minimal app;
- practices' CPU and bytes per second in a pty (bench_practice.measure), against the minimal
  app, and the meditation timer's accuracy.

Every process that runs Thaw's code gets `PYTHONPATH=<tree>` and `PYTHONSAFEPATH=1` (so neither
the working directory nor a script's folder can put the other tree first). What runs in-process
(saves, Enter-to-disk, history) runs in a child of this script that imports the tree's `tui` and
`tests` packages before this folder's bench modules, so every `tui.*` module they use comes
from the tree measured; the child checks that and stops if any did not. Each tree writes its
own data sets with its own code (tests/history_data.py, the same seeds), so neither reads a
format it did not write.

The defaults take 10-12 minutes on the project's 2-core VM under load (`--quick`: about 4); the
`--*-runs`, `--*-rounds`, `--practice-window` and `--timer-seconds` flags trade time for noise.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
ENV = shutil.which("env") or "/usr/bin/env"
SECTIONS = ("startup", "cli", "save", "latency", "history", "practice")

# --- the child: runs in-process measures on one tree's code ----------------------------------


def _pin_tree() -> Path:
    """Import the measured tree's packages before anything else can put this checkout first."""
    tree = Path(os.environ["PYTHONPATH"]).resolve()
    import tests
    import tui

    for package in (tui, tests):
        if not Path(package.__file__ or "").resolve().is_relative_to(tree):
            raise SystemExit(f"{package.__name__} came from {package.__file__}, not {tree}")
    sys.path.append(str(BENCH))  # this checkout's bench modules (after tui and tests)
    return tree


def _check_modules(tree: Path) -> None:
    """Stop if any `tui` or `tests` module in this process came from outside the tree."""
    stray = [
        name
        for name, module in list(sys.modules.items())
        if name.split(".")[0] in ("tui", "tests")
        and getattr(module, "__file__", None)
        and not Path(module.__file__ or "").resolve().is_relative_to(tree)
    ]
    if stray:
        raise SystemExit(f"modules from outside {tree}: {stray[:5]}")


def child_data(out: Path) -> dict[str, Any]:
    """The tree's own data sets, written by its own Store from tests/history_data.py."""
    import bench_history
    import bench_practice
    import bench_save

    from tests.history_data import prepared_dir

    _, month = bench_save.build(out / "month", 31)
    _, decade = bench_save.build(out / "decade", 3652)
    prepared_dir(out / "history", bench_history.END)
    tempfile.tempdir = str(out)  # data_dir_with makes its folders here, not in /tmp
    practice = {
        "breathe": bench_practice.data_dir_with(),
        "reduced": bench_practice.data_dir_with(reduced_motion=True),
        "meditate": bench_practice.data_dir_with(),
    }
    return {"month": month, "decade": decade, "practice": practice}


def child_save(month: Path, decade: Path, saves: int) -> dict[str, Any]:
    """Durable saves alternating between the two stores (bench_save.py's loop): wall, CPU."""
    from tui.core.clock import SystemClock
    from tui.core.store import Store

    stores = {"month": Store(month, SystemClock()), "decade": Store(decade, SystemClock())}
    wall: dict[str, list[float]] = {name: [] for name in stores}
    cpu: dict[str, list[float]] = {name: [] for name in stores}
    for i in range(saves + 5):
        for name, store in stores.items():
            started, cpu_started = time.perf_counter(), time.process_time()
            store.add_checkin(6, feel=3, emotions=("numb",), note="bench", tags=("bench",))
            if i >= 5:  # the first saves make the day's backup and warm the caches
                wall[name].append(time.perf_counter() - started)
                cpu[name].append(time.process_time() - cpu_started)
    return {"wall": wall, "cpu": cpu}


def child_latency(folder: Path, runs: int) -> dict[str, list[float]]:
    import bench_save_latency

    from tui.core.clock import SystemClock
    from tui.core.store import Store

    cpu: list[float] = []
    wall = asyncio.run(bench_save_latency.measure(Store(folder, SystemClock()), runs, cpu))
    return {"wall": wall, "cpu": cpu}


async def _later_opens(data_dir: Path) -> dict[str, Any]:
    """bench_history.py's in-process part: five opens in one process (the first left out),
    then the range switches once everything is read; the minimal app's key-to-paint too."""
    import bench_history as b

    from tui.core.content import Content

    base = statistics.median([await b.minimal_key_to_paint() for _ in range(3)])
    opens: list[float] = []
    switches: dict[str, list[float]] = {key: [] for key in "yawm"}
    content = Content()

    async def body(app: Any, pilot: Any) -> None:
        start = time.perf_counter()
        press = asyncio.create_task(pilot.press("h"))
        opens.append(await b.painted_after(app) - start)
        await press
        await b.until(lambda: b.history_settled(app))
        for key in switches:
            start = time.perf_counter()
            press = asyncio.create_task(pilot.press(key))
            switches[key].append(await b.painted_after(app, key) - start)
            await press

    for _ in range(5):
        await b.with_history(data_dir, content, body)
    return {"base": base, "later": opens[1:], "switch": switches}


def child_main(kind: str, args: list[str]) -> None:
    tree = _pin_tree()
    result: Any = None
    if kind == "data":
        result = child_data(Path(args[0]))
    elif kind == "save":
        result = child_save(Path(args[0]), Path(args[1]), int(args[2]))
    elif kind == "latency":
        result = child_latency(Path(args[0]), int(args[1]))
    elif kind == "first-open":  # prints its own JSON
        import bench_history

        asyncio.run(bench_history.first_open_child(Path(args[0]), instant=args[1:] == ["instant"]))
    elif kind == "resize":  # prints its own JSON
        import bench_history

        asyncio.run(bench_history.resize_child(args[0], Path(args[1]), profile=False))
    elif kind == "later":
        result = asyncio.run(_later_opens(Path(args[0])))
    elif kind == "timer":
        import bench_practice

        result = bench_practice.timer_accuracy(float(args[0]))
    else:
        raise SystemExit(f"unknown child {kind}")
    _check_modules(tree)
    if result is not None:
        print(json.dumps(result))


# --- the parent: trees, data, and each section interleaved ---------------------------------


def tree_env(tree: Path, **extra: str) -> dict[str, str]:
    """This environment with `tree` alone on PYTHONPATH and no data dir of the person's."""
    drop = ("PYTHONPATH", "THAW_DATA_DIR", "XDG_DATA_HOME")
    env = {key: value for key, value in os.environ.items() if key not in drop}
    return {**env, "PYTHONPATH": str(tree), "PYTHONSAFEPATH": "1", **extra}


def in_tree(tree: Path, kind: str, *args: str) -> Any:
    """Run a child of this script on `tree`'s code; the JSON it printed last."""
    done = subprocess.run(
        [sys.executable, "-P", str(Path(__file__).resolve()), "--child", kind, *args],
        env=tree_env(tree),
        capture_output=True,
        text=True,
        cwd=tree,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"child {kind} on {tree} failed with exit {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def copy_tree(source: Path, into: Path) -> str:
    """`source`'s committed tree into `into` (or a plain copy); a label naming what it was."""
    into.mkdir(parents=True)
    if (source / ".git").exists():
        archive = subprocess.run(
            ["git", "-C", str(source), "archive", "HEAD"], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
        return f"{source} at {describe(source)}"
    skip = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.pyc", ".mypy_cache")
    shutil.copytree(source, into, ignore=skip, dirs_exist_ok=True)
    return f"{source} (a copy)"


def describe(tree: Path) -> str:
    """The short commit of a checkout, with '+changes' when its work tree differs from it."""
    head = subprocess.run(
        ["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(tree), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return head + (" +changes" if dirty else "")


def prove_imports(trees: dict[str, Path]) -> None:
    """Each tree's processes import that tree's `tui`, also when started from this checkout."""
    for tree in trees.values():
        found = subprocess.run(
            [ENV, f"PYTHONPATH={tree}", sys.executable, "-c", "import tui; print(tui.__file__)"],
            env=tree_env(ROOT),  # the wrapper must win over a PYTHONPATH set before it
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not Path(found).resolve().is_relative_to(tree.resolve()):
            raise SystemExit(f"{tree}: a child imported {found}")


def turns(trees: dict[str, Path], round_: int) -> list[str]:
    """The trees' order in this round: before first in even rounds, after first in odd ones."""
    names = list(trees)
    return names if round_ % 2 == 0 else names[::-1]


def fresh_copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source, target)
    target.chmod(0o700)
    return target


Results = dict[str, Any]


def run_startup(trees: dict[str, Path], data: dict[str, Path], runs: int, work: Path) -> Results:
    import bench_startup

    python = sys.executable
    minimal = work / "minimal_app.py"
    minimal.write_text(bench_startup.MINIMAL_APP)
    # PtyProcess puts this checkout first on PYTHONPATH; `env` sets it back to the tree.
    programs: dict[str, tuple[list[str], str, dict[str, str]]] = {
        "minimal": ([ENV, f"PYTHONPATH={ROOT}", python, str(minimal)], "Minimal app ready", {})
    }
    for name, tree in trees.items():
        argv = [ENV, f"PYTHONPATH={tree}", python, "-m", "tui"]
        empty = work / f"startup-{name}-empty"
        full = fresh_copy(data[name] / "decade", work / f"startup-{name}-10y")
        for label, folder in (("empty", empty), ("10y", full)):
            env = {"PYTHONSAFEPATH": "1", "THAW_DATA_DIR": str(folder)}
            programs[f"{name} {label}"] = (argv, "Find anything", env)
    for argv, marker, env in programs.values():  # warm the file cache
        bench_startup.one_run(argv, marker, env)
    found: Results = {name: {"paint": [], "cpu": [], "rss": []} for name in programs}
    for round_ in range(runs):
        order = ["minimal"] + [
            f"{tree} {label}" for label in ("empty", "10y") for tree in turns(trees, round_)
        ]
        shift = round_ % len(order)  # each program first in turn: no place in the round is
        order = order[shift:] + order[:shift]  # always the one after a quit or a cold cache
        for name in order:
            seconds, cpu, mib = bench_startup.one_run(*programs[name])
            found[name]["paint"].append(seconds)
            found[name]["cpu"].append(cpu)
            found[name]["rss"].append(mib)
    return found


def run_cli(trees: dict[str, Path], data: dict[str, Path], runs: int, work: Path) -> Results:
    python = sys.executable
    jobs: dict[str, tuple[list[str], dict[str, str]]] = {
        "pass": ([python, "-c", "pass"], tree_env(ROOT))
    }
    for name, tree in trees.items():
        # The data sits where a person's would, so "due (login)" works it out from HOME.
        home = work / f"cli-{name}" / "home"
        folder = fresh_copy(data[name] / "decade", home / ".local" / "share" / "thaw")
        env = tree_env(tree, THAW_DATA_DIR=str(folder))
        jobs[f"{name} due"] = ([python, "-m", "tui", "due"], env)
        jobs[f"{name} due (login)"] = ([python, "-m", "tui", "due"], tree_env(tree, HOME=str(home)))
        jobs[f"{name} log 6"] = ([python, "-m", "tui", "log", "6"], env)
    found: Results = {name: {"wall": [], "cpu": []} for name in jobs}
    for round_ in range(runs + 3):
        order = ["pass"] + [
            f"{tree} {command}"
            for command in ("due", "due (login)", "log 6")
            for tree in turns(trees, round_)
        ]
        for name in order:
            command, env = jobs[name]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(command, env=env, cwd=work, capture_output=True)
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if done.returncode != 0:
                sys.stderr.write(done.stderr.decode())
                raise SystemExit(f"{name} failed with exit {done.returncode}")
            if round_ >= 3:  # the first rounds only warm the caches
                found[name]["wall"].append(elapsed)
                used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                found[name]["cpu"].append(used)
    return found


def run_save(
    trees: dict[str, Path], data: dict[str, Path], rounds: int, saves: int, work: Path
) -> Results:
    folders = {
        name: (
            fresh_copy(data[name] / "month", work / f"save-{name}" / "month"),
            fresh_copy(data[name] / "decade", work / f"save-{name}" / "decade"),
        )
        for name in trees
    }
    found: Results = {name: {"wall": {}, "cpu": {}} for name in trees}
    for round_ in range(rounds):
        for name in turns(trees, round_):
            month, decade = folders[name]
            got = in_tree(trees[name], "save", str(month), str(decade), str(saves))
            for measure in ("wall", "cpu"):
                for size, values in got[measure].items():
                    found[name][measure].setdefault(size, []).extend(values)
    return found


def run_latency(
    trees: dict[str, Path], data: dict[str, Path], rounds: int, runs: int, work: Path
) -> Results:
    folders = {n: fresh_copy(data[n] / "decade", work / f"latency-{n}") for n in trees}
    found: Results = {name: {"wall": [], "cpu": []} for name in trees}
    for round_ in range(rounds):
        for name in turns(trees, round_):
            got = in_tree(trees[name], "latency", str(folders[name]), str(runs))
            for key in ("wall", "cpu"):
                found[name][key].extend(got[key])
    return found


def run_history(trees: dict[str, Path], data: dict[str, Path], rounds: int) -> Results:
    found: Results = {
        name: {"first": [], "instant": [], "base": [], "later": [], "switch": {}, "resize": {}}
        for name in trees
    }
    found["minimal"] = {"resize": {}}

    def add_stalls(into: dict[str, list[float]], got: dict[str, list[list[float]]]) -> None:
        for pattern, values in got.items():
            into.setdefault(pattern, []).extend(gap for gap, _cpu in values)

    for round_ in range(rounds):
        for name in turns(trees, round_):
            tree, folder = trees[name], str(data[name] / "history")
            mine = found[name]
            first = in_tree(tree, "first-open", folder)
            mine["base"].append(first["base"])
            mine["first"].append(first["first"] - first["base"])
            instant = in_tree(tree, "first-open", folder, "instant")
            mine["base"].append(instant["base"])
            mine["instant"].append(instant["first"] - instant["base"])
            add_stalls(mine["resize"], in_tree(tree, "resize", "history", folder))
            if round_ < 2:
                later = in_tree(tree, "later", folder)
                mine["base"].append(later["base"])
                mine["later"].append(statistics.median(later["later"]))
                for key, values in later["switch"].items():
                    mine["switch"].setdefault(key, []).extend(values)
        add_stalls(found["minimal"]["resize"], in_tree(trees["after"], "resize", "minimal", "-"))
        print(f"  history round {round_ + 1} of {rounds} done", flush=True)
    return found


def run_practice(
    trees: dict[str, Path], data: dict[str, Any], window: float, timer: float
) -> Results:
    import bench_practice

    python = sys.executable
    found: Results = {
        "baseline": bench_practice.measure(
            "baseline", [python, "-c", bench_practice.BASELINE_APP], tree_env(ROOT), window
        )
    }
    argv = {
        "breathe": ["-m", "tui", "breathe"],
        "reduced": ["-m", "tui", "breathe"],
        "meditate": ["-m", "tui", "meditate", "--minutes", "20"],
    }
    for index, (case, args) in enumerate(argv.items()):
        for name in turns(trees, index):
            env = tree_env(trees[name], THAW_DATA_DIR=data[name]["practice"][case])
            found[f"{name} {case}"] = bench_practice.measure(case, [python, *args], env, window)
    if timer > 0:
        for name in trees:
            found[f"{name} timer"] = in_tree(trees[name], "timer", str(timer))
    return found


# --- the table -----------------------------------------------------------------------------

Row = tuple[str, str, str, str, str, str]
"""figure, before, after, after/before, before vs its baseline, after vs its baseline."""


def med(values: list[float]) -> float:
    return statistics.median(values)


def row(
    figure: str,
    before: float,
    after: float,
    show: Callable[[float], str],
    base: float | None = None,
    versus: str = "ratio",
) -> Row:
    """One line of the table; `versus` is how each value compares with `base`: a ratio ("ratio"),
    a difference ("ms over", "points over"), or nothing when the bench has none (`base` None)."""

    def against(value: float) -> str:
        if base is None:
            return ""
        if versus == "ms over":
            return f"{(value - base) * 1000:+.0f} ms"
        if versus == "points over":
            return f"{value - base:+.2f} points"
        return f"{value / base:.2f}x" if base else ""

    change = f"{after / before:.2f}" if before else ""
    return (figure, show(before), show(after), change, against(before), against(after))


def ms(value: float) -> str:
    return f"{value * 1000:.1f} ms"


def table(results: Results) -> list[Row]:
    rows: list[Row] = []
    if "startup" in results:
        s = results["startup"]
        first = {key: med(s["minimal"][key]) for key in ("paint", "cpu", "rss")}
        for key, what in (("paint", "first full paint"), ("cpu", "CPU by first paint")):
            rows.append((f"start-up: minimal app, {what}", ms(first[key]), "(same)", "", "", ""))
        rows.append(
            ("start-up: minimal app, peak RSS", f"{first['rss']:.1f} MiB", "(same)", "", "", "")
        )
        for label, name in (("empty store", "empty"), ("10 years", "10y")):
            b, a = s[f"before {name}"], s[f"after {name}"]
            for key, what, show in (
                ("paint", "first full paint", lambda v: f"{v * 1000:.0f} ms"),
                ("cpu", "CPU by first paint", lambda v: f"{v * 1000:.0f} ms"),
                ("rss", "peak RSS", lambda v: f"{v:.1f} MiB"),
            ):
                rows.append(
                    row(f"start-up, {label}: {what}", med(b[key]), med(a[key]), show, first[key])
                )
    if "cli" in results:
        c = results["cli"]
        for key in ("wall", "cpu"):
            base = med(c["pass"][key])
            rows.append((f"`python -c pass` ({key})", ms(base), "(same)", "", "", ""))
            for command in ("due", "due (login)", "log 6"):
                rows.append(
                    row(
                        f"`{command}` ({key})",
                        med(c[f"before {command}"][key]),
                        med(c[f"after {command}"][key]),
                        ms,
                        base,
                    )
                )
    if "save" in results:
        v = results["save"]
        for key in ("wall", "cpu"):
            for size, label in (("month", "1 month"), ("decade", "10 years")):
                b, a = med(v["before"][key][size]), med(v["after"][key][size])
                rows.append(
                    (
                        *row(f"save, {label} ({key})", b, a, lambda x: f"{x * 1000:.2f} ms")[:4],
                        f"{b / med(v['before'][key]['month']):.2f}x of 1 month",
                        f"{a / med(v['after'][key]['month']):.2f}x of 1 month",
                    )
                )
    if "latency" in results:
        lat = results["latency"]
        picks: tuple[tuple[str, str, Callable[[list[float]], float]], ...] = (
            ("wall", "median", med),
            ("wall", "p90", lambda xs: statistics.quantiles(xs, n=10, method="inclusive")[-1]),
            ("wall", "max", max),
            ("cpu", "median", med),
        )
        for key, label, pick in picks:
            b, a = pick(lat["before"][key]) / 1000, pick(lat["after"][key]) / 1000
            rows.append(row(f"Enter to disk, 10 years: {label} ({key})", b, a, ms))
    if "history" in results:
        h = results["history"]
        base = med(h["before"]["base"] + h["after"]["base"])
        rows.append(("history: minimal app key-to-paint", ms(base), "(same)", "", "", ""))
        over = lambda v: f"+{v * 1000:.0f} ms over it"  # noqa: E731
        for label, key in (
            ("history first open, fresh process, home settled", "first"),
            ("the same, h the instant home painted", "instant"),
        ):
            rows.append(row(label, med(h["before"][key]), med(h["after"][key]), over))
        rows.append(
            row(
                "later opens in one process",
                med(h["before"]["later"]),
                med(h["after"]["later"]),
                ms,
                base,
            )
        )
        for key in "yawm":
            rows.append(
                row(
                    f"range switch {key}: median",
                    med(h["before"]["switch"][key]),
                    med(h["after"]["switch"][key]),
                    ms,
                )
            )
        low = h["minimal"]["resize"]
        for pattern in ("steps", "hesitant", "drag"):
            for label, pick in (("median", med), ("max", max)):
                b, a = h["before"]["resize"][pattern], h["after"]["resize"][pattern]
                rows.append(
                    row(
                        f"resize stall, {pattern}: {label}",
                        pick(b),
                        pick(a),
                        ms,
                        pick(low[pattern]),
                        "ms over",
                    )
                )
    if "practice" in results:
        p = results["practice"]
        idle = p["baseline"]
        rows.append(
            (
                "practices: minimal app CPU / written",
                f"{idle['cpu_pct']:.2f}% / {idle['bytes_per_s'] / 1000:.2f} KB/s",
                "(same)",
                "",
                "",
                "",
            )
        )
        for case, label in (
            ("breathe", "breathing"),
            ("reduced", "breathing, reduced motion"),
            ("meditate", "meditation timer"),
        ):
            b, a = p[f"before {case}"], p[f"after {case}"]
            rows.append(
                row(
                    f"{label}: CPU",
                    b["cpu_pct"],
                    a["cpu_pct"],
                    lambda v: f"{v:.2f}%",
                    idle["cpu_pct"],
                    "points over",
                )
            )
            rows.append(
                row(
                    f"{label}: written",
                    b["bytes_per_s"],
                    a["bytes_per_s"],
                    lambda v: f"{v / 1000:.2f} KB/s",
                )
            )
        if "before timer" in p:
            rows.append(
                row(
                    "meditation timer: end, late by",
                    p["before timer"],
                    p["after timer"],
                    lambda v: f"{v * 1000:+.1f} ms",
                )
            )
    return rows


def print_table(rows: list[Row]) -> None:
    heads = ("figure", "before", "after", "after/before", "before vs baseline", "after vs baseline")
    print("| " + " | ".join(heads) + " |")
    print("|" + "---|" * len(heads))
    for line in rows:
        print("| " + " | ".join(line) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="another checkout of Thaw")
    parser.add_argument("--only", default=",".join(SECTIONS), help="sections, comma-separated")
    parser.add_argument("--quick", action="store_true", help="few runs of each (a trial run)")
    parser.add_argument("--startup-runs", type=int, default=15)
    parser.add_argument("--cli-runs", type=int, default=30)
    parser.add_argument("--save-rounds", type=int, default=4)
    parser.add_argument("--saves", type=int, default=30, help="saves a round into each store")
    parser.add_argument("--latency-rounds", type=int, default=2)
    parser.add_argument("--latency-runs", type=int, default=20)
    parser.add_argument("--history-rounds", type=int, default=3)
    parser.add_argument("--practice-window", type=float, default=20.0)
    parser.add_argument("--timer-seconds", type=float, default=12.0, help="0: no timer check")
    parser.add_argument("--json", type=Path, help="also write every sample here")
    args = parser.parse_args()
    if args.quick:
        args.startup_runs, args.cli_runs, args.save_rounds, args.saves = 2, 4, 2, 10
        args.latency_rounds, args.latency_runs, args.history_rounds = 1, 5, 1
        args.practice_window, args.timer_seconds = 4.0, 2.0
    sections = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections {sorted(unknown)}; known: {', '.join(SECTIONS)}")

    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="thaw-before-after-"))
    loads = [os.getloadavg()]
    try:
        label = copy_tree(args.before.resolve(), work / "before")
        trees = {"before": work / "before", "after": ROOT}
        print(f"before: {label}\nafter: {ROOT} at {describe(ROOT)}", flush=True)
        for tree in trees.values():
            compileall.compile_dir(tree / "tui", quiet=1)  # as `pip install` does
        prove_imports(trees)
        data: dict[str, Path] = {}
        practice_dirs: dict[str, Any] = {}
        for name, tree in trees.items():
            data[name] = work / f"data-{name}"
            made = in_tree(tree, "data", str(data[name]))
            practice_dirs[name] = made
            print(
                f"{name}: its own data sets: {made['month']} and {made['decade']:,} "
                "check-ins (1 month, 10 years), history's ten years",
                flush=True,
            )
        results: Results = {}
        steps: dict[str, Callable[[], Any]] = {
            "startup": lambda: run_startup(trees, data, args.startup_runs, work),
            "cli": lambda: run_cli(trees, data, args.cli_runs, work),
            "save": lambda: run_save(trees, data, args.save_rounds, args.saves, work),
            "latency": lambda: run_latency(
                trees, data, args.latency_rounds, args.latency_runs, work
            ),
            "history": lambda: run_history(trees, data, args.history_rounds),
            "practice": lambda: run_practice(
                trees, practice_dirs, args.practice_window, args.timer_seconds
            ),
        }
        for name in SECTIONS:
            if name in sections:
                at = time.perf_counter()
                print(f"{name}...", flush=True)
                results[name] = steps[name]()
                loads.append(os.getloadavg())
                print(
                    f"{name}: {time.perf_counter() - at:.0f} s, load {loads[-1][0]:.2f}", flush=True
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps({"loads": loads, "results": results}, indent=1))
    print()
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, whole run "
        f"{time.perf_counter() - started:.0f} s; 1-minute load average "
        f"{min(load[0] for load in loads):.2f} to {max(load[0] for load in loads):.2f}"
    )
    print_table(table(results))
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child_main(sys.argv[2], sys.argv[3:])
    else:
        raise SystemExit(main())
