"""IdeasScreen: small things to try now, by situation; each can be marked tried and rated."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.content import ContentError
from tui.core.errors import ThawError
from tui.screens.base import ThawScreen
from tui.widgets.care_form import FormDialog, FormField
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from textual.app import ComposeResult

    from tui.core.content import Idea, IdeaGroup
    from tui.core.records.models import Session

EFFORT_WORDS = {"tiny": "a tiny step", "small": "a small step", "bigger": "a bigger step"}
VOCABULARY_IDEA = "feeling_words"
"""The idea whose Enter opens the whole list of feelings."""
HISTORY_DAYS = 365
"""Tried marks shown from the last year: enough to remember, cheap to read."""


def parse_rating(values: dict[str, str]) -> str | None:
    """What is wrong with a rating form, in a sentence, or None when it is fine."""
    helped = values.get("helped", "").strip()
    if helped and (not helped.isdigit() or not 1 <= int(helped) <= 5):
        return "How much it helped is a number from 1 to 5, or leave it empty."
    for name in ("before", "after"):
        feel = values.get(name, "").strip()
        if feel and (not feel.isdigit() or not 0 <= int(feel) <= 10):
            return "How much you could feel is a number from 0 to 10, or leave it empty."
    return None


def out_of_five(value: float) -> str:
    """4 -> "4", 4.5 -> "4.5", 4.333 -> "4.3": no decimals when whole."""
    shown = f"{value:.1f}"
    return shown[:-2] if shown.endswith(".0") else shown


def tried_line(tried: Sequence[Session]) -> str:
    """What the person told us about an idea, in their terms.

    One rating is quoted as said ("you said it helped 4 out of 5"); an average is only given from
    two ratings or more, with how many it is over.
    """
    times = "once" if len(tried) == 1 else f"{len(tried)} times"
    line = f"You tried this {times} in the last year"
    ratings = [s.rating for s in tried if s.rating is not None]
    if len(ratings) == 1:
        said = f"you said it helped {ratings[0]} out of 5"
        line += f"; {said}" if len(tried) == 1 else f"; the time you rated it, {said}"
    elif ratings:
        over = (
            f"over {len(ratings)} tries"
            if len(ratings) == len(tried)
            else f"over the {len(ratings)} tries you rated"
        )
        mean = out_of_five(sum(ratings) / len(ratings))
        line += f"; you said it helped {mean} out of 5 on average, {over}"
    return line + "."


class IdeasScreen(ThawScreen):
    """Ideas grouped by situation: comfort, moving, talking, anger, learning."""

    DEFAULT_CSS = """
    IdeasScreen #ideas-body {
        height: 1fr;
    }
    IdeasScreen #ideas-list {
        text-wrap: nowrap;
        text-overflow: ellipsis;
        width: 38;
        max-width: 50%;
        height: 1fr;
        border: round $primary 50%;
    }
    IdeasScreen #ideas-list:focus {
        border: round $primary;
    }
    IdeasScreen #idea-detail {
        max-width: 96;
        width: 1fr;
        height: 1fr;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "t",
            "tried",
            "Tried it",
            tooltip="Say you tried this idea, and how it went",
            id="ideas-tried",
        ),
        Binding(
            "v",
            "feelings",
            "Names for feelings",
            tooltip="Browse names for feelings, with their meanings",
            id="ideas-feelings",
        ),
        Binding(
            "enter",
            "open_selected",
            "Open",
            show=False,
            tooltip="Open the highlighted idea",
            id="ideas-open",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.title = "Ideas"
        self.sub_title = "small things to try now"
        self._groups: tuple[IdeaGroup, ...] = ()
        self._group_of: dict[str, IdeaGroup] = {}
        self._ideas: dict[str, Idea] = {}
        self._tried: dict[str, list[Session]] = defaultdict(list)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="ideas-body"):
            yield OptionList(id="ideas-list")
            with VerticalScroll(id="idea-detail"):
                yield Static("", id="idea-text", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        content = self.thaw.content
        try:
            self._groups = content.ideas
        except ContentError as err:  # content trouble is told, the screen still opens
            self.query_one("#idea-text", Static).update(f"The ideas could not be loaded: {err}")
            return
        for group in self._groups:
            for idea in group.ideas:
                self._ideas[idea.id] = idea
                self._group_of[idea.id] = group
        self._load_tried()
        self._fill_list()
        listing = self.query_one("#ideas-list", OptionList)
        listing.focus()
        first = next((i for i, o in enumerate(listing.options) if not o.disabled), None)
        if first is not None:
            listing.highlighted = first

    def _load_tried(self) -> None:
        """Ideas tried in the last year, from the store's sessions."""
        today = self.thaw.clock.now().date()
        try:
            sessions = self.thaw.store.sessions(since=today - timedelta(days=HISTORY_DAYS))
        except ThawError as err:
            self.notify(str(err), severity="warning", markup=False)
            return
        self._tried.clear()
        for session in sessions:
            if session.kind == "idea":
                self._tried[session.detail].append(session)

    def _prompt(self, idea: Idea) -> Text:
        mark = "✓ " if self._tried.get(idea.id) else "  "
        # One line each, cut with an ellipsis: the whole title is in the detail beside it.
        return Text(f"{mark}{idea.title}")

    def _fill_list(self) -> None:
        listing = self.query_one("#ideas-list", OptionList)
        highlighted = listing.highlighted
        options: list[Option] = []
        for group in self._groups:
            options.append(
                Option(Text(group.name, style="bold"), id=f"group:{group.id}", disabled=True)
            )
            options.extend(Option(self._prompt(idea), id=idea.id) for idea in group.ideas)
        listing.set_options(options)
        if highlighted is not None:
            listing.highlighted = highlighted

    def selected_idea(self) -> Idea | None:
        """The highlighted idea, if any."""
        option = self.query_one("#ideas-list", OptionList).highlighted_option
        return self._ideas.get(option.id or "") if option else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option.id or "")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_selected()

    def _show(self, idea_id: str) -> None:
        idea = self._ideas.get(idea_id)
        group = self._group_of.get(idea_id)
        if idea is None or group is None:
            return
        text = Text()
        text.append(group.name, style="bold")
        text.append(f"\n{group.intro}\n\n")
        text.append(idea.title, style="bold")
        text.append(f"  ({EFFORT_WORDS.get(idea.effort, idea.effort)})\n")
        text.append(f"{idea.detail}\n")
        if group.openers:
            text.append("\nWays to start:\n", style="bold")
            for opener in group.openers:
                text.append(f'  "{opener}"\n')
        if idea.id == VOCABULARY_IDEA:
            text.append("\nPress Enter or v to browse them.\n", style="italic")
        tried = self._tried.get(idea.id, [])
        text.append("\n")
        if tried:
            text.append(tried_line(tried) + "\n")
        text.append("Press t when you have tried it.", style="dim")
        self.query_one("#idea-text", Static).update(text)

    def action_open_selected(self) -> None:
        """Enter: the feelings list for the learning idea; for the others, the same as `t`."""
        idea = self.selected_idea()
        if idea is None:
            return
        if idea.id == VOCABULARY_IDEA:
            self.action_feelings()
        else:
            self.action_tried()

    def action_feelings(self) -> None:
        """Open the whole vocabulary of feelings with meanings."""
        from tui.widgets.feelings_dialog import FeelingsDialog

        content = self.thaw.content
        self.app.push_screen(FeelingsDialog(content.families, content.emotions))

    def action_tried(self) -> None:
        """Ask how much the highlighted idea helped, then keep it as an "idea" session."""
        idea = self.selected_idea()
        if idea is None:
            return
        started = self.thaw.clock.now()
        dialog = FormDialog(
            f"You tried: {idea.title}",
            [
                FormField(
                    "helped",
                    "How much did it help? 1 (a little) to 5 (a lot), or empty",
                    restrict=r"[0-9]*",
                    max_length=1,
                ),
                FormField(
                    "before",
                    "Before, how much could you feel? 0 (nothing) to 10, or empty",
                    restrict=r"[0-9]*",
                    max_length=2,
                ),
                FormField(
                    "after",
                    "And now? 0 (nothing) to 10, or empty",
                    restrict=r"[0-9]*",
                    max_length=2,
                ),
            ],
            validate=parse_rating,
        )

        def saved(values: dict[str, str] | None) -> None:
            if values is None:
                return
            helped = values.get("helped", "").strip()
            before = values.get("before", "").strip()
            after = values.get("after", "").strip()
            try:
                session = self.thaw.store.add_session(
                    "idea",
                    idea.id,
                    started_at=started,
                    planned_seconds=None,
                    actual_seconds=0,
                    completed=True,
                    rating=int(helped) if helped else None,
                    before=int(before) if before else None,
                    after=int(after) if after else None,
                )
            except ThawError as err:
                self.notify(str(err), title="Not saved", severity="error", timeout=10, markup=False)
                return
            self._tried[idea.id].append(session)
            self._fill_list()
            self._show(idea.id)
            self.notify("Noted. Trying something counts, whatever it felt like.", timeout=4)

        self.app.push_screen(dialog, saved)
