"""Store: the only object that touches Thaw's data files. Takes and returns models.

Layout of the data directory (every file a TinyDB document with a `_meta` schema table):
    checkins/YYYY-MM.json  sessions/YYYY-MM.json   partitioned by month: a save touches one
                                                   small file, so it never slows with history
    markers.json plan.json contacts.json settings.json draft.json
    .lock                                          flock target for every read-modify-write
    backups/YYYY-MM-DD/<same paths>                rolling daily copies (newest 7 days kept)
    quarantine/<path>.<stamp>.<reason>             unreadable files, moved aside and kept
"""

from __future__ import annotations

import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui.core import storage as st
from tui.core.clock import Clock, SystemClock
from tui.core.errors import DataError, InputError, ReadOnlyError, StaleEditError, UnsafePathError
from tui.core.models import (
    FEEL_MAX,
    FEEL_MIN,
    MARKER_KINDS,
    MOOD_MAX,
    MOOD_MIN,
    PLAN_STATUSES,
    SESSION_KINDS,
    CheckIn,
    Contact,
    Draft,
    Marker,
    MarkerKind,
    PlanItem,
    PlanStatus,
    Session,
    SessionKind,
    Settings,
)
from tui.core.storage import BadFileError, Doc, Loaded, Tables
from tui.core.text import NOTE_MAX_CHARS, clean_line, clean_text

if TYPE_CHECKING:
    from typing import Protocol

    from tinydb import TinyDB

    from tui.core.safety_plan import SafetyPlan

    class _HasRev(Protocol):
        @property
        def rev(self) -> int: ...


#: A check-in may be dated this far ahead of the clock (two devices rarely agree exactly).
FUTURE_SKEW = timedelta(minutes=5)
CHECKINS_DIR = "checkins"
SESSIONS_DIR = "sessions"
_MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.json$")
_SURROGATES = re.compile("[\ud800-\udfff]")
_SINGLE_DOC = 1  # doc id of the one record in settings.json / draft.json

T = TypeVar("T")

R = TypeVar("R", bound="_HasRev")  # a record with a `rev` (CheckIn, Session)


@dataclass(frozen=True)
class Problem:
    """Something found at open or by doctor, told to the person in `message` (one sentence+)."""

    path: Path
    message: str
    moved_to: Path | None = None  # where a quarantined file was kept
    serious: bool = True  # False for notes such as "no backup yet"


#: Why a damaged file could not be read, by its quarantine reason, as a sentence.
_DAMAGE_SENTENCES = {
    "empty": "It was empty, so Thaw could not read it.",
    "torn": "It was cut short or garbled, so Thaw could not read it.",
    "shape": "It was not laid out the way Thaw writes its files, so Thaw could not read it.",
}
#: What the records of each file are called, one and many (by table name).
_NOUNS = {
    "checkins": ("check-in", "check-ins"),
    "sessions": ("practice", "practices"),
    "markers": ("timeline note", "timeline notes"),
    "plan": ("plan step", "plan steps"),
    "contacts": ("contact", "contacts"),
    "draft": ("unfinished check-in", "unfinished check-ins"),
}


def _day_text(moment: datetime | date, now: datetime) -> str:
    """'26 Nov' (with the year when it is not this year)."""
    text = f"{moment.day} {moment:%b}"
    return text if moment.year == now.year else f"{text} {moment.year}"


def _count(rel: Path, n: int) -> str:
    """'1 check-in', '3 timeline notes': how many records of data file `rel`."""
    table = rel.parent.name if rel.parent.name else rel.stem
    if table == "settings":
        return "your settings" if n else "no settings"
    if table == "safety_plan":
        return "your safety plan" if n else "no safety plan"
    one, many = _NOUNS.get(table, ("entry", "entries"))
    return f"{n} {one if n == 1 else many}"


@dataclass(frozen=True)
class BackupInfo:
    """One day's backup copy of one data file: when it was taken and how much it holds."""

    rel: Path
    day: date
    taken_at: datetime | None  # from the copy's write time; None when that looks wrong
    entries: int
    label: str  # "26 Nov 00:27" (or "26 Nov" when the time is unknown)

    @property
    def described(self) -> str:
        """'the backup of 26 Nov 00:27 (1 check-in)'."""
        return f"the backup of {self.label} ({_count(self.rel, self.entries)})"


@dataclass(frozen=True)
class DamagedFile:
    """A data file that could not be read, set aside in quarantine and not yet settled.

    Settled means put back (`Store.restore_file`) or kept as it is (`Store.keep_as_is`).
    """

    rel: str  # data file, relative to the data dir, e.g. "checkins/2026-11.json"
    kept_at: Path  # the damaged copy in quarantine/ (kept byte for byte)
    set_aside_at: datetime  # when Thaw moved it aside
    reason: str  # sentence: "It was cut short or garbled, so Thaw could not read it."
    backup: BackupInfo | None  # newest readable backup taken before the damage, if any

    @property
    def restore_command(self) -> str:
        """The command that puts the backup back (merged with what was saved since)."""
        return f"thaw doctor --restore {self.backup.day.isoformat()}" if self.backup else ""


@dataclass(frozen=True)
class RestoreResult:
    """What `Store.restore_file` put back, in numbers and in one plain message."""

    rel: str
    backup: BackupInfo
    from_backup: int  # records the backup held
    since: int  # records saved after the backup that it did not hold (kept too)
    kept_at: Path | None  # where the replaced live file was copied (None: there was none)
    settled: tuple[Path, ...]  # damaged copies now marked settled (still kept)

    @property
    def message(self) -> str:
        """'Put back checkins/2026-11.json from the backup of 26 Nov 00:27: 1 check-in from
        that backup, plus 1 saved since. The damaged copy is still kept in quarantine/.'"""
        rel = Path(self.rel)
        what = f"{_count(rel, self.from_backup)} from that backup"
        if self.since:
            what += f", plus {self.since} saved since"
        if self.rel == _SETTINGS.file:
            what = "your settings (the newer of that backup's and the ones saved since)"
        elif self.rel == _DRAFT.file:
            what = "your unfinished check-in (the one saved since, if there is one)"
        if self.settled:
            kept = "The damaged copy is still kept in quarantine/."
            if len(self.settled) > 1:
                kept = "The damaged copies are still kept in quarantine/."
        elif self.kept_at is not None:
            kept = "The copy it replaced is kept in quarantine/."
        else:
            kept = ""
        head = f"Put back {self.rel} from the backup of {self.backup.label}"
        return f"{head}: {what}. {kept}".rstrip()


@dataclass(frozen=True)
class NewCheckIn:
    """A check-in not yet saved (import batches, back-fill).

    `id`, `rev` and `tz` let an import give back the very record that was exported: a
    well-formed id not stored yet is kept (with its rev); "" (or a malformed id) gets a new one.
    """

    at: datetime
    mood: int
    feel: int | None = None
    emotions: tuple[str, ...] = ()
    note: str = ""
    tags: tuple[str, ...] = ()
    source: str = ""
    id: str = ""
    rev: int = 1
    tz: str = ""  # IANA zone name; kept when it matches `at`'s offset, else worked out


