"""What every command handler gets: the data dir, a lazily opened Store and Content, printing."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from pathlib import Path

from tui.core.clock import Clock, SystemClock
from tui.core.errors import DataError
from tui.core.text import clean_text

if TYPE_CHECKING:
    from tui.core.content import Content
    from tui.core.store import Store


class CliContext:
    """Opens only what a command asks for, so quick commands stay quick.

    `out`/`err` pass everything through `clean_text`: notes and imported text may hold escape
    sequences, and the terminal must never receive them raw.
    """

    def __init__(
        self,
        data_dir: Path,
        clock: Clock | None = None,
        stdout: TextIO | None = None,
        stderr: TextIO | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.clock: Clock = clock or SystemClock()
        self._stdout = stdout
        self._stderr = stderr
        self._store: Store | None = None
        self._content: Content | None = None

    def store(self) -> Store:
        """The Store for `data_dir`, opened on first use. DataError when the dir can't be used."""
        if self._store is None:
            from tui.core.store import Store

            try:
                self._store = Store(self.data_dir, self.clock)
            except OSError as err:
                reason = err.strerror or str(err)
                raise DataError(
                    f"Thaw can't use {self.data_dir} for its data ({reason.lower()}). "
                    "Choose a folder you can write to with --data-dir DIR or THAW_DATA_DIR."
                ) from None
        return self._store

    def content(self) -> Content:
        """Thaw's words (emotions and the rest), loaded on first use."""
        if self._content is None:
            from tui.core.content import Content

            self._content = Content()
        return self._content

    def out(self, text: str) -> None:
        """A line for standard output, cleaned of anything that could drive the terminal."""
        print(clean_text(text), file=self._stdout or sys.stdout)

    def err(self, text: str) -> None:
        """A line for standard error (messages about what happened), cleaned the same way."""
        print(clean_text(text), file=self._stderr or sys.stderr)

    def write(self, text: str) -> None:
        """Text already made safe for output (an export, JSON), to standard output as it is."""
        (self._stdout or sys.stdout).write(text)

    def stdout_takes_unicode(self) -> bool:
        """True when standard output can encode any character (UTF-8 and friends).

        Under an ASCII or Latin-1 locale JSON is written with every non-ASCII character escaped,
        so it stays exact instead of losing letters to "?".
        """
        encoding = getattr(self._stdout or sys.stdout, "encoding", None) or "ascii"
        try:
            "\u2b58\U0001f331".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            return False
        return True

    def report_open_problems(self, *, imports: bool = True) -> None:
        """Tell the person about the files this command met trouble with, and about damaged
        files waiting in quarantine/ (set aside now, or earlier), in the words `doctor` uses.

        Without the second part, `list` after a `doctor` run would quietly show a month as
        empty while its entries wait in quarantine/. No file beyond what the command read is
        looked at: the full check is `thaw doctor`.
        """
        if self._store is None:
            return
        if imports:  # `log` leaves this out: it stays off the exchange code
            from tui.core.exchange.journal import notice  # one folder listing; no reader

            cut_short = notice(self.data_dir)
            if cut_short:
                self.err(cut_short)
        for problem in self._store.problems:
            if problem.serious and problem.moved_to is None:
                self.err(problem.message)
        now = self.clock.now()
        for damaged in self._store.damaged_files():
            self.err(damaged.sentence(now))
