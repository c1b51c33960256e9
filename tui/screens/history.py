"""History: mood, feeling, range and practice over time, a year calendar, and plain insights."""

from __future__ import annotations

import dataclasses
import gc
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Header, Static
from textual.worker import get_current_worker

from tui.core.analysis.history_charts import chart_or_sentence
from tui.core.analysis.history_view import (
    RANGE_LABELS,
    RANGES,
    ChartView,
    HistoryData,
    RangeName,
    calendar_reach,
    marker_strip,
    moods_since,
    reach,
    window,
)
from tui.core.analysis.insights import flat_hint
from tui.core.analysis.stats import calendar_grid, local_day
from tui.core.content import ContentError
from tui.core.errors import ThawError
from tui.core.outward import shown_line
from tui.screens.base import ThawScreen
from tui.screens.history_keys import HISTORY_BINDINGS, VIEWS, ViewName
from tui.screens.history_loading import RecentRead, read_older, read_recent
from tui.widgets.history_chart import HistoryChart, warm_up
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.ports import StorePort
    from tui.core.records.models import Marker
    from tui.widgets.calendar_view import CalendarView

RANGE_KEYS: dict[RangeName, str] = {"week": "w", "month": "m", "year": "y", "all": "a"}
HINT_REST_DAYS = 14
"""Dismissing the plan hint rests it for two weeks; after that it may come back, gently."""
FIRST_PAINT_WAIT = 2.0
"""Seconds the longer reads wait, at most, for the first chart to be on screen."""
READ_REST_AFTER = 0.15
"""Seconds after the first chart is on screen before the older years are read."""
GATHERING = "Gathering your history…"
NO_INSIGHTS = "Once there are a few weeks of check-ins, what stands out will show here in words."


