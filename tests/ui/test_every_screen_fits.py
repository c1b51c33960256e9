"""Every screen and dialog at 40x12, 80x24 and 250x80: each of its words can be read whole.

For every shown label and line of text: scrolled into view (as a person would scroll), it lies
in the window, and it has the room its words need (nothing cut with "…", by the edge or at the
foot) unless something scrolls to the rest. Every part that takes keys can be scrolled into
the window, and every field's placeholder fits its field. Lines that are cut on purpose because the
whole text is shown elsewhere are named below with where.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from tests.conftest import make_app
from tests.ui.helpers import plain, workers_ended
from tui.core.clock import FakeClock
from tui.core.store import Store

SIZES = [(40, 12), (80, 24), (250, 80)]
# Cut with … by design, each with the whole text one key away:
CUT_ON_PURPOSE = {
    "recent",  # home's last entries, one line each: whole in Past entries (e)
}
# Parts drawn by Textual itself (the header, a dropdown's arrow), not words of ours.
TEXTUAL_PARTS = (
    "HeaderTitle",
    "HeaderClock",
    "HeaderIcon",
    "KeyFooter",
    "Footer",
    "Select",
    "FormSelect",
)

Opener = Callable[[Pilot[None]], Awaitable[None]]


async def press(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


PLACES: dict[str, tuple[str, tuple[str, ...]]] = {
    # name: (start screen, keys that open the screen or dialog from there)
    "home": ("home", ()),
    "checkin": ("checkin", ()),
    "entries": ("entries", ()),
    "entries: when was it?": ("entries", ("n",)),
    "help": ("home", ("f1",)),
    "breathe": ("breathe", ()),
    "breathe: your own pattern": ("breathe", ("c",)),
    "meditate": ("meditate", ()),
    "ground": ("ground", ()),
    "history": ("history", ()),
    "history: a month of the calendar": ("history", ("5", "m", "enter")),
    "history: markers": ("history", ("k",)),
    "history: a new marker": ("history", ("k", "n")),
    "ideas": ("ideas", ()),
    "plan": ("plan", ()),
    "plan: a step of your own": ("plan", ("a",)),
    "plan: summary": ("plan", ("r",)),
    "support": ("support", ()),
    "support: someone you trust": ("support", ("a",)),
    "settings": ("settings", ()),
}


def text_of(widget: Widget) -> str:
    return plain(getattr(widget, "content", None) or "")


def cut(widget: Widget) -> str:
    """How the widget's text is cut short where it is, or "" when all of it has room."""
    room = widget.content_region.size
    container, viewport = room, widget.app.size
    needed_width = widget.get_content_width(container, viewport)
    if widget.styles.text_wrap == "nowrap" and needed_width > room.width:
        return f"cut at the edge ({needed_width} columns in {room.width})"
    needed_height = widget.get_content_height(container, viewport, room.width)
    if needed_height > room.height and not scrolls_through(widget):
        return f"cut at the foot ({needed_height} rows in {room.height})"
    return ""


def scrolls_through(widget: Widget) -> bool:
    """A text taller (or wider) than the room it has: some container around it scrolls."""
    return any(
        isinstance(a, Widget) and (a.max_scroll_y > 0 or a.max_scroll_x > 0)
        for a in widget.ancestors_with_self
    )


def shown(widget: Widget) -> bool:
    node: Widget | None = widget
    while isinstance(node, Widget):
        if not node.display or not node.visible:
            return False
        node = node.parent if isinstance(node.parent, Widget) else None
    return True


async def check_place(app: App[None], pilot: Pilot[None]) -> list[str]:
    """Scroll each text into view in turn and say what cannot be read whole."""
    found: list[str] = []
    screen = app.screen
    window = Region(0, 0, *app.size)
    texts = [
        w
        for w in screen.query("*").results(Widget)
        if isinstance(w, (Static, Label))
        and shown(w)
        and w.id not in CUT_ON_PURPOSE
        and not any(type(a).__name__ in TEXTUAL_PARTS for a in (w, *w.ancestors))
        and text_of(w).strip()
    ]
    for widget in texts:
        widget.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        name = f"{type(widget).__name__}#{widget.id}" if widget.id else repr(text_of(widget)[:40])
        region = widget.region
        if region.area == 0 or not window.overlaps(region):
            found.append(f"{name} is not in the window even when scrolled to")
            continue
        if not window.contains_region(region) and not scrolls_through(widget):
            found.append(f"{name} runs out of the window and nothing scrolls to the rest")
            continue
        problem = cut(widget)
        if problem:
            found.append(f"{name} is {problem}")
    for part in [w for w in screen.query("*").results(Widget) if w.focusable and shown(w)]:
        part.scroll_visible(animate=False, immediate=True)
        await pilot.pause()
        region = part.region
        if region.width < min(part.outer_size.width, 3) or not window.overlaps(region):
            found.append(f"{type(part).__name__}#{part.id} cannot be reached in the window")
    for field in screen.query(Input).results(Input):
        if shown(field) and field.placeholder and not field.value:
            room = field.content_region.width
            if len(field.placeholder) > room:
                found.append(f"the placeholder {field.placeholder!r} is cut at {room} columns")
    return found


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("place", list(PLACES))
async def test_every_word_can_be_read_whole(
    data_dir: Path, clock: FakeClock, place: str, size: tuple[int, int]
) -> None:
    store = Store(data_dir, clock)
    store.add_checkin(6, emotions=("numb",), note="a long day, then a walk", tags=("work",))
    store.add_contact("Sam (sister)", phone="+44 7700 900123", note="evenings")
    start, keys = PLACES[place]
    app, _ = make_app(data_dir, clock, start=start)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await press(pilot, *keys)
        await workers_ended(app)
        await pilot.pause()
        problems = await check_place(app, pilot)
        assert problems == [], f"{place} at {size[0]}x{size[1]}: {problems}"
