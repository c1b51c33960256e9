"""FormDialog: a few labelled text fields over the screen; Ctrl+S or Enter saves, Esc cancels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Static, TextArea

from tui.textual_private import ThawModalScreen

if TYPE_CHECKING:
    from textual.app import ComposeResult


@dataclass(frozen=True, slots=True)
class FormField:
    """One field: `multiline` gives a TextArea (Enter makes a new line), else a one-line Input."""

    name: str
    label: str
    value: str = ""
    multiline: bool = False
    placeholder: str = ""
    max_length: int = 0
    restrict: str | None = None  # a regex the typed text must match (digits-only fields)


SCROLL_MAX_HEIGHT = 16
"""Rows the fields may take before they scroll; less when the terminal is short."""

Validator = Callable[[dict[str, str]], str | None]
"""Returns a sentence saying what to fix, or None when the values are fine."""


class FormError(Static):
    """The sentence saying what to fix; when it appears or wraps, the fields make room for it."""

    def on_resize(self) -> None:
        if isinstance(self.screen, FormDialog):
            self.screen.call_after_refresh(self.screen.fit)


class FormFields(VerticalScroll):
    """The scrolling fields; when they are given less room, the field in use stays in sight."""

    def on_resize(self) -> None:
        focused = self.screen.focused
        if focused is None or focused not in self.children or self.can_view_entire(focused):
            return
        # With its question: scrolled to show all of a note's box, the question above it went
        # out of view at 40x12. The question at the top, then as much of the field as fits.
        before = self.children[self.children.index(focused) - 1]
        shown = before if isinstance(before, Label) else focused
        self.scroll_to_widget(shown, top=True, animate=False)


class FormDialog(ThawModalScreen[dict[str, str] | None]):
    """Edit a handful of fields. Dismisses with {name: text} on save, None on cancel.

    Values may hold the person's own text: the fields show it literally, never as markup.
    """

    DEFAULT_CSS = """
    FormDialog {
        align: center middle;
    }
    FormDialog > Vertical {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 0 1;
        border: round $primary;
        background: $surface;
    }
    FormDialog #form-title {
        text-style: bold;
        margin-bottom: 1;
    }
    FormDialog #form-intro {
        margin-bottom: 1;
    }
    FormDialog VerticalScroll {
        height: auto;
        max-height: 16;  /* SCROLL_MAX_HEIGHT; lowered on short terminals by fit() */
    }
    FormDialog Label {
        /* Full width so a long label wraps onto a second line instead of being cut off. */
        width: 100%;
        margin-top: 0;
        color: $text-muted;
    }
    FormDialog TextArea {
        height: 5;
    }
    FormDialog #form-error {
        color: $error;
        height: auto;
        display: none;
    }
    FormDialog #form-error.-shown {
        display: block;
    }
    FormDialog .form-keys {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", tooltip="Save what is in the form", id="form-save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="form-cancel"),
    ]

    def __init__(
        self,
        title: str,
        fields: list[FormField],
        validate: Validator | None = None,
        intro: str = "",
        save_words: str = "save",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.validate = validate
        self.intro = intro
        self.save_words = save_words
        self._fitted = SCROLL_MAX_HEIGHT

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box"):
            yield Static(self.form_title, markup=False, id="form-title")
            with FormFields():
                # In the scrolling part, so on a small window the keys line below stays seen.
                if self.intro:
                    yield Static(self.intro, markup=False, id="form-intro")
                for field in self.fields:
                    yield Label(field.label, markup=False)
                    if field.multiline:
                        yield TextArea(
                            field.value,
                            id=f"field-{field.name}",
                            soft_wrap=True,
                            tab_behavior="focus",
                            show_line_numbers=False,
                        )
                    else:
                        yield Input(
                            field.value,
                            placeholder=field.placeholder,
                            id=f"field-{field.name}",
                            max_length=field.max_length,
                            restrict=field.restrict,
                        )
            yield FormError("", id="form-error", markup=False)
            yield Static(self.keys_line(), markup=False, classes="form-keys")

    def keys_line(self) -> str:
        """The keys in words; a one-line form needs only Enter and Esc."""
        if len(self.fields) == 1 and self._last_is_input:
            return f"Enter: {self.save_words}.  Esc: cancel."
        return (
            f"Tab: next field.  Ctrl+S: {self.save_words}"
            + (" (Enter too, in the last field)" if self._last_is_input else "")
            + ".  Esc: cancel."
        )

    def on_mount(self) -> None:
        if self.fields:  # focused now, before the first layout (see FocusedOnceLaidOut)
            self.set_focus(self.query_one(f"#field-{self.fields[0].name}"))
        self.call_after_refresh(self.fit)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Let the fields scroll in what room is left, so the keys line is never cut off."""
        scroll = self.query_one(FormFields)
        box = self.query_one("#form-box", Vertical)
        others = sum(
            w.outer_size.height + w.styles.margin.height for w in box.children if w is not scroll
        )
        room = self.size.height - others - 2  # the border
        fitted = max(3, min(SCROLL_MAX_HEIGHT, room))
        if fitted != self._fitted:
            self._fitted = fitted
            scroll.styles.max_height = fitted

    @property
    def _last_is_input(self) -> bool:
        return bool(self.fields) and not self.fields[-1].multiline

    def values(self) -> dict[str, str]:
        """What is in every field right now."""
        result: dict[str, str] = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, TextArea):
                result[field.name] = widget.text
            elif isinstance(widget, Input):
                result[field.name] = widget.value
        return result

    def show_error(self, message: str) -> None:
        """Say what to fix, under the fields, without closing."""
        error = self.query_one("#form-error", Static)
        error.update(message)
        error.set_class(bool(message), "-shown")
        if message:
            self.app.clear_notifications()  # nothing may sit over the sentence

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on to the next field; in the last field it saves."""
        event.stop()
        last = self.query_one(f"#field-{self.fields[-1].name}")
        if event.input is last:
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        """Check the values and close with them, or say what to fix."""
        values = self.values()
        if self.validate is not None:
            problem = self.validate(values)
            if problem:
                self.show_error(problem)
                return
        self.dismiss(values)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
