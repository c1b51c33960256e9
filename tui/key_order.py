"""KeyOrder: keys that arrive in one burst are handled one at a time, as if typed slowly.

Over SSH (and in a paste of keys) many keys arrive in one read. Textual hands each key to the
widget that has focus *when the app reads it*, and a non-priority binding such as Tab runs only
once the key has bubbled back up from that widget, so in `6 Tab 3` the 3 reached the mood scale
before Tab had moved on. Here the app waits until a key is fully handled (a small probe message
follows it along the same path) before it hands over the next one. While the window is too
small to use, keys wait as well and are handed over, in order, once it is large enough again.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from textual import events
from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen
    from textual.timer import Timer
    from textual.widget import Widget

# A key whose probe has not come back by then (its widget went away) no longer holds up the rest.
STALE_SECONDS = 1.0
# A key's handling often posts a message (Enter -> Input.Submitted) whose handler moves focus;
# each round of the probe lets one more such generation finish first.
PROBE_ROUNDS = 3
# Keys that act at once while the window is too small and others wait: quitting always works.
NEVER_WAIT = frozenset({"ctrl+q"})

TypedEvent = events.Key | events.Paste


class KeySettled(Message, bubble=True):
    """Sent after a key along the same path; when it reaches the app, that key is done."""

    def __init__(self, ticket: int, round: int = 1) -> None:
        super().__init__()
        self.ticket = ticket
        self.round = round


class KeyOrder:
    """Hands typed keys and pastes to the app one at a time, each after the last has settled."""

    def __init__(self, app: App[object], dispatch: Callable[[events.Event], Awaitable[None]]):
        self._app = app
        self._dispatch = dispatch
        self._waiting: deque[TypedEvent] = deque()
        self._ticket = 0
        self._in_flight: int | None = None
        self._paused = False
        self._screen: Screen[object] | None = None
        self._watchdog: Timer | None = None
        self._last_checked: int | None = None
        self._target: Widget | Screen[object] | None = None

    @property
    def waiting(self) -> int:
        """How many typed keys are waiting their turn."""
        return len(self._waiting)

    async def take(self, event: TypedEvent) -> None:
        """A key or paste straight from the terminal: handle it now, or after those before it."""
        quit_key = isinstance(event, events.Key) and event.key in NEVER_WAIT
        if (quit_key and self._paused) or (
            self._in_flight is None and not self._paused and not self._waiting
        ):
            await self._send(event)
            return
        self._waiting.append(event)
        if self._in_flight is not None:
            self._arm_watchdog()

    def again(self, event: TypedEvent) -> None:
        """Hand this key on once more, before any other waiting key: a widget took it only to
        finish what it was waiting for (a lone 1 on a rating), and it belongs to what comes next."""
        if isinstance(event, events.Key):
            event = events.Key(event.key, event.character)
        else:
            event = events.Paste(event.text)
        self._waiting.appendleft(event)
        if self._in_flight is None:
            self._app.call_later(self._next)
        else:
            self._arm_watchdog()

    def pause(self) -> None:
        """Keys wait from now on (the window is too small to show where they would go)."""
        self._paused = True

    def resume(self) -> None:
        """Keys flow again, starting with those that waited."""
        self._paused = False
        self._app.call_later(self._next)

    def settled(self, message: KeySettled) -> None:
        """A probe came back: its key is fully handled, so the next one may go."""
        if message.ticket != self._in_flight:
            return
        target = self._target
        if message.round < PROBE_ROUNDS and target is not None and target.is_attached:
            target.post_message(KeySettled(message.ticket, message.round + 1))
            return
        self._target = None
        screen, self._screen = self._screen, None
        if screen is not None and self._app.screen is not screen:
            # The key opened or closed a screen: the next key waits until the new one has
            # painted and set its own focus, as it would for someone typing slowly.
            self._app.screen.call_after_refresh(self._release, message.ticket)
        else:
            self._release(message.ticket)

    def _release(self, ticket: int) -> None:
        if ticket == self._in_flight:
            self._in_flight = None
            self._app.call_later(self._next)

    async def _send(self, event: TypedEvent) -> None:
        app = self._app
        screen = app.screen
        target: Widget | Screen[object] = app.focused or screen
        await self._dispatch(event)
        self._ticket += 1
        if event.is_forwarded:
            self._in_flight = self._ticket
            self._screen = screen
            self._target = target
            target.post_message(KeySettled(self._ticket))
        elif app.screen is not screen:
            # Handled by the app itself (a priority key such as F2) and a screen opened: it
            # gets its turn to paint and take focus before the next key.
            self._in_flight = self._ticket
            app.screen.call_after_refresh(self._release, self._ticket)

    async def _next(self) -> None:
        """Hand over waiting keys until one is in flight, or keys must keep waiting."""
        while self._waiting and self._in_flight is None and not self._paused:
            await self._send(self._waiting.popleft())
        if self._waiting and self._in_flight is not None:
            self._arm_watchdog()

    def _arm_watchdog(self) -> None:
        if self._watchdog is None:
            self._watchdog = self._app.set_timer(STALE_SECONDS, self._check_stale)

    async def _check_stale(self) -> None:
        """A probe lost with its widget must not hold the keys after it forever: a key still
        in flight at two checks in a row is taken as done."""
        self._watchdog = None
        if self._in_flight is not None and self._in_flight == self._last_checked:
            self._in_flight = None
            self._screen = None
            self._target = None
            await self._next()
        self._last_checked = self._in_flight
        if self._waiting and self._in_flight is not None:
            self._arm_watchdog()
