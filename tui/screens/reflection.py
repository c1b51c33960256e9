"""ReflectionScreen: four gentle questions; the answers become a note in the person's words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Header, Static

from tui.core.content import ContentError
from tui.core.errors import ThawError
from tui.core.reflection import answers_note
from tui.screens.base import ThawScreen
from tui.widgets.care_form import FormDialog, FormField
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from textual.app import ComposeResult


class ReflectionScreen(ThawScreen):
    """Opens the questions at once; Ctrl+S keeps what was written, Esc skips (keeps nothing)."""

    DEFAULT_CSS = """
    ReflectionScreen #reflection-text { padding: 1 2; height: auto; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.title = "A few questions"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="reflection-text", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        try:
            reflection = self.thaw.content.reflection
        except ContentError as err:
            self.query_one("#reflection-text", Static).update(f"The questions are missing: {err}")
            return
        questions = [p.text for p in reflection.prompts]
        fields = [FormField(f"q{i}", q, multiline=True) for i, q in enumerate(questions)]

        def done(values: dict[str, str] | None) -> None:
            text = self.query_one("#reflection-text", Static)
            if values is None:
                text.update(reflection.skip or "Not now is fine.")
                return
            answers = {q: values.get(f"q{i}", "") for i, q in enumerate(questions)}
            note = answers_note(reflection.note_title, answers, questions)
            if not note:
                text.update(reflection.skip or "Not now is fine.")
                return
            try:
                self.thaw.store.add_marker(note, kind="other", at=self.thaw.clock.now())
            except ThawError as err:
                self.notify(str(err), title="Not kept", severity="error", markup=False)
                return
            text.update(
                reflection.outro + "\n\nYour answers are kept as a note on your timeline, "
                "in your own words. Nothing is scored."
            )

        self.app.push_screen(
            FormDialog(
                "A few questions",
                fields,
                intro=reflection.intro,
                save_words="keep my answers",
            ),
            done,
        )
