"""Reading the times people type ("yesterday 21:00", "2h ago", "last monday") into datetimes.

The day phrases ("monday", "Nov 30 9pm") are read by `tui.core.when_phrases`; this module
adds the zone, the relative amounts of elapsed time and the rule that a moment is never ahead.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from tui.core.errors import InputError
from tui.core.when_phrases import parse_clock_time, parse_phrase

__all__ = ["ACCEPTED_FORMS", "DATE_ONLY_TIME", "localize", "parse_clock_time", "parse_when"]

ACCEPTED_FORMS = (
    '"2026-11-20 08:30", "2026-11-20", "08:30" (today), "noon", "yesterday 21:00", '
    '"yesterday at 9pm", "monday", "last monday 8am", "Nov 30", "2h ago" (or "-2h"), '
    '"3 days ago", "3 days ago 9pm"'
)

# A date given without a time lands at midday: the middle of the day is the least wrong guess.
DATE_ONLY_TIME = time(12, 0)

_DATE_RE = re.compile(r"^(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})$")
_RELATIVE_RE = re.compile(
    r"^(?:-\s*(?P<n1>\d+(?:\.\d+)?)\s*(?P<u1>[a-z]+)"
    r"|(?P<n2>\d+(?:\.\d+)?)\s*(?P<u2>[a-z]+)\s+ago)$",
    re.IGNORECASE,
)
_UNITS: dict[str, timedelta] = {}
for _names, _delta in (
    (("m", "min", "mins", "minute", "minutes"), timedelta(minutes=1)),
    (("h", "hr", "hrs", "hour", "hours"), timedelta(hours=1)),
    (("d", "day", "days"), timedelta(days=1)),
    (("w", "wk", "wks", "week", "weeks"), timedelta(weeks=1)),
):
    for _name in _names:
        _UNITS[_name] = _delta


# Words that point ahead ("tomorrow 8am", "next friday", "in 2 hours", "+2h"): Thaw never reads
# these as a time, because a check-in is for now or before; saying so beats "couldn't read".
_AHEAD_RE = re.compile(
    r"^(?:tomorrow\b|next\s|in\s+(?:an?\s|\d)|\+\s*\d)|\bfrom\s+now$", re.IGNORECASE
)


def _unreadable(text: str, what: str = "check-in") -> InputError:
    if _AHEAD_RE.search(text):
        return InputError(
            f'"{text}" is still to come. A {what} can be for now or any time before; '
            f"these forms work: {ACCEPTED_FORMS}."
        )
    return InputError(f'I couldn\'t read "{text}" as a time. These forms work: {ACCEPTED_FORMS}.')


def localize(naive: datetime, reference: tzinfo | None) -> datetime:
    """Attach the local zone to a wall-clock time, with the offset right for that date.

    A named zone (ZoneInfo) knows its own summer time; a fixed offset, as the system clock gives,
    does not, so then the system's rules for that date are used instead. Either way a time the
    clock skipped (01:30 on the spring change) is read with the offset in force just before
    the change, as a named zone reads it: `--at` (the system clock) and an import (the named
    zone) then give the same moment.
    """
    if reference is not None and hasattr(reference, "key"):  # ZoneInfo
        return naive.replace(tzinfo=reference)
    aware = naive.astimezone()
    if aware.replace(tzinfo=None) != naive:
        # Skipped: Python moved the wall time back by the gap, to a moment before the change,
        # so the offset it carries is the one in force before the change.
        offset = aware.utcoffset()
        if offset is not None:
            return naive.replace(tzinfo=timezone(offset))
    return aware


def _parse_date(text: str) -> date | None:
    match = _DATE_RE.match(text)
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["mo"]), int(match["d"]))
    except ValueError:
        return None


def _parse_absolute(text: str, now: datetime) -> datetime | None:
    lowered = text.lower()
    if lowered in ("now", "today"):
        return now
    today = now.date()
    day_words = {"today": today, "yesterday": today - timedelta(days=1)}
    first, _, rest = lowered.partition(" ")
    rest = rest.strip()
    day = day_words[first] if first in day_words else _parse_date(first)
    if day is not None:
        if not rest:
            return _on_day(day, now)
        clock = parse_clock_time(rest)
        if clock is not None:
            return localize(datetime.combine(day, clock), now.tzinfo)
    phrase = parse_phrase(lowered, today)
    if phrase is None:
        return None
    if phrase.clock is None:
        return _on_day(phrase.day, now)
    return localize(datetime.combine(phrase.day, phrase.clock), now.tzinfo)


def _on_day(day: date, now: datetime) -> datetime:
    """A day given without a time: its midday, or now when that is today and midday is ahead."""
    midday = localize(datetime.combine(day, DATE_ONLY_TIME), now.tzinfo)
    return now if day == now.date() and midday > now else midday


def _parse_relative(text: str, now: datetime) -> datetime | None:
    match = _RELATIVE_RE.match(text)
    if not match:
        return None
    amount = float(match["n1"] or match["n2"])
    unit = _UNITS.get((match["u1"] or match["u2"]).lower())
    if unit is None:
        return None
    # Counted in real elapsed time (through UTC), so "2h ago" stays 2 hours across a clock change.
    return (now.astimezone(UTC) - unit * amount).astimezone(now.tzinfo)


def _parse_iso(text: str, now: datetime) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return localize(parsed, now.tzinfo)
    return parsed


def parse_when(text: str, now: datetime, what: str = "check-in") -> datetime:
    """Read `text` as a moment at or before `now` (aware). InputError with the accepted forms;
    `what` names the record in the sentence ("A marker can be for now or any time before")."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise _unreadable(text)
    try:
        result = (
            _parse_relative(cleaned, now)
            or _parse_absolute(cleaned, now)
            or _parse_iso(cleaned, now)
        )
    except (OverflowError, ValueError):
        # Year 1 in a zone ahead of UTC, "99999999999 days ago": past the calendar's edge.
        raise InputError(
            "That date is outside what Thaw can keep: it holds check-ins from 1970 up to now. "
            f"These forms work: {ACCEPTED_FORMS}."
        ) from None
    if result is None:
        raise _unreadable(cleaned, what)
    if result > now:
        shown = result.strftime("%Y-%m-%d %H:%M")
        raise InputError(
            f"{shown} is still to come. A {what} can be for now or any time before; "
            f"these forms work: {ACCEPTED_FORMS}."
        )
    if result.year < 1970:
        raise InputError(f"{result.year} is further back than Thaw can keep. Try a later date.")
    return result
