"""The Store's behaviour: records, validation, partitions, revisions, settings and drafts."""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.proc_env import checkout_env, python_cmd
from tui.core.clock import FakeClock
from tui.core.errors import InputError, StaleEditError
from tui.core.records.models import Draft, NewCheckIn, Settings
from tui.core.records.rules import NOTE_MAX_CHARS
from tui.core.storage import files, layout, quick, schema
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Store:
    return Store(data_dir, clock)


def _raw(path: Path) -> dict[str, dict[str, dict[str, object]]]:
    data: dict[str, dict[str, dict[str, object]]] = json.loads(path.read_bytes())
    return data


# --- check-ins ---------------------------------------------------------------------------------


def test_add_checkin_round_trips_and_keeps_zone(store: Store, clock: FakeClock) -> None:
    saved = store.add_checkin(
        4, feel=1, emotions=["numb", "flat", "numb"], note="  quiet day \n", tags=["Work", "work"]
    )
    assert saved.mood == 4 and saved.feel == 1
    assert saved.emotions == ("numb", "flat")
    assert saved.note == "quiet day"
    assert saved.tags == ("work",)
    assert saved.tz == "Europe/London"
    assert saved.at == clock.now()
    assert saved.rev == 1 and len(saved.id) == 32
    again = Store(store.data_dir, clock).checkins()
    assert again == [saved]


def test_saved_file_layout_and_schema(store: Store, data_dir: Path) -> None:
    store.add_checkin(5)
    raw = _raw(data_dir / "checkins" / "2026-11.json")
    assert raw["_meta"] == {"1": {"schema": schema.SCHEMA_VERSION}}
    (doc,) = raw["checkins"].values()
    assert doc["at"] == "2026-11-25T09:30:00+00:00"
    assert doc["tz"] == "Europe/London"


def test_control_and_escape_characters_are_stripped(store: Store) -> None:
    saved = store.add_checkin(
        5, note="ok\x1b[31m red\x07\u202e", tags=["a\x1b]8;;x\x07b", "  "], emotions=["numb\x00"]
    )
    assert saved.note == "ok red"
    assert saved.tags == ("ab",)
    assert saved.emotions == ("numb",)


@pytest.mark.parametrize("mood", [0, 11, -1, "seven", "7", 5.5, True, None])
def test_bad_mood_is_refused_and_nothing_is_written(
    store: Store, data_dir: Path, mood: object
) -> None:
    with pytest.raises(InputError, match="1 to 10"):
        store.add_checkin(mood)  # type: ignore[arg-type]
    assert not (data_dir / "checkins").exists()


@pytest.mark.parametrize("feel", [-1, 11, "3", 2.0])
def test_bad_feel_is_refused(store: Store, feel: object) -> None:
    with pytest.raises(InputError, match="0 to 10"):
        store.add_checkin(5, feel=feel)  # type: ignore[arg-type]


def test_note_limit(store: Store) -> None:
    store.add_checkin(5, note="x" * NOTE_MAX_CHARS)
    with pytest.raises(InputError, match="10,000"):
        store.add_checkin(5, note="x" * (NOTE_MAX_CHARS + 1))


def test_one_line_limits_are_exact(store: Store) -> None:
    """A name up to 200 characters, a tag or phone number up to 60, a plan title up to 300;
    one more is refused with a sentence and nothing is written."""
    store.add_contact("n" * 200, phone="1" * 60)
    with pytest.raises(InputError, match="under 200 characters"):
        store.add_contact("n" * 201)
    with pytest.raises(InputError, match="under 60 characters"):
        store.add_contact("Sam", phone="1" * 61)
    store.add_checkin(5, tags=("t" * 60,))
    with pytest.raises(InputError, match="under 60 characters"):
        store.add_checkin(5, tags=("t" * 61,))
    store.add_plan_item("p" * 300)
    with pytest.raises(InputError, match="under 300 characters"):
        store.add_plan_item("p" * 301)
    assert [len(c.name) for c in store.contacts()] == [200]
    assert [c.tags for c in store.checkins()] == [("t" * 60,)]


