"""Data-safety proofs: permissions, symlinks, bad files, newer schemas, full disk, read-only,
backups, migrations and healing after an interrupted move."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.proc_env import checkout_env, python_cmd
from tui.core.clock import FakeClock
from tui.core.errors import DataError, DiskFullError, ReadOnlyError, UnsafePathError
from tui.core.records.models import NewCheckIn
from tui.core.storage import files, lock, quarantine, schema
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
HELPERS = Path(__file__).resolve().parent.parent / "helpers"
AS_ROOT = os.geteuid() == 0
OTHER_UID = 12345
NOV = Path("checkins") / "2026-11.json"


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Store:
    return Store(data_dir, clock)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _temps(root: Path) -> list[Path]:
    return list(root.rglob(f"*{files.TEMP_SUFFIX}"))


# --- permissions and unsafe paths ---------------------------------------------------------------


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("loose_umask")
def test_files_are_private_even_with_umask_022(store: Store, data_dir: Path) -> None:
    store.add_checkin(5)
    store.add_checkin(5)  # second write of the day makes a backup
    store.add_session(
        "ground",
        "54321",
        started_at=store.clock.now(),
        planned_seconds=None,
        actual_seconds=60,
        completed=True,
    )
    store.save_settings(store.settings())
    assert _mode(data_dir) == 0o700
    paths = list(data_dir.rglob("*"))
    assert any(p.parts[-3:] == ("backups", "2026-11-25", "checkins") for p in paths)
    for path in paths:
        want = 0o700 if path.is_dir() else 0o600
        assert _mode(path) == want, path


def test_symlinked_data_dir_is_refused(tmp_path: Path, clock: FakeClock) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    with pytest.raises(UnsafePathError, match="symbolic link"):
        Store(link, clock)
    assert list(real.iterdir()) == []


def test_symlinked_data_file_is_refused(store: Store, data_dir: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text('{"checkins": {}}')
    (data_dir / "checkins").mkdir(mode=0o700)
    (data_dir / NOV).symlink_to(secret)
    with pytest.raises(UnsafePathError, match="symbolic link"):
        store.add_checkin(5)
    # Reading refuses it with a sentence naming it, and the rest of the data still shows
    # (issue 13: one symlinked month used to make every read fail).
    assert store.has_checkin_on(date(2026, 11, 25)) is False
    assert any(p.path == data_dir / NOV and "symbolic link" in p.message for p in store.problems)
    # Opening still works: the link is reported, not followed, not moved.
    fresh = Store(data_dir, store.clock)
    fresh.scan()
    assert any("symbolic link" in p.message for p in fresh.problems)
    assert secret.read_text() == '{"checkins": {}}'
    assert (data_dir / NOV).is_symlink()


def test_a_file_swapped_for_a_symlink_after_the_check_is_still_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The `lstat` check comes before the open, so a file swapped for a symlink in between
    (simulated here: `lstat` reports the regular file it saw a moment before) is refused by the
    open itself (O_NOFOLLOW), never read through the link."""
    secret = tmp_path / "secret.json"
    secret.write_text('{"checkins": {}}')
    plain = tmp_path / "plain.json"
    plain.write_text("{}")
    link = tmp_path / "month.json"
    link.symlink_to(secret)
    real_lstat = os.lstat

    def lstat_before_the_swap(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if Path(str(path)) == link:
            return real_lstat(plain)
        return real_lstat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "lstat", lstat_before_the_swap)
    with pytest.raises(UnsafePathError, match="symbolic link"):
        files.read_bytes(link)


