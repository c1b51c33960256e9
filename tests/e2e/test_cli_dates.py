"""The real `thaw log --at`, `list --from/--to` and `import` agree on what a written date means.

Each child runs the checkout's code (tests/proc_env.py, through `run_cli`) with TZ=Europe/London.
The files are made up; each imitates Daylio's old layout (a `year` column beside a written
`date`, as in MichaelCurrin/daylio-csv-parser docs/usage.md) or its newer ISO `full_date` one.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.e2e.test_cli import assert_calm, run_cli

OLD_HEADER = "year,date,weekday,time,mood,activities,note\n"
NEW_HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def _listed(data: Path, tmp_path: Path, *bounds: str) -> list[dict[str, Any]]:
    done = run_cli("list", "--json", *(bounds or ("--from", "1970-01-01")), data_dir=data,
                   cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    listed: list[dict[str, Any]] = json.loads(done.stdout)
    return listed


def test_nov_30_typed_and_nov_30_in_a_file_are_the_same_moment(tmp_path: Path) -> None:
    typed_dir, file_dir = tmp_path / "typed", tmp_path / "file"
    # Midnight, so the moment is never still to come, whatever day of the year this runs.
    done = run_cli("log", "5", "--at", "Nov 30 midnight", data_dir=typed_dir, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (typed,) = _listed(typed_dir, tmp_path)
    at = datetime.fromisoformat(typed["at"])  # the year `--at` chose for "Nov 30"
    export = tmp_path / "daylio_export.csv"
    export.write_text(
        OLD_HEADER
        + f'{at.year},Nov 30,x,12:00 AM,good,"","short month first"\n'
        + f'{at.year},30 November,x,00:00,good,"","day first"\n'
        + f'{at.year},yesterday,x,9:00 PM,good,"","relative"\n',
        encoding="utf-8",
    )
    done = run_cli("import", str(export), data_dir=file_dir, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (
        'Line 4: the date "yesterday" is relative to the day it was written, which the file '
        "doesn't say." in done.stderr
    )
    assert "Added 2 check-ins; 1 left out" in done.stdout
    assert_calm(done)
    imported = _listed(file_dir, tmp_path)
    assert sorted(c["note"] for c in imported) == ["day first", "short month first"]
    assert {c["at"] for c in imported} == {typed["at"]}
    # `list --from/--to` read the same phrase as the same day, in both folders.
    bounds = ("--from", "Nov 30", "--to", "30 Nov")
    assert len(_listed(file_dir, tmp_path, *bounds)) == 2
    assert len(_listed(typed_dir, tmp_path, *bounds)) == 1


def test_a_time_the_spring_change_skipped_lands_where_at_puts_it(tmp_path: Path) -> None:
    """01:30 on 29 March 2026 never happened in London; typed and imported, it is one moment,
    and the evening before (GMT) and the morning after (BST) keep their own offsets."""
    typed_dir, file_dir = tmp_path / "typed", tmp_path / "file"
    for when in ("2026-03-28 11:59pm", "2026-03-29 1:30am", "2026-03-29 9:05 AM"):
        done = run_cli("log", "5", "--at", when, data_dir=typed_dir, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    export = tmp_path / "daylio_export.csv"
    export.write_text(
        NEW_HEADER
        + '2026-03-28,March 28,Saturday,11:59 pm,good,"","",""\n'
        + '2026-03-29,March 29,Sunday,1:30 am,good,"","",""\n'
        + '"Sunday, March 29, 2026",March 29,Sunday,9:05 AM,good,"","",""\n',
        encoding="utf-8",
    )
    done = run_cli("import", str(export), data_dir=file_dir, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Added 3 check-ins" in done.stdout
    typed = sorted(c["at"] for c in _listed(typed_dir, tmp_path))
    imported = sorted(c["at"] for c in _listed(file_dir, tmp_path))
    assert imported == typed
    # 01:30 is read as GMT (02:30 BST), before the clock was put forward; 09:05 is BST.
    assert [a[-6:] for a in imported] == ["+00:00", "+00:00", "+01:00"]
