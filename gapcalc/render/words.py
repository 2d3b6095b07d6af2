"""The words, symbols and fill colours of statuses and outlooks, shared by every human-facing renderer; and whether a
note is in the other language than the page's (:func:`foreign`).

Colour never carries meaning alone: each status and outlook has a word with an ASCII-width symbol (``✓ ✗`` have
narrow East-Asian width, so Chinese tables stay aligned) and, for the formats with cell fills (xlsx, html), a
colour from Excel's good / neutral / bad palette. This module imports neither rich nor click, so the xlsx and html
renderers can use it; the rich table takes its style names from here too.
"""

from __future__ import annotations

import re
from typing import Any

from gapcalc.engine.contracts import OUTLOOK_KEYS
from gapcalc.render.i18n import SUMMARY_LINES, status_word
from gapcalc.render.numerals import rounded

RICH_STYLE = {
    "met": "green", "not_met": "red", "no_data": "grey50", "not_assessed": "grey50", "inconclusive": "yellow",
    "achieved": "green", "on_track": "green", "acceleration_needed": "yellow", "limited_progress": "dark_orange",
    "deterioration": "red", "insufficient_data": "grey50",
    "warning_red": "bold red", "warning_yellow": "yellow", "warning_green": "green",
}
"""Status or outlook → rich style name."""

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
    "inconclusive": YELLOW,
    "insufficient_data": GREY,
    "warning_red": RED,
    "warning_yellow": YELLOW,
    "warning_green": GREEN,
}
"""Status, outlook or in-year warning level → cell fill (RGB hex, no ``#``); the keys of the vocabularies do not
overlap."""


def class_word(key: str, lang: str = "en") -> str:
    """``not_met`` → ``✗ not met`` (``✗ 未达标`` in zh); an unknown key is returned unchanged."""
    return status_word(key, "zh" if lang.lower().startswith("zh") else "en")


def summary_line(row: dict[str, Any], lang: str = "en") -> str:
    """One line for a plan: ``mianyang 2019: 3 of 5 assessed targets met (60.0%); 12 no data; outlook …``."""
    share = row.get("met_share_pct")
    shown = f" ({format(rounded(share, 1), 'f')}%)" if share is not None else ""
    line = SUMMARY_LINES[lang].format(share=shown, **row)
    if row.get("inconclusive"):
        line += (f"; {row['inconclusive']} inconclusive (a bound)" if lang == "en"
                 else f"；无法判定 {row['inconclusive']} 项（界限值）")
    outlooks = ", ".join(f"{row[k]} {k.replace('_', ' ')}" if lang == "en" else f"{status_word(k, lang)} {row[k]}"
                         for k in OUTLOOK_KEYS if row.get(k))
    if outlooks:
        line += f"; outlook: {outlooks}" if lang == "en" else f"；展望：{outlooks}"
    return line + warnings_text(row, lang)


def warnings_text(row: dict[str, Any], lang: str) -> str:
    """``；年内预警 2 项（红色 1 项、黄色 1 项）`` where figures of part of the year are behind time or moving the wrong
    way; nothing where none is."""
    red, yellow = row.get("warning_red") or 0, row.get("warning_yellow") or 0
    if not red and not yellow:
        return ""
    if lang == "en":
        parts = [f"{n} {level}" for n, level in ((red, "red"), (yellow, "yellow")) if n]
        return f"; in-year: {red + yellow} warning{'s' if red + yellow > 1 else ''} ({', '.join(parts)})"
    parts = [f"{level} {n} 项" for n, level in ((red, "红色"), (yellow, "黄色")) if n]
    return f"；年内预警 {red + yellow} 项（{'、'.join(parts)}）"


_WORD, _HAN = re.compile(r"[A-Za-z]{2,}"), re.compile(r"[\u3400-\u9fff]")
ENGLISH_WORDS = 2
"""A note with this many English words is written in English, whatever Chinese it quotes."""


def foreign(text: str, lang: str) -> bool:
    """True when a note is written in the other language than the brief's, so that the brief says so: English words
    in a Chinese brief, Chinese without any English word in an English one."""
    words = len(_WORD.findall(text))
    return words >= ENGLISH_WORDS if lang == "zh" else words == 0 and bool(_HAN.search(text))
