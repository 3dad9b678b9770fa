"""Numbers in model-written text must come from the facts: a check in code, not a request.

``allowed_numbers`` collects every number that appears in the facts and inputs (values and numbers
inside strings, dates included); ``ungrounded_numbers`` lists the numbers of a text that are not
among them; ``keep_grounded`` drops the sentences that cite such a number, so a draft can be kept
without a made-up figure in it. Formatting variants count as the same number: 1,200 = 1200,
25.0 = 25, 25% = 25.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["allowed_numbers", "keep_grounded", "numbers_in", "ungrounded_numbers"]

_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“(£$€])")


def _normal(token: str) -> str:
    text = token.replace(",", "")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.lstrip("0") or "0"


def numbers_in(text: str) -> list[str]:
    """The numbers of ``text``, normalised ('1,200.50' -> '1200.5'), in order of appearance."""
    return [_normal(m.group(0)) for m in _NUMBER.finditer(text)]


def allowed_numbers(*sources: Any) -> set[str]:
    """Every number in ``sources`` (JSON-like data, walked deeply), normalised."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, bool) or value is None:
            return
        if isinstance(value, (int, float)):
            found.add(_normal(f"{value:f}" if isinstance(value, float) else str(value)))
            if isinstance(value, float) and value.is_integer():
                found.add(str(int(value)))
            return
        if isinstance(value, str):
            found.update(numbers_in(value))
            return
        if isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
            return
        if isinstance(value, Iterable):
            for item in value:
                walk(item)

    for source in sources:
        walk(source)
    return found


def ungrounded_numbers(text: str, allowed: set[str]) -> list[str]:
    """The numbers in ``text`` that do not appear in ``allowed`` (each listed once)."""
    return list(dict.fromkeys(n for n in numbers_in(text) if n not in allowed))


def keep_grounded(text: str, allowed: set[str]) -> tuple[str, list[str]]:
    """``text`` without the sentences that cite a number not in ``allowed``; and those sentences."""
    kept: list[str] = []
    dropped: list[str] = []
    for paragraph in text.split("\n"):
        sentences = [s for s in _SENTENCE_END.split(paragraph) if s.strip()]
        good = [s for s in sentences if not ungrounded_numbers(s, allowed)]
        dropped += [s.strip() for s in sentences if ungrounded_numbers(s, allowed)]
        if good or not sentences:
            kept.append(" ".join(s.strip() for s in good))
    return "\n".join(kept).strip(), dropped
