"""Reading the times people type ("yesterday 21:00", "2h ago") into aware datetimes."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from tui.core.errors import InputError

ACCEPTED_FORMS = (
    '"2026-11-20 08:30", "2026-11-20", "08:30" (today), "yesterday 21:00", "yesterday", '
    '"2h ago" (or "-2h"), "3 days ago"'
)

# A date given without a time lands at midday: the middle of the day is the least wrong guess.
DATE_ONLY_TIME = time(12, 0)

_TIME = r"(?P<h>\d{1,2})(?::(?P<m>\d{2}))?(?::(?P<s>\d{2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)?"
_TIME_RE = re.compile(rf"^{_TIME}$", re.IGNORECASE)
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


def _unreadable(text: str) -> InputError:
    return InputError(f'I couldn\'t read "{text}" as a time. These forms work: {ACCEPTED_FORMS}.')


def localize(naive: datetime, reference: tzinfo | None) -> datetime:
    """Attach the local zone to a wall-clock time, with the offset right for that date.

    A named zone (ZoneInfo) knows its own summer time; a fixed offset, as the system clock gives,
    does not, so then the system's rules for that date are used instead.
    """
    if reference is not None and hasattr(reference, "key"):  # ZoneInfo
        return naive.replace(tzinfo=reference)
    return naive.astimezone()


def parse_clock_time(text: str) -> time | None:
    """ "08:30", "8:30 pm", "21:00", "9pm" -> time, or None when it is not a time of day."""
    match = _TIME_RE.match(text.strip())
    if not match:
        return None
    hour = int(match["h"])
    minute = int(match["m"] or 0)
    second = int(match["s"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "")
    if not match["m"] and not ampm:
        return None  # a bare number such as "8" is too ambiguous to guess at
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


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
            midday = localize(datetime.combine(day, DATE_ONLY_TIME), now.tzinfo)
            # Today's midday may still be ahead: then today's date means "today, now".
            return now if day == today and midday > now else midday
        clock = parse_clock_time(rest)
        if clock is None:
            return None
        return localize(datetime.combine(day, clock), now.tzinfo)
    clock = parse_clock_time(lowered)
    if clock is not None:
        return localize(datetime.combine(today, clock), now.tzinfo)
    return None


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


def parse_when(text: str, now: datetime) -> datetime:
    """Read `text` as a moment at or before `now` (aware). InputError with the accepted forms."""
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
        raise _unreadable(cleaned)
    if result > now:
        shown = result.strftime("%Y-%m-%d %H:%M")
        raise InputError(
            f"{shown} is still to come. A check-in can be for now or any time before; "
            f"these forms work: {ACCEPTED_FORMS}."
        )
    if result.year < 1970:
        raise InputError(f"{result.year} is further back than Thaw can keep. Try a later date.")
    return result
