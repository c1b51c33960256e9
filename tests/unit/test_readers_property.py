"""Property tests: whatever bytes or JSON shapes reach a reader, Thaw answers with a sentence.

Every importer (Thaw JSON, Thaw CSV, Daylio CSV) is driven through the `import` command, and
every data file through the commands that read the store (`list`, `stats`, `export`,
`doctor`), in this process through `tui.__main__.main`, the entry point a person's command
takes. For any input: no error but Thaw's own (`main` turns any other into "something went
wrong that Thaw didn't expect", which is what is checked), no hang (a timer per example), and
no existing file lost (a good month beside it is byte for byte the same, and the planted bytes
are still somewhere in the data folder: in place or in quarantine/).

The budget is fixed by the Hypothesis profile chosen in tests/conftest.py.
"""

from __future__ import annotations

import contextlib
import io
import json
import signal
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import FrameType
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from tui.__main__ import main
from tui.core.clock import FakeClock
from tui.core.store import Store

LONDON = ZoneInfo("Europe/London")
UNEXPECTED = "didn't expect"
SECONDS_PER_RUN = 20

# --- inputs -------------------------------------------------------------------------------------
_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
)
json_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=25,
)
# Keys the readers look for, so generated records get past the first checks and deep inside.
_RECORD_KEYS = st.sampled_from(
    ["id", "at", "tz", "mood", "feel", "emotions", "note", "tags", "rev", "source", "kind",
     "detail", "started_at", "planned_seconds", "actual_seconds", "completed", "before", "after",
     "notes", "rating", "text", "title", "status", "next_step", "key", "name", "phone",
     "country", "reminder_time", "theme", "saved_at", "editing_id", "schema"]
)  # fmt: skip
_plausible = (
    _scalars
    | st.sampled_from(["2026-11-20T08:30:00+00:00", "Europe/London", "numb", "a" * 32, "9999"])
    | st.lists(st.text(max_size=10), max_size=3)
)
records = st.dictionaries(_RECORD_KEYS, _plausible | json_values, max_size=10)
thaw_exports = st.fixed_dictionaries(
    {"format": st.just("thaw-export"), "version": st.integers(-1, 2) | json_values},
    optional={
        key: st.lists(records, max_size=4) | json_values
        for key in ("checkins", "sessions", "markers", "plan", "contacts")
    }
    | {"settings": records | json_values, "exported_at": _plausible},
)
_cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=25) | st.sampled_from(
    ["2026-11-20", "08:30", "5", "rad", "meh", "=1+1", "", "Friday", "November 20"]
)
_thaw_header = "date,time,mood,feel,emotions,tags,note,at,tz,id,source"
_daylio_header = "full_date,date,weekday,time,mood,activities,note_title,note"


def _csv_text(header: str) -> st.SearchStrategy[str]:
    width = header.count(",") + 1
    rows = st.lists(st.lists(_cells, min_size=0, max_size=width + 1), max_size=6)
    return rows.map(
        lambda rs: (
            header
            + "\r\n"
            + "\r\n".join(",".join(json.dumps(c) if "," in c else c for c in r) for r in rs)
        )
    )


import_bodies = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")),
    json_values.map(lambda v: json.dumps(v).encode()),
    thaw_exports.map(lambda v: json.dumps(v).encode()),
    _csv_text(_thaw_header).map(str.encode),
    _csv_text(_daylio_header).map(str.encode),
)
_docs = st.dictionaries(st.text(max_size=4), records | json_values, max_size=4)
planted_bodies = st.one_of(
    st.binary(max_size=300),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries(
        {"checkins": _docs, "sessions": _docs, "markers": _docs, "plan": _docs, "contacts": _docs}
    ).map(lambda v: json.dumps(v).encode()),
    st.builds(
        lambda table, docs, meta: json.dumps({table: docs, "_meta": meta}).encode(),
        st.sampled_from(["checkins", "sessions", "markers", "plan", "contacts", "settings"]),
        _docs,
        st.dictionaries(st.text(max_size=3), json_values, max_size=2),
    ),
)
planted_files = st.sampled_from(
    ["checkins/2026-11.json", "sessions/2026-11.json", "markers.json", "plan.json",
     "contacts.json", "settings.json", "draft.json"]
)  # fmt: skip


