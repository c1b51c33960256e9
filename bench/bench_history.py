"""History with ten years of data against a minimal Textual app, in one run.

Measures (headless, same process, same machine load):
- key to painted: a minimal app pushing a one-Label screen vs Thaw opening history from home
  until its first view (the month's mood chart, the insights) is on screen; the first open
  includes importing the history modules and plotext;
- range switch: y/a/w/m on the mood chart until the new chart is painted, once history has
  read everything (reported: how long after opening that was) and again while it still reads;
- resize: the longest the event loop stalls (so a key would wait) while the terminal is resized
  on the all-time chart, against the minimal app doing the same, each in a fresh process (as the
  app runs: only its own objects in memory) and in three patterns: steps between 80x24 and
  200x60 a moment apart, a hesitant drag (a new size just as the chart for the last one is being
  drawn) and a fast drag (a new size every 20 ms).

Run: .venv/bin/python bench/bench_history.py [--profile open|switch|resize]
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import cProfile
import functools
import json
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.binding import Binding, BindingType  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import Footer, Header, Label  # noqa: E402

from tests.history_data import LONDON, prepared_dir  # noqa: E402
from tui.app import ThawApp  # noqa: E402
from tui.core.clock import FakeClock  # noqa: E402
from tui.core.content import Content  # noqa: E402
from tui.core.store import Store  # noqa: E402

END = datetime(2026, 11, 25, 9, 30, tzinfo=LONDON)
REPEAT = 5
FIRST_RUNS = 5
SIZES = ((200, 60), (120, 40), (80, 24), (200, 60), (80, 24))
RESIZE_RUNS = 3
"""Fresh processes for each app's resizes."""
HESITANT = tuple((140 + 6 * i, 40 + i) for i in range(8))
"""Sizes never drawn before, so each one has its chart built (the 75 ms pause lets it start)."""
DRAG = tuple((100 + 5 * i, 30 + i) for i in range(16))


class LagMonitor:
    """Longest gap between 5 ms ticks of the event loop: how long a key could have waited.

    `worst_cpu` is the main thread's own CPU time inside that gap; the rest of the gap was
    spent waiting for the CPU (other processes on a busy machine, or our drawing thread).
    """

    def __init__(self) -> None:
        self.worst = 0.0
        self.worst_cpu = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            start = time.perf_counter()
            cpu = time.thread_time()
            await asyncio.sleep(0.005)
            gap = time.perf_counter() - start - 0.005
            if gap > self.worst:
                self.worst = gap
                self.worst_cpu = time.thread_time() - cpu

    def start(self) -> None:
        self.worst = 0.0
        self.worst_cpu = 0.0
        self._task = asyncio.get_running_loop().create_task(self._run())

    def stop(self) -> float:
        if self._task:
            self._task.cancel()
        return self.worst


class Target(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Label("hello")

    def on_mount(self) -> None:
        self.call_after_refresh(self.app.painted)  # type: ignore[attr-defined]


class Minimal(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("h", "go", "Go")]

    def __init__(self) -> None:
        super().__init__()
        self.done_at = 0.0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("minimal")
        yield Footer()

    def action_go(self) -> None:
        self.push_screen(Target())

    def painted(self) -> None:
        self.done_at = time.perf_counter()


async def until(check: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.001)


class Stalls:
    """Each resize's longest event-loop stall and the main thread's CPU time inside it."""

    def __init__(self) -> None:
        self.found: dict[str, list[tuple[float, float]]] = {}

    async def measure(
        self, pattern: str, lag: LagMonitor, step: Callable[[], Awaitable[None]]
    ) -> None:
        lag.start()
        await step()
        self.found.setdefault(pattern, []).append((lag.stop(), lag.worst_cpu))


async def resize_patterns(
    pilot: object, settle: Callable[[], Awaitable[object]], stalls: Stalls
) -> None:
    """The three patterns, a stall measured per resize (`settle` waits for the screen to be
    painted again). `pilot.resize_terminal` is how Textual's own tests resize: the same Resize
    event the terminal driver posts on SIGWINCH."""
    lag = LagMonitor()
    resize = pilot.resize_terminal  # type: ignore[attr-defined]

    async def to(size: tuple[int, int], wait: float) -> None:
        await resize(*size)
        await asyncio.sleep(wait)
        await settle()

    for size in SIZES:  # steps: a moment between sizes, the chart redrawn for each
        await stalls.measure("steps", lag, functools.partial(to, size, 0.3))
    for size in HESITANT:  # a pause just long enough for the new size's chart to be started
        await stalls.measure("hesitant", lag, functools.partial(to, size, 0.075))
    await asyncio.sleep(0.5)

    async def drag(sizes: tuple[tuple[int, int], ...]) -> None:
        for size in sizes:
            await resize(*size)
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.3)
        await settle()

    # One stall a drag: the longest over all its sizes. Out, then back.
    await stalls.measure("drag", lag, functools.partial(drag, DRAG))
    await stalls.measure("drag", lag, functools.partial(drag, DRAG[::-1]))


