"""Home: today at a glance, the last few entries, and one key to every place in Thaw."""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from tui.core.errors import ThawError
from tui.core.outward import shown_line
from tui.core.paths import command
from tui.screens import SCREENS
from tui.screens.base import ThawScreen, describe_time
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.care import DamagedFile
    from tui.core.records.models import CheckIn

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
    "import_file",
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


_KINDS = {
    "checkins": "check-ins",
    "markers": "markers",
    "sessions": "practice times",
    "plan": "plan",
    "settings": "settings",
}


def describe_file(rel: str) -> str:
    """'checkins/2026-11.json' -> 'your check-ins for November 2026', in plain words."""
    path = PurePosixPath(rel)
    kind = _KINDS.get(path.parent.name) or _KINDS.get(path.stem) or "saved"
    try:
        month = datetime.strptime(path.stem, "%Y-%m")
    except ValueError:
        return f"your {kind} file"
    return f"your {kind} for {month.strftime('%B %Y')}"


def damage_lines(damaged: Sequence[DamagedFile]) -> list[str]:
    """One calm sentence per damaged file, then the offer to put back the newest good backup."""
    lines: list[str] = []
    for d in damaged:
        what = describe_file(d.rel)
        line = f"Thaw couldn't read {what}, so it set the file aside; nothing was deleted."
        if d.backup is None:
            doctor = command("doctor")
            line += f" There is no earlier backup of it; {doctor} tells what can be done."
        lines.append(line)
    with_backup = [d.backup for d in damaged if d.backup is not None]
    if len(with_backup) == 1:
        lines.append(
            f"Press r to put back {with_backup[0].described}, merged with anything saved since."
        )
    elif with_backup:
        lines.append(
            "Press r to put back the newest good backup of each, merged with anything saved since."
        )
    return lines


def problem_lines(
    store_problems: list[str], read_only: bool, damaged: Sequence[DamagedFile] = ()
) -> list[str]:
    """Sentences for the banner: can't save, damaged files (with the offer), other problems."""
    lines: list[str] = []
    if read_only:
        lines.append(
            "Thaw can't save right now: the data folder can't be written to. "
            "Your past entries are safe."
        )
    lines.extend(damage_lines(damaged))
    lines.extend(message.rstrip() for message in store_problems)
    return lines


def place_key(name: str, label: str, *, show: bool = False) -> Binding:
    """Home's key to a place, in the registry's words ("h", "History: how the last weeks...")."""
    info = SCREENS[name]
    key = "comma" if info.key == "," else info.key  # a comma would split the key list
    words = f"{label}: {info.description[:1].lower()}{info.description[1:]}"
    return Binding(
        key, f"app.open_screen('{name}')", label, show=show, tooltip=words, id=f"home-{name}"
    )


