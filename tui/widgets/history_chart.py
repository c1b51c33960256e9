"""HistoryChart: a plotext chart of a ChartSpec, drawn off the main thread so keys never wait."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot

from tui.core.history_view import ChartSpec

RGB = tuple[int, int, int]

# Glyphs tell the stacked kinds apart even without colour (NO_COLOR, monochrome terminals).
STACK_GLYPHS = ("█", "▓", "▒", "░")


@dataclass(frozen=True, slots=True)
class Palette:
    """Colours for one build, read from the app theme on the main thread."""

    main: RGB
    muted: RGB
    good: RGB
    marker: RGB
    stack: tuple[RGB, ...]


@dataclass(frozen=True, slots=True)
class _Job:
    """What one build draws: a spec at a size in a theme. Equal jobs give equal pictures."""

    spec: ChartSpec
    width: int
    height: int
    theme: str
    palette: Palette


def _bars(
    plt: Plot,
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
            [x - half, x + half],  # type: ignore[arg-type]
            [0, y],  # type: ignore[arg-type]
            marker=glyph,
            color=color,
            fill=True,
            label=None if labelled else label,
        )
        labelled = True


def _draw(job: _Job) -> Text:
    """Build the picture with a fresh plotext figure (no state shared between threads)."""
    spec = job.spec
    plt = Plot()
    plt.plotsize(job.width, job.height)
    plt._set_size(job.width, job.height)  # textual-plotext's own belt-and-braces resize
    plt.theme(job.theme)
    plt.title(spec.title)
    pal = job.palette
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
    # Cropped, never wrapped: while a resize is being redrawn, the old picture is shown as is.
    return Text.from_ansi(plt.build(), no_wrap=True, overflow="crop")


def _strips(text: Text, width: int, height: int) -> list[Strip]:
    """Turn the picture into ready-made lines, so the main thread only copies them to screen.

    A plotext picture styles every cell; converting that on the main thread cost hundreds of
    milliseconds on a big terminal, which is exactly the time keys would have waited.
    """
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


class HistoryChart(PlotextPlot):
    """Shows a ChartSpec. Builds happen in a thread, one at a time; the last picture stays up
    until the next is ready, so resizing a big terminal never blocks keys.
    """

    DEFAULT_CSS = """
    HistoryChart {
        width: 1fr;
        height: 1fr;
        min-height: 8;
    }
    """

    class Painted(Message):
        """A picture matching the current spec and size is on screen (benchmarks wait for it)."""

        def __init__(self, chart: HistoryChart) -> None:
            super().__init__()
            self.chart = chart

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._spec: ChartSpec | None = None
        self._picture: tuple[_Job, Text] | None = None
        self._lines: list[Strip] = []
        self._palette_for: tuple[str, Palette] | None = None
        self._size_hint = Size(0, 0)
        self._busy = False

    @property
    def spec(self) -> ChartSpec | None:
        """What the chart shows now (or will, once built)."""
        return self._spec

    @property
    def painted(self) -> bool:
        """True when the picture on screen is of the current spec at the current size."""
        job = self._wanted()
        return job is not None and self._picture is not None and self._picture[0] == job

    @property
    def picture_text(self) -> str:
        """The plain text of the current picture (for tests)."""
        return self._picture[1].plain if self._picture else ""

    def show(self, spec: ChartSpec, size: Size | None = None) -> None:
        """Draw this spec next (nothing happens if it is the one already shown).

        `size` is where the chart is about to be laid out (its container's size) when it is
        not on screen yet: drawing can start now instead of after the next layout pass.
        """
        if size is not None and not self.size:
            self._size_hint = size
        if spec == self._spec:
            return
        self._spec = spec
        self._request()

    def on_resize(self) -> None:
        self._request()

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
        )

    def _wanted(self) -> _Job | None:
        width, height = self.size or self._size_hint
        if self._spec is None or width < 10 or height < 4:
            return None
        theme = self._get_plotext_theme_name(self.app.theme)
        return _Job(self._spec, width, height, theme, self._palette())

    def _request(self) -> None:
        """Start a build if the picture is out of date and none is running."""
        job = self._wanted()
        if self._busy or job is None or (self._picture is not None and self._picture[0] == job):
            return
        self._busy = True
        self.run_worker(lambda: self._build(job), thread=True, group="chart", exit_on_error=False)

    def _build(self, job: _Job) -> None:
        """Worker thread: draw, then hand the picture to the main thread."""
        try:
            text = _draw(job)
        except Exception:  # a plotext quirk must not take history down with it
            text = Text("This chart could not be drawn at this size.")
        strips = _strips(text, job.width, job.height)
        # RuntimeError: the app closed while we drew; nobody is waiting for this picture.
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(self._finished, job, text, strips)

    def _finished(self, job: _Job, text: Text, strips: list[Strip]) -> None:
        self._busy = False
        self._picture = (job, text)
        self._lines = strips
        self.refresh()
        if self.painted:
            self.post_message(self.Painted(self))
        else:
            self._request()  # the size or spec moved on while we drew: draw again

    def render_line(self, y: int) -> Strip:
        """A ready-made line of the current picture (built in the worker), cropped to fit."""
        if y == 0:
            self._request()  # a theme change or first layout lands here; cheap when up to date
        width = self.size.width
        if y < len(self._lines):
            return self._lines[y].crop_extend(0, width, self.rich_style)
        return Strip.blank(width, self.rich_style)
