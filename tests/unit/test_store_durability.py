"""Durability observed, not assumed: every save fsyncs the new file before renaming it into place
and fsyncs the folder after, both before the save returns (issue 11, item 2).

A SIGKILL test cannot see a missing fsync (the page cache survives a killed process), so these
tests watch the calls themselves: `os.fsync`, `os.replace` and `os.rename` are wrapped and each
call is recorded with the inode it touched.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui.core.clock import FakeClock
from tui.core.records.models import Contact, Draft, Marker, NewCheckIn, PlanItem, Session
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
NOV = Path("checkins/2026-11.json")


@dataclass
class _Event:
    what: str  # "fsync" | "replace" | "rename"
    inode: int = 0  # fsync: the inode synced; replace: the new file's inode
    is_dir: bool = False
    target: Path = field(default_factory=Path)  # replace / rename: where it went
    source: Path = field(default_factory=Path)


class _Calls:
    """Records fsync, replace and rename calls in order, then lets the real call run."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.events: list[_Event] = []
        real_fsync, real_replace, real_rename = os.fsync, os.replace, os.rename

        def fsync(fd: int) -> None:
            info = os.fstat(fd)
            self.events.append(_Event("fsync", info.st_ino, stat.S_ISDIR(info.st_mode)))
            real_fsync(fd)

        def replace_(src: str | Path, dst: str | Path) -> None:
            inode = Path(src).stat().st_ino
            self.events.append(_Event("replace", inode, target=Path(dst), source=Path(src)))
            real_replace(src, dst)

        def rename(src: str | Path, dst: str | Path) -> None:
            self.events.append(_Event("rename", target=Path(dst), source=Path(src)))
            real_rename(src, dst)

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace_)
        monkeypatch.setattr(os, "rename", rename)

    def during(self, action: Callable[[], object]) -> list[_Event]:
        self.events.clear()
        action()
        return list(self.events)


def _assert_durable(events: list[_Event]) -> list[Path]:
    """Every replace had its new file fsynced before it and its folder fsynced after it; every
    rename had both folders fsynced after it. Returns the files replaced."""
    replaced: list[Path] = []
    for i, event in enumerate(events):
        if event.what not in ("replace", "rename"):
            continue
        if event.what == "replace":
            assert any(
                e.what == "fsync" and not e.is_dir and e.inode == event.inode for e in events[:i]
            ), f"{event.target} was renamed into place before its new content was fsynced"
            replaced.append(event.target)
        folders = {event.target.parent}
        if event.what == "rename":
            folders.add(event.source.parent)
        for folder in folders:
            inode = folder.stat().st_ino
            assert any(e.what == "fsync" and e.is_dir and e.inode == inode for e in events[i:]), (
                f"the folder {folder} was not fsynced after {event.target} was put in it"
            )
    return replaced


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Store:
    return Store(data_dir, clock)


@pytest.fixture
def calls(store: Store, monkeypatch: pytest.MonkeyPatch) -> _Calls:
    return _Calls(monkeypatch)


def _rels(data_dir: Path, paths: list[Path]) -> set[str]:
    return {str(p.relative_to(data_dir)) for p in paths}


def _session(store: Store) -> Session:
    return store.add_session(
        "breathe", "box", started_at=store.clock.now() - timedelta(minutes=3),
        planned_seconds=120, actual_seconds=120.0, completed=True,
    )  # fmt: skip


