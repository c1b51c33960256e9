"""Damaged files: found and set aside, told until settled, put back merged with what came since."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui.core.clock import FakeClock
from tui.core.errors import DataError, InputError
from tui.core.exchange.codec import Bundle
from tui.core.exchange.thaw_json import bundle_to_json, parse_thaw_json
from tui.core.restore import merge as _merge
from tui.core.storage import backups, quarantine
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
NOV = "checkins/2026-11.json"
TORN = b'{"checkins": '
DAY1 = date(2026, 11, 25)
DAY2 = date(2026, 11, 26)


@pytest.fixture
def night_clock() -> FakeClock:
    """25 November 2026, 22:00 in London: the first day of the reviewer's story."""
    return FakeClock(datetime(2026, 11, 25, 22, 0, tzinfo=LONDON))


def _busy_day(data_dir: Path, clock: FakeClock) -> Store:
    """A day of use whose morning backup held 1 of 23 check-ins and 1 of 3 markers."""
    store = Store(data_dir, clock)
    store.add_checkin(5)
    store.add_marker("started walking again", "life")
    store.add_session(
        "breathe", "box", started_at=clock.now(), planned_seconds=60, actual_seconds=60.0,
        completed=True,
    )  # fmt: skip
    clock.set_now(datetime(2026, 11, 26, 0, 27, tzinfo=LONDON))
    for n in range(22):  # the first of these backs up the file holding one check-in
        store.add_checkin(n % 10 + 1, at=clock.now() - timedelta(minutes=n))
    store.add_marker("saw the doctor", "therapy")
    store.add_marker("new dose", "medication")
    store.add_plan_item("Talk to someone", note="Sam, on Sunday")
    store.save_settings(replace(store.settings(), theme="thaw-light", breath_bell=True))
    store.add_session(
        "ground", "54321", started_at=clock.now(), planned_seconds=None, actual_seconds=90.0,
        completed=True,
    )  # fmt: skip
    return store


def _damage(data_dir: Path, rel: str = NOV, raw: bytes = TORN) -> None:
    (data_dir / rel).write_bytes(raw)


def test_put_back_restores_only_the_damaged_file_merged_with_what_came_since(
    data_dir: Path, night_clock: FakeClock
) -> None:
    store = _busy_day(data_dir, night_clock)
    markers, plan = store.markers(), store.plan_items()
    settings, sessions = store.settings(), store.sessions()
    _damage(data_dir)

    opened = Store(data_dir, night_clock)
    opened.scan()
    (damaged,) = opened.damaged_files()
    assert damaged.rel == NOV and damaged.kept_at.read_bytes() == TORN
    assert damaged.reason == "It was cut short or garbled, so Thaw could not read it."
    assert damaged.set_aside_at == night_clock.now()
    assert damaged.backup is not None
    assert (damaged.backup.day, damaged.backup.entries) == (DAY2, 1)
    assert damaged.restore_command == "thaw doctor --restore 2026-11-26"
    later = opened.add_checkin(7, note="logged after the damage")

    (result,) = opened.restore_damaged(DAY2)

    assert (result.rel, result.from_backup, result.since) == (NOV, 1, 1)
    assert result.message == (
        f"Put back {NOV} from the backup of {damaged.backup.label}: 1 check-in from that "
        "backup, plus 1 saved since. The damaged copy is still kept in quarantine/."
    )
    fresh = Store(data_dir, night_clock)
    assert len(fresh.checkins()) == 2 and later in fresh.checkins()
    # Every file that was fine is exactly as it was.
    assert fresh.markers() == markers and len(markers) == 3
    assert fresh.plan_items() == plan and plan[0].note == "Sam, on Sunday"
    assert fresh.settings() == settings and fresh.sessions() == sessions
    # Nothing deleted: the damaged copy is settled (renamed), the replaced file kept too.
    assert fresh.damaged_files() == []
    assert damaged.kept_at.with_name(damaged.kept_at.name + ".resolved").read_bytes() == TORN
    assert result.kept_at is not None and later.id in result.kept_at.read_text()
    assert not any(p.serious for p in fresh.doctor())


