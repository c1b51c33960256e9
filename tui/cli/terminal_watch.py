"""The full-screen app's terminal: it must be there to start, and its loss always ends the app.

An SSH drop normally reaches the app as SIGHUP, which keeps a draft and closes calmly. But a
handler only runs while the app's loop runs: if the app is stuck waiting on something else
(a file that never answers, a worker that never ends), the signal is noted and nothing happens,
and an orphan was seen spinning on a core for half an hour. So a small thread waits for the
terminal to hang up and, if the app has not gone by itself after a grace period, ends the
process. Saves are atomic, so ending mid-save leaves the old file whole.
"""

from __future__ import annotations

import os
import select
import sys
import threading
from typing import TextIO

# Long enough for the app's own hang-up handling (keep the draft, restore, exit), even on a
# busy machine; short enough that nothing lingers.
GRACE_SECONDS = 10.0
HANGUP_EXIT = 129  # 128 + SIGHUP, what a shell reports for a process ended by a hang-up

NO_TERMINAL = (
    "The full-screen app needs a terminal, and {what} is not one here. "
    "Without it, `thaw log 6` saves a check-in and `thaw list` shows recent ones."
)


def missing_terminal(
    stdin: TextIO | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> str | None:
    """The sentence to say when the app cannot draw or read keys, else None.

    The app reads keys from standard input and draws on standard error (Textual's choice),
    and nothing it prints belongs in a pipe or a file, so all three must be the terminal.
    """
    streams = (
        ("standard input", stdin or sys.stdin),
        ("standard output", stdout or sys.stdout),
        ("standard error", stderr or sys.stderr),
    )
    for what, stream in streams:
        try:
            is_terminal = stream is not None and stream.isatty()
        except (ValueError, OSError):  # closed
            is_terminal = False
        if not is_terminal:
            return NO_TERMINAL.format(what=what)
    return None


def _wait_for_hangup(fd: int, grace: float, exit_code: int) -> None:
    """Block (without using the CPU) until `fd`'s terminal hangs up, then give the app `grace`."""
    poller = select.poll()
    poller.register(fd, 0)  # no events asked: hang-up and errors are always reported
    gone = select.POLLHUP | select.POLLERR | select.POLLNVAL
    try:
        while not any(mask & gone for _, mask in poller.poll()):
            pass
    except (OSError, ValueError):
        return
    # The app normally exits within a moment of a hang-up; this thread is a daemon, so when it
    # has, the process is gone before the sleep ends.
    threading.Event().wait(grace)
    os._exit(exit_code)


def watch_for_hangup(
    fd: int | None = None, grace: float = GRACE_SECONDS, exit_code: int = HANGUP_EXIT
) -> threading.Thread:
    """Start the daemon thread that ends the process `grace` seconds after the terminal goes."""
    watched = sys.stdin.fileno() if fd is None else fd
    thread = threading.Thread(
        target=_wait_for_hangup,
        args=(watched, grace, exit_code),
        name="thaw-terminal-watch",
        daemon=True,
    )
    thread.start()
    return thread