class HomeScreen(ThawScreen):
    """The first screen. Loads only the last four weeks, so it opens fast with years of history.

    Built for a quick first paint: the data is read while composing, so each line is made once
    with its words; a line with nothing to say (no draft, no problem) is not made at all; and
    nothing is focused until after the paint, since focusing restyles the whole body. Coming
    back from another screen composes it afresh.
    """

    TITLE = "Thaw"
    AUTO_FOCUS = None
    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]
    DEFAULT_CSS = """
    HomeScreen #home-body { padding: 0 2; align-horizontal: center; }
    /* A wide window: a readable column in the middle, not a strip along the left edge. */
    HomeScreen #home-body > * { width: 100%; max-width: 100; }
    HomeScreen.-tall #home-body { padding: 2 2; align-vertical: middle; }
    HomeScreen #banner {
        height: auto; margin-top: 1; padding: 0 1; border-left: thick $warning; color: $warning;
    }
    HomeScreen #today { margin-top: 1; text-style: bold; }
    HomeScreen #draft { color: $accent; }
    HomeScreen #low-line { color: $secondary; }
    HomeScreen .section { color: $foreground-muted; margin-top: 1; }
    HomeScreen #spark { color: $primary; }
    HomeScreen #recent { text-wrap: nowrap; text-overflow: ellipsis; }
    HomeScreen #recent.-empty { text-wrap: wrap; }
    HomeScreen #menu { margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.back", "Back", show=False, tooltip="Go back", id="back"),
        place_key("checkin", "Check in", show=True),
        # The menu on the screen shows every place and its key; the footer keeps to the few.
        place_key("breathe", "Breathe"),
        place_key("meditate", "Meditate"),
        place_key("ground", "Ground"),
        place_key("history", "History"),
        place_key("ideas", "Ideas"),
        place_key("plan", "Plan"),
        place_key("entries", "Entries"),
        Binding(
            "s",
            "app.open_screen('support')",
            "Support",
            show=False,
            tooltip="Support: people and lines you can reach",
            id="support-too",
        ),
        place_key("settings", "Settings"),
        place_key("what_helps", "What helps"),
        place_key("import_file", "Import"),
        Binding(
            "r",
            "put_back",
            "Put back the backup",
            tooltip="Put back the newest good backup of a damaged file",
            id="home-put-back",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._resumed = False
        self._banner: list[str] = []
        self._damaged: list[DamagedFile] = []
        self._putting_back = False
        self._recent: list[CheckIn] = []

    def compose(self) -> ComposeResult:
        now = self.thaw.clock.now()
        self.sub_title = f"{now.strftime('%A')} {now.day} {now.strftime('%B')}"
        yield Header()
        with VerticalScroll(id="home-body"):
            if self._banner:
                yield self._banner_widget()
            yield from self._body(now)
            yield Static(self._menu(), id="menu")
        yield KeyFooter()

    def _body(self, now: datetime) -> Iterator[Static]:
        """Today, an unfinished draft, a hard stretch, the last four weeks and the last entries."""
        today = now.date()
        store = self.thaw.store
        try:
            weeks = store.checkins(since=today - timedelta(days=SPARK_DAYS - 1), until=today)
            recent = list(reversed(weeks[-RECENT:]))
            if len(recent) < RECENT:
                recent = store.recent_checkins(RECENT)
            draft = store.draft()
        except ThawError as err:
            text = f"Your entries can't be read right now. {err}"
            yield Static(text, id="today", markup=False)
            return
        yield Static(today_line(recent, now), id="today", markup=False)
        if draft is not None:
            when = describe_time(draft.saved_at, now)
            text = f"You have an unfinished check-in from {when}. Press c to pick it up."
            yield Static(text, id="draft", markup=False)
        if sum(1 for c in recent[:RECENT] if c.mood <= LOW_MOOD) >= LOW_NEEDED:
            text = "Things have been very hard lately. Support is one key away: press s or F2."
            yield Static(text, id="low-line", markup=False)
        means = daily_means(weeks, today, SPARK_DAYS)
        if len(means) >= 2:
            heading = "Your mood, last four weeks (days you checked in)"
            yield Static(heading, classes="section", markup=False)
            yield Static(spark_rows(means), id="spark", markup=False)
        yield Static("Last entries", classes="section", markup=False)
        self._recent = recent
        yield Static(
            self._recent_lines(recent, now, exact_names=False),
            id="recent",
            classes="" if recent else "-empty",
        )

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_paint)

    def on_resize(self) -> None:
        menu = self.query_one("#menu", Static)
        if menu.content is not self._menu():
            menu.update(self._menu())
        self._place_menu()

    def _place_menu(self) -> None:
        """On a short window the menu comes straight after today's line, so every place is in
        sight at once; the last entries follow it (scrolling reaches them)."""
        body = self.query_one("#home-body", VerticalScroll)
        menu = self.query_one("#menu", Static)
        short = self.app.size.height < MENU_FIRST_BELOW
        first = self.query("#today")
        if not first:
            return
        today = first.first()
        if (
            short
            and menu.parent is body
            and body.children.index(menu) > body.children.index(today) + 1
        ):
            body.move_child(menu, after=today)
        elif not short and body.children[-1] is not menu:
            body.move_child(menu, after=body.children[-1])

    def _menu(self) -> Text:
        return MENU_WIDE if self.app.size.width >= MENU_WIDE_FROM else MENU_NARROW

    def _after_first_paint(self) -> None:
        # The body takes the arrow keys for scrolling on small terminals.
        self.query_one("#home-body").focus()
        self._name_feelings()
        # Checking every file for problems reads all of history: once the screen is up, and in
        # a thread, so a key pressed meanwhile is not kept waiting for it.
        self.set_timer(BANNER_DELAY, self._start_file_check)

    async def on_screen_resume(self) -> None:
        # The first resume comes straight after mounting, which has just read everything.
        if self._resumed:
            await self.recompose()  # back from another screen: something may have changed
            self.query_one("#home-body").focus()
        self._resumed = True

    # --- the file check ---------------------------------------------------------------------
    def _start_file_check(self) -> None:
        self.run_worker(
            self._check_files, thread=True, exclusive=True, group="file-check", exit_on_error=False
        )

    def _check_files(self) -> None:
        """In a worker thread: the store's file problems, as banner lines, handed to the screen."""
        store = self.thaw.store
        damaged: list[DamagedFile] = []
        try:
            store.scan()  # the full check: every file once, damaged ones set aside
            damaged = list(store.damaged_files())
            # Damaged files are told by `damaged_lines`; their set-aside notices would repeat it.
            problems = [
                p.message
                for p in getattr(store, "problems", [])
                if p.serious and p.moved_to is None
            ]
        except (ThawError, OSError):
            problems = []  # the check itself failing is not news: saving will say what is wrong
        lines = problem_lines(problems, bool(getattr(store, "read_only", False)), damaged)
        with contextlib.suppress(OSError):
            from tui.core.exchange.journal import notice

            cut_short = notice(store.data_dir)
            if cut_short:
                lines.append(f"{cut_short} Or press f, then Ctrl+F, to finish it here.")
        with contextlib.suppress(RuntimeError):  # the app closed meanwhile
            self.app.call_from_thread(self._show_banner, lines, damaged)
        # History's code and plotext are not imported here ahead of h: they are 3 MiB, a tenth
        # of the app's memory for a screen not everyone opens; history imports them itself.

    # --- putting a backup back --------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "put_back":
            return any(d.backup is not None for d in self._damaged) and not self._putting_back
        return True

    def action_put_back(self) -> None:
        """r: put back the newest good backup of each damaged file, merged with what came since."""
        if self._putting_back:
            return
        self._putting_back = True
        self.refresh_bindings()
        self.run_worker(
            self._put_back, thread=True, exclusive=True, group="put-back", exit_on_error=False
        )

    def _put_back(self) -> None:
        """In a worker thread: restore each file, then tell the store's own plain messages."""
        messages: list[str] = []
        for d in self._damaged:
            if d.backup is None:
                continue
            try:
                messages.append(self.thaw.store.restore_file(d.rel, d.backup.day).message)
            except (ThawError, OSError) as err:
                messages.append(f"Couldn't put back {describe_file(d.rel)}: {err}")
        with contextlib.suppress(RuntimeError):
            self.app.call_from_thread(self._after_put_back, messages)

    def _after_put_back(self, messages: list[str]) -> None:
        self._putting_back = False
        for message in messages:
            self.app.notify(message, timeout=10)
        self._banner, self._damaged = [], []
        self.call_later(self._read_again)

    async def _read_again(self) -> None:
        """What was put back shows at once; the file check runs again for anything left."""
        await self.recompose()
        self.query_one("#home-body").focus()
        self.refresh_bindings()
        self._start_file_check()

    def _show_banner(self, lines: list[str], damaged: list[DamagedFile] | None = None) -> None:
        self._banner = lines
        self._damaged = list(damaged or [])
        self.refresh_bindings()
        for old in self.query("#banner"):
            old.remove()
        if lines:
            self.query_one("#home-body").mount(self._banner_widget(), before=0)

    def _banner_widget(self) -> Static:
        return Static("\n".join(self._banner), id="banner", markup=False)

    # --- drawing ----------------------------------------------------------------------------
    def _name_feelings(self) -> None:
        """Swap the first paint's plain feeling names for the vocabulary's own ("can't tell")."""
        if any(c.emotions for c in self._recent):
            now = self.thaw.clock.now()
            self.query_one("#recent", Static).update(self._recent_lines(self._recent, now))

    def _recent_lines(
        self, recent: list[CheckIn], now: datetime, *, exact_names: bool = True
    ) -> Text:
        """One line an entry: when, mood, feelings and the note's start (cut with … to fit).

        Reading the vocabulary costs ~11 ms of TOML before the first paint, so that paint names
        feelings from their ids ("cant_tell" -> "cant tell"; 63 of 65 read the same) and
        `_name_feelings` puts in the exact names a frame later.
        """
        if not recent:
            return Text("Nothing here yet. Your first check-in will show here.", style="dim")
        content = self.thaw.content
        exact_names = exact_names or "emotions.toml" in content.files_read
        whens = [describe_time(c.at, now) for c in recent]
        width = max(len(when) for when in whens)
        text = Text()  # each line is cut with … at the window's edge (#recent's CSS)
        for number, (c, when) in enumerate(zip(recent, whens, strict=True)):
            names = []
            for emotion_id in c.emotions:
                emotion = content.emotion(emotion_id) if exact_names else None
                fallback = emotion_id.replace("_", " ")
                names.append(emotion.name if emotion is not None else shown_line(fallback))
            detail = ", ".join(names)
            note = shown_line(c.note)
            if note:
                detail = f"{detail} · {note}" if detail else note
            if number:
                text.append("\n")
            text.append(when.ljust(width), style="dim")
            text.append(f"  mood {c.mood:>2}  ")
            text.append(detail)  # appended as plain text: user words never become markup
        return text


