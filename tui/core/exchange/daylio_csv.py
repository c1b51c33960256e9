"""Daylio's CSV export, every layout it has written, read by column name.

Layouts seen in real exports (newest first, one row an entry):
    full_date,date,weekday,time,mood,activities,scales,note_title,note   (2026)
    full_date,date,weekday,time,mood,activities,note_title,note
    full_date,date,weekday,time,mood,activities,note                     (BOM, "3:26 AM")
    year,date,weekday,time,mood,activities,note      ("7 września", "June 22", "16 de octubre")
and any of them with the header line removed. A row that does not fit is named with its line
and why, and the rest are still read; a cell is never moved into another column to make it fit.
Dates and times are read by `tui.core.when_phrases`, as `--at` reads them: an ISO `full_date`
on its fast exact path, else the written date ("30 November 2024", "7 września" beside the
`year` column); a relative day ("yesterday") is refused with its reason, never dated today.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time

from tui.core.errors import InputError
from tui.core.exchange.base import (
    FileRead,
    ReadOptions,
    Rejected,
    decode_text,
    join_note,
    mood_label,
)
from tui.core.exchange.moods import default_moods
from tui.core.text import clean_line
from tui.core.when import localize
from tui.core.when_phrases import iso_day, parse_clock_time, read_calendar_date

WHAT = "this Daylio CSV export"
SOURCE_PREFIX = "daylio:"
KNOWN_COLUMNS = frozenset(
    ("full_date", "year", "date", "weekday", "time", "mood", "activities", "scales", "note_title")
) | {"note"}
_BASE = ("date", "weekday", "time", "mood", "activities")
LAYOUT_9 = ("full_date", *_BASE, "scales", "note_title", "note")
LAYOUT_8 = ("full_date", *_BASE, "note_title", "note")
LAYOUT_7 = ("full_date", *_BASE, "note")
LAYOUT_OLD = ("year", *_BASE, "note")
_TEXT_COLUMNS = ("note_title", "note")


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, cells) for every row; quoted new lines keep the numbers right."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    line = 1
    try:
        for row in reader:
            yield line, row
            line = reader.line_num + 1
    except csv.Error as err:
        raise InputError(f"Line {line} of this file can't be read as CSV: {err}.") from None


def header_of(row: Sequence[str]) -> tuple[str, ...] | None:
    """The column names when `row` is a Daylio header line, else None."""
    names = tuple(cell.strip().strip('"').lstrip("\ufeff").strip().lower() for cell in row)
    has_day = "full_date" in names or {"year", "date"} <= set(names)
    if has_day and {"time", "mood"} <= set(names) and len(set(names) & KNOWN_COLUMNS) >= 4:
        return names
    return None


def headerless_layout(row: Sequence[str]) -> tuple[str, ...] | None:
    """The layout of a first row that has no header above it, judged by its shape."""
    if len(row) < 5 or parse_clock_time(row[3]) is None:
        return None
    if iso_day(row[0]) is not None:
        return {7: LAYOUT_7, 8: LAYOUT_8, 9: LAYOUT_9}.get(len(row))
    if row[0].strip().isdigit() and len(row[0].strip()) == 4 and len(row) == 7:
        return LAYOUT_OLD
    return None


def recognise(text: str) -> str | None:
    """What Daylio layout `text` starts with, said for a person, or None if it isn't Daylio."""
    first = next((row for _, row in _first_rows(text, 1)), None)
    if first is None:
        return None
    header = header_of(first)
    if header is not None:
        names = ", ".join(clean_line(name)[:30] for name in header)  # words from the file
        return f"a Daylio CSV export with the columns {names}"
    layout = headerless_layout(first)
    if layout is not None:
        return (
            f"a Daylio CSV export without its header line ({len(layout)} columns: "
            f"{', '.join(layout)})"
        )
    return None


def _first_rows(text: str, count: int) -> Iterator[tuple[int, list[str]]]:
    taken = 0
    try:
        for line, row in _rows(text):
            if any(cell.strip() for cell in row):
                yield line, row
                taken += 1
                if taken >= count:
                    return
    except InputError:
        return


def _fit(row: list[str], header: tuple[str, ...]) -> dict[str, str] | str:
    """The row's cells by column name, or why they can't be matched to the columns."""
    width = len(header)
    if len(row) == width:
        return dict(zip(header, row, strict=True))
    extra = row[width:]
    if len(row) > width and not any(cell.strip() for cell in extra):
        return dict(zip(header, row, strict=False))  # trailing empty cells: nothing to place
    if len(row) == width + 1 and "scales" not in header and "activities" in header:
        # A 2026 row (with its scales cell) in an older file: Daylio puts scales after activities.
        at = header.index("activities") + 1
        return dict(zip((*header[:at], "scales", *header[at:]), row, strict=True))
    if len(row) < width and "mood" in header:
        after_mood = row[header.index("mood") + 1 :]
        if len(row) > header.index("mood") and not any(cell.strip() for cell in after_mood):
            return {name: (row[i] if i < len(row) else "") for i, name in enumerate(header)}
    what = "more" if len(row) > width else "fewer"
    return (
        f"it has {len(row)} fields where the header has {width} ({what}), so Thaw can't tell "
        "which cell belongs to which column"
    )


