"""The day-and-time phrases people type, the ones jrnl reads: "last monday", "Nov 30 9pm".

A small grammar of our own rather than a date library: the phrases are few and fixed, a
library would cost every `--at` an import of thousands of lines (and its own idea of
"monday", which for a journal must mean the one just past, never the next), and this way the
answer for each phrase is ours, in a table test. It works on wall-clock dates and times only;
`tui.core.when` attaches the zone, so a day across a clock change keeps its typed time.

Grammar (any case, spaces collapsed, "at" optional before a time, the time may come first):

    DAY [at TIME]  |  TIME [DAY]  |  N days|weeks ago [at] TIME
    DAY  := today | yesterday | [last|this] WEEKDAY | MONTH D [[,] YYYY] | D MONTH [YYYY]
    TIME := 9pm | 9:30 pm | 21:00 | noon | midday | midnight
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

_TIME = r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))?(?::(?P<s>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?"
_TIME_RE = re.compile(rf"^{_TIME}$", re.IGNORECASE)
_NAMED_TIMES = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY: dict[str, int] = {}
for _i, _name in enumerate(WEEKDAYS):
    for _form in (_name, _name[:3], _name[:3] + "."):
        _WEEKDAY[_form] = _i
_WEEKDAY.update({"tues": 1, "wed": 2, "thur": 3, "thurs": 3})

MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH: dict[str, int] = {}
for _i, _name in enumerate(MONTHS, start=1):
    for _form in (_name, _name[:3], _name[:3] + "."):
        _MONTH[_form] = _i
_MONTH["sept"] = 9

_AGO_RE = re.compile(r"^(?P<n>\d+)\s*(?P<unit>d|days?|w|wks?|weeks?)\s+ago$")
_DAY_OF_MONTH_RE = re.compile(r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?$")
_YEAR_RE = re.compile(r"^\d{4}$")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A wall-clock reading: the day meant, and the time of day when one was given."""

    day: date
    clock: time | None


def parse_clock_time(text: str) -> time | None:
    """ "08:30", "8:30 pm", "21:00", "9pm", "noon" -> time, or None when it is not a time of day."""
    stripped = text.strip().lower()
    if stripped in _NAMED_TIMES:
        return _NAMED_TIMES[stripped]
    match = _TIME_RE.match(stripped)
    if not match:
        return None
    hour = int(match["h"])
    minute = int(match["m"] or 0)
    second = int(match["s"] or 0)
    ampm = (match["ampm"] or "").replace(".", "")
    if not match["m"] and not ampm:
        return None  # a bare number such as "8" is too ambiguous to guess at
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def _weekday(words: list[str], today: date) -> date | None:
    """ "monday" is the latest Monday, today included; "last monday" the one before today."""
    if len(words) == 2 and words[0] in ("last", "this", "past"):
        strict = words[0] == "last"
        name = words[1]
    elif len(words) == 1:
        strict = False
        name = words[0]
    else:
        return None
    if name not in _WEEKDAY:
        return None
    back = (today.weekday() - _WEEKDAY[name]) % 7
    if back == 0 and strict:
        back = 7
    return today - timedelta(days=back)


def _month_day(words: list[str], today: date) -> date | None:
    """ "nov 30", "30 november", "nov 30, 2025", "30 nov 2025"; no year: the latest one past."""
    words = [w.rstrip(",") for w in words]
    year: int | None = None
    if len(words) == 3 and _YEAR_RE.match(words[2]):
        year = int(words[2])
        words = words[:2]
    if len(words) != 2:
        return None
    first, second = words
    if first in _MONTH and _DAY_OF_MONTH_RE.match(second):
        month, day_text = _MONTH[first], second
    elif second in _MONTH and _DAY_OF_MONTH_RE.match(first):
        month, day_text = _MONTH[second], first
    else:
        return None
    day_number = int(re.sub(r"\D", "", day_text))
    try:
        if year is not None:
            return date(year, month, day_number)
        found = date(today.year, month, day_number)
        if found > today:
            found = date(today.year - 1, month, day_number)
    except ValueError:
        return None  # 31 Nov, or 29 Feb in a year without one
    return found


def _day(words: list[str], today: date) -> date | None:
    if words == ["today"]:
        return today
    if words == ["yesterday"]:
        return today - timedelta(days=1)
    match = _AGO_RE.match(" ".join(words))
    if match:
        per = 7 if match["unit"].startswith("w") else 1
        return today - timedelta(days=int(match["n"]) * per)
    return _weekday(words, today) or _month_day(words, today)


def _split_time(words: list[str]) -> tuple[list[str], time | None] | None:
    """The words of the day and the time of day, with the time at either end (or absent)."""
    for size in (2, 1):  # "9 pm" is two words
        if len(words) > size:
            clock = parse_clock_time(" ".join(words[-size:]))
            if clock is not None:
                rest = words[:-size]
                if rest and rest[-1] == "at":
                    rest = rest[:-1]
                return rest, clock
            clock = parse_clock_time(" ".join(words[:size]))
            if clock is not None:
                return words[size:], clock
    return None


def parse_phrase(text: str, today: date) -> Phrase | None:
    """Read a day phrase with an optional time, or None when `text` is none of the grammar.

    Only a relative amount of days or weeks *with* a time ("3 days ago 9pm") is read here:
    "3 days ago" alone counts elapsed time, which `tui.core.when` does.
    """
    words = text.lower().split()
    if not words:
        return None
    clock = parse_clock_time(" ".join(words[1:] if words[0] == "at" else words))
    if clock is not None:
        return Phrase(today, clock)
    split = _split_time(words)
    if split is not None:
        rest, clock = split
        day = _day(rest, today) if rest else today
        return None if day is None else Phrase(day, clock)
    if _AGO_RE.match(" ".join(words)):
        return None
    day = _day(words, today)
    return None if day is None else Phrase(day, None)


def calendar_date(text: str) -> date | None:
    """A date written out with its year, for dates in imported files: "2025-11-30",
    "30 Nov 2025", "November 30, 2025". Relative words ("yesterday", "monday") are refused
    here: in a file they would mean the day of the import, not the day written."""
    cleaned = " ".join(text.lower().split())
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    words = cleaned.split()
    if len(words) != 3 or not _YEAR_RE.match(words[2]):
        return None
    return _month_day(words, date.max)
