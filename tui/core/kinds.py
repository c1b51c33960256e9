"""What each record kind is, described once: a `KindSpec` (file layout, codec, editable
fields, the word for it) for check-ins, practices, markers, plan items and contacts, and the
sentences said when an edit of one is refused."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar

from tui.core.errors import StaleEditError
from tui.core.records import codec
from tui.core.storage import layout as lay
from tui.core.storage.schema import Doc

STALE = (
    "This {what} was changed in another window since you opened it, so your change was not "
    "saved. Please look at it again and redo the change if you still want it."
)
GONE = "This {what} was deleted in another window, so your change was not saved."
STALE_FIELD = (
    "The {field} of this {what} was changed in another window since you opened it, so your "
    "change was not saved. Please look at it again and redo the change if you still want it."
)
#: What a field is called in STALE_FIELD (a name not here is said with its underscores as spaces).
FIELD_WORDS = {
    "feel": "how-much-you-can-feel answer",
    "emotions": "feelings",
    "at": "time",
    "started_at": "start time",
    "next_step": "next step",
    "phone": "phone number",
    "text": "words",
    "planned_seconds": "planned length",
    "actual_seconds": "length",
}


def stale_field(what: str, clash: Iterable[str]) -> StaleEditError:
    """The refusal naming the first field both windows changed."""
    field = sorted(clash)[0]
    return StaleEditError(
        STALE_FIELD.format(field=FIELD_WORDS.get(field, field.replace("_", " ")), what=what)
    )


class Record(Protocol):
    """What every stored record has: an id and a revision."""

    @property
    def id(self) -> str: ...

    @property
    def rev(self) -> int: ...


R = TypeVar("R", bound=Record)
Prepared = tuple[Doc, str]  # (checked document, id it asks to keep or "")


class KindSpec(Generic[R]):
    """How one record kind is stored: layout, codec, editable fields, the word for it."""

    __slots__ = (
        "decode",
        "encode",
        "fields",
        "has_source",
        "layout",
        "name",
        "time_key",
        "what",
        "when_what",
    )

    def __init__(
        self,
        name: str,
        layout: lay.Layout,
        what: str,
        fields: tuple[str, ...],
        encode: Callable[[Mapping[str, Any], datetime], Doc],
        decode: Callable[[Doc], R],
        time_key: str = "",
        when_what: str = "",
        has_source: bool = False,
    ) -> None:
        self.name = name  # "checkin": used in `update_checkin cannot change ...`
        self.layout = layout
        self.what = what  # "entry": "This entry was changed in another window..."
        self.fields = fields
        self.encode = encode
        self.decode = decode
        self.time_key = time_key  # the record's time, kept as stored when an edit leaves it
        self.when_what = when_what  # "check-in": "The time of the check-in needs to be..."
        self.has_source = has_source  # imported records remember where they came from


CHECKIN_FIELDS = ("mood", "feel", "emotions", "note", "tags", "at")
SESSION_FIELDS = (
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
)
CHECKINS = KindSpec(
    "checkin",
    lay.CHECKINS,
    "entry",
    CHECKIN_FIELDS,
    codec.encode_checkin,
    codec.decode_checkin,
    "at",
    "check-in",
    has_source=True,
)
SESSIONS = KindSpec(
    "session",
    lay.SESSIONS,
    "practice",
    SESSION_FIELDS,
    codec.encode_session,
    codec.decode_session,
    "started_at",
    "practice",
)
MARKERS = KindSpec(
    "marker",
    lay.MARKERS,
    "marker",
    ("text", "kind", "at"),
    codec.encode_marker,
    codec.decode_marker,
    "at",
    "marker",
)
PLAN = KindSpec(
    "plan_item",
    lay.PLAN,
    "plan item",
    ("title", "key", "status", "note", "next_step"),
    codec.encode_plan,
    codec.decode_plan,
)
CONTACTS = KindSpec(
    "contact",
    lay.CONTACTS,
    "contact",
    ("name", "phone", "note"),
    codec.encode_contact,
    codec.decode_contact,
)
