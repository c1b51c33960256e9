"""`doctor` and backups: folders dated in the future are told and never stop today's backup; a
restore after a delete leaves it deleted unless asked."""

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


def test_restore_all_after_a_delete_leaves_it_deleted_unless_asked(tmp_path: Path) -> None:
    import json

    from tui.core.store import Store

    data = tmp_path / "data"
    for mood in ("5", "6"):
        assert (
            run_cli("log", mood, "-n", f"mood {mood}", data_dir=data, cwd=tmp_path).returncode == 0
        )
    store = Store(data)
    (first,) = [c for c in store.checkins() if c.note == "mood 5"]
    store.delete_checkin(first)
    (day,) = [p.name for p in (data / "backups").iterdir()]

    done = run_cli("doctor", "--restore", day, "--all", data_dir=data, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 check-in you deleted since stays deleted" in done.stdout
    listed = run_cli("list", "--json", data_dir=data, cwd=tmp_path)
    assert [c["note"] for c in json.loads(listed.stdout)] == ["mood 6"]

    alone = run_cli("doctor", "--restore", day, "--with-deleted", data_dir=data, cwd=tmp_path)
    assert alone.returncode == 2 and "--with-deleted goes with --restore DAY --all" in alone.stderr
    back = run_cli(
        "doctor", "--restore", day, "--all", "--with-deleted", data_dir=data, cwd=tmp_path
    )
    assert back.returncode == 0, back.stdout + back.stderr
    listed = run_cli("list", "--json", data_dir=data, cwd=tmp_path)
    assert sorted(c["note"] for c in json.loads(listed.stdout)) == ["mood 5", "mood 6"]
