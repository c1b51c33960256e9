"""Chart pictures: a plotext figure of a chart spec, turned into ready-made lines off the main
thread. Pure drawing, no widget: `HistoryChart` runs `draw` in a worker and caches the result."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Hashable, Sequence
from typing import Any, NamedTuple

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from tui.core.analysis.history_charts import ChartSpec

RGB = tuple[int, int, int]
SpecMaker = Callable[[int, int], ChartSpec]
"""Makes the spec for a chart `width` by `height` cells; runs in the worker thread."""

# Glyphs tell the stacked kinds apart even without colour (NO_COLOR, monochrome terminals).
STACK_GLYPHS = ("█", "▓", "▒", "░")


class Palette(NamedTuple):
    """Colours for one build, read from the app theme on the main thread."""

    main: RGB
    muted: RGB
    good: RGB
    marker: RGB
    stack: tuple[RGB, ...]
    canvas: RGB = (0, 0, 0)
    text: RGB = (255, 255, 255)


class Job:
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
        return isinstance(other, Job) and self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def __repr__(self) -> str:
        return f"Job({self.key!r}, {self.width}x{self.height})"


Row = tuple[tuple[str, int], ...]
"""One line of a picture: (text, style number) runs."""


class Picture(NamedTuple):
    """A finished picture, kept compact: strings and numbers only, which Python's garbage
    collector stops scanning, so a cache of big pictures does not lengthen its pauses."""

    job: Job
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


def pack(job: Job, spec: ChartSpec | None, lines: list[Strip], plain: str) -> Picture:
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
    return Picture(job, spec, tuple(rows), tuple(numbers), plain)


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


def draw(job: Job) -> Picture:
    """Worker thread: the spec for this size, then its picture as ready-made lines."""
    if job.make is None:
        lines = message_lines(job.message, job.width, job.height, job.palette.muted)
        return pack(job, None, lines, job.message)
    spec = job.make(job.width, job.height)
    if not spec.has_data:
        lines = message_lines(spec.empty_text, job.width, job.height, job.palette.muted)
        return pack(job, spec, lines, spec.empty_text)
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
    return pack(job, spec, lines, plain)
