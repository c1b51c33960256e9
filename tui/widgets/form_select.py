"""FormSelect: a dropdown inside a form, where Enter saves the form as in its one-line fields."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.widgets import Select

T = TypeVar("T")


class FormSelect(Select[T], inherit_bindings=False):
    """Space, Up or Down open the list; Enter runs the form's own save (`screen.save`).

    Textual's Select opens its list on Enter too, so in a form whose keys line says "Enter:
    save" the list reopened every time instead. Once open, the list itself still takes Enter.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "down,space,up",
            "show_overlay",
            "Show the choices",
            show=False,
            tooltip="Show the choices to pick from",
            id="form-select-open",
        ),
        Binding(
            "enter",
            "screen.save",
            "Save",
            show=False,
            tooltip="Save the form",
            id="form-select-save",
        ),
    ]
