"""A hand-edited settings.json with a wrong value: `doctor` names it, `due` is never silenced."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.test_cli import assert_calm, run_cli
from tui.core.store import Store


def test_reminder_time_25_99_is_named_by_doctor_and_due_still_speaks(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store(data).save_settings(Store(data).settings())
    path = data / "settings.json"
    raw = json.loads(path.read_text())
    raw["settings"]["1"]["reminder_time"] = "25:99"
    path.write_text(json.dumps(raw))

    due = run_cli("due", data_dir=data, cwd=tmp_path)
    assert due.returncode == 0
    assert "No check-in yet today" in due.stdout

    doctor = run_cli("doctor", data_dir=data, cwd=tmp_path)
    assert_calm(doctor)
    assert doctor.returncode == 0  # told, but no file is damaged: nothing to put back
    assert '- The reminder time in settings.json is "25:99"' in doctor.stdout
    assert "All well." not in doctor.stdout and "Otherwise all well." in doctor.stdout
    assert "--restore" not in doctor.stdout  # a setting is put right on the settings screen
    assert path.read_text() == json.dumps(raw)  # doctor only tells; it rewrites nothing
