"""What each save and each command reads: every file it touches parsed once, no more; `list`
reads the months its range needs, not the whole history; TinyDB itself still reads every file."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tui.cli.context import CliContext
from tui.core.clock import FakeClock
from tui.core.records.models import Draft, NewCheckIn
from tui.core.storage import files, schema
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
NOV = Path("checkins/2026-11.json")
OCT = Path("checkins/2026-10.json")


class _Reads:
    """Counts, per file, how often it was parsed (through `files.load_file` / `parse_bytes`)."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.root = root
        self.loaded: Counter[Path] = Counter()
        self.parsed = 0
        real_load, real_parse = files.load_file, files.parse_bytes

        def load(path: Path) -> schema.Loaded | None:
            self.loaded[path.relative_to(root)] += 1
            return real_load(path)

        def parse(raw: bytes) -> schema.Loaded:
            self.parsed += 1
            return real_parse(raw)

        monkeypatch.setattr(files, "load_file", load)
        monkeypatch.setattr(files, "parse_bytes", parse)

    def during(self, action: Callable[[], object]) -> Counter[Path]:
        """The files parsed while `action` ran, with how many times each."""
        self.loaded.clear()
        self.parsed = 0
        action()
        data = Counter({rel: n for rel, n in self.loaded.items() if rel.parts[0] != "backups"})
        # Every parse is a file load: nothing parses the same bytes a second time.
        assert self.parsed == sum(self.loaded.values())
        return data


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Store:
    return Store(data_dir, clock)


