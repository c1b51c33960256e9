"""A tiny job-control shell for pty tests: one command as its foreground job, the way bash runs it.

`python job_shell.py COMMAND...`, started on a terminal it controls (as `pty.fork` gives). It
prints `[job PID]` once the job has the terminal. When the job stops (Ctrl+Z) it takes the
terminal back and prints `[stopped ...]`; a line `fg` typed then gives the terminal back and
continues the job, as `fg` does. When the job ends it prints `[ended STATUS ...]` and exits.
STATUS is `os.waitstatus_to_exitcode` (-15 for death by SIGTERM). Both reports name the modes
the job left the terminal in (`echo=1 icanon=1`) and `same=1` when every terminal attribute
is exactly as it was before the job started.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import termios

TTY = 0
# An interactive shell ignores these itself; its jobs get them back at the default.
SHELL_IGNORES = (signal.SIGTTOU, signal.SIGTTIN, signal.SIGTSTP, signal.SIGINT, signal.SIGQUIT)


def say(line: str) -> None:
    """One report line on the terminal (written directly: the job may own the screen)."""
    os.write(sys.stdout.fileno(), f"{line}\r\n".encode())


def modes(before: list[object]) -> str:
    """The terminal's echo and canonical modes now, and whether all of it is as it was."""
    now = termios.tcgetattr(TTY)
    lflag = int(now[3])
    echo = int(bool(lflag & termios.ECHO))
    icanon = int(bool(lflag & termios.ICANON))
    return f"echo={echo} icanon={icanon} same={int(now == before)}"


def start(argv: list[str]) -> int:
    """Fork the job into its own process group and make that group the terminal's foreground."""
    pid = os.fork()
    if pid == 0:
        try:
            os.setpgid(0, 0)
            os.tcsetpgrp(TTY, os.getpid())
            for signum in SHELL_IGNORES:
                signal.signal(signum, signal.SIG_DFL)
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    # Both sides set it, as shells do, so neither waits for the other.
    with contextlib.suppress(OSError):
        os.setpgid(pid, pid)
    with contextlib.suppress(OSError):
        os.tcsetpgrp(TTY, pid)
    return pid


def wait_for_fg() -> None:
    """Read typed lines (the terminal is the shell's again, in cooked mode) until `fg`."""
    typed = b""
    while b"fg" not in typed.split():
        chunk = os.read(TTY, 1024)
        if not chunk:
            raise SystemExit(1)
        typed += chunk


def main(argv: list[str]) -> int:
    for signum in SHELL_IGNORES:
        signal.signal(signum, signal.SIG_IGN)
    before = termios.tcgetattr(TTY)
    pid = start(argv)
    say(f"[job {pid}]")
    while True:
        _, status = os.waitpid(pid, os.WUNTRACED)
        if os.WIFSTOPPED(status):
            os.tcsetpgrp(TTY, os.getpgrp())
            say(f"[stopped {modes(before)}]")
            wait_for_fg()
            os.tcsetpgrp(TTY, pid)
            os.killpg(pid, signal.SIGCONT)
            continue
        say(f"[ended {os.waitstatus_to_exitcode(status)} {modes(before)}]")
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
