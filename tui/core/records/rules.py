"""The one place Thaw's limits and cleaning live; each check returns the value or says why not.

The CLI, the screens, importers and the store all ask these, so a limit is the same whatever
way a record arrives. Every failure is an InputError carrying the sentence a person sees.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from tui.core.errors import InputError
from tui.core.text import clean_line, clean_text

MOOD_MIN, MOOD_MAX = 1, 10
FEEL_MIN, FEEL_MAX = 0, 10
RATING_MIN, RATING_MAX = 1, 5
NOTE_MAX_CHARS = 10_000
LINE_MAX_CHARS = 200  # names, practice names, keys
WORD_MAX_CHARS = 60  # a tag, an emotion id, a phone number
PLAN_TITLE_MAX_CHARS = 300
SOURCE_MAX_CHARS = 500  # where an imported record came from
#: A record may be dated this far ahead of the clock (two devices rarely agree exactly).
FUTURE_SKEW = timedelta(minutes=5)

_SURROGATES = re.compile("[\ud800-\udfff]")

# --- the sentences a person sees -------------------------------------------------------------
NEEDS_TEXT = "The {what} needs to be text."
NOTE_TOO_LONG = (
    "That {what} is {length:,} characters long; the limit is {limit:,}. Could you trim it a little?"
)
LINE_TOO_LONG = "The {what} is too long; please keep it under {limit} characters."
NEEDS_WORDS = "The {what} need to be a list of words."
MOOD_RANGE = "Mood needs to be a whole number from 1 to 10."
SCALE_RANGE = "{what} needs to be a whole number from {low} to {high}."
NEEDS_TIME = "The time of the {what} needs to be a date and time."
IN_FUTURE = "That time is in the future; a {what} can only be for now or earlier."
ONE_OF = "{what} must be one of: {choices}."
PLANNED_SECONDS = "The planned length needs to be a whole number of seconds."
ACTUAL_SECONDS = "The practice length needs to be a number of seconds, 0 or more."
NEEDS_TEXTS = "The {what} need to be a list of texts."
FEEL_QUESTION = "“How much can you feel”"


def is_int(value: object) -> bool:
    """A whole number that is not a bool (JSON and Python both blur the two)."""
    return isinstance(value, int) and not isinstance(value, bool)


def clean_note(text: object, what: str = "note") -> str:
    """A multi-line text, cleaned of anything that could drive a terminal, within the limit."""
    if not isinstance(text, str):
        raise InputError(NEEDS_TEXT.format(what=what))
    cleaned = _SURROGATES.sub("", clean_text(text)).strip()
    if len(cleaned) > NOTE_MAX_CHARS:
        raise InputError(NOTE_TOO_LONG.format(what=what, length=len(cleaned), limit=NOTE_MAX_CHARS))
    return cleaned


def clean_one_line(text: object, what: str, limit: int = LINE_MAX_CHARS) -> str:
    """A one-line text (name, title, tag): cleaned, spaces collapsed, within `limit`."""
    if not isinstance(text, str):
        raise InputError(NEEDS_TEXT.format(what=what))
    cleaned = _SURROGATES.sub("", clean_line(text))
    if len(cleaned) > limit:
        raise InputError(LINE_TOO_LONG.format(what=what, limit=limit))
    return cleaned


def clean_setting(text: str) -> str:
    """A text setting as stored: one line, nothing that could drive a terminal."""
    return _SURROGATES.sub("", clean_line(text))


def clean_words(values: object, what: str, *, lower: bool) -> list[str]:
    """Tags or emotion ids: cleaned, optionally lower-cased, empty ones dropped, deduped."""
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InputError(NEEDS_WORDS.format(what=what))
    one = what[:-1] if what.endswith("s") else what
    out: list[str] = []
    for value in values:
        word = clean_one_line(value, one, WORD_MAX_CHARS)
        if lower:
            word = word.lower()
        if word and word not in out:
            out.append(word)
    return out


def clean_tags(values: object) -> list[str]:
    """Tags as stored: lower-case words, each once."""
    return clean_words(values, "tags", lower=True)


def clean_emotions(values: object) -> list[str]:
    """Emotion ids as stored: each once, in the order given."""
    return clean_words(values, "emotions", lower=False)


def check_mood(value: object) -> int:
    """A mood: a whole number from MOOD_MIN to MOOD_MAX."""
    if not is_int(value) or not MOOD_MIN <= value <= MOOD_MAX:  # type: ignore[operator]
        raise InputError(MOOD_RANGE)
    return value  # type: ignore[return-value]


def check_scale(value: object, what: str, low: int = FEEL_MIN, high: int = FEEL_MAX) -> int | None:
    """An optional whole number on a scale (None stays None)."""
    if value is None:
        return None
    if not is_int(value) or not low <= value <= high:  # type: ignore[operator]
        raise InputError(SCALE_RANGE.format(what=what, low=low, high=high))
    return value  # type: ignore[return-value]


def check_feel(value: object, what: str = FEEL_QUESTION) -> int | None:
    """ "How much can you feel", 0-10, or None."""
    return check_scale(value, what)


def check_rating(value: object) -> int | None:
    """How much an idea helped, 1-5, or None."""
    return check_scale(value, "The rating", RATING_MIN, RATING_MAX)


def check_choice(value: object, choices: Sequence[str], what: str) -> str:
    """One of a fixed set of words (a practice kind, a marker kind, a plan status)."""
    if value not in choices:
        raise InputError(ONE_OF.format(what=what, choices=", ".join(choices)))
    return value  # type: ignore[return-value]


def check_when(at: object, now: datetime, what: str) -> datetime:
    """When a record happened: `now` for None; a naive time takes now's zone; never the future."""
    if at is None:
        return now
    if not isinstance(at, datetime):
        raise InputError(NEEDS_TIME.format(what=what))
    if at.tzinfo is None or at.utcoffset() is None:
        at = at.replace(tzinfo=now.tzinfo)
    if at > now + FUTURE_SKEW:
        raise InputError(IN_FUTURE.format(what=what))
    return at


