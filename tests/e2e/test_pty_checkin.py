"""End to end in a real pseudo-terminal: `python -m tui checkin`, a digit, Enter: saved."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.pty_helpers import REPO, PtyProcess, thaw_argv
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
        assert proc.wait(timeout=15) == 0
    assert stored_moods(data_dir) == []
    draft = Store(data_dir).draft()
    assert draft is not None
    assert (draft.mood, draft.feel) == (4, 2)
