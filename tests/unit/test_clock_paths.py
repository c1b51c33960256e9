"""The fake clock moves only when told; the data dir follows flag, then env, then platform."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.core.clock import FakeClock, SystemClock
from tui.core.paths import data_dir


def test_fake_clock_advances_wall_and_monotonic_together() -> None:
    start = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    clock = FakeClock(start)
    before = clock.monotonic()
    clock.advance(90)
    assert clock.now() == start + timedelta(seconds=90)
    assert clock.monotonic() - before == 90


def test_a_wall_clock_jump_leaves_monotonic_time_alone() -> None:
    clock = FakeClock(datetime(2026, 1, 1, tzinfo=UTC))
    before = clock.monotonic()
    clock.set_now(datetime(2026, 1, 2, tzinfo=UTC))
    assert clock.monotonic() == before


def test_fake_clock_refuses_naive_time() -> None:
    with pytest.raises(ValueError):
        FakeClock(datetime(2026, 1, 1))


def test_system_clock_gives_aware_local_time() -> None:
    assert SystemClock().now().tzinfo is not None


def test_flag_beats_environment(tmp_path: Path) -> None:
    env = {"THAW_DATA_DIR": str(tmp_path / "env")}
    assert data_dir(str(tmp_path / "flag"), env) == tmp_path / "flag"
    assert data_dir(None, env) == tmp_path / "env"


def test_platform_default_ends_in_thaw() -> None:
    assert data_dir(None, {}).name == "thaw"


@pytest.mark.parametrize(
    ("xdg", "home"),
    [
        (None, "/home/ana"),
        ("/data/xdg", "/home/ana"),
        ("relative/xdg", "/home/ana"),
        (None, "/home/ana/"),
        (None, "/"),
    ],
)
def test_quick_default_matches_platformdirs(
    monkeypatch: pytest.MonkeyPatch, xdg: str | None, home: str
) -> None:
    """The login-speed shortcut must never send data somewhere platformdirs would not."""
    from platformdirs import user_data_path

    monkeypatch.delenv("THAW_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", home)
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert data_dir() == user_data_path("thaw", appauthor=False)
