"""An import and what was deleted here: left out and counted by default; brought back, once,
when the person asks (`with_deleted`), and then it is an ordinary record again."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from tui.core.clock import FakeClock
from tui.core.exchange import daylio_csv, journal
from tui.core.exchange.base import ReadOptions
from tui.core.exchange.codec import Bundle
from tui.core.exchange.plan import (
    ImportPlan,
    _records,
    apply_import,
    finish_cut_short,
    plan_import,
)
from tui.core.exchange.thaw_json import bundle_as_read, bundle_to_json, parse_thaw_json
from tui.core.records.models import NewCheckIn
from tui.core.store import Store

DAYLIO = "full_date,date,weekday,time,mood,activities,note_title,note\n"
# Made-up rows in Daylio's 8-column CSV layout (what tests/data/daylio_*.csv imitate too).
DAYLIO += "2026-11-20,November 20,Friday,9:15 am,good,walk,,a quiet morning\n"
DAYLIO += "2026-11-21,November 21,Saturday,6:40 pm,meh,,,\n"


def export(store: Store, clock: FakeClock) -> Bundle:
    """Everything in the store as a Thaw export holds it (ids and revs included)."""
    return parse_thaw_json(
        bundle_to_json(
            Bundle(
                checkins=tuple(store.checkins()),
                sessions=tuple(store.sessions()),
                markers=tuple(store.markers()),
                plan=tuple(store.plan_items()),
                contacts=tuple(store.contacts()),
                settings=None,
            ),
            clock.now(),
        )
    )


def filled(store: Store, clock: FakeClock) -> Bundle:
    """Two of every kind, exported, then one of each deleted here."""
    now = clock.now()
    entry = store.add_checkin(4, note="deleted later", at=now - timedelta(days=40))
    marker = store.add_marker("moved house")
    step = store.add_plan_item("Walk on Sundays")
    ann = store.add_contact("Ann")
    store.add_checkin(6, note="stays")
    store.add_marker("new job")
    store.add_plan_item("Read a page")
    store.add_contact("Bob")
    bundle = export(store, clock)
    store.delete_checkin(entry)
    store.delete_marker(marker)
    store.delete_plan_item(step)
    store.delete_contact(ann)
    return bundle


def plan_of(store: Store, bundle: Bundle, *, with_deleted: bool = False) -> ImportPlan:
    read = bundle_as_read(bundle, "an export", [])
    return plan_import(store, read, store.clock.now(), with_deleted=with_deleted)


def tombstones(data_dir: Path) -> dict[str, object]:
    """Every tombstone in every data file, by id."""
    found: dict[str, object] = {}
    for path in data_dir.rglob("*.json"):
        if "backups" in path.parts or "quarantine" in path.parts:
            continue
        meta = json.loads(path.read_text()).get("_meta", {})
        found.update(meta.get("2", {}).get("deleted", {}))
    return found


def test_an_export_from_before_the_deletes_brings_nothing_back_and_says_how_many(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    bundle = filled(store, clock)
    plan = plan_of(store, bundle)
    assert (plan.deleted_here, plan.skipped, plan.brought_back) == (4, 4, 0)
    assert plan.is_empty()  # not "would add 4" when the store would silently drop them
    apply_import(store, plan)
    assert [c.note for c in store.checkins()] == ["stays"]
    assert len(tombstones(data_dir)) == 4


def test_with_deleted_they_come_back_once_with_their_ids_and_can_be_deleted_again(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    bundle = filled(store, clock)
    plan = plan_of(store, bundle, with_deleted=True)
    assert (plan.deleted_here, plan.brought_back, plan.summary()) == (
        0,
        4,
        "1 check-in, 1 marker, 1 plan item and 1 contact",
    )
    apply_import(store, plan)
    again = Store(data_dir, clock)  # another window sees them too
    assert sorted(c.note for c in again.checkins()) == ["deleted later", "stays"]
    assert sorted(m.text for m in again.markers()) == ["moved house", "new job"]
    assert sorted(p.title for p in again.plan_items()) == ["Read a page", "Walk on Sundays"]
    assert sorted(c.name for c in again.contacts()) == ["Ann", "Bob"]
    assert {c.id for c in again.checkins()} == {c.id for c in bundle.checkins}
    assert tombstones(data_dir) == {}  # the marks went with the records' return
    assert plan_of(again, bundle, with_deleted=True).is_empty()  # never twice
    back = next(c for c in again.checkins() if c.note == "deleted later")
    assert back.rev > 2  # above its tombstone's: no restore or merge hides it again
    again.delete_checkin(back)
    assert [c.note for c in Store(data_dir, clock).checkins()] == ["stays"]


def test_a_deleted_daylio_row_is_known_by_its_source(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    read = daylio_csv.read(DAYLIO.encode(), ReadOptions(clock.now().tzinfo))
    apply_import(store, plan_import(store, read, clock.now()))
    morning = next(c for c in store.checkins() if c.note == "a quiet morning")
    store.delete_checkin(morning)
    left = plan_import(store, read, clock.now())
    assert (left.deleted_here, left.skipped, left.is_empty()) == (1, 1, True)
    asked = plan_import(store, read, clock.now(), with_deleted=True)
    assert (asked.brought_back, len(asked.checkins)) == (1, 1)
    apply_import(store, asked)
    assert sorted(c.note for c in store.checkins()) == ["", "a quiet morning"]
    assert tombstones(data_dir) == {}
    assert plan_import(store, read, clock.now(), with_deleted=True).is_empty()


def test_store_import_records_brings_back_only_when_asked(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    gone = store.add_checkin(4, note="deleted later")
    exported = NewCheckIn(
        at=gone.at, mood=gone.mood, note=gone.note, id=gone.id, rev=gone.rev, tz=gone.tz
    )
    store.delete_checkin(gone)
    store.import_records(checkins=[exported])
    assert store.checkins() == []
    store.import_records(checkins=[exported], with_deleted=True)
    assert [(c.id, c.note) for c in store.checkins()] == [(gone.id, "deleted later")]


def test_a_cut_short_import_asked_to_bring_back_finishes_the_same_way(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    bundle = filled(store, clock)
    plan = plan_of(store, bundle, with_deleted=True)
    journal.begin(data_dir, "export.json", plan.summary(), _records(plan)).release()  # killed
    done = finish_cut_short(store)
    assert len(done) == 1
    assert sorted(c.note for c in store.checkins()) == ["deleted later", "stays"]
    assert sorted(c.name for c in store.contacts()) == ["Ann", "Bob"]
