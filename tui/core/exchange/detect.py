"""Which format a file is, told from its bytes: the reader for it, and what was seen.

Content decides, never the name alone: a Daylio export called "backup.csv" is read as Daylio,
and a Thaw export renamed ".txt" as Thaw. The sentence of what was seen is shown by `--dry-run`
and in the app, so a person can tell at once when a file was taken for the wrong thing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from tui.core.errors import InputError
from tui.core.exchange import daylio_backup, daylio_csv, pixels, thaw_csv, thaw_json
from tui.core.exchange.base import ReadFunction, csv_rows
from tui.core.text import clean_line

#: --format names -> (reader, what it is)
FORMATS: dict[str, tuple[ReadFunction, str]] = {
    "json": (thaw_json.read, "a Thaw export (JSON)"),
    "csv": (thaw_csv.read, "a Thaw CSV export"),
    "daylio": (daylio_csv.read, "a Daylio CSV export"),
    "daylio-backup": (daylio_backup.read, "a Daylio backup (.daylio)"),
    "pixels": (pixels.read, "a Pixels backup (JSON)"),
}
KNOWN = (
    "Thaw reads its own exports (JSON or CSV), Daylio CSV exports and .daylio backups, "
    "and Pixels backups"
)


@dataclass(frozen=True, slots=True)
class Detected:
    """The reader for a file, its --format name, and what was seen, for a person."""

    format: str
    read: ReadFunction
    saw: str


def _first_line(text: str) -> str:
    line = text.lstrip("\ufeff").strip().split("\n", 1)[0].strip()
    return clean_line(line)[:60] + ("…" if len(line) > 60 else "")


def _json_kind(text: str) -> Detected | None:
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(document, dict) and document.get("format") == thaw_json.FORMAT_NAME:
        return Detected("json", thaw_json.read, "a Thaw export (JSON)")
    if pixels.looks_like_pixels(document):
        return Detected(
            "pixels", pixels.read, f"a Pixels backup (JSON, {len(document):,} days with scores)"
        )
    if (
        isinstance(document, list)
        and document
        and isinstance(document[0], dict)
        and {
            "at",
            "mood",
        }
        <= set(document[0])
    ):
        return Detected("json", thaw_json.read, "a list of Thaw check-ins (JSON)")
    return None


def detect(data: bytes, wanted: str | None = None) -> Detected:
    """The reader for `data`. With `wanted` (a --format name) that one, except that "daylio"
    covers both of Daylio's files (its CSV export and its .daylio backup)."""
    is_backup = daylio_backup.holds_backup(data)
    if wanted is not None:
        if wanted == "daylio" and is_backup:
            wanted = "daylio-backup"
        read, what = FORMATS[wanted]
        return Detected(wanted, read, f"{what} (as --format {wanted} says)")
    if is_backup:
        return Detected(
            "daylio-backup", daylio_backup.read, "a Daylio backup (a zip holding backup.daylio)"
        )
    if data.startswith(b"PK"):
        raise InputError(f"This zip file is not a Daylio backup (no backup.daylio). {KNOWN}.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"This isn't UTF-8 text or a Daylio backup. {KNOWN}.") from None
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        raise InputError("This file is empty.")
    if stripped[0] in "{[":
        found = _json_kind(stripped)
        if found is not None:
            return found
        if stripped[0] == "{":
            return Detected("json", thaw_json.read, "a JSON file (read as a Thaw export)")
        raise InputError(f"This JSON file isn't one Thaw knows. {KNOWN}.")
    daylio = daylio_csv.recognise(text)
    if daylio is not None:
        return Detected("daylio", daylio_csv.read, daylio)
    try:
        rows = csv_rows(stripped.split("\n", 1)[0])
    except InputError:
        rows = []
    if rows and thaw_csv.header_of(rows[0]) is not None:
        return Detected("csv", thaw_csv.read, "a CSV file with date, time and mood columns")
    raise InputError(
        f'Thaw can\'t tell what kind of file this is: it starts "{_first_line(text)}". {KNOWN}; '
        "if it is one of those, say which with --format."
    )
