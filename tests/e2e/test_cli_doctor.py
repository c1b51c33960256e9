"""The real `thaw doctor` on a damaged file: told until settled, put back merged, nothing lost."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.e2e.test_cli import assert_calm, run_cli
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
TORN = '{"checkins": '


def _ok(*args: str, data: Path, cwd: Path) -> str:
    done = run_cli(*args, data_dir=data, cwd=cwd)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _month(data: Path) -> Path:
    (month,) = (data / "checkins").glob("*.json")
    return month


def test_restore_puts_back_only_the_damaged_file_merged_with_what_came_since(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    _ok("log", "5", data=data, cwd=tmp_path)
    _ok("mark", "one", data=data, cwd=tmp_path)
    _ok("log", "6", data=data, cwd=tmp_path)  # today's backup holds the first check-in
    _ok("mark", "two", data=data, cwd=tmp_path)
    _ok("mark", "three", data=data, cwd=tmp_path)  # today's backup of markers holds one
    month = _month(data)
    rel = f"checkins/{month.name}"
    (day_dir,) = (data / "backups").iterdir()
    month.write_text(TORN)

    for _ in range(2):  # told again on the next run, never "all well" while it is missing
        done = run_cli("doctor", data_dir=data, cwd=tmp_path)
        assert done.returncode == 1, done.stdout
        assert_calm(done)
        (line,) = [ln for ln in done.stdout.splitlines() if rel in ln]
        assert line.count(rel) == 1 and "cut short or garbled" in line
        assert line.endswith(f"run: thaw doctor --restore {day_dir.name}")
        assert "JSON" not in done.stdout and "`" not in done.stdout
        assert "All well" not in done.stdout
        assert "thaw doctor --keep-as-is" in done.stdout

    _ok("log", "7", "-n", "after the damage", data=data, cwd=tmp_path)
    taken = datetime.fromtimestamp((day_dir / rel).stat().st_mtime, LONDON)
    out = _ok("doctor", "--restore", day_dir.name, data=data, cwd=tmp_path)
    assert out.strip() == (
        f"Put back {rel} from the backup of {taken.day} {taken:%b %H:%M}: 1 check-in from "
        "that backup, plus 1 saved since. The damaged copy is still kept in quarantine/."
    )

    listed = json.loads(_ok("list", "--json", data=data, cwd=tmp_path))
    assert sorted(c["mood"] for c in listed) == [5, 7]
    assert [m.text for m in Store(data).markers()] == ["one", "two", "three"]  # untouched
    assert "All well" in _ok("doctor", data=data, cwd=tmp_path)
    kept = {p.name: p.read_text() for p in (data / "quarantine").rglob("*") if p.is_file()}
    assert [text for name, text in kept.items() if name.endswith(".resolved")] == [TORN]


def test_keep_as_is_settles_the_damaged_file_and_keeps_its_copy(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _ok("log", "5", data=data, cwd=tmp_path)
    month = _month(data)
    month.write_text(TORN)
    assert run_cli("doctor", data_dir=data, cwd=tmp_path).returncode == 1
    out = _ok("doctor", "--keep-as-is", data=data, cwd=tmp_path)
    assert f"checkins/{month.name}" in out and "stays in quarantine/" in out
    assert "All well" in _ok("doctor", data=data, cwd=tmp_path)
    (kept,) = (data / "quarantine").rglob("*.resolved")
    assert kept.read_text() == TORN


def test_restore_with_nothing_damaged_changes_nothing_unless_all_is_asked(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    _ok("log", "5", data=data, cwd=tmp_path)
    _ok("log", "6", data=data, cwd=tmp_path)
    (day_dir,) = (data / "backups").iterdir()
    before = _month(data).read_bytes()
    out = _ok("doctor", "--restore", day_dir.name, data=data, cwd=tmp_path)
    assert "nothing was changed" in out and "--all" in out
    assert _month(data).read_bytes() == before
    out = _ok("doctor", "--restore", day_dir.name, "--all", data=data, cwd=tmp_path)
    assert "1 check-in from that backup, plus 1 saved since" in out
    assert len(json.loads(_ok("list", "--json", data=data, cwd=tmp_path))) == 2


def test_doctor_options_used_wrongly_are_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for args in (("--all",), ("--restore", "2026-11-20", "--keep-as-is")):
        done = run_cli("doctor", *args, data_dir=data, cwd=tmp_path)
        assert done.returncode == 2, done.stdout + done.stderr
        assert_calm(done)
