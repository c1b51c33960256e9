"""The history charts, computed without Textual: one spec per view and range, bucketed to width."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal, NamedTuple

from tui.core.analysis.history_view import (
    ChartView,
    HistoryData,
    RangeName,
    window,
)
from tui.core.analysis.stats import (
    Bucket,
    DayFeel,
    DayMood,
    Point,
    bucket,
    local_day,
    minutes_cell,
    mood_points,
    week_start,
)
from tui.core.records.models import SESSION_KINDS, SessionKind

CHART_FRAME = 9
"""Columns a chart spends on its y labels and frame; the rest is for points."""


class WeeklyWindow(NamedTuple):
    """Where a weekly chart's axis starts and ends, and the Mondays its weeks are counted from."""

    first: date
    """The range's first day: the axis starts here, so "last 30 days" shows 30 days."""
    origin: date
    """The Monday of the week holding `first`: buckets are whole ISO weeks from here."""
    last_week: date
    """The Monday of the range's last week."""
    end: date
    """The range's last day (today)."""


def weekly_window(data: HistoryData, name: RangeName) -> WeeklyWindow:
    """The window for weekly charts: the range's own days, its weeks counted as whole ISO weeks.

    The week holding the first day is drawn from that day on (its bar sits over the days of it
    inside the range), never by widening the axis to weeks outside the range.
    """
    start, end = window(data, name)
    return WeeklyWindow(start, week_start(start), week_start(end), end)


def _weekly_x(b: Bucket, first: date) -> float:
    """A weekly bucket's x: the middle of its days that fall inside the range."""
    return _bucket_x(b._replace(start=max(b.start, first)), first)


class Tick(NamedTuple):
    """A labelled position on the x axis (days from the window's start)."""

    x: float
    label: str


class MarkerMark(NamedTuple):
    """A marker placed on a chart: x in days from the window's start, with its short label."""

    x: float
    label: str
    kind: str


class Series(NamedTuple):
    """One line or set of bars: x in days from the window's start."""

    label: str
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    lows: tuple[float, ...] = ()
    highs: tuple[float, ...] = ()


class ChartSpec(NamedTuple):
    """Everything a chart widget needs to draw, already bucketed to fit its width."""

    kind: Literal["line", "bars", "stacked"]
    title: str
    series: tuple[Series, ...]
    x_max: float
    y_min: float
    y_max: float
    ticks: tuple[Tick, ...]
    markers: tuple[MarkerMark, ...] = ()
    empty_text: str = ""
    y_ticks: tuple[float, ...] = ()
    bar_days: float = 7.0  # days one bar stands for (bars are drawn a little narrower)

    @property
    def has_data(self) -> bool:
        """True when at least one point will be drawn."""
        return any(s.xs for s in self.series)


def whole_ticks(top: float, most: int = 5) -> tuple[float, ...]:
    """Whole-number y ticks from 0 to at least `top`, at most about `most` of them."""
    step = max(1, math.ceil(top / most))
    return tuple(float(v) for v in range(0, math.ceil(top) + step, step))


def _span_days(buckets: Sequence[Bucket]) -> float:
    """How many days a bucket spans (the first one is always whole)."""
    return float((buckets[0].end - buckets[0].start).days + 1) if buckets else 7.0


def _bucket_x(b: Bucket, start: date) -> float:
    """A bucket's x: the middle of the days it covers."""
    return (b.start - start).days + (b.end - b.start).days / 2


def ticks(start: date, end: date, count: int) -> tuple[Tick, ...]:
    """At most `count` date labels at even whole-day steps, worded for the span ("3 Mar",
    "Mar 24", "2019"); the last day is labelled too when it is not crowded by the one before.
    """
    total = (end - start).days
    if total <= 0 or count < 2:
        return (Tick(0.0, _tick_label(start, total)),)
    step = max(1, math.ceil(total / (count - 1)))
    offsets = list(range(0, total + 1, step))
    if total - offsets[-1] >= step / 2:
        offsets.append(total)
    result: list[Tick] = []
    for offset in offsets:
        label = _tick_label(start + timedelta(days=offset), total)
        if not result or result[-1].label != label:
            result.append(Tick(float(offset), label))
    return tuple(result)


def _tick_label(day: date, total: int) -> str:
    if total > 3 * 365:
        return f"{day:%Y}"
    if total > 120:
        return f"{day:%b %y}"
    return f"{day.day} {day:%b}"


def _markers(data: HistoryData, start: date, end: date) -> tuple[MarkerMark, ...]:
    return tuple(
        MarkerMark(float((local_day(m.at) - start).days), m.text, m.kind)
        for m in data.markers
        if start <= local_day(m.at) <= end
    )


