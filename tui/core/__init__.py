"""Thaw's core: data, content and arithmetic. Never imports Textual (a test proves it)."""