class HistoryScreen(ThawScreen):
    """Charts switchable by range and view, a calendar, insights and a gentle plan pointer.

    The recent months (enough for the opening chart and every insight) are read before the
    first paint; a Textual worker then reads the last year, then everything, each step
    extending what is there and posted as a `Loaded` message. The chart widget builds and
    caches pictures in its own worker; once everything is read, the other ranges of the view
    on screen are built in idle time, so a range key only swaps pictures. Nothing on the main
    thread grows with the length of the history.
    """

    TITLE = "History"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    DEFAULT_CSS = """
    HistoryScreen #bar { height: 1; padding: 0 1; }
    HistoryScreen #calendar { display: none; height: 1fr; padding: 1 1 0 1; }
    HistoryScreen.-calendar #calendar { display: block; }
    HistoryScreen.-calendar #chart { display: none; }
    HistoryScreen #markers {
        height: 1; padding: 0 1; color: $warning; text-wrap: nowrap; text-overflow: ellipsis;
    }
    HistoryScreen #insights {
        height: 6; padding: 0 1; border-top: hkey $panel; scrollbar-size-vertical: 1;
    }
    /* A phone's window (under 20 rows): the chart keeps most of the height, the words scroll. */
    HistoryScreen.-short #insights { height: 3; }
    HistoryScreen #insight-text { height: auto; }
    HistoryScreen #insight-text.-none { color: $foreground-muted; }
    HistoryScreen #hint { display: none; height: auto; color: $secondary; }
    HistoryScreen #hint.-shown { display: block; }
    """
    # Every box has a fixed height whatever the data: the chart's size is known from the first
    # layout, so its first picture is built once, at the right size, as soon as data is in.
    # Help lists each key once, in words: bindings with the same tooltip make one row ("1 to 5",
    # "← / →", "w m y a"), in the order they come here; the footer shows the ranges and markers.
    BINDINGS: ClassVar[list[BindingType]] = [*ThawScreen.BINDINGS, *HISTORY_BINDINGS]

    class Ready(Message):
        """The current view is fully drawn from all the data it needs (benchmarks wait for it)."""

    class Loaded(Message):
        """The loader read one more step of the history."""

        def __init__(self, data: HistoryData) -> None:
            super().__init__()
            self.data = data

    class LoadFailed(Message):
        """The loader could not read the history; `text` says why, in a sentence."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self) -> None:
        warm_up(self.app)  # plotext's import begins now, beside the reading below
        super().__init__()
        self.view: ViewName = "mood"
        self.range: RangeName = "month"
        self.data: HistoryData | None = None
        self._marker_edits = 0  # part of every chart's key: markers are drawn on the charts
        self._marker_labels: list[str] = []  # the markers strip, made again to fit on a resize
        self._shown: dict[str, str] = {}
        self._problem = ""
        self._froze = False  # True once this screen has frozen objects (see _settle_memory)
        self._reading = False  # the older years' read has begun
        self._reading_soon = False  # the first chart is up: the read is scheduled
        self._recent: RecentRead | None = None
        # The recent months are read here, before compose: a few milliseconds even with ten
        # years stored, and the first paint then holds the chart and the insights, instead of
        # a placeholder followed by another round of layout and paint. The older years are
        # read in a worker once the first chart is on screen (`_read_soon`).
        app = self.thaw
        try:
            self._recent = read_recent(app.store, app.content, app.clock.now().date())
        except ThawError as err:
            self._problem = f"History can't be shown right now. {err}"
            return
        self.data = self._recent.data

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="bar")
        yield HistoryChart(id="chart")
        yield Static("", id="markers", markup=False)
        with VerticalScroll(id="insights"):
            yield Static("", id="hint", markup=False)
            yield Static("", id="insight-text", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        # However the first paint goes, the older years are read after this long at most.
        self._read_soon(FIRST_PAINT_WAIT)
        self._show_bar()
        if self.data is None:
            self.query_one("#chart", HistoryChart).show_message(self._problem or GATHERING)
            return
        self._show_insights(self.data)
        self._show_hint(self.data)
        self._redraw()

    # --- loading ----------------------------------------------------------------------------
    def _read_soon(self, delay: float) -> None:
        """Read the older years `delay` seconds from now (if not begun by then): while the
        screen is still settling, longer reads would only slow its last paints."""
        if delay > 0:
            self.set_timer(delay, self._start_reading)
        else:
            self._start_reading()

    def _start_reading(self) -> None:
        if not self._reading and self._recent is not None and self.is_attached:
            self._reading = True
            self._read_older(self.thaw.store, self._recent)

    @work(thread=True, exclusive=True, group="history-read", exit_on_error=False)
    def _read_older(self, store: StorePort, recent: RecentRead) -> None:
        """Worker: the last year, then everything, each step posted as it is read."""
        worker = get_current_worker()
        try:
            for data in read_older(store, recent):
                if worker.is_cancelled:
                    return  # history was closed
                self.post_message(self.Loaded(data))
        except ThawError as err:
            self.post_message(self.LoadFailed(f"History can't be shown right now. {err}"))

    def on_history_screen_load_failed(self, message: LoadFailed) -> None:
        """The recent months are shown; views reaching further back say why they can't."""
        self._problem = message.text
        self.app.notify(message.text, severity="warning")
        self._redraw()

    def on_history_screen_loaded(self, message: Loaded) -> None:
        """New aggregates: the text panels and the view on screen."""
        data = message.data
        self.data = data
        self._show_insights(data)
        self._show_hint(data)
        self._redraw()
        if data.complete:
            self._settle_memory()

    def _settle_memory(self) -> None:
        """Exempt what exists now (the app's screens, ten years of aggregates) from Python's full
        cycle-collector passes while history is open; given back when it closes.

        A full pass scans every object the process holds and stops every thread meanwhile: with
        home, history and ten years of days in memory that was 50 ms and more on a slow machine,
        and when it fell inside a resize, keys waited for both. Objects made from here on are
        still collected as usual. Closing history unfreezes everything, start-up's own freeze
        (`tui.startup_gc`) included: from then on the collector works as Python's default does.
        """
        gc.freeze()
        self._froze = True

    def on_unmount(self) -> None:
        if self._froze:
            gc.unfreeze()
            self._froze = False

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
        self._marker_edits += 1
        self._redraw()

    # --- drawing ----------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """True when the current view is on screen, drawn from all the data it needs."""
        data = self.data
        if data is None or not self.is_mounted:
            return False
        if self.view == "calendar":
            return data.covers(calendar_reach(data.today)) and self.has_class("-calendar")
        if not data.covers(reach(self.range, data.today)):
            return False
        chart = self.query_one("#chart", HistoryChart)
        return chart.key == self._key(self.view, self.range) and chart.painted

    @property
    def settled(self) -> bool:
        """True when everything is read, shown, and no chart is left to build in idle time."""
        data = self.data
        return (
            self.ready
            and data is not None
            and data.complete
            and self.query_one("#chart", HistoryChart).idle
        )

    def on_history_chart_painted(self, event: HistoryChart.Painted) -> None:
        if not self._reading and not self._reading_soon and self.ready:
            # Longer reads start a moment after this picture has reached the screen.
            self._reading_soon = True
            self.call_after_refresh(self._read_soon, READ_REST_AFTER)
            self.call_after_refresh(self._settle_memory)
        if self.ready:
            self.post_message(self.Ready())

    def _redraw(self) -> None:
        self._show_bar()
        data = self.data
        if data is None:
            return
        chart = self.query_one("#chart", HistoryChart)
        if self.view == "calendar":
            if data.covers(calendar_reach(data.today)):
                self._calendar().show(
                    calendar_grid(moods_since(data, calendar_reach(data.today)), data.today)
                )
                self.add_class("-calendar")
            else:
                chart.show_message(self._problem or GATHERING)
            self._show_markers([])
        else:
            self.remove_class("-calendar")
            view: ChartView = self.view
            if data.covers(reach(self.range, data.today)):
                chart.show(
                    self._key(view, self.range), partial(chart_or_sentence, data, view, self.range)
                )
            else:
                chart.show_message(self._problem or GATHERING)
            start, end = window(data, self.range)
            self._show_markers([m for m in data.markers if start <= local_day(m.at) <= end])
            if data.complete:
                # Idle time builds the other ranges of this view: a range key then only swaps.
                chart.prefetch(
                    [
                        (self._key(view, name), partial(chart_or_sentence, data, view, name))
                        for name in RANGES
                        if name != self.range
                    ]
                )
        if self.view == "calendar" or not data.covers(reach(self.range, data.today)):
            self._read_soon(0)  # no chart to wait for: read the rest now
        if self.ready:
            self.post_message(self.Ready())

    def _calendar(self) -> CalendarView:
        """The year calendar, made the first time it is asked for (most visits never do)."""
        from tui.widgets.calendar_view import CalendarView

        found = self.query(CalendarView)
        if found:
            return found.first()
        calendar = CalendarView(id="calendar")
        self.mount(calendar, after="#chart")
        return calendar

    def _key(self, view: ChartView, name: RangeName) -> tuple[int, bool, str, str]:
        """A chart's cache key. A chart is only built once the data reaches back as far as its
        range needs, and later, longer reads do not change it: the key need not name them.
        """
        assert self.data is not None
        return (self._marker_edits, self.data.empty, view, name)

    def _set(self, widget: Static, content: str | Text, *, layout: bool = True) -> None:
        """Update a Static only when its words change: each update costs a repaint or layout."""
        key = content.plain + repr(content.spans) if isinstance(content, Text) else content
        if self._shown.get(widget.id or "") != key:
            self._shown[widget.id or ""] = key
            widget.update(content, layout=layout)

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
        self._set(self.query_one("#bar", Static), text, layout=False)

    def _show_markers(self, markers: list[Marker]) -> None:
        """The markers in this stretch, newest last, on one line (it never changes size).

        Only whole markers are shown: the line is made for the width, and again on a resize.
        """
        self._marker_labels = [f"{_day(local_day(m.at))} {shown_line(m.text)}" for m in markers]
        self._fit_markers()

    def _fit_markers(self) -> None:
        line = marker_strip(self._marker_labels, self.size.width - 2)  # 2: the strip's padding
        self._set(self.query_one("#markers", Static), Text(line, no_wrap=True), layout=False)

    def on_resize(self) -> None:
        if self.is_mounted:
            self._fit_markers()

    def _show_insights(self, data: HistoryData) -> None:
        widget = self.query_one("#insight-text", Static)
        text = "\n".join(f"· {shown_line(i.text)}" for i in data.insights)
        self._set(widget, (text or NO_INSIGHTS) + "\n\n" + self._pointers(data))
        widget.set_class(not text, "-none")

    def _pointers(self, data: HistoryData) -> str:
        from tui.core.reflection import history_pointers

        try:
            title = self.thaw.content.reflection.note_title
        except ContentError:
            title = "A few questions, answered"
        return history_pointers(data.markers, title, data.today, data.first_day)

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
        """w, m, y, a: the stretch of time the charts cover (on the calendar: a month or year)."""
        if self.view == "calendar" and self.data is not None:
            from tui.widgets.calendar_month import calendar_range_key

            calendar_range_key(self, name, self.data.today)
            return
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
