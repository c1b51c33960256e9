"""The store satisfies StorePort, the Protocol the screens type against (mypy checks this file)."""

from __future__ import annotations

import inspect
from pathlib import Path

from tui.core.clock import FakeClock
from tui.core.ports import StorePort
from tui.core.store import Store


def test_the_store_is_a_store_port(tmp_path: Path, clock: FakeClock) -> None:
    """mypy refuses this assignment if Store lacks a method of the port or its signature differs;
    at run time, each method the port names is there, callable, with the same parameters."""
    port: StorePort = Store(tmp_path / "data", clock)
    for name, member in vars(StorePort).items():
        if name.startswith("_"):
            continue
        if isinstance(member, property):
            getattr(port, name)  # an attribute or a property: either reads
            continue
        real = getattr(type(port), name)
        assert list(inspect.signature(real).parameters) == list(
            inspect.signature(member).parameters
        ), name
    assert port.checkins() == []
