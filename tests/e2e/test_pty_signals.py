"""End to end in a real pseudo-terminal, under a small job-control shell (`job_shell.py`): every
ending signal, in every state, keeps what was typed or practised and gives the terminal back
exactly; Ctrl+Z steps out to the shell and `fg` brings Thaw back, repainted, the note intact.
"""

from __future__ import annotations

import os
import re
import signal
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from tests.e2e.pty_helpers import REPO, PtyProcess, thaw_argv
from tests.history_data import LONDON, prepared_dir
from tui.core.store import Store

JOB_SHELL = Path(__file__).with_name("job_shell.py")
JOB = re.compile(r"\[job (\d+)\]")
ENDED = re.compile(r"\[ended (-?\d+) echo=(\d) icanon=(\d) same=(\d)\]")
STOPPED = re.compile(r"\[stopped echo=(\d) icanon=(\d) same=(\d)\]")

# DEC private modes (`ESC [ ? N h` sets, `l` resets); queries (`$p`) are not changes.
DEC_MODE = re.compile(rb"\x1b\[\?([\d;]+)([hl])")
# On in a fresh terminal: the cursor shown (25) and line wrap (7). Every other mode is off.
DEFAULT_ON = frozenset({7, 25})
# What Textual turns on: alternate screen, mouse (4 kinds), focus reports, bracketed paste.
APP_MODES = frozenset({1049, 1000, 1003, 1015, 1006, 1004, 2004, 25, 7})
KITTY_PUSH, KITTY_POP = re.compile(rb"\x1b\[>\d*u"), re.compile(rb"\x1b\[<\d*u")

ENDING = [signal.SIGTERM, signal.SIGINT, signal.SIGQUIT, signal.SIGHUP]
NOTE = "heavy fog"
F1 = "\x1bOP"


def modes_left_changed(output: bytes) -> dict[int, bool]:
    """Terminal modes whose last setting in `output` is not the terminal's default (mode: on)."""
    last: dict[int, bool] = {}
    for numbers, action in DEC_MODE.findall(output):
        for number in numbers.split(b";"):
            last[int(number)] = action == b"h"
    assert last.keys() >= APP_MODES, "the app never took the terminal: nothing was tested"
    return {mode: on for mode, on in last.items() if on != (mode in DEFAULT_ON)}


def assert_terminal_given_back(output: bytes) -> None:
    """The bytes the program wrote leave no mode of its own on: the terminal is as it was."""
    assert modes_left_changed(output) == {}
    pushes, pops = len(KITTY_PUSH.findall(output)), len(KITTY_POP.findall(output))
    assert pushes >= 1 and pops == pushes  # the kitty keyboard mode taken off as often as put on


def start(data_dir: Path, *args: str, size: tuple[int, int] = (80, 24)) -> tuple[PtyProcess, int]:
    """`thaw ARGS` as the foreground job of a shell on a new terminal; the process and its pid."""
    argv = [sys.executable, str(JOB_SHELL), *thaw_argv(*args)]
    proc = PtyProcess(argv, env={"THAW_DATA_DIR": str(data_dir)}, size=size, cwd=REPO)
    proc.wait_for_text("[job ", timeout=20)
    found = JOB.search(proc.text())
    assert found is not None
    return proc, int(found.group(1))


def end_by(proc: PtyProcess, pid: int, signum: int) -> None:
    """Send `signum` to Thaw; it ends by that signal with the terminal's modes as they were."""
    os.kill(pid, signum)
    assert proc.wait(timeout=30) == 0  # the shell itself
    assert "Traceback" not in proc.text()
    ended = ENDED.search(proc.text())
    assert ended is not None, proc.text()[-2000:]
    assert ended.groups() == (str(-signum), "1", "1", "1")  # status, echo, icanon, all the same
    assert_terminal_given_back(proc.output)


# --- the states, each reached as a person would, and what must be on disk afterwards -------
def type_a_check_in(proc: PtyProcess) -> None:
    """Mood 4, then Tab along to the note (feel, feelings filter, list, note) and a few words."""
    proc.wait_for_text("Mood right now", timeout=20)
    proc.wait_for_quiet(0.2)
    mark = len(proc.output)
    proc.send("4\t\t\t\t")
    proc.wait_for_text("^s Save", since=mark, timeout=10)  # the footer's key in the note
    proc.send(NOTE)
    proc.wait_for_text(NOTE, since=mark, timeout=10)
    proc.wait_for_quiet(0.2)


def reach_home(proc: PtyProcess) -> None:
    proc.wait_for_text("History", timeout=20)
    proc.wait_for_quiet(0.2)


