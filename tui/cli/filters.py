"""The command line's --from/--to/--tag/--feeling/--grep, read once for list, export and report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.entry_filter import EntryFilter, build_filter

if TYPE_CHECKING:
    import argparse

    from tui.cli.context import CliContext


def has_filters(args: argparse.Namespace) -> bool:
    """True when any of the filter options was given (a quick path may lack them all)."""
    return any(getattr(args, name, None) for name in ("from_", "to", "tag", "feeling", "grep"))


def filter_from_args(args: argparse.Namespace, ctx: CliContext) -> EntryFilter:
    """The filter the options ask for; feelings by name or id, with "did you mean" when unknown."""
    feelings: tuple[str, ...] = ()
    wanted = getattr(args, "feeling", None) or []
    if wanted:
        from tui.cli.cmd_log import resolve_emotion

        content = ctx.content()
        feelings = tuple(dict.fromkeys(resolve_emotion(content, f) for f in wanted))
    return build_filter(
        getattr(args, "from_", None),
        getattr(args, "to", None),
        ctx.clock.now(),
        tags=getattr(args, "tag", None) or [],
        feelings=feelings,
        words=getattr(args, "grep", None),
    )


def emotion_names(ctx: CliContext) -> dict[str, str]:
    """id -> name ("cant_tell" -> "can't tell"); ids are shown as they are if content fails."""
    try:
        return {e.id: e.name for e in ctx.content().emotions}
    except Exception:  # the list must still show when the words can't load
        return {}