def daily_chart(
    data: HistoryData, name: RangeName, width: int, which: Literal["mood", "feel"]
) -> ChartSpec:
    """Mood (1-10) or feel (0-10) per day: mean with low and high, at most `width` points."""
    start, end = window(data, name)
    days: Sequence[DayMood] | Sequence[DayFeel] = data.moods if which == "mood" else data.feels
    points = [p for p in mood_points(days) if start <= p.day <= end]
    buckets = bucket(points, start, end, max(1, width))
    title = "Mood, 1 to 10" if which == "mood" else "How much you could feel, 0 to 10"
    series = Series(
        "average",
        tuple(_bucket_x(b, start) for b in buckets),
        tuple(b.value for b in buckets),
        tuple(b.low for b in buckets),
        tuple(b.high for b in buckets),
    )
    return ChartSpec(
        "line",
        title,
        (series,),
        float((end - start).days),
        1.0 if which == "mood" else 0.0,
        10.0,
        ticks(start, end, max(2, width // 12)),
        _markers(data, start, end),
        empty_text="No check-ins in this stretch yet."
        if which == "mood"
        else "No ratings of how much you could feel in this stretch yet.",
        y_ticks=(1.0, 4.0, 7.0, 10.0) if which == "mood" else (0.0, 2.5, 5.0, 7.5, 10.0),
    )


def _weekly_points(values: Sequence[tuple[date, float]]) -> list[Point]:
    return [Point(day, v, v, v) for day, v in values]


def range_chart(data: HistoryData, name: RangeName, width: int) -> ChartSpec:
    """Different emotions named each week, and how many of them pleasant, as paired bars."""
    win = weekly_window(data, name)
    start, end = win.origin, win.last_week
    week_end = end + timedelta(days=6)  # buckets hold whole weeks, the last one too
    inside = [w for w in data.weeks if start <= w.week <= end and w.distinct]
    # Two bars per point: keep to half the width so bars never merge into a smear.
    limit = max(1, width // 3)
    distinct = bucket(
        _weekly_points([(w.week, w.distinct) for w in inside]), start, week_end, limit, 7
    )
    pleasant = bucket(
        _weekly_points([(w.week, w.pleasant) for w in inside]), start, week_end, limit, 7
    )
    top = max([b.value for b in distinct] + [4.0])
    return ChartSpec(
        "bars",
        "Different feelings named each week, and how many were pleasant",
        (
            Series(
                "named",
                tuple(_weekly_x(b, win.first) for b in distinct),
                tuple(b.value for b in distinct),
            ),
            Series(
                "pleasant",
                tuple(_weekly_x(b, win.first) for b in pleasant),
                tuple(b.value for b in pleasant),
            ),
        ),
        float((end - win.first).days + 6),
        0.0,
        whole_ticks(top)[-1],
        ticks(win.first, win.end, max(2, width // 12)),
        _markers(data, win.first, end + timedelta(days=6)),
        empty_text="No feelings named in this stretch yet.",
        y_ticks=whole_ticks(top),
        bar_days=_span_days(distinct),
    )


PRACTICE_LABELS: dict[SessionKind, str] = {
    "breathe": "breathing",
    "meditate": "meditation",
    "ground": "grounding",
    "idea": "ideas",
}


def practice_chart(data: HistoryData, name: RangeName, width: int) -> ChartSpec:
    """Minutes of practice per week, stacked by kind (breathing, meditation, grounding, ideas)."""
    win = weekly_window(data, name)
    start, end = win.origin, win.last_week
    week_end = end + timedelta(days=6)  # buckets hold whole weeks, the last one too
    inside = [w for w in data.practice if start <= w.week <= end]
    limit = max(1, width // 2)
    series = []
    spans: list[Bucket] = []
    for kind in SESSION_KINDS:
        buckets = bucket(
            _weekly_points([(w.week, w.minutes.get(kind, 0.0)) for w in inside]),
            start,
            week_end,
            limit,
            7,
        )
        spans = spans or buckets
        if any(b.value > 0 for b in buckets):
            series.append(
                Series(
                    PRACTICE_LABELS[kind],
                    tuple(_weekly_x(b, win.first) for b in buckets),
                    tuple(b.value for b in buckets),
                )
            )
    # Stacked bars need one shared x: fill the kinds that had no minutes in a bucket with 0.
    xs = sorted({x for s in series for x in s.xs})
    shown = {
        kind: sum(w.minutes.get(kind, 0.0) for w in inside if w.week >= win.origin)
        for kind in SESSION_KINDS
    }
    labels = {
        PRACTICE_LABELS[k]: f"{PRACTICE_LABELS[k]}, {minutes_cell(m)} in all"
        for k, m in shown.items()
    }
    aligned = tuple(
        Series(
            labels[s.label],
            tuple(xs),
            tuple(dict(zip(s.xs, s.ys, strict=True)).get(x, 0.0) for x in xs),
        )
        for s in series
    )
    totals = [sum(s.ys[i] for s in aligned) for i in range(len(xs))]
    return ChartSpec(
        "stacked",
        "Minutes of practice each week",
        aligned,
        float((end - win.first).days + 6),
        0.0,
        whole_ticks(max([*totals, 10.0]))[-1],
        ticks(win.first, win.end, max(2, width // 12)),
        _markers(data, win.first, end + timedelta(days=6)),
        empty_text="No practice in this stretch yet.",
        y_ticks=whole_ticks(max([*totals, 10.0])),
        bar_days=_span_days(spans),
    )


def chart_spec(data: HistoryData, view: ChartView, name: RangeName, width: int) -> ChartSpec:
    """The spec of one view and range with `width` columns for points."""
    if view == "mood" or view == "feel":
        return daily_chart(data, name, width, view)
    if view == "range":
        return range_chart(data, name, width)
    return practice_chart(data, name, width)


def chart_or_sentence(
    data: HistoryData, view: ChartView, name: RangeName, width: int, _height: int
) -> ChartSpec:
    """The chart for a view and range in a `width`-column picture, or, when it has nothing to
    draw, a kind sentence saying why and what to try (the chart widget builds this off the
    main thread, with the size it has)."""
    spec = chart_spec(data, view, name, max(10, width - CHART_FRAME))
    if spec.has_data:
        return spec
    if data.empty:
        text = (
            "Nothing here yet, and that is fine. After a few check-ins your days "
            "will show here. Press Esc, then c, whenever you like."
        )
    else:
        text = f"{spec.empty_text} Try a longer stretch: y for a year, a for all time."
    return spec._replace(empty_text=text)
