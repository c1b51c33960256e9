"""Reading a running app and waiting on it: what a widget was given, what is drawn, and waits
on conditions instead of fixed sleeps."""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import Callable
from typing import Any

import pytest
from rich.console import Console
from rich.style import Style
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import WorkerCancelled

# --- what the code set --------------------------------------------------------------------


def plain(content: object) -> str:
    """Plain text of a string, Text, Table or other Rich renderable."""
    if isinstance(content, str):
        return content
    console = Console(width=200, file=io.StringIO(), color_system=None)
    with console.capture() as capture:
        console.print(content)
    return capture.get()


def text_of(app: App[Any], selector: str) -> str:
    """The plain text a Static currently holds (what the code gave it, not what is drawn)."""
    return plain(app.screen.query_one(selector, Static).content)


def said(app: App[Any]) -> list[str]:
    """The toasts the app has shown and still holds, oldest first (their words)."""
    return [n.message for n in app._notifications]


def screen_text(app: App[Any]) -> str:
    """All Static text on the current screen, joined."""
    return " ".join(plain(s.content) for s in app.screen.query(Static))


# --- what is drawn ------------------------------------------------------------------------


def drawn_cells(app: App[Any]) -> list[list[tuple[str, Style]]]:
    """The current screen as the terminal gets it: each row a list of (text, style) pieces.

    This is the compositor's output, after markup was (or was not) parsed, so a note's
    `[bold]` shows here as the brackets a person sees or as bold letters without them.
    """
    strips = app.screen._compositor.render_strips()
    return [[(seg.text, seg.style or Style()) for seg in strip] for strip in strips]


def drawn_lines(app: App[Any]) -> list[str]:
    """The text of each row of the current screen, as drawn."""
    return ["".join(text for text, _ in row) for row in drawn_cells(app)]


def drawn_text(app: App[Any]) -> str:
    """The whole current screen as drawn, rows joined by newlines."""
    return "\n".join(drawn_lines(app))


def _styles_in_row(row: list[tuple[str, Style]], needle: str) -> list[Style] | None:
    """The styles of the pieces of `row` covering the first `needle` in it (None: not there)."""
    line = "".join(text for text, _ in row)
    start = line.find(needle)
    if start < 0:
        return None
    end, pos, found = start + len(needle), 0, []
    for text, style in row:
        if pos < end and pos + len(text) > start:
            found.append(style)
        pos += len(text)
    return found


def styles_over(app: App[Any], needle: str) -> list[Style]:
    """The styles of the drawn pieces covering the first place `needle` shows on one row.

    Fails when `needle` is not drawn on any single row.
    """
    for row in drawn_cells(app):
        found = _styles_in_row(row, needle)
        if found is not None:
            return found
    pytest.fail(f"{needle!r} is not drawn on the screen:\n{drawn_text(app)}")


_LOOKS = ("bold", "italic", "underline", "strike", "reverse", "blink")


def assert_drawn_literally(app: App[Any], needle: str, *, around: str | None = None) -> None:
    """`needle` is drawn character for character, never as a link, and no escape character
    reaches the screen. With `around` (plain text drawn on the same row), on every row that
    shows both, `needle` looks exactly like `around` (no bold, italic, underline... of its
    own): it was not read as markup."""
    lines = drawn_lines(app)
    assert any(needle in line for line in lines), (
        f"{needle!r} is not drawn literally:\n{drawn_text(app)}"
    )
    assert not any("\x1b" in line for line in lines), "an escape character reached the screen"
    for style in styles_over(app, needle):
        assert not style.link, f"{needle!r} is drawn as a link to {style.link}"
    if around is None:
        return
    compared = 0
    for row in drawn_cells(app):
        mine, theirs = _styles_in_row(row, needle), _styles_in_row(row, around)
        if mine is None or theirs is None:
            continue
        compared += 1
        for style in mine:
            assert not style.link, f"{needle!r} is drawn as a link to {style.link}"
            for look in _LOOKS:
                assert getattr(style, look) == getattr(theirs[0], look), (
                    f"{needle!r} is drawn {look} while {around!r} beside it is not"
                )
    assert compared, f"{needle!r} and {around!r} are never drawn on one row:\n{drawn_text(app)}"


# --- waiting ------------------------------------------------------------------------------


async def wait_for(
    pilot: Pilot[Any], predicate: Callable[[], object], timeout: float = 10.0, what: str = ""
) -> None:
    """Let the app run in small steps until `predicate()` is true; fail clearly after
    `timeout` seconds (generous: the machine may be busy; a passing wait returns at once)."""
    deadline = time.monotonic() + timeout
    await pilot.pause()
    while not predicate():
        if time.monotonic() > deadline:
            name = what or getattr(predicate, "__name__", "the condition")
            pytest.fail(
                f"waited {timeout:g} s for {name}; the screen is {type(pilot.app.screen).__name__}"
            )
        await pilot.pause(0.01)


async def wait_for_screen(pilot: Pilot[Any], name: str, timeout: float = 10.0) -> None:
    """Wait until the screen on top is the one whose class is called `name`."""
    await wait_for(
        pilot,
        lambda: type(pilot.app.screen).__name__ == name,
        timeout,
        what=f"the {name}",
    )


async def wait_for_workers(pilot: Pilot[Any]) -> None:
    """Wait until every worker the app has started has finished, and its results are shown
    (say the command palette's search, started by the last key typed into it)."""
    await pilot.pause()
    await workers_ended(pilot.app)
    await pilot.pause()


async def workers_ended(app: App[Any]) -> None:
    """Until every worker the app has started has ended, as `App.workers.wait_for_complete`,
    except that a worker cancelled meanwhile counts as ended: the app cancels one when the
    screen it worked for closes (history's reading, on Esc), and Textual's wait raised
    WorkerCancelled for it, failing a test only when the closing came first. A worker that
    failed still fails the test."""
    ended = await asyncio.gather(*(w.wait() for w in list(app.workers)), return_exceptions=True)
    for result in ended:
        if isinstance(result, BaseException) and not isinstance(result, WorkerCancelled):
            raise result
