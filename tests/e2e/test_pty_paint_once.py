"""Over a slow link each row goes out once: home's first screen is not sent two or three times.

Textual paints the whole screen after each layout, and again for widgets that have just been
sized; Thaw sends a terminal only the rows it does not already show (tui/textual_private.py).
Each whole row starts with a cursor move to its first column, so the moves count the rows sent.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from tests.e2e.pty_helpers import REPO, PtyProcess, thaw_argv

ROW_START = re.compile(rb"\x1b\[(\d+);1H")


def test_home_sends_each_row_of_its_body_once(tmp_path: Path) -> None:
    env = {"THAW_DATA_DIR": str(tmp_path / "thaw")}
    with PtyProcess(thaw_argv(), env=env, size=(80, 24), cwd=REPO) as proc:
        proc.wait_for_text("Find anything", timeout=30)
        proc.wait_for_quiet(1.0)
        sent = Counter(int(row) for row in ROW_START.findall(proc.output))
        # The header (clock) and the footer (its keys) may change after the first paint.
        body = {row: sent[row] for row in range(2, 24)}
        assert body == dict.fromkeys(range(2, 24), 1)
        # What is on the screen is whole: a resize still paints every row again.
        before = len(proc.output)
        proc.resize(80, 24 - 1)
        proc.wait_for_quiet(0.5)
        proc.resize(80, 24)
        proc.wait_for_text("Find anything", timeout=10, since=before)
        proc.wait_for_quiet(0.5)
        again = Counter(int(row) for row in ROW_START.findall(proc.output[before:]))
        assert all(again[row] >= 1 for row in range(1, 25))
        proc.send("\x11")
        assert proc.wait(timeout=15) == 0
