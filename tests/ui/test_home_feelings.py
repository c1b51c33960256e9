"""Home names feelings exactly ("can't tell"), without reading the vocabulary before it paints."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.ui.helpers import plain
from tui.app import ThawApp
from tui.core.clock import FakeClock
from tui.core.content import Content
from tui.core.store import Store


async def test_last_entries_show_the_vocabularys_names_after_the_first_paint(
    data_dir: Path, clock: FakeClock
) -> None:
    store = Store(data_dir, clock)
    store.add_checkin(3, emotions=["cant_tell", "numb"], at=clock.now())
    content = Content()  # fresh: nothing read yet
    app = ThawApp(store, content, clock)
    seen_at_mount: list[str] = []

    async with app.run_test(size=(80, 24)) as pilot:
        seen_at_mount.extend(content.files_read)  # before any refresh has run
        await pilot.pause()
        await pilot.pause()
        recent = plain(app.screen.query_one("#recent", Static).content)

    assert "emotions.toml" not in seen_at_mount
    assert "can't tell, numb" in recent
    assert "emotions.toml" in content.files_read
