"""Thaw: a quiet terminal companion for days when you feel numb."""

from __future__ import annotations

__version__ = "0.1.0"
