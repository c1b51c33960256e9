"""The TinyDB Storage that routes every read and write through Thaw's safe file layer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from tui.core.storage import Tables, load_file

Writer = Callable[[Path, Tables], None]


class SafeStorage(Storage):
    """TinyDB storage: reads via `load_file` (checked, migrated), writes via the Store's writer.

    The writer takes the backup and does the atomic replace; the Store holds the flock around
    every TinyDB operation, so each read here is a fresh re-read inside the lock. No caching.
    """

    def __init__(self, path: Path, *, writer: Writer) -> None:
        self.path = path
        self._writer = writer

    def read(self) -> dict[str, dict[str, Any]] | None:
        loaded = load_file(self.path)
        return None if loaded is None else loaded.tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._writer(self.path, data)

    def close(self) -> None:
        """Nothing stays open between operations."""
