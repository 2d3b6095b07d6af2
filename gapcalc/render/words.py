"""The words, symbols and fill colours of statuses and outlooks, shared by every human-facing renderer.

Colour never carries meaning alone: each status and outlook has a word with an ASCII-width symbol (``✓ ✗`` have
narrow East-Asian width, so Chinese tables stay aligned) and, for the formats with cell fills (xlsx, html), a
colour from Excel's good / neutral / bad palette. This module imports neither rich nor click, so the xlsx and html
renderers can use it; the rich table takes its style names from here too.
"""

from __future__ import annotations

STATUS_STYLE = {
    "met": ("✓ met", "green"),
    "not_met": ("✗ not met", "red"),
    "no_data": ("· no data", "grey50"),
    "not_assessed": ("– not assessed", "grey50"),
}
"""Status → (word with symbol, rich style)."""

OUTLOOK_STYLE = {
    "achieved": ("✓ achieved", "green"),
    "on_track": ("+ on track", "green"),
    "acceleration_needed": ("! accelerate", "yellow"),
    "limited_progress": ("- limited progress", "dark_orange"),
    "deterioration": ("✗ deteriorating", "red"),
    "insufficient_data": ("? insufficient data", "grey50"),
}
"""Outlook → (word with symbol, rich style)."""

GREEN, YELLOW, ORANGE, RED, GREY = "C6EFCE", "FFEB9C", "FFD8B0", "FFC7CE", "E7E6E6"

CLASS_FILL = {
    "met": GREEN,
    "achieved": GREEN,
    "on_track": GREEN,
    "acceleration_needed": YELLOW,
    "limited_progress": ORANGE,
    "not_met": RED,
    "deterioration": RED,
    "no_data": GREY,
    "not_assessed": GREY,
    "insufficient_data": GREY,
}
"""Status or outlook → cell fill (RGB hex, no ``#``); the keys of the two vocabularies do not overlap."""


def class_word(key: str) -> str:
    """``not_met`` → ``✗ not met``; an unknown key is returned unchanged."""
    style = STATUS_STYLE.get(key) or OUTLOOK_STYLE.get(key)
    return style[0] if style else key
