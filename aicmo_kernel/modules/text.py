"""Small, deterministic text helpers shared by the offline composers.

Nothing here reads the clock or a random generator: variety comes from a hash of the inputs, so
the same brief always yields the same draft and a different brief a different one.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

__all__ = [
    "clip",
    "first_clause",
    "first_sentence",
    "hashtag",
    "join_human",
    "lower_first",
    "mentions_any",
    "pick",
    "quote",
    "seed_of",
    "sentence",
    "strip_end",
    "weeks_between",
    "without_banned",
]

# Capitalised words that stay capitalised mid-sentence.
_KEEP_CAPITAL = {
    "I", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Instagram", "LinkedIn", "Facebook", "TikTok", "YouTube",
    "WhatsApp", "Google", "Excel",
}  # fmt: skip


def seed_of(*parts: Any) -> str:
    """A stable digest of ``parts`` (dict order does not matter)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pick(options: Sequence[str], seed: str, salt: str) -> str:
    """One of ``options``, chosen by the seed and a per-use salt."""
    digest = hashlib.sha256(f"{seed}:{salt}".encode()).digest()
    return options[int.from_bytes(digest[:4], "big") % len(options)]


def strip_end(text: str) -> str:
    return text.strip().rstrip(".!?;:, ").strip()


def sentence(text: str) -> str:
    """Capitalised, with a full stop unless it already ends in punctuation."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def lower_first(text: str) -> str:
    """'Sunday nights lost' stays; 'Staff who swap' -> 'staff who swap'; 'GDPR rules' stays."""
    text = text.strip()
    if not text:
        return text
    word = re.split(r"[\s,;:.]", text, maxsplit=1)[0]
    if word in _KEEP_CAPITAL or any(c.isupper() for c in word[1:]):
        return text
    return text[0].lower() + text[1:]


def first_sentence(text: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)
    return parts[0] if parts else ""


def first_clause(text: str) -> str:
    """Up to the first comma, colon, semicolon or sentence end: a short handle for a long phrase."""
    return re.split(r"[,;:]\s|(?<=[.!?])\s", text.strip(), maxsplit=1)[0].strip()


def clip(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters (no ellipsis)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[: limit + 1] else text[:limit]
    return strip_end(cut[:limit])


def join_human(items: Iterable[str], conjunction: str = "and") -> str:
    items = [i.strip() for i in items if i and i.strip()]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def quote(text: str) -> str:
    return f"\u201c{strip_end(text)}\u201d"


def hashtag(text: str) -> str:
    """'independent restaurants' -> '#IndependentRestaurants' (letters and digits only)."""
    words = re.findall(r"[^\W_]+", text)
    tag = "".join(w if any(c.isupper() for c in w[1:]) else w.capitalize() for w in words)
    return f"#{tag[:40]}" if tag else ""


def mentions_any(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` uses any of ``words`` as a whole word, ignoring case."""
    for word in words:
        word = word.strip()
        if word and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
            return True
    return False


def without_banned(lines: Iterable[str], banned: Sequence[str]) -> list[str]:
    """Drop lines that use a banned word: better a shorter draft than a QC blocker."""
    return [line for line in lines if line and not mentions_any(line, banned)]


def weeks_between(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    days = (date.fromisoformat(end) - date.fromisoformat(start)).days
    return max(1, math.ceil(days / 7)) if days > 0 else None
