"""HistoryChart: charts drawn by a worker thread and cached, so keys never wait on them."""

from __future__ import annotations

import sys
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from textual import work
from textual.color import Color
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui.widgets.chart_picture import (
    RGB,
    Job,
    Palette,
    Picture,
    SpecMaker,
    message_lines,
    pack,
)
from tui.widgets.chart_picture import draw as draw  # looked up here, so tests can count builds

if TYPE_CHECKING:
    from textual.app import App
    from textual.geometry import Region
    from textual.timer import Timer

    from tui.core.analysis.history_charts import ChartSpec

RESIZE_SETTLE = 0.06
"""Seconds without a new size before a resized chart is rebuilt (the old one is cropped)."""
PREFETCH_AFTER = 0.3
"""Seconds without a resize or a new chart before pictures asked for next are built: while
someone drags a window, the drawing thread would only compete with layout for the CPU."""
CACHE_PICTURES = 24
"""Pictures kept: every range of a few views at a couple of sizes, a few hundred KB at most."""


def warm_up(app: App[object]) -> None:
    """Import plotext in a worker, once per process, as soon as history is opened.

    The import takes about 40 ms; begun here, it runs while the screen reads the recent months
    and composes, instead of after the first layout, when the first chart is wanted.
    """
    if "textual_plotext.plot" not in sys.modules:
        app.run_worker(
            _import_plotext,
            thread=True,
            exclusive=True,
            group="plotext-import",
            exit_on_error=False,
        )


def _import_plotext() -> None:
    import textual_plotext.plot  # noqa: F401


