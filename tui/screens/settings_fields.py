"""The settings screen's fields: how each typed one is read, shown and spoken of, the themes
and the on/off choices. Apart from the screen, so saving (settings_edits) can name them too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.analysis.report import MAX_WEEKS, MIN_WEEKS
from tui.core.errors import InputError
from tui.core.outward import shown_line
from tui.core.records.rules import check_reminder_time
from tui.core.text import clean_line

if TYPE_CHECKING:
    from tui.core.records.models import Settings

THEMES = (("Dark", "thaw-dark"), ("Light", "thaw-light"))
THEME_IDS = tuple(ident for _, ident in THEMES)


def parse_reminder_time(text: str) -> str:
    """ "HH:MM" (24-hour) for `due`, "" for any time. InputError with a sentence otherwise.

    The rule is the one settings read from disk are checked by (records/rules.py)."""
    return check_reminder_time(text)


def parse_whole(text: str, low: int, high: int, what: str) -> int:
    """A whole number in [low, high], or InputError naming the field and the range."""
    value = text.strip()
    if not value.isdigit() or not low <= int(value) <= high:
        raise InputError(f"{what} takes a whole number from {low} to {high}.")
    return int(value)


def parse_interval(text: str) -> int:
    """Minutes between interval bells: 0 (none) or 1 to 30."""
    value = text.strip()
    if not value.isdigit() or not 0 <= int(value) <= MAX_INTERVAL_MINUTES:
        raise InputError(
            f"The interval bell takes a whole number of minutes from 1 to "
            f"{MAX_INTERVAL_MINUTES}, or 0 for no interval bells."
        )
    return int(value)


def _minutes(n: int) -> str:
    return f"{n} minute{'' if n == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class NumberField:
    """One typed field on the settings screen: how to read it, show it and speak of it.

    `what` and `expects` build the one sentence said when a wrong value is left behind:
    '<what> stays <kept>: "<typed>" is not <expects>.'
    """

    name: str
    label: str
    parse: Callable[[str], object]
    show: Callable[[Settings], str]
    what: str
    expects: str
    kept: Callable[[Settings], str]


MAX_SETTLE_SECONDS = 120
MAX_INTERVAL_MINUTES = 30

NUMBER_FIELDS: tuple[NumberField, ...] = (
    NumberField(
        "reminder_time",
        "Reminder time (HH:MM, empty: any time)",
        parse_reminder_time,
        lambda s: shown_line(s.reminder_time),  # from the file: may hold anything
        "The reminder time",
        "a 24-hour time such as 18:30",
        lambda s: shown_line(s.reminder_time) or "any time",
    ),
    NumberField(
        "meditation_minutes",
        "Meditation length (minutes)",
        lambda t: parse_whole(t, 1, 120, "Meditation length"),
        lambda s: str(s.meditation_minutes),
        "The meditation length",
        "a whole number of minutes from 1 to 120",
        lambda s: _minutes(s.meditation_minutes),
    ),
    NumberField(
        "settle_seconds",
        "Settle-in before meditating (seconds)",
        lambda t: parse_whole(t, 0, MAX_SETTLE_SECONDS, "The settle-in time"),
        lambda s: str(s.settle_seconds),
        "The settle-in time",
        f"a whole number of seconds from 0 to {MAX_SETTLE_SECONDS}",
        lambda s: f"{s.settle_seconds} seconds" if s.settle_seconds else "none",
    ),
    NumberField(
        "interval_bell_minutes",
        "Interval bell every (minutes, 0: off)",
        parse_interval,
        lambda s: str(s.interval_bell_minutes),
        "The interval bell",
        f"0 (off) or a whole number of minutes from 1 to {MAX_INTERVAL_MINUTES}",
        lambda s: (
            f"every {_minutes(s.interval_bell_minutes)}" if s.interval_bell_minutes else "off"
        ),
    ),
    NumberField(
        "breath_minutes",
        "Breathing length (minutes)",
        lambda t: parse_whole(t, 1, 60, "Breathing length"),
        lambda s: str(s.breath_minutes),
        "The breathing length",
        "a whole number of minutes from 1 to 60",
        lambda s: _minutes(s.breath_minutes),
    ),
    NumberField(
        "breath_rounds",
        "Breathing rounds (0: use minutes)",
        lambda t: parse_whole(t, 0, 100, "Breathing rounds"),
        lambda s: str(s.breath_rounds),
        "Breathing rounds",
        "a whole number from 0 to 100",
        lambda s: str(s.breath_rounds) if s.breath_rounds else "0 (use minutes)",
    ),
    NumberField(
        "report_weeks",
        "Summary covers (weeks)",
        lambda t: parse_whole(t, MIN_WEEKS, MAX_WEEKS, "The summary length"),
        lambda s: str(s.report_weeks),
        "The summary length",
        f"a whole number of weeks from {MIN_WEEKS} to {MAX_WEEKS}",
        lambda s: f"{s.report_weeks} week{'' if s.report_weeks == 1 else 's'}",
    ),
)
FIELDS_BY_NAME = {field.name: field for field in NUMBER_FIELDS}
CHECKS: tuple[tuple[str, str], ...] = (
    ("reduced_motion", "Reduced motion (a steady cue, no animation)"),
    ("bell", "Terminal bell for cues"),
    ("report_include_plan", "My plan in the summary"),
    ("report_include_markers", "Changes and events in the summary"),
    ("report_include_notes", "My notes in the summary"),
)


def kept_sentence(field: NumberField, typed: str, settings: Settings) -> str:
    """The one sentence said on leaving with a wrong value in a field: what was kept, and why."""
    typed = clean_line(typed)
    if not typed:
        return f"{field.what} stays {field.kept(settings)}: the field was left empty."
    return f'{field.what} stays {field.kept(settings)}: "{typed}" is not {field.expects}.'