def test_a_file_swapped_for_a_fifo_after_the_check_does_not_block_the_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A FIFO put in place between the `lstat` check and the open (simulated as above) is
    opened without blocking (O_NONBLOCK) and refused by the `fstat` check: Thaw never hangs
    waiting for a writer that will not come."""
    import threading

    fifo = tmp_path / "month.json"
    os.mkfifo(fifo, 0o600)
    plain = tmp_path / "plain.json"
    plain.write_text("{}")
    real_lstat = os.lstat

    def lstat_before_the_swap(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if Path(str(path)) == fifo:
            return real_lstat(plain)
        return real_lstat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "lstat", lstat_before_the_swap)
    outcome: list[BaseException | bytes | None] = []

    def read() -> None:
        try:
            outcome.append(files.read_bytes(fifo))
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)
    blocked = reader.is_alive()
    if blocked:  # let the stuck open go: a writer end opened and closed at once
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(10)
    assert not blocked, "reading a FIFO blocked until something wrote to it"
    assert len(outcome) == 1 and isinstance(outcome[0], UnsafePathError)


@pytest.mark.skipif(not AS_ROOT, reason="needs root to give a file to another user")
def test_other_users_file_and_folder_are_refused(store: Store, data_dir: Path) -> None:
    store.add_checkin(5)
    before = (data_dir / NOV).read_bytes()
    os.chown(data_dir / NOV, OTHER_UID, OTHER_UID)
    with pytest.raises(UnsafePathError, match="another user"):
        store.add_checkin(6)
    with pytest.raises(UnsafePathError, match="another user"):
        store.checkins()
    assert (data_dir / NOV).read_bytes() == before
    os.chown(data_dir, OTHER_UID, OTHER_UID)
    with pytest.raises(UnsafePathError, match="another user"):
        Store(data_dir, store.clock)


def test_doctor_tightens_loose_permissions(store: Store, data_dir: Path) -> None:
    store.add_checkin(5)
    (data_dir / NOV).chmod(0o644)
    data_dir.chmod(0o755)
    notes = Store(data_dir, store.clock).doctor()
    assert _mode(data_dir / NOV) == 0o600 and _mode(data_dir) == 0o700
    fixed = [p for p in notes if "private" in p.message]
    assert len(fixed) == 2 and not any(p.serious for p in fixed)


# --- bad files ----------------------------------------------------------------------------------

GOOD = (
    b'{"_meta":{"1":{"schema":1}},'
    b'"checkins":{"1":{"id":"a","at":"2026-11-20T09:00:00+00:00","mood":4}}}'
)
BAD_FILES = {
    "empty": b"",
    "blank": b"  \n",
    "torn": GOOD[: len(GOOD) // 2],
    "not-json": b"this is not json \xff",
    "list": b"[1, 2, 3]",
    "table-is-list": b'{"checkins": [1, 2]}',
    "entry-not-object": b'{"checkins": {"1": 5}}',
}


@pytest.mark.parametrize("rel", [NOV, Path("settings.json"), Path("markers.json")])
@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_file_is_quarantined_kept_and_reported(
    data_dir: Path, clock: FakeClock, kind: str, rel: Path
) -> None:
    bad = BAD_FILES[kind]
    Store(data_dir, clock)
    (data_dir / rel).parent.mkdir(mode=0o700, exist_ok=True)
    (data_dir / rel).write_bytes(bad)
    store = Store(data_dir, clock)

    store.scan()
    (problem,) = store.problems
    assert problem.serious
    assert problem.path == data_dir / rel
    assert problem.moved_to is not None and problem.moved_to.is_file()
    assert problem.moved_to.read_bytes() == bad  # kept byte for byte
    assert problem.moved_to.is_relative_to(data_dir / "quarantine")
    assert str(rel) in problem.message and "quarantine" in problem.message
    assert "nothing was overwritten" in problem.message
    assert not (data_dir / rel).exists()
    (told,) = [p for p in store.doctor() if p.moved_to == problem.moved_to]
    assert told.serious and told.path == data_dir / rel

    # Saving works again, into a fresh file; the quarantined copy is untouched.
    store.add_checkin(5)
    store.add_marker("started a new job", "life")
    store.save_settings(store.settings())
    assert problem.moved_to.read_bytes() == bad
    later = Store(data_dir, clock)
    later.scan()
    assert later.problems == []
    kept = [p for p in later.doctor() if p.moved_to == problem.moved_to]
    assert len(kept) == 1 and kept[0].serious  # told until put back or kept as it is
    assert later.keep_as_is()
    assert not any(p.serious for p in Store(data_dir, clock).doctor())
    assert [c.read_bytes() for c in (data_dir / "quarantine").rglob("*.resolved")] == [bad]


def test_bad_file_found_by_a_read_is_quarantined_too(store: Store, data_dir: Path) -> None:
    (data_dir / "checkins").mkdir(mode=0o700)
    (data_dir / NOV).write_bytes(b"{")
    assert store.checkins() == []
    assert store.has_checkin_on(date(2026, 11, 25)) is False
    assert not (data_dir / NOV).exists()
    store.scan()
    (problem,) = store.problems
    assert problem.moved_to is not None and problem.moved_to.read_bytes() == b"{"


def test_quarantine_message_points_at_a_good_backup(data_dir: Path, clock: FakeClock) -> None:
    store = Store(data_dir, clock)
    first = store.add_checkin(5)
    store.add_checkin(6)  # backs up the file holding `first`
    (data_dir / NOV).write_bytes(b"")
    fresh = Store(data_dir, clock)
    fresh.scan()
    (problem,) = fresh.problems
    assert "2026-11-25" in problem.message and "backup" in problem.message
    assert fresh.backup_of(NOV) == date(2026, 11, 25)
    fresh.restore_backup(date(2026, 11, 25), only=[NOV])
    assert [c.id for c in fresh.checkins()] == [first.id]


def test_newer_schema_is_kept_in_place_and_never_written(
    store: Store, data_dir: Path, clock: FakeClock
) -> None:
    store.add_checkin(5)
    raw = json.loads((data_dir / NOV).read_bytes())
    raw["_meta"]["1"]["schema"] = schema.SCHEMA_VERSION + 1
    newer = json.dumps(raw).encode()
    (data_dir / NOV).write_bytes(newer)

    fresh = Store(data_dir, clock)
    fresh.scan()
    (problem,) = fresh.problems
    assert "newer version of Thaw" in problem.message and "update Thaw" in problem.message
    assert problem.moved_to is None
    assert len(fresh.checkins()) == 1  # still shown, read-only
    with pytest.raises(ReadOnlyError, match="newer version"):
        fresh.add_checkin(6)
    with pytest.raises(ReadOnlyError):
        fresh.delete_checkin(fresh.checkins()[0])
    assert (data_dir / NOV).read_bytes() == newer
    assert any("newer version" in p.message and p.serious for p in fresh.doctor())
    assert not (data_dir / "quarantine").exists()
    # Other months are unaffected.
    fresh.add_checkin(6, at=datetime(2026, 10, 2, 9, tzinfo=LONDON))


# --- migrations ---------------------------------------------------------------------------------


def test_migration_table_covers_every_older_schema() -> None:
    assert sorted(schema.MIGRATIONS) == list(range(schema.SCHEMA_VERSION))


def test_unversioned_file_is_migrated_on_read_and_stored_on_write(
    store: Store, data_dir: Path
) -> None:
    old = {"checkins": {"1": {"at": "2026-11-02T10:00:00+00:00", "mood": 3, "note": "old"}}}
    (data_dir / "checkins").mkdir(mode=0o700)
    (data_dir / NOV).write_text(json.dumps(old))
    (first,) = store.checkins()
    assert first.rev == 1 and first.id.startswith("v0") and first.note == "old"
    assert store.checkins() == [first]  # the same id every time it is read
    assert store.problems == []
    store.add_checkin(7)
    raw = json.loads((data_dir / NOV).read_bytes())
    assert raw["_meta"]["1"]["schema"] == schema.SCHEMA_VERSION
    assert first.id in {d["id"] for d in raw["checkins"].values()}
    edited = store.update_checkin(first, mood=4)
    assert edited.rev == 2


def test_migrate_function_applies_steps_in_order() -> None:
    tables: schema.Tables = {"markers": {"1": {"text": "x", "at": "2026-01-01T00:00:00+00:00"}}}
    out = schema.migrate(tables, 0)
    assert out["markers"]["1"]["rev"] == 1 and isinstance(out["markers"]["1"]["id"], str)


# --- full disk and read-only --------------------------------------------------------------------


def test_disk_full_mid_write_keeps_old_file(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add_checkin(5)
    store.add_checkin(6)
    before = (data_dir / NOV).read_bytes()
    real_write = os.write
    calls = {"n": 0}

    def full_disk(fd: int, data: bytes | memoryview) -> int:
        calls["n"] += 1
        if calls["n"] == 1:
            return real_write(fd, bytes(data)[:10])  # a short write, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(DiskFullError, match="disk is full") as info:
        store.add_checkin(7, note="x" * 500)
    monkeypatch.undo()
    assert "Nothing was lost" in str(info.value)
    assert (data_dir / NOV).read_bytes() == before
    assert _temps(data_dir) == []
    assert len(Store(data_dir, store.clock).checkins()) == 2


def test_rlimit_fsize_in_subprocess_gives_disk_full_and_keeps_file(data_dir: Path) -> None:
    store = Store(data_dir)  # real clock: the worker uses it too
    for mood in range(1, 6):
        store.add_checkin(mood, note="before the disk filled")
    month = data_dir / "checkins" / f"{store.clock.now():%Y-%m}.json"
    before = month.read_bytes()
    limit = len(before) + 200
    proc = subprocess.run(
        python_cmd(str(HELPERS / "fsize_worker.py"), str(data_dir), str(limit)),
        env=checkout_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 3, proc.stderr
    assert "disk is full" in proc.stdout
    assert month.read_bytes() == before
    assert _temps(data_dir) == []
    again = Store(data_dir)
    again.scan()
    assert again.problems == []
    assert len(again.checkins()) == 5


def test_read_only_filesystem_simulated_erofs_gives_clear_error(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulates EROFS at file creation (root ignores chmod, and tests cannot mount)."""
    store.add_checkin(5)
    store.add_checkin(6)
    before = (data_dir / NOV).read_bytes()

    def erofs(path: Path) -> tuple[int, Path]:
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    monkeypatch.setattr(files, "_create_temp", erofs)
    with pytest.raises(ReadOnlyError, match="read-only"):
        store.add_checkin(7)
    assert (data_dir / NOV).read_bytes() == before


