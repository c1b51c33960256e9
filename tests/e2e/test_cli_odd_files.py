"""Odd files planted where a month file should be: every command answers within 10 s with a
sentence, and the rest of the data still shows (issue 13, items 3 and 4).

Each plant imitates what a synced, restored or hand-edited data folder can hold: a FIFO or a
symlink left by another tool, JSON nested 100,000 deep, a NaN or a 5,000-digit number written
by another program, bytes that are not UTF-8.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime.now().astimezone()
THIS_MONTH = f"{NOW:%Y-%m}.json"
EARLIER = (NOW.replace(day=1) - timedelta(days=20)).replace(hour=9, minute=0)


def _doc(mood: str) -> bytes:
    """A month file whose one check-in has `mood` written as raw JSON text."""
    at = NOW.replace(day=1, hour=8, minute=0, second=0, microsecond=0).isoformat()
    body = (
        f'{{"checkins": {{"1": {{"id": "{"a" * 32}", "at": "{at}", "mood": {mood}, "rev": 1}}}}}}'
    )
    return body.encode()


def _fifo(path: Path) -> None:
    os.mkfifo(path, 0o600)


def _symlink(path: Path) -> None:
    target = path.parent.parent.parent / "elsewhere.json"
    target.write_bytes(_doc("5"))
    path.symlink_to(target)


def _writer(data: bytes) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_bytes(data)
        path.chmod(0o600)

    return write


PLANTS: dict[str, Callable[[Path], None]] = {
    "fifo": _fifo,
    "symlink": _symlink,
    "deep": _writer(b"[" * 100_000 + b"]" * 100_000),
    "nan": _writer(_doc("NaN")),
    "infinity": _writer(_doc("-Infinity")),
    "huge-int": _writer(_doc("9" * 5000)),
    "bad-utf8": _writer(b'{"checkins": {"1": {"note": "\xff\xfe\xfa"}}}'),
}
REFUSED = {"fifo", "symlink"}  # refused where they are; the others are set aside


def thaw(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The program in this checkout, as a person runs it, given 10 s to answer."""
    env = {k: v for k, v in os.environ.items() if k not in ("THAW_DATA_DIR", "THAW_DEBUG")}
    env.update(THAW_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=10,
        cwd=data.parent,
        stdin=subprocess.DEVNULL,
    )


def _calm(done: subprocess.CompletedProcess[str]) -> str:
    text = done.stdout + done.stderr
    assert "Traceback" not in text and "didn't expect" not in text, text
    assert done.returncode in (0, 1), text
    return text


@pytest.fixture
def planted(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, str]:
    data = tmp_path / "data"
    at = EARLIER.strftime("%Y-%m-%dT%H:%M")
    assert thaw(data, "log", "7", "-n", "earlier", "--at", at).returncode == 0
    kind: str = request.param
    month = data / "checkins" / THIS_MONTH
    PLANTS[kind](month)
    return data, kind


@pytest.mark.parametrize("planted", sorted(PLANTS), indirect=True)
def test_every_command_answers_with_a_sentence_and_shows_the_rest(
    planted: tuple[Path, str],
) -> None:
    data, kind = planted
    rel = f"checkins/{THIS_MONTH}"

    listed = thaw(data, "list", "--days", "60")
    text = _calm(listed)
    assert listed.returncode == 0 and "earlier" in listed.stdout  # the rest still shows
    assert rel in listed.stderr  # ...and the odd file is named

    as_json = thaw(data, "list", "--days", "60", "--json")
    _calm(as_json)
    assert [c["note"] for c in json.loads(as_json.stdout)] == ["earlier"]

    stats = thaw(data, "stats", "--days", "60")
    _calm(stats)
    assert stats.returncode == 0

    exported = thaw(data, "export")
    _calm(exported)
    assert exported.returncode == 0 and "earlier" in exported.stdout

    doctor = thaw(data, "doctor")
    text = _calm(doctor)
    assert doctor.returncode == 1 and rel in text and "All well" not in text

    logged = thaw(data, "log", "5")
    text = _calm(logged)
    if kind in REFUSED:
        assert logged.returncode == 1 and rel in text  # nothing written where it sits
    else:
        assert logged.returncode == 0 and "Saved" in logged.stdout


@pytest.mark.parametrize("planted", ["nan", "bad-utf8", "deep"], indirect=True)
def test_a_save_that_sets_a_damaged_month_aside_says_so_in_doctors_words(
    planted: tuple[Path, str],
) -> None:
    data, _ = planted
    rel = f"checkins/{THIS_MONTH}"
    at = NOW.replace(day=1, hour=7, minute=0).strftime("%Y-%m-%dT%H:%M")
    logged = thaw(data, "log", "5", "--at", at)
    _calm(logged)
    assert logged.returncode == 0 and "Saved" in logged.stdout
    (told,) = [line for line in logged.stderr.splitlines() if rel in line]
    assert "set aside" in told and "quarantine/" in told
    doctor = thaw(data, "doctor")
    assert told in doctor.stdout  # the very sentence doctor gives
    kept = list((data / "quarantine" / "checkins").iterdir())
    assert len(kept) == 1  # set aside once, kept byte for byte, never overwritten
