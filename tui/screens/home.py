"""Home: today at a glance, the last few entries, and one key to every place in Thaw."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from tui.core.errors import ThawError
from tui.core.text import clean_line
from tui.screens import SCREENS
from tui.screens.base import ThawScreen, describe_time

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.models import CheckIn, Draft

SPARK_DAYS = 28
SPARK_WIDTH = 56
SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
BANNER_DELAY = 0.15  # seconds after the first paint
RECENT = 5
# "Several recent check-ins at the very bottom": this many of the last RECENT at or below LOW_MOOD.
LOW_MOOD, LOW_NEEDED = 2, 3

# The places listed on home, in reading order; keys come from the registry.
MENU = (
    "checkin",
    "breathe",
    "meditate",
    "ground",
    "history",
    "ideas",
    "plan",
    "entries",
    "support",
    "settings",
)


def daily_means(checkins: list[CheckIn], end: date, days: int) -> list[float]:
    """Mean mood for each day with a check-in in the `days` up to `end`, oldest first.

    Days without a check-in are left out rather than drawn as a dip: missing a day is not a low.
    """
    start = end - timedelta(days=days - 1)
    by_day: dict[date, list[int]] = defaultdict(list)
    for c in checkins:
        day = c.at.date()
        if start <= day <= end:
            by_day[day].append(c.mood)
    return [sum(v) / len(v) for _, v in sorted(by_day.items())]


def spark_rows(values: list[float], width: int = SPARK_WIDTH) -> str:
    """A two-row bar line of moods 1-10 (16 steps), each value as wide as `width` allows.

    Drawn on a fixed 1-10 scale, so a calm month looks calm instead of being stretched to fill.
    """
    if not values:
        return ""
    cell = max(1, min(3, width // len(values)))
    top, bottom = [], []
    for value in values:
        level = round((min(10.0, max(1.0, value)) - 1) / 9 * 15)
        top.append((SPARK_BLOCKS[level - 8] if level >= 8 else " ") * cell)
        bottom.append((SPARK_BLOCKS[-1] if level >= 8 else SPARK_BLOCKS[level]) * cell)
    return "".join(top).rstrip() + "\n" + "".join(bottom)


def problem_lines(store_problems: list[tuple[str, str]], read_only: bool) -> list[str]:
    """Sentences for the banner, from (message, kept_at) pairs and the read-only flag."""
    lines: list[str] = []
    if read_only:
        lines.append(
            "Thaw can't save right now: the data folder can't be written to. "
            "Your past entries are safe."
        )
    for message, kept_at in store_problems:
        line = message.rstrip()
        if kept_at:
            line += f" The file was kept at {kept_at}; `python -m tui doctor` helps put it back."
        lines.append(line)
    return lines


class HomeScreen(ThawScreen):
    """The first screen. Loads only the last four weeks, so it opens fast with years of history.

    Nothing here is focused until after the first paint: focusing restyles the whole body.
    """

    TITLE = "Thaw"
    AUTO_FOCUS = None
    DEFAULT_CSS = """
    HomeScreen #home-body { padding: 0 2; }
    HomeScreen #banner {
        display: none; height: auto; margin-top: 1; padding: 0 1;
        border-left: thick $warning; color: $warning;
    }
    HomeScreen #banner.-shown { display: block; }
    HomeScreen #today { margin-top: 1; text-style: bold; height: auto; }
    HomeScreen #draft { color: $accent; height: auto; }
    HomeScreen #low-line { color: $secondary; height: auto; }
    HomeScreen .section { color: $foreground-muted; margin-top: 1; height: 1; }
    HomeScreen #spark { height: 2; color: $primary; }
    HomeScreen #recent { height: auto; }
    HomeScreen #menu { height: auto; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back", show=False),
        Binding("c", "app.open_screen('checkin')", "Check in"),
        Binding("b", "app.open_screen('breathe')", "Breathe"),
        Binding("m", "app.open_screen('meditate')", "Meditate", show=False),
        Binding("g", "app.open_screen('ground')", "Ground"),
        Binding("h", "app.open_screen('history')", "History", show=False),
        Binding("i", "app.open_screen('ideas')", "Ideas", show=False),
        Binding("p", "app.open_screen('plan')", "Plan", show=False),
        Binding("e", "app.open_screen('entries')", "Entries"),
        Binding("s", "app.open_screen('support')", "Support", show=False),
        Binding("comma", "app.open_screen('settings')", "Settings", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._shown = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="home-body"):
            yield Static("", id="banner", markup=False)
            yield Static("", id="today", markup=False)
            yield Static("", id="draft", markup=False)
            yield Static("", id="low-line", markup=False)
            yield Static("Your mood, last four weeks (days you checked in)", classes="section")
            yield Static("", id="spark", markup=False)
            yield Static("Last entries", classes="section")
            yield Static("", id="recent")
            yield Static(self._menu(), id="menu")
        yield Footer()

    def on_mount(self) -> None:
        now = self.thaw.clock.now()
        self.sub_title = f"{now.strftime('%A')} {now.day} {now.strftime('%B')}"
        self.refresh_data()
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        # The body takes the arrow keys for scrolling on small terminals.
        self.query_one("#home-body").focus()
        # Checking every file for problems reads all of history: do it once the screen is up.
        self.set_timer(BANNER_DELAY, self._show_banner)

    def on_screen_resume(self) -> None:
        # The first resume comes straight after mounting, which has just read everything.
        if self._shown:
            self.refresh_data()  # back from another screen: something may have changed
        self._shown = True

    # --- data -------------------------------------------------------------------------------
    def refresh_data(self) -> None:
        """Read the last four weeks (and the newest few entries) and redraw."""
        now = self.thaw.clock.now()
        today = now.date()
        store = self.thaw.store
        try:
            weeks = store.checkins(since=today - timedelta(days=SPARK_DAYS - 1), until=today)
            recent = list(reversed(weeks[-RECENT:]))
            if len(recent) < RECENT:
                recent = store.recent_checkins(RECENT)
            draft = store.draft()
        except ThawError as err:
            self.query_one("#today", Static).update(f"Your entries can't be read right now. {err}")
            return
        self._show_today(recent, today)
        self._show_draft(draft)
        self._show_low_line(recent)
        means = daily_means(weeks, today, SPARK_DAYS)
        spark = self.query_one("#spark", Static)
        spark.update(spark_rows(means))
        spark.display = len(means) >= 2
        self.query_one(".section", Static).display = len(means) >= 2
        self.query_one("#recent", Static).update(self._recent_table(recent))

    def _show_banner(self) -> None:
        store = self.thaw.store
        problems = [
            (p.message, str(p.moved_to) if p.moved_to else "")
            for p in getattr(store, "problems", [])
            if p.serious
        ]
        lines = problem_lines(problems, bool(getattr(store, "read_only", False)))
        banner = self.query_one("#banner", Static)
        banner.update("\n".join(lines))
        banner.set_class(bool(lines), "-shown")

    def _show_today(self, recent: list[CheckIn], today: date) -> None:
        todays = [
            c for c in recent if c.at.astimezone(self.thaw.clock.now().tzinfo).date() == today
        ]
        if todays:
            last = todays[0]
            text = (
                f"You checked in today at {last.at.strftime('%H:%M')} (mood {last.mood}). "
                "Come back any time you like."
            )
        else:
            text = "No check-in yet today. Whenever you're ready, press c. It takes a few seconds."
        self.query_one("#today", Static).update(text)

    def _show_draft(self, draft: Draft | None) -> None:
        widget = self.query_one("#draft", Static)
        if draft is None:
            widget.update("")
            widget.display = False
            return
        when = describe_time(draft.saved_at, self.thaw.clock.now())
        widget.update(f"You have an unfinished check-in from {when}. Press c to pick it up.")
        widget.display = True

    def _show_low_line(self, recent: list[CheckIn]) -> None:
        widget = self.query_one("#low-line", Static)
        low = sum(1 for c in recent[:RECENT] if c.mood <= LOW_MOOD)
        widget.display = low >= LOW_NEEDED
        widget.update("Things have been very hard lately. Support is one key away: press s or F2.")

    def _recent_table(self, recent: list[CheckIn]) -> Table | Text:
        if not recent:
            return Text("Nothing here yet. Your first check-in will show here.", style="dim")
        now = self.thaw.clock.now()
        content = self.thaw.content
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(overflow="ellipsis", no_wrap=True, ratio=1)
        for c in recent:
            names = []
            for emotion_id in c.emotions:
                emotion = content.emotion(emotion_id)
                names.append(emotion.name if emotion is not None else emotion_id)
            detail = ", ".join(names)
            note = clean_line(c.note)
            if note:
                detail = f"{detail} · {note}" if detail else note
            table.add_row(
                Text(describe_time(c.at, now), style="dim"),
                Text(f"mood {c.mood:>2}"),
                Text(detail),  # Text() never parses markup: user words stay words
            )
        return table

    def _menu(self) -> Table:
        table = Table.grid(padding=(0, 3))
        for _ in range(3):
            table.add_column(no_wrap=True)
        cells: list[Text] = []
        for name in MENU:
            info = SCREENS[name]
            key = "F2/s" if name == "support" else info.key
            cells.append(Text.assemble((f"{key:>4} ", "bold"), info.title))
        cells.append(Text.assemble(("  F1 ", "bold"), "Keys"))
        cells.append(Text.assemble(("  ^p ", "bold"), "Find anything"))
        for i in range(0, len(cells), 3):
            row = cells[i : i + 3]
            row += [Text("")] * (3 - len(row))
            table.add_row(*row)
        return table
