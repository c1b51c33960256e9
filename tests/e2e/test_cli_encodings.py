"""Every command under an ASCII and a Latin-1 output: no crash, what can't be shown becomes "?",
and JSON stays exact (every non-ASCII letter escaped), so an export under LC_ALL=C loses nothing.

PYTHONIOENCODING is set beside LC_ALL because a machine may not have the Latin-1 locale
installed, and Python then falls back to UTF-8: the pair gives a Latin-1 stream either way.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.pty_helpers import REPO, PtyProcess, thaw_argv
from tui.core.clock import SystemClock
from tui.core.store import Store

NOTE = "café — naïve 🌱 ⭘"
CODECS = {"ascii": "ascii", "latin-1": "iso-8859-1"}
ENCODINGS = {
    "ascii": {"LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
    "latin-1": {"LC_ALL": "en_US.ISO-8859-1", "PYTHONIOENCODING": "iso-8859-1"},
}
# (arguments, exit code, words on stdout or stderr as the encoding can show them)
COMMANDS: list[tuple[tuple[str, ...], int, str]] = [
    (("list",), 0, "caf"),
    (("list", "--json"), 0, '"mood": 4'),
    (("stats",), 0, "average 4.0"),
    (("report",), 0, "# Thaw"),
    (("export",), 0, '"format": "thaw-export"'),
    (("export", "--format", "csv"), 0, "date,time,mood"),
    (("due",), 0, ""),
    (("doctor",), 0, "All well"),
    (("log", "6", "-n", "thé — 🌱", "-t", "thé"), 0, "Saved: mood 6"),
    (("log", "5", "-e", "cafétière"), 2, 'know the emotion "caf'),
    (("mark", "thé — 🌱"), 0, "Marked"),
    (("list", "--days", "999999999"), 2, "more days than Thaw can look back"),
    (("--help",), 0, "usage: thaw"),
    (("import", "missing-café.json"), 2, "There's no file at"),
]


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    Store(data, SystemClock()).add_checkin(4, note=NOTE, tags=("thé",), emotions=("numb",))
    return data


def _run(args: tuple[str, ...], encoding: str, data: Path, cwd: Path) -> tuple[int, str, str]:
    """The command's exit code, stdout and stderr, decoded strictly in `encoding`: a byte the
    stream could not have meant fails the test."""
    env = {k: v for k, v in os.environ.items() if k not in ("THAW_DATA_DIR", "THAW_DEBUG")}
    env.update(PYTHONPATH=str(REPO), THAW_DATA_DIR=str(data), TZ="Europe/London")
    env.update(ENCODINGS[encoding])
    done = subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=cwd, env=env, capture_output=True, timeout=60
    )
    codec = CODECS[encoding]
    return done.returncode, done.stdout.decode(codec), done.stderr.decode(codec)


@pytest.mark.parametrize("encoding", list(ENCODINGS))
@pytest.mark.parametrize(("args", "code", "words"), COMMANDS, ids=lambda v: str(v))
def test_every_command_works_under_a_narrow_output_encoding(
    encoding: str, args: tuple[str, ...], code: int, words: str, seeded: Path, tmp_path: Path
) -> None:
    returncode, out, err = _run(args, encoding, seeded, tmp_path)
    assert "Traceback" not in out + err and "UnicodeEncodeError" not in err
    assert returncode == code, err
    assert words in out + err
    if encoding == "latin-1" and args == ("list",):
        assert "café" in out  # what Latin-1 can show is shown as it is


@pytest.mark.parametrize("encoding", list(ENCODINGS))
@pytest.mark.parametrize("args", [("list", "--json"), ("export",)], ids=" ".join)
def test_json_under_a_narrow_encoding_is_plain_ascii_and_reads_back_exactly(
    encoding: str, args: tuple[str, ...], seeded: Path, tmp_path: Path
) -> None:
    returncode, out, err = _run(args, encoding, seeded, tmp_path)
    assert returncode == 0, err
    assert out.isascii()
    parsed = json.loads(out)
    records = parsed if isinstance(parsed, list) else parsed["checkins"]
    assert [r["note"] for r in records] == [NOTE]
    assert records[0]["tags"] == ["thé"]


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_the_full_screen_app_never_shows_escaped_code_points(encoding: str, seeded: Path) -> None:
    env = {"PYTHONPATH": str(REPO), "THAW_DATA_DIR": str(seeded), **ENCODINGS[encoding]}
    with PtyProcess(thaw_argv(), env=env, cwd=REPO) as proc:
        proc.wait_for_text("Last entries", timeout=20)
        proc.wait_for_quiet(0.3)
        proc.send("\x11")  # Ctrl+Q
        assert proc.wait(timeout=15) == 0
    shown = proc.text()
    assert "\\u" not in shown and "\\x" not in shown  # no literal \u2b58 or \u2014
    assert "Traceback" not in shown
    assert "caf" in shown
