"""The real `thaw import` and entries deleted here: left out and counted, with a command that
brings them back, which works pasted as printed (it carries --data-dir, quoted)."""

from __future__ import annotations

import json
import shlex
import subprocess
from pathlib import Path

from tests.e2e.test_cli import assert_calm, snapshot
from tests.e2e.test_cli_suggested import _env, paste, run, suggested
from tests.proc_env import thaw_cmd
from tui.core.store import Store


def _notes(data: Path, home: Path, cwd: Path) -> list[str]:
    listed = run(["--data-dir", str(data), "list", "--json"], home, cwd)
    assert listed.returncode == 0, listed.stderr
    return sorted(entry["note"] for entry in json.loads(listed.stdout))


def test_a_deleted_entry_is_left_out_and_the_printed_command_brings_it_back(
    tmp_path: Path,
) -> None:
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    data = tmp_path / "my data"  # a space: the command must quote it
    given = ["--data-dir", str(data)]
    for note in ("kept", "deleted later"):
        assert run([*given, "log", "5", "-n", note], home, tmp_path).returncode == 0
    exported = run([*given, "export", "-o", str(tmp_path / "all.json")], home, tmp_path)
    assert exported.returncode == 0, exported.stderr
    store = Store(data)  # the person deletes one in the app
    store.delete_checkin(next(c for c in store.checkins() if c.note == "deleted later"))

    before = snapshot(data)
    dry = run([*given, "import", "all.json", "--dry-run"], home, tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "1 left out because it was deleted here" in dry.stdout
    (dry_again,) = suggested(dry.stdout)
    assert dry_again.endswith("import all.json --dry-run --with-deleted")
    assert snapshot(data) == before

    done = run([*given, "import", "all.json"], home, tmp_path)
    assert done.returncode == 0, done.stderr
    assert_calm(done)
    assert done.stdout.splitlines()[0] == (
        "Nothing new to add (1 already here); 1 left out because it was deleted here; "
        "your data is unchanged."
    )
    (again,) = suggested(done.stdout)
    assert done.stdout.splitlines()[1] == f"To bring it back too: {again}"
    assert again == f"thaw --data-dir {shlex.quote(str(data))} import all.json --with-deleted"
    assert _notes(data, home, tmp_path) == ["kept"]

    back = paste(again, home, tmp_path)  # from the folder the file was named in
    assert back.returncode == 0, back.stdout + back.stderr
    assert back.stdout.strip() == (
        "Added 1 check-in (1 of them deleted here before, as you asked; 1 already here)."
    )
    assert _notes(data, home, tmp_path) == ["deleted later", "kept"]
    twice = paste(again, home, tmp_path)
    assert twice.stdout.strip() == "Nothing new to add (2 already here); your data is unchanged."
    assert _notes(data, home, tmp_path) == ["deleted later", "kept"]  # no duplicate
    assert not (home / ".local" / "share" / "thaw").exists()


def test_without_a_flag_the_command_carries_the_file_format_and_placings(
    tmp_path: Path,
) -> None:
    """THAW_DATA_DIR is in the shell the command is pasted into: no --data-dir is added; the
    mood placings go along, or the pasted import would stop at the moods it was told."""
    home = tmp_path / "home"
    home.mkdir()
    # Made-up rows in Daylio's CSV layout, with a custom mood ("tired") placed by --map.
    daylio = tmp_path / "daylio export.csv"
    daylio.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-11-20,November 20,Friday,9:15 am,tired,,,slow start\n"
        "2026-11-21,November 21,Saturday,6:40 pm,good,,,\n",
        encoding="utf-8",
    )
    env = {**_env(home), "THAW_DATA_DIR": str(tmp_path / "d")}

    def thaw(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            thaw_cmd(*argv), cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
        )

    first = thaw("import", daylio.name, "--format", "daylio", "--map", "tired=4")
    assert first.returncode == 0, first.stderr
    store = Store(tmp_path / "d")
    store.delete_checkin(next(c for c in store.checkins() if c.note == "slow start"))
    done = thaw("import", daylio.name, "--format", "daylio", "--map", "tired=4")
    printed = done.stdout.splitlines()[-1]
    command = f"thaw import {shlex.quote(daylio.name)} --format daylio --map tired=4 --with-deleted"
    assert printed == f"To bring it back too: {command}"
    back = thaw(*shlex.split(command)[1:])
    assert back.returncode == 0, back.stderr
    assert sorted(c.mood for c in Store(tmp_path / "d").checkins()) == [4, 8]
