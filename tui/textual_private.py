"""The one place Thaw reaches into Textual's private API, with the reasons and the tests pinning it.

`tests/ui/test_textual_private.py` fails when Textual changes what these rely on, or when Thaw
no longer needs them (then delete them). Textual 8.2.8 is pinned.
"""

from __future__ import annotations

from textual.app import App
from textual.screen import Screen


class CoveredScreensWait(App[None]):
    """An app whose screens under an opaque screen are not laid out on every resize.

    Textual counts the screen directly beneath the current one as showing through even when the
    current one is opaque, and lays it out again on every resize: home, up to four times a
    resize under history's full-screen charts, a quarter of the main thread's work in a resize
    on a slow machine (bench/README.md, history: a fast drag stalled 110 ms before, 57-89 ms
    after). A covered screen loses nothing: when it is shown again Textual lays it out for the
    size it finds. Translucent screens (dialogs) still show, and lay out, what is under them.
    Overriding this private property is the only way: Textual offers no public hook for it.
    """

    @property
    def _background_screens(self) -> list[Screen[object]]:
        stack = self.screen_stack
        if stack and stack[-1].styles.background.a == 1:
            return []
        return super()._background_screens


def allow_switching_away(screen: Screen[object]) -> None:
    """Let `App.switch_screen` replace `screen`, the app's default (first) screen.

    `switch_screen` pops the result callback of the screen it replaces, and the default screen
    never had one pushed (Textual 8.2.8), so replacing it raised IndexError. This gives it the
    empty callback that `switch_screen` itself gives the screens it puts in place. Thaw needs
    it because its first screen is the default screen (nothing else is built or painted before
    it) and is sometimes replaced: the quick check-in by a practice, a practice by home.
    """
    screen._push_result_callback(screen, None)
