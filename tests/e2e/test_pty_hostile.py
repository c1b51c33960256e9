"""Hostile text planted in the data files never reaches the terminal, on any screen or command.

The files are written by hand (see hostile_data): OSC 52 (clipboard), OSC 0 (title), a CSI
that makes the terminal answer, C1 controls, a bidi override and markup, in every text field.
The real program runs on a pseudo-terminal and every byte it writes is searched.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.e2e.hostile_data import plant, unsafe_reached
from tests.e2e.pty_helpers import REPO, PtyProcess, thaw_argv
from tests.e2e.test_cli import run_cli
from tui.core.clock import SystemClock
from tui.core.store import Store

ENV = {"PYTHONPATH": str(REPO), "TZ": "Europe/London"}

# Each step: keys typed in one write, then words that prove the screen showed planted records.
VISITS: list[tuple[str, tuple[str, ...]]] = [
    ("", ("Last entries", "alphanote")),  # home
    ("e", ("Past entries", "Tags: alphatag", "numb6n0")),  # past entries and the detail
    ("\r", ("changing the entry", "alphatag")),  # the entry opened: its note and tags
    ("\x1b", ("Past entries",)),
    ("\x1b", ("Last entries",)),
    ("h", ("History", "alphamarker", "feelings you named most")),  # history, markers, insights
    ("k", ("Markers", "(therapy)")),  # the markers list
    ("e", ("Change this marker", "marker6n0")),  # a marker's form, filled from the file
    ("\x1b", ("(therapy)",)),  # the form closed, the list painted again
    ("\x1b", ("Markers",)),  # closes the markers list, back to history
    ("\x1b", ("Last entries",)),
    ("p", ("alphaplannote", "alphastep")),  # the plan and a step's detail
    ("e", ("Name of this step",)),  # the step's form
    ("\x1b", ("Press e to write",)),
    ("\x1b", ("Last entries",)),
    ("s", ("People you trust", "alphacontactnote")),  # support: trusted contacts
    ("e", ("Phone or how to reach",)),  # a contact's form
    ("\x1b", ("People you trust",)),
    ("\x1b", ("Last entries",)),
    (",", ("Reminder time",)),  # settings: the reminder time is a field filled from the file
]


@pytest.mark.parametrize("size", [(100, 30), (200, 50)])
def test_no_planted_control_reaches_the_terminal_on_any_screen(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    data_dir = plant(tmp_path / "thaw")
    env = {**ENV, "THAW_DATA_DIR": str(data_dir)}
    with PtyProcess(thaw_argv(), env=env, size=size, cwd=REPO) as proc:
        for keys, words in VISITS:
            mark = len(proc.output)
            if keys:
                proc.send(keys)
            for word in words:
                proc.wait_for_text(word, timeout=20, since=mark)
            proc.wait_for_quiet(0.3)
            # Checked per screen too, so a failure names the screen that let it through.
            assert unsafe_reached(proc.output[mark:]) == [], f"after {keys!r}: {words}"
        proc.send("\x11")  # Ctrl+Q
        assert proc.wait(timeout=15) == 0
        assert unsafe_reached(proc.output) == []
        assert "Traceback" not in proc.text()


COMMANDS = [
    ("list",),
    ("list", "--json"),
    ("stats",),
    ("report",),
    ("export",),
    ("export", "--format", "csv"),
    ("doctor",),  # prints no records, but reads every file
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_planted_control_reaches_stdout_from_any_command(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    data_dir = plant(tmp_path / "thaw")
    done = run_cli(*args, data_dir=data_dir, cwd=tmp_path, env=ENV)
    assert done.returncode == 0, done.stderr
    if args != ("doctor",):  # the planted title is left as plain words: the text was printed
        assert "PWNED" in done.stdout
    out = done.stdout.encode("utf-8", errors="surrogateescape")
    assert b"\x1b" not in out
    assert unsafe_reached(out) == []
    assert unsafe_reached(done.stderr.encode("utf-8", errors="surrogateescape")) == []


def test_hostile_notes_reach_a_file_export_exactly_and_read_back(tmp_path: Path) -> None:
    """JSON stays exact (the escapes are JSON's own), so a round trip loses nothing."""
    data_dir = plant(tmp_path / "thaw")
    target = tmp_path / "out.json"
    done = run_cli("export", "-o", str(target), data_dir=data_dir, cwd=tmp_path, env=ENV)
    assert done.returncode == 0, done.stderr
    raw = target.read_bytes()
    assert unsafe_reached(raw) == [] and b"\x1b" not in raw
    notes = {c["note"] for c in json.loads(raw)["checkins"]}
    assert any("\u009b6n" in n and "\u202e" in n for n in notes)  # what the file held, exactly
    assert target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("args", [("report",), ("export", "--format", "csv")], ids=" ".join)
def test_files_written_for_other_programs_hold_no_planted_control(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    """A summary opened in an editor, a CSV opened in a spreadsheet: cleaned the same way."""
    data_dir = plant(tmp_path / "thaw")
    store = Store(data_dir, SystemClock())
    store.save_settings(
        replace(
            store.settings(),
            report_include_notes=True,
            report_include_plan=True,
            report_include_markers=True,
        )
    )
    target = tmp_path / "out.file"
    done = run_cli(*args, "-o", str(target), data_dir=data_dir, cwd=tmp_path, env=ENV)
    assert done.returncode == 0, done.stderr
    raw = target.read_bytes()
    assert b"alphanote" in raw  # the planted note is in it...
    assert b"\x1b" not in raw and unsafe_reached(raw) == []  # ...without its controls
