"""Repairs for the small slips of an answer, made before the modules' models validate it.

A language model that fills the schema still slips: a hashtag without its ``#``, a channel named
"LinkedIn" or "Twitter", a priority sent as "High.", a number sent as the string " 3 ". None of
these changes what the answer says, so failing the whole module for them (the chain's repair
attempt, then the next provider) costs a call and tells the model nothing new. The output models
therefore repair them at the boundary, through the shared field types in ``_fields``, and the same
rule applies wherever a model validates: a provider's answer, the offline composer's draft, a
person's form.

Every repair here only removes the characters it names, changes case where a closed vocabulary
makes case meaningless, or maps a synonym onto the one value it names. Nothing is invented or
shortened: a text over its limit still fails, and what is well-formed but weak (a hashtag with a
hyphen, a generic tag) passes on to QC, which judges it. What cannot be repaired keeps its original
value, so the error quotes what the model sent. The JSON schema the API sees stays strict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = [
    "choice_tidier",
    "tidy_code",
    "tidy_hashtag",
    "tidy_scalar",
    "tidy_time",
]

_SEPARATORS = re.compile(r"[\s\-]+")


def _trimmed(text: str) -> str:
    """``text`` without surrounding whitespace and trailing periods ("High. " -> "High")."""
    return text.strip().rstrip(".").rstrip()


def tidy_hashtag(value: Any) -> Any:
    """``"SundayRota"``, ``" #SundayRota "``, ``"##SundayRota"``, ``"#SundayRota."`` and
    ``"# SundayRota"`` -> ``"#SundayRota"``; ``"#Sunday rota"`` -> ``"#SundayRota"`` (the words
    joined, each after the first starting with a capital so the tag still reads as words).

    Only whitespace, trailing periods and extra leading ``#`` are removed. A value with a ``#``
    after its start ("#rota #sunday": two tags or one?) or with nothing left is returned as given,
    for the validator to refuse."""
    if not isinstance(value, str):
        return value
    body = _trimmed(value).lstrip("#")
    words = body.split()
    if not words or "#" in body:
        return value
    return "#" + words[0] + "".join(word[:1].upper() + word[1:] for word in words[1:])


def choice_tidier(
    values: Iterable[str], aliases: Mapping[str, str] | None = None
) -> Callable[[Any], Any]:
    """A before-validator for a closed vocabulary: the value without surrounding whitespace or a
    trailing period, matched ignoring case and treating spaces and hyphens as underscores
    ("Instagram Carousel" -> "instagram_carousel"); ``aliases`` names synonyms ("Twitter" -> "x").
    A value that matches nothing is returned unchanged, so the error shows what was sent."""
    values = tuple(values)
    known = {_key(v): v for v in values}
    for alias, value in (aliases or {}).items():
        if value not in values:
            raise ValueError(f"alias {alias!r} names {value!r}, which is not one of the choices")
        known.setdefault(_key(alias), value)

    def tidy(value: Any) -> Any:
        if not isinstance(value, str) or value in values:
            return value
        return known.get(_key(_trimmed(value)), value)

    return tidy


def _key(text: str) -> str:
    return _SEPARATORS.sub("_", text.strip()).casefold()


def tidy_code(value: Any) -> Any:
    """An upper-case code (a currency, a slot or fact id): ``" gbp. "`` -> ``"GBP"``,
    ``"s001"`` -> ``"S001"``. Only for patterns that allow upper case alone: case means nothing."""
    return _trimmed(value).upper() if isinstance(value, str) else value


def tidy_scalar(value: Any) -> Any:
    """A number or yes/no sent as text: ``" 3 "`` and ``"3."`` -> ``"3"``, ``"True."`` ->
    ``"True"``; pydantic then parses the text as it always does (``"3.0"`` is 3, ``"1,200"`` and
    ``"3 days"`` are refused: a thousands separator or a unit is not ours to interpret)."""
    return _trimmed(value) if isinstance(value, str) else value


_SHORT_HOUR = re.compile(r"^(\d):([0-5]\d)$")


def tidy_time(value: Any) -> Any:
    """A time of day: ``" 9:30 "`` -> ``"09:30"`` (the hour zero-padded, nothing else)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    return _SHORT_HOUR.sub(r"0\1:\2", text)
