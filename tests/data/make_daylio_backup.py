"""Writes daylio_backup.daylio: a made-up Daylio backup, laid out as Daylio writes one.

A zip holding `backup.daylio` (base64 of the JSON) and an empty `assets/` folder, as described
by charistas/daylio-scribe DAYLIO_BACKUP_GUIDE.md; field names and types as in
TickleThePanda/dayliextra src/daylio-export.ts. Every entry below is invented.
Run from the repository root: python tests/data/make_daylio_backup.py
"""

from __future__ import annotations

import base64
import json
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
BACKUP = {
    "version": 19,
    "isReminderOn": True,
    "customMoods": [
        # Daylio's five, unnamed (predefined_name_id says which), plus two of the person's own.
        {"id": 1, "custom_name": "", "mood_group_id": 1, "mood_group_order": 0,
         "icon_id": 1, "predefined_name_id": 1, "state": 0, "createdAt": 1600000000000},
        {"id": 2, "custom_name": "", "mood_group_id": 2, "mood_group_order": 0,
         "icon_id": 2, "predefined_name_id": 2, "state": 0, "createdAt": 1600000000000},
        {"id": 3, "custom_name": "", "mood_group_id": 3, "mood_group_order": 0,
         "icon_id": 3, "predefined_name_id": 3, "state": 0, "createdAt": 1600000000000},
        {"id": 4, "custom_name": "", "mood_group_id": 4, "mood_group_order": 0,
         "icon_id": 4, "predefined_name_id": 4, "state": 0, "createdAt": 1600000000000},
        {"id": 5, "custom_name": "", "mood_group_id": 5, "mood_group_order": 0,
         "icon_id": 5, "predefined_name_id": 5, "state": 0, "createdAt": 1600000000000},
        {"id": 6, "custom_name": "drained", "mood_group_id": 4, "mood_group_order": 1,
         "icon_id": 14, "predefined_name_id": -1, "state": 0, "createdAt": 1610000000000},
        {"id": 7, "custom_name": "hopeful", "mood_group_id": 2, "mood_group_order": 1,
         "icon_id": 21, "predefined_name_id": -1, "state": 0, "createdAt": 1610000000000},
    ],
    "tags": [
        {"id": 1, "name": "work", "createdAt": 1600000000000, "icon": 3, "order": 1,
         "state": 0, "id_tag_group": 1},
        {"id": 2, "name": "walk", "createdAt": 1600000000000, "icon": 9, "order": 2,
         "state": 0, "id_tag_group": 1},
        {"id": 3, "name": "good sleep", "createdAt": 1600000000000, "icon": 12, "order": 3,
         "state": 0, "id_tag_group": 2},
    ],
    "dayEntries": [
        {"id": 41, "minute": 30, "hour": 21, "day": 3, "month": 0, "year": 2025,
         "datetime": 1735939800000, "timeZoneOffset": 0, "mood": 6,
         "note": "Long day.<br>Slept on the bus.", "note_title": "Tired", "tags": [1],
         "assets": []},
        {"id": 42, "minute": 5, "hour": 8, "day": 4, "month": 0, "year": 2025,
         "datetime": 1735977900000, "timeZoneOffset": 0, "mood": 7,
         "note": "", "note_title": "", "tags": [2, 3], "assets": []},
        {"id": 43, "minute": 0, "hour": 19, "day": 30, "month": 5, "year": 2025,
         "datetime": 1751306400000, "timeZoneOffset": 3600000, "mood": 1,
         "note": "Sea swim &amp; chips", "note_title": "", "tags": [], "assets": []},
        {"id": 44, "minute": 45, "hour": 23, "day": 31, "month": 11, "year": 2025,
         "datetime": 1767224700000, "timeZoneOffset": 0, "mood": 5,
         "note": "Hard end to the year", "note_title": "", "tags": [1], "assets": []},
    ],
    "achievements": [],
    "goals": [],
    "prefs": [],
    "tag_groups": [{"id": 1, "name": "Things", "is_expanded": True, "order": 1},
                   {"id": 2, "name": "Sleep", "is_expanded": True, "order": 2}],
    "metadata": {"number_of_entries": 4, "created_at": 1767225000000, "platform": "android"},
    "assets": [],
}  # fmt: skip


def main() -> None:
    packed = base64.b64encode(json.dumps(BACKUP).encode("utf-8"))
    with zipfile.ZipFile(HERE / "daylio_backup.daylio", "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(zipfile.ZipInfo("backup.daylio", (2026, 1, 1, 0, 0, 0)), packed)
        archive.writestr(zipfile.ZipInfo("assets/", (2026, 1, 1, 0, 0, 0)), b"")


if __name__ == "__main__":
    main()
