"""ThawApp: the full-screen app, built from an injected store, content and clock."""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.binding import Binding, BindingType
from textual.reactive import Initialize, Reactive
from textual.screen import Screen

from tui import signals, startup_gc
from tui.commands import ThawCommands
from tui.core.errors import DataError, StaleEditError, ThawError
from tui.core.records.models import Settings
from tui.key_order import KeyOrder, KeySettled
from tui.screens import SCREENS
from tui.screens.too_small import TooSmallScreen
from tui.textual_private import CoveredScreensWait, PaintsWhatChanged, allow_switching_away
from tui.themes import THAW_DARK, THEMES, THEMES_BY_NAME

if TYPE_CHECKING:
    from textual.app import App
    from textual.command import Provider
    from textual.events import Resize
    from textual.theme import Theme

    from tui.core.clock import Clock
    from tui.core.content import Content
    from tui.core.ports import StorePort

MIN_WIDTH, MIN_HEIGHT = 40, 12
NOT_READY = "This part of Thaw is not ready yet."
SUPPORT_WORDS = "Support: people and lines you can reach"
MOVE_WORDS = "Move between parts of the screen"
COMMAND_PALETTE_DISPLAY = "^p"

# Keys typed before the first screen has painted are held, then replayed; this long at most.
HOLD_KEYS_SECONDS = 2.0


def _start_theme(app: ThawApp) -> str:
    return app.settings.theme if app.settings.theme in THEMES_BY_NAME else THAW_DARK.name


