"""Try one save with RLIMIT_FSIZE set low, as a full disk would behave (EFBIG on write).

Usage: python fsize_worker.py DATA_DIR LIMIT_BYTES
Exit 3 and print the message when the store raised DiskFullError; exit 0 if the save worked.
"""

from __future__ import annotations

import resource
import signal
import sys
from pathlib import Path

from tui.core.errors import DiskFullError
from tui.core.store import Store


def main() -> None:
    data_dir, limit = Path(sys.argv[1]), int(sys.argv[2])
    store = Store(data_dir)
    import tinydb  # noqa: F401  (loaded before the limit so only the save meets it)

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        store.add_checkin(5, note="a long note that will not fit " * 300)
    except DiskFullError as exc:
        print(exc, flush=True)
        sys.exit(3)


if __name__ == "__main__":
    main()
