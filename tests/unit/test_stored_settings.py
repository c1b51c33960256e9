"""Settings read back from settings.json get the checks a typed value gets (records/rules.py):
a wrong one is named, and the default is used meanwhile."""

from __future__ import annotations

import json
from pathlib import Path

from tui.cli.cmd_due import _before_reminder
from tui.core.clock import FakeClock
from tui.core.records import rules
from tui.core.records.models import Settings
from tui.core.store import Store


def write_settings(data_dir: Path, clock: FakeClock, **values: object) -> Store:
    """A settings.json holding `values` as if hand-edited or written by a broken sync."""
    store = Store(data_dir, clock)
    store.save_settings(store.settings())
    path = data_dir / "settings.json"
    raw = json.loads(path.read_text())
    raw["settings"]["1"].update(values)
    path.write_text(json.dumps(raw))
    return store


def test_a_reminder_time_of_25_99_is_named_and_any_time_is_used(
    data_dir: Path, clock: FakeClock
) -> None:
    store = write_settings(data_dir, clock, reminder_time="25:99", theme="neon", bell="yes")
    settings = store.settings()
    assert settings.reminder_time == ""
    assert settings.theme == Settings().theme
    assert settings.bell is True
    problems = store.settings_problems()
    assert set(problems) == {"reminder_time", "theme", "bell"}
    assert problems["reminder_time"] == (
        'The reminder time in settings.json is "25:99", which Thaw can\'t use, so the default '
        "(any time) is used meanwhile. Choosing it again on the settings screen puts it right."
    )
    assert '"neon"' in problems["theme"] and "(thaw-dark)" in problems["theme"]
    assert "'yes'" not in problems["bell"] and '"yes"' in problems["bell"]


def test_numbers_out_of_their_range_fall_back_like_a_typed_one_would(
    data_dir: Path, clock: FakeClock
) -> None:
    store = write_settings(
        data_dir, clock, meditation_minutes=0, report_weeks=999, custom_breath=[4, 0, 900, 0]
    )
    settings = store.settings()
    assert settings.meditation_minutes == Settings().meditation_minutes
    assert settings.report_weeks == Settings().report_weeks
    assert settings.custom_breath == Settings().custom_breath
    assert set(store.settings_problems()) == {"meditation_minutes", "report_weeks", "custom_breath"}


def test_good_stored_values_are_kept_and_nothing_is_named(data_dir: Path, clock: FakeClock) -> None:
    store = write_settings(data_dir, clock, reminder_time="9:30", theme="thaw-light", bell=False)
    settings = store.settings()
    assert (settings.reminder_time, settings.theme, settings.bell) == ("09:30", "thaw-light", False)
    assert store.settings_problems() == {}


def test_saving_the_setting_again_puts_the_file_right(data_dir: Path, clock: FakeClock) -> None:
    store = write_settings(data_dir, clock, reminder_time="25:99")
    store.save_settings(store.settings())
    assert store.settings_problems() == {}
    raw = json.loads((data_dir / "settings.json").read_text())
    assert raw["settings"]["1"]["reminder_time"] == ""


def test_the_typed_and_the_stored_reminder_time_share_one_rule() -> None:
    assert rules.check_reminder_time("7.05") == "07:05"
    for wrong in ("25:99", "24:00", "12:60", "noon", 930):
        assert not rules.stored_setting_ok("reminder_time", wrong, "")


def test_a_malformed_reminder_time_never_keeps_due_quiet() -> None:
    for wrong in ("25:99", "99:99", "23:7", "ab:cd", 2359, ["18:00"]):
        assert _before_reminder(wrong, 0, 0) is False
    assert _before_reminder("18:30", 9, 0) is True
    assert _before_reminder("18:30", 19, 0) is False
