"""Open the full-screen app: home, or straight onto the check-in or a practice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.errors import InputError

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext
    from tui.core.content import Content


def start_for(args: argparse.Namespace, content: Content) -> tuple[str, dict[str, object]]:
    """The first screen and its arguments for this command; unknown names are refused up front."""
    command: str | None = getattr(args, "command", None)
    if command == "checkin":
        return "checkin", {}
    if command == "breathe":
        pattern = getattr(args, "pattern", None)
        if pattern is None:
            return "breathe", {}
        known = [p.id for p in content.breathing]
        if pattern not in known:
            raise InputError(
                f'There is no breathing pattern called "{pattern}". Try one of: {", ".join(known)}.'
            )
        return "breathe", {"pattern": pattern}
    if command == "meditate":
        minutes = getattr(args, "minutes", None)
        return "meditate", ({} if minutes is None else {"minutes": float(minutes)})
    if command == "ground":
        exercise = getattr(args, "exercise", None)
        if exercise is None:
            return "ground", {}
        known = [g.id for g in content.grounding]
        if exercise not in known:
            raise InputError(
                f'There is no grounding exercise called "{exercise}". '
                f"Try one of: {', '.join(known)}."
            )
        return "ground", {"exercise": exercise}
    return "home", {}


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    """Run the app until the person leaves; the terminal is restored by Textual on the way out."""
    content = ctx.content()
    start, start_args = start_for(args, content)
    store = ctx.store()
    from tui.app import ThawApp

    app = ThawApp(
        store,
        content,
        ctx.clock,
        start=start,
        start_args=start_args,
        exit_after_checkin=start == "checkin",
    )
    app.run()
    return app.return_code or 0
