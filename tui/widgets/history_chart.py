"""HistoryChart: plotext charts built in a worker thread and cached, so keys never wait on them."""

from __future__ import annotations

import contextvars
import io
import queue
import sys
import textwrap
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui.core.analysis.history_view import ChartSpec

if TYPE_CHECKING:
    from textual.geometry import Region
    from textual.timer import Timer

RGB = tuple[int, int, int]
SpecMaker = Callable[[int, int], ChartSpec]
"""Makes the spec for a chart `width` by `height` cells; runs in the worker thread."""

# Glyphs tell the stacked kinds apart even without colour (NO_COLOR, monochrome terminals).
STACK_GLYPHS = ("█", "▓", "▒", "░")
RESIZE_SETTLE = 0.06
"""Seconds without a new size before a resized chart is rebuilt (the old one is cropped)."""
PREFETCH_AFTER = 0.3
"""Seconds without a resize or a new chart before pictures asked for next are built: while
someone drags a window, the drawing thread would only compete with layout for the CPU."""
CACHE_PICTURES = 24
"""Pictures kept: every range of a few views at a couple of sizes, a few hundred KB at most."""


class Palette(NamedTuple):
    """Colours for one build, read from the app theme on the main thread."""

    main: RGB
    muted: RGB
    good: RGB
    marker: RGB
    stack: tuple[RGB, ...]
    canvas: RGB = (0, 0, 0)
    text: RGB = (255, 255, 255)


class _Job:
    """One picture: what (key), at which size, in which colours. Equal jobs, equal pictures
    (`make`, the function that makes the spec, is not compared: the key stands for it)."""

    __slots__ = ("height", "key", "make", "message", "palette", "width")

    def __init__(
        self,
        key: Hashable,
        width: int,
        height: int,
        palette: Palette,
        make: SpecMaker | None = None,
        message: str = "",
    ) -> None:
        self.key = key
        self.width = width
        self.height = height
        self.palette = palette
        self.make = make
        self.message = message

    def _identity(self) -> tuple[Hashable, int, int, Palette, str]:
        return (self.key, self.width, self.height, self.palette, self.message)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Job) and self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def __repr__(self) -> str:
        return f"_Job({self.key!r}, {self.width}x{self.height})"


Row = tuple[tuple[str, int], ...]
"""One line of a picture: (text, style number) runs."""


class _Picture(NamedTuple):
    """A finished picture, kept compact: strings and numbers only, which Python's garbage
    collector stops scanning, so a cache of big pictures does not lengthen its pauses."""

    job: _Job
    spec: ChartSpec | None
    rows: tuple[Row, ...]
    styles: tuple[Style, ...]
    plain: str

    def strips(self) -> list[Strip]:
        """The picture as lines for the screen (built when it is shown)."""
        styles = self.styles
        return [
            Strip([Segment(text, styles[index]) for text, index in row], self.job.width)
            for row in self.rows
        ]


def _picture(job: _Job, spec: ChartSpec | None, lines: list[Strip], plain: str) -> _Picture:
    """Pack ready-made lines into a compact picture."""
    numbers: dict[Style, int] = {}
    rows: list[Row] = []
    for line in lines[: job.height]:
        row: list[tuple[str, int]] = []
        for segment in line:
            style = segment.style or Style()
            index = numbers.setdefault(style, len(numbers))
            row.append((segment.text, index))
        rows.append(tuple(row))
    return _Picture(job, spec, tuple(rows), tuple(numbers), plain)


_warming: threading.Thread | None = None


def warm_up() -> None:
    """Start importing plotext in a thread, once per process, as soon as history is opened.

    The import takes about 40 ms; begun here, it runs while the screen reads the recent months
    and composes, instead of after the first layout, when the first chart is wanted.
    """
    global _warming
    if _warming is None and "textual_plotext.plot" not in sys.modules:
        _warming = threading.Thread(target=_import_plotext, name="plotext-import", daemon=True)
        _warming.start()


def _import_plotext() -> None:
    import textual_plotext.plot  # noqa: F401


def _bars(
    plt: Any,
    xs: Sequence[float],
    ys: Sequence[float],
    glyph: str,
    color: RGB,
    label: str,
    half: float,
) -> None:
    """One filled rectangle a bar, from zero, skipping zeros.

    plotext's own `bar` blanks the axis row under a zero-height bar and sizes bars from the
    spread of the points given, so a layer with gaps would change width; rectangles do neither.
    """
    labelled = False
    for x, y in zip(xs, ys, strict=True):
        if y <= 0:
            continue
        plt.rectangle(
            [x - half, x + half],
            [0, y],
            marker=glyph,
            color=color,
            fill=True,
            label=None if labelled else label,
        )
        labelled = True