SAVES: dict[str, tuple[Callable[[Store], object], str]] = {
    "add check-in": (lambda s: s.add_checkin(5, note="hi"), str(NOV)),
    "update check-in": (lambda s: s.update_checkin(s.checkins()[0], mood=2), str(NOV)),
    "delete check-in": (lambda s: s.delete_checkin(s.checkins()[0]), str(NOV)),
    "add practice": (_session, "sessions/2026-11.json"),
    "update practice": (
        lambda s: s.update_session(s.sessions()[0], rating=3),
        "sessions/2026-11.json",
    ),
    "add marker": (lambda s: s.add_marker("moved house", "life"), "markers.json"),
    "update marker": (lambda s: s.update_marker(s.markers()[0], text="moved"), "markers.json"),
    "delete marker": (lambda s: s.delete_marker(s.markers()[0]), "markers.json"),
    "add plan step": (lambda s: s.add_plan_item("walk"), "plan.json"),
    "update plan step": (
        lambda s: s.update_plan_item(s.plan_items()[0], status="doing"),
        "plan.json",
    ),
    "delete plan step": (lambda s: s.delete_plan_item(s.plan_items()[0]), "plan.json"),
    "add contact": (lambda s: s.add_contact("Sam"), "contacts.json"),
    "update contact": (lambda s: s.update_contact(s.contacts()[0], phone="1"), "contacts.json"),
    "delete contact": (lambda s: s.delete_contact(s.contacts()[0]), "contacts.json"),
    "settings": (lambda s: s.save_settings(replace(s.settings(), bell=False)), "settings.json"),
    "draft": (lambda s: s.save_draft(Draft(saved_at=s.clock.now(), mood=3)), "draft.json"),
    "clear draft": (lambda s: s.clear_draft(), "draft.json"),
}


def _seed(store: Store) -> None:
    store.add_checkin(6)
    _session(store)
    store.add_marker("started therapy", "therapy")
    store.add_plan_item("sleep")
    store.add_contact("Alex")
    store.save_settings(store.settings())
    store.save_draft(Draft(saved_at=store.clock.now(), mood=4))


@pytest.mark.parametrize("name", sorted(SAVES))
def test_each_kind_of_save_is_durable_before_it_returns(
    name: str, store: Store, data_dir: Path, calls: _Calls
) -> None:
    _seed(store)
    _seed(store)  # now the day's backups exist: only the save itself is written
    action, rel = SAVES[name]
    replaced = _assert_durable(calls.during(lambda: action(store)))
    assert _rels(data_dir, replaced) == {rel}


def test_the_days_first_save_makes_a_durable_backup_first(
    store: Store, data_dir: Path, clock: FakeClock, calls: _Calls
) -> None:
    store.add_checkin(5)
    clock.advance(86400)  # the next day: its first save keeps a copy of the file as it was
    yesterday = clock.now() - timedelta(days=1)
    replaced = _assert_durable(calls.during(lambda: store.add_checkin(6, at=yesterday)))
    assert _rels(data_dir, replaced) == {f"backups/2026-11-26/{NOV}", str(NOV)}
    assert replaced.index(data_dir / "backups" / "2026-11-26" / NOV) == 0  # the copy first


def test_an_import_of_every_kind_is_durable(store: Store, data_dir: Path, calls: _Calls) -> None:
    at = datetime(2026, 10, 3, 9, tzinfo=LONDON)
    session = replace(_session(store), id="", started_at=at)
    events = calls.during(
        lambda: store.import_records(
            checkins=[NewCheckIn(at=at, mood=4), NewCheckIn(at=at.replace(month=9), mood=5)],
            sessions=[session],
            markers=[Marker(id="", at=at, text="moved", kind="life")],
            plan=[PlanItem(id="", title="walk")],
            contacts=[Contact(id="", name="Sam")],
        )
    )
    replaced = _assert_durable(events)
    assert _rels(data_dir, replaced) >= {
        "checkins/2026-10.json",
        "checkins/2026-09.json",
        "sessions/2026-10.json",
        "markers.json",
        "plan.json",
        "contacts.json",
    }


def test_setting_aside_and_putting_back_a_file_is_durable(
    store: Store, data_dir: Path, clock: FakeClock, calls: _Calls
) -> None:
    store.add_checkin(5)
    store.add_checkin(6)  # the backup of 25 Nov holds the first
    (data_dir / NOV).write_bytes(b'{"checkins": {"1": ')
    set_aside = calls.during(store.scan)
    _assert_durable(set_aside)
    assert any(e.what == "rename" and e.source == data_dir / NOV for e in set_aside)
    restored = calls.during(lambda: store.restore_file(NOV, date(2026, 11, 25)))
    replaced = _assert_durable(restored)
    assert data_dir / NOV in replaced
    assert any(e.what == "rename" and e.target.name.endswith(".resolved") for e in restored)
    assert len(store.checkins()) == 1
