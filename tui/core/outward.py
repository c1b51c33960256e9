"""Text on its way out (screen, table, JSON, CSV, Markdown): the one place it is made safe.

Stored text is cleaned when it comes in, but a data folder gets synced, restored and edited by
hand, so its bytes are not always ones Thaw wrote. Everything that shows or writes stored text
asks this module, which uses the same rules as the way in (`tui.core.text`): C0 controls except
newline and tab, DEL, C1 controls and bidi overrides never reach a terminal or a spreadsheet.

Kept light (`re` and `functools` only): every command that prints stored text loads it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tui.core.text import clean_line, clean_text

# Characters outside printable ASCII, each checked once against the cleaning rules (cached):
# deriving the set from `clean_text` keeps the way out from drifting from the way in.
_NOT_PLAIN_ASCII = re.compile(r"[^\x20-\x7e\n]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

# OWASP "CSV injection": a cell starting with one of these is a formula to a spreadsheet.
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_GUARD = "'"


def shown_text(text: str) -> str:
    """Stored text of several lines, as it may be shown: newlines and tabs kept."""
    return _SURROGATE.sub("", clean_text(text))


def shown_line(text: str, limit: int | None = None) -> str:
    """Stored one-line text (a tag, a name, a note's summary), cleaned and folded to one line.

    `limit` cuts after cleaning, so a long escape sequence cannot push real words out.
    """
    line = _SURROGATE.sub("", clean_line(text))
    return line if limit is None else line[:limit]


@lru_cache(maxsize=4096)
def _is_unsafe(char: str) -> bool:
    """True when the way in would remove `char` (a lone surrogate cannot be written at all)."""
    return bool(_SURROGATE.fullmatch(char)) or clean_text(char) != char


def _escape(char: str) -> str:
    r"""`char` as JSON's \u escape (a pair of them beyond the Basic Multilingual Plane)."""
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def escape_json(text: str, *, ascii_only: bool = False) -> str:
    r"""JSON text (from `json.dumps`) with every unsafe character written as a \u escape.

    The document reads back exactly as before, but no raw C1 control or bidi override reaches a
    terminal or an editor. `json.dumps` escapes C0 controls itself; outside strings JSON holds
    only ASCII, so replacing characters anywhere in the text keeps it valid. `ascii_only`
    escapes every non-ASCII character (and DEL) too, for an output that cannot encode them.
    """
    if ascii_only:
        return _NOT_PLAIN_ASCII.sub(lambda m: _escape(m[0]), text)
    return _NOT_PLAIN_ASCII.sub(lambda m: _escape(m[0]) if _is_unsafe(m[0]) else m[0], text)


def csv_cell(text: str) -> str:
    """A text cell for Thaw's CSV: cleaned, and kept from being read as a formula.

    A cell that starts with `=`, `+`, `-`, `@`, tab or CR (after any single quotes) gets one
    more single quote in front, as OWASP describes; `csv_cell_read` takes exactly that one away,
    so a note that really starts with "-" or "'=" reads back unchanged.
    """
    cleaned = shown_text(text)
    if cleaned.lstrip(CSV_GUARD).startswith(CSV_FORMULA_STARTS):
        return CSV_GUARD + cleaned
    return cleaned


def csv_cell_read(cell: str) -> str:
    """The text `csv_cell` wrote: the guarding quote in front of a formula start removed."""
    if cell.startswith(CSV_GUARD) and cell.lstrip(CSV_GUARD).startswith(CSV_FORMULA_STARTS):
        return cell[1:]
    return cell
