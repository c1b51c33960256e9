"""AboutScreen: what numbness is, and what Thaw is and is not (content/about.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import VerticalScroll
from textual.widgets import Header, Markdown, Static

from tui.core.content import ContentError
from tui.screens.base import ThawScreen
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from textual.app import ComposeResult


class AboutScreen(ThawScreen):
    """A page to read at one's own pace; Up/Down or PgUp/PgDn scroll, Esc goes back."""

    DEFAULT_CSS = """
    AboutScreen #about-scroll { height: 1fr; padding: 0 1; }
    AboutScreen #about-scroll > * { max-width: 90; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.title = "About numbness and Thaw"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="about-scroll"):
            try:
                text = self.thaw.content.about
            except ContentError as err:
                yield Static(f"This page could not be loaded: {err}", markup=False)
            else:
                yield Markdown(text, id="about-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#about-scroll", VerticalScroll).focus()
