"""Who should own table operations: Thaw's own code, or TinyDB used as it is meant to be?

Run from the repository root:  .venv/bin/python bench/bench_table_ops.py [--runs N]

Both sides edit the same heavy-user month file (10 check-ins a day: 300 records) durably, under
the same flock, through the same safe file layer (strict read, backup, atomic write, fsync):

- "store": `Store.update_checkin` (Thaw owns the table operations; each file parsed once).
- "tinydb": TinyDB(storage=BackupMiddleware(SafeStorage)) with `table.search` to find the
  record and check its revision, then `table.update(..., doc_ids=[...])`: TinyDB re-reads the
  file for each call (no CachingMiddleware: two SSH sessions must see each other's saves).

It also counts how many times each side parses the file per edit, and what importing TinyDB
costs a fresh process (`log` and `due` pay that on every run if saves go through TinyDB).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.clock import FakeClock  # noqa: E402
from tui.core.records.models import NewCheckIn  # noqa: E402
from tui.core.storage import backups, files, lock  # noqa: E402
from tui.core.store import Store  # noqa: E402

LONDON = ZoneInfo("Europe/London")
PER_MONTH = 300


def _tinydb_side(data: Path, clock: FakeClock) -> Any:
    """A TinyDB on the month file, as TinyDB means it: a Storage plus a Middleware."""
    from tinydb import TinyDB
    from tinydb.middlewares import Middleware
    from tinydb.storages import Storage

    class SafeStorage(Storage):
        def __init__(self, path: Path) -> None:
            self.path = path

        def read(self) -> dict[str, dict[str, Any]] | None:
            loaded = files.load_file(self.path)
            return None if loaded is None else loaded.tables

        def write(self, data: dict[str, dict[str, Any]]) -> None:
            files.atomic_write(self.path, files.dump_tables(data))

    class BackupMiddleware(Middleware):
        def read(self) -> dict[str, dict[str, Any]] | None:
            return self.storage.read()

        def write(self, data: dict[str, dict[str, Any]]) -> None:
            path = self.storage.path  # type: ignore[attr-defined]
            backups.backup_before_write(data_root, path, clock.now().date())
            self.storage.write(data)

    data_root = data
    month = data / "checkins" / f"{clock.now():%Y-%m}.json"
    return TinyDB(month, storage=BackupMiddleware(SafeStorage))


def _count_parses(fn: Any) -> int:
    real = files.parse_bytes
    seen = [0]

    def counting(raw: bytes) -> Any:
        seen[0] += 1
        return real(raw)

    files.parse_bytes = counting
    try:
        fn()
    finally:
        files.parse_bytes = real
    return seen[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="edits on each side (200)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="thaw-bench-tableops-"))
    try:
        clock = FakeClock(datetime(2026, 11, 30, 22, 0, tzinfo=LONDON))
        stores = {}
        for name in ("store", "tinydb"):
            store = Store(work / name, clock)
            start = datetime(2026, 11, 1, 7, 0, tzinfo=LONDON)
            store.add_checkins(
                NewCheckIn(at=start + timedelta(minutes=137 * i), mood=5, note="n" * 80)
                for i in range(PER_MONTH)
            )
            stores[name] = store
        from tinydb import Query

        db = _tinydb_side(work / "tinydb", clock)
        table = db.table("checkins")
        record = Query()
        ours = stores["store"]
        mine = ours.checkins()[PER_MONTH // 2]
        theirs_id = stores["tinydb"].checkins()[PER_MONTH // 2].id

        def store_edit() -> None:
            nonlocal mine
            mine = ours.update_checkin(mine, mood=(mine.mood % 10) + 1)

        def tinydb_edit() -> None:
            with lock.locked(work / "tinydb"):
                (doc,) = table.search(record.id == theirs_id)
                table.update(
                    {"mood": (doc["mood"] % 10) + 1, "rev": doc["rev"] + 1},
                    doc_ids=[doc.doc_id],
                )

        parses = {"store": _count_parses(store_edit), "tinydb": _count_parses(tinydb_edit)}
        timings: dict[str, list[float]] = {"store": [], "tinydb": []}
        for _ in range(args.runs):
            for name, edit in (("store", store_edit), ("tinydb", tinydb_edit)):
                started = time.perf_counter()
                edit()
                timings[name].append(time.perf_counter() - started)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    imports = []
    for code in ("pass", "import tinydb, tinydb.middlewares, tinydb.table"):
        samples = []
        for _ in range(15):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            samples.append(time.perf_counter() - started)
        imports.append(statistics.median(samples) * 1000)

    base = statistics.median(timings["store"]) * 1000
    print(f"{args.runs} durable edits of one record in a {PER_MONTH}-record month, interleaved")
    print(f"{'owner':<10}{'median ms':>10}{'ratio':>8}{'parses/edit':>13}")
    for name in ("store", "tinydb"):
        ms = statistics.median(timings[name]) * 1000
        print(f"{name:<10}{ms:>10.2f}{ms / base:>7.2f}x{parses[name]:>13}")
    print(f"importing TinyDB in a fresh process: +{imports[1] - imports[0]:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
