"""The command palette's entries: every place, every practice, and the app's own switches."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.screens import SCREENS

if TYPE_CHECKING:
    from tui.app import ThawApp


class ThawCommands(Provider):
    """Command palette entries: every place in the registry, plus the app's own switches."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        app = cast("ThawApp", self.app)
        for name, info in SCREENS.items():
            yield info.title, info.description, partial(app.open_screen, name)
        yield from self._practice_commands(app)
        yield (
            "Add a marker",
            "Note something that happened (therapy, a move, a new dose) on your history",
            partial(add_marker, app),
        )
        yield (
            "Write a summary for an appointment",
            "A short report of the last weeks and your plan, saved to a file",
            partial(app.open_then, "plan", "summary"),
        )
        motion = "off" if app.settings.reduced_motion else "on"
        yield (
            f"Turn reduced motion {motion}",
            "Still pictures instead of moving ones",
            app.action_toggle_reduced_motion,
        )
        bell = "off" if app.settings.bell else "on"
        yield f"Turn the bell {bell}", "A soft terminal bell for cues", app.action_toggle_bell
        other = "light" if app.theme != "thaw-light" else "dark"
        yield (
            f"Switch to the {other} theme",
            "Colours for a bright or a dim room",
            app.action_toggle_theme,
        )
        yield "Quit", "Close Thaw (an unfinished check-in is kept)", app.action_quit

    def _practice_commands(self, app: ThawApp) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """One entry per breathing pattern, grounding exercise and meditation length."""
        try:
            content = app.content
            patterns, exercises = content.breathing, content.grounding
            minutes = content.meditation.presets_minutes
        except Exception:  # content trouble is told by the practice screens themselves
            return
        for pattern in patterns:
            yield (
                f"Breathe: {pattern.name}",
                first_sentence(pattern.summary),
                partial(app.open_screen, "breathe", pattern=pattern.id),
            )
        for exercise in exercises:
            yield (
                f"Ground: {exercise.name}",
                first_sentence(exercise.intro),
                partial(app.open_screen, "ground", exercise=exercise.id),
            )
        for length in minutes:
            unit = "minute" if length == 1 else "minutes"
            yield (
                f"Meditate {length} {unit}",
                "A quiet timer with a gentle start and end",
                partial(app.open_screen, "meditate", minutes=float(length)),
            )

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = max(matcher.match(title), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)


def first_sentence(text: str) -> str:
    """The first sentence of a content text, for a one-line palette help."""
    head, dot, _ = text.strip().partition(". ")
    return head + "." if dot else head


def add_marker(app: ThawApp) -> None:
    """The palette's "Add a marker": the history screen's own marker form, over this screen."""
    try:
        from tui.screens.history_markers import MarkerForm
    except ImportError:
        app.open_screen("history")
        return

    def saved(done: bool | None) -> None:
        if done:
            app.notify("Marker saved. It shows on your history.")

    app.push_screen(MarkerForm(), saved)