def _day(cells: dict[str, str]) -> date | str:
    """The row's day, or why it can't be read (a clause to follow 'the date "..."')."""
    full = cells.get("full_date", "")
    if full.strip():
        return iso_day(full) or read_calendar_date(full)
    year: int | None = None
    if "year" in cells:
        written = cells["year"].strip()
        if not (written.isdecimal() and len(written) == 4):
            return "has no year beside it that Thaw can read"
        year = int(written)
    return read_calendar_date(cells.get("date", ""), year)


def _extras(cells: dict[str, str]) -> list[str]:
    """Cells Thaw has no field for (scales, columns of a newer Daylio), kept in the note."""
    return [
        f"{name.replace('_', ' ').capitalize()}: {cell.strip()}"
        for name, cell in cells.items()
        if cell.strip() and name not in KNOWN_COLUMNS - {"scales"} and name not in _TEXT_COLUMNS
    ]


def read(data: bytes, options: ReadOptions) -> FileRead:
    """Daylio rows -> new check-ins, each with a `source` from the row as written (importing
    the same file twice adds nothing twice); rows that don't fit -> `rejected`."""
    from tui.core.records.models import NewCheckIn

    text = decode_text(data, "a Daylio export")
    rows = [(line, row) for line, row in _rows(text) if any(cell.strip() for cell in row)]
    if not rows:
        raise InputError("This Daylio file is empty.")
    header = header_of(rows[0][1])
    if header is not None:
        rows = rows[1:]
    else:
        header = headerless_layout(rows[0][1])
        if header is None:
            raise InputError(
                "This doesn't look like a Daylio export: its first line should be a header "
                f"such as {','.join(LAYOUT_8)}, or a row starting with a date."
            )
    weekdays = [row[header.index("weekday")] for _, row in rows[:50] if "weekday" in header
                and len(row) > header.index("weekday")]  # fmt: skip
    moods = {**default_moods(weekdays), **options.mood_map}
    out = FileRead(what=WHAT, moods_mapped=True)
    seen: dict[str, int] = {}
    # Ten years hold a few thousand distinct dates, times, labels and activity lists: each is
    # read once (a person waits for an import of their whole history).
    days: dict[tuple[str, str, str], date | str] = {}
    clocks: dict[str, time | None] = {}
    labels: dict[str, tuple[str, int | None]] = {}
    tag_lists: dict[str, tuple[str, ...]] = {}
    for line, row in rows:
        where = f"Line {line}"
        cells = _fit(row, header)
        if isinstance(cells, str):
            out.rejected.append(Rejected(where, cells))
            continue
        day_key = (cells.get("full_date", ""), cells.get("year", ""), cells.get("date", ""))
        if day_key not in days:
            days[day_key] = _day(cells)
        day = days[day_key]
        if isinstance(day, str):
            shown = clean_line(cells.get("full_date") or cells.get("date", ""))[:30]
            why = f'the date "{shown}" {day}' if shown else "it has no date"
            out.rejected.append(Rejected(where, why))
            continue
        time_cell = cells.get("time", "")
        if time_cell not in clocks:
            clocks[time_cell] = parse_clock_time(time_cell)
        clock = clocks[time_cell]
        if clock is None:
            shown = clean_line(cells.get("time", ""))[:20]
            out.rejected.append(Rejected(where, f'the time "{shown}" isn\'t one Thaw can read'))
            continue
        mood_cell = cells.get("mood", "")
        if mood_cell not in labels:
            label = clean_line(mood_cell)
            labels[mood_cell] = (label, moods.get(mood_label(label)))
        written, mood = labels[mood_cell]
        if not written:
            out.rejected.append(Rejected(where, "it has no mood"))
            continue
        if mood is None:
            out.unknown_moods[written] = out.unknown_moods.get(written, 0) + 1
            continue
        note = join_note(cells.get("note_title", ""), cells.get("note", ""), *_extras(cells))
        activities = cells.get("activities", "")
        if activities not in tag_lists:
            names = (clean_line(a) for a in activities.split("|"))
            tag_lists[activities] = tuple(dict.fromkeys(a for a in names if a))
        # The key is built from the row as written, so the same file always gives the same keys
        # (the same ones earlier versions of Thaw gave); identical rows are told apart by count.
        digest = hashlib.sha256("\x1f".join(row[: len(header)]).encode()).hexdigest()[:24]
        seen[digest] = seen.get(digest, 0) + 1
        out.places.append(where)
        out.checkins.append(
            NewCheckIn(
                at=localize(datetime.combine(day, clock), options.reference),
                mood=mood,
                note=note,
                tags=tag_lists[activities],
                source=SOURCE_PREFIX + digest + (f"#{seen[digest]}" if seen[digest] > 1 else ""),
            )
        )
    _merge_case_variants(out)
    return out


def _merge_case_variants(out: FileRead) -> None:
    """ "Tired" and "tired " are one label: counted once, under the first spelling met."""
    merged: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for label, count in out.unknown_moods.items():
        key = mood_label(label)
        first = spelling.setdefault(key, label)
        merged[first] = merged.get(first, 0) + count
    out.unknown_moods = merged
