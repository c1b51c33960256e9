"""Deletions are remembered as tombstones in the same files (their `_meta` table): a restore, a
merge or an import never brings a deleted entry back unless the person asks for it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui.core.clock import FakeClock
from tui.core.errors import StaleEditError
from tui.core.records.models import NewCheckIn
from tui.core.restore import merge_tables
from tui.core.storage.schema import Doc, Tables
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")


def _month(data_dir: Path) -> dict[str, dict[str, dict[str, object]]]:
    (month,) = (data_dir / "checkins").glob("*.json")
    loaded: dict[str, dict[str, dict[str, object]]] = json.loads(month.read_text())
    return loaded


def test_a_deleted_check_in_leaves_only_its_id_rev_and_time(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    kept = store.add_checkin(5, note="stays")
    gone = store.add_checkin(3, note="private words")
    store.delete_checkin(gone)
    raw = _month(data_dir)
    assert [d["id"] for d in raw["checkins"].values()] == [kept.id]  # the words are gone
    assert raw["_meta"]["1"] == {"schema": 1}
    assert raw["_meta"]["2"] == {
        "deleted": {gone.id: {"rev": 2, "deleted_at": clock.now().isoformat()}}
    }
    assert [c.id for c in store.checkins()] == [kept.id]
    assert [c.id for c in store.recent_checkins(5)] == [kept.id]
    assert store.scan() == []  # a tombstone is not an unreadable entry
    with pytest.raises(StaleEditError, match="deleted in another window"):
        store.update_checkin(gone, mood=4)


def test_deleting_the_only_check_in_of_a_day_means_none_that_day(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    store.delete_checkin(store.add_checkin(5))
    assert not store.has_checkin_on(clock.now().date())
    from tui.core.storage.quick import quick_has_checkin_on

    assert quick_has_checkin_on(data_dir, clock.now().date()) is False


def test_restoring_the_whole_backup_after_a_delete_leaves_it_deleted(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    first = store.add_checkin(5, note="first")
    store.add_checkin(6, note="second")  # today's backup holds the first
    marker = store.add_marker("moved house")
    store.add_marker("started therapy")  # today's backup of markers holds one
    clock.advance(3600)
    store.delete_checkin(first)
    store.delete_marker(marker)
    (day,) = store.backups()

    results = store.restore_backup(day)
    assert sorted(c.note for c in store.checkins()) == ["second"]
    assert [m.text for m in store.markers()] == ["started therapy"]
    said = " ".join(r.message for r in results)
    assert "1 check-in you deleted since stays deleted" in said
    assert "1 timeline note you deleted since stays deleted" in said

    store.restore_backup(day, with_deleted=True)  # asked for: they come back
    assert sorted(c.note for c in store.checkins()) == ["first", "second"]
    assert sorted(m.text for m in store.markers()) == ["moved house", "started therapy"]
    store.restore_backup(day)  # and a later plain restore keeps them (their rev is higher)
    assert len(store.checkins()) == 2


def test_importing_an_export_taken_before_a_delete_does_not_bring_it_back(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    gone = store.add_checkin(4, note="deleted later")
    exported = NewCheckIn(
        at=gone.at, mood=gone.mood, note=gone.note, id=gone.id, rev=gone.rev, tz=gone.tz
    )
    daylio_row = NewCheckIn(
        at=gone.at - timedelta(days=3), mood=7, source="daylio:2026-11-22 08:00"
    )
    (from_daylio,) = store.add_checkins([daylio_row])
    store.delete_checkin(gone)
    store.delete_checkin(from_daylio)
    assert store.add_checkins([exported, daylio_row]) == []
    store.import_records(checkins=[exported, daylio_row])
    assert store.checkins() == []


def test_merge_keeps_a_tombstone_over_an_older_copy_and_counts_it() -> None:
    copy: Doc = {"id": "a", "rev": 1, "text": "x", "at": "2026-11-20T10:00:00+00:00"}
    mark: Doc = {"rev": 2, "deleted_at": "2026-11-21T10:00:00+00:00"}
    backup: Tables = {"markers": {"1": copy}, "_meta": {"1": {"schema": 1}}}
    live: Tables = {"markers": {}, "_meta": {"1": {"schema": 1}, "2": {"deleted": {"a": mark}}}}
    done = merge_tables(backup, live)
    assert done.tables["markers"] == {}
    assert done.tables["_meta"]["2"] == {"deleted": {"a": mark}}
    assert (done.from_backup, done.since, done.left_deleted) == (1, 0, 1)
    back = merge_tables(backup, live, with_deleted=True)
    assert back.tables["markers"] == {"1": {**copy, "rev": 3}}
    assert "2" not in back.tables["_meta"] and back.brought_back == 1
    assert live["_meta"]["2"] == {"deleted": {"a": mark}}  # the input is left as it was


def test_a_tombstone_in_another_month_outranks_an_older_copy_left_by_a_move(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    item = store.add_checkin(5, at=datetime(2026, 10, 30, 9, tzinfo=LONDON))
    moved = store.update_checkin(item, at=datetime(2026, 11, 2, 9, tzinfo=LONDON))
    store.delete_checkin(moved)
    # An interrupted move left the October copy (rev 1) behind: it must not come back.
    october = data_dir / "checkins" / "2026-10.json"
    raw = json.loads(october.read_text())
    raw["checkins"]["9"] = {"id": item.id, "rev": 1, "mood": 5, "at": item.at.isoformat()}
    october.write_text(json.dumps(raw))
    again = Store(data_dir, clock)
    assert again.checkins() == []
    assert again.recent_checkins(3) == []
