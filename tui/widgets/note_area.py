"""NoteArea: the check-in's note, which keeps only text that is safe to show again."""

from __future__ import annotations

from textual.widgets import TextArea

from tui.core.text import clean_text


class NoteArea(TextArea):
    """Words wrap; pasted escape or bidi characters go at once, so it shows what will be kept."""

    def __init__(self, text: str = "", *, id: str | None = None) -> None:
        super().__init__(text, id=id, soft_wrap=True)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        text = self.text
        cleaned = clean_text(text)
        if cleaned != text:
            self.text = cleaned
            self.move_cursor(self.document.end)
