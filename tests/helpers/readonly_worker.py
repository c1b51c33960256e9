"""Open a really read-only data dir (as a non-root user) and try to read and write it.

Usage: python readonly_worker.py DATA_DIR [UID]
With UID (the test runs as root, where chmod does not stop writes) the process first drops to
that user. Prints one line per step; exits 0 when every step behaved.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tui.core.errors import ReadOnlyError
from tui.core.storage import files


def main() -> None:
    data_dir = Path(sys.argv[1])
    # Import everything first: the Python install itself may not be readable by the other user.
    import uuid  # noqa: F401
    import zoneinfo

    import tinydb  # noqa: F401

    import tui.core.care
    import tui.core.restore  # noqa: F401
    from tui.core.store import Store

    zoneinfo.ZoneInfo("Europe/London")
    if len(sys.argv) > 2:
        uid = int(sys.argv[2])
        os.setgid(uid)
        os.setuid(uid)

    store = Store(data_dir)
    print(f"read_only {store.read_only}")
    print(f"count {len(store.checkins())}")
    print(f"problems {len(store.problems)}")
    try:
        store.add_checkin(5)
    except ReadOnlyError as exc:
        print(f"add refused: {exc}")
    # Below the Store's early check: the real EACCES from the kernel maps to ReadOnlyError too.
    try:
        files.atomic_write(data_dir / "markers.json", b"{}")
    except ReadOnlyError:
        print("write refused")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
