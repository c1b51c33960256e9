"""Keys in one burst, as SSH delivers them: every form stores what the same keys typed slowly would.

Each whole key sequence (opening keys included) is written to the terminal in ONE write, then
the stored files are read back through a fresh Store.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.e2e.pty_helpers import REPO, PtyProcess, thaw_argv
from tui.core.store import Store

CTRL_J, CTRL_Q, CTRL_S, CTRL_U, RIGHT = "\n", "\x11", "\x13", "\x15", "\x1b[C"


def run_burst(
    data_dir: Path, burst: str, *, args: tuple[str, ...] = (), ready: str = "F1", done: str = ""
) -> PtyProcess:
    """Start Thaw, wait for its first screen, write `burst` at once, wait until it is handled
    (the text `done`, or a quiet screen), then quit. The finished process is returned."""
    env = {"THAW_DATA_DIR": str(data_dir)}
    proc = PtyProcess(thaw_argv(*args), env=env, size=(80, 24), cwd=REPO)
    try:
        proc.wait_for_text(ready, timeout=20)
        proc.wait_for_quiet(0.3)
        proc.send(burst)
        if done:
            proc.wait_for_text(done, timeout=15)
        proc.wait_for_quiet(0.5)
        if proc.returncode is None:
            proc.send(CTRL_Q)
        proc.wait(timeout=15)
    finally:
        proc.kill()
    assert "Traceback" not in proc.text()
    return proc


def test_check_in_burst_fills_every_field(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    burst = f"6\t3\tnumb\r\t\thello there\twork, sleep{CTRL_J}"
    proc = run_burst(data_dir, burst, args=("checkin",), ready="Mood right now")
    assert proc.returncode == 0
    [saved] = Store(data_dir).recent_checkins(5)
    assert (saved.mood, saved.feel, saved.emotions) == (6, 3, ("numb",))
    assert (saved.note, saved.tags) == ("hello there", ("work", "sleep"))


def test_check_in_burst_with_letters_on_a_scale_and_ten_typed(tmp_path: Path) -> None:
    """1 0 on the feel scale is 10; "numb" typed on the scale finds the feeling; Ctrl+S saves."""
    data_dir = tmp_path / "thaw"
    burst = f"4\t10numb\r{CTRL_S}"
    run_burst(data_dir, burst, args=("checkin",), ready="Mood right now")
    [saved] = Store(data_dir).recent_checkins(5)
    assert (saved.mood, saved.feel, saved.emotions) == (4, 10, ("numb",))


def test_contact_form_burst(tmp_path: Path) -> None:
    """The issue's own example: the phone number used to join the name."""
    data_dir = tmp_path / "thaw"
    run_burst(data_dir, "saSam (sister)\t+44 7700 900123\tevenings\r", done="Sam (sister)")
    [contact] = Store(data_dir).contacts()
    assert (contact.name, contact.phone, contact.note) == (
        "Sam (sister)",
        "+44 7700 900123",
        "evenings",
    )