def _plot(spec: ChartSpec, width: int, height: int, pal: Palette) -> Any:
    """A plotext figure of the spec (fresh each time: no plotext state is shared by threads).

    plotext is imported here, in the worker, so opening history never waits for that import
    on the main thread.
    """
    from textual_plotext.plot import Plot

    plt = Plot()
    plt.plotsize(width, height)
    plt._set_size(width, height)  # textual-plotext's own belt-and-braces resize
    # The colours textual-plotext's "auto" theme would use, set through plotext's public calls.
    plt.canvas_color(pal.canvas)
    plt.axes_color(pal.canvas)
    plt.ticks_color(pal.text)
    plt.title(spec.title)
    if spec.kind == "line":
        (series,) = spec.series
        if series.lows:
            plt.scatter(series.xs, series.lows, marker="·", color=pal.muted)
            plt.scatter(series.xs, series.highs, marker="·", color=pal.muted, label="low, high")
        plt.plot(series.xs, series.ys, marker="braille", color=pal.main, label="average")
        if len(series.xs) <= 31:  # few points: mark each so one-day gaps stay visible
            plt.scatter(series.xs, series.ys, marker="●", color=pal.main)
    elif spec.kind == "bars":
        # Pleasant ones are a part of all named, so their bar sits inside the taller one.
        named, pleasant = spec.series
        half = spec.bar_days * 0.3
        _bars(plt, named.xs, named.ys, "▒", pal.muted, named.label, half)
        _bars(plt, pleasant.xs, pleasant.ys, "█", pal.good, pleasant.label, half)
    else:
        # Stacked: draw running totals tallest first; each shorter bar covers the one below.
        totals = [0.0] * len(spec.series[0].xs) if spec.series else []
        layers = []
        for series in spec.series:
            totals = [t + y for t, y in zip(totals, series.ys, strict=True)]
            layers.append((series, list(totals)))
        for index in range(len(layers) - 1, -1, -1):
            series, tops = layers[index]
            glyph = STACK_GLYPHS[index % len(STACK_GLYPHS)]
            color = pal.stack[index % len(pal.stack)]
            _bars(plt, series.xs, tops, glyph, color, series.label, spec.bar_days * 0.4)
    for mark in spec.markers:
        plt.vline(mark.x, pal.marker)
    plt.xlim(0, max(spec.x_max, 1.0))
    plt.ylim(spec.y_min, spec.y_max)
    if spec.y_ticks:
        plt.yticks(list(spec.y_ticks), [f"{t:g}" for t in spec.y_ticks])
    plt.xticks([t.x for t in spec.ticks], [t.label for t in spec.ticks])
    return plt


_STYLES: dict[tuple[object, object, object], Style] = {}


def _cell_style(fg: object, style: object, bg: object) -> Style:
    """The Rich style of one plotext cell colouring, decoded once from plotext's own ANSI."""
    key = (fg, style, bg)
    found = _STYLES.get(key)
    if found is None:
        from plotext._utility import colors_to_ansi

        spans = Text.from_ansi(colors_to_ansi(fg, style, bg) + "x").spans
        found = Style.combine(s.style for s in spans if isinstance(s.style, Style))
        _STYLES[key] = found
    return found


def _matrix_lines(plt: Any) -> list[Strip] | None:
    """The figure's cells straight into lines: no ANSI text written only to be parsed again.

    That round trip was half of every build. This reads plotext's cell matrix (plotext 5.3),
    and returns None if the figure looks different, so the caller takes the slow, public way.
    """
    try:
        plt._set_sizes()
        plt._build_matrix()
        matrix = plt.monitor.matrix
        markers, fgs, styles, bgs = (
            matrix.marker,
            matrix.fullground,
            matrix.style,
            matrix.background,
        )
    except AttributeError:
        return None
    lines: list[Strip] = []
    for row in range(len(markers) - 1, -1, -1):  # plotext keeps the bottom row first
        marks, fg_row, st_row, bg_row = markers[row], fgs[row], styles[row], bgs[row]
        segments: list[Segment] = []
        start = 0
        width = len(marks)
        for col in range(1, width + 1):
            if col == width or (
                fg_row[col] != fg_row[start]
                or st_row[col] != st_row[start]
                or bg_row[col] != bg_row[start]
            ):
                style = _cell_style(fg_row[start], st_row[start], bg_row[start])
                segments.append(Segment("".join(marks[start:col]), style))
                start = col
        lines.append(Strip(segments, width))
    return lines


def _release(plt: Any) -> None:
    """Break the figure's references to itself, so it is freed now and not left for Python's
    cycle collector, whose pauses hold every thread (the main one too) while it runs."""
    figures = [getattr(plt, "_dummy", None), plt]
    figures += [figure for row in getattr(plt, "subfig", ()) for figure in row]
    for figure in figures:
        if figure is not None and hasattr(figure, "__dict__"):
            vars(figure).clear()


