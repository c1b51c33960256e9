"""End to end in a real pseudo-terminal: a one-round breathing session and a short meditation."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.e2e.pty_helpers import REPO, PtyProcess, thaw_argv
from tui.core.store import Store


def test_one_round_of_breathing_is_saved_with_before_and_after(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    store = Store(data_dir)
    # One round of the person's own 2-0-2-0 pattern: four seconds, start to end.
    store.save_settings(
        dataclasses.replace(
            store.settings(),
            breath_pattern="custom",
            custom_breath=(2.0, 0.0, 2.0, 0.0),
            breath_rounds=1,
        )
    )
    env = {"THAW_DATA_DIR": str(data_dir)}
    with PtyProcess(thaw_argv("breathe"), env=env, size=(80, 24), cwd=REPO) as proc:
        proc.wait_for_text("round 1 of 1", timeout=20)  # breathing at once
        proc.wait_for_text("in 2", timeout=5)
        proc.send("6")
        proc.wait_for_text("6 of 10", timeout=5)
        proc.wait_for_text("out 1", timeout=10)
        proc.wait_for_text("That was the last breath", timeout=10)
        proc.send("8")
        proc.wait_for_text("8 of 10", timeout=5)
        proc.send("\x1b")  # Esc: home
        proc.wait_for_text("Check in", timeout=10)
        proc.wait_for_quiet(0.3)
        proc.send("\x11")  # Ctrl+Q
        assert proc.wait(timeout=15) == 0
        assert "Traceback" not in proc.text()
    [session] = Store(data_dir).sessions()
    assert (session.kind, session.detail, session.completed) == ("breathe", "custom", True)
    assert (session.before, session.after, session.planned_seconds) == (6, 8, 4)
    assert 3.9 <= session.actual_seconds <= 4.5


def test_a_short_meditation_with_a_note_afterwards(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    env = {"THAW_DATA_DIR": str(data_dir)}
    with PtyProcess(
        thaw_argv("meditate", "--minutes", "0.05"), env=env, size=(80, 24), cwd=REPO
    ) as proc:
        proc.wait_for_text("There is no wrong way", timeout=20)
        proc.send("n")  # skip the before question
        proc.wait_for_text("You gave yourself this time", timeout=10)
        proc.send("10")  # after: ten, typed as the number in one write
        proc.wait_for_text("10 of 10", timeout=5)
        proc.wait_for_quiet(0.3)  # the note field takes focus after the rating lands
        proc.send("quiet hum")
        proc.send("\r")
        proc.wait_for_text("Kept with this sit", timeout=5)
        proc.send("\x1b")
        proc.wait_for_text("Check in", timeout=10)
        proc.wait_for_quiet(0.3)
        proc.send("\x11")
        assert proc.wait(timeout=15) == 0
        assert "Traceback" not in proc.text()
    [session] = Store(data_dir).sessions()
    assert (session.kind, session.completed, session.planned_seconds) == ("meditate", True, 3)
    assert (session.before, session.after, session.notes) == (None, 10, ("quiet hum",))
    assert session.actual_seconds == 3