def reach_a_dialog_over_a_check_in(proc: PtyProcess) -> None:
    type_a_check_in(proc)
    proc.send(F1)  # the keys dialog, over the check-in
    proc.wait_for_text("Keys here: Check in", timeout=10)


def reach_breathing(proc: PtyProcess) -> None:
    proc.wait_for_text("round 1 of", timeout=20)
    proc.send("6")  # how it feels before: a session worth keeping however short
    proc.wait_for_text("6 of 10", timeout=10)


def reach_meditation(proc: PtyProcess) -> None:
    proc.wait_for_text("There is no wrong way", timeout=20)
    proc.send("6")
    proc.wait_for_text("6 of 10", timeout=10)


def reach_grounding(proc: PtyProcess) -> None:
    proc.wait_for_text("Five senses", timeout=20)
    proc.send("6")
    proc.wait_for_text("6 of 10", timeout=10)


def reach_history_loading(proc: PtyProcess) -> None:
    reach_home(proc)
    proc.send("h")
    proc.wait_for_text("last 30 days", timeout=20)
    proc.send("a")  # all time: shown once every year is read, which is under way now
    proc.wait_for_text("Gathering your history", timeout=10)


def nothing_kept(data_dir: Path) -> None:
    store = Store(data_dir)
    assert store.draft() is None
    assert store.sessions() == [] and store.recent_checkins(5) == []


def check_in_kept_as_draft(data_dir: Path) -> None:
    store = Store(data_dir)
    draft = store.draft()
    assert draft is not None
    assert (draft.mood, draft.note) == (4, NOTE)
    assert store.recent_checkins(5) == []  # a draft, not a check-in


def practice_kept(kind: str, detail: str) -> Callable[[Path], None]:
    """The practice is saved as an unfinished session, with the rating given before it."""

    def check(data_dir: Path) -> None:
        [session] = Store(data_dir).sessions()
        assert (session.kind, session.detail) == (kind, detail)
        assert (session.before, session.completed) == (6, False)
        if session.planned_seconds is not None:  # grounding has no set length
            assert session.actual_seconds < session.planned_seconds
        assert Store(data_dir).draft() is None

    return check


def month_files(data_dir: Path) -> dict[str, bytes]:
    """Every check-in and session file, as bytes."""
    return {
        str(path.relative_to(data_dir)): path.read_bytes()
        for folder in ("checkins", "sessions")
        for path in sorted((data_dir / folder).glob("*.json"))
    }


STATES: dict[str, tuple[tuple[str, ...], Callable[[PtyProcess], None], Callable[[Path], None]]] = {
    "home": ((), reach_home, nothing_kept),
    "check-in with text": (("checkin",), type_a_check_in, check_in_kept_as_draft),
    "breathing": (("breathe", "box"), reach_breathing, practice_kept("breathe", "box")),
    "meditation": (("meditate",), reach_meditation, practice_kept("meditate", "timer")),
    "grounding": (("ground", "senses"), reach_grounding, practice_kept("ground", "senses")),
    "a dialog open": (("checkin",), reach_a_dialog_over_a_check_in, check_in_kept_as_draft),
}
HISTORY_LOADING = "history loading"
# Every state and every signal at least once in the quick run; the rest of the grid is `slow`.
QUICK = {
    ("home", signal.SIGTERM),
    ("check-in with text", signal.SIGINT),
    ("breathing", signal.SIGQUIT),
    ("meditation", signal.SIGHUP),
    ("grounding", signal.SIGHUP),
    ("a dialog open", signal.SIGTERM),
    (HISTORY_LOADING, signal.SIGINT),
}


def grid(states: list[str]) -> list[object]:
    """(state, signal) for every pair, those outside QUICK marked slow."""
    return [
        pytest.param(
            state,
            signum,
            id=f"{state}-{signum.name}",
            marks=() if (state, signum) in QUICK else pytest.mark.slow,
        )
        for state in states
        for signum in ENDING
    ]


@pytest.mark.parametrize(("state", "signum"), grid(list(STATES)))
def test_every_ending_signal_keeps_the_work_and_gives_the_terminal_back(
    tmp_path: Path, state: str, signum: int
) -> None:
    data_dir = tmp_path / "thaw"
    args, reach, check = STATES[state]
    proc, pid = start(data_dir, *args)
    with proc:
        reach(proc)
        end_by(proc, pid, signum)
    check(data_dir)