class ThawApp(CoveredScreensWait, PaintsWhatChanged):
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
    COMMAND_PALETTE_DISPLAY = COMMAND_PALETTE_DISPLAY
    # Screens without their own get "-narrow" below 60 columns (app.tcss: the header's title
    # takes the whole row there).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    # The keys that work everywhere; the help screen lists them from here, in this order.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", show=False, tooltip="Go back", id="back"),
        Binding("f1", "help", "Keys", key_display="F1", tooltip="These keys", id="help"),
        Binding("question_mark", "help", "Keys", show=False, tooltip="These keys", id="help-too"),
        Binding(
            "f2",
            "open_screen('support')",
            "Support",
            key_display="F2",
            priority=True,
            tooltip=SUPPORT_WORDS,
            id="support",
        ),
        # Textual's own palette key, given our words (Textual adds its own only without this).
        Binding(
            "ctrl+p",
            "command_palette",
            "palette",
            show=False,
            key_display=COMMAND_PALETTE_DISPLAY,
            priority=True,
            tooltip="Find any place or setting by typing",
            id="palette",
        ),
        # Screens move focus with these first (Textual's); here only to name them in the help.
        Binding("tab", "app.focus_next", "Next", show=False, tooltip=MOVE_WORDS, id="next"),
        Binding(
            "shift+tab", "app.focus_previous", "Previous", show=False, tooltip=MOVE_WORDS, id="prev"
        ),
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            show=False,
            priority=True,
            tooltip="Close Thaw (an unfinished check-in is kept)",
            id="quit",
        ),
        # Above every widget's own Ctrl+Z (the note's undo, which could wipe what was typed).
        Binding(
            "ctrl+z",
            "suspend_process",
            "Step out",
            show=False,
            priority=True,
            tooltip="Step out to the shell; fg brings Thaw back as it was",
            id="suspend",
        ),
    ]

    def __init__(
        self,
        store: StorePort,
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
        self.store: StorePort = store
        self.content = content
        self.clock = clock
        self.start = start if start in SCREENS else "home"
        self.start_args: dict[str, object] = dict(start_args or {})
        self.exit_after_checkin = exit_after_checkin
        #: Lines `thaw checkin` prints once the full screen has closed (the saved check-in and
        #: its one suggestion), so a person at a low moment still sees where support is.
        self.farewell: list[str] = []
        for theme in THEMES:
            self.register_theme(theme)
        # What TEXTUAL_ANIMATIONS asked for, restored when reduced motion is turned off again.
        self._env_animation_level = self.animation_level
        if self._settings.reduced_motion:
            self.animation_level = "none"
        self._held_input: list[events.Key | events.Paste] | None = []
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
            # What this edit started from goes too: a setting another window changed since is
            # kept (merged field by field); one both changed is refused and named.
            saved = self.store.save_settings(new, old=self._settings)
        except StaleEditError as err:
            self.notify(str(err), severity="warning")
            try:
                saved = self.store.settings()  # theirs, as it is now on disk
            except ThawError:
                saved = new
        except ThawError as err:
            self.notify(str(err), severity="warning")
            saved = new
        self._apply_settings(saved)
        return saved

    def apply_settings(self, settings: Settings) -> None:
        """Use settings already saved (the settings screen saves its own, asking on a clash)."""
        self._apply_settings(settings)

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
        # So this one can be replaced later (a practice opened from the quick check-in, then home).
        allow_switching_away(screen)
        return screen

    def on_mount(self) -> None:
        # Back from Ctrl+Z: the terminal's screen was given to the shell, so paint all of it.
        self.app_resume_signal.subscribe(self, lambda _app: self.refresh(layout=True))
        signals.resume_only_after_a_stop()
        # Keys typed before the first paint wait for it: the first screen's own focus is set by
        # then, so `thaw checkin`, 7, Enter typed at once is a whole check-in.
        self.screen.call_after_refresh(self._release_held_input)
        self.screen.call_after_refresh(startup_gc.resume)
        self.set_timer(HOLD_KEYS_SECONDS, self._release_held_input)
        self.call_after_refresh(self._check_size)
        if self._start_problem:
            self.notify(self._start_problem.strip(), severity="warning")

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

    async def action_open_screen(self, name: str) -> None:
        """Binding and palette form of `open_screen`."""
        self.open_screen(name)

    async def action_back(self) -> None:
        """Esc: leave this screen. Home stays put; the quick check-in closes the app when done."""
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
        from tui.screens.help import HelpScreen, collect_keys, everywhere_keys

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        keys = collect_keys(self.screen)
        title = self.screen.title or ""
        self.push_screen(HelpScreen(keys, title=title, everywhere=everywhere_keys(self)))

    # --- terminal size ----------------------------------------------------------------------
    def on_resize(self, event: Resize) -> None:
        self.call_after_refresh(self._check_size)

    def _check_size(self) -> None:
        """Below 40x12 the layout cannot fit: show one calm sentence until the window grows."""
        width, height = self.size
        too_small = width < MIN_WIDTH or height < MIN_HEIGHT
        on_top = isinstance(self.screen, TooSmallScreen)
        if too_small and not on_top:
            self.key_order.pause()  # typing waits for the form it was meant for
            self.push_screen(TooSmallScreen())
        elif not too_small and on_top:
            self.pop_screen()
            self.screen.call_after_refresh(self.key_order.resume)

    # --- endings and pauses (tui/signals.py installs the handlers) --------------------------
    def end_calmly(self) -> None:
        """A signal ended Thaw (a kill, a shutdown, the terminal gone): keep anything unfinished,
        a check-in as a draft and a practice as a session, then close quietly."""
        signals.keep_unfinished(self._all_screens())
        self.exit(return_code=0)

    def handle_hangup(self) -> None:
        """The terminal went away (SIGHUP): the same calm ending as every other signal."""
        self.end_calmly()

    async def action_quit(self) -> None:
        """Ctrl+Q or the palette's Quit: words typed in a check-in are kept as a draft first."""
        signals.keep_unfinished(self._all_screens())
        self.exit()

    def action_suspend_process(self) -> None:
        """Ctrl+Z: step out to the shell; `fg` brings Thaw back, repainted. Where no shell could
        bring it back, it says so and stays open (a stopped Thaw there would be stuck)."""
        if signals.can_come_back():
            signals.pause_practices(self._all_screens())
            super().action_suspend_process()
        else:
            self.notify(signals.NO_WAY_BACK, markup=False)

    def _all_screens(self) -> list[Screen[object]]:
        return list(self.screen_stack)

    def show_data_error(self, err: DataError) -> None:
        """A data problem during an action: its sentence, never a traceback."""
        self.notify(str(err), title="Thaw can't save right now", severity="error", timeout=10)
