"""The history screen's own keys: views, ranges, markers and the places it points to.

Help lists each key once, in words: bindings with the same tooltip make one row ("1 to 5",
"← / →", "w m y a"), in the order they come here; the footer shows the ranges and markers.
"""

from __future__ import annotations

from typing import Literal

from textual.binding import Binding, BindingType

ViewName = Literal["mood", "feel", "range", "practice", "calendar"]
VIEWS: tuple[tuple[ViewName, str], ...] = (
    ("mood", "Mood"),
    ("feel", "Feel"),
    ("range", "Range"),
    ("practice", "Practice"),
    ("calendar", "Calendar"),
)
VIEW_WORDS = "Show mood, feeling, range, practice or the calendar"
STEP_WORDS = "The view before or after this one"
RANGE_WORDS = "The last 7 days, 30 days, year, or all time"

HISTORY_BINDINGS: list[BindingType] = [
    *(
        Binding(
            str(number),
            f"view('{name}')",
            label,
            show=False,
            tooltip=VIEW_WORDS,
            id=f"history-view-{name}",
        )
        for number, (name, label) in enumerate(VIEWS, start=1)
    ),
    Binding(
        "left",
        "step_view(-1)",
        "Previous view",
        show=False,
        tooltip=STEP_WORDS,
        id="history-view-previous",
    ),
    Binding(
        "right",
        "step_view(1)",
        "Next view",
        show=False,
        tooltip=STEP_WORDS,
        id="history-view-next",
    ),
    Binding("w", "range('week')", "Week", tooltip=RANGE_WORDS, id="history-week"),
    Binding("m", "range('month')", "Month", tooltip=RANGE_WORDS, id="history-month"),
    Binding("y", "range('year')", "Year", tooltip=RANGE_WORDS, id="history-year"),
    Binding("a", "range('all')", "All", tooltip=RANGE_WORDS, id="history-all"),
    Binding(
        "k",
        "markers",
        "Markers",
        tooltip="Markers: add, change or remove them",
        id="history-markers",
    ),
    Binding(
        "p",
        "app.open_screen('plan')",
        "Plan",
        show=False,
        tooltip="Open your longer-term plan",
        id="history-plan",
    ),
    Binding(
        "x",
        "rest_hint",
        "Not now",
        show=False,
        tooltip="Put the plan suggestion away for two weeks",
        id="history-rest-hint",
    ),
    Binding(
        "t",
        "app.open_screen('what_helps')",
        "What helps",
        tooltip="What you tried, and how you rated yourself after",
        id="history-what-helps",
    ),
    Binding(
        "f",
        "app.open_screen('reflection')",
        "A few questions",
        show=False,
        tooltip="A few gentle questions, never scored",
        id="history-reflection",
    ),
]
