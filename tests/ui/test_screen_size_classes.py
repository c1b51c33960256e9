"""A screen opens with its size classes ("-narrow", "-short"...) already set, so Textual's first
resize of it finds nothing to change and does not restyle every widget of it a second time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.dom import DOMNode

from tests.conftest import make_app
from tests.ui.helpers import wait_for_screen
from tui.core.clock import FakeClock

# Key on home -> the screen it opens, and the classes each size must give it.
SCREENS = [("h", "HistoryScreen"), ("c", "CheckInScreen"), ("b", "BreatheScreen")]
SIZES = {(40, 12): {"-narrow", "-short"}, (200, 50): {"-wide"}}


@pytest.mark.parametrize(("key", "name"), SCREENS)
@pytest.mark.parametrize("size", list(SIZES))
async def test_a_screen_is_styled_once_for_its_size(
    data_dir: Path, clock: FakeClock, key: str, name: str, size: tuple[int, int]
) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        restyled: list[DOMNode] = []
        update_styles = app.update_styles

        def noting(node: DOMNode, animate: bool = True) -> Any:
            restyled.append(node)
            return update_styles(node, animate)

        app.update_styles = noting  # type: ignore[method-assign]
        await pilot.press(key)
        await wait_for_screen(pilot, name)
        await pilot.pause()
        screen = app.screen
        assert SIZES[size] <= set(screen.classes)
        assert restyled.count(screen) == 1  # once as it is shown, not again for its size
        # A later resize still moves the classes, as Textual's own breakpoints do.
        (other,) = set(SIZES) - {size}
        await pilot.resize_terminal(*other)
        await pilot.pause()
        assert SIZES[other] <= set(screen.classes)
        assert not (SIZES[size] - SIZES[other]) & set(screen.classes)
