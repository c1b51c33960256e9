"""Cleaning user text so it can never drive the terminal: control, escape and bidi characters go."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and
# isolates that can make text display in a different order from how it is stored.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]"
)
# A whole escape sequence (CSI/OSC...) is dropped, not only its ESC byte, so "[31m" does not linger.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")


def clean_text(text: str) -> str:
    """Remove escape sequences and unsafe characters and normalise newlines; keep tabs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _UNSAFE.sub("", text)


def clean_line(text: str) -> str:
    """`clean_text` for one-line fields (tags, names): newlines and tabs become spaces, trimmed."""
    return " ".join(clean_text(text).split())
