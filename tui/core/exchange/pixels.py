"""Pixels ("Year in Pixels") backups: a JSON array of days, each
`{"date": "2024-1-5", "type": "Mood", "scores": [4, 2], "notes": "...",
"tags": [{"type": "Emotions", "entries": ["calm"]}]}`.

Scores run 1 (worst) to 5 (best) and sit where Daylio's five faces do: 1, 3, 5, 8, 10. A day
with several scores becomes several check-ins, one a score, so no rating is averaged away
(a day of 5 and 1 is not a day of 3). Pixels keeps no times: each is placed at 12:00 that day;
the day's note and tags go with its first check-in.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from tui.core.errors import InputError
from tui.core.exchange.base import FileRead, ReadOptions, Rejected, decode_text, join_note
from tui.core.exchange.moods import FIVE_FACES
from tui.core.text import clean_line
from tui.core.when import localize
from tui.core.when_phrases import iso_day, read_calendar_date

WHAT = "this Pixels backup"
SOURCE_PREFIX = "pixels:"
NOON = time(12, 0)


def looks_like_pixels(document: object) -> bool:
    """A non-empty list whose first item has a date and a list of scores."""
    return (
        isinstance(document, list)
        and bool(document)
        and isinstance(document[0], dict)
        and "date" in document[0]
        and isinstance(document[0].get("scores"), list)
    )


def _tags(value: object) -> tuple[str, ...]:
    """Tag names from Pixels' [{"type": category, "entries": [names]}] (or a plain list)."""
    names: list[str] = []
    for group in value if isinstance(value, list) else []:
        entries = group.get("entries") if isinstance(group, dict) else [group]
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, str) and clean_line(entry):
                names.append(clean_line(entry))
    return tuple(dict.fromkeys(names))


def _score(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        return None
    return FIVE_FACES[5 - int(value)] if 1 <= value <= 5 else None


def parse_document(text: str) -> list[Any]:
    try:
        document = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        raise InputError("This Pixels backup isn't readable JSON.") from None
    if not isinstance(document, list):
        raise InputError("This isn't a Pixels backup: it should be a list of days.")
    return document


def read(data: bytes, options: ReadOptions) -> FileRead:
    """Each score of each day -> one check-in, keyed by day and place, so a second import of
    the same (or a longer) backup adds only what is new."""
    from tui.core.records.models import NewCheckIn

    out = FileRead(what=WHAT)
    for number, day in enumerate(parse_document(decode_text(data, "a Pixels backup")), start=1):
        if not isinstance(day, dict):
            out.rejected.append(Rejected(f"Day {number}", "it isn't a day with named fields"))
            continue
        written = day.get("date")
        on = (iso_day(written) or read_calendar_date(written)) if isinstance(written, str) else None
        if not isinstance(on, date):
            shown = clean_line(str(written))[:30]
            why = on if isinstance(on, str) else "can't be read"
            out.rejected.append(Rejected(f"Day {number}", f'the date "{shown}" {why}'))
            continue
        where = f"Day {on.isoformat()}"
        scores = day.get("scores")
        if not isinstance(scores, list) or not scores:
            out.rejected.append(Rejected(where, "it has no scores"))
            continue
        moods = [_score(s) for s in scores]
        if any(m is None for m in moods):
            out.rejected.append(Rejected(where, "its scores should be whole numbers from 1 to 5"))
            continue
        notes = day.get("notes")
        note = join_note(notes) if isinstance(notes, str) else ""
        tags = _tags(day.get("tags"))
        at = localize(datetime.combine(on, NOON), options.reference)
        for place, mood in enumerate(moods):
            out.checkins.append(
                NewCheckIn(
                    at=at,
                    mood=mood or 1,
                    note=note if place == 0 else "",
                    tags=tags if place == 0 else (),
                    source=f"{SOURCE_PREFIX}{on.isoformat()}#{place + 1}",
                )
            )
    return out
