"""CalendarView: a year at a glance, one cell a day shaded by that day's mood."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.widget import Widget

from tui.core.analysis.stats import MOOD_LEVELS, CalendarCell

WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
SHADES = ("░", "▒", "▓", "█")
"""Without colour, the shade is the mood: light for low days, solid for good ones."""
COLOUR_GLYPH = "■"
EMPTY_GLYPH = "·"
LEVEL_RANGES = ("1-3", "4-5", "6-7", "8-10")


def colourless(no_color_flag: bool) -> bool:
    """True when colour must not carry meaning: the app's NO_COLOR, or the variable itself."""
    return no_color_flag or "NO_COLOR" in os.environ


def month_labels(mondays: Sequence[date], cell: int, width: int) -> str:
    """The label row over the calendar's weeks: each month's name over its first Monday.

    Every month whose first Monday is shown gets its name, even the last one (its label may
    reach past the grid, up to `width`). Only the first column's month, when just a week or two
    of it is shown, gives way so the month after it is not crowded out.
    """
    starts = [
        index
        for index, monday in enumerate(mondays)
        if index == 0 or monday.month != mondays[index - 1].month
    ]
    row = [" "] * max(width, len(mondays) * cell)
    free_from = 0
    for position, index in enumerate(starts):
        start = index * cell
        after = starts[position + 1] * cell if position + 1 < len(starts) else None
        if index == 0 and after is not None and after < 4:
            continue  # a sliver of a month at the left edge: the whole month after it wins
        if start >= free_from and start + 3 <= width:
            row[start : start + 3] = list(f"{mondays[index]:%b}")
            free_from = start + 4
    return "".join(row).rstrip()


class CalendarView(Widget):
    """Seven rows (Monday to Sunday), one column a week, months labelled along the top."""

    DEFAULT_CSS = """
    CalendarView {
        height: auto;
        width: 1fr;
        padding: 0 1;
    }
    CalendarView > .calendar--empty { color: $foreground-muted; }
    CalendarView > .calendar--label { color: $foreground-muted; }
    CalendarView > .calendar--level-0 { color: #5a6f9a; }
    CalendarView > .calendar--level-1 { color: #7fa7c4; }
    CalendarView > .calendar--level-2 { color: #a9c99a; }
    CalendarView > .calendar--level-3 { color: #e9cf74; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "calendar--empty",
        "calendar--label",
        *(f"calendar--level-{i}" for i in range(MOOD_LEVELS)),
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[list[CalendarCell]] = [[] for _ in range(7)]

    def show(self, rows: Sequence[Sequence[CalendarCell]]) -> None:
        """Draw this grid (from `tui.core.analysis.stats.calendar_grid`)."""
        self._rows = [list(row) for row in rows]
        self.refresh(layout=True)

    @property
    def no_color(self) -> bool:
        """True when shades, not colours, carry the mood."""
        return colourless(bool(getattr(self.app, "no_color", False)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 10  # months, seven days, a blank line, the key

    def _glyph(self, level: int | None) -> tuple[str, Style]:
        if level is None:
            return EMPTY_GLYPH, self.get_component_rich_style("calendar--empty")
        style = self.get_component_rich_style(f"calendar--level-{level}")
        return (SHADES[level] if self.no_color else COLOUR_GLYPH), style

    def render(self) -> RenderResult:
        # Every row starts on the same Monday, so index j is the same week in each row; rows
        # after today's weekday are one shorter (the future is not drawn).
        total = len(self._rows[0]) if self._rows and self._rows[0] else 0
        label_style = self.get_component_rich_style("calendar--label")
        # Two characters a week when there is room: the grid breathes on wide terminals.
        cell = 2 if self.size.width >= 4 + total * 2 else 1
        columns = min(total, max(0, (self.size.width - 4) // cell))
        first = total - columns
        mondays: list[date] = [c.day for c in self._rows[0][first:]] if total else []
        text = Text(no_wrap=True, overflow="crop")
        months = month_labels(mondays, cell, self.size.width - 4)
        text.append("    " + months + "\n", style=label_style)
        for weekday, row in enumerate(self._rows):
            text.append(f"{WEEKDAYS[weekday]:<4}", style=label_style)
            for found in row[first:]:
                glyph, style = self._glyph(found.level)
                text.append(glyph.ljust(cell), style=style)
            text.append("\n")
        text.append("\n")
        text.append("    ")
        glyph, style = self._glyph(None)
        text.append(glyph, style=style)
        text.append(" no check-in   ", style=label_style)
        for level, span in enumerate(LEVEL_RANGES):
            glyph, style = self._glyph(level)
            text.append(glyph, style=style)
            text.append(f" mood {span}   " if level == 0 else f" {span}   ", style=label_style)
        return text
