"""Signals in a real terminal: every ending signal ends Thaw calmly; Ctrl+Z can always come back.

A `kill`, a system shutdown or a dropped SSH connection (SIGTERM, SIGINT, SIGQUIT, SIGHUP) end
Thaw the way Ctrl+Q does: what is typed in a check-in is kept as a draft, a practice under way
is saved, and Textual puts the terminal back as it found it. Then the process ends by that same
signal, so a shell shows 128 plus its number (143, 130, 131, 129) and a script or a service
manager sees the signal it sent, as if Thaw had not caught it at all.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import FrameType

    from tui.app import ThawApp

ENDING_SIGNALS: tuple[signal.Signals, ...] = (
    signal.SIGTERM,
    signal.SIGINT,
    signal.SIGQUIT,
    signal.SIGHUP,
)
NO_WAY_BACK = (
    "Ctrl+Z would pause Thaw, but nothing here could bring it back, so it stays open. "
    "Ctrl+Q closes it; anything typed is kept."
)
# How far up the process tree `can_come_back` looks for a shell (wrappers, `sh -c`, `uv run`).
MAX_ANCESTORS = 8


def keep_unfinished(screens: Iterable[object]) -> None:
    """Each open screen keeps its unfinished work: typed words as a draft, a practice as a session.

    Called on every way out (Ctrl+Q, the palette's Quit, a signal).
    """
    for screen in screens:
        keep = getattr(screen, "keep_as_draft", None)
        if callable(keep):
            # Nobody is left to tell about a failure and the store never half-writes a file; a
            # fault in one screen (a store error, a widget already gone) must stop neither the
            # other screens' keeping nor the ending itself.
            with contextlib.suppress(Exception):
                keep()


def pause_practices(screens: Iterable[object]) -> None:
    """Before Ctrl+Z steps out: a practice under way pauses where it is.

    Its clock keeps running while Thaw is stopped, so without this a two-minute sit left for
    ten would come back finished, saved as two minutes sat. After `fg`, Space carries on.
    """
    for screen in screens:
        pause = getattr(screen, "action_pause", None)
        if callable(pause):
            pause()


def run(app: ThawApp) -> int:
    """Run the app until it ends; the exit status, or the ending signal raised again afterwards.

    The handlers are in place from before the terminal is taken until after it is given back,
    so no signal in between can leave it in the app's modes. A second signal while ending
    changes nothing: the first one's calm ending is already under way.
    """
    received: list[int] = []

    def ending(signum: int) -> None:
        if not received:
            received.append(signum)
            app.end_calmly()

    async def main() -> None:
        loop = asyncio.get_running_loop()
        for signum in ENDING_SIGNALS:
            loop.add_signal_handler(signum, ending, signum)
        try:
            await app.run_async()
        finally:
            for signum in ENDING_SIGNALS:
                loop.remove_signal_handler(signum)

    asyncio.run(main())
    if received:
        end_as(received[0])
    return app.return_code or 0


def end_as(signum: int) -> None:
    """End the process by `signum`, as its default action would have (everything is saved).

    Python's own answer to an uncaught Ctrl+C is the same: a caller that watches for the
    signal (a shell loop, `timeout`, systemd) sees it, not an ordinary exit status.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a terminal that hung up takes nothing
            stream.flush()
    if signum == signal.SIGQUIT:
        # Its default action writes a core file, which after a calm ending shows nothing.
        with contextlib.suppress(ImportError, OSError, ValueError):
            import resource

            _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
            resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
    signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signum})
    os.kill(os.getpid(), signum)


def resume_only_after_a_stop() -> None:
    """Let Textual's SIGCONT handler act only when its SIGTSTP handler stopped the app.

    Textual takes the terminal again on every SIGCONT. One that comes while Thaw runs (a stray
    `kill -CONT`, or after a `kill -STOP` that never gave the terminal back) cleared the screen
    and started a second pair of input and output threads, each reading keys from the other.
    Does nothing where the driver put no handlers (headless tests, Windows).
    """
    on_stop, on_continue = signal.getsignal(signal.SIGTSTP), signal.getsignal(signal.SIGCONT)
    if not callable(on_stop) or not callable(on_continue):
        return
    stopped = False

    def stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stopped
        stopped = True
        on_stop(signum, frame)

    def carry_on(signum: int, frame: FrameType | None) -> None:
        nonlocal stopped
        if stopped:
            stopped = False
            on_continue(signum, frame)

    signal.signal(signal.SIGTSTP, stop)
    signal.signal(signal.SIGCONT, carry_on)


def can_come_back() -> bool:
    """True when a shell with job control could bring Thaw back after Ctrl+Z (with `fg`).

    Started straight by `ssh -t host thaw` or as a tmux pane's own program, no shell is waiting:
    stopped, Thaw would sit frozen with nothing to wake it. Such a shell is an ancestor in the
    same session but outside Thaw's process group (POSIX: the group is not orphaned).
    """
    try:
        group, session = os.getpgrp(), os.getsid(0)
        pid: int | None = os.getppid()
        for _ in range(MAX_ANCESTORS):
            if pid is None or pid <= 1 or os.getsid(pid) != session:
                return False
            if os.getpgid(pid) != group:
                return True
            pid = _parent_of(pid)
    except OSError:
        return False
    return False


def _parent_of(pid: int) -> int | None:
    """The parent of another process, from /proc (Linux); None where that can't be read."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        # "pid (name) state ppid ...": the name may hold spaces and brackets, so split after it.
        return int(stat.rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None
