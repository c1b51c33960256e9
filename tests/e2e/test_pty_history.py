"""End to end in a real pseudo-terminal: history with two years of check-ins, the window resized
under it (real SIGWINCH), keys still answered, and home laid out for the new size afterwards."""

from __future__ import annotations

import re
import time
from datetime import datetime
from pathlib import Path

from tests.e2e.pty_helpers import REPO, PtyProcess, strip_ansi, thaw_argv
from tests.history_data import LONDON, prepared_dir

ROWS = re.compile(rb"\x1b\[(\d+);\d+H")


def rows_painted(output: bytes) -> set[int]:
    """Terminal rows the program moved the cursor to (Textual starts every line it paints so)."""
    return {int(row) for row in ROWS.findall(output)}


def test_history_follows_the_window_as_it_is_resized_and_keys_still_work(tmp_path: Path) -> None:
    data_dir = prepared_dir(tmp_path / "thaw", datetime.now(LONDON), days=730)
    env = {"THAW_DATA_DIR": str(data_dir)}
    with PtyProcess(thaw_argv(), env=env, size=(80, 24), cwd=REPO) as proc:
        proc.wait_for_text("History", timeout=20)
        proc.wait_for_quiet(0.3)
        proc.send("h")
        proc.wait_for_text("last 30 days", timeout=20)
        proc.send("a")
        proc.wait_for_text("all time", timeout=10)
        proc.wait_for_quiet(0.3)
        for cols, rows in ((200, 60), (120, 40), (90, 30), (200, 60), (160, 50)):
            proc.resize(cols, rows)
            time.sleep(0.03)  # a window being dragged: sizes come faster than they are drawn
        proc.wait_for_quiet(0.5)

        mark = len(proc.output)
        proc.send("w")  # a key after the storm of sizes is still answered
        proc.wait_for_text("last 7 days", timeout=10)
        assert "last 7 days" in strip_ansi(proc.output[mark:])

        proc.wait_for_quiet(0.3)
        mark = len(proc.output)
        proc.send("\x1b")  # back to home, which was covered while the window changed
        home = proc.wait_for_output(
            lambda out: b"History" in out and 50 in rows_painted(out), mark, 20, "home at 50 rows"
        )
        proc.wait_for_quiet(0.3)
        home = proc.output[mark:]
        assert b"History" in home
        assert max(rows_painted(home)) == 50  # painted for 50 rows: its layout is the new one

        proc.send("\x11")  # Ctrl+Q
        assert proc.wait(timeout=15) == 0
        assert "Traceback" not in proc.text()
