"""Focus is visible on every kind of widget Thaw uses, with colour and with NO_COLOR.

Compared on the painted screen; with NO_COLOR, colour set aside: the characters and their bold,
italic, underline, reverse and dim. Whatever differs there is seen on a monochrome terminal too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, OptionList, Select

from tui.screens.settings import OnOffCheckbox
from tui.themes import THAW_DARK
from tui.widgets.feel_rating import FeelRating
from tui.widgets.feel_scale import FeelScale
from tui.widgets.form_select import FormSelect
from tui.widgets.mood_scale import MoodScale
from tui.widgets.note_area import NoteArea
from tui.widgets.tag_input import TagInput

APP_CSS = Path(__file__).resolve().parents[2] / "tui" / "app.tcss"


class Host(App[None]):
    """One of each focusable widget, under Thaw's own stylesheet and theme."""

    CSS_PATH = str(APP_CSS)

    def compose(self) -> ComposeResult:
        yield MoodScale(5, id="mood")
        yield FeelScale(None, id="feel")
        yield Input("hi", id="input", compact=True)
        yield TagInput((), "work", id="tags")
        yield OptionList("one", "two", id="list")
        yield OnOffCheckbox("Bell: on", True, id="check", compact=True)
        yield Select([("Dark", 1), ("Light", 2)], value=1, id="select", compact=True)
        yield FormSelect([("other", 1), ("life", 2)], value=1, allow_blank=False, id="kind")
        yield DataTable(id="table", cursor_type="row")
        yield FeelRating("before", id="rating")
        yield Button("Yes", id="button")
        yield NoteArea("a note", id="note")

    def on_mount(self) -> None:
        self.register_theme(THAW_DARK)
        self.theme = THAW_DARK.name
        table = self.query_one(DataTable)
        table.add_column("when")
        table.add_rows([("today",), ("yesterday",)])


def painted(widget: Widget, *, colour: bool) -> list[tuple[object, ...]]:
    """The widget's cells as painted on screen; without colour, keeping everything but colour."""
    update = widget.screen._compositor.render_full_update(simplify=True)
    region = widget.region
    cells: list[tuple[object, ...]] = []
    for y in range(region.y, region.bottom):
        [line] = list(update.strips[y])
        for segment in line.crop(region.x, region.right):
            style = segment.style
            if colour:
                cells.append((segment.text, style))
                continue
            cells.append(
                (
                    segment.text,
                    bool(style and style.bold),
                    bool(style and style.italic),
                    bool(style and style.underline),
                    bool(style and style.reverse),
                    bool(style and style.dim),
                )
            )
    return cells


@pytest.mark.parametrize("no_color", [False, True], ids=["colour", "no-colour"])
@pytest.mark.parametrize(
    "widget_id",
    [
        "mood", "feel", "input", "tags", "list", "check", "select",
        "kind", "table", "rating", "button", "note",
    ],
)  # fmt: skip
async def test_focus_shows_without_colour(
    widget_id: str, no_color: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = Host()
    async with app.run_test(size=(60, 48)) as pilot:
        assert app.no_color is no_color
        widget = app.query_one(f"#{widget_id}")
        app.set_focus(None)
        await pilot.pause()
        unfocused = painted(widget, colour=not no_color)
        widget.focus()
        await pilot.pause()
        assert widget.has_focus or widget.has_focus_within
        assert painted(widget, colour=not no_color) != unfocused
