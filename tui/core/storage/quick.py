"""`due`'s path at every login: one month file read without the Store, models or TinyDB."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.core.errors import DataError
from tui.core.storage import files
from tui.core.storage.layout import CHECKINS_DIR, has_day, month_file


def quick_has_checkin_on(data_dir: Path, day: date) -> bool | None:
    """Whether a check-in is stored for `day`, reading one month file.

    Returns None when the Store should look instead (a file that needs quarantining, a link,
    another user's file...): then `Store(data_dir).has_checkin_on(day)` handles and reports it.
    """
    try:
        if not files.check_dir(data_dir):
            return False
        loaded = files.load_file(data_dir / month_file(CHECKINS_DIR, day))
    except (files.BadFileError, DataError):
        return None
    return False if loaded is None else has_day(loaded.table("checkins"), day)


def quick_setting(data_dir: Path, key: str) -> object:
    """One raw value from settings.json without the Store (None if absent or unreadable)."""
    try:
        if not files.check_dir(data_dir):
            return None
        loaded = files.load_file(data_dir / "settings.json")
    except (files.BadFileError, DataError):
        return None
    docs = [] if loaded is None else loaded.table("settings")
    return docs[0].get(key) if docs else None
