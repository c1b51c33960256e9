"""`stats` and `mark` as a person runs them in a shell: real processes, real exit codes."""

from __future__ import annotations

import subprocess
from datetime import datetime, timedelta
from pathlib import Path

from tests.proc_env import REPO as ROOT
from tests.proc_env import checkout_env, python_cmd, thaw_cmd
from tui.core.store import Store


def thaw(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = checkout_env(TZ="Europe/London")
    env.pop("THAW_DATA_DIR", None)
    return subprocess.run(
        thaw_cmd("--data-dir", str(data_dir), *args),
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=ROOT,
        check=False,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def test_stats_with_nothing_recorded_is_kind(data_dir: Path) -> None:
    result = thaw(data_dir, "stats")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("The last 30 days (")
    assert "Nothing recorded here yet, and that is fine." in result.stdout
    no_traceback(result)


def test_stats_prints_sparklines_for_recent_days(data_dir: Path) -> None:
    store = Store(data_dir)
    now = datetime.now().astimezone()
    for days_back, mood, feel in ((0, 7, 5), (1, 3, 1), (3, 5, 2)):
        store.add_checkin(mood, feel=feel, emotions=("calm",), at=now - timedelta(days=days_back))
    store.add_session(
        "breathe",
        "box",
        started_at=now - timedelta(days=1),
        planned_seconds=120,
        actual_seconds=120.0,
        completed=True,
        before=2,
        after=4,
    )
    result = thaw(data_dir, "stats", "--days", "7")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("The last 7 days (")
    mood_line = next(line for line in lines if line.startswith("Mood"))
    assert "average 5.0, from 3 to 7, 3 days with a check-in" in mood_line
    assert any(block in mood_line for block in "▁▂▃▄▅▆▇█")
    assert any(line.startswith("Feel") for line in lines)
    assert "Range  1 different feeling named, 1 of them pleasant" in lines
    assert "Practice  2 minutes (breathing 2)" in lines
    assert "streak" not in result.stdout.lower()


def test_stats_refuses_a_bad_number_of_days(data_dir: Path) -> None:
    result = thaw(data_dir, "stats", "--days", "0")
    assert result.returncode == 2
    no_traceback(result)


def test_stats_and_mark_never_load_textual(data_dir: Path) -> None:
    code = (
        "import sys; from tui.__main__ import main; "
        f"a = main(['--data-dir', {str(data_dir)!r}, 'stats']); "
        f"b = main(['--data-dir', {str(data_dir)!r}, 'mark', 'x']); "
        "print(a, b, any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    result = subprocess.run(
        python_cmd("-c", code),
        env=checkout_env(),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert result.stdout.strip().splitlines()[-1] == "0 0 False", result.stderr


def test_mark_saves_a_dated_note(data_dir: Path) -> None:
    result = thaw(data_dir, "mark", "started therapy", "--kind", "therapy", "--at", "yesterday")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Marked ")
    assert "started therapy (therapy)" in result.stdout
    (marker,) = Store(data_dir).markers()
    assert marker.text == "started therapy" and marker.kind == "therapy"
    assert marker.at.date() == (datetime.now().astimezone() - timedelta(days=1)).date()


def test_mark_today_by_date_is_now_not_midday(data_dir: Path) -> None:
    today = datetime.now().astimezone().date().isoformat()
    result = thaw(data_dir, "mark", "changed dose", "--kind", "medication", "--at", today)
    assert result.returncode == 0, result.stderr
    assert Store(data_dir).markers()[0].at.date().isoformat() == today


def test_mark_refuses_an_unknown_kind_and_writes_nothing(data_dir: Path) -> None:
    result = thaw(data_dir, "mark", "moved house", "--kind", "holiday")
    assert result.returncode == 2
    assert "holiday" in result.stderr
    no_traceback(result)
    assert not (data_dir / "markers.json").exists() or Store(data_dir).markers() == []


def test_mark_refuses_a_time_to_come_or_empty_words(data_dir: Path) -> None:
    future = thaw(data_dir, "mark", "new job", "--at", "2999-01-01")
    assert future.returncode == 2
    assert "still to come" in future.stderr
    empty = thaw(data_dir, "mark", "   ")
    assert empty.returncode == 2
    assert "A marker needs a few words" in empty.stderr
    for result in (future, empty):
        no_traceback(result)
    assert not (data_dir / "markers.json").exists() or Store(data_dir).markers() == []


def test_mark_never_echoes_escape_sequences(data_dir: Path) -> None:
    result = thaw(data_dir, "mark", "\x1b[31mred\x1b[0m day")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert Store(data_dir).markers()[0].text == "red day"