def test_contact_form_burst_with_enter_between_fields(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    run_burst(data_dir, "saSam\r07700 900123\revenings\r", done="Sam")
    [contact] = Store(data_dir).contacts()
    assert (contact.name, contact.phone, contact.note) == ("Sam", "07700 900123", "evenings")


def test_plan_step_burst(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    run_burst(data_dir, f"paCall the GP\tbook a time\tbring my list{CTRL_S}", done="Call the GP")
    [mine] = [item for item in Store(data_dir).plan_items() if not item.key]
    assert (mine.title, mine.next_step, mine.note) == (
        "Call the GP",
        "book a time",
        "bring my list",
    )


def test_marker_form_burst_and_enter_on_the_kind_saves(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    burst = f"hknstarted therapy\t\t{CTRL_U}yesterday\rnmoved house\t\r"
    run_burst(data_dir, burst, done="moved house")
    store = Store(data_dir)
    markers = sorted(store.markers(), key=lambda m: m.text)
    assert [(m.text, m.kind) for m in markers] == [
        ("moved house", "other"),
        ("started therapy", "other"),
    ]
    therapy = markers[1]
    assert markers[0].at.date() - therapy.at.date() == timedelta(days=1)


def test_settings_burst(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    run_burst(data_dir, ",\t\t18:30\t20\t")  # nothing has focus at first
    settings = Store(data_dir).settings()
    assert (settings.reminder_time, settings.meditation_minutes) == ("18:30", 20)


def test_custom_breathing_burst(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    run_burst(data_dir, "bc" + CTRL_U + "4 2 6 1\r")
    assert Store(data_dir).settings().custom_breath == (4, 2, 6, 1)


def test_entries_back_fill_burst(tmp_path: Path) -> None:
    data_dir = tmp_path / "thaw"
    run_burst(data_dir, "enyesterday 21:00\r4\t2\r", done="Saved for")
    [saved] = Store(data_dir).recent_checkins(5)
    assert (saved.mood, saved.feel) == (4, 2)
    assert saved.at.astimezone().strftime("%H:%M") == "21:00"


@pytest.mark.parametrize("columns", ["20", "5000"])
def test_the_real_terminal_size_wins_over_stale_columns_and_lines(
    tmp_path: Path, columns: str
) -> None:
    """COLUMNS=20 LINES=5 kept "make the window larger" up in a 100x30 pane; 5000x3000 drew
    nothing but the footer. The real size is used, so the check-in is seen and saved."""
    data_dir = tmp_path / "thaw"
    lines = "5" if columns == "20" else "3000"
    env = {"THAW_DATA_DIR": str(data_dir), "COLUMNS": columns, "LINES": lines}
    with PtyProcess(thaw_argv("checkin"), env=env, size=(100, 30), cwd=REPO) as proc:
        proc.wait_for_text("Mood right now", timeout=20)
        assert "a little larger" not in proc.text()
        proc.send("7\r")
        proc.wait_for_text("Saved: mood 7", timeout=10)
        assert proc.wait(timeout=15) == 0
    assert [c.mood for c in Store(data_dir).recent_checkins(5)] == [7]


def test_quick_check_in_leaves_its_saved_line_in_the_terminal(tmp_path: Path) -> None:
    """After the full screen closes the words are printed, so they can be read afterwards."""
    data_dir = tmp_path / "thaw"
    env = {"THAW_DATA_DIR": str(data_dir)}
    with PtyProcess(thaw_argv("checkin"), env=env, size=(80, 24), cwd=REPO) as proc:
        proc.wait_for_text("Mood right now", timeout=20)
        proc.send("7\r")
        assert proc.wait(timeout=15) == 0
    leaving = proc.output.rfind(b"\x1b[?1049l")  # the alternate (full) screen is left
    assert leaving != -1
    after = proc.output[leaving:].decode()
    assert "Saved: mood 7. Thank you." in after
    printed = [line for line in after.splitlines() if line.strip()]
    assert len(printed) >= 2  # the suggestion follows the saved line


def test_typing_through_a_resize_storm_keeps_every_word(tmp_path: Path) -> None:
    """The window dips below 40x12 between words: the keys wait, then land in the note."""
    data_dir = tmp_path / "thaw"
    env = {"THAW_DATA_DIR": str(data_dir)}
    with PtyProcess(thaw_argv("checkin"), env=env, size=(80, 24), cwd=REPO) as proc:
        proc.wait_for_text("Mood right now", timeout=20)
        proc.send("5\t\t\t\tone ")
        for word, size in (("two ", (30, 10)), ("three ", (80, 24)), ("four", (35, 8))):
            proc.resize(*size)
            proc.send(word)
            proc.wait_for_quiet(0.2)
        proc.wait_for_text("a little larger", timeout=10)
        proc.resize(90, 30)
        proc.send(CTRL_J)
        proc.wait_for_text("Saved: mood 5", timeout=15)
        assert proc.wait(timeout=15) == 0
    [saved] = Store(data_dir).recent_checkins(5)
    assert saved.note == "one two three four"
