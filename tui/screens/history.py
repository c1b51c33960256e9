"""History: mood, feeling, range and practice over time, a year calendar, and plain insights."""

from __future__ import annotations

import dataclasses
import threading
from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import ContentSwitcher, Footer, Header, Static

from tui.core.errors import ThawError
from tui.core.history_view import (
    RANGE_LABELS,
    RECENT_DAYS,
    ChartSpec,
    HistoryData,
    RangeName,
    build,
    daily_chart,
    practice_chart,
    range_chart,
    window,
)
from tui.core.insights import Vocabulary, flat_hint, vocabulary
from tui.core.stats import calendar_grid, local_day
from tui.core.text import clean_line
from tui.screens.base import ThawScreen
from tui.widgets.calendar_view import CalendarView
from tui.widgets.history_chart import HistoryChart

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.timer import Timer

    from tui.core.models import CheckIn, Marker, Session

ViewName = Literal["mood", "feel", "range", "practice", "calendar"]
VIEWS: tuple[tuple[ViewName, str], ...] = (
    ("mood", "Mood"),
    ("feel", "Feel"),
    ("range", "Range"),
    ("practice", "Practice"),
    ("calendar", "Calendar"),
)
RANGE_KEYS: dict[RangeName, str] = {"week": "w", "month": "m", "year": "y", "all": "a"}
HINT_REST_DAYS = 14
"""Dismissing the plan hint rests it for two weeks; after that it may come back, gently."""
RESIZE_SETTLE = 0.05
"""Seconds without a new size before the charts are redrawn for the new one."""
FIRST_PAINT_WAIT = 2.0
"""Seconds the full read waits for the first chart to be drawn from the recent months."""
CHART_FRAME = 9
"""Columns a chart spends on its y labels and frame; the rest is for points."""


