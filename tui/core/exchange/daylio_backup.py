"""Daylio's own backup (`.daylio`): a zip whose `backup.daylio` member is base64-encoded JSON.

The JSON holds `customMoods` (each with `custom_name` and its `mood_group_id`, 1 best to 5
worst), `tags` (activities) and `dayEntries` (`year`, `month` counted from 0, `day`, `hour`,
`minute`, `mood` id, `note_title`, `note`, `tags` ids). Because every mood carries its group,
a backup needs no mapping: group 1-5 sits where Daylio's five faces do (10, 8, 5, 3, 1).
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import zipfile
from datetime import datetime, timedelta, timezone
from typing import Any

from tui.core.errors import InputError
from tui.core.exchange.base import FileRead, ReadOptions, Rejected, join_note
from tui.core.exchange.moods import FIVE_FACES
from tui.core.text import clean_line
from tui.core.when import localize

WHAT = "this Daylio backup"
MEMBER = "backup.daylio"
SOURCE_PREFIX = "daylio-backup:"
MAX_JSON_BYTES = 100 * 1024 * 1024  # a zip can expand a thousandfold: stop reading well before


def holds_backup(data: bytes) -> bool:
    """True when `data` is a zip with a `backup.daylio` member (how detection knows it)."""
    if not data.startswith(b"PK"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(name.rsplit("/", 1)[-1] == MEMBER for name in archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _document(data: bytes) -> dict[str, Any]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            name = next(n for n in archive.namelist() if n.rsplit("/", 1)[-1] == MEMBER)
            with archive.open(name) as member:
                packed = member.read(MAX_JSON_BYTES + 1)
    except (zipfile.BadZipFile, StopIteration, OSError, ValueError, RuntimeError):
        raise InputError(
            "This isn't a Daylio backup Thaw can open: it should be a zip holding backup.daylio."
        ) from None
    if len(packed) > MAX_JSON_BYTES:
        raise InputError("This Daylio backup is too big to be read safely.")
    try:
        raw = base64.b64decode(b"".join(packed.split()), validate=True)
        document = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError):
        raise InputError(
            "The backup.daylio inside this file isn't the base64 JSON Daylio writes."
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("dayEntries"), list):
        raise InputError('This Daylio backup has no "dayEntries" list, so it holds no entries.')
    return document


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _moods(document: dict[str, Any]) -> dict[int, int]:
    """Daylio mood id -> Thaw 1-10, from each mood's group.

    Daylio's own five have ids 1-5, the same as their groups; a backup that does not list
    them among `customMoods` still means them.
    """
    out: dict[int, int] = {group: FIVE_FACES[group - 1] for group in range(1, 6)}
    for mood in document.get("customMoods") or []:
        if not isinstance(mood, dict):
            continue
        mood_id, group = _int(mood.get("id")), _int(mood.get("mood_group_id"))
        if mood_id is not None and group is not None and 1 <= group <= len(FIVE_FACES):
            out[mood_id] = FIVE_FACES[group - 1]
    return out


def _tags(document: dict[str, Any]) -> dict[int, str]:
    out: dict[int, str] = {}
    for tag in document.get("tags") or []:
        if isinstance(tag, dict) and _int(tag.get("id")) is not None:
            name = tag.get("name")
            if isinstance(name, str) and clean_line(name):
                out[tag["id"]] = clean_line(name)
    return out


def _when(entry: dict[str, Any], options: ReadOptions) -> datetime | None:
    parts = [_int(entry.get(k)) for k in ("year", "month", "day", "hour", "minute")]
    if any(p is None for p in parts):
        return None
    year, month, day, hour, minute = (p or 0 for p in parts)
    try:
        naive = datetime(year, month + 1, day, hour, minute)  # Daylio counts months from 0
    except ValueError:
        return None
    offset = _int(entry.get("timeZoneOffset"))
    if offset is not None and abs(offset) < 24 * 3600 * 1000:
        return naive.replace(tzinfo=timezone(timedelta(milliseconds=offset)))
    return localize(naive, options.reference)


def read(data: bytes, options: ReadOptions) -> FileRead:
    """Every day entry -> a check-in (mood from its group, activities as tags)."""
    from tui.core.records.models import NewCheckIn

    document = _document(data)
    moods, tags = _moods(document), _tags(document)
    out = FileRead(what=WHAT)
    for number, entry in enumerate(document["dayEntries"], start=1):
        where = f"Entry {number}"
        if not isinstance(entry, dict):
            out.rejected.append(Rejected(where, "it isn't an entry with named fields"))
            continue
        at = _when(entry, options)
        if at is None:
            out.rejected.append(Rejected(where, "its date or time can't be read"))
            continue
        where = f"The entry of {at:%Y-%m-%d %H:%M}"
        mood = moods.get(_int(entry.get("mood")) or -1)
        if mood is None:
            out.rejected.append(Rejected(where, "its mood isn't one of the backup's moods"))
            continue
        title, note = entry.get("note_title", ""), entry.get("note", "")
        tag_ids = entry.get("tags") or []
        entry_id = _int(entry.get("id"))
        key = str(entry_id) if entry_id is not None else f"{at.isoformat()}#{number}"
        out.checkins.append(
            NewCheckIn(
                at=at,
                mood=mood,
                note=join_note(
                    title if isinstance(title, str) else "", note if isinstance(note, str) else ""
                ),
                tags=tuple(
                    dict.fromkeys(tags[t] for t in tag_ids if isinstance(t, int) and t in tags)
                )
                if isinstance(tag_ids, list)
                else (),
                source=SOURCE_PREFIX + key,
            )
        )
    return out