async def resize_child(kind: str, data_dir: Path, profile: bool) -> None:
    """In a fresh process: the resize patterns on the minimal app or on history's all-time
    chart (ten years), printed as JSON."""
    stalls = Stalls()
    prof = Profiler("resize" if profile else "")
    if kind == "minimal":
        app = Minimal()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            prof.start("resize")
            await resize_patterns(pilot, pilot.pause, stalls)
            prof.stop("resize")
    else:

        async def body(app: ThawApp, pilot: object) -> None:
            await pilot.press("h")  # type: ignore[attr-defined]
            await painted_after(app)
            await pilot.press("a")  # type: ignore[attr-defined]
            await painted_after(app)
            await until(lambda: history_settled(app))
            prof.start("resize")
            await resize_patterns(pilot, lambda: painted_after(app), stalls)
            prof.stop("resize")

        await with_history(data_dir, Content(), body)
    if profile:
        prof.report()
    print(json.dumps(stalls.found))


def in_child(*args: str) -> Any:
    """Run this script in a fresh process with `args`; the JSON it prints last."""
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def resize_runs(kind: str, data_dir: Path, runs: int) -> dict[str, list[tuple[float, float]]]:
    """Every pattern's stalls over `runs` fresh processes, one after another."""
    found: dict[str, list[tuple[float, float]]] = {}
    for _ in range(runs):
        for pattern, values in in_child("--resize-child", kind, str(data_dir)).items():
            found.setdefault(pattern, []).extend(tuple(v) for v in values)
    return found


async def minimal_key_to_paint() -> float:
    """The minimal app's key-to-paint (no event-loop monitor runs: its 5 ms ticks would take
    the interpreter from a drawing thread 200 times a second and slow what they measure)."""
    app = Minimal()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        press = asyncio.create_task(pilot.press("h"))  # pilot.press also waits for idle
        await until(lambda: app.done_at > 0)
        await press
        return app.done_at - start


async def first_open_child(data_dir: Path, instant: bool = False) -> None:
    """In a fresh process: the minimal app's key-to-paint, then history's very first open
    (reading ten years, drawing the first chart), printed as JSON.

    A person looks at home before pressing h, so by default the key comes once home has
    settled (its after-paint work done, about a second). `instant` presses h the moment home
    has painted, before that work (it includes importing history's code and plotext).
    """
    base = statistics.median([await minimal_key_to_paint() for _ in range(3)])
    first = [0.0]

    async def body(app: ThawApp, pilot: object) -> None:
        if not instant:
            await asyncio.sleep(1.0)
            await app.workers.wait_for_complete()
        start = time.perf_counter()
        press = asyncio.create_task(pilot.press("h"))  # type: ignore[attr-defined]
        first[0] = await painted_after(app) - start
        await press

    await with_history(data_dir, Content(), body)
    print(json.dumps({"base": base, "first": first[0]}))


def first_opens(data_dir: Path, runs: int, instant: bool = False) -> list[tuple[float, float]]:
    """(minimal, history first open) from `runs` fresh processes, one after another."""
    results = []
    extra = ["--instant"] if instant else []
    for _ in range(runs):
        found = in_child("--first-open-child", str(data_dir), *extra)
        results.append((found["base"], found["first"]))
    return results


