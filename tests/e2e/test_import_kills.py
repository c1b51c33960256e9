"""An import killed part way (SIGKILL) leaves either none of it, all of it, or a journal that
the next run of Thaw names, and that one command (`thaw import --finish`) completes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tui.core.clock import SystemClock
from tui.core.exchange import journal
from tui.core.exchange.plan import finish_cut_short
from tui.core.store import Store

REPO = Path(__file__).resolve().parents[2]
KILLS = 50
MONTHS = 48
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("THAW_DATA_DIR", "THAW_DEBUG")}
    return {**env, "THAW_DATA_DIR": str(data), "TZ": "Europe/London", "PYTHONPATH": str(REPO)}


def _daylio_file(path: Path) -> int:
    """Made-up rows, one or two a day for MONTHS months; returns how many."""
    moods = ("rad", "good", "meh", "bad", "awful")
    day, rows = date(2021, 1, 1), []
    end = date(2021 + MONTHS // 12, 1, 1)
    n = 0
    while day < end:
        for hour in (9, 21) if day.day % 3 == 0 else (20,):
            rows.append(
                f'{day},{day:%B} {day.day},{day:%A},{hour}:05,{moods[n % 5]},"walk","",'
                f'"entry {n}"\n'
            )
            n += 1
        day += timedelta(days=1)
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return n


def _start(data: Path, file: Path, cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tui", "import", str(file)],
        cwd=cwd,
        env=_env(data),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _journal_written(proc: subprocess.Popen[bytes], data: Path) -> bool:
    """Wait until the running import's journal is on disk (True), or the import ends (False)."""
    folder = data / journal.JOURNAL_DIR
    while proc.poll() is None:
        if folder.is_dir() and any(p.suffix == ".json" for p in folder.iterdir()):
            return True
        time.sleep(0.001)
    return False


@pytest.mark.slow
def test_killed_imports_leave_none_all_or_a_journal_that_finishes_them(tmp_path: Path) -> None:
    source = tmp_path / "daylio.csv"
    rows = _daylio_file(source)
    started = time.monotonic()
    whole = _start(tmp_path / "whole", source, tmp_path)
    assert _journal_written(whole, tmp_path / "whole")
    journal_at = time.monotonic()
    assert whole.wait(timeout=120) == 0
    took = time.monotonic() - started
    writing = time.monotonic() - journal_at  # from the journal on disk to the end
    assert len(Store(tmp_path / "whole", SystemClock()).checkins()) == rows

    cut_short = 0
    told_by_next_run = False
    for kill in range(KILLS):
        data = tmp_path / f"run{kill}"
        proc = _start(data, source, tmp_path)
        if kill % 2 == 0:
            # Spread over the run: before the journal, while months are written, and after.
            time.sleep(took * (0.15 + 0.9 * kill / KILLS))
        elif _journal_written(proc, data):
            # Spread over the writing itself, from the moment the journal is there: on a busy
            # machine the run's length varies, and kills timed from the start alone could all
            # land before the journal or after the end.
            time.sleep(writing * 0.9 * kill / KILLS)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        store = Store(data, SystemClock())
        held = store.checkins()
        pending = journal.pending(data)
        assert len({c.source for c in held}) == len(held)  # never a record twice
        assert [p.message for p in store.problems if p.serious] == []  # no torn file
        if 0 < len(held) < rows:
            assert pending, f"kill {kill}: {len(held)} of {rows} in, and nothing says so"
        if not pending:
            assert len(held) in (0, rows)
            continue
        cut_short += 1
        note = journal.notice(data)
        assert note is not None and "was cut short" in note and "import --finish" in note
        if not told_by_next_run:
            # The next run of Thaw says so, with the command that finishes it.
            shown = subprocess.run(
                [sys.executable, "-m", "tui", "list"],
                cwd=tmp_path, env=_env(data), capture_output=True, text=True, timeout=60,
            )  # fmt: skip
            assert "An import of daylio.csv" in shown.stderr
            assert "was cut short" in shown.stderr
            assert "import --finish" in shown.stderr
            told_by_next_run = True
        finish_cut_short(store)
        after = store.checkins()
        assert len(after) == rows
        assert len({c.source for c in after}) == rows
        assert journal.pending(data) == []
    # Enough kills landed after the journal was written for the test to mean something.
    assert cut_short >= 5, cut_short
    assert told_by_next_run


def test_the_next_run_names_a_cut_short_import_and_finish_completes_it(tmp_path: Path) -> None:
    """A journal left by a killed import (written here as the import writes it, then the
    process gone): `list` names it, `import --finish` writes the rest and says so."""
    source = tmp_path / "daylio.csv"
    source.write_text(
        HEADER + '2026-01-02,x,y,20:00,good,"","","one"\n2026-02-03,x,y,21:00,bad,"","","two"\n'
    )
    data = tmp_path / "data"
    proc = _start(data, source, tmp_path)
    assert proc.wait(timeout=60) == 0
    store = Store(data, SystemClock())
    assert len(store.checkins()) == 2
    # The same import again, but cut short after its journal: one month file is removed, as if
    # the kill came before it was written.
    from tui.core.exchange.plan import _records
    from tui.core.exchange.session import prepare

    fresh = tmp_path / "fresh"
    prepared = prepare(
        Store(fresh, SystemClock()),
        str(source),
        wanted=None,
        mood_map={},
        reference=None,
        now=SystemClock().now(),
    )
    entry = journal.begin(fresh, "daylio.csv", prepared.plan.summary(), _records(prepared.plan))
    Store(fresh, SystemClock()).add_checkins(prepared.plan.checkins[:1])
    entry.release()  # the process is gone: its lock goes with it
    listed = subprocess.run(
        [sys.executable, "-m", "tui", "list", "--days", "100000"],
        cwd=tmp_path, env=_env(fresh), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "An import of daylio.csv (2 check-ins) was cut short" in listed.stderr
    # THAW_DATA_DIR is set, so the command works as printed without --data-dir...
    assert "To finish it: thaw import --finish (" in listed.stderr
    # ...and with --data-dir instead, the command printed carries it.
    no_env = {k: v for k, v in _env(fresh).items() if k != "THAW_DATA_DIR"}
    named = subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(fresh), "list"],
        cwd=tmp_path, env={**no_env, "HOME": str(tmp_path)}, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert f"To finish it: thaw --data-dir {fresh} import --finish (" in named.stderr
    finished = subprocess.run(
        [sys.executable, "-m", "tui", "--data-dir", str(fresh), "import", "--finish"],
        cwd=tmp_path, env=_env(fresh), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert finished.returncode == 0, finished.stderr
    assert "Finished the import of daylio.csv: 1 more check-in added" in finished.stdout
    assert len(Store(fresh, SystemClock()).checkins()) == 2
    again = subprocess.run(
        [sys.executable, "-m", "tui", "list"],
        cwd=tmp_path, env=_env(fresh), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "cut short" not in again.stderr
