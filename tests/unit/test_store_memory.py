"""Reading all of history streams: one month file's records in memory at a time, not all."""

from __future__ import annotations

import gc
import json
import tracemalloc
import weakref
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui.core.clock import FakeClock
from tui.core.records.models import NewCheckIn
from tui.core.storage import files, schema
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
MONTHS = 8
PER_MONTH = 6


class _Doc(dict):  # type: ignore[type-arg]
    """A stored record that can be watched with a weak reference."""


class _Watch:
    """Wraps storage.load_file: counts records still alive from earlier files at each load."""

    def __init__(self) -> None:
        self.alive: list[weakref.ref[_Doc]] = []
        self.most_held = 0

    def load(self, path: Path) -> schema.Loaded | None:
        gc.collect()
        self.alive = [r for r in self.alive if r() is not None]
        self.most_held = max(self.most_held, len(self.alive))
        loaded = _REAL_LOAD(path)
        if loaded is None:
            return None
        for table in loaded.tables.values():
            for key, doc in table.items():
                table[key] = wrapped = _Doc(doc)
                self.alive.append(weakref.ref(wrapped))
        return loaded


_REAL_LOAD = files.load_file


@pytest.fixture
def history(tmp_path: Path, clock: FakeClock) -> Path:
    data = tmp_path / "data"
    start = datetime(2026, 3, 1, 9, 0, tzinfo=LONDON)
    items = [
        NewCheckIn(at=start + timedelta(days=31 * m + d), mood=5, tags=("walk",))
        for m in range(MONTHS)
        for d in range(PER_MONTH)
    ]
    Store(data, clock).add_checkins(items)
    assert len(list((data / "checkins").glob("*.json"))) == MONTHS
    return data


def test_the_full_check_holds_one_month_at_a_time(
    history: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = _Watch()
    monkeypatch.setattr(files, "load_file", watch.load)
    checked = Store(history, clock)
    checked.scan()
    assert checked.problems == []
    assert watch.most_held <= PER_MONTH + 1  # the previous file's records, at most (+ _meta)


def test_reading_all_checkins_holds_one_month_of_raw_records_at_a_time(
    history: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(history, clock)
    watch = _Watch()
    monkeypatch.setattr(files, "load_file", watch.load)
    assert len(store.checkins()) == MONTHS * PER_MONTH
    assert len(store.known_tags()) == 1
    assert watch.most_held <= PER_MONTH + 1


def test_the_streamed_check_still_heals_doubles_in_one_file_and_across_files(
    history: Path, clock: FakeClock
) -> None:
    store = Store(history, clock)
    first, second = store.checkins()[:2]  # both in March
    march = history / "checkins" / "2026-03.json"
    april = history / "checkins" / "2026-04.json"
    raw = json.loads(march.read_bytes())
    table = raw["checkins"]
    docs = {d["id"]: d for d in table.values()}
    table["900"] = {**docs[first.id], "rev": 5, "note": "newer copy, same file"}
    march.write_text(json.dumps(raw))
    raw_april = json.loads(april.read_bytes())
    raw_april["checkins"]["900"] = {**docs[second.id], "note": "older copy, other file"}
    raw_april["checkins"]["901"] = {**docs[second.id], "rev": 3, "note": "newest copy"}
    april.write_text(json.dumps(raw_april))

    fresh = Store(history, clock)
    fresh.scan()
    assert fresh.problems == []
    ids = [c.id for c in fresh.checkins()]
    assert len(ids) == len(set(ids)) == MONTHS * PER_MONTH
    on_disk = [
        d["id"]
        for p in sorted((history / "checkins").glob("*.json"))
        for d in json.loads(p.read_bytes())["checkins"].values()
    ]
    assert sorted(on_disk) == sorted(ids)  # every lower-rev copy is gone from the files
    notes = {c.id: (c.rev, c.note) for c in fresh.checkins()}
    assert notes[first.id] == (5, "newer copy, same file")
    assert notes[second.id] == (3, "newest copy")


# --- the full check keeps a few bytes a record, not every id (issue 18, item 4) ----------------


def _years_of_checkins(data: Path, clock: FakeClock, years: int, per_month: int = 60) -> int:
    start = datetime(2000, 1, 1, 9, 0, tzinfo=LONDON)
    items = [
        NewCheckIn(at=start + timedelta(days=30.4 * m + d / 2), mood=5, note="a note")
        for m in range(12 * years)
        for d in range(per_month)
    ]
    Store(data, clock).add_checkins(items)
    return len(items)


def _scan_peak(data: Path, clock: FakeClock) -> int:
    """Traced bytes the full check held at its peak, above what was held before it began."""
    store = Store(data, clock)
    store.scan()  # the modules it needs, imported outside the measure
    gc.collect()
    tracemalloc.start()
    try:
        Store(data, clock).scan()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def test_the_full_check_grows_by_a_few_bytes_a_record_not_by_every_id(
    tmp_path: Path, clock: FakeClock
) -> None:
    """Eight years of check-ins against one: the check holds one month at a time, so the only
    growth is what it keeps of each record to find ids stored twice. Keeping every id as a
    string (with its file) cost about 140 bytes a record; a hash costs 4."""
    one, eight = tmp_path / "one", tmp_path / "eight"
    few = _years_of_checkins(one, clock, 1)
    many = _years_of_checkins(eight, clock, 8)
    growth = _scan_peak(eight, clock) - _scan_peak(one, clock)
    per_record = growth / (many - few)
    assert per_record < 40, f"{per_record:.0f} bytes a record"


def test_ids_that_share_a_hash_lose_nothing_and_real_doubles_still_heal(
    history: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every id given the same hash: each file looks like it might hold a double, and only the
    record really stored twice loses its older copy."""
    from tui.core import care

    store = Store(history, clock)
    before = store.checkins()
    doubled = before[3]
    march, may = history / "checkins" / "2026-03.json", history / "checkins" / "2026-05.json"
    stored = next(d for d in json.loads(march.read_bytes())["checkins"].values())
    assert stored["id"] == before[0].id
    raw = json.loads(may.read_bytes())
    raw["checkins"]["950"] = {**stored, "id": doubled.id, "rev": 0}  # an older copy elsewhere
    may.write_text(json.dumps(raw))
    monkeypatch.setattr(care, "id_hash", lambda rec_id: 12345)

    fresh = Store(history, clock)
    fresh.scan()
    assert fresh.problems == []
    assert fresh.checkins() == before
    on_disk = [
        d["id"]
        for p in sorted((history / "checkins").glob("*.json"))
        for d in json.loads(p.read_bytes())["checkins"].values()
    ]
    assert sorted(on_disk) == sorted(c.id for c in before)
