"""What the plan screen says when another window changed or deleted a step while this window
was changing it: the sentences, how the conflict dialog shows a step, the step saved as new.
Saving itself goes through merged_edit, as for every other kind."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tui.core.outward import shown_line, shown_text
from tui.core.records.models import PLAN_STATUS_LABELS, PlanItem
from tui.screens import merged_edit
from tui.screens.merged_edit import EditKind

if TYPE_CHECKING:
    from collections.abc import Mapping

    from tui.core.ports import StorePort

MERGED = merged_edit.MERGED.format(what="step")
KEPT_THEIRS = merged_edit.KEPT_THEIRS
SAVED_YOURS = merged_edit.SAVED_YOURS
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
FIELD_NAMES = {"title": "name", "status": "status", "note": "note", "next_step": "next step"}
NAMED_UP_TO = 60  # characters of a step's name in a question (all of it would crowd 40x12)


def gone_question(item: PlanItem, mine: Mapping[str, object]) -> str:
    """The question when the step was deleted elsewhere, naming it (shortened when long)."""
    title = shown_line(str(mine.get("title", item.title)))
    if len(title) > NAMED_UP_TO:
        title = title[: NAMED_UP_TO - 1].rstrip() + "…"
    return GONE.format(title=title)


def stored_version(store: StorePort, item: PlanItem) -> PlanItem | None:
    """The step as stored now (None: deleted). A step that comes with Thaw is found by its
    key too: another window opening the plan puts a deleted one back under a new id."""
    items = store.plan_items()
    same = next((i for i in items if i.id == item.id), None)
    if same is None and item.key:
        same = next((i for i in items if i.key == item.key), None)
    return same


def _shown(name: str, value: object) -> str:
    """A step's field as the conflict dialog shows it: a status by its words."""
    if name == "status":
        return next((said for key, said in PLAN_STATUS_LABELS.items() if key == value), str(value))
    text = shown_line(str(value)) if name == "title" else shown_text(str(value))
    return text or "(empty)"


#: How the conflict dialog names a step's fields and shows them, and finds the step again.
PLAN_EDITS: EditKind[PlanItem] = EditKind("step", FIELD_NAMES, stored_version, _shown)


def as_new(item: PlanItem, mine: Mapping[str, object]) -> PlanItem:
    """The step the person was looking at with their changes, to save again as a new one."""
    return replace(item, **mine)  # type: ignore[arg-type]
