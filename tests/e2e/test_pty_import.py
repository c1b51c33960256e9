"""The Import place in a real terminal, keys sent in one burst as SSH and pasting deliver them."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.pty_helpers import REPO, PtyProcess, thaw_argv
from tui.core.clock import SystemClock
from tui.core.store import Store

DATA = Path(__file__).parent.parent / "data"


def test_path_enter_mood_digits_and_enter_in_one_write_import_the_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    env = {"THAW_DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO)}
    with PtyProcess(thaw_argv(), env=env, size=(80, 24), cwd=REPO) as proc:
        proc.wait_for_text("Find anything", timeout=30)  # home's menu is up
        proc.send("f")
        proc.wait_for_text("Nothing is added until you say so", timeout=20)
        # The path, Enter, a digit for each unknown mood ("super", then "tired"), Enter: one write.
        proc.send(f"{DATA / 'daylio_custom_moods.csv'}\r94\r")
        proc.wait_for_text("Added 4 check-ins", timeout=30)
        proc.send("\x1b")  # Esc: home again
        proc.wait_for_text("Find anything", timeout=20)
    moods = [c.mood for c in Store(data_dir, SystemClock()).checkins()]
    assert moods == [4, 8, 4, 9]  # Tired (4), good (8), tired (4), super (9)


def test_fourteen_moods_placed_in_one_burst_each_get_their_own_digit(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    env = {"THAW_DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO)}
    with PtyProcess(thaw_argv(), env=env, size=(40, 12), cwd=REPO) as proc:
        proc.wait_for_text("Last entries", timeout=30)  # home is up (its menu is below, at 40x12)
        proc.wait_for_quiet()
        proc.send("f")
        proc.wait_for_text("Import", timeout=20)
        proc.wait_for_quiet()
        # content anxious okay exhausted tired frustrated distracted "beyond anxious" Angry
        # "in pain" hopeful lonely calm(0 = 10) Depressed, then Enter: all in one write.
        proc.send(f"{DATA / 'daylio_many_moods.csv'}\r74634352327302\r")
        proc.wait_for_text("Added 15", timeout=30)
    moods = [c.mood for c in Store(data_dir, SystemClock()).checkins()]
    # Oldest first: Depressed, rad, calm, lonely, hopeful, in pain, Angry, beyond anxious,
    # distracted, frustrated, tired, exhausted, okay, anxious, content.
    assert moods == [2, 10, 10, 3, 7, 2, 3, 2, 5, 3, 4, 3, 6, 4, 7]