class _Kind:
    """Where one record type lives: a month-partitioned folder or a single file.

    A plain class: the Store is imported by every quick command, and a dataclass costs more.
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


_CHECKINS = _Kind("checkins", folder=CHECKINS_DIR, date_key="at")
_SESSIONS = _Kind("sessions", folder=SESSIONS_DIR, date_key="started_at")
_MARKERS = _Kind("markers", file="markers.json")
_PLAN = _Kind("plan", file="plan.json")
_CONTACTS = _Kind("contacts", file="contacts.json")
_SETTINGS = _Kind("settings", file="settings.json")
_DRAFT = _Kind("draft", file="draft.json")
_SAFETY_PLAN = _Kind("safety_plan", file="safety_plan.json")
_SINGLE_FILES = (
    "markers.json",
    "plan.json",
    "contacts.json",
    "settings.json",
    "draft.json",
    "safety_plan.json",
)


# --- small validators -------------------------------------------------------------------------


#: What a kept (imported) id may look like: Thaw's own are 32 hex digits ("v0" + 30 for old files).
_GOOD_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_MAX_REV = 1_000_000_000


def _new_id() -> str:
    # 128 random bits as 32 hex digits, like uuid4().hex, without importing uuid (and platform).
    return os.urandom(16).hex()


def _wanted_id(value: object) -> tuple[str, str]:
    """An import's id: (id to keep or "", what to remember as source when it can't be kept)."""
    if not isinstance(value, str) or not value:
        return "", ""
    if _GOOD_ID.fullmatch(value):
        return value, ""
    return "", "thaw:" + _SURROGATES.sub("", clean_line(value))[:200]


def _wanted_rev(value: object) -> int:
    """A kept record keeps its revision when it is a sensible one."""
    return value if _is_int(value) and 1 <= value <= _MAX_REV else 1  # type: ignore[operator,return-value]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _clean_note(text: object, what: str = "note") -> str:
    if not isinstance(text, str):
        raise InputError(f"The {what} needs to be text.")
    cleaned = _SURROGATES.sub("", clean_text(text)).strip()
    if len(cleaned) > NOTE_MAX_CHARS:
        raise InputError(
            f"That {what} is {len(cleaned):,} characters long; the limit is "
            f"{NOTE_MAX_CHARS:,}. Could you trim it a little?"
        )
    return cleaned


def _clean_one_line(text: object, what: str, limit: int = 200) -> str:
    if not isinstance(text, str):
        raise InputError(f"The {what} needs to be text.")
    cleaned = _SURROGATES.sub("", clean_line(text))
    if len(cleaned) > limit:
        raise InputError(f"The {what} is too long; please keep it under {limit} characters.")
    return cleaned


def _clean_words(values: object, what: str, lower: bool) -> list[str]:
    """Tags or emotion ids: cleaned, optionally lower-cased, empty ones dropped, deduped."""
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InputError(f"The {what} need to be a list of words.")
    out: list[str] = []
    for value in values:
        word = _clean_one_line(value, what[:-1] if what.endswith("s") else what, 60)
        if lower:
            word = word.lower()
        if word and word not in out:
            out.append(word)
    return out


def _mood(value: object) -> int:
    if not _is_int(value) or not MOOD_MIN <= value <= MOOD_MAX:  # type: ignore[operator]
        raise InputError("Mood needs to be a whole number from 1 to 10.")
    return value  # type: ignore[return-value]


def _scale(value: object, what: str, low: int = FEEL_MIN, high: int = FEEL_MAX) -> int | None:
    if value is None:
        return None
    if not _is_int(value) or not low <= value <= high:  # type: ignore[operator]
        raise InputError(f"{what} needs to be a whole number from {low} to {high}.")
    return value  # type: ignore[return-value]


def _local_zone_name() -> str:
    """The IANA name of this machine's zone, from $TZ or the /etc/localtime link ("" if unknown)."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        return name
    try:
        target = str(Path("/etc/localtime").readlink())
    except OSError:
        return ""
    _, sep, name = target.partition("zoneinfo/")
    return name if sep else ""


def _zone_fits(name: str, at: datetime) -> bool:
    """Whether IANA zone `name` has `at`'s UTC offset at that moment."""
    offset = at.utcoffset()
    if offset is None or not name:
        return False
    # When the process already runs in that zone the C library knows its offset, and a save
    # need not import zoneinfo. A mismatch is looked at again with zoneinfo just below.
    if (
        name == _local_zone_name()
        and not name.startswith("/")
        and ".." not in name
        and (Path(os.environ.get("TZDIR") or "/usr/share/zoneinfo") / name).is_file()
        and time.localtime(at.timestamp()).tm_gmtoff == offset.total_seconds()
    ):
        return True
    try:
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(name)
    except (ValueError, OSError, KeyError):
        return False
    return zone.utcoffset(at.replace(tzinfo=None)) == offset


def _zone_name(at: datetime) -> str:
    """The IANA zone name of `at` when it can be known cheaply and matches its offset."""
    key = getattr(at.tzinfo, "key", None)
    if isinstance(key, str):
        return key
    name = _local_zone_name()
    return name if _zone_fits(name, at) else ""


