"""A toast fits the window: on a phone's 40 columns its words wrap inside the screen instead of
running off its right edge."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_app
from tests.ui.helpers import wait_for
from tui.core.clock import FakeClock

WORDS = "Kept the other window's version. Yours was not saved."


@pytest.mark.parametrize("size", [(40, 12), (59, 20), (80, 24), (200, 50)])
async def test_a_toast_stays_inside_the_window(
    data_dir: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    app, _ = make_app(data_dir, clock)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        app.notify(WORDS, timeout=30)  # run_test shows toasts only when asked (notifications=True)
        await wait_for(pilot, lambda: bool(app.screen.query("Toast")), what="the toast")
        await pilot.pause()
        toast = app.screen.query_one("Toast")  # Textual's own widget, named by its CSS type
        assert toast.region.x >= 0 and toast.region.right <= size[0]
        assert toast.region.width <= 60  # never wider than on a wide window
