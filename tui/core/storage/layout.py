"""Which file a record lives in: month files for dated kinds, one file for the rest.

checkins/YYYY-MM.json  sessions/YYYY-MM.json   partitioned by month: a save touches one
                                               small file, so it never slows with history
markers.json plan.json contacts.json settings.json draft.json safety_plan.json
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from tui.core.errors import DataError, InputError
from tui.core.storage.schema import Doc

CHECKINS_DIR = "checkins"
SESSIONS_DIR = "sessions"
MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.json$")
SINGLE_FILES = (
    "markers.json",
    "plan.json",
    "contacts.json",
    "settings.json",
    "draft.json",
    "safety_plan.json",
)
_CANNOT_LIST = "Thaw could not list {folder}: {reason}."
_NOT_OURS = "{rel} is not one of Thaw's data files."


class Layout:
    """Where one record kind lives: a month-partitioned folder or a single file.

    A plain class: every quick command imports this, and a dataclass costs more.
    """

    __slots__ = ("date_key", "file", "folder", "table")

    def __init__(self, table: str, folder: str = "", file: str = "", date_key: str = "") -> None:
        self.table = table
        self.folder = folder  # partitioned by month of `date_key` when set
        self.file = file
        self.date_key = date_key

    def rel_for(self, doc: Doc) -> Path:
        """The file a record belongs in."""
        if self.folder:
            return Path(self.folder) / f"{str(doc[self.date_key])[:7]}.json"
        return Path(self.file)

    def files(self, root: Path, since: date | None = None, until: date | None = None) -> list[Path]:
        """The kind's files present under `root` (months within [since, until]), oldest first."""
        if not self.folder:
            return [Path(self.file)]
        low, high = month_range(since, until)
        return [
            Path(self.folder) / name
            for name in month_files(root / self.folder)
            if low <= name[:7] <= high
        ]


CHECKINS = Layout("checkins", folder=CHECKINS_DIR, date_key="at")
SESSIONS = Layout("sessions", folder=SESSIONS_DIR, date_key="started_at")
MARKERS = Layout("markers", file="markers.json")
PLAN = Layout("plan", file="plan.json")
CONTACTS = Layout("contacts", file="contacts.json")
SETTINGS = Layout("settings", file="settings.json")
DRAFT = Layout("draft", file="draft.json")
SAFETY_PLAN = Layout("safety_plan", file="safety_plan.json")
PARTITIONED = (CHECKINS, SESSIONS)


def month_file(folder: str, day: date) -> Path:
    """Relative path of the month file holding records dated `day` (local date)."""
    return Path(folder) / f"{day.year:04d}-{day.month:02d}.json"


def month_range(since: date | None, until: date | None) -> tuple[str, str]:
    """The "YYYY-MM" bounds of the month files a date range needs."""
    low = f"{since.year:04d}-{since.month:02d}" if since else "0000-00"
    high = f"{until.year:04d}-{until.month:02d}" if until else "9999-99"
    return low, high


def month_files(folder: Path) -> list[str]:
    """Month file names in `folder`, oldest first ([] when it does not exist)."""
    try:
        names = [entry.name for entry in folder.iterdir()]
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise DataError(_CANNOT_LIST.format(folder=folder, reason=exc.strerror)) from exc
    return sorted(n for n in names if MONTH_FILE.match(n))


def data_files(root: Path) -> list[Path]:
    """Relative paths of every data file present (single files first, then months)."""
    return list(each_data_file(root))


def each_data_file(root: Path) -> Iterator[Path]:
    """`data_files` one at a time: a check of thirty years' 720 files holds no list of them."""
    for name in SINGLE_FILES:
        if (root / name).exists() or (root / name).is_symlink():
            yield Path(name)
    for kind in PARTITIONED:
        for name in month_files(root / kind.folder):
            yield Path(kind.folder) / name


def data_rel(rel: str | Path) -> Path:
    """A data file path given by a caller, checked to be one of Thaw's own files."""
    path = Path(rel)
    month = len(path.parts) == 2 and path.parts[0] in (CHECKINS_DIR, SESSIONS_DIR)
    if path.as_posix() in SINGLE_FILES or (month and MONTH_FILE.match(path.name)):
        return path
    raise InputError(_NOT_OURS.format(rel=rel))


def has_day(docs: list[Doc], day: date, key: str = "at") -> bool:
    """Whether any doc's stored local timestamp falls on `day` (string compare, no parsing)."""
    prefix = day.isoformat()
    return any(isinstance(d.get(key), str) and d[key].startswith(prefix) for d in docs)