def _parse_dt(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError("not a timestamp")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("timestamp without offset")
    return parsed


def _opt_int(value: object) -> int | None:
    if value is None:
        return None
    if not _is_int(value):
        raise ValueError("not an integer")
    return value  # type: ignore[return-value]


def _strs(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError("not a list")
    return tuple(str(v) for v in value)


def _rev(doc: Doc) -> int:
    rev = doc.get("rev", 1)
    return rev if _is_int(rev) else 1


# --- doc <-> model ----------------------------------------------------------------------------


def _checkin_from_doc(d: Doc) -> CheckIn:
    mood = d["mood"]
    if not _is_int(mood):
        raise ValueError("mood")
    return CheckIn(
        id=str(d["id"]),
        at=_parse_dt(d["at"]),
        mood=mood,
        feel=_opt_int(d.get("feel")),
        emotions=_strs(d.get("emotions", [])),
        note=str(d.get("note", "")),
        tags=_strs(d.get("tags", [])),
        tz=str(d.get("tz", "")),
        rev=_rev(d),
        source=str(d.get("source", "")),
    )


def _session_from_doc(d: Doc) -> Session:
    kind = d["kind"]
    if kind not in SESSION_KINDS:
        raise ValueError("kind")
    actual = d.get("actual_seconds", 0.0)
    if not isinstance(actual, int | float) or isinstance(actual, bool):
        raise ValueError("actual_seconds")
    return Session(
        id=str(d["id"]),
        kind=kind,
        detail=str(d.get("detail", "")),
        started_at=_parse_dt(d["started_at"]),
        planned_seconds=_opt_int(d.get("planned_seconds")),
        actual_seconds=float(actual),
        completed=bool(d.get("completed", False)),
        before=_opt_int(d.get("before")),
        after=_opt_int(d.get("after")),
        notes=_strs(d.get("notes", [])),
        rating=_opt_int(d.get("rating")),
        rev=_rev(d),
    )


def _marker_from_doc(d: Doc) -> Marker:
    kind = d.get("kind", "other")
    return Marker(
        id=str(d["id"]),
        at=_parse_dt(d["at"]),
        text=str(d["text"]),
        kind=kind if kind in MARKER_KINDS else "other",
        rev=_rev(d),
    )


def _plan_from_doc(d: Doc) -> PlanItem:
    status = d.get("status", "not_now")
    return PlanItem(
        id=str(d["id"]),
        title=str(d["title"]),
        status=status if status in PLAN_STATUSES else "not_now",
        note=str(d.get("note", "")),
        next_step=str(d.get("next_step", "")),
        key=str(d.get("key", "")),
        rev=_rev(d),
    )


def _contact_from_doc(d: Doc) -> Contact:
    return Contact(
        id=str(d["id"]),
        name=str(d["name"]),
        phone=str(d.get("phone", "")),
        note=str(d.get("note", "")),
        rev=_rev(d),
    )


def _draft_from_doc(d: Doc) -> Draft:
    return Draft(
        saved_at=_parse_dt(d["saved_at"]),
        mood=_opt_int(d.get("mood")),
        feel=_opt_int(d.get("feel")),
        emotions=_strs(d.get("emotions", [])),
        note=str(d.get("note", "")),
        tags=_strs(d.get("tags", [])),
        editing_id=str(d.get("editing_id", "")),
    )


def _settings_from_doc(d: Doc) -> Settings:
    """Known keys of the right type are used; anything else falls back to the default."""
    defaults = Settings()
    values: dict[str, Any] = {}
    for f in fields(Settings):
        if f.name not in d:
            continue
        default = getattr(defaults, f.name)
        value = d[f.name]
        if f.name == "custom_breath":
            if (
                isinstance(value, list)
                and len(value) == 4
                and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
            ):
                values[f.name] = tuple(float(v) for v in value)
        elif isinstance(default, bool):
            if isinstance(value, bool):
                values[f.name] = value
        elif isinstance(default, int):
            if _is_int(value):
                values[f.name] = value
        elif isinstance(default, str) and isinstance(value, str):
            values[f.name] = value
    return replace(defaults, **values)


def _settings_to_doc(s: Settings) -> Doc:
    doc: Doc = {}
    for f in fields(Settings):
        value = getattr(s, f.name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, str):
            value = _SURROGATES.sub("", clean_line(value))
        doc[f.name] = value
    return doc


def _dedupe(docs: Iterable[Doc]) -> list[Doc]:
    """One doc per id, the highest rev winning (a crash mid-move can leave two copies)."""
    best: dict[str, Doc] = {}
    order: list[str] = []
    for doc in docs:
        key = str(doc.get("id"))
        if key not in best:
            order.append(key)
            best[key] = doc
        elif _rev(doc) > _rev(best[key]):
            best[key] = doc
    return [best[k] for k in order]


def _month_range(since: date | None, until: date | None) -> tuple[str, str]:
    low = f"{since.year:04d}-{since.month:02d}" if since else "0000-00"
    high = f"{until.year:04d}-{until.month:02d}" if until else "9999-99"
    return low, high


class Store:
    """Safe, locked, partitioned TinyDB storage for one data directory.

    Every write: validate and clean, take the flock, re-read, apply, atomic replace, release.
    Opening never raises for bad files: they are quarantined and listed in `problems` (a full
    check runs the first time `problems` is read, so `due` never pays for it).
    `read_only` is True when the directory cannot be written; writes then raise ReadOnlyError.
    Validation errors raise InputError with a sentence fit for the person.
    A data directory that is a symlink or belongs to another user raises UnsafePathError.
    """

    read_only: bool
    data_dir: Path

    def __init__(self, data_dir: Path, clock: Clock | None = None) -> None:
        self.data_dir = data_dir
        self.clock: Clock = clock or SystemClock()
        self._problems: list[Problem] = []
        self._scanned = False
        self.read_only = False
        try:
            st.ensure_private_dir(data_dir)
        except ReadOnlyError:
            self.read_only = True
            return
        if not os.access(data_dir, os.W_OK):
            self.read_only = True

    # --- problems -----------------------------------------------------------------------------
    @property
    def problems(self) -> list[Problem]:
        """Problems found so far. The first read checks every file (quarantining bad ones)."""
        if not self._scanned:
            self._scanned = True
            self._scan()
        return self._problems

    def _add_problem(self, problem: Problem) -> None:
        if all((p.path, p.message) != (problem.path, problem.message) for p in self._problems):
            self._problems.append(problem)

    def _rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.data_dir))
        except ValueError:
            return str(path)

    # --- low-level reading --------------------------------------------------------------------
    def _load(self, rel: Path, *, in_lock: bool = False) -> Loaded | None:
        """Load one file. A bad file is quarantined (under the lock) and reads as missing."""
        path = self.data_dir / rel
        try:
            loaded = st.load_file(path)
        except BadFileError as bad:
            if self.read_only:
                self._add_problem(
                    Problem(
                        path,
                        f"Thaw could not read {self._rel(path)}: {bad.detail}. It was left as "
                        "it is because the data folder is read-only.",
                    )
                )
                return None
            if in_lock:
                self._quarantine(path, bad)
                return None
            with self._lock():
                return self._load(rel, in_lock=True)
        if loaded is not None and loaded.newer:
            self._add_problem(self._newer_problem(path, loaded.schema))
        return loaded

    def _newer_problem(self, path: Path, schema: int) -> Problem:
        return Problem(
            path,
            f"{self._rel(path)} was saved by a newer version of Thaw (format {schema}; this "
            f"one knows up to {st.SCHEMA_VERSION}). It is kept exactly as it is and this "
            "version will not change it; please update Thaw to see and edit it.",
        )

    def _quarantine(self, path: Path, bad: BadFileError) -> None:
        stamp = self.clock.now().strftime("%Y%m%dT%H%M%S")
        moved = st.quarantine(self.data_dir, path, bad.kind, stamp)
        rel = path.relative_to(self.data_dir)
        good = self.backup_of(rel)  # every backup there is was taken before this moment
        info = None if good is None else self._backup_info(rel, good)
        if info is not None:
            hint = (
                f"To put back {info.described}, merged with anything saved since, run: "
                f"thaw doctor --restore {info.day.isoformat()}"
            )
        else:
            hint = "There is no backup of it yet; Thaw started a fresh file in its place."
        self._add_problem(
            Problem(
                path,
                f"Thaw could not read {rel}: {bad.detail}. It was moved aside into "
                f"quarantine/ and kept unchanged; nothing was overwritten. {hint}",
                moved_to=moved,
            )
        )

    def _docs(self, kind: _Kind, rel: Path) -> list[Doc]:
        loaded = self._load(rel)
        return [] if loaded is None else loaded.table(kind.table)

    def _month_files(self, kind: _Kind) -> list[str]:
        """Month file names of a partitioned kind, oldest first."""
        folder = self.data_dir / kind.folder
        try:
            names = [entry.name for entry in folder.iterdir()]
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise DataError(f"Thaw could not list {folder}: {exc.strerror}.") from exc
        return sorted(n for n in names if _MONTH_FILE.match(n))

    def _convert(self, rel: Path, docs: Iterable[Doc], conv: Callable[[Doc], T]) -> list[T]:
        out: list[T] = []
        for doc in docs:
            try:
                out.append(conv(doc))
            except (KeyError, TypeError, ValueError):
                self._add_problem(
                    Problem(
                        self.data_dir / rel,
                        f"An entry in {rel} could not be read, so it is not shown. It stays in "
                        "the file untouched.",
                    )
                )
        return out

    def _read_range(
        self, kind: _Kind, since: date | None, until: date | None, conv: Callable[[Doc], R]
    ) -> list[R]:
        """Records of the month files in range, one per id (highest rev), first-seen order.

        Streams: each file is parsed, converted and dropped before the next is read, so ten
        years of history never sit in memory twice (raw JSON and records) at once.
        """
        low, high = _month_range(since, until)
        kept: dict[str, R | None] = {}  # None: the winning copy could not be read
        broken_revs: dict[str, int] = {}
        for name in self._month_files(kind):
            if not low <= name[:7] <= high:
                continue
            rel = Path(kind.folder) / name
            for doc in self._docs(kind, rel):
                key = str(doc.get("id"))
                if key in kept:
                    held = kept[key]
                    held_rev = broken_revs[key] if held is None else held.rev
                    if _rev(doc) <= held_rev:
                        continue  # an older copy left by an interrupted move
                converted = self._convert(rel, [doc], conv)
                if converted:
                    kept[key] = converted[0]
                else:
                    kept[key] = None
                    broken_revs[key] = _rev(doc)
        return [item for item in kept.values() if item is not None]

    # --- low-level writing --------------------------------------------------------------------
    @contextmanager
    def _lock(self) -> Iterator[None]:
        if self.read_only:
            raise ReadOnlyError(
                f"Thaw can't write to {self.data_dir}: it is read-only here. Your entries are "
                "safe and nothing was changed."
            )
        st.ensure_private_dir(self.data_dir)
        with st.locked(self.data_dir):
            yield

    def _write_file(self, path: Path, tables: Tables) -> None:
        """TinyDB's write hook: back up the day's first version, then replace atomically."""
        data = st.dump_tables(tables)
        st.backup_before_write(self.data_dir, path, self.clock.now().date())
        st.atomic_write(path, data)

    def _writable(self, rel: Path) -> Loaded | None:
        """Check one file before a write (inside the lock): a bad file is moved aside first,
        a newer-schema file refuses the write. Returns what is stored (None: no file yet)."""
        st.ensure_private_tree(self.data_dir, rel.parent)
        loaded = self._load(rel, in_lock=True)
        if loaded is not None and loaded.newer:
            raise st.NewerSchemaError(
                self._newer_problem(self.data_dir / rel, loaded.schema).message
            )
        return loaded

    def _db(self, rel: Path) -> TinyDB:
        """A TinyDB on one file, for use inside the lock. Bad files are moved aside first."""
        from tinydb import TinyDB

        from tui.core.tinydb_storage import SafeStorage

        self._writable(rel)
        return TinyDB(self.data_dir / rel, storage=SafeStorage, writer=self._write_file)

    def _find(self, kind: _Kind, rel: Path, rec_id: str) -> tuple[Path, int, Doc] | None:
        """Locate a record (inside the lock): its file, TinyDB doc id and document."""
        candidates = [rel]
        if kind.folder:
            candidates += [
                Path(kind.folder) / n
                for n in reversed(self._month_files(kind))
                if Path(kind.folder) / n != rel
            ]
        found: tuple[Path, int, Doc] | None = None
        for cand in candidates:
            loaded = self._load(cand, in_lock=True)
            if loaded is None:
                continue
            for key, doc in (loaded.tables.get(kind.table) or {}).items():
                if doc.get("id") == rec_id and (found is None or _rev(doc) > _rev(found[2])):
                    found = (cand, int(key), doc)
            if found is not None and cand == rel:
                break
        return found

    def _insert(self, kind: _Kind, docs: Sequence[Doc]) -> None:
        """Insert docs (inside the lock), one atomic write per file touched.

        Appends exactly as TinyDB's `insert_multiple` does (next doc id = highest + 1, same
        tables, same file format), without importing TinyDB: a quick `log` saves sooner.
        """
        by_file: dict[Path, list[Doc]] = {}
        for doc in docs:
            by_file.setdefault(kind.rel_for(doc), []).append(doc)
        # Check every target file before writing any: a newer-schema month refuses the whole
        # batch instead of leaving half an import behind. A single file is read only once.
        rels = list(by_file)
        if not rels:
            return
        first = self._writable(rels[0])  # kept: it is written first, so it is read only once
        for rel in rels[1:]:
            self._writable(rel)  # checked, then let go: an import holds one month at a time
        for index, rel in enumerate(rels):
            loaded = first if index == 0 else self._writable(rel)
            first = None
            tables: Tables = {} if loaded is None else loaded.tables
            table = tables.setdefault(kind.table, {})
            next_id = max((int(key) for key in table), default=0) + 1
            for offset, doc in enumerate(by_file[rel]):
                table[str(next_id + offset)] = dict(doc)
            self._write_file(self.data_dir / rel, tables)

    def _stale(self, what: str) -> StaleEditError:
        return StaleEditError(
            f"This {what} was changed in another window since you opened it, so your change "
            "was not saved. Please look at it again and redo the change if you still want it."
        )

    def _gone(self, what: str) -> StaleEditError:
        return StaleEditError(
            f"This {what} was deleted in another window, so your change was not saved."
        )

    def _replace(
        self, kind: _Kind, what: str, old_id: str, old_rev: int, old_rel: Path, fields_: Doc
    ) -> Doc:
        """Stale-checked update (inside the lock). Moves between month files if needed."""
        found = self._find(kind, old_rel, old_id)
        if found is None:
            raise self._gone(what)
        rel, doc_id, stored = found
        if _rev(stored) != old_rev:
            raise self._stale(what)
        new_doc = {**stored, **fields_, "id": old_id, "rev": old_rev + 1}
        new_rel = kind.rel_for(new_doc)
        old_db = self._db(rel)
        if new_rel == rel:
            old_db.table(kind.table).update(new_doc, doc_ids=[doc_id])
        else:
            # New copy first: a crash in between leaves two copies, and readers keep the
            # higher rev (the new one), so nothing is lost.
            self._db(new_rel).table(kind.table).insert(new_doc)
            old_db.table(kind.table).remove(doc_ids=[doc_id])
        return new_doc

    def _delete(self, kind: _Kind, what: str, old_id: str, old_rev: int, old_rel: Path) -> None:
        found = self._find(kind, old_rel, old_id)
        if found is None:
            raise self._gone(what)
        rel, doc_id, stored = found
        if _rev(stored) != old_rev:
            raise self._stale(what)
        self._db(rel).table(kind.table).remove(doc_ids=[doc_id])

    def _when(self, at: datetime | None, what: str) -> datetime:
        now = self.clock.now()
        if at is None:
            return now
        if not isinstance(at, datetime):
            raise InputError(f"The time of the {what} needs to be a date and time.")
        if at.tzinfo is None or at.utcoffset() is None:
            at = at.replace(tzinfo=now.tzinfo)
        if at > now + FUTURE_SKEW:
            raise InputError(
                f"That time is in the future; a {what} can only be for now or earlier."
            )
        return at

    # --- check-ins ----------------------------------------------------------------------------
    def _checkin_fields(
        self,
        mood: object,
        feel: object,
        emotions: object,
        note: object,
        tags: object,
        at: datetime | None,
    ) -> Doc:
        when = self._when(at, "check-in")
        return {
            "at": when.isoformat(),
            "tz": _zone_name(when),
            "mood": _mood(mood),
            "feel": _scale(feel, "“How much can you feel”"),
            "emotions": _clean_words(emotions, "emotions", lower=False),
            "note": _clean_note(note),
            "tags": _clean_words(tags, "tags", lower=True),
        }

    def add_checkin(
        self,
        mood: int,
        *,
        feel: int | None = None,
        emotions: Sequence[str] = (),
        note: str = "",
        tags: Sequence[str] = (),
        at: datetime | None = None,  # default clock.now(); future refused
    ) -> CheckIn:
        """Validate, clean and durably save one check-in. Returns it once it is on disk."""
        doc = self._checkin_fields(mood, feel, emotions, note, tags, at)
        doc.update(id=_new_id(), rev=1, source="")
        with self._lock():
            self._insert(_CHECKINS, [doc])
        return _checkin_from_doc(doc)

    def add_checkins(self, items: Iterable[NewCheckIn]) -> list[CheckIn]:
        """Save many (import), all validated before any is written. Returns those added.

        Skipped, as already here: items whose non-empty `source` is stored, and items whose
        (well-formed) `id` is stored. A kept id keeps its `rev`; a malformed id gets a new one
        and is remembered as source `thaw:<id>`, so the same import twice adds nothing twice.
        """
        prepared = [self._prep_checkin(item) for item in items]  # all checked before writing
        return [_checkin_from_doc(d) for d in self._add_kept(_CHECKINS, prepared)]

    def _prep_checkin(self, item: NewCheckIn) -> tuple[Doc, str]:
        """Validate one new check-in: its doc, and the id it asks to keep ("" for a new one)."""
        doc = self._checkin_fields(
            item.mood, item.feel, item.emotions, item.note, item.tags, item.at
        )
        tz, at = item.tz, datetime.fromisoformat(doc["at"])
        if isinstance(tz, str) and tz not in ("", doc["tz"]) and _zone_fits(tz, at):
            doc["tz"] = tz
        wanted, fallback = _wanted_id(item.id)
        source = _clean_one_line(item.source, "source", 500) or fallback
        doc.update(id="", rev=_wanted_rev(item.rev) if wanted else 1, source=source)
        return doc, wanted

    def import_records(
        self,
        *,
        checkins: Iterable[NewCheckIn] = (),
        sessions: Iterable[Session] = (),
        markers: Iterable[Marker] = (),
        plan: Iterable[PlanItem] = (),
        contacts: Iterable[Contact] = (),
    ) -> None:
        """One import: every record of every kind validated before anything is written, then
        all written under one lock. Ids are kept (or records left out) as in `add_checkins`."""
        batches = [
            (_CHECKINS, [self._prep_checkin(c) for c in checkins]),
            (_SESSIONS, [self._prep_session(s) for s in sessions]),
            (_MARKERS, [self._prep_marker(m) for m in markers]),
            (_PLAN, [self._prep_plan(p) for p in plan]),
            (_CONTACTS, [self._prep_contact(c) for c in contacts]),
        ]
        if not any(prepared for _, prepared in batches):
            return
        with self._lock():
            for kind, prepared in batches:
                if prepared:
                    self._insert(kind, self._keep_new(kind, prepared))

    def _stored_keys(self, kind: _Kind) -> tuple[set[str], set[str]]:
        """Ids and non-empty sources of every stored record of `kind` (inside the lock)."""
        rels = (
            [Path(kind.folder) / n for n in self._month_files(kind)]
            if kind.folder
            else [Path(kind.file)]
        )
        ids: set[str] = set()
        sources: set[str] = set()
        for rel in rels:
            loaded = self._load(rel, in_lock=True)
            for doc in (loaded.tables.get(kind.table) or {}).values() if loaded else ():
                ids.add(str(doc.get("id")))
                source = doc.get("source")
                if source:
                    sources.add(str(source))
        return ids, sources

    def _keep_new(self, kind: _Kind, prepared: Sequence[tuple[Doc, str]]) -> list[Doc]:
        """Give each prepared doc its id, leaving out those already stored (inside the lock).

        `prepared` holds (validated doc, wanted id or ""). Stored files are read only when
        some doc brings an id or a source to look for.
        """
        ids: set[str] = set()
        sources: set[str] = set()
        if any(wanted or doc.get("source") for doc, wanted in prepared):
            ids, sources = self._stored_keys(kind)
        fresh: list[Doc] = []
        for doc, wanted in prepared:
            source = doc.get("source")
            if (source and source in sources) or (wanted and wanted in ids):
                continue  # this very record is here already
            if source:
                sources.add(source)
            rec_id = wanted or _new_id()
            while rec_id in ids:  # vanishingly rare for a fresh id; cheap to rule out
                rec_id = _new_id()
            ids.add(rec_id)
            fresh.append({**doc, "id": rec_id})
        return fresh

    @staticmethod
    def _with_wanted_id(doc: Doc, rec_id: object, rev: object) -> tuple[Doc, str]:
        """A validated doc and the id it asks to keep ("" for a new one), rev set to match."""
        wanted, _ = _wanted_id(rec_id)
        doc.update(id="", rev=_wanted_rev(rev) if wanted else 1)
        return doc, wanted

    def _add_kept(self, kind: _Kind, prepared: Sequence[tuple[Doc, str]]) -> list[Doc]:
        """Insert validated docs in one locked write a file, keeping ids not stored yet."""
        if not prepared:
            return []
        with self._lock():
            fresh = self._keep_new(kind, prepared)
            self._insert(kind, fresh)
        return fresh

    def checkins(self, since: date | None = None, until: date | None = None) -> list[CheckIn]:
        """Check-ins with local date in [since, until], oldest first. Reads only needed files."""
        items = self._read_range(_CHECKINS, since, until, _checkin_from_doc)
        items = [
            c
            for c in items
            if (since is None or c.at.date() >= since) and (until is None or c.at.date() <= until)
        ]
        items.sort(key=lambda c: c.at)
        return items

    def recent_checkins(self, limit: int) -> list[CheckIn]:
        """The newest `limit` check-ins, newest first, reading as few files as possible."""
        if limit <= 0:
            return []
        docs: list[Doc] = []
        collected: list[CheckIn] = []
        for name in reversed(self._month_files(_CHECKINS)):
            rel = Path(CHECKINS_DIR) / name
            docs.extend(self._docs(_CHECKINS, rel))
            unique = _dedupe(docs)
            collected = self._convert(rel, unique, _checkin_from_doc)
            if len(collected) >= limit:
                # Files are months in order; one more never holds a newer entry, except a
                # back-dated `at`, which lives in its own (older) month by design.
                break
        collected.sort(key=lambda c: c.at, reverse=True)
        return collected[:limit]

    def has_checkin_on(self, day: date) -> bool:
        """Fast: used by `due` at every login. Reads one month file, parses no dates."""
        rel = st.month_file(CHECKINS_DIR, day)
        return st.has_day(self._docs(_CHECKINS, rel), day)

    _CHECKIN_FIELDS = frozenset({"at", "mood", "feel", "emotions", "note", "tags"})

    def update_checkin(self, old: CheckIn, **changes: object) -> CheckIn:
        """Apply changes if the stored rev still equals old.rev, else StaleEditError."""
        unknown = set(changes) - self._CHECKIN_FIELDS
        if unknown:
            raise TypeError(f"update_checkin cannot change {sorted(unknown)}")
        merged: dict[str, Any] = {
            "mood": old.mood,
            "feel": old.feel,
            "emotions": old.emotions,
            "note": old.note,
            "tags": old.tags,
            "at": old.at,
        }
        merged.update(changes)
        at = merged["at"]
        if not isinstance(at, datetime):
            raise InputError("The time of the check-in needs to be a date and time.")
        new = self._checkin_fields(
            merged["mood"],
            merged["feel"],
            merged["emotions"],
            merged["note"],
            merged["tags"],
            at if "at" in changes else None,
        )
        if "at" not in changes:  # keep the original time (and zone) exactly
            new["at"], new["tz"] = old.at.isoformat(), old.tz
        old_rel = _CHECKINS.rel_for({"at": old.at.isoformat()})
        with self._lock():
            doc = self._replace(_CHECKINS, "entry", old.id, old.rev, old_rel, new)
        return _checkin_from_doc(doc)

    def delete_checkin(self, old: CheckIn) -> None:
        """Delete if unchanged since read, else StaleEditError."""
        old_rel = _CHECKINS.rel_for({"at": old.at.isoformat()})
        with self._lock():
            self._delete(_CHECKINS, "entry", old.id, old.rev, old_rel)

    def known_tags(self, recent_days: int | None = None) -> list[str]:
        """Tags used before, most used first (then by name).

        `recent_days` counts only check-ins of the last N days and reads only their month
        files, so offering tags costs the same with ten years of history as with one month.
        None looks at all history (a full read: for export-like uses, not for every screen).
        """
        since = None
        if recent_days is not None:
            since = self.clock.now().date() - timedelta(days=max(0, recent_days))
        counts: Counter[str] = Counter()
        for checkin in self.checkins(since=since):
            counts.update(set(checkin.tags))
        return [tag for tag, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    # --- practice sessions --------------------------------------------------------------------
    def _session_fields(
        self,
        kind: object,
        detail: object,
        started_at: datetime,
        planned_seconds: object,
        actual_seconds: object,
        completed: object,
        before: object,
        after: object,
        notes: object,
        rating: object,
    ) -> Doc:
        if kind not in SESSION_KINDS:
            raise InputError(f"A practice must be one of: {', '.join(SESSION_KINDS)}.")
        when = self._when(started_at, "practice")
        if planned_seconds is not None and (not _is_int(planned_seconds) or planned_seconds < 0):  # type: ignore[operator]
            raise InputError("The planned length needs to be a whole number of seconds.")
        if (
            not isinstance(actual_seconds, int | float)
            or isinstance(actual_seconds, bool)
            or actual_seconds < 0
        ):
            raise InputError("The practice length needs to be a number of seconds, 0 or more.")
        if isinstance(notes, str) or not isinstance(notes, Iterable):
            raise InputError("The practice notes need to be a list of texts.")
        return {
            "kind": kind,
            "detail": _clean_one_line(detail, "practice name"),
            "started_at": when.isoformat(),
            "tz": _zone_name(when),
            "planned_seconds": planned_seconds,
            "actual_seconds": float(actual_seconds),
            "completed": bool(completed),
            "before": _scale(before, "“How much can you feel” before"),
            "after": _scale(after, "“How much can you feel” after"),
            "notes": [n for n in (_clean_note(x) for x in notes) if n],
            "rating": _scale(rating, "The rating", 1, 5),
        }

    def add_session(
        self,
        kind: SessionKind,
        detail: str,
        *,
        started_at: datetime,
        planned_seconds: int | None,
        actual_seconds: float,
        completed: bool,
        before: int | None = None,
        after: int | None = None,
        notes: Sequence[str] = (),
        rating: int | None = None,
    ) -> Session:
        """Validate and durably save one practice session."""
        doc = self._session_fields(
            kind,
            detail,
            started_at,
            planned_seconds,
            actual_seconds,
            completed,
            before,
            after,
            notes,
            rating,
        )
        doc.update(id=_new_id(), rev=1)
        with self._lock():
            self._insert(_SESSIONS, [doc])
        return _session_from_doc(doc)

    def add_sessions(self, items: Iterable[Session]) -> list[Session]:
        """Save many practice sessions (import), all validated first. Returns those added.

        Each keeps its id and rev when the id is well-formed and not stored yet; a session whose
        id is stored already is left out; a missing or malformed id gets a new one.
        """
        prepared = [self._prep_session(s) for s in items]
        return [_session_from_doc(d) for d in self._add_kept(_SESSIONS, prepared)]

    def _prep_session(self, s: Session) -> tuple[Doc, str]:
        doc = self._session_fields(
            s.kind,
            s.detail,
            s.started_at,
            s.planned_seconds,
            s.actual_seconds,
            s.completed,
            s.before,
            s.after,
            s.notes,
            s.rating,
        )
        return self._with_wanted_id(doc, s.id, s.rev)

    def sessions(self, since: date | None = None, until: date | None = None) -> list[Session]:
        """Sessions whose local start date is in [since, until], oldest first."""
        items = self._read_range(_SESSIONS, since, until, _session_from_doc)
        items = [
            s
            for s in items
            if (since is None or s.started_at.date() >= since)
            and (until is None or s.started_at.date() <= until)
        ]
        items.sort(key=lambda s: s.started_at)
        return items

    _SESSION_FIELDS = frozenset(
        {
            "kind",
            "detail",
            "started_at",
            "planned_seconds",
            "actual_seconds",
            "completed",
            "before",
            "after",
            "notes",
            "rating",
        }
    )

    def update_session(self, old: Session, **changes: object) -> Session:
        """Apply changes if unchanged since read, else StaleEditError."""
        unknown = set(changes) - self._SESSION_FIELDS
        if unknown:
            raise TypeError(f"update_session cannot change {sorted(unknown)}")
        m: dict[str, Any] = {f: getattr(old, f) for f in self._SESSION_FIELDS}
        m.update(changes)
        new = self._session_fields(
            m["kind"],
            m["detail"],
            m["started_at"],
            m["planned_seconds"],
            m["actual_seconds"],
            m["completed"],
            m["before"],
            m["after"],
            m["notes"],
            m["rating"],
        )
        if "started_at" not in changes:
            new["started_at"] = old.started_at.isoformat()
            new.pop("tz")
        old_rel = _SESSIONS.rel_for({"started_at": old.started_at.isoformat()})
        with self._lock():
            doc = self._replace(_SESSIONS, "practice", old.id, old.rev, old_rel, new)
        return _session_from_doc(doc)

    # --- markers ------------------------------------------------------------------------------
    def _marker_fields(self, text: object, kind: object, at: datetime | None) -> Doc:
        cleaned = _clean_note(text, "marker")
        if not cleaned:
            raise InputError("A marker needs a few words, such as “changed medication”.")
        if kind not in MARKER_KINDS:
            raise InputError(f"A marker's kind must be one of: {', '.join(MARKER_KINDS)}.")
        when = self._when(at, "marker")
        return {"at": when.isoformat(), "tz": _zone_name(when), "text": cleaned, "kind": kind}

    def add_marker(
        self, text: str, kind: MarkerKind = "other", at: datetime | None = None
    ) -> Marker:
        """Save a dated note on the timeline."""
        doc = self._marker_fields(text, kind, at)
        doc.update(id=_new_id(), rev=1)
        with self._lock():
            self._insert(_MARKERS, [doc])
        return _marker_from_doc(doc)

    def add_markers(self, items: Iterable[Marker]) -> list[Marker]:
        """Save many markers (import), all validated first; ids kept as for `add_sessions`."""
        prepared = [self._prep_marker(m) for m in items]
        return [_marker_from_doc(d) for d in self._add_kept(_MARKERS, prepared)]

    def _prep_marker(self, m: Marker) -> tuple[Doc, str]:
        return self._with_wanted_id(self._marker_fields(m.text, m.kind, m.at), m.id, m.rev)

    def markers(self) -> list[Marker]:
        """All markers, oldest first."""
        rel = Path(_MARKERS.file)
        items = self._convert(rel, _dedupe(self._docs(_MARKERS, rel)), _marker_from_doc)
        items.sort(key=lambda m: m.at)
        return items

    def update_marker(self, old: Marker, **changes: object) -> Marker:
        """Apply changes (text, kind, at) if unchanged since read, else StaleEditError."""
        unknown = set(changes) - {"text", "kind", "at"}
        if unknown:
            raise TypeError(f"update_marker cannot change {sorted(unknown)}")
        m: dict[str, Any] = {"text": old.text, "kind": old.kind, "at": old.at, **changes}
        new = self._marker_fields(m["text"], m["kind"], m["at"])
        if "at" not in changes:
            new["at"] = old.at.isoformat()
            new.pop("tz")
        with self._lock():
            doc = self._replace(_MARKERS, "marker", old.id, old.rev, Path(_MARKERS.file), new)
        return _marker_from_doc(doc)

    def delete_marker(self, old: Marker) -> None:
        """Delete if unchanged since read, else StaleEditError."""
        with self._lock():
            self._delete(_MARKERS, "marker", old.id, old.rev, Path(_MARKERS.file))

    # --- plan ---------------------------------------------------------------------------------
    @staticmethod
    def _plan_fields(
        title: object, key: object, status: object, note: object, next_step: object
    ) -> Doc:
        cleaned = _clean_one_line(title, "plan item", 300)
        if not cleaned:
            raise InputError("A plan item needs a few words.")
        if status not in PLAN_STATUSES:
            raise InputError(f"A plan item's status must be one of: {', '.join(PLAN_STATUSES)}.")
        return {
            "title": cleaned,
            "key": _clean_one_line(key, "plan key"),
            "status": status,
            "note": _clean_note(note),
            "next_step": _clean_note(next_step, "next step"),
        }

    def plan_items(self) -> list[PlanItem]:
        """The person's plan items in their saved order."""
        rel = Path(_PLAN.file)
        return self._convert(rel, _dedupe(self._docs(_PLAN, rel)), _plan_from_doc)

    def add_plan_item(
        self,
        title: str,
        *,
        key: str = "",
        status: PlanStatus = "not_now",
        note: str = "",
        next_step: str = "",
    ) -> PlanItem:
        """Save a new plan item at the end of the plan."""
        doc = self._plan_fields(title, key, status, note, next_step)
        doc.update(id=_new_id(), rev=1)
        with self._lock():
            self._insert(_PLAN, [doc])
        return _plan_from_doc(doc)

    def add_plan_items(self, items: Iterable[PlanItem]) -> list[PlanItem]:
        """Save many plan items (import), all validated first; ids kept as for `add_sessions`."""
        prepared = [self._prep_plan(p) for p in items]
        return [_plan_from_doc(d) for d in self._add_kept(_PLAN, prepared)]

    def _prep_plan(self, p: PlanItem) -> tuple[Doc, str]:
        doc = self._plan_fields(p.title, p.key, p.status, p.note, p.next_step)
        return self._with_wanted_id(doc, p.id, p.rev)

    def update_plan_item(self, old: PlanItem, **changes: object) -> PlanItem:
        """Apply changes if unchanged since read, else StaleEditError."""
        names = {"title", "key", "status", "note", "next_step"}
        unknown = set(changes) - names
        if unknown:
            raise TypeError(f"update_plan_item cannot change {sorted(unknown)}")
        m: dict[str, Any] = {n: getattr(old, n) for n in names}
        m.update(changes)
        new = self._plan_fields(m["title"], m["key"], m["status"], m["note"], m["next_step"])
        with self._lock():
            doc = self._replace(_PLAN, "plan item", old.id, old.rev, Path(_PLAN.file), new)
        return _plan_from_doc(doc)

    def delete_plan_item(self, old: PlanItem) -> None:
        """Delete if unchanged since read, else StaleEditError."""
        with self._lock():
            self._delete(_PLAN, "plan item", old.id, old.rev, Path(_PLAN.file))

    # --- trusted contacts ---------------------------------------------------------------------
    @staticmethod
    def _contact_fields(name: object, phone: object, note: object) -> Doc:
        cleaned = _clean_one_line(name, "name")
        if not cleaned:
            raise InputError("A contact needs a name.")
        return {
            "name": cleaned,
            "phone": _clean_one_line(phone, "phone number", 60),
            "note": _clean_note(note),
        }

    def contacts(self) -> list[Contact]:
        """Trusted contacts in the order they were added."""
        rel = Path(_CONTACTS.file)
        return self._convert(rel, _dedupe(self._docs(_CONTACTS, rel)), _contact_from_doc)

    def add_contact(self, name: str, *, phone: str = "", note: str = "") -> Contact:
        """Save a trusted contact."""
        doc = self._contact_fields(name, phone, note)
        doc.update(id=_new_id(), rev=1)
        with self._lock():
            self._insert(_CONTACTS, [doc])
        return _contact_from_doc(doc)

    def add_contacts(self, items: Iterable[Contact]) -> list[Contact]:
        """Save many contacts (import), all validated first; ids kept as for `add_sessions`."""
        prepared = [self._prep_contact(c) for c in items]
        return [_contact_from_doc(d) for d in self._add_kept(_CONTACTS, prepared)]

    def _prep_contact(self, c: Contact) -> tuple[Doc, str]:
        doc = self._contact_fields(c.name, c.phone, c.note)
        return self._with_wanted_id(doc, c.id, c.rev)

    def update_contact(self, old: Contact, **changes: object) -> Contact:
        """Apply changes if unchanged since read, else StaleEditError."""
        unknown = set(changes) - {"name", "phone", "note"}
        if unknown:
            raise TypeError(f"update_contact cannot change {sorted(unknown)}")
        m: dict[str, Any] = {"name": old.name, "phone": old.phone, "note": old.note, **changes}
        new = self._contact_fields(m["name"], m["phone"], m["note"])
        with self._lock():
            doc = self._replace(_CONTACTS, "contact", old.id, old.rev, Path(_CONTACTS.file), new)
        return _contact_from_doc(doc)

    def delete_contact(self, old: Contact) -> None:
        """Delete if unchanged since read, else StaleEditError."""
        with self._lock():
            self._delete(_CONTACTS, "contact", old.id, old.rev, Path(_CONTACTS.file))

    # --- settings and drafts ------------------------------------------------------------------
    def _single(self, kind: _Kind) -> Doc | None:
        docs = self._docs(kind, Path(kind.file))
        return docs[0] if docs else None

    def settings(self) -> Settings:
        """Saved settings; defaults for anything missing or unreadable."""
        doc = self._single(_SETTINGS)
        return Settings() if doc is None else _settings_from_doc(doc)

    def save_settings(self, new: Settings) -> Settings:
        """Save if new.rev equals the stored rev (else StaleEditError); returns with rev+1."""
        from tinydb.table import Document

        with self._lock():
            db = self._db(Path(_SETTINGS.file))
            table = db.table(_SETTINGS.table)
            stored = table.get(doc_id=_SINGLE_DOC)
            stored_rev = 1 if stored is None else _rev(dict(stored))
            if new.rev != stored_rev:
                raise StaleEditError(
                    "Your settings were changed in another window, so this change was not "
                    "saved. Please look at them again."
                )
            saved = replace(new, rev=stored_rev + 1)
            doc = {**(dict(stored) if stored else {}), **_settings_to_doc(saved)}
            table.upsert(Document(doc, doc_id=_SINGLE_DOC))
        return saved

    def safety_plan(self) -> SafetyPlan:
        """The person's safety plan; an empty one when none is written or the file is unreadable."""
        from tui.core.safety_plan import SafetyPlan, plan_from_doc

        doc = self._single(_SAFETY_PLAN)
        return SafetyPlan() if doc is None else plan_from_doc(doc)

    def save_safety_plan(self, plan: SafetyPlan) -> SafetyPlan:
        """Save if plan.rev equals the stored rev (else StaleEditError); returns with rev+1.

        The same path as settings: locked, re-read inside the lock, atomic, backed up.
        """
        from tinydb.table import Document

        from tui.core.safety_plan import plan_to_doc

        with self._lock():
            db = self._db(Path(_SAFETY_PLAN.file))
            table = db.table(_SAFETY_PLAN.table)
            stored = table.get(doc_id=_SINGLE_DOC)
            stored_rev = 1 if stored is None else _rev(dict(stored))
            if plan.rev != stored_rev:
                raise StaleEditError(
                    "Your safety plan was changed in another window, so this change was not "
                    "saved. The newer version is shown now."
                )
            saved = replace(plan, rev=stored_rev + 1)
            table.upsert(Document(plan_to_doc(saved), doc_id=_SINGLE_DOC))
        return saved

    def draft(self) -> Draft | None:
        """The unfinished check-in, if one was kept."""
        doc = self._single(_DRAFT)
        if doc is None:
            return None
        found = self._convert(Path(_DRAFT.file), [doc], _draft_from_doc)
        return found[0] if found else None

    def save_draft(self, draft: Draft) -> None:
        """Keep an unfinished check-in (replacing any earlier draft). Text is cleaned."""
        from tinydb.table import Document

        doc: Doc = {
            "saved_at": self._when(draft.saved_at, "draft").isoformat(),
            "mood": draft.mood if draft.mood is None else _mood(draft.mood),
            "feel": _scale(draft.feel, "“How much can you feel”"),
            "emotions": _clean_words(draft.emotions, "emotions", lower=False),
            "note": _clean_note(draft.note),
            "tags": _clean_words(draft.tags, "tags", lower=True),
            "editing_id": _clean_one_line(draft.editing_id, "entry id"),
        }
        with self._lock():
            table = self._db(Path(_DRAFT.file)).table(_DRAFT.table)
            table.upsert(Document(doc, doc_id=_SINGLE_DOC))

    def clear_draft(self) -> None:
        """Forget the unfinished check-in."""
        if not (self.data_dir / _DRAFT.file).exists():
            return
        with self._lock():
            table = self._db(Path(_DRAFT.file)).table(_DRAFT.table)
            if len(table):
                table.truncate()

    # --- care ---------------------------------------------------------------------------------
    def _data_files(self) -> list[Path]:
        """Relative paths of every data file present."""
        rels = [
            Path(n)
            for n in _SINGLE_FILES
            if (self.data_dir / n).exists() or (self.data_dir / n).is_symlink()
        ]
        for kind in (_CHECKINS, _SESSIONS):
            rels += [Path(kind.folder) / n for n in self._month_files(kind)]
        return rels

    def _scan(self) -> None:
        """Check every file; quarantine bad ones; heal duplicate ids; remove stale temp files."""
        try:
            if self.read_only:
                self._check_files(in_lock=False)
                return
            with self._lock():
                st.remove_stale_temps(self.data_dir)
                doubles = self._check_files(in_lock=True)
                for kind in (_CHECKINS, _SESSIONS):
                    self._heal_duplicates(kind, doubles[kind.table])
        except (UnsafePathError, DataError) as exc:
            self._add_problem(Problem(self.data_dir, str(exc)))

    def _check_files(self, *, in_lock: bool) -> dict[str, dict[str, set[Path]]]:
        """Load every data file, one at a time (quarantining bad ones), and find double ids.

        Streams: only each record's id (and which file it was in) outlives its file, so
        checking ten years of history holds one month in memory, not all of them. Returns,
        for each month-partitioned table, the ids stored more than once and their files.
        """
        tables = {Path(k.folder): k.table for k in (_CHECKINS, _SESSIONS)}
        first: dict[str, dict[str, Path]] = {t: {} for t in tables.values()}
        doubles: dict[str, dict[str, set[Path]]] = {t: {} for t in tables.values()}
        for rel in self._data_files():
            try:
                loaded = self._load(rel, in_lock=in_lock)
            except UnsafePathError as exc:
                self._add_problem(Problem(self.data_dir / rel, str(exc)))
                continue
            table = tables.get(rel.parent)
            if loaded is None or loaded.newer or table is None:
                continue
            seen, twice = first[table], doubles[table]
            for doc in (loaded.tables.get(table) or {}).values():
                key = str(doc.get("id"))
                held = seen.get(key)
                if held is None:
                    seen[key] = rel
                else:
                    twice.setdefault(key, {held}).add(rel)
            del loaded  # this month's records go before the next month is read
        return doubles

    def _heal_duplicates(self, kind: _Kind, doubles: dict[str, set[Path]]) -> None:
        """Remove lower-rev copies of a record left in two month files by an interrupted move.

        Only the few files holding a double id are read again (inside the same lock).
        """
        if not doubles:
            return
        copies: dict[str, list[tuple[int, Path, int]]] = {}
        for rel in sorted({r for rels in doubles.values() for r in rels}):
            loaded = self._load(rel, in_lock=True)
            if loaded is None or loaded.newer:
                continue
            for key, doc in (loaded.tables.get(kind.table) or {}).items():
                rec_id = str(doc.get("id"))
                if rec_id in doubles:
                    copies.setdefault(rec_id, []).append((_rev(doc), rel, int(key)))
        doomed: dict[Path, list[int]] = {}
        for entries in copies.values():
            if len(entries) < 2:
                continue
            entries.sort(key=lambda e: e[0], reverse=True)
            for _, rel, doc_id in entries[1:]:
                doomed.setdefault(rel, []).append(doc_id)
        for rel, doc_ids in doomed.items():
            self._db(rel).table(kind.table).remove(doc_ids=doc_ids)

    def doctor(self) -> list[Problem]:
        """Check every file, permission and backup; problems found (empty list: all well).

        Loose permissions are tightened (and mentioned, not serious). Files kept in quarantine
        are mentioned as notes; a file quarantined by this check is serious.
        """
        if self._scanned:
            self._scan()  # look again: files may have changed since the first check
        found: list[Problem] = list(self.problems)
        if self.read_only:
            found.append(
                Problem(
                    self.data_dir,
                    f"Thaw can't write to {self.data_dir}: it is read-only, "
                    "so nothing new can be saved until that is fixed.",
                )
            )
        found += self._check_modes()
        # A file set aside at this open is told below with the other damaged files.
        found = [p for p in found if p.moved_to is None]
        now = self.clock.now()
        for damaged in self.damaged_files():
            found.append(self._damaged_problem(damaged, now))
        earlier = [c for c in st.kept_copies(self.data_dir) if c.resolved or not c.damaged]
        if earlier:
            n = len(earlier)
            found.append(
                Problem(
                    self.data_dir / st.QUARANTINE_DIR,
                    f"{n} earlier cop{'ies' if n != 1 else 'y'} of your files "
                    f"{'are' if n != 1 else 'is'} kept in quarantine/ (set aside, or replaced "
                    "by a restore). You may delete them once you no longer need them.",
                    serious=False,
                )
            )
        if not self.backups() and self._data_files():
            found.append(
                Problem(
                    self.data_dir / st.BACKUP_DIR,
                    "There is no backup yet; Thaw makes one each day you save something.",
                    serious=False,
                )
            )
        return found

    def _check_modes(self) -> list[Problem]:
        notes: list[Problem] = []
        if self.read_only or not self.data_dir.is_dir():
            return notes
        paths = [self.data_dir]
        for kind in (_CHECKINS, _SESSIONS):
            if (self.data_dir / kind.folder).is_dir():
                paths.append(self.data_dir / kind.folder)
        paths += [self.data_dir / rel for rel in self._data_files()]
        for path in paths:
            try:
                info = path.lstat()
            except OSError:
                continue
            if path.is_symlink():
                continue
            want = st.DIR_MODE if path.is_dir() else st.FILE_MODE
            if info.st_mode & 0o777 != want:
                try:
                    path.chmod(want)
                except OSError:
                    notes.append(
                        Problem(
                            path, f"{path} can be read by others and Thaw could not change that."
                        )
                    )
                    continue
                notes.append(
                    Problem(
                        path,
                        f"{self._rel(path)} could be read by other users; Thaw made it private.",
                        serious=False,
                    )
                )
        return notes

    def backups(self) -> list[date]:
        """Days with a rolling backup, newest first."""
        return st.list_backups(self.data_dir)

    def backup_of(self, rel: Path) -> date | None:
        """The newest day whose backup holds a readable copy of data file `rel`, if any."""
        for day in self.backups():
            try:
                if st.load_file(st.backup_path(self.data_dir, day, rel)) is not None:
                    return day
            except (BadFileError, DataError):
                continue
        return None

    # --- damaged files: find, put back, or keep as they are -----------------------------------
    def _backup_info(self, rel: Path, day: date) -> BackupInfo | None:
        """That day's backup of `rel` if it is there and readable by this version."""
        path = st.backup_path(self.data_dir, day, rel)
        try:
            loaded = st.load_file(path)
            mtime = path.stat().st_mtime
        except (BadFileError, DataError, OSError):
            return None
        if loaded is None or loaded.newer:
            return None
        now = self.clock.now()
        taken: datetime | None = datetime.fromtimestamp(mtime, now.tzinfo)
        label = _day_text(day, now)
        if taken is not None and taken.date() == day:
            label += f" {taken:%H:%M}"
        else:
            taken = None  # a copied folder: the write time says nothing about the backup
        return BackupInfo(rel, day, taken, _entry_count(loaded.tables), label)

    def _backup_before(self, copy: st.KeptCopy) -> BackupInfo | None:
        """The newest readable backup of the copy's file taken before it was set aside."""
        for day in self.backups():
            if st.backup_predates(self.data_dir, day, copy):
                info = self._backup_info(copy.rel, day)
                if info is not None:
                    return info
        return None

    def damaged_files(self) -> list[DamagedFile]:
        """Files set aside because they could not be read, not yet put back or kept as is.

        The first call checks every file (like `problems`), so a damaged one is found and
        set aside first. Oldest first. Each names the newest good backup taken before the
        damage, which `restore_file(d.rel, d.backup.day)` merges back.
        """
        self.problems  # noqa: B018 - the first read checks (and sets aside) every file
        tz = self.clock.now().tzinfo
        return [
            DamagedFile(
                rel=str(copy.rel),
                kept_at=copy.path,
                set_aside_at=copy.stamp.replace(tzinfo=tz),
                reason=_DAMAGE_SENTENCES.get(copy.reason, "Thaw could not read it."),
                backup=self._backup_before(copy),
            )
            for copy in st.damaged_copies(self.data_dir)
        ]

    def _damaged_problem(self, damaged: DamagedFile, now: datetime) -> Problem:
        when = damaged.set_aside_at
        text = (
            f"{damaged.rel} was set aside on {_day_text(when, now)} at {when:%H:%M}. "
            f"{damaged.reason} It is kept in quarantine/, and what it held is missing from "
            "Thaw until it is put back."
        )
        if damaged.backup is not None:
            text += (
                f" To put back {damaged.backup.described}, merged with anything saved since, "
                f"run: {damaged.restore_command}"
            )
        else:
            text += " There is no backup of it from before then to put back."
        return Problem(self.data_dir / damaged.rel, text, moved_to=damaged.kept_at)

    def _data_rel(self, rel: str | Path) -> Path:
        """A data file path given by a caller, checked to be one of Thaw's own files."""
        path = Path(rel)
        name = path.as_posix()
        month = len(path.parts) == 2 and path.parts[0] in (CHECKINS_DIR, SESSIONS_DIR)
        if name in _SINGLE_FILES or (month and _MONTH_FILE.match(path.name)):
            return path
        raise InputError(f"{rel} is not one of Thaw's data files.")

    def _read_backup(self, rel: Path, day: date) -> Loaded:
        """That day's backup of `rel`, parsed; DataError with a sentence when it can't be."""
        try:
            loaded = st.load_file(st.backup_path(self.data_dir, day, rel))
        except BadFileError as bad:
            raise DataError(
                f"The backup of {rel} from {day.isoformat()} cannot be read either "
                f"({bad.detail}); nothing was changed."
            ) from None
        if loaded is None:
            raise DataError(f"There is no backup of {rel} from {day.isoformat()}.")
        if loaded.newer:
            raise DataError(
                f"The backup of {rel} from {day.isoformat()} was saved by a newer version of "
                "Thaw; nothing was changed. Please update Thaw to put it back."
            )
        return loaded

    def restore_file(self, rel: str | Path, day: date) -> RestoreResult:
        """Put back one file from a day's backup, merged with what was saved since.

        Every record of the backup and every record of the current file is kept, one per
        id (the higher rev wins; on a tie the current one). The current file is copied into
        quarantine/ first and replaced atomically. Damaged copies of this file are marked
        settled (renamed `.resolved`, still kept). Raises DataError if the backup is missing
        or unreadable, ReadOnlyError if nothing can be written, InputError for a path that
        is not a Thaw data file.
        """
        path_rel = self._data_rel(rel)
        info = self._backup_info(path_rel, day)
        with self._lock():
            backup = self._read_backup(path_rel, day)
            if info is None:  # it was written (and so readable) after we looked
                info = self._backup_info(path_rel, day)
            if info is None:
                raise DataError(f"There is no backup of {path_rel} from {day.isoformat()}.")
            live = self._writable(path_rel)  # sets aside a damaged current file first
            current = None if live is None else live.tables
            merged, from_backup, since = _merge(backup.tables, current)
            target = self.data_dir / path_rel
            stamp = self.clock.now().strftime("%Y%m%dT%H%M%S")
            kept_at = None
            raw = st.read_bytes(target)
            if raw is not None:
                kept_at = st.keep_copy(self.data_dir, target, raw, "before-restore", stamp)
            st.atomic_write(target, st.dump_tables(merged))
            settled = tuple(
                st.mark_resolved(copy)
                for copy in st.damaged_copies(self.data_dir)
                if copy.rel == path_rel
            )
        self._problems = [p for p in self._problems if p.path != target]
        return RestoreResult(str(path_rel), info, from_backup, since, kept_at, settled)

    def restore_damaged(self, day: date) -> list[RestoreResult]:
        """Put back every damaged (unsettled) file whose backup from `day` predates its damage.

        Other files are left alone; each is merged as in `restore_file`.
        """
        wanted: list[Path] = []
        for copy in st.damaged_copies(self.data_dir):
            if (
                copy.rel not in wanted
                and st.backup_predates(self.data_dir, day, copy)
                and self._backup_info(copy.rel, day) is not None
            ):
                wanted.append(copy.rel)
        return [self.restore_file(rel, day) for rel in wanted]

    def restore_backup(self, day: date, *, only: Sequence[Path] = ()) -> list[RestoreResult]:
        """Put back every file of that day's backup (or those in `only`), each merged with
        what was saved since as in `restore_file`. Every backup file is checked first, so an
        unreadable one changes nothing at all."""
        base = self.data_dir / st.BACKUP_DIR / day.isoformat()
        if not base.is_dir():
            raise DataError(f"There is no backup from {day.isoformat()}.")
        wanted = {Path(p) for p in only}
        rels: list[Path] = []
        for found in sorted(base.rglob("*.json")):
            rel = found.relative_to(base)
            if found.is_file() and (not wanted or rel in wanted):
                try:
                    rels.append(self._data_rel(rel))
                except InputError:
                    continue  # not a data file of ours: leave it be
        for rel in rels:
            self._read_backup(rel, day)
        return [self.restore_file(rel, day) for rel in rels]

    def keep_as_is(self) -> list[DamagedFile]:
        """The person chose to leave the damaged files as they are: mark them settled.

        Nothing is restored or deleted; the damaged copies stay in quarantine/.
        Returns the files so marked.
        """
        damaged = self.damaged_files()
        if not damaged:
            return []
        with self._lock():
            for copy in st.damaged_copies(self.data_dir):
                st.mark_resolved(copy)
        marked = {self.data_dir / d.rel for d in damaged}
        self._problems = [p for p in self._problems if p.path not in marked]
        return damaged


def _doc_id(doc: Doc) -> str:
    value = doc.get("id")
    return value if isinstance(value, str) else ""


def _entry_count(tables: Tables) -> int:
    """Records in a file's tables (one per id): what a backup holds, in a person's terms."""
    return sum(
        len({_doc_id(doc) for doc in table.values()})
        for name, table in tables.items()
        if name != st.META_TABLE
    )


def _merge(backup: Tables, live: Tables | None) -> tuple[Tables, int, int]:
    """Backup and current tables merged by id (higher rev wins; a tie keeps the current).

    Returns the merged tables, how many records the backup held, and how many records of
    the current file the backup did not have.
    """
    live = live or {}
    names = [n for n in backup if n != st.META_TABLE]
    names += [n for n in live if n != st.META_TABLE and n not in backup]
    merged: Tables = {}
    from_backup = since = 0
    for name in names:
        best: dict[str, Doc] = {}
        for key in sorted(backup.get(name) or {}, key=_doc_sort):
            doc = backup[name][key]
            held = best.get(_doc_id(doc))
            if held is None or _rev(doc) > _rev(held):
                best[_doc_id(doc)] = doc
        in_backup = set(best)
        for key in sorted(live.get(name) or {}, key=_doc_sort):
            doc = live[name][key]
            held = best.get(_doc_id(doc))
            if held is None or _rev(doc) >= _rev(held):
                best[_doc_id(doc)] = doc
        from_backup += len(in_backup)
        since += len(set(best) - in_backup)
        merged[name] = {str(i): doc for i, doc in enumerate(best.values(), start=1)}
    meta = live.get(st.META_TABLE) or backup.get(st.META_TABLE)
    if meta:
        merged[st.META_TABLE] = meta
    return merged, from_backup, since


def _doc_sort(key: str) -> int:
    return int(key) if key.isdigit() else 0
