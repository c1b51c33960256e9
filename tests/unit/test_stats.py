"""Every aggregation in tui.core.analysis.stats against small examples worked out by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from itertools import count
from zoneinfo import ZoneInfo

import pytest

from tui.core.analysis.stats import (
    Bucket,
    CalendarCell,
    DayFeel,
    DayMood,
    FlatSign,
    Point,
    WeekRange,
    bucket,
    calendar_grid,
    daily_feel,
    daily_mood,
    day_series,
    flatness,
    local_day,
    mood_level,
    mood_points,
    sparkline,
    weekly_practice,
    weekly_range,
)
from tui.core.records.models import CheckIn, Session, SessionKind

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
_ids = count()

VALENCE = {
    "calm": "pleasant",
    "glad": "pleasant",
    "sad": "unpleasant",
    "numb": "unpleasant",
    "tired": "mixed",
}


def ci(
    at: datetime,
    mood: int,
    feel: int | None = None,
    emotions: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
) -> CheckIn:
    return CheckIn(id=str(next(_ids)), at=at, mood=mood, feel=feel, emotions=emotions, tags=tags)


def session(at: datetime, kind: SessionKind, seconds: float) -> Session:
    return Session(
        id=str(next(_ids)),
        kind=kind,
        detail="x",
        started_at=at,
        planned_seconds=None,
        actual_seconds=seconds,
        completed=True,
    )


def london(y: int, m: int, d: int, h: int = 12, mi: int = 0, fold: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=LONDON, fold=fold)


# --- daily mood / feel -----------------------------------------------------------------------


def test_no_checkins_gives_no_days() -> None:
    assert daily_mood([]) == []
    assert daily_feel([]) == []


def test_several_checkins_a_day_give_mean_low_and_high() -> None:
    # 3, 8 and 4 on one day: mean 5, low 3, high 8. One check-in the next day stands alone.
    days = daily_mood(
        [
            ci(london(2026, 5, 4, 8), 3),
            ci(london(2026, 5, 4, 13), 8),
            ci(london(2026, 5, 4, 21), 4),
            ci(london(2026, 5, 5, 9), 6),
        ]
    )
    assert days == [
        DayMood(date(2026, 5, 4), 5.0, 3, 8, 3),
        DayMood(date(2026, 5, 5), 6.0, 6, 6, 1),
    ]


def test_days_without_checkins_are_gaps_not_zeros() -> None:
    days = daily_mood([ci(london(2026, 5, 1), 4), ci(london(2026, 5, 4), 6)])
    assert [d.day for d in days] == [date(2026, 5, 1), date(2026, 5, 4)]
    assert day_series(days, date(2026, 5, 1), date(2026, 5, 4)) == [4.0, None, None, 6.0]


def test_input_order_does_not_matter() -> None:
    a = ci(london(2026, 5, 2), 2)
    b = ci(london(2026, 5, 1), 9)
    assert [d.day for d in daily_mood([a, b])] == [date(2026, 5, 1), date(2026, 5, 2)]


def test_feel_mean_skips_checkins_without_feel() -> None:
    # feel 2 and 5 (and one without): mean 3.5 over 2 ratings; a day with no feel is absent.
    days = daily_feel(
        [
            ci(london(2026, 5, 4, 8), 5, feel=2),
            ci(london(2026, 5, 4, 9), 5, feel=None),
            ci(london(2026, 5, 4, 20), 5, feel=5),
            ci(london(2026, 5, 5, 9), 5, feel=None),
        ]
    )
    assert days == [DayFeel(date(2026, 5, 4), 3.5, 2, 5, 2)]


def test_feel_zero_is_a_real_rating() -> None:
    assert daily_feel([ci(london(2026, 5, 4), 5, feel=0)])[0].mean == 0.0


def test_time_zone_change_keeps_each_checkin_on_its_own_local_day() -> None:
    # Travelling: 23:30 in New York on 10 March is 04:30 UTC on the 11th; it still belongs to
    # the 10th. 08:00 in Tokyo on the 12th is 23:00 UTC on the 11th; it belongs to the 12th.
    ny = datetime(2026, 3, 10, 23, 30, tzinfo=NEW_YORK)
    tokyo = datetime(2026, 3, 12, 8, 0, tzinfo=TOKYO)
    home = london(2026, 3, 10, 9)
    assert ny.astimezone(UTC).date() == date(2026, 3, 11)
    assert tokyo.astimezone(UTC).date() == date(2026, 3, 11)
    days = daily_mood([ci(home, 2), ci(ny, 6), ci(tokyo, 9)])
    assert days == [
        DayMood(date(2026, 3, 10), 4.0, 2, 6, 2),
        DayMood(date(2026, 3, 12), 9.0, 9, 9, 1),
    ]


def test_fixed_offsets_as_stored_in_files_count_by_their_own_date() -> None:
    # Records read back from disk often carry a plain offset, not a zone name.
    late = datetime(2026, 6, 1, 23, 59, tzinfo=timezone(timedelta(hours=-7)))
    early = datetime(2026, 6, 2, 0, 1, tzinfo=timezone(timedelta(hours=10)))
    assert [d.day for d in daily_mood([ci(late, 5), ci(early, 5)])] == [
        date(2026, 6, 1),
        date(2026, 6, 2),
    ]


def test_dst_spring_forward_london_day_is_whole() -> None:
    # 29 March 2026: clocks jump 01:00 -> 02:00. 00:30 GMT and 23:30 BST are the same day.
    before = london(2026, 3, 29, 0, 30)
    after = london(2026, 3, 29, 23, 30)
    assert before.utcoffset() == timedelta(0)
    assert after.utcoffset() == timedelta(hours=1)
    days = daily_mood([ci(before, 2), ci(after, 4), ci(london(2026, 3, 30, 0, 15), 8)])
    assert days == [
        DayMood(date(2026, 3, 29), 3.0, 2, 4, 2),
        DayMood(date(2026, 3, 30), 8.0, 8, 8, 1),
    ]


def test_dst_autumn_back_london_repeated_hour_is_one_day() -> None:
    # 25 October 2026: 01:30 happens twice (BST, then GMT). Both are 25 October; 23:30 GMT too.
    first = london(2026, 10, 25, 1, 30, fold=0)
    second = london(2026, 10, 25, 1, 30, fold=1)
    assert first.utcoffset() != second.utcoffset()
    days = daily_mood([ci(first, 1), ci(second, 3), ci(london(2026, 10, 25, 23, 30), 5)])
    assert days == [DayMood(date(2026, 10, 25), 3.0, 1, 5, 3)]
    # The late check-in is 23:30 UTC too, but 24 October's 23:30 BST is 22:30 UTC: still the 24th.
    assert local_day(london(2026, 10, 24, 23, 30)) == date(2026, 10, 24)


def test_mood_points_carry_low_and_high() -> None:
    days = [DayMood(date(2026, 1, 1), 5.0, 3, 8, 3)]
    assert mood_points(days) == [Point(date(2026, 1, 1), 5.0, 3.0, 8.0)]


# --- weekly range -----------------------------------------------------------------------------


def test_weekly_range_counts_distinct_and_pleasant_per_iso_week() -> None:
    # Week of Mon 4 May: calm, sad, calm again, glad -> 3 distinct, 2 pleasant (calm, glad).
    # Sun 10 May is still that week; Mon 11 May starts the next: tired (mixed) + unknown id.
    checkins = [
        ci(london(2026, 5, 4), 5, emotions=("calm", "sad")),
        ci(london(2026, 5, 6), 5, emotions=("calm",)),
        ci(london(2026, 5, 10, 23, 0), 5, emotions=("glad",)),
        ci(london(2026, 5, 11, 0, 30), 5, emotions=("tired", "mystery")),
        ci(london(2026, 5, 12), 5),
    ]
    assert weekly_range(checkins, VALENCE) == [
        WeekRange(date(2026, 5, 4), 3, 2, 3),
        WeekRange(date(2026, 5, 11), 2, 0, 2),
    ]


def test_weekly_range_empty_and_nothing_named() -> None:
    assert weekly_range([], VALENCE) == []
    assert weekly_range([ci(london(2026, 5, 4), 5)], VALENCE) == [
        WeekRange(date(2026, 5, 4), 0, 0, 1)
    ]


def test_weekly_range_uses_local_day_across_time_zones() -> None:
    # Sunday 23:30 in New York is Monday in UTC; it stays in the week that ends that Sunday.
    sunday_ny = datetime(2026, 5, 10, 23, 30, tzinfo=NEW_YORK)
    weeks = weekly_range([ci(sunday_ny, 5, emotions=("calm",))], VALENCE)
    assert weeks == [WeekRange(date(2026, 5, 4), 1, 1, 1)]


def test_iso_week_across_new_year() -> None:
    # Thu 1 Jan 2026 belongs to the ISO week starting Mon 29 Dec 2025.
    weeks = weekly_range(
        [ci(london(2025, 12, 29), 5), ci(london(2026, 1, 1), 5), ci(london(2026, 1, 5), 5)], VALENCE
    )
    assert [(w.week, w.checkins) for w in weeks] == [(date(2025, 12, 29), 2), (date(2026, 1, 5), 1)]


# --- practice ---------------------------------------------------------------------------------


def test_weekly_practice_minutes_by_kind() -> None:
    # Week of 4 May: breathe 120 s + 90 s = 3.5 min, meditate 300 s = 5 min. Next week ground 60 s.
    weeks = weekly_practice(
        [
            session(london(2026, 5, 4, 8), "breathe", 120),
            session(london(2026, 5, 7, 8), "breathe", 90),
            session(london(2026, 5, 9, 8), "meditate", 300),
            session(london(2026, 5, 12, 8), "ground", 60),
        ]
    )
    assert [w.week for w in weeks] == [date(2026, 5, 4), date(2026, 5, 11)]
    assert dict(weeks[0].minutes) == {"breathe": 3.5, "meditate": 5.0, "ground": 0.0, "idea": 0.0}
    assert weeks[0].total == 8.5
    assert weeks[1].minutes["ground"] == 1.0
    assert weekly_practice([]) == []


# --- buckets ----------------------------------------------------------------------------------


def _pts(*values: tuple[int, float]) -> list[Point]:
    base = date(2026, 1, 1)
    return [Point(base + timedelta(days=d), v, v, v) for d, v in values]


def test_bucket_keeps_every_day_when_it_fits() -> None:
    pts = _pts((0, 1.0), (1, 2.0), (2, 3.0))
    got = bucket(pts, date(2026, 1, 1), date(2026, 1, 3), max_points=10)
    assert [(b.start, b.value) for b in got] == [
        (date(2026, 1, 1), 1.0),
        (date(2026, 1, 2), 2.0),
        (date(2026, 1, 3), 3.0),
    ]


def test_bucket_groups_runs_of_days_and_never_exceeds_width() -> None:
    # 10 days into at most 4 points -> runs of 3 days: [1,2,3] [4,5,6] [7,8,9] [10].
    pts = _pts(*[(d, float(d + 1)) for d in range(10)])
    got = bucket(pts, date(2026, 1, 1), date(2026, 1, 10), max_points=4)
    assert got == [
        Bucket(date(2026, 1, 1), date(2026, 1, 3), 2.0, 1.0, 3.0, 3),
        Bucket(date(2026, 1, 4), date(2026, 1, 6), 5.0, 4.0, 6.0, 3),
        Bucket(date(2026, 1, 7), date(2026, 1, 9), 8.0, 7.0, 9.0, 3),
        Bucket(date(2026, 1, 10), date(2026, 1, 10), 10.0, 10.0, 10.0, 1),
    ]


def test_bucket_ten_years_into_chart_width() -> None:
    start = date(2016, 1, 1)
    end = date(2025, 12, 31)
    pts = [Point(start + timedelta(days=i), 5.0, 1.0, 9.0) for i in range((end - start).days + 1)]
    got = bucket(pts, start, end, max_points=70)
    assert 60 <= len(got) <= 70
    assert got[0].low == 1.0 and got[0].high == 9.0


def test_bucket_leaves_empty_runs_out_and_ignores_points_outside() -> None:
    pts = _pts((0, 4.0), (8, 6.0), (40, 9.0))
    got = bucket(pts, date(2026, 1, 1), date(2026, 1, 10), max_points=5)  # runs of 2 days
    assert [(b.start, b.value, b.points) for b in got] == [
        (date(2026, 1, 1), 4.0, 1),
        (date(2026, 1, 9), 6.0, 1),
    ]


def test_bucket_keeps_low_and_high_of_the_days_inside() -> None:
    pts = [Point(date(2026, 1, 1), 5.0, 2.0, 7.0), Point(date(2026, 1, 2), 7.0, 6.0, 10.0)]
    (only,) = bucket(pts, date(2026, 1, 1), date(2026, 1, 2), max_points=1)
    assert (only.value, only.low, only.high) == (6.0, 2.0, 10.0)


def test_bucket_weekly_series_never_splits_a_week() -> None:
    # 6 Mondays into at most 4 points -> 2 weeks per bucket (14 days).
    mondays = [date(2026, 1, 5) + timedelta(weeks=i) for i in range(6)]
    pts = [Point(m, float(i), float(i), float(i)) for i, m in enumerate(mondays)]
    got = bucket(pts, mondays[0], mondays[-1], max_points=4, step_days=7)
    assert [(b.start, b.end, b.value) for b in got] == [
        (date(2026, 1, 5), date(2026, 1, 18), 0.5),
        (date(2026, 1, 19), date(2026, 2, 1), 2.5),
        (date(2026, 2, 2), date(2026, 2, 9), 4.5),
    ]


def test_bucket_degenerate_inputs() -> None:
    assert bucket([], date(2026, 1, 1), date(2026, 1, 5), 10) == []
    assert bucket(_pts((0, 1.0)), date(2026, 1, 1), date(2026, 1, 5), 0) == []
    assert bucket(_pts((0, 1.0)), date(2026, 1, 5), date(2026, 1, 1), 10) == []


# --- calendar ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mean", "level"),
    [
        (1.0, 0),
        (3.0, 0),
        (3.4, 0),
        (3.5, 1),
        (4.0, 1),
        (5.0, 1),
        (6.0, 2),
        (7.0, 2),
        (7.4, 2),
        (7.5, 3),
        (8.0, 3),
        (10.0, 3),
    ],
)
def test_mood_level(mean: float, level: int) -> None:
    assert mood_level(mean) == level


def test_calendar_grid_is_seven_rows_ending_today() -> None:
    today = date(2026, 11, 25)  # a Wednesday
    days = [DayMood(date(2026, 11, 23), 9.0, 9, 9, 1), DayMood(date(2026, 11, 25), 1.5, 1, 2, 2)]
    grid = calendar_grid(days, today, weeks=2)
    # Two columns: the week of Mon 16 Nov and the week of Mon 23 Nov (only up to Wednesday).
    assert [len(row) for row in grid] == [2, 2, 2, 1, 1, 1, 1]
    assert grid[0][0] == CalendarCell(date(2026, 11, 16), None, None)
    assert grid[0][1] == CalendarCell(date(2026, 11, 23), 3, 9.0)
    assert grid[2][1] == CalendarCell(date(2026, 11, 25), 0, 1.5)
    assert grid[1][1].level is None


def test_calendar_grid_year_has_53_columns() -> None:
    grid = calendar_grid([], date(2026, 11, 25))
    assert len(grid[0]) == 53
    assert grid[0][0].day == date(2025, 11, 24)
    assert all(cell.level is None for row in grid for cell in row)


# --- flatness ---------------------------------------------------------------------------------

TODAY = date(2026, 11, 25)


def _days_back(n: int, hour: int = 12) -> datetime:
    d = TODAY - timedelta(days=n)
    return datetime(d.year, d.month, d.day, hour, tzinfo=LONDON)


def test_flat_feel_over_two_weeks() -> None:
    # 7 days with feel 2, 3, 4, 2, 3, 2, 3 -> mean 19/7 = 2.71 <= 3.
    feels = [2, 3, 4, 2, 3, 2, 3]
    checkins = [ci(_days_back(i * 2), 5, feel=f) for i, f in enumerate(feels)]
    sign = flatness(checkins, VALENCE, TODAY)
    assert sign is not None and (sign.reason, sign.days) == ("feel", 7)
    assert sign.mean_feel == pytest.approx(19 / 7)


def test_not_flat_when_feel_is_higher() -> None:
    feels = [2, 3, 4, 2, 3, 5, 4]  # mean 23/7 = 3.29
    checkins = [
        ci(_days_back(i), 5, feel=f, emotions=("calm", "glad", "sad")) for i, f in enumerate(feels)
    ]
    assert flatness(checkins, VALENCE, TODAY) is None


def test_thin_feel_data_is_not_called_flat() -> None:
    checkins = [ci(_days_back(i), 5, feel=0) for i in range(6)]  # only 6 days
    assert flatness(checkins, VALENCE, TODAY) is None


def test_old_low_feel_does_not_count() -> None:
    checkins = [ci(_days_back(14 + i), 5, feel=0) for i in range(10)]
    assert flatness(checkins, VALENCE, TODAY) is None


def test_narrow_range_for_two_weeks() -> None:
    # Each 7-day half: 3 check-ins naming only "numb" and "tired" (2 distinct).
    checkins = [ci(_days_back(n), 5, emotions=("numb", "tired")) for n in (0, 2, 4, 7, 9, 11)]
    assert flatness(checkins, VALENCE, TODAY) == FlatSign("range", None, 6)


def test_wide_week_breaks_the_narrow_sign() -> None:
    checkins = [ci(_days_back(n), 5, emotions=("numb",)) for n in (0, 2, 4, 7, 9, 11)]
    checkins.append(ci(_days_back(1), 5, emotions=("calm", "glad")))
    assert flatness(checkins, VALENCE, TODAY) is None


def test_narrow_needs_enough_checkins_in_both_weeks() -> None:
    checkins = [ci(_days_back(n), 5, emotions=("numb",)) for n in (0, 2, 4, 9, 11)]
    assert flatness(checkins, VALENCE, TODAY) is None
    assert flatness([], VALENCE, TODAY) is None


# --- sparkline --------------------------------------------------------------------------------


def test_sparkline_maps_the_scale_and_gaps() -> None:
    # 1 -> lowest block, 10 -> highest, 5.5 halfway (3.5 -> rounds to index 4), None a space.
    assert sparkline([1, 10, 5.5, None, 4]) == "▁█▅ ▃"


def test_sparkline_clamps_and_handles_empty() -> None:
    assert sparkline([]) == ""
    assert sparkline([0, 11]) == "▁█"
    assert sparkline([0, 10], low=0, high=10) == "▁█"
    assert sparkline([3, 3], low=3, high=3) == "▁▁"