def test_future_time_refused_with_small_skew_allowed(store: Store, clock: FakeClock) -> None:
    store.add_checkin(5, at=clock.now() + timedelta(minutes=4))
    with pytest.raises(InputError, match="future"):
        store.add_checkin(5, at=clock.now() + timedelta(minutes=6))


def test_naive_time_takes_the_clock_zone(store: Store) -> None:
    saved = store.add_checkin(5, at=datetime(2026, 7, 1, 8, 0))
    # The clock's zone, with the offset in force on that day (BST in July).
    assert saved.at.utcoffset() == timedelta(hours=1)
    assert saved.tz == "Europe/London"


def test_partitioned_by_month_of_local_date(store: Store, data_dir: Path) -> None:
    # 00:30 on 1 August in London is still 31 July in UTC: the file follows the local date.
    store.add_checkin(5, at=datetime(2026, 8, 1, 0, 30, tzinfo=LONDON))
    store.add_checkin(6, at=datetime(2025, 2, 3, 9, 0, tzinfo=LONDON))
    names = sorted(p.name for p in (data_dir / "checkins").iterdir())
    assert names == ["2025-02.json", "2026-08.json"]
    assert store.has_checkin_on(date(2026, 8, 1))
    assert not store.has_checkin_on(date(2026, 7, 31))


