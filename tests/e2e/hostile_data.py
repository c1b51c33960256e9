"""A data folder whose text was planted by hand, as an attacker would: escapes, C1, bidi, markup.

Thaw cleans what it is given, so the records are saved through the Store first and then every
text field in the files is rewritten with hostile bytes appended, as a synced, restored or
hand-edited folder could hold them. Each field keeps a plain word in front (`alpha...`), so a
test can see that the screen really showed the record while the hostile part did not arrive.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tui.core.clock import SystemClock
from tui.core.records.models import NewCheckIn
from tui.core.store import Store

# What each part would do if it reached the terminal raw:
OSC_52 = "\x1b]52;c;SGVsbG8=\x07"  # set the clipboard to "Hello"
OSC_0 = "\x1b]0;PWNED\x07"  # set the window title
CSI = "\x1b[21t"  # ask the terminal to type its title back (an answer nobody asked for)
C1_CSI = "\u009b6n"  # the one-character CSI: ask for the cursor position
C1_OSC = "\u009d0;PWNED\u009c"  # the one-character OSC, title again
BIDI = "\u202eenilno\u202c"  # shows "online" reversed: text that reads differently than stored
MARKUP = "[b]mk[/b][@click=app.quit]q[/]"
HOSTILE = OSC_52 + OSC_0 + CSI + C1_CSI + C1_OSC + BIDI + MARKUP

# The planted escapes as they would arrive: Textual never writes these itself. (What is left
# of them once the control character is gone, such as "]52;c;" or "0;PWNED", is plain text.)
PLANTED_BYTES = (b"\x1b]52;", b"\x1b]0;PWNED", b"\x1b[21t")
_C1_OR_BIDI = re.compile("[\u0080-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")

TEXT_KEYS = {"note", "text", "name", "phone", "title", "next_step", "reminder_time"}
LIST_KEYS = {"tags", "emotions", "notes"}
LONDON = ZoneInfo("Europe/London")


def unsafe_reached(output: bytes) -> list[str]:
    """What of the planted text is in `output` (terminal bytes or a command's stdout); [] if none.

    ESC itself is everywhere in a full-screen app's output, so the planted escapes are found
    whole; C1 controls and bidi overrides are found as characters (encoded as UTF-8,
    or as raw 8-bit bytes, which show up as undecodable).
    """
    found = [repr(b) for b in PLANTED_BYTES if b in output]
    text = output.decode("utf-8", errors="surrogateescape")
    found += [f"U+{ord(c):04X}" for c in set(_C1_OR_BIDI.findall(text))]
    found += [f"raw byte {ord(c) - 0xDC00:#x}" for c in set(re.findall("[\udc80-\udc9f]", text))]
    return found


def _poison(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if key in LIST_KEYS and value:  # an unknown feeling too: shown by its id
            return [f"{item}{HOSTILE}" for item in value] + [f"zeta{HOSTILE}"]
        return [_poison(v) for v in value]
    if key in TEXT_KEYS and isinstance(value, str):
        return f"{value}{HOSTILE}"
    return value


def plant(data_dir: Path, now: datetime | None = None) -> Path:
    """A data folder with a little of everything, every text field ending in hostile bytes."""
    moment = (now or datetime.now(LONDON)).replace(microsecond=0)
    store = Store(data_dir, SystemClock())
    store.add_checkin(
        3, feel=2, note="alphanote", tags=("alphatag",),
        at=moment - timedelta(hours=2),
    )  # fmt: skip
    # Three weeks of days, every other one tagged and lower, so insights name tags and feelings.
    store.add_checkins(
        NewCheckIn(
            at=moment - timedelta(days=day, hours=1), mood=2 if day % 2 else 7, feel=1,
            emotions=("numb", "flat"), note="betanote\nsecond line",
            tags=("betatag",) if day % 2 else (),
        )
        for day in range(1, 22)
    )  # fmt: skip
    store.add_session(
        "breathe", "cyclic_sigh", started_at=moment - timedelta(days=2), planned_seconds=120,
        actual_seconds=120.0, completed=True, before=2, after=3, notes=("alphasession",),
    )  # fmt: skip
    store.add_marker("alphamarker", "therapy", at=moment - timedelta(days=4))
    store.add_plan_item("alphaplan", note="alphaplannote", next_step="alphastep")
    store.add_contact("alphacontact", phone="0123", note="alphacontactnote")
    store.save_settings(replace(store.settings(), reminder_time="20:30"))
    for path in data_dir.rglob("*.json"):
        if "backups" in path.relative_to(data_dir).parts:
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(_poison(document)), encoding="utf-8")
    return data_dir