def test_restore_file_keeps_the_higher_revision_of_each_record(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    first = store.add_checkin(4)
    clock.advance(86400)
    edited = store.update_checkin(first, note="changed the next day")  # backup holds rev 1
    result = store.restore_file(NOV, DAY2)
    assert (result.from_backup, result.since) == (1, 0)
    assert store.checkins() == [edited]  # the newer edit wins over the older backup copy
    assert result.settled == () and result.message.endswith(
        "The copy it replaced is kept in quarantine/."
    )


def test_merge_by_id_higher_rev_wins_and_a_tie_keeps_the_current() -> None:
    backup = {
        "checkins": {
            "1": {"id": "a", "rev": 3, "mood": 1},
            "2": {"id": "b", "rev": 1, "mood": 2},
            "3": {"id": "c", "rev": 2, "mood": 3},
        }
    }
    live = {
        "checkins": {
            "1": {"id": "a", "rev": 2, "mood": 9},
            "2": {"id": "b", "rev": 2, "mood": 8},
            "3": {"id": "c", "rev": 2, "mood": 7},
            "4": {"id": "d", "rev": 1, "mood": 6},
        }
    }
    merged, from_backup, since = _merge(backup, live)
    moods = {d["id"]: d["mood"] for d in merged["checkins"].values()}
    assert moods == {"a": 1, "b": 8, "c": 7, "d": 6}
    assert sorted(merged["checkins"]) == ["1", "2", "3", "4"]
    assert (from_backup, since) == (3, 1)


def test_a_backup_taken_after_the_damage_is_not_offered(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    store.add_checkin(5)
    store.add_checkin(6)  # backup of 25 Nov holds one check-in
    _damage(data_dir)
    clock.advance(86400)
    opened = Store(data_dir, clock)
    opened.scan()  # sets the damaged file aside
    opened.add_checkin(7)
    opened.add_checkin(8)  # backup of 26 Nov holds the fresh file: taken after the damage
    assert opened.backups() == [DAY2, DAY1]
    (damaged,) = opened.damaged_files()
    assert damaged.backup is not None and damaged.backup.day == DAY1
    assert opened.restore_damaged(DAY2) == []  # that day's copy would bring nothing back
    assert len(opened.damaged_files()) == 1
    (result,) = opened.restore_damaged(DAY1)
    assert (result.from_backup, result.since) == (1, 2)
    assert len(opened.checkins()) == 3


def test_old_backup_needed_by_a_damaged_file_outlives_the_rolling_week(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    store.add_checkin(5)
    store.add_checkin(6)
    _damage(data_dir)
    clock.advance(86400)
    store = Store(data_dir, clock)
    store.scan()  # sets the damaged file aside
    for _ in range(10):  # ten more days of saving; only 7 days of backups are kept
        store.add_checkin(4, at=datetime(2026, 10, 1, 9, tzinfo=LONDON))
        store.add_checkin(4, at=datetime(2026, 10, 1, 9, tzinfo=LONDON))
        clock.advance(86400)
    assert DAY1 in store.backups() and len(store.backups()) == 8
    (damaged,) = store.damaged_files()
    assert damaged.backup is not None and damaged.backup.day == DAY1
    store.restore_file(NOV, DAY1)
    store.add_checkin(3, at=datetime(2026, 10, 2, 9, tzinfo=LONDON))  # new day: prunes again
    assert DAY1 not in store.backups() and len(store.backups()) == 7


def test_doctor_tells_each_damaged_file_until_settled(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    store.add_checkin(5)
    store.add_marker("before")
    clock.advance(86400)
    store.add_checkin(6)
    store.add_marker("after")
    _damage(data_dir)
    _damage(data_dir, "markers.json", b"")
    for _ in range(2):  # and again on the next run: it is not "all well" yet
        problems = [p for p in Store(data_dir, clock).doctor() if p.serious]
        assert [p.path.name for p in problems] == ["2026-11.json", "markers.json"]
        for problem in problems:
            text = problem.message
            assert text.count(problem.path.name) == 1  # the path once
            assert text.count("thaw doctor") == 1 and "`" not in text  # one command, plain
            assert "JSON" not in text
            assert text.endswith("run: thaw doctor --restore 2026-11-26")
        assert "cut short or garbled" in problems[0].message
        assert "It was empty" in problems[1].message
    kept = Store(data_dir, clock).keep_as_is()
    assert sorted(d.rel for d in kept) == ["checkins/2026-11.json", "markers.json"]
    later = Store(data_dir, clock)
    assert later.damaged_files() == [] and not any(p.serious for p in later.doctor())
    assert len(list((data_dir / "quarantine").rglob("*.resolved"))) == 2


def test_quarantine_message_at_open_is_plain(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    store.add_checkin(5)
    store.add_checkin(6)
    _damage(data_dir)
    checked = Store(data_dir, clock)
    checked.scan()
    (problem,) = checked.problems
    assert problem.message.startswith(
        f"Thaw could not read {NOV}: it was cut short or garbled. It was moved aside into "
        "quarantine/ and kept unchanged; nothing was overwritten. To put back the backup of "
        "25 Nov"
    )
    assert problem.message.endswith("run: thaw doctor --restore 2026-11-25")
    assert "(1 check-in)" in problem.message and "`" not in problem.message


def test_restore_file_refuses_what_it_cannot_do_and_changes_nothing(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    store.add_checkin(5)
    store.add_checkin(6)
    before = (data_dir / NOV).read_bytes()
    with pytest.raises(InputError, match="not one of Thaw's data files"):
        store.restore_file("../outside.json", DAY1)
    with pytest.raises(DataError, match="no backup"):
        store.restore_file("plan.json", DAY1)
    backups.backup_path(data_dir, DAY1, Path(NOV)).write_bytes(b"{")
    with pytest.raises(DataError, match="cannot be read"):
        store.restore_file(NOV, DAY1)
    assert (data_dir / NOV).read_bytes() == before
    assert quarantine.quarantined_files(data_dir) == []


def test_a_file_damaged_again_while_restoring_is_set_aside_and_settled_too(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    store.add_checkin(5)
    store.add_checkin(6)
    _damage(data_dir)
    result = store.restore_file(NOV, DAY1)  # the live file is found damaged inside the lock
    assert (result.from_backup, result.since, result.kept_at) == (1, 0, None)
    assert len(result.settled) == 1 and result.settled[0].read_bytes() == TORN
    assert store.damaged_files() == []


def test_breath_bell_setting_round_trips_through_save_and_export(
    data_dir: Path, clock: FakeClock, tmp_path: Path
) -> None:
    store = Store(data_dir, clock)
    assert store.settings().breath_bell is False
    saved = store.save_settings(replace(store.settings(), breath_bell=True))
    assert Store(data_dir, clock).settings().breath_bell is True
    assert json.loads((data_dir / "settings.json").read_text())["settings"]["1"]["breath_bell"]
    text = bundle_to_json(Bundle(settings=saved), clock.now())
    assert parse_thaw_json(text).settings == saved
    off = store.save_settings(replace(saved, breath_bell=False))
    assert parse_thaw_json(bundle_to_json(Bundle(settings=off), clock.now())).settings == off


def test_backup_label_names_the_time_it_was_taken(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    store.add_checkin(5)
    store.add_checkin(6)
    copy = backups.backup_path(data_dir, DAY1, Path(NOV))
    taken = datetime(2026, 11, 25, 8, 5, tzinfo=LONDON).timestamp()
    os.utime(copy, (taken, taken))
    _damage(data_dir)
    checked = Store(data_dir, clock)
    checked.scan()
    (problem,) = checked.problems
    assert "the backup of 25 Nov 08:05 (1 check-in)" in problem.message


def test_settings_put_back_say_so_in_words(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    store.save_settings(replace(store.settings(), theme="thaw-light"))
    clock.advance(86400)
    store.save_settings(replace(store.settings(), breath_bell=True))
    _damage(data_dir, "settings.json", b"[]")
    opened = Store(data_dir, clock)
    assert opened.settings().theme == "thaw-dark"  # set aside: defaults for now
    (damaged,) = opened.damaged_files()
    assert damaged.backup is not None and damaged.backup.day == DAY2
    (result,) = opened.restore_damaged(DAY2)
    assert "your settings" in result.message and "set of" not in result.message
    assert opened.settings().theme == "thaw-light"


def test_backup_folders_dated_in_the_future_never_stop_todays_backup(
    data_dir: Path, clock: FakeClock
) -> None:
    """A clock that ran ahead (or a synced folder) left ten backup folders dated next year."""
    (data_dir / "backups").mkdir(parents=True)
    ahead = [date(2027, 3, 1) + timedelta(days=i) for i in range(10)]
    for day in ahead:
        (data_dir / "backups" / day.isoformat()).mkdir()
        (data_dir / "backups" / day.isoformat() / "markers.json").write_text("{}")
    store = Store(data_dir, clock)
    today = clock.now().date()
    for _ in range(9):  # nine days of saving: two saves a day, so each day has a backup
        store.add_checkin(5)
        store.add_checkin(6)
        clock.advance(86400)
    kept = store.backups()
    last = clock.now().date() - timedelta(days=1)
    assert last in kept  # the newest day's copy was made and not pruned away at once
    assert [d for d in kept if d <= last] == [last - timedelta(days=i) for i in range(7)]
    assert today not in kept  # nine days old by now: pruned by age
    assert set(ahead) <= set(kept)  # never counted as newer than today, never removed
    assert store.future_backups() == sorted(ahead, reverse=True)
    told = [p for p in store.doctor() if "dated after today" in p.message]
    assert len(told) == 1 and not told[0].serious
    assert "10 backup folders" in told[0].message and "2027-03-10" in told[0].message
