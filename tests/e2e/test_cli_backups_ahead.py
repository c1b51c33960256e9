"""`doctor` with backup folders dated in the future: told, never "All well" alone, and today's
backup is still made."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.e2e.test_cli import assert_calm, run_cli


def test_doctor_tells_about_backup_folders_dated_after_today(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run_cli("log", "5", data_dir=data, cwd=tmp_path).returncode == 0
    ahead = date.today() + timedelta(days=400)
    (data / "backups" / ahead.isoformat()).mkdir(parents=True)
    assert run_cli("log", "6", data_dir=data, cwd=tmp_path).returncode == 0
    assert run_cli("mark", "moved house", data_dir=data, cwd=tmp_path).returncode == 0
    days = sorted(p.name for p in (data / "backups").iterdir())
    assert date.today().isoformat() in days and ahead.isoformat() in days

    done = run_cli("doctor", data_dir=data, cwd=tmp_path)
    assert_calm(done)
    assert done.returncode == 0
    assert f"dated after today ({ahead.isoformat()})" in done.stdout
    assert "All well." not in done.stdout
    assert f"Otherwise all well. Your data is in {data}" in done.stdout
    assert f"newest backup: {date.today().isoformat()}." in done.stdout
