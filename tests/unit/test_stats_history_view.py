"""What the history screen draws, cut from aggregates: windows, ticks, bucketed chart specs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tui.core.analysis.history_charts import (
    Tick,
    daily_chart,
    practice_chart,
    range_chart,
    ticks,
    whole_ticks,
)
from tui.core.analysis.history_view import HistoryData, build, marker_strip, marker_when, window
from tui.core.errors import InputError
from tui.core.records.models import CheckIn, Marker, Session

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=LONDON)


def at(days_back: int, hour: int = 12) -> datetime:
    d = TODAY - timedelta(days=days_back)
    return datetime(d.year, d.month, d.day, hour, tzinfo=LONDON)


def data_of(
    checkins: Sequence[CheckIn], sessions: Sequence[Session] = (), markers: Sequence[Marker] = ()
) -> HistoryData:
    return build(
        checkins,
        sessions,
        markers,
        TODAY,
        valence={"calm": "pleasant"},
        names={},
        practice_labels={},
    )


def test_windows_end_today() -> None:
    data = data_of([CheckIn("a", at(400), 5)])
    assert window(data, "week") == (date(2026, 11, 19), TODAY)
    assert window(data, "month") == (date(2026, 10, 27), TODAY)
    assert window(data, "year") == (date(2025, 11, 26), TODAY)
    assert window(data, "all") == (TODAY - timedelta(days=400), TODAY)


def test_all_time_of_an_empty_history_is_a_week() -> None:
    assert window(data_of([]), "all") == (date(2026, 11, 19), TODAY)


def test_ticks_fall_on_even_days_and_include_the_end() -> None:
    # 6 days with up to 5 ticks: a step of 2 days -> 19, 21, 23, 25 Nov.
    assert ticks(date(2026, 11, 19), TODAY, 5) == (
        Tick(0.0, "19 Nov"),
        Tick(2.0, "21 Nov"),
        Tick(4.0, "23 Nov"),
        Tick(6.0, "25 Nov"),
    )
    # 29 days, 5 ticks: step 8 -> 0, 8, 16, 24, and the end (5 days on) is added.
    got = ticks(date(2026, 10, 27), TODAY, 5)
    assert [t.x for t in got] == [0.0, 8.0, 16.0, 24.0, 29.0]


def test_long_spans_are_labelled_by_year_without_repeats() -> None:
    got = ticks(date(2016, 11, 26), TODAY, 6)
    labels = [t.label for t in got]
    assert labels[0] == "2016" and labels[-1] == "2026"
    assert len(labels) == len(set(labels))


def test_whole_ticks_reach_the_top() -> None:
    assert whole_ticks(4.0) == (0.0, 1.0, 2.0, 3.0, 4.0)
    assert whole_ticks(11.3) == (0.0, 3.0, 6.0, 9.0, 12.0)
    assert whole_ticks(10.0) == (0.0, 2.0, 4.0, 6.0, 8.0, 10.0)


def test_daily_chart_is_bucketed_to_width_and_keeps_markers_in_view() -> None:
    checkins = [CheckIn(str(i), at(i), 1 + i % 10) for i in range(365)]
    markers = [Marker("m1", at(10), "started therapy", "therapy"), Marker("m2", at(500), "old")]
    spec = daily_chart(data_of(checkins, markers=markers), "year", 40, "mood")
    assert 30 <= len(spec.series[0].xs) <= 40
    assert [m.label for m in spec.markers] == ["started therapy"]
    assert spec.markers[0].x == 354.0  # 10 days before the end of a 365-day window
    assert (spec.y_min, spec.y_max) == (1.0, 10.0)


def test_daily_chart_of_a_stretch_without_checkins_has_no_data() -> None:
    spec = daily_chart(data_of([CheckIn("a", at(100), 5)]), "week", 70, "feel")
    assert not spec.has_data
    assert "how much you could feel" in spec.empty_text


def test_range_chart_counts_whole_weeks_from_the_ranges_first_day() -> None:
    checkins = [
        CheckIn("a", at(0), 5, emotions=("calm", "sad")),
        CheckIn("b", at(1), 5, emotions=("calm",)),
    ]
    spec = range_chart(data_of(checkins), "week", 70)
    named, pleasant = spec.series
    assert named.ys == (2.0,) and pleasant.ys == (1.0,)
    # Axis from Thu 19 Nov (the first of the last 7 days) to Sun 29 Nov, the end of this week.
    assert spec.x_max == 10
    assert spec.ticks[0] == Tick(0.0, "19 Nov")
    assert spec.bar_days == 7  # the week is one whole week, not cut at its Monday
    assert named.xs == (7.0,)  # Mon 23 Nov is x 4; the middle of its seven days is x 7


@pytest.mark.parametrize("chart", [range_chart, practice_chart])
def test_weekly_charts_on_last_30_days_start_at_its_first_day(chart: Any) -> None:
    """Not eight weeks back: "last 30 days" draws 27 Oct to 25 Nov, bars across all of it."""
    checkins = [CheckIn(str(d), at(d), 5, emotions=("calm",)) for d in range(0, 30, 3)]
    sessions = [Session(str(d), "breathe", "x", at(d), None, 120.0, True) for d in range(0, 30, 3)]
    spec = chart(data_of(checkins, sessions), "month", 70)
    assert spec.ticks[0] == Tick(0.0, "27 Oct")
    assert spec.ticks[-1].label == "25 Nov"
    assert spec.x_max == 29 + 4  # to Sun 29 Nov, the end of this week
    xs = spec.series[0].xs
    # Five weeks touch the 30 days: the first (from Mon 26 Oct) is drawn over its six days.
    assert len(xs) == 5 and xs[0] == 2.5 and xs[-1] == 27 + 3  # Mon 23 Nov is x 27


def test_practice_chart_stacks_kinds_on_shared_weeks() -> None:
    def s(days_back: int, kind: str, seconds: float) -> Session:
        return Session(str(days_back) + kind, kind, "x", at(days_back), None, seconds, True)  # type: ignore[arg-type]

    spec = practice_chart(data_of([], [s(0, "breathe", 120), s(8, "ground", 300)]), "month", 70)
    assert [x.label for x in spec.series] == ["breathing, 2 in all", "grounding, 5 in all"]
    assert spec.series[0].xs == spec.series[1].xs
    assert sorted(spec.series[0].ys) == [0.0, 2.0]
    assert sorted(spec.series[1].ys) == [0.0, 5.0]


def test_practice_under_a_minute_is_labelled_under_one_not_zero() -> None:
    short = Session("s", "breathe", "x", at(0), None, 20.0, True)
    spec = practice_chart(data_of([], [short]), "week", 70)
    assert [x.label for x in spec.series] == ["breathing, <1 in all"]


def test_marker_when_reads_today_as_now() -> None:
    assert marker_when("", NOW) == NOW
    assert marker_when("today", NOW) == NOW
    assert marker_when("2026-11-25", NOW) == NOW
    assert marker_when("2026-11-20", NOW) == datetime(2026, 11, 20, 12, tzinfo=LONDON)
    assert marker_when("3 days ago", NOW) == NOW - timedelta(days=3)
    with pytest.raises(InputError):
        marker_when("next week", NOW)


def test_range_chart_without_named_feelings_has_no_data() -> None:
    """Check-ins with no feelings named: the chart says so instead of drawing an empty frame."""
    spec = range_chart(data_of([CheckIn("a", at(0), 5), CheckIn("b", at(9), 6)]), "month", 70)
    assert not spec.has_data


def test_marker_strip_never_breaks_inside_a_marker() -> None:
    labels = ["26 Mar 2020 started therapy", "24 Nov 2021 moved house", "25 Jul 2023 changed dose"]
    wide = marker_strip(labels, 200)
    assert (
        wide
        == "│ 26 Mar 2020 started therapy   │ 24 Nov 2021 moved house   │ 25 Jul 2023 changed dose"
    )
    narrow = marker_strip(labels, 78)
    assert narrow == "│ 24 Nov 2021 moved house   │ 25 Jul 2023 changed dose   (+1 earlier)"
    for width in range(3, 120):
        line = marker_strip(labels, width)
        assert len(line) <= width
        shown = [part.strip() for part in line.split("(+")[0].split("│") if part.strip()]
        for part in shown:  # every marker shown is whole, or only the newest is cut with "…"
            assert part in labels or (part.endswith("…") and labels[-1].startswith(part[:-1]))
    assert marker_strip(labels, 20) == "│ 25 Jul 2023 chang…"
    assert marker_strip([], 80) == ""


def test_a_marker_ahead_of_now_is_told_as_a_marker_still_to_come() -> None:
    """The refusal names what was being dated: a marker, not a check-in."""
    for text in ("next week", "2027-01-01"):
        with pytest.raises(InputError) as caught:
            marker_when(text, NOW)
        assert "still to come. A marker can be for now or any time before;" in str(caught.value)
        assert "check-in" not in str(caught.value)
