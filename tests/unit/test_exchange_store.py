"""Imports applied to a real Store: dedup, checks first, settings only into a fresh Thaw."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui.core.clock import FakeClock
from tui.core.errors import InputError
from tui.core.exchange import daylio_csv
from tui.core.exchange.base import FileRead, ReadOptions
from tui.core.exchange.codec import Bundle
from tui.core.exchange.plan import ImportPlan, apply_import, plan_import
from tui.core.exchange.thaw_json import bundle_as_read, bundle_to_json, parse_thaw_json
from tui.core.records.models import NewCheckIn
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
DATA = Path(__file__).parent.parent / "data"


def plan_bundle_import(store: Store, bundle: Bundle) -> ImportPlan:
    return plan_import(store, bundle_as_read(bundle, "an export", []), store.clock.now())


def _daylio(text: str) -> FileRead:
    return daylio_csv.read(text.encode(), ReadOptions(LONDON))


def _export(store: Store, clock: FakeClock) -> Bundle:
    return parse_thaw_json(
        bundle_to_json(
            Bundle(
                checkins=tuple(store.checkins()),
                sessions=tuple(store.sessions()),
                markers=tuple(store.markers()),
                plan=tuple(store.plan_items()),
                contacts=tuple(store.contacts()),
                settings=store.settings(),
            ),
            clock.now(),
        )
    )


def test_daylio_plan_leaves_out_what_is_already_there(clock: FakeClock, data_dir: Path) -> None:
    store = Store(data_dir, clock)
    text = (DATA / "daylio_7col.csv").read_text(encoding="utf-8-sig")
    first = plan_import(store, _daylio(text), clock.now())
    assert (first.checkin_count, first.skipped) == (4, 0)
    assert store.checkins() == []  # planning writes nothing
    apply_import(store, first)
    again = plan_import(store, _daylio(text), clock.now())
    assert (again.checkin_count, again.skipped) == (0, 4)
    assert again.is_empty()


def _fill_a_little_of_everything(store: Store, clock: FakeClock) -> None:
    now = clock.now()
    store.add_checkin(4, feel=1, emotions=("numb",), note="hi", at=now - timedelta(hours=3))
    # Made in New York: its zone name must survive an import on a machine set to London.
    store.add_checkin(6, tags=("trip",), at=datetime(2026, 9, 14, 8, 5, tzinfo=NEW_YORK))
    edited = store.add_checkin(5, at=now - timedelta(days=40))
    store.update_checkin(edited, note="edited once, so rev 2")
    session = store.add_session(
        "breathe", "box", started_at=now - timedelta(days=2), planned_seconds=120,
        actual_seconds=118.5, completed=True, before=2, after=3, notes=("warm",),
    )  # fmt: skip
    store.update_session(session, rating=None, after=4)
    store.add_marker("new job", "life", at=now - timedelta(days=3))
    store.add_plan_item("Talk to someone", key="talk", status="thinking", next_step="call")
    store.add_contact("Sam", phone="+44 7700 900000", note="evenings")
    store.save_settings(replace(store.settings(), country="GB"))


def test_thaw_export_into_a_fresh_store_gives_back_identical_records(
    clock: FakeClock, tmp_path: Path
) -> None:
    source = Store(tmp_path / "a", clock)
    _fill_a_little_of_everything(source, clock)
    bundle = _export(source, clock)

    target = Store(tmp_path / "b", clock)
    plan = plan_bundle_import(target, bundle)
    assert plan.summary() == (
        "3 check-ins, 1 practice session, 1 marker, 1 plan item, 1 contact and your settings"
    )
    apply_import(target, plan)
    # Whole records, ids and revisions included (settings: all but rev, a per-store counter).
    assert target.checkins() == source.checkins()
    assert [c.rev for c in target.checkins()] == [1, 2, 1]
    assert {c.tz for c in target.checkins()} == {"Europe/London", "America/New_York"}
    assert target.sessions() == source.sessions()
    assert target.sessions()[0].rev == 2
    assert target.markers() == source.markers()
    assert target.plan_items() == source.plan_items()
    assert target.contacts() == source.contacts()
    assert replace(target.settings(), rev=1) == replace(source.settings(), rev=1)

    again = plan_bundle_import(target, bundle)
    assert again.is_empty()
    apply_import(target, again)
    assert len(target.checkins()) == 3
    # Even applied blindly, the very same records are recognised by id and left out.
    apply_import(target, plan)
    assert target.checkins() == source.checkins()
    assert target.sessions() == source.sessions()
    assert target.markers() == source.markers()
    assert target.plan_items() == source.plan_items()
    assert target.contacts() == source.contacts()


def test_an_imported_id_is_kept_only_when_well_formed(clock: FakeClock, data_dir: Path) -> None:
    store = Store(data_dir, clock)
    at = clock.now() - timedelta(days=1)
    good = "a" * 32
    added = store.add_checkins(
        [
            NewCheckIn(at=at, mood=3, id=good, rev=4),
            NewCheckIn(at=at, mood=4, id="no spaces/or slashes\x1b[31m", rev=9),
            NewCheckIn(at=at, mood=5, id=good, rev=7),  # same id twice in one batch
        ]
    )
    assert [(c.mood, c.rev) for c in added] == [(3, 4), (4, 1)]
    assert added[0].id == good
    assert added[1].id != good and len(added[1].id) == 32
    assert added[1].source.startswith("thaw:no spaces")
    assert "\x1b" not in added[1].source
    # The same items again: the kept id and the remembered source both say "already here".
    again = store.add_checkins(
        [NewCheckIn(at=at, mood=3, id=good), NewCheckIn(at=at, mood=4, id="no spaces/or slashes")]
    )
    assert again == []
    assert len(store.checkins()) == 2


def test_a_zone_that_does_not_fit_the_time_is_not_kept(clock: FakeClock, data_dir: Path) -> None:
    store = Store(data_dir, clock)
    at = datetime(2026, 11, 20, 8, 0, tzinfo=LONDON)
    (wrong,) = store.add_checkins([NewCheckIn(at=at, mood=3, tz="America/New_York")])
    (bogus,) = store.add_checkins([NewCheckIn(at=at, mood=3, tz="../../etc/passwd", id="b")])
    assert wrong.tz == "Europe/London"
    assert bogus.tz == "Europe/London"


def test_settings_never_overwrite_ones_already_chosen(clock: FakeClock, tmp_path: Path) -> None:
    source = Store(tmp_path / "a", clock)
    source.save_settings(replace(source.settings(), country="GB"))
    target = Store(tmp_path / "b", clock)
    target.save_settings(replace(target.settings(), country="US"))
    plan = plan_bundle_import(target, _export(source, clock))
    assert plan.settings is None
    apply_import(target, plan)
    assert target.settings().country == "US"


def test_a_checkin_already_in_the_store_is_recognised_by_id(
    clock: FakeClock, data_dir: Path
) -> None:
    store = Store(data_dir, clock)
    store.add_checkin(7, at=datetime(2026, 11, 20, 8, 0, tzinfo=LONDON))
    plan = plan_bundle_import(store, _export(store, clock))
    assert (plan.checkin_count, plan.skipped) == (0, 1)


def test_an_import_names_a_record_it_cannot_take_and_takes_the_rest(
    clock: FakeClock, tmp_path: Path
) -> None:
    source = Store(tmp_path / "a", clock)
    _fill_a_little_of_everything(source, clock)
    bundle = _export(source, clock)
    # A marker the store would refuse (dated next week), after check-ins and sessions that are fine.
    late = replace(bundle.markers[0], at=clock.now() + timedelta(days=7))
    bundle = replace(bundle, markers=(late,))
    target = Store(tmp_path / "b", clock)
    plan = plan_bundle_import(target, bundle)
    assert [(r.where, "in the future" in r.reason) for r in plan.rejected] == [("Marker 1", True)]
    apply_import(target, plan)
    assert target.checkins() == source.checkins()
    assert target.sessions() == source.sessions()
    assert target.markers() == []


def test_a_record_the_store_refuses_after_all_stops_the_whole_import(
    clock: FakeClock, tmp_path: Path
) -> None:
    """A plan written blindly (its checks skipped) is still all or nothing at the store."""
    source = Store(tmp_path / "a", clock)
    _fill_a_little_of_everything(source, clock)
    bundle = _export(source, clock)
    late = replace(bundle.markers[0], at=clock.now() + timedelta(days=7))
    target = Store(tmp_path / "b", clock)
    plan = plan_bundle_import(target, bundle)
    plan.markers = [late]
    with pytest.raises(InputError, match="future"):
        apply_import(target, plan)
    assert not (tmp_path / "b" / "checkins").exists()
    assert not (tmp_path / "b" / "sessions").exists()
    assert target.checkins() == [] and target.markers() == []
    assert not any((tmp_path / "b" / "unfinished-imports").iterdir())  # nothing to finish


def test_a_plan_title_beyond_the_limit_is_named_and_everything_else_comes_back(
    clock: FakeClock, tmp_path: Path
) -> None:
    """Issue 14: one over-long record no longer keeps a whole export out."""
    source = Store(tmp_path / "a", clock)
    _fill_a_little_of_everything(source, clock)
    bundle = _export(source, clock)
    huge = replace(bundle.plan[0], id="p" * 32, title="t" * 1_048_576, key="")
    bundle = replace(bundle, plan=(*bundle.plan, huge))
    target = Store(tmp_path / "b", clock)
    plan = plan_bundle_import(target, bundle)
    assert [(r.where, r.reason) for r in plan.rejected] == [
        ("Plan item 2", "its title is 1,048,576 characters; Thaw keeps up to 300")
    ]
    apply_import(target, plan)
    assert target.checkins() == source.checkins()
    assert target.plan_items() == source.plan_items()
    assert target.contacts() == source.contacts()


def test_a_thaw_file_holding_the_same_check_in_twice_imports_it_once(
    clock: FakeClock, tmp_path: Path
) -> None:
    """Two exports pasted into one file by hand give the same id twice: one record comes in,
    the copy is counted as already there, never saved as a second check-in."""
    source = Store(tmp_path / "a", clock)
    source.add_checkin(4, note="only once", at=clock.now() - timedelta(hours=1))
    bundle = _export(source, clock)
    doubled = replace(bundle, checkins=bundle.checkins * 2)
    target = Store(tmp_path / "b", clock)
    plan = plan_bundle_import(target, doubled)
    assert (plan.checkin_count, plan.skipped) == (1, 1)
    apply_import(target, plan)
    assert target.checkins() == source.checkins()
