"""The one place Thaw reaches into Textual's private API, with the reasons and the tests pinning it.

`tests/ui/test_textual_private.py` fails when Textual changes what these rely on, or when Thaw
no longer needs them (then delete them). Textual 8.2.8 is pinned.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar, cast

import textual.screen as textual_screen
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.control import Control
from rich.segment import Segment
from textual import events
from textual import keys as textual_keys
from textual._compositor import ChopsUpdate, Compositor, CompositorUpdate, LayoutUpdate
from textual.app import App
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.strip import Strip
from textual.widget import Widget


class PaintOnceCompositor(Compositor):
    """A compositor that, when it paints the whole screen, drops the repaints that paint covers.

    After every layout Textual paints the whole screen, and every widget whose size was just set
    has also asked for a repaint of itself (and so has the screen, whose region is all of it),
    so the same cells went out two or three times more: a check-in over SSH wrote 51 KB where
    one paint of each screen is about 4 KB (bench/README.md, thin links). A full paint renders
    every widget as it is at that moment, so the repaints asked for before it add nothing; they
    are dropped as the paint starts, and one asked for during or after it still happens.
    """

    def render_full_update(self, simplify: bool = False) -> LayoutUpdate:
        for widget in self.widgets:
            widget._repaint_required = False
            widget._repaint_regions.clear()
        return super().render_full_update(simplify)


class CoveredScreensWait(App[None]):
    """An app whose screens under an opaque screen are not laid out on every resize.

    Textual counts the screen directly beneath the current one as showing through even when the
    current one is opaque, and lays it out again on every resize: home, up to four times a
    resize under history's full-screen charts, a quarter of the main thread's work in a resize
    on a slow machine (bench/README.md, history: a fast drag stalled 110 ms before, 57-89 ms
    after). A covered screen loses nothing: when it is shown again Textual lays it out for the
    size it finds. Translucent screens (dialogs) still show, and lay out, what is under them.
    Overriding this private property is the only way: Textual offers no public hook for it.
    """

    @property
    def _background_screens(self) -> list[Screen[object]]:
        stack = self.screen_stack
        if stack and stack[-1].styles.background.a == 1:
            return []
        return super()._background_screens


class RowsUpdate(CompositorUpdate):
    """The rows of a full paint that differ from what the terminal shows, each a whole row."""

    def __init__(self, rows: list[str]) -> None:
        self.rows = rows

    def render_segments(self, console: Console) -> str:
        return "".join(self.rows)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment("".join(self.rows))  # as raw terminal text, like Textual's own updates


class PaintsWhatChanged(App[None]):
    """An app that sends the terminal only the rows it does not already show.

    Textual paints the whole screen after every layout (a screen shown, a toast, a widget that
    changed size) and writes every row each time, though most rows are what the terminal shows
    already: at 80x24 that is about 4 KB a paint, several paints a screen, over a slow SSH link.
    The app keeps the last text it sent for each row; a full paint writes only the rows that
    differ. Each row is written whole, with its own styles and an absolute cursor move, so a
    row left out is exactly what is on the terminal. A partial paint makes the rows it touches
    unknown; a new size, a resume from Ctrl+Z, `refresh()` or anything else forgets them all.
    """

    _shown_rows: list[str | None] | None = None

    def _display(self, screen: Screen[object], renderable: RenderableType | None) -> None:
        writes = (
            renderable is not None
            and not self._batch_count
            and self._running
            and not self._closed
            and not self.is_headless
            and self._driver is not None
            and not self._driver.is_inline
        )
        if writes:
            renderable = self._changed_rows(renderable)
        super()._display(screen, renderable)

    def _changed_rows(self, renderable: RenderableType | None) -> RenderableType | None:
        """The update to write, and the rows the terminal will then show."""
        height = self.size.height
        if isinstance(renderable, LayoutUpdate) and renderable.region == self.size.region:
            lines = list(enumerate(renderable.strips))
            spans: list[tuple[int, int, int]] = []
        elif isinstance(renderable, ChopsUpdate):
            if any(not 0 <= y < height for y, _x1, _x2 in renderable.spans):
                self._shown_rows = None  # made for the size before a resize
                return renderable
            # A span over a whole row is a row like any other; a part of one makes it unknown.
            width, chops = self.size.width, renderable.chops
            whole = {
                y
                for y, x1, x2 in renderable.spans
                if x1 <= 0 and x2 >= width and None not in chops[y].values()
            }
            lines = [(y, cast("Iterable[Strip]", chops[y].values())) for y in sorted(whole)]
            spans = [span for span in renderable.spans if span[0] not in whole]
        else:
            self._shown_rows = None
            return renderable
        shown = self._shown_rows
        if shown is None or len(shown) != height:
            shown = [None] * height
        self._shown_rows = shown
        console = self.console
        rows: list[str] = []
        for y, line in lines:
            text = Control.move_to(0, y).segment.text + "".join(
                strip.render(console) for strip in line
            )
            if shown[y] != text:
                rows.append(text)
                shown[y] = text
        if spans:
            for y, _x1, _x2 in spans:
                shown[y] = None
            assert isinstance(renderable, ChopsUpdate)
            part = ChopsUpdate(renderable.chops, spans, renderable.chop_ends)
            rows.append(part.render_segments(console))
        return RowsUpdate(rows)

    def refresh(self, *args: Any, **kwargs: Any) -> Any:
        """A refresh of the whole app paints every row again (after Ctrl+Z, for example)."""
        self._shown_rows = None
        return super().refresh(*args, **kwargs)

    async def _on_resize(self, event: events.Resize) -> None:
        self._shown_rows = None
        await super()._on_resize(event)

    def _register(self, parent: DOMNode, *widgets: Widget, **where: Any) -> list[Widget]:
        """Every screen (Thaw's, Textual's palette and dialogs) paints through PaintOnceCompositor.

        Textual registers each screen with the app before its first layout, the default screen
        included (which `_load_screen_css`, the other per-screen hook, never sees).
        """
        if parent is self:
            for widget in widgets:
                if isinstance(widget, Screen) and type(widget._compositor) is Compositor:
                    widget._compositor.__class__ = PaintOnceCompositor
        return super()._register(parent, *widgets, **where)


_R = TypeVar("_R")


class FocusedOnceLaidOut(Screen[_R]):
    """A screen whose widget focused before its first layout is scrolled to only if, laid out,
    none of it is in view.

    Textual scrolls a newly focused widget to the centre when the screen cannot show all of it,
    and before the first layout no widget has a place yet, so a screen's first focus always
    centred. At 40x12 that scrolled the words above the first field out of view: the check-in's
    "Picked up your unfinished check-in", and the first question of the reflection form. Later
    focus (Tab, a click) is Textual's as before. `tests/ui/test_textual_private.py` pins it.
    """

    def set_focus(
        self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False
    ) -> None:
        if widget is None or not scroll_visible or widget.region:  # placed: laid out
            super().set_focus(widget, scroll_visible, from_app_focus)
            return
        super().set_focus(widget, scroll_visible=False, from_app_focus=from_app_focus)
        self.call_after_refresh(self._into_view, widget)

    def _into_view(self, widget: Widget) -> None:
        # Partly in view is enough: a tall field (a note) stays under its question, not the
        # question scrolled away to show the whole field.
        if self.focused is widget and not self.can_view_partial(widget):
            widget.scroll_visible(animate=False)


class ThawModalScreen(FocusedOnceLaidOut[_R], ModalScreen[_R]):
    """Every Thaw dialog: a ModalScreen whose first focus does not scroll the words above it."""


def allow_switching_away(screen: Screen[object]) -> None:
    """Let `App.switch_screen` replace `screen`, the app's default (first) screen.

    `switch_screen` pops the result callback of the screen it replaces, and the default screen
    never had one pushed (Textual 8.2.8), so replacing it raised IndexError. This gives it the
    empty callback that `switch_screen` itself gives the screens it puts in place. Thaw needs
    it because its first screen is the default screen (nothing else is built or painted before
    it) and is sometimes replaced: the quick check-in by a practice, a practice by home.
    """
    screen._push_result_callback(screen, None)


KNOWN_KEY_CHARACTERS: dict[str, str | None] = {
    "tab": "\t",
    "escape": "\x1b",
    "enter": None,
    "space": " ",
    "backspace": "\x08",
    "delete": "\x7f",
    "question_mark": "?",
    "comma": ",",
    **{name: None for name in ("up", "down", "left", "right", "home", "end", "insert")},
    **{name: None for name in ("pageup", "pagedown")},
    **{f"f{n}": None for n in range(1, 25)},
}
"""What `textual.keys.key_to_character` answers for the named keys Thaw binds."""

_key_to_character = textual_keys.key_to_character


def key_to_character(key: str) -> str | None:
    """`textual.keys.key_to_character`, answering Thaw's named keys from a table.

    Each screen asks it for every binding's key (`Screen._binding_chain`), and Textual finds
    "tab" or "f1" by looking the name up in Python's Unicode name tables: a failed look-up reads
    through them, and six of them put half a MiB of those tables into the app's memory (a
    twentieth of what it has over a bare Textual app). The table holds Textual's own answers.
    """
    if key in KNOWN_KEY_CHARACTERS:
        return KNOWN_KEY_CHARACTERS[key]
    return _key_to_character(key)


vars(textual_screen)["key_to_character"] = key_to_character  # the name _binding_chain calls
