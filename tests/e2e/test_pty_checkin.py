"""End to end in a real pseudo-terminal: `python -m tui checkin`, a digit, Enter: saved.

Also the practices opened by name from the command line, with the names people type.
"""

from __future__ import annotations

import json
import signal
import subprocess
from pathlib import Path

import pytest

from tests.e2e.pty_helpers import REPO, PtyProcess, thaw_argv
from tests.proc_env import checkout_env
from tui.core.store import Store


def stored_moods(data_dir: Path) -> list[int]:
    """Moods found in the check-in files on disk, read as plain JSON (no Store involved)."""
    moods: list[int] = []
    for path in sorted(data_dir.rglob("*.json")):
        if "checkin" not in str(path.relative_to(data_dir)):
            continue
        document = json.loads(path.read_text())
        for table in document.values():
            if isinstance(table, dict):
                moods.extend(
                    r["mood"] for r in table.values() if isinstance(r, dict) and "mood" in r
                )
    return moods


def test_checkin_7_enter_is_saved_and_the_app_closes(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    env = {"THAW_DATA_DIR": str(data_dir)}
    with PtyProcess(thaw_argv("checkin"), env=env, size=(80, 24), cwd=REPO) as proc:
        proc.wait_for_text("Mood right now", timeout=20)
        proc.send("7")
        proc.send("\r")
        proc.wait_for_text("Saved: mood 7", timeout=10)
        assert proc.wait(timeout=15) == 0
        assert "Traceback" not in proc.text()
    assert stored_moods(data_dir) == [7]


def test_hangup_while_typing_keeps_a_draft_and_exits_cleanly(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    env = {"THAW_DATA_DIR": str(data_dir)}
    with PtyProcess(thaw_argv("checkin"), env=env, size=(80, 24), cwd=REPO) as proc:
        proc.wait_for_text("Mood right now", timeout=20)
        proc.send("4")
        proc.send("\t")
        proc.send("2")
        proc.wait_for_text("0 nothing at all", timeout=5)
        # Wait until both keys have landed (the feel row shows 2 chosen) before the line drops.
        proc.wait_for_quiet(0.3)
        proc.hang_up()
        # Ended calmly, then by the signal itself, as every ending signal does (tui/signals.py).
        assert proc.wait(timeout=15) == -signal.SIGHUP
        assert "Traceback" not in proc.text()
    assert stored_moods(data_dir) == []
    draft = Store(data_dir).draft()
    assert draft is not None
    assert (draft.mood, draft.feel) == (4, 2)


def test_7_enter_typed_before_the_screen_appears_is_a_whole_check_in(tmp_path: Path) -> None:
    """`ssh home -t python -m tui checkin`, then 7 and Enter typed at once, while it starts."""
    data_dir = tmp_path / "thaw"
    env = {"THAW_DATA_DIR": str(data_dir)}
    with PtyProcess(thaw_argv("checkin"), env=env, size=(80, 24), cwd=REPO) as proc:
        assert proc.output == b""  # nothing painted yet: Python has not even started
        proc.send("7\r")
        proc.wait_for_text("Saved: mood 7", timeout=20)
        assert proc.wait(timeout=15) == 0
        assert "Traceback" not in proc.text()
        assert "Choose a mood" not in proc.text()
    assert stored_moods(data_dir) == [7]


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["breathe", "4-7-8"], "4-7-8 breathing"),
        (["breathe", "custom"], "Your own (4-0-6-0)"),
        (["ground", "54321"], "Five senses (5-4-3-2-1)"),
    ],
)
def test_practices_open_by_the_names_people_type(
    tmp_path: Path, args: list[str], shown: str
) -> None:
    env = {"THAW_DATA_DIR": str(tmp_path / "thaw")}
    with PtyProcess(thaw_argv(*args), env=env, size=(100, 30), cwd=REPO) as proc:
        proc.wait_for_text(shown, timeout=20)
        proc.wait_for_quiet(0.2)
        proc.send("\x11")  # Ctrl+Q
        assert proc.wait(timeout=15) == 0
        assert "There is no" not in proc.text()


def run_thaw(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m tui ARGS` without a terminal (the refusals come before any screen)."""
    return subprocess.run(
        thaw_argv(*args),
        cwd=REPO,
        env=checkout_env({"THAW_DATA_DIR": str(tmp_path / "thaw"), "PATH": "/usr/bin:/bin"}),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["breathe", "zigzag"], "cyclic_sigh, resonance, box, 478 or custom"),
        (["ground", "zigzag"], "senses, breath, object, colour, ice or song"),
    ],
)
def test_an_unknown_practice_name_lists_the_real_ones(
    tmp_path: Path, args: list[str], names: str
) -> None:
    done = run_thaw(tmp_path, *args)
    assert done.returncode == 2
    assert '"zigzag"' in done.stderr and names in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "thaw").exists() or not any((tmp_path / "thaw").rglob("*.json"))


@pytest.mark.parametrize("minutes", ["0", "-1", "181", "nan", "soon"])
def test_meditate_minutes_outside_the_range_are_refused_with_the_real_range(
    tmp_path: Path, minutes: str
) -> None:
    done = run_thaw(tmp_path, "meditate", "--minutes", minutes)
    assert done.returncode == 2
    assert "above 0 and at most 180" in done.stderr
    assert "Traceback" not in done.stderr


def test_meditate_takes_part_of_a_minute() -> None:
    from tui.cli.parser import parse_args

    assert parse_args(["meditate", "--minutes", "0.5"]).minutes == 0.5
