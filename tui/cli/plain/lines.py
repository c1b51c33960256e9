"""Writing lines once and reading answers, with nothing a screen reader would stumble on."""

from __future__ import annotations

import sys
from typing import TextIO

from tui.core.text import clean_text

BELL = "\a"


class Ended(Exception):
    """The person ended input (Ctrl+D), pressed Ctrl+C, or the terminal went away."""


class PlainIO:
    """Lines out, answers in. Text is cleaned, so a note read back cannot move the cursor."""

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self._in = stdin or sys.stdin
        self._out = stdout or sys.stdout

    def say(self, text: str = "", *, bell: bool = False) -> None:
        """One or more whole lines; the bell (if asked) before the words it belongs to."""
        cleaned = clean_text(text).replace("\t", "    ")
        try:
            self._out.write((BELL if bell else "") + cleaned + "\n")
            self._out.flush()
        except OSError:
            pass  # the terminal has gone (an SSH drop): saving must still go on

    def ask(self, question: str) -> str:
        """Print the question on its own line, then "> ", and read one line back."""
        self.say(question)
        try:
            self._out.write("> ")
            self._out.flush()
            line = self._in.readline()
        except (KeyboardInterrupt, OSError):
            raise Ended from None
        if not line:
            self.say()
            raise Ended
        return line.rstrip("\n")
