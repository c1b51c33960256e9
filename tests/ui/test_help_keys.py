"""Help is built from the bindings: every binding has an id and words, and rows read plainly."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

import tui.screens
import tui.widgets
from tests.conftest import shared_content
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.store import Store
from tui.screens.help import collect_keys, keys_text, spell


def _thaw_classes() -> list[type[DOMNode]]:
    modules = ["tui.app"]
    for package in (tui.screens, tui.widgets):
        modules += [m.name for m in pkgutil.iter_modules(package.__path__, package.__name__ + ".")]
    found: list[type[DOMNode]] = []
    for name in modules:
        module = importlib.import_module(name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, DOMNode) and cls.__module__ == name:
                found.append(cls)
    return found


def test_every_binding_of_every_screen_and_widget_has_an_id_and_a_tooltip() -> None:
    classes = _thaw_classes()
    assert len(classes) > 30
    missing = [
        f"{cls.__qualname__}: {binding.key} -> {binding.action}"
        for cls in classes
        if cls.__name__ != "PracticeField"  # Textual's Input keys, copied as they are
        for binding in cls.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding) and not (binding.id and binding.tooltip)
    ]
    assert missing == []


def test_keys_read_as_a_person_says_them() -> None:
    def row(*keys: str, shown: str | None = None) -> str:
        return keys_text([Binding(key, "x", key_display=shown) for key in keys])

    assert row("1", "2", "3", "4", "5") == "1 to 5"
    assert row("right", "left") == "← / →"
    assert row("w", "m", "y", "a") == "w m y a"
    assert row("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "t", "n", "enter") == (
        "0 to 9, t, n, Enter"
    )
    assert row("ctrl+j", "alt+enter", "ctrl+s") == "Ctrl+J, Alt+Enter, Ctrl+S"
    assert row("left", "right", shown="←→") == "←→"  # a binding naming its pair
    assert row("f1", "question_mark", shown="F1") == "F1 / ?"  # F1 names only itself
    assert (spell("escape"), spell("shift+tab"), spell("f2"), spell("comma")) == (
        "Esc",
        "Shift+Tab",
        "F2",
        ",",
    )


async def test_home_offers_r_only_when_there_is_a_backup_to_put_back(
    data_dir: Path, clock: FakeClock
) -> None:
    app = ThawApp(Store(data_dir, clock), shared_content(), clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        rows = collect_keys(app.screen)
        assert ("c", "Check in: say how you are, in a few keys") in rows
        assert all(key != "r" for key, _ in rows)  # nothing damaged: nothing to put back
