"""Proof that saving survives SIGKILL at any moment and that two writers at once lose nothing."""

from __future__ import annotations

import random
import signal
import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.proc_env import checkout_env, python_cmd
from tui.core.storage import files, quarantine
from tui.core.store import Store

HELPERS = Path(__file__).resolve().parent.parent / "helpers"
START = datetime(2026, 1, 5, 12, 0, tzinfo=ZoneInfo("Europe/London"))


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        python_cmd(str(HELPERS / script), *args),
        env=checkout_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_ready(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "ready":
        _, err = proc.communicate(timeout=10)
        pytest.fail(f"worker did not start: {line!r} {err}")


def _all_files_parse(data_dir: Path) -> None:
    """Every data and backup file is whole JSON in our shape; no temp file is left behind."""
    for path in data_dir.rglob("*"):
        if path.is_file() and path.suffix == ".json":
            files.parse_bytes(path.read_bytes())
        assert not path.name.endswith(files.TEMP_SUFFIX), f"temp file left: {path}"
    assert not (data_dir / quarantine.QUARANTINE_DIR).exists(), "a file had to be quarantined"


def _kill_loop(tmp_path: Path, kills: int, seed: int) -> None:
    data_dir = tmp_path / "data"
    rng = random.Random(seed)
    acked: dict[str, int] = {}
    moved = 0
    for i in range(kills):
        start = START + timedelta(days=3 * i)
        proc = _spawn("crash_worker.py", str(data_dir), start.isoformat(), str(seed + i))
        _wait_ready(proc)
        first = ""
        if i % 2:
            # Let one save land first, so every other run kills deep in a stream of saves
            # whatever the machine's speed; the others may die in the very first save.
            assert proc.stdout is not None
            first = proc.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.03))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=10)
        out = first + out
        assert proc.returncode == -signal.SIGKILL, err
        # Only whole lines count: a save is acknowledged once its line was printed.
        for line in out.splitlines(keepends=True):
            if not line.endswith("\n"):
                continue
            verb, rec_id, rev = line.split()
            acked[rec_id] = max(acked.get(rec_id, 0), int(rev))
            moved += verb == "upd"

        store = Store(data_dir)
        store.scan()
        assert store.problems == [], f"after kill {i}: {store.problems}"
        _all_files_parse(data_dir)
        stored = {c.id: c.rev for c in store.checkins()}
        missing = [k for k, rev in acked.items() if stored.get(k, 0) < rev]
        assert not missing, f"after kill {i}: acknowledged saves missing: {missing[:5]}"
        # No duplicate ids remain on disk once the store has looked (healing after a torn move).
        on_disk: list[str] = []
        for path in (data_dir / "checkins").glob("*.json"):
            loaded = files.load_file(path)
            assert loaded is not None
            on_disk += [str(d["id"]) for d in loaded.table("checkins")]
        assert len(on_disk) == len(set(on_disk))
    assert len(acked) >= kills // 2, "the worker hardly saved anything; the test proved little"
    assert moved > 0


def test_sigkill_during_saves_loses_no_acknowledged_checkin(tmp_path: Path) -> None:
    _kill_loop(tmp_path, kills=60, seed=1)


@pytest.mark.slow
def test_sigkill_during_saves_many_times(tmp_path: Path) -> None:
    _kill_loop(tmp_path, kills=320, seed=1000)


def test_two_processes_logging_at_once_lose_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    barrier = tmp_path / "go"
    Store(data_dir)  # create the folder once so neither worker races on mkdir
    workers = [
        _spawn("concurrent_worker.py", str(data_dir), str(barrier), "200", label)
        for label in ("a", "b")
    ]
    for proc in workers:
        _wait_ready(proc)
    barrier.touch()
    for proc in workers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip() == "done"
    store = Store(data_dir)
    checkins = store.checkins()
    notes = sorted(c.note for c in checkins)
    assert len(checkins) == 400
    assert notes == sorted([f"a-{i}" for i in range(200)] + [f"b-{i}" for i in range(200)])
    assert len({c.id for c in checkins}) == 400
    assert store.problems == []
    months = {f"{c.at:%Y-%m}.json" for c in checkins}
    assert sorted(p.name for p in (data_dir / "checkins").iterdir()) == sorted(months)