def test_checkins_range_reads_only_overlapping_months(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for month in range(1, 12):
        store.add_checkin(month % 10 + 1, at=datetime(2026, month, 10, 12, tzinfo=LONDON))
    opened: list[str] = []
    real = files.load_file

    def spy(path: Path) -> schema.Loaded | None:
        opened.append(path.name)
        return real(path)

    monkeypatch.setattr(files, "load_file", spy)
    found = store.checkins(date(2026, 3, 10), date(2026, 4, 30))
    assert [c.at.month for c in found] == [3, 4]
    assert sorted(opened) == ["2026-03.json", "2026-04.json"]
    opened.clear()
    assert store.has_checkin_on(date(2026, 5, 10))
    assert opened == ["2026-05.json"]
    opened.clear()
    recent = store.recent_checkins(2)
    assert [c.at.month for c in recent] == [11, 10]
    assert opened == ["2026-11.json", "2026-10.json"]


def test_checkins_inclusive_bounds_and_order(store: Store) -> None:
    days = [date(2026, 11, d) for d in (3, 1, 2, 20)]
    for d in days:
        store.add_checkin(5, at=datetime(d.year, d.month, d.day, 8, tzinfo=LONDON))
    got = store.checkins(date(2026, 11, 1), date(2026, 11, 3))
    assert [c.at.day for c in got] == [1, 2, 3]
    assert [c.at.day for c in store.checkins()] == [1, 2, 3, 20]
    assert [c.at.day for c in store.recent_checkins(10)] == [20, 3, 2, 1]
    assert store.recent_checkins(0) == []


def test_add_checkins_skips_known_sources(store: Store) -> None:
    items = [
        NewCheckIn(at=datetime(2024, 5, 1, 9, tzinfo=LONDON), mood=3, source="daylio:1"),
        NewCheckIn(at=datetime(2025, 6, 1, 9, tzinfo=LONDON), mood=4, source="daylio:2"),
        NewCheckIn(at=datetime(2025, 6, 1, 9, tzinfo=LONDON), mood=4, source="daylio:2"),
        NewCheckIn(at=datetime(2025, 6, 2, 9, tzinfo=LONDON), mood=7),
    ]
    first = store.add_checkins(items)
    assert [c.source for c in first] == ["daylio:1", "daylio:2", ""]
    second = store.add_checkins(items)
    assert [c.source for c in second] == [""]
    assert len(store.checkins()) == 4


def test_add_checkins_validates_everything_before_writing(store: Store, data_dir: Path) -> None:
    items = [
        NewCheckIn(at=datetime(2024, 5, 1, 9, tzinfo=LONDON), mood=3),
        NewCheckIn(at=datetime(2024, 5, 2, 9, tzinfo=LONDON), mood=12),
    ]
    with pytest.raises(InputError):
        store.add_checkins(items)
    assert store.checkins() == []
    assert not (data_dir / "checkins").exists()


def test_known_tags_most_used_first(store: Store) -> None:
    store.add_checkin(5, tags=["walk", "work"])
    store.add_checkin(5, tags=["work"])
    store.add_checkin(5, tags=["sleep", "work", "walk"])
    assert store.known_tags() == ["work", "walk", "sleep"]


def test_known_tags_of_recent_days_read_only_recent_month_files(
    store: Store, clock: FakeClock, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = clock.now()  # 25 November 2026
    store.add_checkin(5, tags=["old job"], at=now - timedelta(days=400))
    store.add_checkin(5, tags=["old job", "rain"], at=now - timedelta(days=200))
    store.add_checkin(5, tags=["rain"], at=now - timedelta(days=31))  # 25 October: too old
    store.add_checkin(5, tags=["walk", "rain"], at=now - timedelta(days=20))
    store.add_checkin(5, tags=["walk"], at=now - timedelta(days=1))
    assert store.known_tags() == ["rain", "old job", "walk"]
    read: list[str] = []
    real_load = files.load_file

    def spy(path: Path) -> schema.Loaded | None:
        read.append(path.name)
        return real_load(path)

    monkeypatch.setattr(files, "load_file", spy)
    assert store.known_tags(recent_days=30) == ["walk", "rain"]
    assert sorted(read) == ["2026-10.json", "2026-11.json"]
    assert store.known_tags(recent_days=0) == []


def test_a_save_writes_what_tinydb_itself_would_write(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    from tinydb import TinyDB

    store.add_checkin(5, tags=["walk"])
    month = data_dir / "checkins" / "2026-11.json"
    before = month.read_bytes()
    saved = store.add_checkin(6, note="second")
    after = _raw(month)
    assert list(after["checkins"]) == ["1", "2"]
    # The same insert done by TinyDB on a copy of the earlier file gives the same tables.
    copy = tmp_path / "copy.json"
    copy.write_bytes(before)
    with TinyDB(copy) as db:
        db.table("checkins").insert(dict(after["checkins"]["2"]))
        assert db.table("checkins").get(doc_id=2)["id"] == saved.id
    assert _raw(copy) == after
    # And TinyDB reading our file sees both records under the doc ids it would have given.
    with TinyDB(month, access_mode="r") as db:
        assert [d.doc_id for d in db.table("checkins").all()] == [1, 2]


def test_log_saves_without_importing_tinydb_uuid_or_zoneinfo(tmp_path: Path) -> None:
    """`thaw log 6` stays quick: the save path appends through the safe file layer itself."""
    code = (
        "import sys; from tui.__main__ import main; rc = main(['log', '6']); "
        "print(rc, sorted(m for m in ('tinydb', 'uuid', 'platform', 'zoneinfo') "
        "if m in sys.modules))"
    )
    env = checkout_env({"PATH": "/usr/bin:/bin", "THAW_DATA_DIR": str(tmp_path / "d")})
    zone_file = Path("/usr/share/zoneinfo/Europe/London")
    if zone_file.is_file():
        env["TZ"] = "Europe/London"
    done = subprocess.run(
        python_cmd("-c", code), capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    rc, loaded = done.stdout.strip().splitlines()[-1].split(" ", 1)
    assert rc == "0"
    assert loaded == "[]"
    (saved,) = Store(tmp_path / "d", FakeClock(datetime.now(LONDON))).checkins()
    assert saved.mood == 6
    if zone_file.is_file():
        assert saved.tz == "Europe/London"


# --- revisions ---------------------------------------------------------------------------------


def test_update_bumps_rev_and_keeps_time(store: Store) -> None:
    saved = store.add_checkin(5, note="a")
    edited = store.update_checkin(saved, mood=6, note="b\x1b[2J")
    assert (edited.rev, edited.mood, edited.note) == (2, 6, "b")
    assert edited.at == saved.at and edited.tz == saved.tz
    assert store.checkins() == [edited]


def test_stale_update_and_delete_change_nothing(store: Store, data_dir: Path) -> None:
    saved = store.add_checkin(5)
    store.update_checkin(saved, mood=6)
    before = (data_dir / "checkins" / "2026-11.json").read_bytes()
    with pytest.raises(StaleEditError, match="another window"):
        store.update_checkin(saved, mood=1)
    with pytest.raises(StaleEditError, match="another window"):
        store.delete_checkin(saved)
    assert (data_dir / "checkins" / "2026-11.json").read_bytes() == before


def test_edit_of_deleted_entry_is_refused(store: Store) -> None:
    saved = store.add_checkin(5)
    store.delete_checkin(saved)
    with pytest.raises(StaleEditError, match="deleted"):
        store.update_checkin(saved, mood=2)
    assert store.checkins() == []


def test_two_stores_see_each_others_writes(data_dir: Path, clock: FakeClock) -> None:
    one, two = Store(data_dir, clock), Store(data_dir, clock)
    a = one.add_checkin(3)
    assert two.checkins() == [a]
    b = two.update_checkin(a, mood=4)
    assert one.checkins() == [b]
    with pytest.raises(StaleEditError):
        one.update_checkin(a, mood=9)


def test_moving_a_checkin_to_another_month(store: Store, data_dir: Path) -> None:
    saved = store.add_checkin(5)
    moved = store.update_checkin(saved, at=datetime(2026, 9, 30, 23, 0, tzinfo=LONDON))
    assert moved.rev == 2 and moved.at.month == 9
    assert _raw(data_dir / "checkins" / "2026-11.json")["checkins"] == {}
    (doc,) = _raw(data_dir / "checkins" / "2026-09.json")["checkins"].values()
    assert doc["id"] == saved.id
    assert store.checkins() == [moved]
    store.delete_checkin(moved)
    assert store.checkins() == []


def test_unknown_keys_are_kept_and_missing_optional_keys_default(
    store: Store, data_dir: Path
) -> None:
    saved = store.add_checkin(5)
    path = data_dir / "checkins" / "2026-11.json"
    raw = _raw(path)
    doc = raw["checkins"]["1"]
    doc["from_the_future"] = {"x": 1}
    for key in ("feel", "emotions", "note", "tags", "tz", "source"):
        doc.pop(key)
    path.write_text(json.dumps(raw))
    (loaded,) = store.checkins()
    assert (loaded.feel, loaded.emotions, loaded.note, loaded.tags) == (None, (), "", ())
    store.update_checkin(loaded, mood=7)
    assert _raw(path)["checkins"]["1"]["from_the_future"] == {"x": 1}
    assert saved.id == loaded.id


def test_unreadable_single_entry_is_skipped_and_reported_not_deleted(
    store: Store, data_dir: Path
) -> None:
    store.add_checkin(5)
    path = data_dir / "checkins" / "2026-11.json"
    raw = _raw(path)
    raw["checkins"]["2"] = {"id": "x", "at": "yesterday", "mood": 3}
    path.write_text(json.dumps(raw))
    fresh = Store(data_dir, store.clock)
    assert len(fresh.checkins()) == 1
    assert any("could not be read" in p.message for p in fresh.problems)
    fresh.add_checkin(6)
    assert _raw(path)["checkins"]["2"]["at"] == "yesterday"


# --- sessions, markers, plan, contacts -------------------------------------------------------


def test_sessions(store: Store, clock: FakeClock) -> None:
    saved = store.add_session(
        "breathe",
        "cyclic_sigh",
        started_at=clock.now() - timedelta(minutes=3),
        planned_seconds=120,
        actual_seconds=121.5,
        completed=True,
        before=2,
        after=4,
        notes=["cold hands\x1b[1m", ""],
    )
    assert saved.notes == ("cold hands",)
    assert store.sessions() == [saved]
    assert store.sessions(since=date(2026, 11, 26)) == []
    rated = store.update_session(saved, rating=4)
    assert rated.rev == 2 and rated.rating == 4
    with pytest.raises(StaleEditError):
        store.update_session(saved, rating=1)
    with pytest.raises(InputError):
        store.add_session(
            "dance",  # type: ignore[arg-type]
            "x",
            started_at=clock.now(),
            planned_seconds=None,
            actual_seconds=1,
            completed=False,
        )
    with pytest.raises(InputError, match="0 to 10"):
        store.update_session(rated, after=11)


def test_markers(store: Store, clock: FakeClock) -> None:
    late = store.add_marker("moved house", "life")
    early = store.add_marker("changed medication", "medication", at=clock.now() - timedelta(days=9))
    assert store.markers() == [early, late]
    with pytest.raises(InputError, match="kind"):
        store.add_marker("x", "pills")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        store.add_marker("   ")
    edited = store.update_marker(late, text="moved flat")
    assert edited.text == "moved flat" and edited.at == late.at
    with pytest.raises(StaleEditError):
        store.delete_marker(late)
    store.delete_marker(edited)
    assert store.markers() == [early]


def test_plan_items_keep_order(store: Store) -> None:
    a = store.add_plan_item("Talk to my GP", key="gp", status="thinking")
    b = store.add_plan_item("Walk on Sundays")
    assert store.plan_items() == [a, b]
    a2 = store.update_plan_item(a, status="next_step", next_step="ring on Monday")
    assert store.plan_items() == [a2, b]
    with pytest.raises(InputError, match="status"):
        store.update_plan_item(a2, status="someday")
    with pytest.raises(StaleEditError):
        store.update_plan_item(a, status="done")
    store.delete_plan_item(b)
    assert store.plan_items() == [a2]


def test_contacts(store: Store) -> None:
    ann = store.add_contact("Ann\x1b[31m", phone=" 0123 ", note="sister")
    assert (ann.name, ann.phone) == ("Ann", "0123")
    with pytest.raises(InputError):
        store.add_contact("  ")
    ann2 = store.update_contact(ann, phone="999")
    with pytest.raises(StaleEditError):
        store.delete_contact(ann)
    assert store.contacts() == [ann2]
    store.delete_contact(ann2)
    assert store.contacts() == []


# --- settings and drafts -----------------------------------------------------------------------


def test_settings_defaults_save_and_stale(store: Store, data_dir: Path) -> None:
    assert store.settings() == Settings()
    saved = store.save_settings(Settings(theme="thaw-light", custom_breath=(4, 7, 8, 0)))
    assert saved.rev == 2
    assert store.settings() == saved
    assert store.settings().custom_breath == (4.0, 7.0, 8.0, 0.0)
    with pytest.raises(StaleEditError):
        store.save_settings(Settings(bell=False))  # rev 1: written before the save above
    assert store.settings().bell is True


def test_settings_ignore_unknown_and_bad_keys(store: Store, data_dir: Path) -> None:
    store.save_settings(Settings())
    path = data_dir / "settings.json"
    raw = _raw(path)
    raw["settings"]["1"].update(theme=7, bell="yes", new_knob=True, report_weeks=6)
    path.write_text(json.dumps(raw))
    got = store.settings()
    assert (got.theme, got.bell, got.report_weeks) == ("thaw-dark", True, 6)
    store.save_settings(got)
    assert _raw(path)["settings"]["1"]["new_knob"] is True


def test_draft_save_load_clear(store: Store, clock: FakeClock) -> None:
    assert store.draft() is None
    store.clear_draft()  # nothing to clear is fine
    draft = Draft(saved_at=clock.now(), mood=3, note="half\x1b[0m written", tags=("Work",))
    store.save_draft(draft)
    got = store.draft()
    assert got is not None
    assert (got.mood, got.note, got.tags) == (3, "half written", ("work",))
    store.save_draft(Draft(saved_at=clock.now(), feel=1))
    again = store.draft()
    assert again is not None and again.mood is None and again.feel == 1
    store.clear_draft()
    assert store.draft() is None


# --- `due`'s fast path ---------------------------------------------------------------------------


def test_quick_has_checkin_on_agrees_with_the_store(store: Store, data_dir: Path) -> None:
    assert quick.quick_has_checkin_on(data_dir / "nowhere", date(2026, 11, 25)) is False
    assert quick.quick_has_checkin_on(data_dir, date(2026, 11, 25)) is False
    store.add_checkin(5, at=datetime(2026, 11, 24, 23, 59, tzinfo=LONDON))
    for day in (date(2026, 11, 24), date(2026, 11, 25), date(2026, 10, 24)):
        assert quick.quick_has_checkin_on(data_dir, day) is store.has_checkin_on(day)
    assert quick.quick_setting(data_dir, "reminder_time") is None
    store.save_settings(Settings(reminder_time="19:30"))
    assert quick.quick_setting(data_dir, "reminder_time") == "19:30"


def test_quick_path_leaves_bad_files_to_the_store(store: Store, data_dir: Path) -> None:
    (data_dir / "checkins").mkdir(mode=0o700)
    (data_dir / "checkins" / "2026-11.json").write_bytes(b"[]")
    assert quick.quick_has_checkin_on(data_dir, date(2026, 11, 25)) is None
    assert (data_dir / "checkins" / "2026-11.json").exists()  # not moved by the quick path
    assert store.has_checkin_on(date(2026, 11, 25)) is False
    assert len(store.problems) == 1


def test_read_paths_stay_light(store: Store, data_dir: Path) -> None:
    """`due` runs at every login: no TinyDB on its paths (and no models on the quick one)."""
    store.add_checkin(5)
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from tui.core.storage import quick\n"
        f"d = Path({str(data_dir)!r})\n"
        "assert quick.quick_has_checkin_on(d, date(2026, 11, 25))\n"
        "assert 'tui.core.records.models' not in sys.modules and 'dataclasses' not in sys.modules\n"
        "from tui.core.store import Store\n"
        "s = Store(d)\n"
        "assert s.has_checkin_on(date(2026, 11, 25)) and s.settings().rev == 1\n"
        "s.recent_checkins(3)\n"
        "assert 'tinydb' not in sys.modules and 'uuid' not in sys.modules\n"
    )
    proc = subprocess.run(
        python_cmd("-c", code), env=checkout_env(), capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr


def test_has_checkin_on_matches_the_day_not_the_month(store: Store, data_dir: Path) -> None:
    """Both paths `due` may take: an earlier day of the month is not today."""
    store.add_checkin(5, at=datetime(2026, 11, 3, 8, 0, tzinfo=LONDON))
    for day in (date(2026, 11, 25), date(2026, 11, 30), date(2026, 11, 1)):
        assert store.has_checkin_on(day) is False
        assert quick.quick_has_checkin_on(data_dir, day) is False
    assert store.has_checkin_on(date(2026, 11, 3)) is True
    assert quick.quick_has_checkin_on(data_dir, date(2026, 11, 3)) is True
    assert layout.has_day([{"at": "2026-11-03T08:00:00+00:00"}], date(2026, 11, 30)) is False
    assert layout.has_day([{"at": "2026-11-03T08:00:00+00:00"}], date(2026, 11, 3)) is True


def test_a_record_left_in_two_month_files_reads_as_its_newest_revision(
    store: Store, data_dir: Path, clock: FakeClock
) -> None:
    """A crash in the middle of a month-moving edit leaves the old copy behind (the new copy is
    written first): readers must take the higher revision, never the stale one."""
    first = store.add_checkin(4, note="first words", at=clock.now() - timedelta(days=5))
    nov = data_dir / "checkins" / "2026-11.json"
    old_copy = nov.read_bytes()
    moved = store.update_checkin(
        first, note="moved to October", at=datetime(2026, 10, 20, 9, 0, tzinfo=LONDON)
    )
    assert moved.rev == 2
    nov.write_bytes(old_copy)  # as if the crash came before the old copy was removed
    for reader in (store, Store(data_dir, clock)):
        for (only,) in (reader.checkins(), reader.recent_checkins(5)):
            assert (only.id, only.rev, only.note) == (first.id, 2, "moved to October")
            assert only.at.month == 10


def test_a_contact_saved_twice_in_its_file_reads_as_its_newest_revision(
    store: Store, data_dir: Path
) -> None:
    """The same id twice in one file (a hand merge of two copies): the higher revision wins,
    wherever it stands in the file."""
    sam = store.add_contact("Sam", phone="0123")
    path = data_dir / "contacts.json"
    doc = json.loads(path.read_text())
    old = doc["contacts"]["1"]
    for newer_first in (True, False):
        newer = {**old, "phone": "0999", "rev": 2}
        pair = [newer, old] if newer_first else [old, newer]
        doc["contacts"] = {"1": pair[0], "2": pair[1]}
        path.write_text(json.dumps(doc))
        (only,) = Store(data_dir, store.clock).contacts()
        assert (only.id, only.rev, only.phone) == (sam.id, 2, "0999")
