"""CalendarMonth: one month of the calendar, a day at a time; Enter shows that day's entries.

Opened from history's calendar with m (the year stays on y). A month is one small file to
read, so it is read here, when opened and when the month changes.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.core.analysis.stats import local_day
from tui.core.errors import ThawError
from tui.core.text import clean_line
from tui.screens.base import thaw_app
from tui.textual_private import ThawModalScreen

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen

    from tui.core.records.models import CheckIn

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CELL = 5  # "[25]" plus a space: the chosen day is in brackets, seen with colour and without
KEYS_LINE = "← → ↑ ↓ a day or a week · PgUp PgDn a month · Enter that day · Esc back"
WHY_NOT_ON_CALENDAR = "On the calendar, y is the year and m a month; 1 goes back to the charts."


def calendar_range_key(screen: Screen[Any], name: str, today: date) -> None:
    """A range key pressed on history's year calendar: m opens a month, y is the year already,
    and w or a say why they do nothing here (they were a silent jump to the mood chart)."""
    if name == "month":
        screen.app.push_screen(CalendarMonth(today))
    elif name != "year":
        screen.notify(WHY_NOT_ON_CALENDAR, timeout=6)


def month_grid(year: int, month: int) -> list[list[date | None]]:
    """The month's weeks, Monday first; None where a week reaches into another month."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [[d if d.month == month else None for d in week] for week in weeks]


def add_months(day: date, months: int) -> date:
    """The same day of another month, or that month's last day when it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def month_text(chosen: date, moods: dict[date, float], today: date) -> Text:
    """The grid: weekday names, then each day's number with its mood under it (· for none)."""
    text = Text(chosen.strftime("%B %Y"), style="bold")
    text.append("\n" + "".join(name.ljust(CELL) for name in WEEKDAY_NAMES).rstrip())
    for week in month_grid(chosen.year, chosen.month):
        days, moods_row = "", ""
        for day in week:
            if day is None or day > today:
                label = "" if day is None else str(day.day)
                days += label.center(CELL - 1) + " "
                moods_row += " " * CELL
                continue
            label = f"[{day.day}]" if day == chosen else str(day.day)
            days += label.center(CELL - 1) + " "
            mood = moods.get(day)
            moods_row += ("·" if mood is None else f"{mood:.0f}").center(CELL - 1) + " "
        text.append("\n" + days.rstrip())
        text.append("\n" + moods_row.rstrip(), style="dim")
    return text


def day_entries(checkins: list[CheckIn]) -> str:
    """That day's check-ins, one line each: time, mood, feel, feelings and note (plain text)."""
    lines = []
    for c in checkins:
        line = f"{c.at.strftime('%H:%M')}  mood {c.mood}"  # the time as it was recorded
        if c.feel is not None:
            line += f", feel {c.feel}"
        if c.emotions:
            line += " · " + ", ".join(e.replace("_", " ") for e in c.emotions)
        note = clean_line(c.note)
        if note:
            line += " · " + note
        lines.append(line)
    return "\n".join(lines)


MOVE_WORDS = "Move to another day: ← → a day, ↑ ↓ a week"
MONTH_WORDS = "The month before or after (PgUp, PgDn)"


class CalendarMonth(ThawModalScreen[None]):
    """One month: arrows choose a day, PgUp/PgDn change the month, Enter shows the day."""

    DEFAULT_CSS = """
    CalendarMonth { align: center middle; }
    CalendarMonth > Vertical {
        width: 40; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    CalendarMonth #month-scroll { height: auto; max-height: 100%; }
    CalendarMonth #month-day { height: auto; margin-top: 1; }
    CalendarMonth #month-keys { color: $foreground-muted; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back", tooltip="Back to the year", id="month-back"),
        Binding("left", "move(-1)", "Day before", show=False, tooltip=MOVE_WORDS, id="month-left"),
        Binding("right", "move(1)", "Day after", show=False, tooltip=MOVE_WORDS, id="month-right"),
        Binding("up", "move(-7)", "Week before", show=False, tooltip=MOVE_WORDS, id="month-up"),
        Binding("down", "move(7)", "Week after", show=False, tooltip=MOVE_WORDS, id="month-down"),
        Binding(
            "pageup", "month(-1)", "Month before", show=False, tooltip=MONTH_WORDS, id="month-prev"
        ),
        Binding(
            "pagedown", "month(1)", "Month after", show=False, tooltip=MONTH_WORDS, id="month-next"
        ),
        Binding(
            "enter", "open_day", "That day", tooltip="The entries of the chosen day", id="month-day"
        ),
    ]

    def __init__(self, day: date) -> None:
        super().__init__()
        self.chosen = day
        self._month: tuple[int, int] | None = None
        self._checkins: list[CheckIn] = []

    def compose(self) -> ComposeResult:
        with Vertical(), VerticalScroll(id="month-scroll"):
            yield Static("", id="month-grid", markup=False)
            yield Static("", id="month-day", markup=False)
            yield Static(KEYS_LINE, id="month-keys", markup=False)

    def on_mount(self) -> None:
        self._show()

    def _today(self) -> date:
        return thaw_app(self).clock.now().date()

    def _read_month(self) -> None:
        """This month's check-ins, read once per month shown."""
        key = (self.chosen.year, self.chosen.month)
        if key == self._month:
            return
        first = self.chosen.replace(day=1)
        last = add_months(first, 1) - timedelta(days=1)
        try:
            self._checkins = thaw_app(self).store.checkins(since=first, until=last)
        except ThawError as err:
            self._checkins = []
            self.query_one("#month-day", Static).update(str(err))
        self._month = key

    def _moods(self) -> dict[date, float]:
        by_day: dict[date, list[int]] = {}
        for c in self._checkins:
            by_day.setdefault(local_day(c.at), []).append(c.mood)
        return {day: sum(m) / len(m) for day, m in by_day.items()}

    def _show(self) -> None:
        self._read_month()
        grid = month_text(self.chosen, self._moods(), self._today())
        self.query_one("#month-grid", Static).update(grid)

    def action_move(self, days: int) -> None:
        """A day or a week along; never into the future."""
        self.chosen = min(self._today(), self.chosen + timedelta(days=days))
        self.query_one("#month-day", Static).update("")
        self._show()

    def action_month(self, months: int) -> None:
        """PgUp/PgDn: the month before or after (not past this one)."""
        self.chosen = min(self._today(), add_months(self.chosen, months))
        self.query_one("#month-day", Static).update("")
        self._show()

    def action_open_day(self) -> None:
        """Enter: the chosen day's entries, under the month."""
        day = self.chosen
        entries = [c for c in self._checkins if local_day(c.at) == day]
        heading = "Today" if day == self._today() else f"{day:%a} {day.day} {day:%b}"
        if not entries:
            said = f"{heading}: no check-in that day, and that is fine."
        else:
            said = f"{heading}:\n" + day_entries(entries)
        self.query_one("#month-day", Static).update(said)

    def action_close(self) -> None:
        """Esc: back to the year calendar."""
        self.dismiss(None)
