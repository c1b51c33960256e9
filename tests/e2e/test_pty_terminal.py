"""The full-screen app and its terminal: it needs one to start, and it ends when it goes away,
whatever it is waiting on (no orphan left spinning on a core after an SSH drop)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.e2e.pty_helpers import REPO, PtyProcess, thaw_argv
from tui.core.clock import SystemClock
from tui.core.store import Store

ENV = {"PYTHONPATH": str(REPO)}
SENTENCE = "The full-screen app needs a terminal, and standard {what} is not one here."


def _env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, **ENV, "THAW_DATA_DIR": str(data_dir)}


@pytest.mark.parametrize("command", [(), ("checkin",), ("breathe",)], ids=repr)
def test_no_terminal_at_all_is_one_sentence_and_exit_2(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    done = subprocess.run(
        thaw_argv(*command),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=_env(tmp_path / "d"),
        cwd=REPO,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        SENTENCE.format(what="input")
        + " Without it, `thaw log 6` saves a check-in and `thaw list` shows recent ones."
    )
    assert done.stdout == ""
    assert not (tmp_path / "d").exists()  # nothing was written


def test_output_into_a_pipe_is_refused_even_with_a_terminal_for_keys(tmp_path: Path) -> None:
    # `thaw | cat` at a real prompt: keys could be read, but the screen would go into the pipe.
    shell = ["sh", "-c", f"{' '.join(thaw_argv())} | cat; echo status=$?"]
    with PtyProcess(shell, env={**ENV, "THAW_DATA_DIR": str(tmp_path / "d")}, cwd=REPO) as proc:
        proc.wait_for_text("status=", timeout=30)
        assert proc.wait(timeout=10) == 0
    assert SENTENCE.format(what="output") in proc.text()
    assert "\x1b[?1049h" not in proc.output.decode(errors="replace")  # no full screen drawn


def _stuck_month(tmp_path: Path) -> Path:
    """A data folder whose current month is a named pipe nobody writes: reading it can wait
    forever, which once left the app on a blank screen and, once the terminal went, spinning."""
    data_dir = tmp_path / "thaw"
    store = Store(data_dir, SystemClock())
    saved = store.add_checkin(5)
    month = data_dir / "checkins" / f"{saved.at:%Y-%m}.json"
    month.unlink()
    os.mkfifo(month, 0o600)
    return data_dir


def test_the_app_ends_when_its_terminal_goes_away_even_while_stuck(tmp_path: Path) -> None:
    data_dir = _stuck_month(tmp_path)
    proc = PtyProcess(thaw_argv(), env={**ENV, "THAW_DATA_DIR": str(data_dir)}, cwd=REPO)
    pid = 0
    try:
        proc.wait_for_quiet(1.0, timeout=15)  # started, painted what it could, now waiting
        os.close(proc.fd)  # the terminal goes away, as when an SSH connection drops
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            pid, _status = os.waitpid(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the app was still running 30 s after its terminal went away")
    finally:
        proc.returncode = 0  # reaped above (or killed below); the helper must not wait again
        if pid != proc.pid:
            os.kill(proc.pid, 9)
            os.waitpid(proc.pid, 0)


WAITS_FOREVER = textwrap.dedent(
    """
    import os, signal, sys
    from tui.cli.terminal_watch import watch_for_hangup
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as an app whose handler never gets to run
    watch_for_hangup(grace=0.5)
    os.mkfifo(sys.argv[1])
    os.write(1, b"waiting\\n")  # one write: a later flush would meet the closed terminal
    open(sys.argv[1]).read()  # blocks in the kernel: no Python code runs in this thread
    """
)


def test_the_terminal_watch_ends_a_process_blocked_in_the_kernel(tmp_path: Path) -> None:
    argv = [sys.executable, "-c", WAITS_FOREVER, str(tmp_path / "never")]
    proc = PtyProcess(argv, env=ENV, cwd=REPO)
    pid = 0
    status = 0
    try:
        proc.wait_for_text("waiting", timeout=20)
        os.close(proc.fd)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            pid, status = os.waitpid(proc.pid, os.WNOHANG)
            if pid == proc.pid:
                break
            time.sleep(0.05)
    finally:
        proc.returncode = 0
        if pid != proc.pid:
            os.kill(proc.pid, 9)
            os.waitpid(proc.pid, 0)
    assert pid == proc.pid, "still blocked 20 s after the terminal went away"
    assert os.waitstatus_to_exitcode(status) == 129
