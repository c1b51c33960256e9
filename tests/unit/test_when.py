"""Reading the times people type for `--at`."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tui.core.errors import InputError
from tui.core.when import ACCEPTED_FORMS, parse_clock_time, parse_when

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=LONDON)  # a Wednesday morning


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20 08:30", datetime(2026, 11, 20, 8, 30, tzinfo=LONDON)),
        ("2026-11-20T08:30", datetime(2026, 11, 20, 8, 30, tzinfo=LONDON)),
        ("2026-11-20", datetime(2026, 11, 20, 12, 0, tzinfo=LONDON)),
        ("08:30", datetime(2026, 11, 25, 8, 30, tzinfo=LONDON)),
        ("8:05 am", datetime(2026, 11, 25, 8, 5, tzinfo=LONDON)),
        ("yesterday 21:00", datetime(2026, 11, 24, 21, 0, tzinfo=LONDON)),
        ("Yesterday 9:15 PM", datetime(2026, 11, 24, 21, 15, tzinfo=LONDON)),
        ("yesterday", datetime(2026, 11, 24, 12, 0, tzinfo=LONDON)),
        ("-2h", datetime(2026, 11, 25, 7, 30, tzinfo=LONDON)),
        ("2h ago", datetime(2026, 11, 25, 7, 30, tzinfo=LONDON)),
        ("90 minutes ago", datetime(2026, 11, 25, 8, 0, tzinfo=LONDON)),
        ("3 days ago", datetime(2026, 11, 22, 9, 30, tzinfo=LONDON)),
        ("1 week ago", datetime(2026, 11, 18, 9, 30, tzinfo=LONDON)),
        ("now", NOW),
    ],
)
def test_accepted_forms_give_the_moment_meant(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW) == expected


def test_a_summer_date_gets_the_summer_offset() -> None:
    """Typed in November about July: the result carries BST (+01:00), not November's GMT."""
    result = parse_when("2026-07-01 10:00", NOW)
    assert result.utcoffset() == timedelta(hours=1)


def test_today_without_a_time_is_never_in_the_future() -> None:
    """At 09:30, "today" as a bare date cannot mean midday (still to come): it means now."""
    assert parse_when("2026-11-25", NOW) == NOW


def test_hours_ago_counts_real_time_across_a_clock_change() -> None:
    after_change = datetime(2026, 10, 25, 3, 0, tzinfo=LONDON)  # clocks went back at 02:00 BST
    result = parse_when("3h ago", after_change)
    assert after_change.timestamp() - result.timestamp() == 3 * 3600


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("10:00", "2026-11-25 10:00 is still to come."),
        ("2026-11-26", "2026-11-26 12:00 is still to come."),
        # Words that point ahead are never read as a time, and are told as still to come.
        ("tomorrow 08:00", '"tomorrow 08:00" is still to come.'),
        ("tomorrow", '"tomorrow" is still to come.'),
        ("next monday", '"next monday" is still to come.'),
        ("in 2 hours", '"in 2 hours" is still to come.'),
        ("in an hour", '"in an hour" is still to come.'),
        ("+2h", '"+2h" is still to come.'),
        ("3 days from now", '"3 days from now" is still to come.'),
        # Neither read nor pointing ahead: unreadable.
        ("teatime", 'I couldn\'t read "teatime" as a time.'),
        ("in the garden", 'I couldn\'t read "in the garden" as a time.'),
        ("2027-01-01 00:00", "2027-01-01 00:00 is still to come."),
    ],
)
def test_future_times_are_refused_with_a_sentence(text: str, sentence: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_when(text, NOW)
    message = str(caught.value)
    if "still to come" in sentence:
        assert message == (
            f"{sentence} A check-in can be for now or any time before; "
            f"these forms work: {ACCEPTED_FORMS}."
        )
    else:
        assert message == f"{sentence} These forms work: {ACCEPTED_FORMS}."
    assert "yesterday 21:00" in message


@pytest.mark.parametrize(
    "text",
    ["", "tomorrow", "8", "25:00", "2026-13-01", "3 fortnights ago", "yesterday lunch", "soon"],
)
def test_unreadable_times_list_the_forms_that_work(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_when(text, NOW)
    assert '"2h ago"' in str(caught.value)
    assert '"2026-11-20 08:30"' in str(caught.value)


def test_a_date_before_1970_is_refused() -> None:
    with pytest.raises(InputError, match="further back"):
        parse_when("1900-01-01", NOW)


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [
        ("9:15 pm", 21, 15),
        ("12:00 am", 0, 0),
        ("12:30 PM", 12, 30),
        ("21:47", 21, 47),
        ("7pm", 19, 0),
    ],
)
def test_clock_times_in_12_and_24_hour_forms(text: str, hour: int, minute: int) -> None:
    parsed = parse_clock_time(text)
    assert parsed is not None
    assert (parsed.hour, parsed.minute) == (hour, minute)


@pytest.mark.parametrize("text", ["13:00 pm", "24:00", "9", "nine"])
def test_clock_times_that_make_no_sense_are_none(text: str) -> None:
    assert parse_clock_time(text) is None


def test_1970_is_the_earliest_year_kept() -> None:
    """1970 itself is accepted; the year before is refused with a sentence naming it."""
    assert parse_when("1970-06-01 12:00", NOW).year == 1970
    with pytest.raises(InputError) as caught:
        parse_when("1969-12-31 12:00", NOW)
    assert str(caught.value) == "1969 is further back than Thaw can keep. Try a later date."
