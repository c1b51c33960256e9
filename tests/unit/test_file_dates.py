"""Dates and times as real exports write them, read by the one reader `--at` uses too.

Every row below is made up; the comment beside each names the export whose form it imitates.
The clock is fixed (Wednesday 25 November 2026, London, as in conftest) and the tests run with
TZ=Europe/London, whose clocks went forward on 29 March 2026 (01:00 GMT became 02:00 BST) and
back on 25 October 2026 (02:00 BST became 01:00 GMT).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.clock import FakeClock
from tui.core.exchange.plan import apply_import
from tui.core.exchange.session import Prepared, prepare
from tui.core.records.models import CheckIn
from tui.core.store import Store
from tui.core.when import parse_when
from tui.core.when_phrases import (
    MONTHS,
    RELATIVE,
    WEEKDAYS,
    calendar_date,
    parse_clock_time,
    parse_phrase,
    read_calendar_date,
)

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=LONDON)
SYSTEM_NOW = NOW.replace(tzinfo=None).astimezone()  # as SystemClock gives it: "+00:00 GMT"
OLD_HEADER = "year,date,weekday,time,mood,activities,note\n"  # Daylio's layout before full_date
NEW_HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"

# (the cell as written, the file's year column or None, the day meant)
WRITTEN_DATES = [
    # Daylio's old layout, English: MichaelCurrin/daylio-csv-parser docs/usage.md.
    ("December 31", 2019, date(2019, 12, 31)),
    ("18 May", 2018, date(2018, 5, 18)),
    ("29 March", 2018, date(2018, 3, 29)),
    # A short month in the `date` column, as in a Daylio-to-Day-One converter's test export.
    ("Dec 17", 2023, date(2023, 12, 17)),
    # German: a `date` cell as spech66/hugo_lspd's Daylio collector quotes it.
    ("17. Februar", 2019, date(2019, 2, 17)),
    # Polish, genitive month: kplich/daylio-visualisation daylio_export.csv.
    ("7 września", 2017, date(2017, 9, 7)),
    # Spanish with "de": DavidCDCB/Estados daylio_export.csv.
    ("16 de octubre", 2021, date(2021, 10, 16)),
    # Japanese and Korean month-day marks (the forms Thaw's earlier Daylio reader took).
    ("6月22日", 2024, date(2024, 6, 22)),
    ("6월 22일", 2024, date(2024, 6, 22)),
    # A Bearable export's dates as an importer's test reads them: ordinals, short months.
    ("22nd Jan 2022", None, date(2022, 1, 22)),
    ("1st March 2024", None, date(2024, 3, 1)),
    ("3rd Sep 2023", None, date(2023, 9, 3)),
    # Long forms a spreadsheet writes when a date column is saved again (made up).
    ("30 November 2024", None, date(2024, 11, 30)),
    ("November 30, 2024", None, date(2024, 11, 30)),
    ("Saturday, November 30, 2024", None, date(2024, 11, 30)),
    ("Sat 30 Nov 2024", None, date(2024, 11, 30)),
    # A year in the cell that agrees with the year column.
    ("30 Nov 2024", 2024, date(2024, 11, 30)),
    # Machine forms: ISO (Daylio's full_date) and Pixels' unpadded one, on the exact path.
    ("2024-11-30", None, date(2024, 11, 30)),
    ("2024-1-5", None, date(2024, 1, 5)),
]

# (the cell as written, the time meant)
WRITTEN_TIMES = [
    ("11:54 pm", time(23, 54)),  # MichaelCurrin/daylio-csv-parser docs/usage.md
    ("3:26 AM", time(3, 26)),  # kayraucklnc/daylio_visualizer daylio_export.csv
    ("6:50 pm", time(18, 50)),  # staticf0x/daylio-parser tests/data/test_data.csv ...
    ("14:58", time(14, 58)),  # ... which mixes 12- and 24-hour times in one file
    ("12:46 am", time(0, 46)),  # the same file: just after midnight
    ("10:15 PM", time(22, 15)),  # a Bearable export, as an importer's test reads it
    ("6:50 p. m.", time(18, 50)),  # Spanish phones
    ("오후 6:50", time(18, 50)),  # Korean: the mark first
    ("午後6:50", time(18, 50)),  # Japanese
    ("18h52", time(18, 52)),  # French
    ("9pm", time(21, 0)),  # as typed for --at (jrnl's form)
    ("21:05", time(21, 5)),
]


@pytest.mark.parametrize(("text", "year", "expected"), WRITTEN_DATES)
def test_written_dates_are_read_as_the_day_meant(
    text: str, year: int | None, expected: date
) -> None:
    assert read_calendar_date(text, year) == expected
    assert calendar_date(text, year) == expected


@pytest.mark.parametrize(("text", "expected"), WRITTEN_TIMES)
def test_written_times_are_read_as_the_time_meant(text: str, expected: time) -> None:
    assert parse_clock_time(text) == expected


@pytest.mark.parametrize(
    ("text", "year", "reason"),
    [
        ("yesterday", None, RELATIVE),
        ("yesterday", 2024, RELATIVE),  # a year column does not make it a day
        ("last monday", 2024, RELATIVE),
        ("monday", 2024, RELATIVE),
        ("3 days ago", None, RELATIVE),
        ("today", None, RELATIVE),
        ("Nov 30", None, "has no year, and the file gives none"),
        ("Monday, November 30, 2024", None, "says Monday, but 30 November 2024 was a Saturday"),
        ("31 Nov 2024", None, "isn't a day on the calendar"),
        ("30 Nov 2023", 2024, "says 2023, but the file's year for it is 2024"),
        ("03/04/2024", None, "could be day-first or month-first; Thaw reads dates like 2026-11-20"),
        ("teatime", 2024, "isn't one Thaw can read"),
        ("Nov 30 Dec", 2024, "isn't one Thaw can read"),  # two months: never one of them
    ],
)
def test_dates_a_file_cannot_pin_down_say_why(text: str, year: int | None, reason: str) -> None:
    assert read_calendar_date(text, year) == reason
    assert calendar_date(text, year) is None


# --- through a whole import -------------------------------------------------------------------


def _import(store: Store, name: str, text: str) -> Prepared:
    prepared = prepare(
        store,
        name,
        wanted=None,
        mood_map={},
        reference=store.clock.now().tzinfo,
        now=store.clock.now(),
        data=text.encode(),
    )
    apply_import(store, prepared.plan, name)
    return prepared


def _by_note(store: Store) -> dict[str, CheckIn]:
    return {c.note: c for c in store.checkins()}


def test_a_daylio_file_in_every_written_form_imports_each_row_on_its_day(
    data_dir: Path, clock: FakeClock
) -> None:
    """Old-layout rows (year beside a written date) and new-layout rows whose full_date was
    saved again in a long form, each with one of the real time forms."""
    rows = []
    for number, ((text, year, _), (clock_text, _)) in enumerate(
        zip(WRITTEN_DATES, WRITTEN_TIMES * 2, strict=False)
    ):
        if year is not None:
            rows.append(f'{year},"{text}",x,{clock_text},good,"","row {number}"\n')
    store = Store(data_dir, clock)
    prepared = _import(store, "daylio_export.csv", OLD_HEADER + "".join(rows))
    assert prepared.plan.rejected == []
    stored = _by_note(store)
    for number, ((_, year, day), (_, wanted)) in enumerate(
        zip(WRITTEN_DATES, WRITTEN_TIMES * 2, strict=False)
    ):
        if year is not None:
            at = stored[f"row {number}"].at.astimezone(LONDON)
            assert (at.date(), at.time()) == (day, wanted), f"row {number}"

    new_rows = "".join(
        f'"{text}",x,x,9:05 PM,meh,"","","long {number}"\n'
        for number, (text, year, _) in enumerate(WRITTEN_DATES)
        if year is None
    )
    prepared = _import(store, "daylio_resaved.csv", NEW_HEADER + new_rows)
    assert prepared.plan.rejected == []
    stored = _by_note(store)
    for number, (_, year, day) in enumerate(WRITTEN_DATES):
        if year is None:
            at = stored[f"long {number}"].at.astimezone(LONDON)
            assert (at.date(), at.time()) == (day, time(21, 5)), f"long {number}"


def test_a_relative_or_yearless_date_in_a_file_is_named_and_never_dated_today(
    data_dir: Path, clock: FakeClock
) -> None:
    text = (
        OLD_HEADER
        + '2024,November 30,Saturday,9:00 pm,good,"","kept"\n'
        + '2024,yesterday,Tuesday,9:00 pm,good,"","relative"\n'
        + '2024,last monday,Monday,9:00 pm,good,"","weekday"\n'
    )
    store = Store(data_dir, clock)
    prepared = _import(store, "daylio_export.csv", text)
    assert [(r.where, r.reason) for r in prepared.plan.rejected] == [
        ("Line 3", f'the date "yesterday" {RELATIVE}'),
        ("Line 4", f'the date "last monday" {RELATIVE}'),
    ]
    assert [c.note for c in store.checkins()] == ["kept"]

    resaved = NEW_HEADER + 'Nov 30,x,x,9:00 pm,good,"","","no year"\n'
    prepared = _import(store, "daylio_resaved.csv", resaved)
    assert [(r.where, r.reason) for r in prepared.plan.rejected] == [
        ("Line 2", 'the date "Nov 30" has no year, and the file gives none')
    ]
    assert all(c.at.date() != clock.now().date() for c in store.checkins())


def test_a_hand_made_csv_reads_written_dates_and_refuses_an_unreadable_time(
    data_dir: Path, clock: FakeClock
) -> None:
    """A hand-made CSV (date, time, mood): the Bearable-style "22nd Jan 2022" as `--at` reads
    it; a blank time is midday; a time written but unreadable is named, not made midday."""
    text = (
        "date,time,mood,note\n"
        "22nd Jan 2022,10:15 PM,6,ordinal\n"
        "2022-01-23,,5,no time\n"
        "24 Jan 2022,teatime,4,bad time\n"
        "yesterday,9pm,3,relative\n"
    )
    store = Store(data_dir, clock)
    prepared = _import(store, "mine.csv", text)
    assert [(r.where, r.reason) for r in prepared.plan.rejected] == [
        ("Line 4", 'the time "teatime" isn\'t one Thaw can read'),
        ("Line 5", f'the date "yesterday" {RELATIVE}'),
    ]
    stored = _by_note(store)
    assert stored["ordinal"].at == datetime(2022, 1, 22, 22, 15, tzinfo=LONDON)
    assert stored["no time"].at == datetime(2022, 1, 23, 12, 0, tzinfo=LONDON)


# --- the CLI's forms mean the same day in an import ---------------------------------------------

# Every calendar-date form the `--at` tables accept (test_when_phrases.py, ACCEPTED_FORMS).
AT_CALENDAR_FORMS = [
    "Nov 30",
    "30 Nov",
    "Nov 20",
    "20 November",
    "November 20",
    "nov 30, 2025",
    "30th Nov 2025",
    "30 nov 2025",
    "Nov. 20",
    "sept 30",
    "the 20th of November",
    "Fri 20 Nov",
]


@pytest.mark.parametrize("form", AT_CALENDAR_FORMS)
def test_every_at_calendar_form_means_the_same_day_in_an_import(
    form: str, data_dir: Path, clock: FakeClock
) -> None:
    typed = parse_when(f"{form} 9:05 pm", NOW)  # the year `--at` chose, when none is written
    phrase = parse_phrase(form, NOW.date())
    assert phrase is not None and phrase.day == typed.date()
    assert read_calendar_date(form, typed.year) == typed.date()
    store = Store(data_dir, clock)
    row = f'{typed.year},"{form}",x,9:05 pm,good,"","from the file"\n'
    prepared = _import(store, "daylio_export.csv", OLD_HEADER + row)
    assert prepared.plan.rejected == []
    (imported,) = store.checkins()
    assert imported.at == typed
    assert imported.at.utcoffset() == typed.utcoffset()


@pytest.mark.parametrize("clock_text", ["9pm", "9:05 PM", "21:05", "9.05 pm", "noon"])
def test_every_at_clock_form_means_the_same_time_in_an_import(
    clock_text: str, data_dir: Path, clock: FakeClock
) -> None:
    typed = parse_when(f"2026-11-20 {clock_text}", NOW)
    store = Store(data_dir, clock)
    _import(store, "daylio_export.csv", NEW_HEADER + f'2026-11-20,x,x,{clock_text},good,"","",""\n')
    assert [c.at for c in store.checkins()] == [typed]


# --- clock changes in Europe/London -------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "written", "utc"),
    [
        # The evening before the spring change, and the morning after it: GMT, then BST.
        (date(2026, 3, 28), "11:59 PM", datetime(2026, 3, 28, 23, 59, tzinfo=UTC)),
        (date(2026, 3, 29), "12:30 AM", datetime(2026, 3, 29, 0, 30, tzinfo=UTC)),
        # 01:30 never happened on 29 March: read as 01:30 GMT (02:30 BST), as `--at` reads it.
        (date(2026, 3, 29), "1:30 AM", datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
        (date(2026, 3, 29), "2:30 AM", datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
        (date(2026, 3, 29), "9:00 AM", datetime(2026, 3, 29, 8, 0, tzinfo=UTC)),
        # 01:30 happened twice on 25 October: the first time (BST), as `--at` reads it.
        (date(2026, 10, 25), "12:30 AM", datetime(2026, 10, 24, 23, 30, tzinfo=UTC)),
        (date(2026, 10, 25), "1:30 AM", datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        (date(2026, 10, 25), "2:30 AM", datetime(2026, 10, 25, 2, 30, tzinfo=UTC)),
        (date(2026, 10, 25), "9:00 PM", datetime(2026, 10, 25, 21, 0, tzinfo=UTC)),
    ],
)
def test_times_around_the_clock_changes_land_where_at_puts_them(
    day: date, written: str, utc: datetime, data_dir: Path, clock: FakeClock
) -> None:
    typed = parse_when(f"{day.isoformat()} {written}", NOW)
    assert typed.timestamp() == utc.timestamp()
    # The CLI's clock gives a fixed offset, not the named zone: the same moment all the same.
    assert parse_when(f"{day.isoformat()} {written}", SYSTEM_NOW).timestamp() == utc.timestamp()
    store = Store(data_dir, clock)
    # Both layouts: ISO full_date, and the old year column beside a written date.
    text = NEW_HEADER + f'{day.isoformat()},x,x,{written},good,"","","new"\n'
    _import(store, "new.csv", text)
    written_day = f"{MONTHS[day.month - 1].capitalize()} {day.day}"  # "March 29", locale-free
    _import(store, "old.csv", OLD_HEADER + f'{day.year},{written_day},x,{written},good,"","old"\n')
    stored = _by_note(store)
    for note in ("new", "old"):
        assert stored[note].at.timestamp() == utc.timestamp(), note
        assert stored[note].at.utcoffset() == typed.utcoffset(), note
    assert stored["new"].at.utcoffset() in (timedelta(0), timedelta(hours=1))


@given(st.dates(min_value=date(1970, 1, 1), max_value=NOW.date()), st.integers(0, 5))
def test_any_day_written_out_reads_back_the_same_typed_or_in_a_file(day: date, form: int) -> None:
    """Any day, in any of the English long forms, with its weekday or without: the file reader
    and the `--at` grammar both give that day back."""
    month = MONTHS[day.month - 1].capitalize()
    weekday = WEEKDAYS[day.weekday()].capitalize()
    text = (
        f"{day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        f"{weekday}, {month} {day.day}, {day.year}",
        f"{weekday[:3]} {day.day} {month[:3]} {day.year}",
        f"{day.day}th of {month} {day.year}",
        f"{month[:3]}. {day.day} {day.year}",
    )[form]
    assert read_calendar_date(text) == day
    phrase = parse_phrase(text, NOW.date())
    assert phrase is not None and phrase.day == day
