"""A damaged month set aside earlier is still mentioned by `list`, not shown as quietly empty."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.proc_env import checkout_env, thaw_cmd


def thaw(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = checkout_env(THAW_DATA_DIR=str(data))
    return subprocess.run(
        thaw_cmd(*args),
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
