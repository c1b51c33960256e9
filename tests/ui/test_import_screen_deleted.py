"""The in-app Import place and entries deleted here: it says how many it leaves out, and the
command that brings them back."""

from __future__ import annotations

import shlex
from pathlib import Path

from tests.conftest import make_app
from tests.ui.helpers import text_of
from tests.ui.test_import_screen import open_import, until
from tests.unit.test_import_deleted import export
from tui.core.clock import FakeClock
from tui.core.exchange.thaw_json import bundle_to_json
from tui.core.store import Store


async def test_a_file_holding_an_entry_deleted_here_says_so_and_adds_nothing(
    data_dir: Path, clock: FakeClock, tmp_path: Path
) -> None:
    store = Store(data_dir, clock)
    store.add_checkin(5, note="kept")
    gone = store.add_checkin(3, note="deleted later")
    exported = tmp_path / "thaw-export.json"
    exported.write_text(bundle_to_json(export(store, clock), clock.now()), encoding="utf-8")
    store.delete_checkin(gone)
    app, store = make_app(data_dir, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_import(app, pilot)
        await pilot.press(*str(exported), "enter")
        await until(pilot, lambda: screen.state == "done")
        said = text_of(app, "#import-status")
        again = shlex.join(["import", str(exported), "--with-deleted"])
        assert f"1 left out because it was deleted here. To bring it back: thaw {again}" in said
        assert "Nothing new to add (1 already here)" in said
    assert [c.note for c in store.checkins()] == ["kept"]
