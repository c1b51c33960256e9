"""Imports applied to a real Store: dedup, checks first, settings only into a fresh Thaw."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tui.core.clock import FakeClock
from tui.core.exchange import (
    Bundle,
    apply_import,
    bundle_to_json,
    parse_daylio_csv,
    parse_thaw_json,
    plan_bundle_import,
    plan_checkin_import,
)
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
DATA = Path(__file__).parent.parent / "data"


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
    items = parse_daylio_csv(text, LONDON)
    first = plan_checkin_import(store, items)
    assert (first.checkin_count, first.skipped) == (4, 0)
    assert store.checkins() == []  # planning writes nothing
    apply_import(store, first)
    again = plan_checkin_import(store, parse_daylio_csv(text, LONDON))
    assert (again.checkin_count, again.skipped) == (0, 4)
    assert again.is_empty()


def test_thaw_export_into_a_fresh_store_brings_everything(clock: FakeClock, tmp_path: Path) -> None:
    source = Store(tmp_path / "a", clock)
    source.add_checkin(
        4, feel=1, emotions=("numb",), note="hi", at=clock.now() - timedelta(hours=3)
    )
    source.add_marker("new job", "life", at=clock.now() - timedelta(days=3))
    source.save_settings(replace(source.settings(), country="GB"))
    bundle = _export(source, clock)

    target = Store(tmp_path / "b", clock)
    plan = plan_bundle_import(target, bundle)
    assert plan.summary() == "1 check-in, 1 marker and your settings"
    apply_import(target, plan)
    (copy,) = target.checkins()
    assert (copy.mood, copy.feel, copy.emotions, copy.note) == (4, 1, ("numb",), "hi")
    assert copy.source == f"thaw:{source.checkins()[0].id}"
    assert target.settings().country == "GB"
    assert plan_bundle_import(target, bundle).is_empty()


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
