"""`thaw checkin` at mood 1 in a real terminal: the pointer to support is still on the screen
after the full-screen app has gone, with the person's own contact first when they have one."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.pty_helpers import REPO, PtyProcess, strip_ansi, thaw_argv
from tui.core.store import Store

LEAVE_FULL_SCREEN = b"\x1b[?1049l"


def after_the_app(output: bytes) -> str:
    """What the terminal shows once the app has left the alternate screen."""
    _, found, rest = output.rpartition(LEAVE_FULL_SCREEN)
    assert found, "the app never left the full screen"
    return strip_ansi(rest)


def check_in_at_mood_1(data_dir: Path, size: tuple[int, int] = (80, 24)) -> str:
    env = {"THAW_DATA_DIR": str(data_dir), "LANG": "en_GB.UTF-8", "TZ": "Europe/London"}
    with PtyProcess(thaw_argv("checkin"), env=env, size=size, cwd=REPO) as proc:
        proc.wait_for_text("Mood right now", timeout=20)
        proc.send("1\r")  # one burst, as keys arrive over SSH
        proc.wait_for_text("Saved: mood 1", timeout=10)
        assert proc.wait(timeout=15) == 0
        assert "Traceback" not in proc.text()
        return after_the_app(proc.output)


def test_mood_1_leaves_the_countrys_line_and_f2_on_the_terminal(tmp_path: Path) -> None:
    shown = check_in_at_mood_1(tmp_path / "thaw")
    assert "Saved: mood 1" in shown
    assert "alone" in shown
    assert "Samaritans" in shown and "116 123" in shown
    assert "In Thaw, F2 shows everyone you can reach" in " ".join(shown.split())
    assert "walk" not in shown


def test_mood_1_names_the_persons_own_contact_before_the_line(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    Store(data_dir).add_contact("Sam", phone="07700 900123")
    shown = " ".join(check_in_at_mood_1(data_dir).split())
    assert "Sam is someone you could reach out to: 07700 900123" in shown
    assert shown.index("07700 900123") < shown.index("Samaritans")


def test_on_a_phones_40_columns_the_words_left_behind_are_whole(tmp_path: Path) -> None:
    """The terminal would wrap a long line mid-word ("ca / ll"); the lines are wrapped between
    words to the window instead, each shorter than its 40 columns."""
    shown = check_in_at_mood_1(tmp_path / "thaw", size=(40, 12))
    lines = [line for line in shown.replace("\r", "").split("\n") if line.strip()]
    assert any("Samaritans" in line for line in lines)
    assert all(len(line) < 40 for line in lines), lines
    assert "call free, any time" in " ".join(shown.split())
