"""Thaw's CSV of check-ins (for spreadsheets), and hand-made CSVs with date, time and mood.

A row with no `id` gets a `source` made from the row itself, so importing the same hand-made
file twice adds nothing twice.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime, tzinfo

from tui.core.errors import InputError
from tui.core.exchange.base import FileRead, ReadOptions, Rejected, csv_rows, decode_text
from tui.core.exchange.codec import checkin_as_new
from tui.core.outward import csv_cell, csv_cell_read
from tui.core.records.models import CheckIn
from tui.core.text import clean_line
from tui.core.when import DATE_ONLY_TIME, localize
from tui.core.when_phrases import parse_clock_time, read_calendar_date

WHAT = "this CSV file"
CSV_HEADER = (
    *("date", "time", "mood", "feel", "emotions", "tags", "note"),
    *("at", "tz", "id", "source"),
)
LIST_SEPARATOR = "; "  # emotions and tags in one spreadsheet cell
SOURCE_PREFIX = "csv:"


def checkins_csv_pieces(groups: Iterable[Iterable[CheckIn]]) -> Iterator[str]:
    """Thaw's CSV as pieces of text: the header, then a piece a group (a month)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for group in groups:
        for c in group:
            writer.writerow(
                (
                    c.at.strftime("%Y-%m-%d"),
                    c.at.strftime("%H:%M"),
                    c.mood,
                    "" if c.feel is None else c.feel,
                    csv_cell(LIST_SEPARATOR.join(c.emotions)),
                    csv_cell(LIST_SEPARATOR.join(c.tags)),
                    csv_cell(c.note),
                    c.at.isoformat(),
                    csv_cell(c.tz),
                    csv_cell(c.id),
                    csv_cell(c.source),
                )
            )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()  # the header alone: no check-ins


def checkins_to_csv(checkins: Iterable[CheckIn]) -> str:
    """One row a check-in, for spreadsheets; emotions and tags joined with "; "."""
    return "".join(checkins_csv_pieces((checkins,)))


def header_of(row: list[str]) -> list[str] | None:
    """The column names when `row` is a header with date, time and mood, else None."""
    header = [h.strip().lstrip("\ufeff").lower() for h in row]
    return header if {"date", "time", "mood"} <= set(header) else None


def _split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _int_cell(cell: str, name: str) -> int:
    try:
        return int(cell.strip())
    except ValueError:
        raise InputError(f'the {name} "{clean_line(cell)[:20]}" isn\'t a whole number') from None


def _when(cells: Mapping[str, str], reference: tzinfo | None) -> datetime:
    at = cells.get("at", "").strip()
    if at:
        try:
            parsed = datetime.fromisoformat(at)
        except ValueError:
            raise InputError(f'"{clean_line(at)[:40]}" isn\'t a date and time') from None
        return parsed if parsed.tzinfo else localize(parsed, reference)
    day_cell = cells.get("date", "").strip()
    if not day_cell:
        raise InputError("it has no date; dates look like 2026-11-20")
    day = read_calendar_date(day_cell)  # ISO first; "30 Nov 2025" as `--at` reads it
    if isinstance(day, str):
        raise InputError(f'the date "{clean_line(day_cell)[:30]}" {day}')
    time_cell = cells.get("time", "").strip()
    clock = parse_clock_time(time_cell) if time_cell else DATE_ONLY_TIME
    if clock is None:  # never a silent midday for a time that was written but can't be read
        raise InputError(f'the time "{clean_line(time_cell)[:20]}" isn\'t one Thaw can read')
    return localize(datetime.combine(day, clock), reference)


def _row(cells: Mapping[str, str], reference: tzinfo | None) -> CheckIn:
    feel = cells.get("feel", "").strip()
    return CheckIn(
        id=cells.get("id", "").strip(),
        at=_when(cells, reference),
        mood=_int_cell(cells.get("mood", ""), "mood"),
        feel=_int_cell(feel, "feel") if feel else None,
        emotions=_split_list(cells.get("emotions", "")),
        tags=_split_list(cells.get("tags", "")),
        note=cells.get("note", ""),
        tz=cells.get("tz", "").strip(),
        source=cells.get("source", "").strip(),
    )


def parse_thaw_csv(
    text: str, reference: tzinfo | None, rejected: list[Rejected] | None = None
) -> tuple[CheckIn, ...]:
    """Read Thaw's own CSV back. `at` wins when present; otherwise date and time (local).

    Without `rejected`, the first bad row raises InputError naming its line.
    """
    rows = csv_rows(text)
    if not rows:
        raise InputError("This CSV file is empty.")
    header = header_of(rows[0])
    if header is None:
        names = [h.strip().lstrip("\ufeff").lower() for h in rows[0]]
        missing = [n for n in ("date", "time", "mood") if n not in names]
        raise InputError(
            f"This CSV file has no {', '.join(missing)} column. Thaw's CSV starts with the line "
            f"{','.join(CSV_HEADER)}."
        )
    out: list[CheckIn] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            checkin = _row(
                {k: csv_cell_read(v) for k, v in zip(header, row, strict=False)}, reference
            )
        except InputError as err:
            if rejected is None:
                raise InputError(f"Line {number}: {err}.") from None
            rejected.append(Rejected(f"Line {number}", str(err)))
            continue
        if not checkin.id and not checkin.source:
            digest = hashlib.sha256("\x1f".join(row).encode()).hexdigest()[:24]
            seen[digest] = seen.get(digest, 0) + 1  # identical rows told apart by count
            count = f"#{seen[digest]}" if seen[digest] > 1 else ""
            checkin = replace(checkin, source=SOURCE_PREFIX + digest + count)
        out.append(checkin)
    return tuple(out)


def read(data: bytes, options: ReadOptions) -> FileRead:
    """Check-ins from a Thaw (or hand-made) CSV; rows that can't be read named in `rejected`."""
    rejected: list[Rejected] = []
    rows = parse_thaw_csv(decode_text(data, "a CSV export"), options.reference, rejected)
    return FileRead(what=WHAT, checkins=[checkin_as_new(c) for c in rows], rejected=rejected)
