"""A damaged month set aside earlier is still mentioned by `list`, not shown as quietly empty."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def thaw(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "THAW_DATA_DIR": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=data.parent,
    )


def test_list_after_doctor_still_says_a_damaged_month_is_waiting(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert thaw(data, "log", "6").returncode == 0
    month_file = next((data / "checkins").glob("*.json"))
    month_file.write_text('{"checkins": ', encoding="utf-8")

    first = thaw(data, "doctor")  # sets the file aside and reports it
    assert first.returncode == 1

    later = thaw(data, "list")
    assert later.returncode == 0
    assert f"checkins/{month_file.name}" in later.stderr
    assert "quarantine" in later.stderr
    assert "Traceback" not in later.stderr
