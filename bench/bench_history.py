"""History with ten years of data against a minimal Textual app, in one run.

Measures (headless, same process, same machine load):
- key to painted: a minimal app pushing a one-Label screen vs Thaw opening history from home
  until the chart is drawn from the whole history (first open includes importing plotext);
- range switch: w/m/y/a on the mood chart until the new chart is painted;
- resize: the longest the event loop stalls (so a key would wait) while the terminal is resized
  between 80x24 and 200x60 on the all-time chart.

Run: .venv/bin/python bench/bench_history.py
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

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
SIZES = ((200, 60), (120, 40), (80, 24), (200, 60), (80, 24))


class LagMonitor:
    """Longest gap between 5 ms ticks of the event loop: how long a key could have waited."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            start = time.perf_counter()
            await asyncio.sleep(0.005)
            self.worst = max(self.worst, time.perf_counter() - start - 0.005)

    def start(self) -> None:
        self.worst = 0.0
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


async def minimal_resize_stall(lag: LagMonitor) -> float:
    """The same resizes on the minimal app: the stall any Textual app shows on this machine."""
    app = Minimal()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lag.start()
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await asyncio.sleep(0.05)
            await pilot.pause()
        return lag.stop()


async def minimal_key_to_paint() -> float:
    app = Minimal()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        press = asyncio.create_task(pilot.press("h"))  # pilot.press also waits for idle
        await until(lambda: app.done_at > 0)
        await press
        return app.done_at - start


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


async def main() -> None:
    import os

    if os.environ.get("SWITCH"):
        sys.setswitchinterval(float(os.environ["SWITCH"]))
    tmp = Path(tempfile.mkdtemp(prefix="thaw-bench-history-"))
    print("Preparing ten years of history (generated, fixed seed)...", flush=True)
    data_dir = prepared_dir(tmp / "data", END)
    content = Content()
    lag = LagMonitor()

    minimal = [await minimal_key_to_paint() for _ in range(REPEAT)]
    minimal_stall = max([await minimal_resize_stall(lag) for _ in range(REPEAT)])
    opens: list[float] = []
    open_lag: list[float] = []
    switches: dict[str, list[float]] = {"w": [], "m": [], "y": [], "a": []}
    resize_lag: list[float] = []
    checkins = 0

    for round_ in range(REPEAT):

        async def body(app: ThawApp, pilot: object, round_: int = round_) -> None:
            nonlocal checkins
            lag.start()
            start = time.perf_counter()
            press = asyncio.create_task(pilot.press("h"))  # type: ignore[attr-defined]
            opens.append(await painted_after(app) - start)
            await press
            open_lag.append(lag.stop())
            checkins = app.screen.data.checkin_count  # type: ignore[attr-defined]
            for key in ("y", "a", "w", "m"):
                start = time.perf_counter()
                press = asyncio.create_task(pilot.press(key))  # type: ignore[attr-defined]
                switches[key].append(await painted_after(app, key) - start)
                await press
            await pilot.press("a")  # type: ignore[attr-defined]
            await painted_after(app)
            lag.start()
            for size in SIZES:
                await pilot.resize_terminal(*size)  # type: ignore[attr-defined]
                await asyncio.sleep(0.05)
                await painted_after(app)
            resize_lag.append(lag.stop())

        await with_history(data_dir, content, body)

    ms = 1000.0
    base = statistics.median(minimal)
    first, warm = opens[0], statistics.median(opens[1:])
    print(f"check-ins in the store: {checkins}")
    print(f"minimal app key-to-paint (median of {REPEAT}): {base * ms:.1f} ms")
    print(
        f"history key-to-painted, first open (imports plotext): {first * ms:.1f} ms "
        f"(+{(first - base) * ms:.1f} ms, x{first / base:.1f})"
    )
    print(
        f"history key-to-painted, later opens (median): {warm * ms:.1f} ms "
        f"(+{(warm - base) * ms:.1f} ms, x{warm / base:.1f})"
    )
    print(f"longest event-loop stall while history opened: {max(open_lag) * ms:.1f} ms")
    for key, values in switches.items():
        print(
            f"range switch '{key}': median {statistics.median(values) * ms:.1f} ms, "
            f"max {max(values) * ms:.1f} ms"
        )
    print(
        f"longest event-loop stall during resizes: history {max(resize_lag) * ms:.1f} ms, "
        f"minimal app {minimal_stall * ms:.1f} ms"
    )
    budget_ok = first - base <= 0.250 and all(max(v) <= 0.100 for v in switches.values())
    print(
        "budgets (open +250 ms, switch 100 ms, resize stall 100 ms):",
        "met" if budget_ok and max(resize_lag) <= 0.100 else "NOT met",
    )


if __name__ == "__main__":
    asyncio.run(main())
