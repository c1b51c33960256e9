"""ThawApp: the full-screen app, built from an injected store, content and clock."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import importlib
import signal
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.reactive import Initialize, Reactive
from textual.screen import Screen
from textual.theme import Theme

from tui import startup_gc
from tui.core.errors import DataError, StaleEditError, ThawError
from tui.core.models import Settings
from tui.key_order import KeyOrder, KeySettled
from tui.screens import SCREENS

if TYPE_CHECKING:
    from textual.events import Resize

    from tui.core.clock import Clock
    from tui.core.content import Content
    from tui.core.store import Store

MIN_WIDTH, MIN_HEIGHT = 40, 12
NOT_READY = "This part of Thaw is not ready yet."

# Calm, low-glare palettes: muted blue and sage on a soft charcoal or warm paper background.
THAW_DARK = Theme(
    name="thaw-dark",
    primary="#7FA7C9",
    secondary="#9BB89B",
    accent="#D9B77E",
    foreground="#D6DCE2",
    background="#161A1F",
    surface="#1D2329",
    panel="#262E36",
    success="#8FBF8F",
    warning="#D9B36C",
    error="#D98C8C",
    dark=True,
)
THAW_LIGHT = Theme(
    name="thaw-light",
    primary="#3C6A8F",
    secondary="#52785A",
    accent="#94652A",
    foreground="#2C333B",
    background="#F3F0E8",
    surface="#EAE6DC",
    panel="#DDD7CB",
    success="#3F7A4A",
    warning="#8A6415",
    error="#A4453F",
    dark=False,
)
THEMES = (THAW_DARK, THAW_LIGHT)
THEMES_BY_NAME = {theme.name: theme for theme in THEMES}
# Keys typed before the first screen has painted are held, then replayed; this long at most.
HOLD_KEYS_SECONDS = 2.0


class ThawCommands(Provider):
    """Command palette entries: every place in the registry, plus the app's own switches."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        app = cast("ThawApp", self.app)
        for name, info in SCREENS.items():
            yield info.title, info.description, partial(app.open_screen, name)
        yield from self._practice_commands(app)
        yield (
            "Add a marker",
            "Note something that happened (therapy, a move, a new dose) on your history",
            app.add_marker,
        )
        yield (
            "Write a summary for an appointment",
            "A short report of the last weeks and your plan, saved to a file",
            partial(app.open_then, "plan", "summary"),
        )
        motion = "off" if app.settings.reduced_motion else "on"
        yield (
            f"Turn reduced motion {motion}",
            "Still pictures instead of moving ones",
            app.action_toggle_reduced_motion,
        )
        bell = "off" if app.settings.bell else "on"
        yield f"Turn the bell {bell}", "A soft terminal bell for cues", app.action_toggle_bell
        other = "light" if app.theme != "thaw-light" else "dark"
        yield (
            f"Switch to the {other} theme",
            "Colours for a bright or a dim room",
            app.action_toggle_theme,
        )
        yield "Quit", "Close Thaw (an unfinished check-in is kept)", app.action_quit

    def _practice_commands(self, app: ThawApp) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """One entry per breathing pattern, grounding exercise and meditation length."""
        try:
            content = app.content
            patterns, exercises = content.breathing, content.grounding
            minutes = content.meditation.presets_minutes
        except Exception:  # content trouble is told by the practice screens themselves
            return
        for pattern in patterns:
            yield (
                f"Breathe: {pattern.name}",
                first_sentence(pattern.summary),
                partial(app.open_screen, "breathe", pattern=pattern.id),
            )
        for exercise in exercises:
            yield (
                f"Ground: {exercise.name}",
                first_sentence(exercise.intro),
                partial(app.open_screen, "ground", exercise=exercise.id),
            )
        for length in minutes:
            unit = "minute" if length == 1 else "minutes"
            yield (
                f"Meditate {length} {unit}",
                "A quiet timer with a gentle start and end",
                partial(app.open_screen, "meditate", minutes=float(length)),
            )

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = max(matcher.match(title), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


def first_sentence(text: str) -> str:
    """The first sentence of a content text, for a one-line palette help."""
    head, dot, _ = text.strip().partition(". ")
    return head + "." if dot else head


def _start_theme(app: ThawApp) -> str:
    return app.settings.theme if app.settings.theme in THEMES_BY_NAME else THAW_DARK.name


class ThawApp(App[None]):
    """Thaw. Everything it needs is handed in, so tests use a temp store and a fake clock.

    Start-up is kept close to a bare Textual app: the first screen is the app's default screen
    (no empty screen painted first), the saved theme is the starting theme (the stylesheet is
    built once, with the right colours), and everything the first screen does not show waits
    until after the first paint.
    """

    # Our theme from the first moment instead of textual-dark and a switch (a second CSS pass).
    theme: Reactive[str] = Reactive(Initialize(_start_theme))

    CSS_PATH = "app.tcss"
    TITLE = "Thaw"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ThawCommands}
    COMMAND_PALETTE_DISPLAY = "^p"
    # Screens without their own get "-narrow" below 60 columns (app.tcss: the header's title
    # takes the whole row there).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Keys", key_display="F1"),
        Binding("f2", "open_screen('support')", "Support", key_display="F2", priority=True),
        Binding("escape", "back", "Back", show=False),
        Binding("question_mark", "help", "Keys", show=False),
    ]

    def __init__(
        self,
        store: Store,
        content: Content,
        clock: Clock,
        *,
        start: str = "home",
        start_args: dict[str, object] | None = None,
        exit_after_checkin: bool = False,
    ) -> None:
        # Read before Textual builds its stylesheet, which takes its colours from `theme`.
        try:
            self._settings = store.settings()
        except ThawError:
            self._settings = Settings()  # home shows the store's problems in its banner
        super().__init__()
        self.store = store
        self.content = content
        self.clock = clock
        self.start = start if start in SCREENS else "home"
        self.start_args: dict[str, object] = dict(start_args or {})
        self.exit_after_checkin = exit_after_checkin
        for theme in THEMES:
            self.register_theme(theme)
        # What TEXTUAL_ANIMATIONS asked for, restored when reduced motion is turned off again.
        self._env_animation_level = self.animation_level
        if self._settings.reduced_motion:
            self.animation_level = "none"
        self._held_input: list[events.Key | events.Paste] | None = []
        # Lines `thaw checkin` prints to the terminal once the full screen has closed.
        self.farewell: list[str] = []
        # Keys in one burst (SSH, paste) are handed on one at a time, each after the last.
        self.key_order = KeyOrder(cast("App[object]", self), super().on_event)
        self._start_problem = ""

    def get_theme(self, theme_name: str) -> Theme | None:
        """Our themes are known before they are registered (the stylesheet is built in between)."""
        return THEMES_BY_NAME.get(theme_name) or super().get_theme(theme_name)

    # --- settings ---------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        """The current preferences (defaults if the settings file could not be read)."""
        return self._settings

    @property
    def reduced_motion(self) -> bool:
        """True when the person asked for less motion, or the terminal asked for no animation."""
        return self._settings.reduced_motion or self.animation_level == "none"

    def save_settings(self, new: Settings) -> Settings:
        """Store new preferences and apply them now; a save problem is told, still applied."""
        try:
            saved = self.store.save_settings(new)
        except StaleEditError:
            # Another window changed settings: keep theirs, lay our fields over the newer rev.
            try:
                current = self.store.settings()
                saved = self.store.save_settings(dataclasses.replace(new, rev=current.rev))
            except ThawError as err:
                self.notify(str(err), severity="warning")
                saved = new
        except ThawError as err:
            self.notify(str(err), severity="warning")
            saved = new
        self._apply_settings(saved)
        return saved

    def _apply_settings(self, settings: Settings) -> None:
        self._settings = settings
        if settings.theme in self.available_themes and settings.theme != self.theme:
            self.theme = settings.theme
        self.animation_level = "none" if settings.reduced_motion else self._env_animation_level
        self.refresh_bindings()

    def bell(self) -> None:
        """Ring the terminal bell (works over SSH), only when the bell setting is on."""
        if self._settings.bell:
            super().bell()

    def action_toggle_reduced_motion(self) -> None:
        """Switch reduced motion on or off and say which."""
        new = dataclasses.replace(self._settings, reduced_motion=not self._settings.reduced_motion)
        self.save_settings(new)
        self.notify("Reduced motion is on." if new.reduced_motion else "Reduced motion is off.")

    def action_toggle_bell(self) -> None:
        """Switch the bell on or off and say which."""
        new = dataclasses.replace(self._settings, bell=not self._settings.bell)
        self.save_settings(new)
        self.notify("The bell is on." if new.bell else "The bell is off.")

    def action_toggle_theme(self) -> None:
        """Swap between the dark and the light theme."""
        theme = "thaw-light" if self.theme != "thaw-light" else "thaw-dark"
        self.save_settings(dataclasses.replace(self._settings, theme=theme))

    # --- screens ----------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[object]:
        """The first screen is the bottom of the stack, so nothing else is built or painted."""
        screen = self._make_screen(self.start, self.start_args)
        if screen is None:
            title = SCREENS[self.start].title
            screen = self._make_screen("home", {})
            self._start_problem = f"{title} could not open, so here is home. {self._start_problem}"
        assert screen is not None, "the home screen always builds"
        # What `switch_screen` gives the screen it puts in place, so this one can be replaced
        # the same way later (a practice opened from the quick check-in, then home).
        screen._push_result_callback(screen, None)
        return screen

    def on_mount(self) -> None:
        self._install_hangup_handler()
        # Keys typed before the first paint wait for it: the first screen's own focus is set by
        # then, so `thaw checkin`, 7, Enter typed at once is a whole check-in.
        self.screen.call_after_refresh(self._release_held_input)
        self.screen.call_after_refresh(startup_gc.resume)
        self.set_timer(HOLD_KEYS_SECONDS, self._release_held_input)
        self.call_after_refresh(self._check_size)
        if self._start_problem:
            self.notify(self._start_problem.strip(), severity="warning")

    def on_unmount(self) -> None:
        self._remove_hangup_handler()

    async def on_event(self, event: events.Event) -> None:
        """Hold typing that arrives before the first screen can take it (see `on_mount`)."""
        held = self._held_input
        typed = isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded
        if held is not None and typed:
            held.append(cast("events.Key | events.Paste", event))
            return
        if typed:
            await self.key_order.take(cast("events.Key | events.Paste", event))
            return
        await super().on_event(event)

    def on_key_settled(self, message: KeySettled) -> None:
        """The key before has been handled all the way: the next one may go."""
        self.key_order.settled(message)

    def _release_held_input(self) -> None:
        """Replay held keys and pastes in the order they were typed."""
        held, self._held_input = self._held_input, None
        for event in held or []:
            if isinstance(event, events.Key):
                self.post_message(events.Key(event.key, event.character))
            else:
                self.post_message(events.Paste(event.text))

    def _make_screen(self, name: str, kwargs: dict[str, object]) -> Screen[object] | None:
        """A new screen by registry name, its module imported only now. None (and why) if not."""
        info = SCREENS.get(name)
        if info is None:
            self._start_problem = NOT_READY
            return None
        try:
            module = importlib.import_module(info.module)
            screen_class = getattr(module, info.class_name)
            screen = screen_class(**kwargs)
        except (ImportError, AttributeError, TypeError):
            self._start_problem = NOT_READY
            return None
        except ThawError as err:
            self._start_problem = str(err)
            return None
        return cast("Screen[object]", screen)

    def open_screen(self, name: str, **kwargs: object) -> bool:
        """Go to a screen by registry name, importing its module only now. False if it can't."""
        from tui.screens.base import TooSmallScreen

        info = SCREENS.get(name)
        if info is None:
            self.notify(NOT_READY)
            return False
        if isinstance(self.screen, TooSmallScreen):
            return False
        if name == "help":
            self.action_help()
            return True
        try:
            module = importlib.import_module(info.module)
            screen_class = getattr(module, info.class_name)
        except (ImportError, AttributeError):
            self.notify(NOT_READY, title=info.title)
            return False
        if type(self.screen) is screen_class and not kwargs:
            return True  # already here (F2 on the support screen)
        try:
            screen = screen_class(**kwargs)
        except (TypeError, ThawError) as err:
            message = str(err) if isinstance(err, ThawError) else NOT_READY
            self.notify(message, title=info.title, severity="warning")
            return False
        self.push_screen(screen)
        return True

    def replace_screen(self, name: str, **kwargs: object) -> bool:
        """Put screen `name` in place of the current one (nothing to go back to). False if not."""
        new = self._make_screen(name, kwargs)
        if new is None:
            return False
        self.switch_screen(new)
        return True

    def open_then(self, name: str, action: str) -> None:
        """Open a screen, then run one of its actions (the palette's "write a summary")."""
        if self.open_screen(name):
            self.call_after_refresh(self.run_action, f"screen.{action}")

    def add_marker(self) -> None:
        """The palette's "Add a marker": the history screen's own marker form, over this one."""
        try:
            from tui.screens.history_markers import MarkerForm
        except ImportError:
            self.open_screen("history")
            return

        def saved(done: bool | None) -> None:
            if done:
                self.notify("Marker saved. It shows on your history.")

        self.push_screen(MarkerForm(), saved)

    async def action_open_screen(self, name: str) -> None:
        """Binding and palette form of `open_screen`."""
        self.open_screen(name)

    async def action_back(self) -> None:
        """Esc: leave this screen. Home stays put; the quick check-in closes the app when done."""
        from tui.screens.base import TooSmallScreen

        screen = self.screen
        if isinstance(screen, TooSmallScreen) or type(screen).__name__ == "HomeScreen":
            return
        if len(self.screen_stack) > 1:
            self.pop_screen()
        elif self.exit_after_checkin:
            self.exit()
        else:
            # Opened straight onto a practice: going back means going home.
            self.replace_screen("home")

    def action_help(self) -> None:
        """F1 or ?: list every key of the current screen and the keys that work everywhere."""
        from tui.screens.help import HelpScreen, collect_keys

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        self.push_screen(HelpScreen(collect_keys(self.screen), title=self.screen.title or ""))

    # --- terminal size ----------------------------------------------------------------------
    @property
    def _background_screens(self) -> list[Screen[object]]:
        """The screens that show through the current one: none when it is opaque.

        Textual always counts the screen directly underneath, so on every resize it laid out
        home again (up to four times) beneath history's full-screen charts, a quarter of the
        main thread's work in a resize on a slow machine. A covered screen loses nothing: when
        it is shown again Textual lays it out for the size it finds. Translucent screens (the
        dialogs) still show what is under them.
        """
        stack = self._screen_stack
        if stack and stack[-1].styles.background.a == 1:
            return []
        return super()._background_screens

    def on_resize(self, event: Resize) -> None:
        self.call_after_refresh(self._check_size)

    def _check_size(self) -> None:
        """Below 40x12 the layout cannot fit: show one calm sentence until the window grows."""
        from tui.screens.base import TooSmallScreen

        width, height = self.size
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        on_top = isinstance(self.screen, TooSmallScreen)
        if too_small and not on_top:
            self.key_order.pause()  # typing waits for the form it was meant for
            self.push_screen(TooSmallScreen())
        elif not too_small and on_top:
            self.pop_screen()
            self.screen.call_after_refresh(self.key_order.resume)

    # --- SSH drop ---------------------------------------------------------------------------
    def _install_hangup_handler(self) -> None:
        if self.is_headless:
            return  # tests call `handle_hangup` directly; the test loop's signals stay untouched
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.handle_hangup)

    def _remove_hangup_handler(self) -> None:
        if self.is_headless:
            return
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)

    def handle_hangup(self) -> None:
        """The terminal went away: keep any unfinished check-in as a draft, then close quietly."""
        self._keep_drafts()
        self.exit(return_code=0)

    def _keep_drafts(self) -> None:
        for screen in self._all_screens():
            keep = getattr(screen, "keep_as_draft", None)
            if callable(keep):
                # Nobody is left to tell about a failure; the store never half-writes a file.
                with contextlib.suppress(ThawError, OSError):
                    keep()

    async def action_quit(self) -> None:
        """Ctrl+Q or the palette's Quit: words typed in a check-in are kept as a draft first."""
        self._keep_drafts()
        self.exit()

    def _all_screens(self) -> list[Screen[object]]:
        return list(self.screen_stack)

    def show_data_error(self, err: DataError) -> None:
        """A data problem during an action: its sentence, never a traceback."""
        self.notify(str(err), title="Thaw can't save right now", severity="error", timeout=10)
