"""A small pseudo-terminal driver: start a real process at a given size, type, read, hang up."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

from tests.proc_env import REPO, checkout_env, thaw_cmd

# CSI, OSC and two-byte escapes: removed so plain words can be found in the painted output.
_ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
__all__ = ["REPO", "PtyProcess", "strip_ansi", "thaw_argv"]


def strip_ansi(data: bytes) -> str:
    """The text of terminal output without escape sequences."""
    return _ANSI.sub(b"", data).decode("utf-8", errors="replace")


class PtyProcess:
    """One child process on its own pseudo-terminal (its controlling terminal, like over SSH)."""

    def __init__(
        self,
        argv: Sequence[str],
        env: Mapping[str, str] | None = None,
        size: tuple[int, int] = (80, 24),
        cwd: Path | None = None,
    ) -> None:
        self.output = b""
        self.returncode: int | None = None
        self.rusage: object | None = None
        self.started = time.perf_counter()
        full_env = checkout_env({**os.environ, "TERM": "xterm-256color", **(env or {})})
        cols, rows = size
        pid, fd = pty.fork()
        if pid == 0:  # child: become the program, on a terminal of the asked size
            try:
                # As a shell starts a foreground job: Ctrl+C and Ctrl+\\ at their defaults.
                # A test run started in the background of a script (`pytest &`) ignores
                # both, and an ignored signal stays ignored through exec, so Ctrl+C typed
                # to the child did nothing.
                for signum in (signal.SIGINT, signal.SIGQUIT):
                    signal.signal(signum, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_SETMASK, set())
                winsize = struct.pack("HHHH", rows, cols, 0, 0)
                fcntl.ioctl(0, termios.TIOCSWINSZ, winsize)
                if cwd is not None:
                    os.chdir(cwd)
                os.execvpe(argv[0], list(argv), full_env)
            finally:
                os._exit(127)
        self.pid = pid
        self.fd = fd

    # --- reading ----------------------------------------------------------------------------
    def _read_some(self, timeout: float) -> bool:
        """Read what is available within `timeout`; False when the terminal has closed."""
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed its side
            return False
        if not chunk:
            return False
        self.output += chunk
        return True

    def text(self) -> str:
        """Everything painted so far, escape sequences removed."""
        return strip_ansi(self.output)

    def wait_for_text(self, needle: str, timeout: float = 10.0, since: int = 0) -> float:
        """Block until `needle` appears in the painted text (in what came after byte `since` of
        the output, when given); seconds since start. TimeoutError."""
        deadline = time.perf_counter() + timeout
        while needle not in strip_ansi(self.output[since:]):
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{needle!r} did not appear; got: {self.text()[-2000:]!r}")
            if not self._read_some(min(left, 0.05)):
                if needle in strip_ansi(self.output[since:]):
                    break
                raise EOFError(f"process ended before {needle!r}; got: {self.text()[-2000:]!r}")
        return time.perf_counter() - self.started

    def wait_for_output(
        self, done: Callable[[bytes], bool], since: int = 0, timeout: float = 10.0, what: str = ""
    ) -> bytes:
        """Block until `done(output painted after byte `since`)` holds; that output. A wait on
        a condition, not on a quiet spell: a busy machine may be silent for a while mid-paint."""
        deadline = time.perf_counter() + timeout
        while not done(self.output[since:]):
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"waited for {what or done}; got: {self.text()[-2000:]!r}")
            if not self._read_some(min(left, 0.05)) and not done(self.output[since:]):
                raise EOFError(f"process ended before {what or done}; got: {self.text()[-2000:]!r}")
        return self.output[since:]

    def cpu_seconds(self) -> float:
        """CPU time the child has used so far, all threads (Linux schedstat; 0.0 elsewhere).

        Steadier than wall time on a shared machine: waiting for a core is not counted.
        """
        total = 0
        for stat in Path(f"/proc/{self.pid}/task").glob("*/schedstat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                total += int(stat.read_text().split()[0])
        return total / 1e9

    def wait_for_quiet(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Read until the program has painted nothing new for `quiet` seconds (keys handled)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            before = len(self.output)
            if not self._read_some(quiet) or len(self.output) == before:
                return

    # --- writing ----------------------------------------------------------------------------
    def send(self, data: str | bytes) -> None:
        """Type into the terminal."""
        os.write(self.fd, data.encode() if isinstance(data, str) else data)

    def resize(self, cols: int, rows: int) -> None:
        """What dragging the window does: the terminal gets a new size and the program SIGWINCH
        (the kernel sends it to the terminal's foreground process group)."""
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def hang_up(self) -> None:
        """What an SSH drop does: SIGHUP to the process."""
        os.kill(self.pid, signal.SIGHUP)

    # --- ending -----------------------------------------------------------------------------
    def wait(self, timeout: float = 10.0) -> int:
        """Wait for exit while draining output (a full pty would block the child). Exit code."""
        deadline = time.perf_counter() + timeout
        while self.returncode is None:
            pid, status, rusage = os.wait4(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.rusage = rusage
                self.returncode = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() > deadline:
                raise TimeoutError(f"process did not exit; got: {self.text()[-2000:]!r}")
            self._read_some(0.05)
        while self._read_some(0.01):
            if not select.select([self.fd], [], [], 0)[0]:
                break
        return self.returncode

    def kill(self) -> None:
        """Stop the child if it is still running (cleanup)."""
        if self.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(TimeoutError, ChildProcessError):
                self.wait(5)
        with contextlib.suppress(OSError):
            os.close(self.fd)

    def __enter__(self) -> PtyProcess:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.kill()


def thaw_argv(*args: str) -> list[str]:
    """`python -m tui ARGS` with this interpreter (PtyProcess points it at the checkout)."""
    return thaw_cmd(*args)
