"""The one interface every outside format sits behind: read a file's bytes -> what it holds.

A reader never touches the store. It returns a `FileRead`: the records it could read, the
records it could not (each with where it is and why), and the mood labels it needs placed on
1-10. Planning against the store and writing happen once, in `plan.py`, for every format.
"""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from typing import TYPE_CHECKING

from tui.core.errors import InputError
from tui.core.text import clean_text

if TYPE_CHECKING:
    from tui.core.records.models import Contact, Marker, NewCheckIn, PlanItem, Session, Settings


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What a reader needs besides the bytes: the local zone for wall-clock times, and the
    person's own placing of mood labels on 1-10 (lower-cased label -> number)."""

    reference: tzinfo | None = None
    mood_map: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rejected:
    """One record a file holds that Thaw cannot take, said so a person can find and fix it."""

    where: str  # "Line 12", "Day 2024-01-05", "Check-in 3"
    reason: str  # a sentence fragment: "the time "teatime" isn't one Thaw can read"


@dataclass(slots=True)
class FileRead:
    """Everything one file holds, as records Thaw can import, plus what it could not read.

    `unknown_moods` counts the rows of each mood label nobody has placed yet; those rows are in
    neither `checkins` nor `rejected` until the labels are mapped and the file is read again.
    """

    what: str  # "a Daylio CSV export", for sentences
    checkins: list[NewCheckIn] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    plan: list[PlanItem] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    settings: Settings | None = None
    rejected: list[Rejected] = field(default_factory=list)
    unknown_moods: dict[str, int] = field(default_factory=dict)
    moods_mapped: bool = False  # True when this format has mood labels a person may place
    places: list[str] = field(default_factory=list)  # where each check-in is ("Line 12"), if known


#: A format's reader: the file's bytes and the options -> what the file holds. InputError
#: (one sentence) when the file as a whole cannot be read as that format.
ReadFunction = Callable[[bytes, ReadOptions], FileRead]


def decode_text(data: bytes, what: str) -> str:
    """UTF-8 text (a BOM dropped), or InputError saying the file isn't text."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"This file isn't UTF-8 text, so it can't be {what}.") from None


def csv_rows(text: str) -> list[list[str]]:
    """Every row of a CSV text (BOM, CRLF and quoted new lines handled by the csv module)."""
    try:
        return list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    except csv.Error as err:
        raise InputError(f"This CSV file can't be read: {err}.") from None


_BREAKS = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6])\s*/?\s*>", re.IGNORECASE)
_ITEM = re.compile(r"<\s*li(?:\s[^<>]*)?>", re.IGNORECASE)
# Only things shaped like tags go: "<3" and "a < b" in a note are words, not markup.
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_SPACES_AT_LINE_END = re.compile(r"[ \t]+\n")


def plain_text(text: str) -> str:
    """A note as an app stored it (HTML line breaks, tags, entities) -> plain text to keep."""
    if not text:
        return ""
    if "<" in text:
        text = _BREAKS.sub("\n", text)
        text = _ITEM.sub("• ", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("\xa0", " ")
    text = _SPACES_AT_LINE_END.sub("\n", clean_text(text))
    return text.strip()


def join_note(*parts: str) -> str:
    """Title and body (and anything else worth keeping) as one note, blank parts left out."""
    return "\n".join(p for p in (plain_text(part) for part in parts) if p)


def fold(word: str) -> str:
    """Lower case without accents or trailing dots: "Września." -> "wrzesnia" (for matching)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip(". ")


def mood_label(text: str) -> str:
    """How a mood label is matched: spaces collapsed, any case ("Sad " == "sad")."""
    return " ".join(text.split()).casefold()