def today_line(recent: list[CheckIn], now: datetime) -> str:
    """Whether there is a check-in today (newest first in `recent`), said kindly either way."""
    todays = [c for c in recent if c.at.astimezone(now.tzinfo).date() == now.date()]
    if todays:
        last = todays[0]
        return (
            f"You checked in today at {last.at.strftime('%H:%M')} (mood {last.mood}). "
            "Come back any time you like."
        )
    return "No check-in yet today. Whenever you're ready, press c. It takes a few seconds."


def menu_text(per_row: int = 3) -> Text:
    """Every place on home with its key, `per_row` to a row, in columns (quick to draw)."""
    cells: list[tuple[str, str]] = []
    for name in MENU:
        info = SCREENS[name]
        cells.append(("F2/s" if name == "support" else info.key, info.title))
    cells += [("F1", "Keys"), ("^p", "Find anything")]
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    # Each cell: the key right-aligned in four columns, a space, the title padded to the column.
    widths = [max(len(row[c][1]) for row in rows if c < len(row)) for c in range(per_row)]
    text = Text()
    for number, row in enumerate(rows):
        if number:
            text.append("\n")
        for column, (key, title) in enumerate(row):
            text.append(f"{key:>4} ", style="bold")
            last = column == len(row) - 1
            text.append(title if last else title.ljust(widths[column] + 3))
    return text


MENU_WIDE, MENU_NARROW = menu_text(3), menu_text(2)
# Below this many rows the menu is put above the last entries, so all of it is seen.
MENU_FIRST_BELOW = 20
# Below this many columns the three-column menu would wrap: two columns instead.
MENU_WIDE_FROM = 62
