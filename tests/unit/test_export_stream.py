"""`export` streams: it writes each month as it reads it, never the whole history at once.

The proof is the order of events: every data file read and every piece written are noted in
one list, and the newest month is read only after the oldest month's check-ins have gone out.
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui.cli import cmd_export
from tui.cli.context import CliContext
from tui.cli.parser import parse_args
from tui.core.clock import FakeClock
from tui.core.exchange.thaw_json import parse_thaw_json
from tui.core.records.models import NewCheckIn
from tui.core.storage import files
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=LONDON)
MONTHS = 36


class _Log(io.StringIO):
    """Standard output that notes, in the shared event list, what it has been given so far."""

    def __init__(self, events: list[tuple[str, str]]) -> None:
        super().__init__()
        self.events = events

    def write(self, text: str) -> int:
        self.events.append(("write", text))
        return super().write(text)


def _months_back(count: int) -> list[datetime]:
    year, month, out = NOW.year, NOW.month, []
    for _ in range(count):
        out.append(datetime(year, month, 2, 9, tzinfo=LONDON))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out[::-1]


@pytest.fixture
def three_years(data_dir: Path) -> Store:
    store = Store(data_dir, FakeClock(NOW))
    store.add_checkins(
        NewCheckIn(at=day.replace(hour=hour), mood=1 + (day.month + hour) % 10, note=f"n{hour}")
        for day in _months_back(MONTHS)
        for hour in (8, 13, 20)
    )
    return store


def _export(store: Store, fmt: str, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    events: list[tuple[str, str]] = []
    load = files.load_file

    def noted(path: Path) -> object:
        events.append(("read", path.name))
        return load(path)

    monkeypatch.setattr(files, "load_file", noted)
    ctx = CliContext(store.data_dir, FakeClock(NOW), stdout=_Log(events), stderr=io.StringIO())
    assert cmd_export.run(parse_args(["export", "--format", fmt]), ctx) == 0
    return events


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_writes_the_oldest_month_before_it_reads_the_newest(
    three_years: Store, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = _export(three_years, fmt, monkeypatch)
    oldest, newest = _months_back(MONTHS)[0], _months_back(MONTHS)[-1]
    newest_file = f"{newest:%Y-%m}.json"
    last_read = max(
        i for i, (kind, name) in enumerate(events) if (kind, name) == ("read", newest_file)
    )
    oldest_day = f"{oldest:%Y-%m-%d}"
    first_written = min(
        i for i, (kind, text) in enumerate(events) if kind == "write" and oldest_day in text
    )
    assert first_written < last_read
    # Nothing is written as one piece: each write holds at most a month of check-ins (each
    # month has one check-in with the note "n13").
    pieces = [text for kind, text in events if kind == "write"]
    assert max(piece.count("n13") for piece in pieces) == 1
    assert len(pieces) >= MONTHS


def test_the_streamed_json_reads_back_to_every_check_in_once(
    three_years: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A move to another month that a crash interrupted leaves the old copy behind (rev 1) as
    # well as the new one (rev 2): the export, like every read, keeps only the new one.
    old = three_years.checkins()[0]
    moved = three_years.update_checkin(old, at=NOW.replace(day=1, hour=7), note="moved")
    rel = three_years.data_dir / "checkins" / f"{old.at:%Y-%m}.json"
    tables = json.loads(rel.read_text())
    tables["checkins"]["99"] = {
        **next(iter(tables["checkins"].values())),
        "id": old.id,
        "at": old.at.isoformat(),
        "rev": 1,
        "note": old.note,
    }
    rel.write_text(json.dumps(tables))
    events = _export(three_years, "json", monkeypatch)
    text = "".join(text for kind, text in events if kind == "write")
    bundle = parse_thaw_json(text)
    assert [c.id for c in bundle.checkins] == [c.id for c in three_years.checkins()]
    assert len(bundle.checkins) == 3 * MONTHS
    (back,) = [c for c in bundle.checkins if c.id == old.id]
    assert (back.rev, back.note, back.at) == (moved.rev, "moved", moved.at)
    assert bundle.checkins == tuple(three_years.checkins())