@pytest.mark.parametrize(("state", "signum"), grid([HISTORY_LOADING]))
def test_an_ending_signal_while_history_loads_changes_nothing_on_disk(
    tmp_path: Path, state: str, signum: int
) -> None:
    data_dir = prepared_dir(tmp_path / "thaw", datetime.now(LONDON), days=3652)
    before = month_files(data_dir)
    proc, pid = start(data_dir)
    with proc:
        reach_history_loading(proc)
        end_by(proc, pid, signum)
    assert month_files(data_dir) == before
    assert Store(data_dir).draft() is None


# --- Ctrl+Z --------------------------------------------------------------------------------
def test_ctrl_z_in_the_note_steps_out_and_fg_brings_it_back_painted_with_the_note(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "thaw"
    proc, _pid = start(data_dir, "checkin")
    with proc:
        type_a_check_in(proc)
        proc.send("\x1a")  # Ctrl+Z, with the cursor in the note (where it used to be undo)
        proc.wait_for_text("[stopped ", timeout=10)
        stopped = STOPPED.search(proc.text())
        assert stopped is not None and stopped.groups() == ("1", "1", "1")
        assert_terminal_given_back(proc.output)  # the shell has its own terminal meanwhile

        mark = len(proc.output)
        proc.send("fg\r")  # no resize anywhere: the whole screen is painted again at once
        proc.wait_for_text("Mood right now", since=mark, timeout=10)
        proc.wait_for_text(NOTE, since=mark, timeout=10)
        proc.wait_for_quiet(0.2)
        proc.send("\n")  # Ctrl+J saves from the note
        proc.wait_for_text("Saved: mood 4", since=mark, timeout=10)
        assert proc.wait(timeout=20) == 0
        ended = ENDED.search(proc.text())
        assert ended is not None and ended.groups() == ("0", "1", "1", "1")
    [saved] = Store(data_dir).recent_checkins(5)
    assert (saved.mood, saved.note) == (4, NOTE)


def test_ctrl_z_with_no_shell_to_come_back_to_says_so_and_keeps_the_note(tmp_path: Path) -> None:
    """`ssh -t host thaw checkin`: Thaw is the session's first program, nothing could `fg` it."""
    data_dir = tmp_path / "thaw"
    with PtyProcess(
        thaw_argv("checkin"), env={"THAW_DATA_DIR": str(data_dir)}, size=(100, 30), cwd=REPO
    ) as proc:
        type_a_check_in(proc)
        mark = len(proc.output)
        proc.send("\x1a")
        proc.wait_for_text("Ctrl+Z would pause Thaw", since=mark, timeout=10)
        proc.wait_for_quiet(0.2)
        proc.send("\n")
        proc.wait_for_text("Saved: mood 4", since=mark, timeout=10)
        assert proc.wait(timeout=20) == 0
    [saved] = Store(data_dir).recent_checkins(5)
    assert (saved.mood, saved.note) == (4, NOTE)


def test_a_stray_sigcont_while_running_leaves_the_screen_and_the_keys_alone(
    tmp_path: Path,
) -> None:
    """A `kill -CONT` with nothing stopped used to clear the screen and start a second reader."""
    data_dir = tmp_path / "thaw"
    proc, pid = start(data_dir, "checkin")
    with proc:
        proc.wait_for_text("Mood right now", timeout=20)
        proc.wait_for_quiet(0.2)
        mark = len(proc.output)
        os.kill(pid, signal.SIGCONT)
        os.kill(pid, signal.SIGCONT)
        type_a_check_in(proc)
        assert b"\x1b[?1049h" not in proc.output[mark:]  # the screen was never taken again
        proc.send("\n")
        proc.wait_for_text("Saved: mood 4", since=mark, timeout=10)
        assert proc.wait(timeout=20) == 0
    [saved] = Store(data_dir).recent_checkins(5)
    assert (saved.mood, saved.note) == (4, NOTE)


def test_the_terminal_closing_under_a_check_in_keeps_the_draft(tmp_path: Path) -> None:
    """An SSH drop as it happens: the terminal's far side closes and the kernel sends SIGHUP."""
    data_dir = tmp_path / "thaw"
    with PtyProcess(
        thaw_argv("checkin"), env={"THAW_DATA_DIR": str(data_dir)}, size=(80, 24), cwd=REPO
    ) as proc:
        type_a_check_in(proc)
        os.close(proc.fd)
        deadline = time.monotonic() + 20
        while (found := os.waitpid(proc.pid, os.WNOHANG))[0] == 0:
            assert time.monotonic() < deadline, "Thaw went on running with no terminal"
            time.sleep(0.05)
        proc.returncode = os.waitstatus_to_exitcode(found[1])
    assert proc.returncode == -signal.SIGHUP
    check_in_kept_as_draft(data_dir)