def check_seconds(value: object, *, optional: bool) -> float | int | None:
    """A length in seconds, 0 or more (planned lengths are whole and may be None)."""
    if optional:
        if value is not None and (not is_int(value) or value < 0):  # type: ignore[operator]
            raise InputError(PLANNED_SECONDS)
        return value  # type: ignore[return-value]
    if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
        raise InputError(ACTUAL_SECONDS)
    return float(value)


def check_texts(values: object, what: str) -> list[str]:
    """A list of notes (a practice's), each cleaned like a note, empty ones dropped."""
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise InputError(NEEDS_TEXTS.format(what=what))
    return [n for n in (clean_note(x) for x in values) if n]


# --- settings: the same checks for a typed value and for one read back from settings.json -------
THEMES = ("thaw-dark", "thaw-light")
REMINDER_TIME_WRONG = (
    '"{text}" is not a time Thaw understands. Use 24-hour HH:MM, such as 09:30 or 18:00, '
    "or leave it empty for any time."
)
#: Whole-number settings and their ranges (the settings screen says the same in its labels).
SETTING_RANGES: dict[str, tuple[int, int]] = {
    "meditation_minutes": (1, 120),
    "settle_seconds": (0, 120),
    "interval_bell_minutes": (0, 30),
    "breath_minutes": (1, 60),
    "breath_rounds": (0, 100),
    "report_weeks": (1, 52),
}
CUSTOM_PHASE_MAX_SECONDS = 30.0  # one part of a custom breathing pattern (practice.py says so too)
#: What each setting is called in a sentence about a wrong stored value.
SETTING_NAMES = {
    "country": "country",
    "reminder_time": "reminder time",
    "theme": "theme",
    "reduced_motion": "reduced motion setting",
    "bell": "bell setting",
    "meditation_minutes": "meditation length",
    "settle_seconds": "settle-in time",
    "interval_bell_minutes": "interval bell",
    "breath_pattern": "breathing pattern",
    "breath_rounds": "breathing rounds",
    "breath_minutes": "breathing length",
    "custom_breath": "custom breathing pattern",
    "breath_bell": "breathing bell setting",
    "report_weeks": "summary length",
    "report_include_notes": "notes-in-summary setting",
    "report_include_plan": "plan-in-summary setting",
    "report_include_markers": "changes-in-summary setting",
    "plan_hint_dismissed_on": "plan hint date",
}
STORED_SETTING_WRONG = (
    "The {what} in settings.json is {shown}, which Thaw can't use, so the default ({default}) "
    "is used meanwhile. Choosing it again on the settings screen puts it right."
)
_REMINDER = re.compile(r"(\d{1,2})[:.](\d{2})")


def check_reminder_time(value: object) -> str:
    """ "HH:MM" (24-hour, normalised) for `due`, "" for any time; InputError otherwise.

    Used for a typed time and for one read from settings.json alike, so "25:99" in the file
    is as wrong as "25:99" typed (and never keeps `due` quiet).
    """
    if not isinstance(value, str):
        raise InputError(REMINDER_TIME_WRONG.format(text=clean_line(str(value))[:40]))
    text = value.strip()
    if not text:
        return ""
    found = _REMINDER.fullmatch(text)
    if found:
        hour, minute = int(found.group(1)), int(found.group(2))
        if hour <= 23 and minute <= 59:
            return f"{hour:02d}:{minute:02d}"
    raise InputError(REMINDER_TIME_WRONG.format(text=clean_line(text)[:40]))


def stored_setting_ok(name: str, value: object, default: object) -> bool:
    """Whether a value read from settings.json can be used for setting `name`.

    The checks a typed value gets: the right type, a whole number within its range, a
    reminder time that is a real time, a theme Thaw has. Unknown names are ignored elsewhere.
    """
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        low, high = SETTING_RANGES.get(name, (-(2**63), 2**63))
        return is_int(value) and low <= value <= high  # type: ignore[operator]
    if isinstance(default, tuple):  # custom_breath: four lengths in seconds, 0 or more
        return (
            isinstance(value, list)
            and len(value) == 4
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
            and all(math.isfinite(v) and 0 <= v <= CUSTOM_PHASE_MAX_SECONDS for v in value)
            and value[0] >= 1
            and value[2] >= 1
        )
    if not isinstance(value, str):
        return False
    if name == "reminder_time":
        try:
            check_reminder_time(value)
        except InputError:
            return False
    if name == "theme":
        return value in THEMES
    return True


def stored_setting_sentence(name: str, value: object, default: object) -> str:
    """The sentence doctor and the settings screen say about a wrong stored value."""
    shown = clean_line(repr(value) if not isinstance(value, str) else f'"{value}"')[:60]
    if isinstance(default, bool):
        default_text = "on" if default else "off"
    elif isinstance(default, str):
        default_text = default or "none"
        if name == "reminder_time" and not default:
            default_text = "any time"
    else:
        default_text = str(default)
    return STORED_SETTING_WRONG.format(
        what=SETTING_NAMES.get(name, name.replace("_", " ")), shown=shown, default=default_text
    )