# --- harness ------------------------------------------------------------------------------------
@contextlib.contextmanager
def _within(seconds: int) -> Iterator[None]:
    """Fail the example instead of hanging the suite when a reader never returns."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"a reader took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _thaw(*argv: str) -> tuple[int, str]:
    """Run one command in this process as `python -m tui` would; (exit code, what it said)."""
    out, err = io.StringIO(), io.StringIO()
    with (
        _within(SECONDS_PER_RUN),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main(list(argv))
    return code, out.getvalue() + err.getvalue()


def _seed(data_dir: Path) -> Path:
    """One good check-in in October; returns its month file (which must never change)."""
    clock = FakeClock(datetime(2026, 11, 25, 9, 30, tzinfo=LONDON))
    Store(data_dir, clock).add_checkin(
        6, note="a good day", at=datetime(2026, 10, 3, tzinfo=LONDON)
    )
    return data_dir / "checkins" / "2026-10.json"


def _all_bytes(folder: Path) -> list[bytes]:
    return [p.read_bytes() for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


# --- properties ---------------------------------------------------------------------------------
@given(body=import_bodies, fmt=st.sampled_from([None, "json", "csv", "daylio"]), dry=st.booleans())
def test_import_answers_any_file_with_a_sentence_and_keeps_what_was_there(
    body: bytes, fmt: str | None, dry: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        good = _seed(data_dir)
        before = good.read_bytes()
        source = Path(tmp) / "incoming.file"
        source.write_bytes(body)
        argv = ["--data-dir", str(data_dir), "import", str(source)]
        argv += ["--format", fmt] if fmt else []
        argv += ["--dry-run"] if dry else []
        code, said = _thaw(*argv)
        assert UNEXPECTED not in said, said
        assert code in (0, 1, 2), said
        assert said.strip()  # always a sentence, whether it worked or not
        assert source.read_bytes() == body  # the file given is never touched
        assert good.read_bytes() == before or code == 0  # a real import may add to October...
        _code, listed = _thaw("--data-dir", str(data_dir), "list", "--days", "100000")
        assert "a good day" in listed  # ...but what was there is still there


@given(
    where=planted_files,
    body=planted_bodies,
    command=st.sampled_from(
        [("list", "--days", "100000"), ("list", "--json", "--days", "100000"),
         ("stats", "--days", "400"), ("export",), ("export", "--format", "csv"), ("doctor",),
         ("report",)]
    ),
)  # fmt: skip
def test_any_planted_data_file_is_answered_with_a_sentence_and_never_lost(
    where: str, body: bytes, command: tuple[str, ...]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        good = _seed(data_dir)
        before = good.read_bytes()
        planted = data_dir / where
        planted.parent.mkdir(parents=True, exist_ok=True)
        planted.write_bytes(body)
        code, said = _thaw("--data-dir", str(data_dir), *command)
        assert UNEXPECTED not in said, said
        assert code in (0, 1), said
        assert good.read_bytes() == before  # the good month beside it is untouched
        assert body in _all_bytes(data_dir)  # the planted bytes are kept: in place or set aside


@given(note=st.text(max_size=200))
def test_list_json_prints_any_stored_note_exactly_with_no_raw_control(note: str) -> None:
    """A note planted in the file (never cleaned) comes out of `list --json` as valid JSON that
    reads back to the very same text, with C1 controls and bidi overrides only as escapes."""
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "data"
        saved = Store(data_dir, FakeClock(datetime.now(LONDON))).add_checkin(5, note="x")
        month = data_dir / "checkins" / f"{saved.at:%Y-%m}.json"
        document = json.loads(month.read_text(encoding="utf-8"))
        next(iter(document["checkins"].values()))["note"] = note
        month.write_text(json.dumps(document), encoding="utf-8")
        code, said = _thaw("--data-dir", str(data_dir), "list", "--json")
        assert code == 0, said
        assert [r["note"] for r in json.loads(said)] == [note]
        unsafe = [c for c in said if 0x7F <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E]
        assert unsafe == []
