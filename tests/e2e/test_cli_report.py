"""The real `python -m tui report` in a subprocess: to the screen, to a file, and bad input."""

from __future__ import annotations

import os
import re
import stat
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.history_data import fill, generate
from tests.proc_env import checkout_env, thaw_cmd
from tui.core.clock import FakeClock
from tui.core.store import Store


def run_cli(*args: str, data_dir: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("THAW_DATA_DIR", "THAW_DEBUG")}
    environ["TZ"] = "Europe/London"
    environ["THAW_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        thaw_cmd(*args),
        cwd=cwd,
        env=checkout_env(environ),
        capture_output=True,
        text=True,
        timeout=60,
    )


def files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six weeks of history up to now (the subprocess uses the real clock), and a private note."""
    root = tmp_path_factory.mktemp("report")
    data = root / "data"
    now = datetime.now().astimezone()
    store = Store(data, FakeClock(now))
    fill(store, generate(now - timedelta(minutes=5), days=42, seed=11))
    store.add_checkin(3, note="secret # note", at=now - timedelta(minutes=1))
    return data


def assert_calm(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stdout + done.stderr


def test_report_prints_markdown_and_writes_nothing(seeded: Path, tmp_path: Path) -> None:
    before = files(seeded)
    done = run_cli("report", "--weeks", "2", data_dir=seeded, cwd=tmp_path)
    assert_calm(done)
    assert done.returncode == 0
    assert done.stdout.startswith("# Thaw: a summary to bring to an appointment")
    assert "(2 weeks)" in done.stdout
    assert "## Emotional range" in done.stdout
    assert "secret" not in done.stdout  # notes only when the person chose them
    assert list(tmp_path.iterdir()) == []  # no file without -o
    assert files(seeded) == before


def test_report_to_a_file_is_private_and_said_where(seeded: Path, tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    done = run_cli("report", "-o", "summary.md", data_dir=seeded, cwd=tmp_path)
    assert_calm(done)
    assert done.returncode == 0
    assert str(target) in done.stdout
    assert "# Thaw" not in done.stdout
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text().startswith("# Thaw: a summary")
    again = run_cli("report", "--weeks", "1", "-o", str(target), data_dir=seeded, cwd=tmp_path)
    assert again.returncode == 0 and "(1 week)" in target.read_text()  # named file: overwritten


def test_report_mood_average_matches_stats(seeded: Path, tmp_path: Path) -> None:
    done = run_cli("report", "--weeks", "3", data_dir=seeded, cwd=tmp_path)
    today = date.today()
    monday = today - timedelta(days=today.weekday()) - timedelta(weeks=2)
    days = (today - monday).days + 1
    stats = run_cli("stats", "--days", str(days), data_dir=seeded, cwd=tmp_path)
    report_mean = re.search(r"Mood averaged (\d+\.\d)", done.stdout)
    stats_mean = re.search(r"average (\d+\.\d), from", stats.stdout)
    assert report_mean and stats_mean
    assert report_mean.group(1) == stats_mean.group(1)


@pytest.mark.parametrize("weeks", ["0", "53", "two"])
def test_bad_weeks_is_refused_with_exit_2(seeded: Path, tmp_path: Path, weeks: str) -> None:
    done = run_cli("report", "--weeks", weeks, data_dir=seeded, cwd=tmp_path)
    assert_calm(done)
    assert done.returncode == 2
    assert done.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_unwritable_place_is_a_data_problem(seeded: Path, tmp_path: Path) -> None:
    done = run_cli("report", "-o", "no/such/folder/x.md", data_dir=seeded, cwd=tmp_path)
    assert_calm(done)
    assert done.returncode == 1
    assert "x.md" in done.stderr