def _ansi_lines(plt: Any, width: int, height: int) -> list[Strip]:
    """The public way: plotext's ANSI picture, parsed and cut into lines by Rich."""
    text = Text.from_ansi(plt.build(), no_wrap=True, overflow="crop")
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        color_system="truecolor",
        force_terminal=True,
        legacy_windows=False,
    )
    lines = console.render_lines(text, console.options.update(width=width), pad=True)
    return [Strip(line, width) for line in lines[:height]]


def message_lines(text: str, width: int, height: int, colour: RGB) -> list[Strip]:
    """A sentence centred in the chart's place (no data yet, or none in this stretch)."""
    style = Style(color=f"rgb({colour[0]},{colour[1]},{colour[2]})")
    wrapped = textwrap.wrap(text, max(10, width - 4)) or [""]
    top = max(0, (height - len(wrapped)) // 2)
    lines = [Strip.blank(width, Style()) for _ in range(top)]
    lines += [Strip([Segment(line.center(width)[:width], style)], width) for line in wrapped]
    return lines[:height]


def draw(job: _Job) -> _Picture:
    """Worker thread: the spec for this size, then its picture as ready-made lines."""
    if job.make is None:
        lines = message_lines(job.message, job.width, job.height, job.palette.muted)
        return _picture(job, None, lines, job.message)
    spec = job.make(job.width, job.height)
    if not spec.has_data:
        lines = message_lines(spec.empty_text, job.width, job.height, job.palette.muted)
        return _picture(job, spec, lines, spec.empty_text)
    try:
        plt = _plot(spec, job.width, job.height, job.palette)
        try:
            lines = _matrix_lines(plt) or _ansi_lines(plt, job.width, job.height)
        finally:
            _release(plt)
    except Exception:  # a plotext quirk must not take history down with it
        text = "This chart could not be drawn at this size."
        lines = message_lines(text, job.width, job.height, job.palette.muted)
    plain = "\n".join(line.text for line in lines)
    return _picture(job, spec, lines, plain)


class HistoryChart(Widget):
    """Shows a chart by key. Builds run in a thread one at a time and are cached by key, size
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
        """The drawing thread finished a picture."""

        def __init__(self, picture: _Picture) -> None:
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
        self._cache: OrderedDict[_Job, _Picture] = OrderedDict()
        self._shown: _Picture | None = None
        self._lines: list[Strip] = []  # the shown picture, as lines
        self._palette_for: tuple[str, Palette] | None = None
        self._busy = False
        self._settling: Timer | None = None
        self._quiet: Timer | None = None  # running while prefetching waits for a calm moment
        self._base_style = Style()
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()

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
        """True while the drawing thread works on a picture."""
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
        # One drawing thread for the chart's life: a job reaches it at once, without waiting
        # for the event loop to start a worker, and its pictures come back as messages.
        context = contextvars.copy_context()
        thread = threading.Thread(
            target=context.run, args=(self._serve,), name="history-chart", daemon=True
        )
        thread.start()

    def on_unmount(self) -> None:
        self._jobs.put(None)

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

    def _job(self, key: Hashable, make: SpecMaker | None, message: str) -> _Job | None:
        width, height = self.size
        if width < 10 or height < 4:
            return None
        return _Job(key, width, height, self._palette(), make, message)

    def _wanted(self) -> _Job | None:
        return self._job(*self._want) if self._want else None

    def _cached(self, job: _Job | None) -> _Picture | None:
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

    def _next(self) -> _Job | None:
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
        self._jobs.put(job)

    def _serve(self) -> None:
        """Drawing thread: build each job and post the picture back, until told to stop."""
        # plotext is imported here, while the history is still being read, not on first use.
        import textual_plotext.plot  # noqa: F401

        while (job := self._jobs.get()) is not None:
            try:
                picture = draw(job)
            except Exception:  # a bug in one chart must not leave the others waiting forever
                text = "This chart could not be drawn."
                lines = message_lines(text, job.width, job.height, (128,) * 3)
                picture = _picture(job, None, lines, text)
            self.post_message(self.Built(picture))

    def on_history_chart_built(self, message: Built) -> None:
        picture = message.picture
        self._busy = False
        self._keep(picture)
        if picture.job == self._wanted():
            self._display(picture)
        self._pump()

    def _keep(self, picture: _Picture) -> None:
        self._cache[picture.job] = picture
        while len(self._cache) > CACHE_PICTURES:
            self._cache.popitem(last=False)

    def _display(self, picture: _Picture) -> None:
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
