"""Durability observed: every save fsyncs the new file before renaming it over the old one and
fsyncs the folder after, all before the save returns. A SIGKILL test cannot see a missing
fsync (the page cache survives a killed process); only a power cut would. So the calls are
recorded here, for each record kind, and for import, restore, backup and settings."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from tui.core.clock import FakeClock
from tui.core.store import Store

Event = tuple[str, str, str]  # ("fsync", path, "") or ("rename", source, target)


def _fd_path(fd: int) -> str:
    return str(Path(f"/proc/self/fd/{fd}").readlink().resolve())


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Event]]:
    """Every fsync (by the path its descriptor names) and every rename, in order. Patched on
    `os` and `Path` themselves, so it sees them whichever storage module makes them."""
    if not Path("/proc/self/fd").is_dir():
        pytest.fail("this check reads /proc/self/fd (Linux)")
    events: list[Event] = []
    real_fsync, real_replace, real_rename = os.fsync, os.replace, os.rename

    def fsync(fd: int) -> None:
        events.append(("fsync", _fd_path(fd), ""))
        real_fsync(fd)

    def moved(real: Callable[..., None]) -> Callable[..., None]:
        def run(src: object, dst: object, *args: object, **kwargs: object) -> None:
            real(src, dst, *args, **kwargs)
            events.append(("rename", os.path.realpath(str(src)), os.path.realpath(str(dst))))

        return run

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", moved(real_replace))
    monkeypatch.setattr(os, "rename", moved(real_rename))
    # Path.replace / Path.rename call os.replace / os.rename, so they are recorded too.
    yield events


def assert_durable(events: list[Event], what: str) -> None:
    """Each rename: its new file fsynced before it, the folder(s) fsynced after it and before
    the next rename (a later step may rely on it: the import journal must be durable before the
    records it protects are written, so a folder fsync at the very end would come too late)."""
    renames = [(i, e) for i, e in enumerate(events) if e[0] == "rename"]
    assert renames, f"{what}: nothing was written through a rename"
    for n, (i, (_, src, dst)) in enumerate(renames):
        before = {path for kind, path, _ in events[:i] if kind == "fsync"}
        upto = renames[n + 1][0] if n + 1 < len(renames) else len(events)
        after = {path for kind, path, _ in events[i + 1 : upto] if kind == "fsync"}
        if Path(src).parent == Path(dst).parent:  # a temp file put in place: its bytes first
            assert src in before, f"{what}: {dst} was put in place before its bytes were fsynced"
        assert str(Path(dst).parent) in after, f"{what}: the rename into {dst} was not made durable"
        if Path(src).parent != Path(dst).parent:  # moved between folders (quarantine)
            assert str(Path(src).parent) in after, f"{what}: {src}'s folder was not fsynced"


def test_each_record_kind_is_saved_durably(
    data_dir: Path, clock: FakeClock, calls: list[Event]
) -> None:
    store = Store(data_dir, clock)
    saves: list[tuple[str, Callable[[], object]]] = [
        ("check-in", lambda: store.add_checkin(6, note="a note")),
        (
            "session",
            lambda: store.add_session(
                "breathe",
                "box",
                started_at=clock.now() - timedelta(minutes=3),
                planned_seconds=120,
                actual_seconds=120.0,
                completed=True,
            ),
        ),
        ("marker", lambda: store.add_marker("started walking")),
        ("plan item", lambda: store.add_plan_item("a step of my own")),
        ("contact", lambda: store.add_contact("Sam", phone="0123")),
        ("settings", lambda: store.save_settings(replace(store.settings(), bell=False))),
        ("check-in edit", lambda: store.update_checkin(store.checkins()[0], mood=7)),
    ]
    for what, save in saves:
        calls.clear()
        save()
        assert_durable(calls, what)


def test_a_draft_is_saved_durably(data_dir: Path, clock: FakeClock, calls: list[Event]) -> None:
    from tui.core.records.models import Draft

    store = Store(data_dir, clock)
    store.add_checkin(5)
    calls.clear()
    store.save_draft(Draft(mood=4, note="half a thought", saved_at=clock.now()))
    assert_durable(calls, "draft")


def test_the_daily_backup_is_written_durably(
    data_dir: Path, clock: FakeClock, calls: list[Event]
) -> None:
    store = Store(data_dir, clock)
    store.add_checkin(5)
    clock.advance(86400)  # the first save of a new day copies yesterday's file first
    calls.clear()
    store.add_checkin(6)
    assert_durable(calls, "backup and save")
    backups = [dst for kind, _, dst in calls if kind == "rename" and "/backups/" in dst]
    assert backups, "no backup was written on the first save of the day"


def test_import_is_written_durably(data_dir: Path, clock: FakeClock, calls: list[Event]) -> None:
    from tests.unit.test_exchange_store import DATA
    from tui.core.exchange import daylio_csv
    from tui.core.exchange.base import ReadOptions
    from tui.core.exchange.plan import apply_import, plan_import

    store = Store(data_dir, clock)
    data = (DATA / "daylio_7col.csv").read_bytes()
    read = daylio_csv.read(data, ReadOptions(clock.now().tzinfo))
    plan = plan_import(store, read, clock.now())
    assert not plan.is_empty()
    calls.clear()
    apply_import(store, plan)
    assert_durable(calls, "import")


def test_restore_is_written_durably(data_dir: Path, clock: FakeClock, calls: list[Event]) -> None:
    store = Store(data_dir, clock)
    first = store.add_checkin(4)
    clock.advance(86400)
    store.update_checkin(first, note="changed the next day")  # the backup holds rev 1
    (day,) = store.backups()
    rel = next(p.relative_to(data_dir) for p in (data_dir / "checkins").glob("*.json"))
    calls.clear()
    store.restore_file(rel, day)
    assert_durable(calls, "restore")


def test_a_damaged_file_is_set_aside_durably(
    data_dir: Path, clock: FakeClock, calls: list[Event]
) -> None:
    """Quarantine moves the file between folders: both folders are fsynced after the move."""
    store = Store(data_dir, clock)
    store.add_checkin(5)
    (month,) = (data_dir / "checkins").glob("*.json")
    month.write_bytes(b'{"checkins": {"1": {"mood"')
    calls.clear()
    assert Store(data_dir, clock).scan()  # the check finds it and sets it aside
    moved = [e for e in calls if e[0] == "rename" and "/quarantine/" in e[2]]
    assert moved, "the damaged file was not moved into quarantine"
    assert_durable(calls, "quarantine")
