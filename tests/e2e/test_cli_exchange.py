"""The real `python -m tui export` / `import`: round-trips, Daylio files, idempotence, refusals."""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.e2e.test_cli import assert_calm, run_cli, snapshot
from tui.core.clock import SystemClock
from tui.core.records.models import NewCheckIn
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
DATA = Path(__file__).parent.parent / "data"


def _seed(data: Path) -> Store:
    """A little of everything Thaw keeps, dated in the past so the real clock accepts it."""
    store = Store(data, SystemClock())
    base = datetime.now(LONDON).replace(microsecond=0) - timedelta(days=40)
    store.add_checkins(
        [
            NewCheckIn(at=base, mood=3, feel=1, emotions=("numb", "cant_tell"), note="grey\nday"),
            NewCheckIn(at=base + timedelta(days=1, hours=3), mood=7, tags=("walk", "sun")),
            NewCheckIn(at=base + timedelta(days=20), mood=5, note='quotes " and, commas'),
        ]
    )
    store.add_session(
        "breathe", "cyclic_sigh", started_at=base + timedelta(hours=1), planned_seconds=120,
        actual_seconds=121.5, completed=True, before=2, after=4, notes=("warm hands",),
    )  # fmt: skip
    store.add_marker("started therapy", "therapy", at=base + timedelta(days=2))
    store.add_plan_item("Find a therapist", key="cbt", status="thinking")
    store.add_contact("Sam", phone="+44 7700 900000")
    store.save_settings(replace(store.settings(), country="GB", reminder_time="20:30"))
    return store


