"""Plain mode: Thaw as lines of text, for a screen reader, a braille display or TERM=dumb.

Every line is printed once and never redrawn: no cursor movement, no colour, no alternate
screen, nothing but printable text, newlines and the bell. Questions are asked one at a time
and read back with a plain line read (no readline, which can send escape sequences). What is
saved goes through the same Store methods as the full-screen app.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

# Smaller than this, the full screen has no room for its own layout.
MIN_COLUMNS, MIN_LINES = 30, 10


def wants_plain(flag: bool | None, environ: Mapping[str, str], fd: int = 1) -> bool:
    """--plain, or a terminal that can't do the full screen: TERM=dumb, or a terminal with no
    TERM at all, or one too small. Output that is not a terminal (a pipe, a CI job) keeps the
    app's own behaviour unless TERM says dumb."""
    if flag:
        return True
    term = environ.get("TERM", "")
    if term == "dumb":
        return True
    try:
        size = os.get_terminal_size(fd)
    except OSError:
        return False  # not a terminal: the app decides for itself, as it always has
    return not term or size.columns < MIN_COLUMNS or size.lines < MIN_LINES
