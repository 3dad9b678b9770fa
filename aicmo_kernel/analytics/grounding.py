"""The grounding rule: a narrative may only cite numbers that appear in the computed table.

A number in the narrative is grounded when the table holds the same value, allowing the usual
formatting variants: thousands separators (1,234 = 1234), trailing zeros (4.5% = 4.50%), a sign
(a change of -12.50% may be told as "fell 12.5%") and rounding to the precision the narrative
shows (52.73 may be cited as 52.7 or 53; the reverse, 53 cited as 53.0 when the table says 52.73,
is refused). ISO dates (2027-03-01) must appear as they are. Words for numbers ("two") are not
checked: the rule is about figures, which are what a reader takes as data.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["numbers_in", "ungrounded_numbers"]

_TOKEN = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def numbers_in(text: str) -> list[str]:
    """The figures in ``text`` as written (dates whole, thousands separators kept)."""
    return _TOKEN.findall(text)


def _value(token: str) -> tuple[Decimal, int]:
    plain = token.replace(",", "")
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return Decimal(plain), decimals


def ungrounded_numbers(text: str, table: str) -> list[str]:
    """The figures in ``text`` that do not appear in ``table`` (each once, in order of use)."""
    dates: set[str] = set()
    values: list[tuple[Decimal, int]] = []
    for token in numbers_in(table):
        if _DATE.match(token):
            dates.add(token)
        else:
            values.append(_value(token))
    exact = {value for value, _ in values}
    missing: list[str] = []
    for token in numbers_in(text):
        if token in missing:
            continue
        if _DATE.match(token):
            if token not in dates:
                missing.append(token)
            continue
        number, decimals = _value(token)
        if number in exact:
            continue
        step = Decimal(1).scaleb(-decimals)
        if any(
            shown > decimals and value.quantize(step, rounding=ROUND_HALF_UP) == number
            for value, shown in values
        ):
            continue
        missing.append(token)
    return missing
