"""An injectable clock, so screens and tests never read the real time directly."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Wall time for records, monotonic time for timers (immune to suspend and clock jumps)."""

    def now(self) -> datetime:
        """The current local time, timezone-aware."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary start; only differences mean anything."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now().astimezone()

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that only moves when a test says so."""

    def __init__(self, start: datetime, monotonic_start: float = 1000.0) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start")
        self._now = start
        self._mono = monotonic_start

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        """Move both wall and monotonic time forward."""
        self._now += timedelta(seconds=seconds)
        self._mono += seconds

    def set_now(self, when: datetime) -> None:
        """Jump wall time only (as a suspended laptop or NTP would); monotonic time is untouched."""
        self._now = when