class HistoryScreen(ThawScreen):
    """Charts switchable by range and view, a calendar, insights and a gentle plan pointer.

    Data is read and aggregated in a worker thread: the recent months first (enough for the
    opening view and every insight), then the whole history. Specs are cached per view, range
    and width, so switching is a dictionary lookup plus one chart build off the main thread.
    """

    TITLE = "History"
    DEFAULT_CSS = """
    HistoryScreen #bar { height: 1; padding: 0 1; }
    HistoryScreen #body { height: 1fr; }
    HistoryScreen #switcher { height: 1fr; }
    HistoryScreen #empty { height: 1fr; content-align: center middle; color: $foreground-muted; }
    HistoryScreen #calendar-box { height: 1fr; padding-top: 1; }
    HistoryScreen #markers { height: auto; max-height: 2; padding: 0 1; color: $warning; }
    HistoryScreen #insights {
        height: auto; max-height: 6; padding: 0 1; border-top: hkey $panel;
        scrollbar-size-vertical: 1;
    }
    HistoryScreen #insight-text { height: auto; }
    HistoryScreen #hint {
        display: none; height: auto; padding: 0 1; color: $secondary;
    }
    HistoryScreen #hint.-shown { display: block; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *ThawScreen.BINDINGS,
        Binding("w", "range('week')", "Week"),
        Binding("m", "range('month')", "Month"),
        Binding("y", "range('year')", "Year"),
        Binding("a", "range('all')", "All"),
        Binding("1", "view('mood')", "Mood", show=False),
        Binding("2", "view('feel')", "Feel", show=False),
        Binding("3", "view('range')", "Range", show=False),
        Binding("4", "view('practice')", "Practice", show=False),
        Binding("5", "view('calendar')", "Calendar", show=False),
        Binding("right", "step_view(1)", "Next view", show=False),
        Binding("left", "step_view(-1)", "Previous view", show=False),
        Binding("k", "markers", "Markers"),
        Binding("p", "app.open_screen('plan')", "Plan", show=False),
        Binding("x", "rest_hint", "Not now", show=False),
    ]
    KEY_HELP: ClassVar[list[tuple[str, str]]] = [
        ("1 to 5", "Mood, feel, range, practice, calendar"),
    ]

    class Ready(Message):
        """The current view is fully drawn from all the data it needs (benchmarks wait for it)."""

    def __init__(self) -> None:
        super().__init__()
        self.view: ViewName = "mood"
        self.range: RangeName = "month"
        self.data: HistoryData | None = None
        self._words: Vocabulary | None = None
        self._specs: dict[tuple[ViewName, RangeName, int], ChartSpec] = {}
        self._first_paint = threading.Event()
        self._shown: dict[str, str] = {}
        self._resize_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="bar")
        with Vertical(id="body"):
            with ContentSwitcher(initial="empty", id="switcher"):
                yield Static("Gathering your history…", id="empty", markup=False)
                yield HistoryChart(id="chart")
                with Vertical(id="calendar-box"):
                    yield CalendarView(id="calendar")
            yield Static("", id="markers", markup=False)
            with VerticalScroll(id="insights"):
                yield Static("", id="insight-text", markup=False)
            yield Static("", id="hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._show_bar()
        self.run_worker(self._load, thread=True, group="history-load", exit_on_error=False)

    # --- loading ----------------------------------------------------------------------------
    def _load(self) -> None:
        """Worker thread: the recent months first, then everything, each handed to the screen."""
        app = self.thaw
        today = app.clock.now().date()
        try:
            words = vocabulary(app.content)
            store = app.store
            since = today - timedelta(days=RECENT_DAYS - 1)
            markers = store.markers()
            recent = store.checkins(since=since, until=today)
            recent_sessions = store.sessions(since=since, until=today)
            self._hand_over(self._build(recent, recent_sessions, markers, today, words, False))
            # Let the first chart draw before the long read competes with it for the CPU.
            self._first_paint.wait(timeout=FIRST_PAINT_WAIT)
            everything = store.checkins(until=today)
            sessions = store.sessions(until=today)
            self._hand_over(self._build(everything, sessions, markers, today, words, True))
        except ThawError as err:
            message = str(err)
            app.call_from_thread(self._failed, message)

    @staticmethod
    def _build(
        checkins: list[CheckIn],
        sessions: list[Session],
        markers: list[Marker],
        today: date,
        words: Vocabulary,
        complete: bool,
    ) -> tuple[HistoryData, Vocabulary]:
        data = build(
            checkins,
            sessions,
            markers,
            today,
            valence=words.valence,
            names=words.names,
            practice_labels=words.practices,
            complete=complete,
        )
        return data, words

    def _hand_over(self, result: tuple[HistoryData, Vocabulary]) -> None:
        self.app.call_from_thread(self._apply, *result)

    def _failed(self, message: str) -> None:
        self._set(self.query_one("#empty", Static), f"History can't be shown right now. {message}")

    def _apply(self, data: HistoryData, words: Vocabulary) -> None:
        """New aggregates: forget cached specs, redraw what is on screen."""
        self.data = data
        self._words = words
        self._specs.clear()
        self._redraw()

    def reload_markers(self) -> None:
        """Markers changed (added, edited, deleted here): refresh them without reading check-ins."""
        if self.data is None:
            return
        try:
            markers = self.thaw.store.markers()
        except ThawError as err:
            self.app.notify(str(err), severity="warning")
            return
        self.data = dataclasses.replace(self.data, markers=sorted(markers, key=lambda m: m.at))
        self._specs.clear()
        self._redraw()

    # --- drawing ----------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """True when the current view is on screen, drawn from all the data it needs."""
        if self.data is None or (self._needs_all() and not self.data.complete):
            return False
        if self.view == "calendar":
            return True
        switcher = self.query_one("#switcher", ContentSwitcher)
        if switcher.current == "empty":
            return True
        return self.query_one("#chart", HistoryChart).painted

    def _needs_all(self) -> bool:
        """True when the view reaches back further than the recent months loaded first."""
        return self.view == "calendar" or self.range in ("year", "all")

    def on_history_chart_painted(self, event: HistoryChart.Painted) -> None:
        self._first_paint.set()
        if self.ready:
            self.post_message(self.Ready())

    def on_resize(self) -> None:
        # A window being dragged sends many sizes: redraw once it has settled for a moment.
        if self._resize_timer is not None:
            self._resize_timer.stop()
        self._resize_timer = self.set_timer(RESIZE_SETTLE, self._redraw)

    def _chart_width(self) -> int:
        return max(10, self.query_one("#switcher").size.width - CHART_FRAME)

    def _spec(self, view: ViewName, name: RangeName) -> ChartSpec:
        assert self.data is not None
        width = self._chart_width()
        key = (view, name, width)
        spec = self._specs.get(key)
        if spec is None:
            if view == "mood" or view == "feel":
                spec = daily_chart(self.data, name, width, view)
            elif view == "range":
                spec = range_chart(self.data, name, width)
            else:
                spec = practice_chart(self.data, name, width)
            self._specs[key] = spec
        return spec

    def _redraw(self) -> None:
        self._show_bar()
        data = self.data
        if data is None:
            return
        switcher = self.query_one("#switcher", ContentSwitcher)
        empty = self.query_one("#empty", Static)
        if self._needs_all() and not data.complete:
            self._set(empty, "Gathering your history…")
            switcher.current = "empty"
        elif self.view == "calendar":
            self.query_one("#calendar", CalendarView).show(calendar_grid(data.moods, data.today))
            switcher.current = "calendar-box"
            self._show_markers([])
        else:
            spec = self._spec(self.view, self.range)
            if spec.has_data:
                self.query_one("#chart", HistoryChart).show(spec, switcher.content_size)
                switcher.current = "chart"
            else:
                self._set(empty, self._empty_text(spec))
                switcher.current = "empty"
            start, end = window(data, self.range)
            self._show_markers([m for m in data.markers if start <= local_day(m.at) <= end])
        if switcher.current != "chart" or self._needs_all():
            self._first_paint.set()  # nothing to wait for: read the rest now
        self._show_insights(data)
        self._show_hint(data)
        if self.ready:
            self.post_message(self.Ready())

    def _empty_text(self, spec: ChartSpec) -> str:
        if self.data is not None and self.data.empty:
            return (
                "Nothing here yet, and that is fine. After a few check-ins your days "
                "will show here. Press Esc, then c, whenever you like."
            )
        if not self.data or not self.data.complete:
            return "Gathering your history…"
        return f"{spec.empty_text} Try a longer stretch: y for a year, a for all time."

    def _set(self, widget: Static, content: str | Text) -> None:
        """Update a Static only when its words change: each update costs a layout pass."""
        key = content.plain + repr(content.spans) if isinstance(content, Text) else content
        if self._shown.get(widget.id or "") != key:
            self._shown[widget.id or ""] = key
            widget.update(content)

    def _show_bar(self) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, (name, label) in enumerate(VIEWS, start=1):
            style = "bold reverse" if name == self.view else ""
            text.append(f" {index} {label} ", style=style)
        text.append("  ")
        if self.view != "calendar":
            text.append(f"{RANGE_LABELS[self.range]}", style="bold")
            text.append(" (w m y a)", style="dim")
        else:
            text.append("last year", style="bold")
        self._set(self.query_one("#bar", Static), text)

    def _show_markers(self, markers: list[Marker]) -> None:
        widget = self.query_one("#markers", Static)
        if not markers:
            widget.display = False
            return
        parts = [f"{_day(local_day(m.at))} {clean_line(m.text)}" for m in markers[-4:]]
        more = f" (+{len(markers) - 4} more)" if len(markers) > 4 else ""
        self._set(widget, "│ " + "   │ ".join(parts) + more)
        widget.display = True

    def _show_insights(self, data: HistoryData) -> None:
        box = self.query_one("#insights", VerticalScroll)
        text = "\n".join(f"· {clean_line(i.text)}" for i in data.insights)
        self._set(self.query_one("#insight-text", Static), text)
        box.display = bool(data.insights)

    def _hint_due(self, data: HistoryData) -> bool:
        if data.flat is None:
            return False
        rested = self.thaw.settings.plan_hint_dismissed_on
        try:
            return not rested or data.today >= date.fromisoformat(rested)
        except ValueError:
            return True

    def _show_hint(self, data: HistoryData) -> None:
        widget = self.query_one("#hint", Static)
        due = self._hint_due(data)
        if due == widget.has_class("-shown"):
            return  # unchanged: the footer (rebuilt by refresh_bindings) stays as it is
        if due and data.flat is not None:
            widget.update(f"{flat_hint(data.flat)}  p: the plan · x: not now")
        widget.set_class(due, "-shown")
        self.refresh_bindings()

    # --- actions ----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rest_hint":
            return self.data is not None and self._hint_due(self.data)
        return True

    def action_range(self, name: RangeName) -> None:
        """w, m, y, a: the stretch of time the charts cover."""
        self.range = name
        if self.view == "calendar":
            self.view = "mood"
        self._redraw()

    def action_view(self, name: ViewName) -> None:
        """1 to 5: mood, feel, range, practice or the calendar."""
        self.view = name
        self._redraw()

    def action_step_view(self, step: int) -> None:
        """Left and right arrows walk through the views."""
        names = [name for name, _ in VIEWS]
        self.view = names[(names.index(self.view) + step) % len(names)]
        self._redraw()

    def action_rest_hint(self) -> None:
        """x: put the plan hint away for two weeks."""
        if self.data is None:
            return
        until = self.data.today + timedelta(days=HINT_REST_DAYS)
        new = dataclasses.replace(self.thaw.settings, plan_hint_dismissed_on=until.isoformat())
        self.thaw.save_settings(new)
        self.query_one("#hint", Static).set_class(False, "-shown")
        self.refresh_bindings()
        self.app.notify("Put away for two weeks. The plan is always there with p.")

    def action_markers(self) -> None:
        """k: the markers on your timeline, to add, edit or delete."""
        from tui.screens.history_markers import MarkersDialog

        self.app.push_screen(MarkersDialog(), lambda _: self.reload_markers())


def _day(day: date) -> str:
    """ "3 Mar 2026" without a leading zero."""
    return f"{day.day} {day:%b %Y}"
