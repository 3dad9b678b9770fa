"""The grounding rule: model-written text may only cite numbers that code produced.

Monitoring checks its narrative against the computed KPI table; leadgen and autonomy check theirs
against their facts and inputs. One rule serves all three. A figure in the text is grounded when
the allowed figures hold the same value, allowing the usual formatting variants: thousands
separators (1,234 = 1234), trailing zeros (4.5% = 4.50%, 25.0 = 25), a sign (a change of -12.50%
may be told as "fell 12.5%") and rounding to the precision the text shows (52.73 may be cited as
52.7 or 53; the reverse, 53 cited as 53.0 when the source says 52.73, is refused). ISO dates
(2027-03-01) must appear as they are. Words for numbers ("two") are not checked: the rule is about
figures, which are what a reader takes as data.

The allowed figures are a text (a rendered table) or the tokens ``allowed_numbers`` collects from
JSON-like facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

__all__ = ["allowed_numbers", "keep_grounded", "numbers_in", "ungrounded_numbers"]

_TOKEN = re.compile(r"\d{4}-\d{2}-\d{2}|(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“(£$€])")

Allowed = str | Iterable[str]


def numbers_in(text: str) -> list[str]:
    """The figures in ``text`` as written (dates whole, thousands separators kept)."""
    return _TOKEN.findall(text)


def allowed_numbers(*sources: Any) -> frozenset[str]:
    """Every figure in ``sources`` (JSON-like data walked deeply; strings scanned), as tokens."""
    found: set[str] = set()
    pending = list(sources)  # a stack, not recursion: facts hold thousands of values
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            found.update(_TOKEN.findall(value))
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int):
            found.add(str(abs(value)))
        elif isinstance(value, float):
            found.add(f"{abs(value):f}")
        elif isinstance(value, dict):
            pending.extend(value)
            pending.extend(value.values())
        elif isinstance(value, Iterable):
            pending.extend(value)
    return frozenset(found)


def _value(token: str) -> tuple[Decimal, int]:
    plain = token.replace(",", "")
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return Decimal(plain), decimals


class _Figures:
    """The allowed figures, split into dates (exact) and values (with their shown precision)."""

    def __init__(self, allowed: Allowed):
        tokens = numbers_in(allowed) if isinstance(allowed, str) else list(allowed)
        self.dates = {t for t in tokens if _DATE.match(t)}
        self.values = [_value(t) for t in tokens if not _DATE.match(t)]
        self.exact = {value for value, _ in self.values}

    def grounds(self, token: str) -> bool:
        if _DATE.match(token):
            return token in self.dates
        number, decimals = _value(token)
        if number in self.exact:
            return True
        step = Decimal(1).scaleb(-decimals)
        return any(shown > decimals and value.quantize(step, rounding=ROUND_HALF_UP) == number
                   for value, shown in self.values)


@lru_cache(maxsize=16)
def _figures_of(allowed: str | frozenset[str]) -> _Figures:
    return _Figures(allowed)


def _figures(allowed: Allowed) -> _Figures:
    """``allowed`` read once: a validator checks each narrative field against the same KPI
    table, and the table is parsed once, not once a field (``_Figures`` is never changed)."""
    return _figures_of(allowed) if isinstance(allowed, (str, frozenset)) else _Figures(allowed)


def ungrounded_numbers(text: str, allowed: Allowed) -> list[str]:
    """The figures in ``text`` that ``allowed`` does not ground (each once, in order of use)."""
    figures = _figures(allowed)
    return list(dict.fromkeys(token for token in numbers_in(text) if not figures.grounds(token)))


def keep_grounded(text: str, allowed: Allowed) -> tuple[str, list[str]]:
    """``text`` without the sentences that cite an ungrounded figure; and those sentences."""
    figures = _figures(allowed)
    kept: list[str] = []
    dropped: list[str] = []
    for paragraph in text.split("\n"):
        sentences = [s for s in _SENTENCE_END.split(paragraph) if s.strip()]
        good = [s for s in sentences if all(figures.grounds(t) for t in numbers_in(s))]
        dropped += [s.strip() for s in sentences if s not in good]
        if good or not sentences:
            kept.append(" ".join(s.strip() for s in good))
    return "\n".join(kept).strip(), dropped