async def with_history(
    data_dir: Path, content: Content, body: Callable[[ThawApp, object], Awaitable[None]]
) -> None:
    clock = FakeClock(END)
    app = ThawApp(Store(data_dir, clock), content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await body(app, pilot)


def history_ready(app: ThawApp, key: str = "") -> bool:
    from tui.screens.history import RANGE_KEYS, HistoryScreen

    screen = app.screen
    if not isinstance(screen, HistoryScreen):
        return False
    if key and RANGE_KEYS[screen.range] != key:
        return False  # the key has not been handled yet
    return screen.ready


async def painted_after(app: ThawApp, key: str = "") -> float:
    """Wait for history to be ready, then for the next screen refresh; return that moment."""
    await until(lambda: history_ready(app, key))
    done: list[float] = []
    app.screen.call_after_refresh(lambda: done.append(time.perf_counter()))
    await until(lambda: bool(done))
    return done[0]


def history_settled(app: ThawApp) -> bool:
    from tui.screens.history import HistoryScreen

    screen = app.screen
    return isinstance(screen, HistoryScreen) and screen.settled


class Profiler:
    """cProfile of the main thread (the one keys wait on) around one kind of step."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.profile = cProfile.Profile()

    def start(self, what: str) -> None:
        if what == self.what:
            self.profile.enable()

    def stop(self, what: str) -> None:
        if what == self.what:
            self.profile.disable()

    def report(self) -> None:
        if self.what:
            print(f"\n--- main-thread profile: {self.what} (all rounds) ---")
            pstats.Stats(self.profile).sort_stats("cumulative").print_stats(35)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", choices=("open", "switch", "resize"), default="")
    parser.add_argument("--first-open-child", metavar="DATA_DIR", help=argparse.SUPPRESS)
    parser.add_argument("--instant", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--resize-child", nargs=2, metavar=("KIND", "DATA_DIR"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.first_open_child:
        await first_open_child(Path(args.first_open_child), instant=args.instant)
        return
    if args.resize_child:
        kind, where = args.resize_child
        await resize_child(kind, Path(where), profile=False)
        return
    prof = Profiler(args.profile)
    # Bytecode as an installed copy has it (pip compiles on install): without this, a run with
    # PYTHONDONTWRITEBYTECODE=1 would time the compiler on every module just edited.
    compileall.compile_dir(ROOT / "tui", quiet=1)
    tmp = Path(tempfile.mkdtemp(prefix="thaw-bench-history-"))
    print("Preparing ten years of history (generated, fixed seed)...", flush=True)
    data_dir = prepared_dir(tmp / "data", END)
    content = Content()
    if args.profile == "resize":
        await resize_child("history", data_dir, profile=True)  # in this process, profiled
        return

    print(f"First opens, each in a fresh process ({FIRST_RUNS})...", flush=True)
    fresh = first_opens(data_dir, FIRST_RUNS)
    instant = first_opens(data_dir, 3, instant=True)
    minimal = [await minimal_key_to_paint() for _ in range(REPEAT)]
    print(f"Resizes, each app in {RESIZE_RUNS} fresh processes...", flush=True)
    minimal_resizes = resize_runs("minimal", data_dir, RESIZE_RUNS)
    history_resizes = resize_runs("history", data_dir, RESIZE_RUNS)
    preloaded = [name for name in ("plotext", "tui.screens.history") if name in sys.modules]
    opens: list[float] = []
    settle: list[float] = []
    switches: dict[str, list[float]] = {"y": [], "a": [], "w": [], "m": []}
    early: dict[str, list[float]] = {"y": [], "a": []}
    checkins = 0

    async def switch(app: ThawApp, pilot: object, key: str) -> float:
        start = time.perf_counter()
        press = asyncio.create_task(pilot.press(key))  # type: ignore[attr-defined]
        took = await painted_after(app, key) - start
        await press
        return took

    for round_ in range(REPEAT):

        async def body(app: ThawApp, pilot: object, round_: int = round_) -> None:
            nonlocal checkins
            prof.start("open")
            start = time.perf_counter()
            press = asyncio.create_task(pilot.press("h"))  # type: ignore[attr-defined]
            opens.append(await painted_after(app) - start)
            prof.stop("open")
            await press
            if round_ % 2:
                # A quick key right after opening, while the older years are still being read.
                for key in ("y", "a"):
                    early[key].append(await switch(app, pilot, key))
                await pilot.press("m")  # type: ignore[attr-defined]
            await until(lambda: history_settled(app))
            settle.append(time.perf_counter() - start)
            checkins = app.screen.data.checkin_count  # type: ignore[attr-defined]
            prof.start("switch")
            for key in ("y", "a", "w", "m"):
                switches[key].append(await switch(app, pilot, key))
            prof.stop("switch")

        await with_history(data_dir, content, body)

    ms = 1000.0
    base = statistics.median(minimal)
    warm = statistics.median(opens[1:])
    deltas = sorted(first - base_ for base_, first in fresh)
    first = statistics.median(first for _, first in fresh)
    first_delta = statistics.median(deltas)
    print(f"check-ins in the store: {checkins}; imported before the first open: {preloaded}")
    print(f"minimal app key-to-paint (median of {REPEAT}): {base * ms:.1f} ms")
    print(
        f"history key-to-painted, first open in a fresh process, h pressed once home has "
        f"settled (~1 s), {FIRST_RUNS} processes: median {first * ms:.1f} ms, "
        f"+{first_delta * ms:.1f} ms over that process's minimal app "
        f"(each: {', '.join(f'+{d * ms:.0f}' for d in deltas)})"
    )
    instant_deltas = sorted(first - base_ for base_, first in instant)
    print(
        "  (not a budget) h pressed the moment home painted, before its idle work: "
        f"median +{statistics.median(instant_deltas) * ms:.1f} ms "
        f"(each: {', '.join(f'+{d * ms:.0f}' for d in instant_deltas)})"
    )
    print(
        f"history key-to-painted, later opens in one process (median): {warm * ms:.1f} ms "
        f"(+{(warm - base) * ms:.1f} ms, x{warm / base:.1f})"
    )
    print(
        f"everything read and the other ranges prebuilt: {statistics.median(settle) * ms:.0f} ms "
        "after the key (median)"
    )
    for key, values in switches.items():
        print(
            f"range switch '{key}': median {statistics.median(values) * ms:.1f} ms, "
            f"max {max(values) * ms:.1f} ms"
        )
    for key, values in early.items():
        print(
            f"range switch '{key}' right after opening (older years still being read): "
            f"max {max(values) * ms:.1f} ms (not a budget: it waits for the read)"
        )
    print(
        f"event-loop stalls while resizing ({RESIZE_RUNS} fresh processes each; per resize, "
        "the longest gap a key would have waited, and the main thread's CPU in it):"
    )
    stall = 0.0
    for pattern, measured in history_resizes.items():
        stalls = sorted(gap for gap, _ in measured)
        cpu = max(measured)[1]
        low = sorted(gap for gap, _ in minimal_resizes[pattern])
        stall = max(stall, stalls[-1])
        print(
            f"  {pattern:<9} history: median {statistics.median(stalls) * ms:.1f} ms, "
            f"max {stalls[-1] * ms:.1f} ms (CPU {cpu * ms:.1f} ms) over {len(stalls)}; "
            f"minimal app: median {statistics.median(low) * ms:.1f} ms, max {low[-1] * ms:.1f} ms"
        )
    checks = {
        "open +250 ms": max(first_delta, warm - base) <= 0.250,
        "switch 100 ms": all(max(v) <= 0.100 for v in switches.values()),
        "resize stall 100 ms": stall <= 0.100,
    }
    print(
        "budgets:",
        ", ".join(f"{name} {'met' if ok else 'NOT met'}" for name, ok in checks.items()),
    )
    prof.report()


if __name__ == "__main__":
    asyncio.run(main())
