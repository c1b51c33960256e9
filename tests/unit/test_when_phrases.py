"""The day phrases jrnl reads, for `--at` and `list --from/--to`: a table with a fixed clock.

Europe/London changes its clocks on the last Sunday of March (29 Mar 2026, 01:00 GMT becomes
02:00 BST) and of October (25 Oct 2026, 02:00 BST becomes 01:00 GMT); the rows around those
days check that a typed wall-clock time keeps its time and gets that day's own offset.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tui.core.errors import InputError
from tui.core.when import parse_when
from tui.core.when_phrases import Phrase, parse_phrase

LONDON = ZoneInfo("Europe/London")
WED = datetime(2026, 11, 25, 22, 30, tzinfo=LONDON)  # a Wednesday evening, GMT
AFTER_SPRING = datetime(2026, 3, 30, 10, 0, tzinfo=LONDON)  # Monday after clocks went forward
AFTER_AUTUMN = datetime(2026, 10, 26, 10, 0, tzinfo=LONDON)  # Monday after clocks went back
BST, GMT = timedelta(hours=1), timedelta(0)


def _at(y: int, mo: int, d: int, h: int, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        (WED, "last monday", _at(2026, 11, 23, 12)),
        (WED, "monday", _at(2026, 11, 23, 12)),
        (WED, "Monday 8am", _at(2026, 11, 23, 8)),
        (WED, "wednesday", _at(2026, 11, 25, 12)),  # today's own weekday is today
        (WED, "last wednesday", _at(2026, 11, 18, 12)),  # "last" is the one before today
        (WED, "last wed at 7:15 pm", _at(2026, 11, 18, 19, 15)),
        (WED, "noon", _at(2026, 11, 25, 12)),
        (WED, "midnight", _at(2026, 11, 25, 0)),
        (WED, "at 9pm", _at(2026, 11, 25, 21)),
        (WED, "yesterday at 9pm", _at(2026, 11, 24, 21)),
        (WED, "yesterday 9pm", _at(2026, 11, 24, 21)),
        (WED, "9pm yesterday", _at(2026, 11, 24, 21)),
        (WED, "yesterday noon", _at(2026, 11, 24, 12)),
        (WED, "3 days ago 9pm", _at(2026, 11, 22, 21)),
        (WED, "3 days ago at 9 pm", _at(2026, 11, 22, 21)),
        (WED, "1 week ago noon", _at(2026, 11, 18, 12)),
        (WED, "2 days ago", _at(2026, 11, 23, 22, 30)),  # elapsed time: now, two days back
        (WED, "Nov 30", _at(2025, 11, 30, 12)),  # this year's is still ahead: last year's
        (WED, "Nov 20", _at(2026, 11, 20, 12)),
        (WED, "20 November 9pm", _at(2026, 11, 20, 21)),
        (WED, "nov 30, 2025", _at(2025, 11, 30, 12)),
        (WED, "30th Nov 2025 at 8:05am", _at(2025, 11, 30, 8, 5)),
        # Spring: the day of the change and the day before keep the time typed.
        (AFTER_SPRING, "yesterday 9am", _at(2026, 3, 29, 9)),
        (AFTER_SPRING, "last saturday 9pm", _at(2026, 3, 28, 21)),
        (AFTER_SPRING, "sunday noon", _at(2026, 3, 29, 12)),
        (AFTER_SPRING, "2 days ago", _at(2026, 3, 28, 9)),  # 48 real hours: 09:00 GMT
        # Autumn: the same the other way.
        (AFTER_AUTUMN, "yesterday 9am", _at(2026, 10, 25, 9)),
        (AFTER_AUTUMN, "last saturday 9pm", _at(2026, 10, 24, 21)),
        (AFTER_AUTUMN, "2 days ago", _at(2026, 10, 24, 11)),  # 48 real hours: 11:00 BST
    ],
)
def test_phrases_give_the_moment_meant(now: datetime, text: str, expected: datetime) -> None:
    result = parse_when(text, now)
    assert result == expected
    assert result.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    ("now", "text", "offset"),
    [
        (AFTER_SPRING, "yesterday 9am", BST),
        (AFTER_SPRING, "last saturday 9pm", GMT),
        (AFTER_AUTUMN, "yesterday 9am", GMT),
        (AFTER_AUTUMN, "last saturday 9pm", BST),
    ],
)
def test_each_day_gets_its_own_offset_across_a_clock_change(
    now: datetime, text: str, offset: timedelta
) -> None:
    assert parse_when(text, now).utcoffset() == offset


def test_a_time_that_the_spring_change_skipped_lands_an_hour_on() -> None:
    """01:30 did not happen on 29 March in London; it is read as 01:30 GMT, i.e. 02:30 BST."""
    result = parse_when("yesterday 1:30am", AFTER_SPRING)
    assert result.timestamp() == datetime(2026, 3, 29, 1, 30, tzinfo=UTC).timestamp()
    assert result.astimezone(UTC).astimezone(LONDON).hour == 2


def test_the_phrase_grammar_is_wall_clock_only() -> None:
    today = date(2026, 11, 25)
    assert parse_phrase("last monday at noon", today) == Phrase(date(2026, 11, 23), time(12, 0))
    assert parse_phrase("sunday", today) == Phrase(date(2026, 11, 22), None)
    assert parse_phrase("29 feb", date(2027, 3, 1)) is None  # 2027 has no 29 February
    assert parse_phrase("3 days ago", today) is None  # elapsed time is when.py's


@pytest.mark.parametrize(
    "text",
    ["next monday", "monday lunch", "Nov 31", "nov", "3 fortnights ago 9pm", "last", "at"],
)
def test_phrases_outside_the_grammar_are_refused_with_the_forms(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_when(text, WED)
    assert '"last monday 8am"' in str(caught.value)


def test_a_phrase_still_to_come_is_refused() -> None:
    with pytest.raises(InputError, match="still to come"):
        parse_when("11pm", WED)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-11-30", date(2025, 11, 30)),
        ("30 Nov 2025", date(2025, 11, 30)),
        ("November 30, 2025", date(2025, 11, 30)),
        ("nov 30 2025", date(2025, 11, 30)),
        ("Nov 30", None),  # no year: in a file that would be a guess
        ("yesterday", None),
        ("last monday", None),
        ("31 Nov 2025", None),
    ],
)
def test_dates_in_imported_files_need_their_year(text: str, expected: date | None) -> None:
    from tui.core.when_phrases import calendar_date

    assert calendar_date(text) == expected
