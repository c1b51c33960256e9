"""What the plan screen says and compares when another window changed or deleted a step while
this window was changing it: the sentences, the fields both touched, the step saved as new."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui.core.outward import shown_line, shown_text
from tui.core.records.models import PLAN_STATUS_LABELS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tui.core.ports import StorePort
    from tui.core.records.models import PlanItem
    from tui.widgets.conflict_dialog import Clash

MERGED = "Saved. A change made to this step in another window is kept too."
CLASH = (
    "This step was changed in another window while you were changing it. "
    "Here are both; choose which to keep."
)
KEPT_THEIRS = "Kept the other window's version. Yours was not saved."
SAVED_YOURS = "Saved yours over the other window's."
GONE = 'This step, "{title}", was deleted in another window. Your changes are still here.'
GONE_YES = "saves them as a new step"
GONE_NO = "lets them go"
LET_GO = "Left deleted. Your changes were let go."
SAVED_AS_NEW = "Saved as a new step."
NOT_DELETED = (
    "This step was changed in another window, so it was not deleted. "
    "The newer version is shown now."
)
ALREADY_GONE = "This step was already deleted in another window."
STILL_CHANGING = (
    "This step keeps changing in another window, so your change was not saved. "
    "The newer version is shown now."
)
FIELD_NAMES = {"title": "name", "status": "status", "note": "note", "next_step": "next step"}
NAMED_UP_TO = 60  # characters of a step's name in a question (all of it would crowd 40x12)


def gone_question(item: PlanItem, mine: Mapping[str, object]) -> str:
    """The question when the step was deleted elsewhere, naming it (shortened when long)."""
    title = shown_line(str(mine.get("title", item.title)))
    if len(title) > NAMED_UP_TO:
        title = title[: NAMED_UP_TO - 1].rstrip() + "…"
    return GONE.format(title=title)


def own_changes(item: PlanItem, changes: Mapping[str, object]) -> dict[str, object]:
    """The changes this window made: fields whose new value differs from what it read.

    Only these go to the store, so a field the form merely passed through unchanged never
    undoes what another window wrote there.
    """
    return {k: v for k, v in changes.items() if getattr(item, k) != v}


def stored_version(store: StorePort, item: PlanItem) -> PlanItem | None:
    """The step as stored now (None: deleted). A step that comes with Thaw is found by its
    key too: another window opening the plan puts a deleted one back under a new id."""
    items = store.plan_items()
    same = next((i for i in items if i.id == item.id), None)
    if same is None and item.key:
        same = next((i for i in items if i.key == item.key), None)
    return same


def clashes(item: PlanItem, newer: PlanItem, mine: Mapping[str, object]) -> list[Clash]:
    """Fields both windows changed, differently: (what it is called, yours, theirs)."""
    found: list[Clash] = []
    for name, value in mine.items():
        theirs = getattr(newer, name)
        if theirs != getattr(item, name) and theirs != value:
            found.append((FIELD_NAMES.get(name, name), _shown(name, value), _shown(name, theirs)))
    return found


def _shown(name: str, value: object) -> str:
    if name == "status":
        return next((said for key, said in PLAN_STATUS_LABELS.items() if key == value), str(value))
    text = shown_line(str(value)) if name == "title" else shown_text(str(value))
    return text or "(empty)"


def as_new(item: PlanItem, mine: Mapping[str, object]) -> PlanItem:
    """The step the person was looking at with their changes, to save again as a new one."""
    return replace(item, **mine)  # type: ignore[arg-type]
