"""Thaw's two themes: calm, low-glare colours for a dim or a bright room."""

from __future__ import annotations

from textual.theme import Theme

# Calm, low-glare palettes: muted blue and sage on a soft charcoal or warm paper background.
THAW_DARK = Theme(
    name="thaw-dark",
    primary="#7FA7C9",
    secondary="#9BB89B",
    accent="#D9B77E",
    foreground="#D6DCE2",
    background="#161A1F",
    surface="#1D2329",
    panel="#262E36",
    success="#8FBF8F",
    warning="#D9B36C",
    error="#D98C8C",
    dark=True,
)
THAW_LIGHT = Theme(
    name="thaw-light",
    primary="#3C6A8F",
    secondary="#52785A",
    accent="#94652A",
    foreground="#2C333B",
    background="#F3F0E8",
    surface="#EAE6DC",
    panel="#DDD7CB",
    success="#3F7A4A",
    warning="#8A6415",
    error="#A4453F",
    dark=False,
)
THEMES = (THAW_DARK, THAW_LIGHT)
THEMES_BY_NAME = {theme.name: theme for theme in THEMES}
