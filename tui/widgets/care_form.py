"""FormDialog: a few labelled text fields over the screen; Ctrl+S or Enter saves, Esc cancels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

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


Validator = Callable[[dict[str, str]], str | None]
"""Returns a sentence saying what to fix, or None when the values are fine."""


class FormDialog(ModalScreen[dict[str, str] | None]):
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
        max-height: 16;
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
    }
    FormDialog .form-keys {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
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

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.form_title, markup=False, id="form-title")
            if self.intro:
                yield Static(self.intro, markup=False, id="form-intro")
            with VerticalScroll():
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
            yield Static("", id="form-error", markup=False)
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
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}").focus()

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
        self.query_one("#form-error", Static).update(message)

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
