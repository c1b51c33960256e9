"""One import from a path, as the command line and the app's Import screen both run it.

read the file (regular files only, size-capped) -> detect -> read with the person's mood
placing -> plan against the store. Nothing here writes; `plan.apply_import` does.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.errors import InputError
from tui.core.exchange.base import FileRead, ReadOptions
from tui.core.exchange.detect import Detected, detect
from tui.core.exchange.plan import ImportPlan, plan_import

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tui.core.ports import StorePort

MAX_BYTES = 200 * 1024 * 1024  # far beyond any real export; keeps a wrong file from eating memory


def local_zone(fallback: tzinfo | None) -> tzinfo | None:
    """This machine's zone as a named zone ($TZ, else the /etc/localtime link), else `fallback`.

    A named zone knows each date's own summer time, so a wall-clock time from 2017 gets 2017's
    offset; and the store takes a named zone's name as it is, instead of working it out again
    for each of ten thousand imported rows.
    """
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            name = str(Path("/etc/localtime").readlink()).partition("zoneinfo/")[2]
        except OSError:
            name = ""
    if not name or name.startswith("/") or ".." in name:
        return fallback
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except (ValueError, OSError, KeyError):
        return fallback


def read_import_file(name: str) -> bytes:
    """The file's bytes, or InputError with a sentence naming it (never blocks on a FIFO)."""
    path = Path(name).expanduser()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise InputError(f"There's no file at {path}. Check the name and try again.") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a file. Give the export file itself.") from None
    except OSError as err:
        reason = (err.strerror or str(err)).lower()
        raise InputError(f"Thaw can't read {path} ({reason}).") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path} is a folder, not a file. Give the export file itself.")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path} isn't a regular file, so Thaw won't read it.")
        if info.st_size > MAX_BYTES:
            raise InputError(f"{path} is too big to be an export.")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as err:
        reason = (err.strerror or str(err)).lower()
        raise InputError(f"Thaw can't read {path} ({reason}).") from None
    finally:
        os.close(fd)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A file read and planned: what it is, what it holds, what would be added."""

    name: str  # the file's name, for sentences
    detected: Detected
    read: FileRead
    plan: ImportPlan

    @property
    def needs_moods(self) -> bool:
        return bool(self.read.unknown_moods)


def prepare(
    store: StorePort,
    path: str,
    *,
    wanted: str | None,
    mood_map: Mapping[str, int],
    reference: tzinfo | None,
    now: datetime,
    data: bytes | None = None,
    with_deleted: bool = False,
) -> Prepared:
    """Read, detect, read and plan one file. InputError when it can't be read as a whole.
    Records deleted here are left out (and counted) unless `with_deleted`."""
    raw = read_import_file(path) if data is None else data
    detected = detect(raw, wanted)
    options = ReadOptions(reference=local_zone(reference), mood_map=dict(mood_map))
    read = detected.read(raw, options)
    if read.unknown_moods:
        plan = ImportPlan()
    else:
        plan = plan_import(store, read, now, with_deleted=with_deleted)
    return Prepared(Path(path).name, detected, read, plan)
