"""Exchange with other apps and with Thaw itself: one module per outside format.

    base.py           the interface: a reader turns a file's bytes into a `FileRead`
    detect.py         which reader a file needs, and what was seen
    thaw_json.py      Thaw's own export (everything; reads back identical)
    thaw_csv.py       Thaw's CSV of check-ins, and hand-made CSVs
    daylio_csv.py     every Daylio CSV layout (dates and times: tui.core.when_phrases)
    daylio_backup.py  Daylio's .daylio backup
    pixels.py         Pixels backups
    moods.py          mood labels onto 1-10 (--map, --map-file)
    checks.py         would the store take this record? (named reasons)
    plan.py           leave out what is here, then write under journal.py's journal
    session.py        one import from a path: read, detect, read, plan (CLI and app share it)
    codec.py          records <-> plain dicts, shared by all of the above

Kept empty on purpose: `list --json` needs only codec.py, and importing this package must not
pull in every reader.
"""
