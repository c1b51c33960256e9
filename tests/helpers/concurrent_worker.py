"""Log N check-ins into a shared data dir, starting only once a barrier file appears.

Usage: python concurrent_worker.py DATA_DIR BARRIER_FILE COUNT LABEL
Prints "ready" once the Store is open, then waits for the barrier, then saves COUNT check-ins
(note "LABEL-i") as fast as it can and prints "done".
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tui.core.store import Store


def main() -> None:
    data_dir, barrier = Path(sys.argv[1]), Path(sys.argv[2])
    count, label = int(sys.argv[3]), sys.argv[4]
    store = Store(data_dir)
    print("ready", flush=True)
    deadline = time.monotonic() + 30
    while not barrier.exists():
        if time.monotonic() > deadline:
            sys.exit("barrier never appeared")
        time.sleep(0.001)
    for i in range(count):
        store.add_checkin(1 + i % 10, note=f"{label}-{i}")
    print("done", flush=True)


if __name__ == "__main__":
    main()
