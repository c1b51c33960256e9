"""The IANA zone name kept beside a record's time, worked out cheaply when it can be known."""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path


def local_zone_name() -> str:
    """The IANA name of this machine's zone, from $TZ or the /etc/localtime link ("" if unknown)."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        return name
    try:
        target = str(Path("/etc/localtime").readlink())
    except OSError:
        return ""
    _, sep, name = target.partition("zoneinfo/")
    return name if sep else ""


def zone_fits(name: str, at: datetime, *, local: str | None = None) -> bool:
    """Whether IANA zone `name` has `at`'s UTC offset at that moment (`local`: this machine's
    zone name when the caller has just worked it out, so a save reads the link once)."""
    offset = at.utcoffset()
    if offset is None or not name:
        return False
    # When the process already runs in that zone the C library knows its offset, and a save
    # need not import zoneinfo. A mismatch is looked at again with zoneinfo just below.
    if (
        name == (local_zone_name() if local is None else local)
        and not name.startswith("/")
        and ".." not in name
        and (Path(os.environ.get("TZDIR") or "/usr/share/zoneinfo") / name).is_file()
        and time.localtime(at.timestamp()).tm_gmtoff == offset.total_seconds()
    ):
        return True
    try:
        from zoneinfo import ZoneInfo

        zone = ZoneInfo(name)
    except (ValueError, OSError, KeyError):
        return False
    return zone.utcoffset(at.replace(tzinfo=None)) == offset


def zone_name(at: datetime) -> str:
    """The IANA zone name of `at` when it can be known cheaply and matches its offset."""
    key = getattr(at.tzinfo, "key", None)
    if isinstance(key, str):
        return key
    name = local_zone_name()
    return name if zone_fits(name, at, local=name) else ""
