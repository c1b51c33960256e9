"""The check-in screen's own keys: save from anywhere, go on, leave, keep or drop a draft.

The scales, the feelings picker and the tags field bring their own keys; the help lists those
with these, each once.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

CHECKIN_BINDINGS: list[BindingType] = [
    Binding(
        "escape",
        "leave",
        "Back",
        tooltip="Back; anything typed is kept as a draft",
        id="checkin-leave",
    ),
    Binding(
        "enter",
        "save",
        "Save",
        tooltip="Save, from anywhere except inside the note",
        id="checkin-save",
    ),
    Binding("enter", "go_on", "Go on", tooltip="Go on from the saved check-in", id="checkin-go-on"),
    # The footer tells the key that saves from where the cursor is: Ctrl+S in the note (where
    # Enter starts a new line), Enter everywhere else. Ctrl+S (and Ctrl+J) save everywhere.
    Binding(
        "ctrl+s",
        "save_from_note",
        "Save",
        key_display="^s",
        tooltip="Save from inside the note (Enter there starts a new line)",
        id="checkin-save-from-note",
    ),
    Binding(
        "ctrl+j,alt+enter,ctrl+s",
        "save_anywhere",
        show=False,
        tooltip="Save from anywhere, inside the note too",
        id="checkin-save-anywhere",
    ),
    Binding(
        "ctrl+n",
        "start_fresh",
        "Start fresh",
        show=False,
        tooltip="Start fresh (drops the unfinished draft)",
        id="checkin-start-fresh",
    ),
    Binding(
        "ctrl+d",
        "keep_draft",
        "Keep as draft",
        show=False,
        tooltip="Keep what you typed as a draft for later",
        id="checkin-keep-draft",
    ),
]