def test_json_export_then_import_into_an_empty_dir_gives_the_same_records(tmp_path: Path) -> None:
    original = _seed(tmp_path / "one")
    original.update_checkin(original.checkins()[0], note="grey\nday, looked at again")
    export = tmp_path / "out" / "thaw.json"
    export.parent.mkdir()
    done = run_cli("export", "-o", str(export), data_dir=tmp_path / "one", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(export.stat().st_mode) == 0o600
    assert "3 check-ins" in done.stderr
    done = run_cli("import", str(export), data_dir=tmp_path / "two", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Added 3 check-ins, 1 practice session, 1 marker, 1 plan item, 1 contact" in done.stdout
    copy = Store(tmp_path / "two", SystemClock())
    # Identical records: ids, revisions, zones and sources included. Settings have no id and
    # their rev counts saves in each store, so they are compared without it.
    assert copy.checkins() == original.checkins()
    assert [c.rev for c in copy.checkins()] == [2, 1, 1]
    assert copy.sessions() == original.sessions()
    assert copy.markers() == original.markers()
    assert copy.plan_items() == original.plan_items()
    assert copy.contacts() == original.contacts()
    assert replace(copy.settings(), rev=1) == replace(original.settings(), rev=1)
    again = run_cli("import", str(export), data_dir=tmp_path / "two", cwd=tmp_path)
    assert again.returncode == 0
    assert "Nothing new to add" in again.stdout
    assert copy.checkins() == original.checkins()


def test_importing_an_export_back_into_its_own_dir_adds_nothing(tmp_path: Path) -> None:
    _seed(tmp_path / "one")
    export = tmp_path / "thaw.json"
    assert (
        run_cli("export", "-o", str(export), data_dir=tmp_path / "one", cwd=tmp_path).returncode
        == 0
    )
    before = snapshot(tmp_path / "one")
    done = run_cli("import", str(export), data_dir=tmp_path / "one", cwd=tmp_path)
    assert done.returncode == 0
    assert "Nothing new to add" in done.stdout
    assert snapshot(tmp_path / "one") == before


def test_csv_export_reads_back_and_opens_as_a_spreadsheet(tmp_path: Path) -> None:
    original = _seed(tmp_path / "one")
    done = run_cli("export", "--format", "csv", data_dir=tmp_path / "one", cwd=tmp_path)
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0] == "date,time,mood,feel,emotions,tags,note,at,tz,id,source"
    assert len([line for line in lines if line[:4].isdigit()]) == 3
    csv_file = tmp_path / "thaw.csv"
    csv_file.write_text(done.stdout, newline="")
    imported = run_cli("import", str(csv_file), data_dir=tmp_path / "two", cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    copy = Store(tmp_path / "two", SystemClock())
    # The CSV carries id, zone and source too; these records were never edited (rev 1).
    assert copy.checkins() == original.checkins()
    twice = run_cli("import", str(csv_file), data_dir=tmp_path / "two", cwd=tmp_path)
    assert "Nothing new to add" in twice.stdout


def test_daylio_import_adds_each_entry_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    sample = str(DATA / "daylio_8col.csv")
    dry = run_cli("import", sample, "--dry-run", data_dir=data, cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "Would add 6 check-ins" in dry.stdout
    assert snapshot(data) == {}
    first = run_cli("import", sample, data_dir=data, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "Added 6 check-ins" in first.stdout
    after_first = snapshot(data)
    second = run_cli("import", sample, data_dir=data, cwd=tmp_path)
    assert "Nothing new to add (6 already here)" in second.stdout
    assert snapshot(data) == after_first
    records = json.loads(
        run_cli("list", "--json", "--days", "100000", data_dir=data, cwd=tmp_path).stdout
    )
    assert sorted(r["mood"] for r in records) == [1, 3, 5, 5, 8, 10]
    film = next(r for r in records if r["mood"] == 8)
    assert film["tags"] == ["friends", "movies", "good sleep"]
    assert film["note"] == "Film night\nWatched a film with Sam.\nFelt something, a little."


def test_old_daylio_layout_imports(tmp_path: Path) -> None:
    done = run_cli("import", str(DATA / "daylio_7col.csv"), data_dir=tmp_path / "d", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Added 4 check-ins" in done.stdout


def test_daylio_with_renamed_moods_is_refused_until_mapped(tmp_path: Path) -> None:
    data = tmp_path / "data"
    sample = str(DATA / "daylio_custom_moods.csv")
    refused = run_cli("import", sample, data_dir=data, cwd=tmp_path)
    assert refused.returncode == 2
    assert_calm(refused)
    assert '"super"' in refused.stderr
    assert '"tired"' in refused.stderr
    assert "--map" in refused.stderr
    assert snapshot(data) == {}
    mapped = run_cli(
        "import", sample, "--map", "super=9", "--map", "tired=4", data_dir=data, cwd=tmp_path
    )
    assert mapped.returncode == 0, mapped.stderr
    assert "Added 4 check-ins" in mapped.stdout


BAD_FILES = [
    ("missing.json", None, "There's no file at"),
    ("broken.json", '{"format": "thaw-export", "version": 1, "checkins": [', "isn't readable JSON"),
    ("other.json", '{"name": "not ours"}', "isn't a Thaw export"),
    ("binary.csv", b"\xff\xfe\x00\x01garbage", "isn't UTF-8 text"),
    ("random.csv", "name,age\nbob,3\n", "can't tell what kind of file this is"),
    ("zip.daylio", b"PK\x03\x04not really a zip", "not a Daylio backup"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_import_file_is_refused_whole(
    name: str, content: str | bytes | None, message: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    _seed(data)
    before = snapshot(data)
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    done = run_cli("import", str(path), data_dir=data, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Nothing was imported" in done.stderr
    assert_calm(done)
    assert snapshot(data) == before


PARTLY_BAD = [
    (
        "mood11.json",
        json.dumps(
            {
                "format": "thaw-export",
                "version": 1,
                "checkins": [
                    {"id": "a", "at": "2026-01-01T08:00:00+00:00", "mood": 5},
                    {"id": "b", "at": "2026-01-02T08:00:00+00:00", "mood": 11},
                ],
            }
        ),
        "The check-in of 2026-01-02 08:00: its mood 11 isn't between 1 and 10.",
    ),
    (
        "daylio_bad_time.csv",
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-01-01,January 1,Thursday,8:00 am,good,,,\n2026-01-02,x,y,teatime,good,,,\n",
        'Line 3: the time "teatime" isn\'t one Thaw can read.',
    ),
]


@pytest.mark.parametrize(("name", "content", "message"), PARTLY_BAD, ids=[b[0] for b in PARTLY_BAD])
def test_a_record_that_cannot_be_taken_is_named_and_the_rest_added(
    name: str, content: str, message: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    path = tmp_path / name
    path.write_text(content)
    dry = run_cli("import", str(path), "--dry-run", data_dir=data, cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert message in dry.stderr
    assert "Would add 1 check-in; 1 left out, named above" in dry.stdout
    done = run_cli("import", str(path), data_dir=data, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert message in done.stderr
    assert "import it again" in done.stderr
    assert "Added 1 check-in; 1 left out" in done.stdout
    assert_calm(done)
    assert len(Store(data, SystemClock()).checkins()) == 1


def test_map_is_refused_for_a_thaw_file(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"format": "thaw-export", "version": 1}')
    done = run_cli("import", str(path), "--map", "x=3", data_dir=tmp_path / "d", cwd=tmp_path)
    assert done.returncode == 2
    assert "--map is for Daylio files" in done.stderr


def test_unknown_moods_are_named_once_in_one_sentence_with_both_ways_to_map(
    tmp_path: Path,
) -> None:
    sample = str(DATA / "daylio_many_moods.csv")
    refused = run_cli("import", sample, data_dir=tmp_path / "d", cwd=tmp_path)
    assert refused.returncode == 2
    message = refused.stderr.strip()
    assert message.count("Nothing was imported") + message.count("nothing was imported") == 1
    assert message.count('"beyond anxious"') == 1
    assert message.count('"Angry"') == 1
    assert "--map-file FILE" in message and '--map "content=N"' in message
    assert len(message.splitlines()) == 1
    mapped = run_cli(
        "import", sample, "--map-file", str(DATA / "daylio_many_moods.map"), "--map",
        "calm=8", data_dir=tmp_path / "d", cwd=tmp_path,
    )  # fmt: skip
    assert mapped.returncode == 0, mapped.stderr
    assert "Added 15 check-ins" in mapped.stdout
    moods = json.loads(
        run_cli("list", "--json", "--days", "100000", data_dir=tmp_path / "d", cwd=tmp_path).stdout
    )
    assert sorted(r["mood"] for r in moods).count(8) == 1  # calm=8 from --map beat the file's 7


def test_a_bad_map_file_line_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "moods.map"
    bad.write_text("# mine\ncontent=7\nanxious four\n")
    done = run_cli(
        "import", str(DATA / "daylio_many_moods.csv"), "--map-file", str(bad),
        data_dir=tmp_path / "d", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Line 3 of moods.map needs LABEL=N" in done.stderr
    assert_calm(done)


@pytest.mark.parametrize(
    ("name", "saw", "added"),
    [
        ("daylio_headerless_spanish.csv", "without its header line", None),
        ("daylio_backup.daylio", "a Daylio backup (a zip holding backup.daylio)", 4),
        ("pixels_backup.json", "a Pixels backup (JSON, 4 days with scores)", 7),
        ("daylio_9col_scales.csv", "columns full_date, date, weekday, time, mood, activities, "
         "scales, note_title, note", 3),
    ],
)  # fmt: skip
def test_detection_says_what_it_saw_and_reads_it_without_format(
    name: str, saw: str, added: int | None, tmp_path: Path
) -> None:
    extra = ["--map-file", str(DATA / "daylio_spanish.map")] if added is None else []
    dry = run_cli("import", str(DATA / name), "--dry-run", *extra, data_dir=tmp_path, cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert saw in dry.stderr
    assert f"Would add {added or 8} check-ins" in dry.stdout
    done = run_cli("import", str(DATA / name), *extra, data_dir=tmp_path, cwd=tmp_path)
    assert f"Added {added or 8} check-ins" in done.stdout
    again = run_cli("import", str(DATA / name), *extra, data_dir=tmp_path, cwd=tmp_path)
    assert f"Nothing new to add ({added or 8} already here)" in again.stdout


def test_a_daylio_file_named_like_anything_is_still_read_as_daylio(tmp_path: Path) -> None:
    """Not refused with a message about Thaw CSV dates: the content decides."""
    renamed = tmp_path / "export.csv"
    renamed.write_bytes((DATA / "daylio_7col_bom_12h.csv").read_bytes())
    done = run_cli("import", str(renamed), "--map", "sick=3", data_dir=tmp_path / "d", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Added 6 check-ins" in done.stdout
    assert "2026-11-20" not in done.stderr
