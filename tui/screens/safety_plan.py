"""SafetyPlanScreen: the person's own plan for hard moments, heading by heading, in their words."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.content import ContentError
from tui.core.errors import StaleEditError, ThawError
from tui.core.safety_plan import SafetyPlan
from tui.core.text import clean_text
from tui.screens.base import ThawScreen
from tui.screens.merged_edit import KEPT_THEIRS, SAVED_YOURS, TRIES, shown_value
from tui.widgets.care_form import FormDialog, FormField
from tui.widgets.conflict_dialog import ConflictDialog
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.content import SafetyPlanGuide

CLASH = (
    "Your safety plan was changed in another window while you were changing it. "
    "Here are both; choose which to keep."
)
MERGED = "Saved. A change made to your safety plan in another window is kept too."
STILL_CHANGING = (
    "Your safety plan keeps changing in another window, so this change was not saved. "
    "The newer version is shown now."
)


def section_prompt(title: str, written: str, empty: str) -> Text:
    """One heading and what is under it: the person's words, or a quiet prompt when empty."""
    prompt = Text(title, style="bold")
    if written:
        for line in clean_text(written).splitlines() or [""]:
            prompt.append("\n  " + line)
    else:
        prompt.append(f"\n  {empty}", style="dim")
    return prompt


class SafetyPlanScreen(ThawScreen):
    """Seven headings in the Stanley-Brown order; Enter or e writes under the highlighted one.

    Everything stays on this computer. It joins the appointment summary only when the person
    says so (i), and the whole plan scrolls at 40x12.
    """

    DEFAULT_CSS = """
    SafetyPlanScreen #plan-intro {
        padding: 0 1;
        height: auto;
        color: $text-muted;
    }
    SafetyPlanScreen.-short #plan-intro { display: none; }
    SafetyPlanScreen #plan-status {
        padding: 0 1;
        height: auto;
    }
    SafetyPlanScreen #plan-sections {
        height: 1fr;
        border: round $primary 50%;
    }
    SafetyPlanScreen #plan-sections:focus { border: round $primary; }
    SafetyPlanScreen #plan-sections > .option-list--option { padding: 0 1; }
    """
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "e",
            "edit",
            "Write",
            tooltip="Write under the highlighted heading (or Enter)",
            id="safety-plan-edit",
        ),
        Binding(
            "i",
            "toggle_summary",
            "In summary",
            tooltip="Include the plan in the appointment summary, or leave it out",
            id="safety-plan-in-summary",
        ),
        Binding(
            "r",
            "summary",
            "Summary",
            tooltip="Write a summary for an appointment to a file",
            id="safety-plan-summary",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.title = "My safety plan"
        self.sub_title = "in your own words"
        self.plan = SafetyPlan()
        self._guide: SafetyPlanGuide | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="plan-intro", markup=False)
        yield Static("", id="plan-status", markup=False)
        yield OptionList(id="plan-sections")
        yield KeyFooter()

    def on_mount(self) -> None:
        try:
            self._guide = self.thaw.content.safety_plan
        except ContentError as err:
            self.query_one("#plan-intro", Static).update(f"The plan's headings are missing: {err}")
            return
        self.query_one("#plan-intro", Static).update(self._guide.intro)
        self._load()
        self.query_one("#plan-sections", OptionList).focus()

    def _load(self) -> None:
        try:
            self.plan = self.thaw.store.safety_plan()
        except ThawError as err:
            self.notify(str(err), severity="error", markup=False)
        self._fill()

    def _fill(self) -> None:
        guide = self._guide
        if guide is None:
            return
        listing = self.query_one("#plan-sections", OptionList)
        old = listing.highlighted
        options = [
            Option(
                section_prompt(s.title, self.plan.text(s.id), guide.empty),
                id=s.id,
            )
            for s in guide.sections
        ]
        listing.set_options(options)
        listing.highlighted = old if old is not None else 0
        where = (
            "In your appointment summary · i: take it out"
            if self.plan.in_summary
            else "Kept out of your summary · i: add it"
        )
        self.query_one("#plan-status", Static).update(Text(where, style="dim"))

    def _save(self, plan: SafetyPlan, said: str = "", tries: int = 0) -> None:
        """Save over what this window read: a section changed in another window meanwhile is
        kept; where both wrote under one heading, both are shown and the person chooses."""
        before = self.plan
        try:
            saved = self.thaw.store.save_safety_plan(plan, old=before)
        except StaleEditError:
            self._settle(before, plan, tries)
            return
        except ThawError as err:
            self.notify(str(err), title="Not saved", severity="error", markup=False)
            return
        self.plan = saved
        if not said and saved.rev > before.rev + 1:
            said = MERGED
        if said:
            self.notify(said, timeout=6)
        self._fill()

    def _settle(self, before: SafetyPlan, plan: SafetyPlan, tries: int) -> None:
        try:
            theirs = self.thaw.store.safety_plan()
        except ThawError as err:
            self.notify(str(err), title="Not saved", severity="error", markup=False)
            return
        names = [f.name for f in dataclasses.fields(plan) if f.name != "rev"]
        mine = {n: getattr(plan, n) for n in names if getattr(plan, n) != getattr(before, n)}
        both = [n for n, v in mine.items() if getattr(theirs, n) not in (getattr(before, n), v)]
        self.plan = theirs
        self._fill()  # the other window's plan is shown underneath
        if not both:  # the same words written there too, or other headings: lay these over
            if tries < TRIES:
                self._save(dataclasses.replace(theirs, **mine), tries=tries + 1)
            else:
                self.notify(STILL_CHANGING, severity="warning", timeout=10)
            return
        titles = {s.id: s.title for s in self._guide.sections} if self._guide else {}
        clashes = [
            (
                f"words under “{titles.get(n, n)}”",
                shown_value(mine[n]),
                shown_value(getattr(theirs, n)),
            )
            for n in both
        ]

        def chosen(keep_mine: bool | None) -> None:
            if keep_mine:
                self._save(dataclasses.replace(theirs, **mine), said=SAVED_YOURS)
            else:
                self.notify(KEPT_THEIRS, timeout=6)

        self.app.push_screen(ConflictDialog(CLASH, clashes), chosen)

    def action_edit(self) -> None:
        """Write under the highlighted heading, in the person's own words."""
        guide = self._guide
        index = self.query_one("#plan-sections", OptionList).highlighted
        if guide is None or index is None:
            return
        section = guide.sections[index]

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self._save(self.plan.with_text(section.id, values["text"]))

        form = FormDialog(
            section.title,
            [FormField("text", "In your own words", self.plan.text(section.id), multiline=True)],
            intro=section.prompt,
        )
        self.app.push_screen(form, done)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_toggle_summary(self) -> None:
        """Put the plan into the appointment summary, or take it out again."""
        self._save(dataclasses.replace(self.plan, in_summary=not self.plan.in_summary))

    def action_summary(self) -> None:
        """Write the appointment summary (with the plan only if it is included)."""
        from tui.widgets.care_summary import ask_and_write_summary

        ask_and_write_summary(self)
