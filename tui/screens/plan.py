"""PlanScreen: the longer-term plan as a personal checklist, from content and the person's own."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.content import ContentError
from tui.core.errors import StaleEditError, ThawError
from tui.core.outward import shown_line, shown_text
from tui.core.records.models import PLAN_STATUS_LABELS, PLAN_STATUSES, PlanItem, PlanStatus
from tui.core.records.rules import NOTE_MAX_CHARS, PLAN_TITLE_MAX_CHARS
from tui.core.text import clean_line, clean_text
from tui.screens import plan_edits as edits
from tui.screens.base import ThawScreen
from tui.screens.merged_edit import MergedEdit
from tui.widgets.care_confirm import ConfirmDialog
from tui.widgets.care_form import FormDialog, FormField
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.content import PlanTemplate

STATUS_MARKS: dict[PlanStatus, str] = {
    "not_now": "·",
    "thinking": "?",
    "next_step": "→",
    "doing": "▶",
    "done": "✓",
}
TITLE_MAX = PLAN_TITLE_MAX_CHARS  # the store's own limit: what the form takes, the store keeps


def next_status(status: PlanStatus, step: int) -> PlanStatus:
    """The status `step` places along (wrapping): not now, thinking, next step, doing, done."""
    index = PLAN_STATUSES.index(status) if status in PLAN_STATUSES else 0
    return PLAN_STATUSES[(index + step) % len(PLAN_STATUSES)]


def title_problem(values: dict[str, str]) -> str | None:
    """A plan step needs a short title; notes may be long but not endless."""
    title = clean_line(values.get("title", ""))
    if "title" in values and not title:
        return 'Give this step a short name, for example "Call the GP".'
    if len(title) > TITLE_MAX:
        return f"Keep the name to {TITLE_MAX} characters; the note can hold the rest."
    for name in ("note", "next_step"):
        if len(values.get(name, "")) > NOTE_MAX_CHARS:
            return f"That is longer than {NOTE_MAX_CHARS:,} characters; please shorten it."
    return None


PLAN_SUB_TITLE = "longer-term steps, at your own pace"
# Below this many columns the header shows only "Your plan", whole, not cut.
SUB_TITLE_FROM = 60


class PlanScreen(ThawScreen):
    """Talk therapy, a psychiatrist, a doctor, meditation, yoga, and the person's own steps."""

    DEFAULT_CSS = """
    PlanScreen #plan-body {
        height: 1fr;
    }
    PlanScreen #plan-list {
        text-wrap: nowrap;
        text-overflow: ellipsis;
        width: 42;  /* "· Talk therapy: somatic experiencing" whole, where there is room */
        max-width: 45%;
        height: 1fr;
        border: round $primary 50%;
    }
    PlanScreen #plan-list:focus {
        border: round $primary;
    }
    PlanScreen #plan-detail {
        max-width: 96;
        width: 1fr;
        height: 1fr;
        padding: 0 1;
    }
    /* Narrow: the list on top at full width, its titles wrapped whole (three "Talk therapy"
       steps read alike when cut), the chosen step's words below. */
    PlanScreen.-narrow #plan-body {
        layout: vertical;
    }
    PlanScreen.-narrow #plan-list {
        width: 100%;
        max-width: 100%;
        text-wrap: wrap;
        height: 1fr;
    }
    PlanScreen.-narrow #plan-detail {
        width: 100%;
        height: 1fr;
    }
    """
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "status(1)",
            "Status",
            tooltip="Change the status: not now, thinking about it, next step, doing it, done",
            id="plan-status",
        ),
        Binding(
            "right",
            "status(1)",
            "Next status",
            show=False,
            tooltip="Change the status: ← the one before, → the next",
            id="plan-status-next",
        ),
        Binding(
            "left",
            "status(-1)",
            "Previous status",
            show=False,
            tooltip="Change the status: ← the one before, → the next",
            id="plan-status-previous",
        ),
        Binding(
            "e",
            "edit",
            "Note",
            tooltip="Write your own note and next step (or Enter)",
            id="plan-edit",
        ),
        Binding("a", "add", "Add", tooltip="Add a step of your own", id="plan-add"),
        # Shown in the footer only on the person's own steps; on Thaw's, d explains instead.
        Binding(
            "d",
            "delete",
            "Delete",
            tooltip="Delete one of your own steps (asks first)",
            id="plan-delete",
        ),
        Binding(
            "d",
            "keep_thaw_step",
            "",
            show=False,
            tooltip="On a step that comes with Thaw: how to set it aside",
            id="plan-keep-thaw-step",
        ),
        Binding(
            "r",
            "summary",
            "Summary",
            tooltip="Write a summary for an appointment to a file",
            id="plan-summary",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.title = "Your plan"
        self.sub_title = PLAN_SUB_TITLE
        self.items: list[PlanItem] = []
        self._templates: dict[str, PlanTemplate] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="plan-body"):
            yield OptionList(id="plan-list")
            with VerticalScroll(id="plan-detail"):
                yield Static("", id="plan-text", markup=False)
        # Compact, without the palette hint (Ctrl+P still works): at 80 columns every key of
        # this screen stays visible, Delete and F2 Support included.
        yield KeyFooter()

    def on_resize(self) -> None:
        self.sub_title = PLAN_SUB_TITLE if self.app.size.width >= SUB_TITLE_FROM else ""

    def on_mount(self) -> None:
        try:
            self._templates = {t.key: t for t in self.thaw.content.plan}
        except ContentError as err:
            self.notify(str(err), severity="warning", markup=False)
        self._seed_and_load()
        listing = self.query_one("#plan-list", OptionList)
        listing.focus()
        if self.items:
            listing.highlighted = 0

    # --- data -----------------------------------------------------------------------------------
    def _seed_and_load(self) -> None:
        """Add a step for every content template not yet in the plan (never twice), then load."""
        store = self.thaw.store
        try:
            have = {item.key for item in store.plan_items() if item.key}
            for key, template in self._templates.items():
                if key not in have:
                    store.add_plan_item(template.title, key=key)
        except ThawError as err:
            # Read-only or damaged files: say so, and still show whatever can be read.
            self.notify(
                str(err), title="The plan could not be set up", severity="error", markup=False
            )
        self._reload()

    def _reload(self, select_id: str | None = None) -> None:
        """Read the plan again and redraw, keeping the highlight on `select_id` when given."""
        try:
            items = self.thaw.store.plan_items()
        except ThawError as err:
            self.notify(str(err), severity="error", markup=False)
            items = []
        # Two windows opening the plan at the same moment could each add a template: show one.
        seen: set[str] = set()
        self.items = []
        for item in items:
            if item.key and item.key in seen:
                continue
            seen.add(item.key)
            self.items.append(item)
        self._fill_list(select_id)

    def _fill_list(self, select_id: str | None = None) -> None:
        listing = self.query_one("#plan-list", OptionList)
        old = listing.highlighted
        options = []
        for item in self.items:
            prompt = Text(f"{STATUS_MARKS.get(item.status, '·')} {shown_line(item.title)}")
            if item.status != "not_now":  # untouched steps are invitations, not a verdict
                prompt.append(f"\n  {PLAN_STATUS_LABELS.get(item.status, '')}", style="dim")
            options.append(Option(prompt, id=item.id))
        listing.set_options(options)
        if not self.items:
            self._show(None)
            return
        index = old if old is not None else 0
        if select_id is not None:
            index = next((i for i, it in enumerate(self.items) if it.id == select_id), index)
        listing.highlighted = min(index, len(self.items) - 1)
        self._show(self.items[listing.highlighted])

    def selected(self) -> PlanItem | None:
        """The highlighted step."""
        index = self.query_one("#plan-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.items):
            return None
        return self.items[index]

    def _show(self, item: PlanItem | None) -> None:
        detail = self.query_one("#plan-text", Static)
        if item is None:
            detail.update("Nothing here yet. When you're ready, a adds a step of your own.")
            return
        template = self._templates.get(item.key)
        text = Text()
        text.append(shown_line(item.title), style="bold")
        if item.status == "not_now":
            text.append("\nHere whenever you want it. Nothing has to happen.")
            text.append("  (Space: thinking about it)\n", style="dim")
        else:
            text.append("\nStatus: ")
            text.append(PLAN_STATUS_LABELS.get(item.status, item.status), style="bold")
            text.append("  (Space changes it)\n", style="dim")
        if template is not None:
            text.append(f"\n{template.explanation}\n")
            text.append("\nWhere to look: ", style="bold")
            text.append(f"{template.where_to_look}\n")
            text.append("\nA first step could be: ", style="bold")
            text.append(f"{template.first_step}\n")
        text.append("\nYour next step: ", style="bold")
        text.append(shown_text(item.next_step) if item.next_step else "(none yet)")
        text.append("\nYour note: ", style="bold")
        text.append(shown_text(item.note) if item.note else "(none yet)")
        text.append("\n\nPress e to write your note and next step.", style="dim")
        detail.update(text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(self.selected())
        self.refresh_bindings()  # the footer offers Delete only on the person's own steps

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def _update(self, item: PlanItem, **changes: object) -> None:
        """Save this window's changes, merged field by field with one another window saved
        since; where both changed the same field the person sees both and chooses."""

        def saved(stored: PlanItem, said: str) -> None:
            if said:
                self.notify(said, timeout=6)
            self._reload(stored.id)

        def failed(err: ThawError) -> None:
            if isinstance(err, StaleEditError):  # it keeps changing there
                self.notify(str(err), severity="warning", timeout=10, markup=False)
                return
            self.notify(str(err), title="Not saved", severity="error", timeout=10, markup=False)

        def kept(newer: PlanItem) -> None:
            self.notify(edits.KEPT_THEIRS, timeout=6)

        def seen(newer: PlanItem | None) -> None:
            self._reload(newer.id if newer else None)  # the newer version is shown underneath

        edit = MergedEdit(
            self.app,
            self.thaw.store,
            edits.PLAN_EDITS,
            saved=saved,
            failed=failed,
            gone=self._offer_as_new,
            kept=kept,
            seen=seen,
        )
        edit.save(item, changes)

    def _offer_as_new(self, item: PlanItem, mine: dict[str, object]) -> None:
        """The step was deleted elsewhere: save this version as a new step, or let it go."""

        def answered(yes: bool | None) -> None:
            if not yes:
                self.notify(edits.LET_GO, timeout=6)
                return
            new = edits.as_new(item, mine)
            try:
                added = self.thaw.store.add_plan_item(
                    new.title,
                    key=new.key,
                    status=new.status,
                    note=new.note,
                    next_step=new.next_step,
                )
            except ThawError as err:
                self.notify(str(err), title="Not saved", severity="error", timeout=10, markup=False)
                return
            self.notify(edits.SAVED_AS_NEW, timeout=6)
            self._reload(added.id)

        question = edits.gone_question(item, mine)
        self.app.push_screen(
            ConfirmDialog(question, yes_words=edits.GONE_YES, no_words=edits.GONE_NO), answered
        )

    # --- actions --------------------------------------------------------------------------------
    def action_status(self, step: int) -> None:
        """Move the highlighted step's status along."""
        item = self.selected()
        if item is not None:
            self._update(item, status=next_status(item.status, step))

    def action_edit(self) -> None:
        """Edit the note and next step (and the name, for the person's own steps)."""
        item = self.selected()
        if item is None:
            return
        fields = []
        if not item.key:
            title = shown_line(item.title)
            fields.append(FormField("title", "Name of this step", title, max_length=TITLE_MAX))
        fields += [
            FormField("next_step", "Your next step", shown_text(item.next_step), multiline=True),
            FormField("note", "Your note", shown_text(item.note), multiline=True),
        ]

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            changes: dict[str, object] = {
                "next_step": clean_text(values["next_step"]).strip(),
                "note": clean_text(values["note"]).strip(),
            }
            if "title" in values:
                changes["title"] = clean_line(values["title"])
            self._update(item, **changes)

        self.app.push_screen(
            FormDialog(shown_line(item.title), fields, validate=title_problem), done
        )

    def action_add(self) -> None:
        """Add a step of the person's own."""
        fields = [
            FormField(
                "title", "Name of this step", placeholder="e.g. Call the GP", max_length=TITLE_MAX
            ),
            FormField("next_step", "Your next step (optional)", multiline=True),
            FormField("note", "Your note (optional)", multiline=True),
        ]

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            try:
                item = self.thaw.store.add_plan_item(
                    clean_line(values["title"]),
                    next_step=clean_text(values["next_step"]).strip(),
                    note=clean_text(values["note"]).strip(),
                )
            except ThawError as err:
                self.notify(str(err), title="Not saved", severity="error", timeout=10, markup=False)
                return
            self._reload(item.id)

        self.app.push_screen(FormDialog("A step of your own", fields, validate=title_problem), done)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`d` deletes (and shows in the footer) only on the person's own steps."""
        if action == "delete":
            try:
                item = self.selected()
            except NoMatches:  # asked while the screen is still being built
                return False
            return item is not None and not item.key
        return True

    def action_keep_thaw_step(self) -> None:
        """d on a step that comes with Thaw: it stays; say how to set it aside."""
        if self.selected() is not None:
            self.notify(
                'This step comes with Thaw, so it stays. Set it to "not now" to put it aside.',
                timeout=6,
            )

    def action_delete(self) -> None:
        """Delete one of the person's own steps, after asking."""
        item = self.selected()
        if item is None or item.key:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.thaw.store.delete_plan_item(item)
            except StaleEditError:
                try:
                    gone = edits.stored_version(self.thaw.store, item) is None
                except ThawError:
                    gone = False
                said = edits.ALREADY_GONE if gone else edits.NOT_DELETED
                self.notify(said, severity="warning", timeout=10)
            except ThawError as err:
                self.notify(
                    str(err), title="Not deleted", severity="error", timeout=10, markup=False
                )
            self._reload()

        question = f'Delete "{shown_line(item.title)}" from your plan?'
        self.app.push_screen(ConfirmDialog(question), answered)

    def action_summary(self) -> None:
        """Write a Markdown summary for an appointment to a file, after asking where."""
        from tui.widgets.care_summary import ask_and_write_summary

        ask_and_write_summary(self)
