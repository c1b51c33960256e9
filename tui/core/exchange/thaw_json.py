"""Thaw's own JSON export: everything it keeps, read back to the very same records.

A bare JSON list of check-ins (what `list --json` prints) is read too. Records that are whole
but break a rule (a mood of 11, a plan title longer than Thaw keeps) are named in `rejected`
by `plan.py`; a record whose fields are the wrong shape is named here, and the rest are read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from tui.core.errors import InputError
from tui.core.exchange.base import FileRead, ReadOptions, Rejected, decode_text
from tui.core.exchange.codec import (
    Bundle,
    checkin_as_new,
    checkin_from_dict,
    checkin_to_dict,
    contact_from_dict,
    contact_to_dict,
    marker_from_dict,
    marker_to_dict,
    plan_item_from_dict,
    plan_item_to_dict,
    session_from_dict,
    session_to_dict,
    settings_from_dict,
    settings_to_dict,
)

if TYPE_CHECKING:
    from tui.core.records.models import CheckIn, Contact, Marker, PlanItem, Session, Settings

WHAT = "this Thaw export"
FORMAT_NAME = "thaw-export"
FORMAT_VERSION = 1

T = TypeVar("T")
# One line a record and non-ASCII kept as it is: with no indent json uses its C encoder.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _records(
    name: str, groups: Iterable[Iterable[T]], to_dict: Callable[[T], dict[str, Any]]
) -> Iterator[str]:
    """`"name": [...]`, a piece a group (a month), one record a line."""
    encode = _COMPACT.encode
    first = True
    yield f'  "{name}": ['
    for group in groups:
        lines = [encode(to_dict(item)) for item in group]
        if lines:
            yield ("\n    " if first else ",\n    ") + ",\n    ".join(lines)
            first = False
    yield "]" if first else "\n  ]"


def thaw_json_pieces(
    exported_at: datetime,
    checkins: Iterable[Iterable[CheckIn]],
    sessions: Iterable[Iterable[Session]],
    markers: Iterable[Marker],
    plan: Iterable[PlanItem],
    contacts: Iterable[Contact],
    settings: Settings | None,
) -> Iterator[str]:
    """The export as pieces of text, made as they are asked for.

    Check-ins and sessions come in groups (a month each), and each group is turned into text
    only when its piece is asked for, so nothing holds the whole document. Each record is one
    compact line from the C encoder (`indent` would use Python's own, several times slower);
    joined, the pieces are one JSON document that `parse_thaw_json` reads back.
    """
    encode = _COMPACT.encode
    yield (
        f'{{\n  "format": {encode(FORMAT_NAME)},\n  "version": {FORMAT_VERSION},\n'
        f'  "exported_at": {encode(exported_at.isoformat())},\n'
    )
    yield from _records("checkins", checkins, checkin_to_dict)
    yield ",\n"
    yield from _records("sessions", sessions, session_to_dict)
    yield ",\n"
    yield from _records("markers", (markers,), marker_to_dict)
    yield ",\n"
    yield from _records("plan", (plan,), plan_item_to_dict)
    yield ",\n"
    yield from _records("contacts", (contacts,), contact_to_dict)
    settings_data = settings_to_dict(settings) if settings else None
    yield f',\n  "settings": {encode(settings_data)}\n}}\n'


def bundle_to_json(bundle: Bundle, exported_at: datetime) -> str:
    """Everything, as JSON that `parse_thaw_json` reads back to the same records."""
    return "".join(
        thaw_json_pieces(
            exported_at,
            (bundle.checkins,),
            (bundle.sessions,),
            bundle.markers,
            bundle.plan,
            bundle.contacts,
            bundle.settings,
        )
    )


def load_document(text: str) -> dict[str, Any]:
    """The export's top-level object (a bare list becomes one), or InputError with a sentence."""
    try:
        document = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as err:
        raise InputError(
            f"This isn't readable JSON (line {err.lineno}, column {err.colno}): {err.msg}."
        ) from None
    except RecursionError:
        raise InputError("This JSON is nested too deeply to be a Thaw export.") from None
    if isinstance(document, list):
        document = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "checkins": document}
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise InputError('This JSON file isn\'t a Thaw export (it has no "format": "thaw-export").')
    version = document.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise InputError(
            f"This export comes from a newer Thaw (format version {version}). "
            "Update Thaw, then import it again."
        )
    return document


def _items(document: dict[str, Any], key: str) -> list[object]:
    value = document.get(key) or []
    if not isinstance(value, list):
        raise InputError(f'"{key}" in this export should be a list.')
    return value


def _each(
    document: dict[str, Any],
    key: str,
    noun: str,
    conv: Callable[[object, str], T],
    rejected: list[Rejected] | None,
) -> list[T]:
    """Every record of one kind; a malformed one is rejected (or raised, when `rejected` is
    None, as the strict `parse_thaw_json` does)."""
    out: list[T] = []
    for number, data in enumerate(_items(document, key), start=1):
        where = f"{noun} {number}"
        try:
            out.append(conv(data, where))
        except InputError as err:
            if rejected is None:
                raise
            reason = str(err).removeprefix(f"{where}: ").rstrip(".")
            rejected.append(Rejected(where[0].upper() + where[1:], reason))
    return out


def parse_thaw_json(text: str, rejected: list[Rejected] | None = None) -> Bundle:
    """Read a Thaw JSON export to its records. Without `rejected`, the first bad record raises."""
    document = load_document(text)
    settings_data = document.get("settings")
    return Bundle(
        checkins=tuple(_each(document, "checkins", "check-in", checkin_from_dict, rejected)),
        sessions=tuple(_each(document, "sessions", "session", session_from_dict, rejected)),
        markers=tuple(_each(document, "markers", "marker", marker_from_dict, rejected)),
        plan=tuple(_each(document, "plan", "plan item", plan_item_from_dict, rejected)),
        contacts=tuple(_each(document, "contacts", "contact", contact_from_dict, rejected)),
        settings=settings_from_dict(settings_data, "settings")
        if settings_data is not None
        else None,
    )


def bundle_as_read(bundle: Bundle, what: str, rejected: list[Rejected]) -> FileRead:
    """A Thaw bundle as an import: check-ins keep their ids, revisions, zones and sources."""
    return FileRead(
        what=what,
        checkins=[checkin_as_new(c) for c in bundle.checkins],
        sessions=list(bundle.sessions),
        markers=list(bundle.markers),
        plan=list(bundle.plan),
        contacts=list(bundle.contacts),
        settings=bundle.settings,
        rejected=rejected,
    )


def read(data: bytes, options: ReadOptions) -> FileRead:
    """Everything in a Thaw export; malformed records named in `rejected`, the rest read."""
    rejected: list[Rejected] = []
    bundle = parse_thaw_json(decode_text(data, "a Thaw export"), rejected)
    return bundle_as_read(bundle, WHAT, rejected)