@pytest.fixture
def reads(data_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> _Reads:
    return _Reads(data_dir, monkeypatch)


# --- each save parses each file it touches once ------------------------------------------------


def test_adding_a_checkin_parses_its_month_once(store: Store, reads: _Reads) -> None:
    store.add_checkin(4)  # the day's backup is made by this first save
    assert reads.during(lambda: store.add_checkin(5)) == {NOV: 1}
    assert reads.during(lambda: store.add_checkin(6, note="later")) == {NOV: 1}


def test_updating_a_checkin_parses_its_month_once(store: Store, reads: _Reads) -> None:
    saved = store.add_checkin(5)
    assert reads.during(lambda: store.update_checkin(saved, mood=6)) == {NOV: 1}


def test_a_month_moving_update_parses_each_of_its_two_months_once(
    store: Store, reads: _Reads
) -> None:
    saved = store.add_checkin(5)
    store.add_checkin(6, at=datetime(2026, 10, 3, 9, tzinfo=LONDON))  # October exists already
    moved = reads.during(
        lambda: store.update_checkin(saved, at=datetime(2026, 10, 1, 9, tzinfo=LONDON))
    )
    assert moved == {NOV: 1, OCT: 1}
    assert [c.at.month for c in store.checkins()] == [10, 10]


def test_deleting_a_checkin_parses_its_month_once(store: Store, reads: _Reads) -> None:
    saved = store.add_checkin(5)
    assert reads.during(lambda: store.delete_checkin(saved)) == {NOV: 1}
    assert store.checkins() == []


def test_every_other_kind_parses_its_file_once_per_save(
    store: Store, reads: _Reads, clock: FakeClock
) -> None:
    started = clock.now() - timedelta(minutes=5)
    session = store.add_session(
        "breathe", "box", started_at=started, planned_seconds=60, actual_seconds=60.0,
        completed=True,
    )  # fmt: skip
    month = Path("sessions/2026-11.json")
    assert reads.during(lambda: store.update_session(session, rating=4)) == {month: 1}
    marker = store.add_marker("moved house", "life")
    assert reads.during(lambda: store.add_marker("started therapy", "therapy")) == {
        Path("markers.json"): 1
    }
    assert reads.during(lambda: store.update_marker(marker, text="moved flat")) == {
        Path("markers.json"): 1
    }
    first = store.markers()[0]
    assert reads.during(lambda: store.delete_marker(first)) == {Path("markers.json"): 1}
    item = store.add_plan_item("walk on Sundays")
    assert reads.during(lambda: store.update_plan_item(item, status="doing")) == {
        Path("plan.json"): 1
    }
    contact = store.add_contact("Sam")
    assert reads.during(lambda: store.delete_contact(contact)) == {Path("contacts.json"): 1}


def test_saving_settings_parses_settings_once(store: Store, reads: _Reads) -> None:
    first = store.save_settings(store.settings())
    changed = replace(first, bell=False)
    assert reads.during(lambda: store.save_settings(changed)) == {Path("settings.json"): 1}
    assert store.settings().bell is False


def test_saving_and_clearing_a_draft_parses_the_draft_once(
    store: Store, reads: _Reads, clock: FakeClock
) -> None:
    draft = Draft(saved_at=clock.now(), mood=4, note="half")
    store.save_draft(draft)
    assert reads.during(lambda: store.save_draft(replace(draft, mood=5))) == {Path("draft.json"): 1}
    assert reads.during(store.clear_draft) == {Path("draft.json"): 1}
    assert store.draft() is None


# --- list reads what its range needs --------------------------------------------------------


def _thirty_years(data_dir: Path, end: datetime) -> int:
    """Thirty years of month files, three made-up check-ins each, written as Thaw writes them
    (straight through the file layer: building them through the Store would take minutes)."""
    (data_dir / "checkins").mkdir(parents=True, mode=0o700, exist_ok=True)
    months = 0
    year, month = end.year - 30, end.month
    while (year, month) <= (end.year, end.month):
        table = {
            str(i): {
                "id": f"{year:04d}{month:02d}{i:02d}" + "0" * 24,
                "at": datetime(year, month, 1 + 9 * i, 9, tzinfo=LONDON).isoformat(),
                "mood": 5,
                "rev": 1,
            }
            for i in (1, 2, 3)
            if datetime(year, month, 1 + 9 * i, 9, tzinfo=LONDON) <= end
        }
        rel = data_dir / "checkins" / f"{year:04d}-{month:02d}.json"
        files.atomic_write(rel, files.dump_tables({"checkins": table}))
        months += 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@pytest.fixture
def quiet_history(data_dir: Path) -> Iterator[tuple[Path, FakeClock]]:
    clock = FakeClock(datetime(2026, 11, 25, 9, 30, tzinfo=LONDON))
    assert _thirty_years(data_dir, clock.now()) == 361
    yield data_dir, clock


def test_list_of_seven_days_reads_one_or_two_months_of_thirty_years(
    quiet_history: tuple[Path, FakeClock], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import cmd_list
    from tui.cli.parser import parse_args

    data_dir, clock = quiet_history
    reads = _Reads(data_dir, monkeypatch)
    out, err = io.StringIO(), io.StringIO()
    ctx = CliContext(data_dir, clock, stdout=out, stderr=err)
    args = parse_args(["list", "--days", "7"])
    assert reads.during(lambda: cmd_list.run(args, ctx)) == {NOV: 1}
    assert "2026-11-19" in out.getvalue() and err.getvalue() == ""
    # The full check still reads every file, once each, when it is asked for.
    everything = reads.during(ctx.store().scan)
    assert len(everything) == 361 and set(everything.values()) == {1}


# --- TinyDB itself reads what Thaw writes ------------------------------------------------------


def test_tinydb_reads_every_file_thaw_writes_after_every_kind_of_save(
    store: Store, data_dir: Path, clock: FakeClock
) -> None:
    from tinydb import TinyDB

    kept = store.add_checkin(5, tags=["walk"])
    moved = store.update_checkin(
        store.add_checkin(6), at=datetime(2026, 10, 2, 9, tzinfo=LONDON), note="moved"
    )
    store.delete_checkin(store.add_checkin(7))
    store.add_checkins([NewCheckIn(at=datetime(2026, 9, 1, 9, tzinfo=LONDON), mood=3)])
    store.add_marker("moved house", "life")
    store.update_plan_item(store.add_plan_item("walk"), status="doing")
    store.add_contact("Sam", phone="123")
    store.save_settings(replace(store.settings(), bell=False))
    store.save_draft(Draft(saved_at=clock.now(), mood=4))
    seen: dict[str, set[str]] = {}
    for path in sorted(data_dir.rglob("*.json")):
        if "backups" in path.parts:
            continue
        with TinyDB(path, access_mode="r") as db:
            for name in db.tables() - {"_meta"}:
                seen.setdefault(name, set()).update(
                    str(d.get("id", d.doc_id)) for d in db.table(name).all()
                )
            assert db.table("_meta").get(doc_id=1) == {"schema": schema.SCHEMA_VERSION}
    assert seen["checkins"] == {c.id for c in store.checkins()} >= {kept.id, moved.id}
    assert seen["markers"] == {m.id for m in store.markers()}
    assert seen["plan"] == {p.id for p in store.plan_items()}
    assert seen["contacts"] == {c.id for c in store.contacts()}
    assert set(seen) == {"checkins", "markers", "plan", "contacts", "settings", "draft"}


def test_doctor_reads_each_file_of_thirty_years_once(
    quiet_history: tuple[Path, FakeClock], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.cli import cmd_doctor
    from tui.cli.parser import parse_args

    data_dir, clock = quiet_history
    reads = _Reads(data_dir, monkeypatch)
    out = io.StringIO()
    ctx = CliContext(data_dir, clock, stdout=out, stderr=io.StringIO())
    args = parse_args(["doctor"])
    everything = reads.during(lambda: cmd_doctor.run(args, ctx))
    assert len(everything) == 361 and set(everything.values()) == {1}
    assert "There is no backup yet" in out.getvalue()