def test_unwritable_dir_at_open_simulated_with_access(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulates os.access() saying the folder is not writable: the store opens read-only."""
    store.add_checkin(5)
    monkeypatch.setattr(os, "access", lambda *a, **k: False)
    ro = Store(data_dir, store.clock)
    monkeypatch.undo()
    assert ro.read_only
    assert len(ro.checkins()) == 1 and ro.problems == []
    with pytest.raises(ReadOnlyError, match="nothing was changed"):
        ro.add_checkin(6)
    with pytest.raises(ReadOnlyError):
        ro.save_settings(ro.settings())
    assert len(ro.checkins()) == 1
    assert any("read-only" in p.message for p in ro.doctor())


def test_really_read_only_dir(clock: FakeClock) -> None:
    """chmod 0500 for real; as root (which ignores modes) the worker drops to another user."""
    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o711)
        data_dir = base / "data"
        store = Store(data_dir, clock)
        store.add_checkin(5)
        before = (data_dir / NOV).read_bytes()
        args = python_cmd(str(HELPERS / "readonly_worker.py"), str(data_dir))
        if AS_ROOT:
            for path in [data_dir, *data_dir.rglob("*")]:
                os.chown(path, OTHER_UID, OTHER_UID, follow_symlinks=False)
            args.append(str(OTHER_UID))
        for path in [data_dir, *data_dir.rglob("*")]:
            if path.is_dir():
                path.chmod(0o500)
        proc = subprocess.run(
            args, env=checkout_env(), capture_output=True, text=True, timeout=60, check=False
        )
        assert proc.returncode == 0, proc.stderr
        lines = proc.stdout.splitlines()
        assert "read_only True" in lines
        assert "count 1" in lines
        assert "problems 0" in lines
        assert any(line.startswith("add refused:") and "read-only" in line for line in lines)
        assert "write refused" in lines
        assert (data_dir / NOV).read_bytes() == before
    finally:
        for path in [base, *base.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o700)
        shutil.rmtree(base, ignore_errors=True)


# --- locking ------------------------------------------------------------------------------------


def test_a_held_lock_makes_a_writer_wait_then_give_up_kindly(store: Store, data_dir: Path) -> None:
    with (
        lock.locked(data_dir),
        pytest.raises(DataError, match="busy saving"),
        lock.locked(data_dir, timeout=0.05),
    ):
        pass


# --- backups ------------------------------------------------------------------------------------


def test_backup_taken_once_per_day_per_file(store: Store, data_dir: Path, clock: FakeClock) -> None:
    first = store.add_checkin(5)  # the file is new: nothing to back up yet
    assert store.backups() == []
    store.add_checkin(6)
    copy = data_dir / "backups" / "2026-11-25" / NOV
    snapshot = copy.read_bytes()
    assert [d["id"] for d in json.loads(snapshot)["checkins"].values()] == [first.id]
    store.add_checkin(7)
    assert copy.read_bytes() == snapshot  # not refreshed later the same day
    clock.advance(86400)
    store.add_checkin(8)
    next_copy = data_dir / "backups" / "2026-11-26" / NOV
    assert len(json.loads(next_copy.read_bytes())["checkins"]) == 3
    assert store.backups() == [date(2026, 11, 26), date(2026, 11, 25)]


def test_backups_keep_the_newest_seven_days(store: Store, clock: FakeClock) -> None:
    for _ in range(11):
        store.add_checkin(5)
        store.add_checkin(5)
        clock.advance(86400)
    days = store.backups()
    assert len(days) == 7
    assert days[0] == date(2026, 12, 5) and days[-1] == date(2026, 11, 29)


def test_restore_backup_merges_every_file_and_keeps_current_ones(
    store: Store, data_dir: Path, clock: FakeClock
) -> None:
    keep = store.add_checkin(5)
    store.add_marker("before")
    clock.advance(86400)
    since = store.add_checkin(6)
    store.add_marker("after")
    assert store.backups() == [date(2026, 11, 26)]
    results = store.restore_backup(date(2026, 11, 26))
    # Merged: what the backup held plus what was saved since; nothing current is lost.
    assert [c.id for c in store.checkins()] == [keep.id, since.id]
    assert [m.text for m in store.markers()] == ["before", "after"]
    assert sorted((r.rel, r.from_backup, r.since) for r in results) == [
        ("checkins/2026-11.json", 1, 1),
        ("markers.json", 1, 1),
    ]
    kept = quarantine.quarantined_files(data_dir)
    assert len(kept) == 2 and all(p.name.endswith(".before-restore") for p in kept)
    assert since.id in "".join(p.read_text() for p in kept)
    with pytest.raises(DataError, match="no backup"):
        store.restore_backup(date(2020, 1, 1))


def test_doctor_on_a_healthy_store(store: Store) -> None:
    assert store.doctor() == []
    store.add_checkin(5)
    notes = store.doctor()
    assert [p.serious for p in notes] == [False]
    assert "no backup yet" in notes[0].message


# --- duplicates and interrupted moves -----------------------------------------------------------


def test_interrupted_move_leaves_a_copy_that_readers_and_open_heal(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = store.add_checkin(5)
    real = files.atomic_write

    def crash_on_old_file(path: Path, data: bytes) -> None:
        if path == data_dir / NOV:
            raise DataError("simulated crash before the old copy was removed")
        real(path, data)

    monkeypatch.setattr(files, "atomic_write", crash_on_old_file)
    with pytest.raises(DataError, match="simulated"):
        store.update_checkin(saved, at=datetime(2026, 10, 1, 9, tzinfo=LONDON))
    monkeypatch.undo()
    # Both copies are on disk; readers keep the newer one.
    assert saved.id in (data_dir / NOV).read_text()
    assert saved.id in (data_dir / "checkins" / "2026-10.json").read_text()
    (seen,) = store.checkins()
    assert seen.rev == 2 and seen.at.month == 10
    fresh = Store(data_dir, store.clock)
    fresh.scan()
    assert fresh.problems == []
    assert saved.id not in (data_dir / NOV).read_text()
    assert fresh.checkins() == [seen]
    fresh.update_checkin(seen, mood=1)


def test_stale_temp_files_are_cleared_at_open(store: Store, data_dir: Path) -> None:
    store.add_checkin(5)
    left = data_dir / "checkins" / f".2026-11.json.1.abcd{files.TEMP_SUFFIX}"
    left.write_bytes(b'{"half')
    checked = Store(data_dir, store.clock)
    checked.scan()
    assert checked.problems == []
    assert not left.exists()


def test_import_batch_touching_a_newer_schema_month_writes_nothing(
    store: Store, data_dir: Path
) -> None:
    store.add_checkin(5)
    raw = json.loads((data_dir / NOV).read_bytes())
    raw["_meta"]["1"]["schema"] = schema.SCHEMA_VERSION + 1
    (data_dir / NOV).write_text(json.dumps(raw))
    items = [
        NewCheckIn(at=datetime(2026, 10, 1, 9, tzinfo=LONDON), mood=3),
        NewCheckIn(at=datetime(2026, 11, 1, 9, tzinfo=LONDON), mood=4),
    ]
    with pytest.raises(ReadOnlyError, match="newer version"):
        store.add_checkins(items)
    assert not (data_dir / "checkins" / "2026-10.json").exists()


# --- odd nodes and odd contents (issue 13, item 3) --------------------------------------------


def _plant_node(path: Path, kind: str) -> None:
    if kind == "fifo":
        os.mkfifo(path, 0o600)
    elif kind == "socket":
        import socket

        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(str(path))
        sock.close()
    elif kind == "device":
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # the kind of node /dev/null is
    else:
        path.symlink_to(path.parent / "elsewhere")


@pytest.mark.parametrize(
    "kind",
    [
        "fifo",
        "socket",
        "symlink",
        pytest.param("device", marks=pytest.mark.skipif(not AS_ROOT, reason="mknod needs root")),
    ],
)
def test_an_odd_node_is_refused_by_name_never_opened_and_the_rest_still_shows(
    store: Store, data_dir: Path, kind: str
) -> None:
    earlier = store.add_checkin(6, at=datetime(2026, 10, 5, 9, tzinfo=LONDON))
    (data_dir / "checkins").mkdir(exist_ok=True)
    _plant_node(data_dir / NOV, kind)
    before = os.lstat(data_dir / NOV).st_mode
    assert store.checkins() == [earlier]  # a FIFO opened blocking would hang right here
    (problem,) = [p for p in store.problems if p.path == data_dir / NOV]
    assert str(data_dir / NOV) in problem.message and problem.moved_to is None
    fresh = Store(data_dir, store.clock)
    assert any(p.path == data_dir / NOV and p.serious for p in fresh.doctor())
    with pytest.raises(UnsafePathError, match="Nothing was saved"):
        store.add_checkin(5)
    assert os.lstat(data_dir / NOV).st_mode == before  # still there, as it was
    assert quarantine.quarantined_files(data_dir) == []


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b'{"checkins": {"1": {"mood": NaN}}}', "values"),
        (b'{"checkins": {"1": {"mood": Infinity}}}', "values"),
        (b'{"checkins": {"1": {"mood": -Infinity}}}', "values"),
        (b'{"checkins": {"1": {"mood": 1e999}}}', "values"),
        (b'{"checkins": {"1": {"mood": ' + b"9" * 5000 + b"}}}", "values"),
        (b"[" * 100_000 + b"]" * 100_000, "values"),
        (b'{"checkins": {"1": {"note": "\xff\xfe"}}}', "torn"),
    ],
    ids=["nan", "infinity", "minus-infinity", "overflowing-float", "huge-int", "deep", "utf8"],
)
def test_contents_the_reader_cannot_trust_are_set_aside_and_told(
    store: Store, data_dir: Path, raw: bytes, kind: str
) -> None:
    with pytest.raises(files.BadFileError) as caught:
        files.parse_bytes(raw)
    assert caught.value.kind == kind
    (data_dir / "checkins").mkdir(exist_ok=True)
    (data_dir / NOV).write_bytes(raw)
    assert store.checkins() == []
    (problem,) = store.problems
    assert problem.moved_to is not None and problem.moved_to.read_bytes() == raw
    assert problem.moved_to.name.endswith(f".{kind}")
    (told,) = [p for p in Store(data_dir, store.clock).doctor() if p.serious]
    assert "set aside" in told.message and NOV.as_posix() in told.message


def test_a_file_larger_than_thaw_writes_is_set_aside_unread(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    (data_dir / "checkins").mkdir(exist_ok=True)
    (data_dir / NOV).write_bytes(b'{"checkins": {}, "pad": "' + b"x" * 2000 + b'"}')
    reads: list[int] = []
    real_read = os.read

    def counted_read(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(os, "read", counted_read)
    with pytest.raises(files.BadFileError, match="larger"):
        files.read_bytes(data_dir / NOV, limit=files.MAX_FILE_BYTES)
    assert reads == [], "a file over the cap was refused only after reading it"
    monkeypatch.setattr(os, "read", real_read)
    assert store.checkins() == []
    (problem,) = store.problems
    assert problem.moved_to is not None and problem.moved_to.name.endswith(".large")


def test_a_file_that_grows_past_the_cap_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size is checked again after reading: a file small when `fstat` looked (simulated:
    `fstat` reports 10 bytes) but larger by the time it is read is refused, never parsed."""
    path = tmp_path / "month.json"
    path.write_bytes(b'{"pad": "' + b"x" * 2000 + b'"}')
    real_fstat = os.fstat

    def fstat_before_it_grew(fd: int) -> os.stat_result:
        fields = list(real_fstat(fd))
        fields[stat.ST_SIZE] = 10
        return os.stat_result(fields)

    monkeypatch.setattr(os, "fstat", fstat_before_it_grew)
    with pytest.raises(files.BadFileError, match="larger"):
        files.read_bytes(path, limit=1000)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_value_the_reader_would_refuse_is_never_written(value: float) -> None:
    """The writer refuses what the reader sets aside: a NaN or infinity in a record is an error
    before anything reaches the disk, never a file that reads back as damaged."""
    with pytest.raises(ValueError):
        files.dump_tables({"checkins": {"1": {"mood": value}}})


def test_a_record_of_the_wrong_type_is_told_by_doctor(store: Store, data_dir: Path) -> None:
    store.add_checkin(5)
    raw = json.loads((data_dir / NOV).read_text())
    raw["checkins"]["1"]["mood"] = "five"
    (data_dir / NOV).write_text(json.dumps(raw))
    fresh = Store(data_dir, store.clock)
    (told,) = [p for p in fresh.doctor() if p.serious]
    assert "could not be read" in told.message and told.moved_to is None
    assert (data_dir / NOV).exists()  # the file stays: only that record is left out


def test_a_platform_without_file_locking_gets_one_sentence_not_an_import_error(
    tmp_path: Path,
) -> None:
    """Thaw supports Linux and macOS; elsewhere (no fcntl) it says so at start, in one line."""
    code = (
        "import sys\n"
        "sys.modules['fcntl'] = None  # as on a platform without it: importing it fails\n"
        "from tui.__main__ import main\n"
        "raise SystemExit(main(['list']))\n"
    )
    env = checkout_env(THAW_DATA_DIR=str(tmp_path / "d"))
    done = subprocess.run(
        python_cmd("-c", code), capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr.strip() == f"thaw: {lock.PLATFORM_SENTENCE}"
    assert "Linux and macOS" in done.stderr and not (tmp_path / "d").exists()