class HistoryChart(Widget):
    """Shows a chart by key. Builds run in a worker one at a time and are cached by key, size
    and colours; the last picture stays up (cropped) until the next is ready, so switching is
    a lookup and resizing never blocks keys. Idle time builds the pictures asked for next.
    """

    DEFAULT_CSS = """
    HistoryChart {
        width: 1fr;
        height: 1fr;
        min-height: 8;
    }
    """

    class Built(Message, bubble=False):
        """The drawing worker finished a picture."""

        def __init__(self, picture: Picture) -> None:
            super().__init__()
            self.picture = picture

    class Painted(Message):
        """The picture wanted, at the current size, is on screen (benchmarks wait for it)."""

        def __init__(self, chart: HistoryChart) -> None:
            super().__init__()
            self.chart = chart

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._want: tuple[Hashable, SpecMaker | None, str] | None = None
        self._later: list[tuple[Hashable, SpecMaker]] = []
        self._cache: OrderedDict[Job, Picture] = OrderedDict()
        self._shown: Picture | None = None
        self._lines: list[Strip] = []  # the shown picture, as lines
        self._palette_for: tuple[str, Palette] | None = None
        self._busy = False
        self._settling: Timer | None = None
        self._quiet: Timer | None = None  # running while prefetching waits for a calm moment
        self._base_style = Style()

    # --- what to show ---------------------------------------------------------------------
    def show(self, key: Hashable, make: SpecMaker) -> None:
        """Show the chart `make` builds; `key` names it (equal keys must mean equal charts)."""
        self._want = (key, make, "")
        self._wait_for_quiet()
        self._update()

    def show_message(self, text: str) -> None:
        """Show a sentence instead of a chart."""
        self._want = (("message", text), None, text)
        self._update()

    def prefetch(self, charts: Sequence[tuple[Hashable, SpecMaker]]) -> None:
        """Build these in idle time, at the current size, so showing them later is instant."""
        self._later = list(charts)
        self._pump()

    @property
    def key(self) -> Hashable:
        """The key of the chart wanted on screen (None when none, or a sentence)."""
        return self._want[0] if self._want and self._want[1] is not None else None

    @property
    def spec(self) -> ChartSpec | None:
        """The spec of the picture on screen (None for a sentence or before the first)."""
        return self._shown.spec if self._shown else None

    @property
    def painted(self) -> bool:
        """True when the picture on screen is the one wanted, at the current size."""
        job = self._wanted()
        return job is not None and self._shown is not None and self._shown.job == job

    @property
    def building(self) -> bool:
        """True while the drawing worker works on a picture."""
        return self._busy

    @property
    def idle(self) -> bool:
        """True when nothing is being built and nothing more is waiting to be."""
        return (
            not self._busy
            and self._settling is None
            and self._quiet is None
            and self._next() is None
        )

    @property
    def picture_text(self) -> str:
        """The plain text on screen (for tests)."""
        return self._shown.plain if self._shown else ""

    # --- building ---------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._update())

    def on_resize(self) -> None:
        self._wait_for_quiet()
        if self._shown is None or self._cached(self._wanted()):
            self._update()  # the first size, or one drawn before: no need to wait
            return
        # A window being dragged sends many sizes: build once it has settled for a moment.
        if self._settling is not None:
            self._settling.stop()
        self._settling = self.set_timer(RESIZE_SETTLE, self._settled)

    def _settled(self) -> None:
        self._settling = None
        self._update()

    def _wait_for_quiet(self) -> None:
        if self._quiet is not None:
            self._quiet.stop()
        self._quiet = self.set_timer(PREFETCH_AFTER, self._quieted)

    def _quieted(self) -> None:
        self._quiet = None
        self._pump()

    def _job(self, key: Hashable, make: SpecMaker | None, message: str) -> Job | None:
        width, height = self.size
        if width < 10 or height < 4:
            return None
        return Job(key, width, height, self._palette(), make, message)

    def _wanted(self) -> Job | None:
        return self._job(*self._want) if self._want else None

    def _cached(self, job: Job | None) -> Picture | None:
        picture = self._cache.get(job) if job is not None else None
        if picture is not None:
            self._cache.move_to_end(job)  # type: ignore[arg-type]
        return picture

    def _update(self) -> None:
        """Put the wanted picture up if it is ready; otherwise have it built first."""
        job = self._wanted()
        if job is None:
            return
        if self._shown is not None and self._shown.job == job:
            return
        picture = self._cached(job)
        if picture is None and job.make is None:
            # A sentence is cheap: draw it here rather than wait for the worker.
            picture = draw(job)
            self._keep(picture)
        if picture is not None:
            self._display(picture)
        self._pump()

    def _next(self) -> Job | None:
        """The wanted picture first; then, once it is up and no resize is settling, the rest."""
        job = self._wanted()
        if job is None:
            return None
        if self._cached(job) is None:
            return job
        if self._settling is not None or self._quiet is not None:
            return None
        for key, make in self._later:
            later = self._job(key, make, "")
            if later is not None and later not in self._cache:
                return later
        return None

    def _pump(self) -> None:
        """Start the next build if none is running."""
        if self._busy or self._settling is not None:
            return
        job = self._next()
        if job is None:
            return
        self._busy = True
        self._draw(job)

    @work(thread=True, exclusive=True, group="chart-draw", exit_on_error=False)
    def _draw(self, job: Job) -> None:
        """Worker: build one picture and post it back (one at a time: see `_busy`)."""
        try:
            picture = draw(job)
        except Exception:  # a bug in one chart must not leave the others waiting forever
            text = "This chart could not be drawn."
            lines = message_lines(text, job.width, job.height, (128,) * 3)
            picture = pack(job, None, lines, text)
        self.post_message(self.Built(picture))

    def on_history_chart_built(self, message: Built) -> None:
        picture = message.picture
        self._busy = False
        self._keep(picture)
        if picture.job == self._wanted():
            self._display(picture)
        self._pump()

    def _keep(self, picture: Picture) -> None:
        self._cache[picture.job] = picture
        while len(self._cache) > CACHE_PICTURES:
            self._cache.popitem(last=False)

    def _display(self, picture: Picture) -> None:
        self._shown = picture
        self._lines = picture.strips()
        self.refresh()
        self.post_message(self.Painted(self))

    # --- colours ----------------------------------------------------------------------------
    def _palette(self) -> Palette:
        theme = self.app.theme
        if self._palette_for is None or self._palette_for[0] != theme:
            self._palette_for = (theme, self._read_palette())
        return self._palette_for[1]

    def _read_palette(self) -> Palette:
        variables = self.app.theme_variables

        def rgb(name: str, fallback: str) -> RGB:
            color = Color.parse(variables.get(name, fallback))
            return (color.r, color.g, color.b)

        return Palette(
            main=rgb("primary", "#88c0d0"),
            muted=rgb("foreground-muted", "#888888"),
            good=rgb("success", "#a3be8c"),
            marker=rgb("warning", "#ebcb8b"),
            stack=(
                rgb("primary", "#88c0d0"),
                rgb("secondary", "#b48ead"),
                rgb("accent", "#d08770"),
                rgb("success", "#a3be8c"),
            ),
            canvas=rgb("surface", "#1e1e1e"),
            text=rgb("foreground", "#e0e0e0"),
        )

    # --- painting ---------------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's own style, looked up once a pass rather than once a line.
        self._base_style = self.rich_style
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """A ready-made line of the picture (built in the worker), cropped or padded to fit."""
        width = self.size.width
        lines = self._lines
        if y < len(lines):
            line = lines[y]
            if line.cell_length == width:
                return line
            return line.crop_extend(0, width, self._base_style)
        return Strip.blank(width, self._base_style)
