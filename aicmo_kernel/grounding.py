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

Languages. ``lang`` is the language the text (and an allowed text) is written in. English reads
figures as it always has. French, Spanish and German read them only their own way: "1 234,5"
in French (U+202F or U+00A0 between thousands; a plain space splits two figures), "1.234,5" in
Spanish and German, "2,44" in all three for two point four four, separators optional as in English
(1 234,5 = 1234,5). A figure the language cannot read is not grounded, even when read the English
way it would match: "2.44" or "1,234.5" in a French narrative (in German "1.234" is one thousand
two hundred and thirty-four, so the English reading is never safe to guess). Allowed figures given
as tokens (``allowed_numbers``) are code's own, machine-written, and read the English way.
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
# In French, Spanish and German a figure is a run of digits with its separators, read whole.
_RUN = re.compile(r"\d{4}-\d{2}-\d{2}|\d+(?:[.,\u00a0\u202f]\d+)*")
_FORMATS = {  # (thousands separators, decimal separator) of the languages with their own
    "fr": ("\u202f\u00a0", ","),
    "es": (".", ","),
    "de": (".", ","),
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“(£$€])")

Allowed = str | Iterable[str]


def numbers_in(text: str, lang: str = "en") -> list[str]:
    """The figures in ``text`` as written in ``lang`` (dates whole, thousands separators kept)."""
    return (_RUN if lang in _FORMATS else _TOKEN).findall(text)


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


@lru_cache(maxsize=8)
def _grammar(lang: str) -> re.Pattern[str]:
    groups, point = _FORMATS[lang]
    group = f"[{re.escape(groups)}]"
    return re.compile(rf"(?:\d{{1,3}}(?:{group}\d{{3}})+|\d+)(?:{re.escape(point)}(\d+))?")


def _value_in(token: str, lang: str) -> tuple[Decimal, int] | None:
    """``token`` read as ``lang`` writes figures; None when that language cannot read it."""
    if lang not in _FORMATS:
        return _value(token)
    match = _grammar(lang).fullmatch(token)
    if match is None:
        return None
    groups, point = _FORMATS[lang]
    whole, _, fraction = token.partition(point)
    digits = re.sub(f"[{re.escape(groups)}]", "", whole)
    return Decimal(f"{digits}.{fraction}" if fraction else digits), len(fraction)


class _Figures:
    """The allowed figures, split into dates (exact) and values (with their shown precision).
    ``lang``: the language an allowed text is written in (tokens are code's, read the English way)."""

    def __init__(self, allowed: Allowed, lang: str = "en"):
        if isinstance(allowed, str):
            tokens, reading = numbers_in(allowed, lang), lang
        else:
            tokens, reading = list(allowed), "en"
        self.dates = {t for t in tokens if _DATE.match(t)}
        read = (_value_in(t, reading) for t in tokens if not _DATE.match(t))
        self.values = [value for value in read if value is not None]
        self.exact = {value for value, _ in self.values}

    def grounds(self, token: str, lang: str = "en") -> bool:
        if _DATE.match(token):
            return token in self.dates
        read = _value_in(token, lang)
        if read is None:  # a figure the document's language cannot read ("2.44" in French)
            return False
        number, decimals = read
        if number in self.exact:
            return True
        step = Decimal(1).scaleb(-decimals)
        return any(shown > decimals and value.quantize(step, rounding=ROUND_HALF_UP) == number
                   for value, shown in self.values)


@lru_cache(maxsize=16)
def _figures_of(allowed: str | frozenset[str], lang: str) -> _Figures:
    return _Figures(allowed, lang)


def _figures(allowed: Allowed, lang: str = "en") -> _Figures:
    """``allowed`` read once: a validator checks each narrative field against the same KPI
    table, and the table is parsed once, not once a field (``_Figures`` is never changed)."""
    return _figures_of(allowed, lang) if isinstance(allowed, (str, frozenset)) else _Figures(allowed, lang)


def ungrounded_numbers(text: str, allowed: Allowed, lang: str = "en") -> list[str]:
    """The figures in ``text`` that ``allowed`` does not ground (each once, in order of use);
    ``text``, and ``allowed`` when it is a text, written in ``lang``."""
    figures = _figures(allowed, lang)
    return list(dict.fromkeys(token for token in numbers_in(text, lang) if not figures.grounds(token, lang)))


def keep_grounded(text: str, allowed: Allowed, lang: str = "en") -> tuple[str, list[str]]:
    """``text`` without the sentences that cite an ungrounded figure; and those sentences."""
    figures = _figures(allowed, lang)
    kept: list[str] = []
    dropped: list[str] = []
    for paragraph in text.split("\n"):
        sentences = [s for s in _SENTENCE_END.split(paragraph) if s.strip()]
        good = [s for s in sentences if all(figures.grounds(t, lang) for t in numbers_in(s, lang))]
        dropped += [s.strip() for s in sentences if s not in good]
        if good or not sentences:
            kept.append(" ".join(s.strip() for s in good))
    return "\n".join(kept).strip(), dropped
