"""Save check-ins (and move some between months) in a loop until killed; print each acknowledged.

Usage: python crash_worker.py DATA_DIR START_ISO SEED
Prints "ready", then one line per save only after the Store call has returned:
    add <id> <rev>      a new check-in is on disk
    upd <id> <rev>      an edit (often a move to another month file) is on disk
The clock jumps a day every 15 saves so daily backups and pruning run under fire too.
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

from tui.core.clock import FakeClock
from tui.core.records.models import CheckIn
from tui.core.store import Store


def main() -> None:
    data_dir = Path(sys.argv[1])
    clock = FakeClock(datetime.fromisoformat(sys.argv[2]))
    rng = random.Random(int(sys.argv[3]))
    store = Store(data_dir, clock)
    import tinydb  # noqa: F401  (the store imports it lazily; load it now so kills land in saves)

    print("ready", flush=True)
    n = 0
    mine: list[CheckIn] = []
    while True:
        n += 1
        if n % 15 == 0:
            clock.advance(86400)
        if mine and rng.random() < 0.25:
            old = mine.pop(rng.randrange(len(mine)))
            back = timedelta(days=rng.randrange(0, 90))
            new = store.update_checkin(old, at=clock.now() - back, mood=rng.randint(1, 10))
            mine.append(new)
            print(f"upd {new.id} {new.rev}", flush=True)
            continue
        back = timedelta(days=rng.randrange(0, 60), minutes=rng.randrange(0, 600))
        saved = store.add_checkin(
            rng.randint(1, 10),
            feel=rng.randint(0, 10),
            note="still here " * rng.randint(0, 30),
            tags=["crash"],
            at=clock.now() - back,
        )
        mine.append(saved)
        if len(mine) > 20:
            mine.pop(0)
        print(f"add {saved.id} {saved.rev}", flush=True)


if __name__ == "__main__":
    main()
