"""The screen registry: every place in Thaw by name, imported only when someone goes there."""

from __future__ import annotations

from typing import NamedTuple


class ScreenInfo(NamedTuple):
    """Where a screen lives and how the person finds it (palette title, home key, one line).

    A NamedTuple rather than a frozen dataclass: the same read-only record, cheaper to define
    on the start-up path.
    """

    module: str
    class_name: str
    title: str
    key: str
    description: str


# Plain data, no imports: the app, the command palette and help read this without loading any
# screen, so start-up pays only for the screen it shows.
SCREENS: dict[str, ScreenInfo] = {
    "home": ScreenInfo(
        "tui.screens.home", "HomeScreen", "Home", "", "Today at a glance and the way to everything"
    ),
    "checkin": ScreenInfo(
        "tui.screens.checkin", "CheckInScreen", "Check in", "c", "Say how you are, in a few keys"
    ),
    "entries": ScreenInfo(
        "tui.screens.entries",
        "EntriesScreen",
        "Past entries",
        "e",
        "Look back, edit, delete or fill in a missed day",
    ),
    "help": ScreenInfo("tui.screens.help", "HelpScreen", "Keys", "f1", "Every key on this screen"),
    "breathe": ScreenInfo(
        "tui.screens.breathe", "BreatheScreen", "Breathe", "b", "A few slow breaths, paced for you"
    ),
    "meditate": ScreenInfo(
        "tui.screens.meditate", "MeditateScreen", "Meditate", "m", "A short, quiet timer"
    ),
    "ground": ScreenInfo(
        "tui.screens.ground",
        "GroundScreen",
        "Ground",
        "g",
        "Come back to your senses, step by step",
    ),
    "history": ScreenInfo(
        "tui.screens.history", "HistoryScreen", "History", "h", "How the last weeks have gone"
    ),
    "ideas": ScreenInfo(
        "tui.screens.ideas", "IdeasScreen", "Ideas", "i", "Small things to try when you feel flat"
    ),
    "plan": ScreenInfo(
        "tui.screens.plan", "PlanScreen", "Plan", "p", "Longer-term steps, at your own pace"
    ),
    "support": ScreenInfo(
        "tui.screens.support", "SupportScreen", "Support", "s", "People and lines you can reach"
    ),
    "safety_plan": ScreenInfo(
        "tui.screens.safety_plan",
        "SafetyPlanScreen",
        "My safety plan",
        "",
        "Your own plan for hard moments, in your words",
    ),
    "what_helps": ScreenInfo(
        "tui.screens.what_helps",
        "WhatHelpsScreen",
        "What helps me",
        "t",
        "What you tried, and how you rated yourself after",
    ),
    "about": ScreenInfo(
        "tui.screens.about",
        "AboutScreen",
        "About numbness and Thaw",
        "",
        "What this is, and is not",
    ),
    "reflection": ScreenInfo(
        "tui.screens.reflection",
        "ReflectionScreen",
        "A few questions",
        "",
        "Gentle questions to notice how things have been, never scored",
    ),
    "import_file": ScreenInfo(
        "tui.screens.import_file",
        "ImportScreen",
        "Import",
        "f",
        "Bring in entries from Daylio, Pixels or a Thaw export",
    ),
    "settings": ScreenInfo(
        "tui.screens.settings", "SettingsScreen", "Settings", ",", "Reminders, motion, bell, theme"
    ),
}
