"""Plain mode on a real terminal: every byte Thaw writes is printable text, a newline or the bell.

The terminal's own newline translation (ONLCR, which turns "\\n" into "\\r\\n") is switched off
in the child before Thaw starts, so the bytes read here are exactly the bytes Thaw wrote plus
the echo of what was typed (printable text and newlines too): any cursor movement, carriage
return, colour or alternate screen would show up as a byte outside the allowed set.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.e2e.pty_helpers import REPO, PtyProcess
from tui.core.clock import SystemClock
from tui.core.store import Store

# Clear ONLCR on the terminal, then become `python -m tui ARGS`.
_NO_ONLCR = (
    "import os, sys, termios\n"
    "a = termios.tcgetattr(0); a[1] &= ~termios.ONLCR; termios.tcsetattr(0, termios.TCSANOW, a)\n"
    "os.execv(sys.executable, [sys.executable, '-m', 'tui', *sys.argv[1:]])\n"
)


def _plain(data: Path, *args: str, term: str = "xterm-256color") -> PtyProcess:
    env = {"TERM": term, "PYTHONPATH": str(REPO), "TZ": "Europe/London", "LANG": "en_GB.UTF-8"}
    return PtyProcess(
        [sys.executable, "-c", _NO_ONLCR, "--data-dir", str(data), *args], env=env, cwd=REPO
    )


def assert_only_text_newlines_and_bells(output: bytes) -> None:
    text = output.decode("utf-8")  # a broken sequence would fail here too
    bad = sorted({repr(c) for c in text if c not in "\n\a" and not c.isprintable()})
    assert not bad, f"bytes a screen reader would stumble on: {bad}"
    assert "\x1b" not in text and "\r" not in text


@pytest.mark.parametrize(("flag", "term"), [(("--plain",), "xterm-256color"), ((), "dumb")])
def test_plain_checkin_asks_line_by_line_and_saves(
    tmp_path: Path, flag: tuple[str, ...], term: str
) -> None:
    data = tmp_path / "data"
    with _plain(data, *flag, "checkin", term=term) as proc:
        proc.wait_for_text("Mood, 1 (lowest) to 10 (best)?")
        # One write, as keys arrive over SSH: mood, feel, a misspelt feeling and its fix, a
        # two-line note, tags, and Enter past the support line.
        proc.send("4\r2\rnumbb\rnumb, tired\rlong day\rquiet evening\r\rwork  sleep\r\r")
        proc.wait_for_text("Thank you for checking in.")
        proc.wait_for_text("thaw support")
        assert proc.wait() == 0
        output = proc.output
    assert_only_text_newlines_and_bells(output)
    text = output.decode()
    assert 'Did you mean "numb"?' in text
    for question in ("How much can you feel", "Any feelings", "A note", "Tags"):
        assert text.count(question) == 1  # asked once, never redrawn
    [saved] = Store(data, SystemClock()).checkins()
    assert (saved.mood, saved.feel) == (4, 2)
    assert saved.emotions[0] == "numb" and len(saved.emotions) == 2
    assert saved.note == "long day\nquiet evening"
    assert saved.tags == ("work", "sleep")


def test_plain_checkin_stopped_with_ctrl_d_keeps_a_draft(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with _plain(data, "--plain", "checkin") as proc:
        proc.wait_for_text("Mood, 1")
        proc.send("6\r3\r\rsomething I want to keep\r")
        proc.wait_for_text("(more, or an empty line to end)")
        proc.send("\x04")
        proc.wait_for_text("Kept as a draft")
        assert proc.wait() == 0
        assert_only_text_newlines_and_bells(proc.output)
    store = Store(data, SystemClock())
    assert store.checkins() == []
    draft = store.draft()
    assert draft is not None
    assert (draft.mood, draft.feel, draft.note) == (6, 3, "something I want to keep")


def test_plain_breathing_gives_each_cue_once_with_the_bell(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with _plain(data, "--plain", "breathe", "box") as proc:
        proc.wait_for_text("Round 1 of")
        proc.wait_for_text("Hold, 4 seconds.", timeout=15)
        proc.send("\x03")  # Ctrl+C: end early
        proc.wait_for_text("Ending here.")
        proc.wait_for_text("How much can you feel now")
        proc.send("6\r\r")
        proc.wait_for_text("Saved.")
        assert proc.wait() == 0
        output = proc.output
    assert_only_text_newlines_and_bells(output)
    text = output.decode()
    assert "\aRound 1 of" in text and "\aHold, 4 seconds." in text
    assert text.count("Breathe in, 4 seconds.") == 1
    [session] = Store(data, SystemClock()).sessions()
    assert (session.kind, session.detail, session.completed, session.after) == (
        "breathe",
        "box",
        False,
        6,
    )
    assert 4 <= session.actual_seconds < 30


def test_an_ssh_drop_during_a_plain_checkin_keeps_a_draft(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with _plain(data, "--plain", "checkin") as proc:
        proc.wait_for_text("Mood, 1")
        proc.send("3\r")
        proc.wait_for_text("How much can you feel")
        proc.hang_up()
        assert proc.wait() == 0
    draft = Store(data, SystemClock()).draft()
    assert draft is not None and draft.mood == 3
