"""Numbers and dates past what Thaw can hold get a usage sentence and exit 2, and write nothing
(they once ended in "something went wrong that Thaw didn't expect (OverflowError ...)")."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.e2e.pty_helpers import REPO
from tests.e2e.test_cli import assert_calm, run_cli, snapshot
from tui.core.errors import InputError
from tui.core.when import parse_when

ENV = {"PYTHONPATH": str(REPO)}
CASES = [
    (("list", "--days", "999999999"), '--days "999999999" is more days than Thaw can look back'),
    (("stats", "--days", "1000000000"), '--days "1000000000" is more days than Thaw can look'),
    (("list", "--days", "0"), '--days "0" should be a whole number, 1 or more'),
    (("report", "--weeks", "99999999999999999999"), "should be a whole number, from 1 to 52"),
    (("log", "5", "--feel", "99"), "How much you can feel goes from 0 to 10, so 99 doesn't fit"),
    (("log", "99999999999999999999"), "Mood goes from 1 to 10"),
    (("log", "5", "--at", "0001-01-01T00:00"), "outside what Thaw can keep"),
    (("log", "5", "--at", "0001-01-01"), "outside what Thaw can keep"),
    (("log", "5", "--at=99999999999 days ago"), "outside what Thaw can keep"),
    (("log", "5", "--at", "9999-12-31T23:59"), "is still to come"),
    (("log", "5", "--at", "10000-01-01"), "I couldn't read"),
    (("mark", "moved", "--at", "0001-01-01T00:00"), "outside what Thaw can keep"),
    (("meditate", "--minutes", "1e400"), "should be a number of minutes above 0"),
]


@pytest.mark.parametrize(("args", "sentence"), CASES, ids=lambda v: str(v))
def test_numbers_and_dates_out_of_range_are_a_usage_sentence(
    args: tuple[str, ...], sentence: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    run_cli("log", "6", data_dir=data, cwd=tmp_path, env=ENV)
    before = snapshot(data)
    done = run_cli(*args, data_dir=data, cwd=tmp_path, env=ENV)
    assert_calm(done)
    assert done.returncode == 2, done.stderr
    assert sentence in done.stderr
    assert "didn't expect" not in done.stderr
    assert snapshot(data) == before


def test_the_largest_day_count_still_works(tmp_path: Path) -> None:
    done = run_cli("list", "--days", "100000", data_dir=tmp_path / "d", cwd=tmp_path, env=ENV)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "typed", ["0001-01-01T00:00", "0001-01-01T00:30+05:00", "1e308 days ago", "9" * 30 + "h ago"]
)
@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/New_York", "Europe/London"])
def test_when_past_the_calendar_is_an_input_error(typed: str, zone: str) -> None:
    with pytest.raises(InputError):
        parse_when(typed, datetime(2026, 11, 25, 9, 30, tzinfo=ZoneInfo(zone)))


@pytest.mark.parametrize(
    "args",
    [("list", "--days", "\x1b]0;PWNED\x07"), ("log", "\x1b]52;c;SGk=\x07"), ("nosuch\x9b6n",)],
    ids=repr,
)
def test_what_was_typed_is_quoted_back_without_its_escapes(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    done = run_cli(*args, data_dir=tmp_path / "d", cwd=tmp_path, env=ENV)
    assert done.returncode == 2
    assert done.stderr.strip()
    assert "\x1b" not in done.stderr and "\x9b" not in done.stderr
