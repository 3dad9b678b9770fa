"""Numbers and dates as exports write them, read by looking at the whole column, never one cell.

One cell cannot tell "12.000" (twelve thousand in a German export) from "12.000" (twelve in an
English one). A column can: "1.250" in a click count is not a whole number read the English way,
"45,30" in a spend column has a decimal comma, "13/02/2027" puts the day first. So every column
is read under each convention, the conventions the column rules out are dropped, and what is left
must agree on every value. When it does not, and no other column of the file (nor the user's
mapping) settles it, the column is refused by name: a wrong number is worse than an error.

Decimal conventions are "." (1,234.56 · 1 234.56) and "," (1.234,56 · 1 234,56 · 1'234,56).
Date orders are "YMD" (ISO, 20270301), "DMY" (13/02/2027, 13.02.2027) and "MDY" (02/13/2027).
A date cell is read by ``aicmo_kernel.date_cells``, the one rule every import shares (month names
in English, French, Spanish and German: "1 March 2027", "1er mars 2027", "1. März 2027").
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

__all__ = [
    "BLANKS",
    "DECIMAL_SEPARATORS",
    "ColumnProblem",
    "decimal_separators_possible",
    "parse_number",
]

DECIMAL_SEPARATORS = (".", ",")
# What exports write for "nothing": Google Ads "--", Excel blanks, "n/a".
BLANKS = frozenset({"", "--", "-", "—", "n/a", "na", "null", "none"})
_SPACES = "\u00a0\u202f\u2009 '’"  # no-break, narrow no-break, thin, space, apostrophes (Swiss)
_CURRENCY = re.compile(r"^(?:[£$€¥₹]|[A-Z]{3}\s)|(?:\s[A-Z]{3}|[£$€¥₹])$")
_NUMBER = {
    ".": re.compile(r"^[+-]?(?:\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.\d+)?$"),
    ",": re.compile(r"^[+-]?(?:\d{1,3}(?:[.\s]\d{3})+|\d+)(?:,\d+)?$"),
}


@dataclass(frozen=True)
class ColumnProblem:
    """Why a column cannot be read: ``message`` names the column and shows a value."""

    column: str
    message: str


def _plain_number(text: str) -> tuple[str, bool]:
    """``text`` without currency marks and spaces around it, and whether it ended with %."""
    value = text.strip()
    percent = value.endswith("%")
    if percent:
        value = value[:-1].strip()
    value = _CURRENCY.sub("", value).strip()
    if value.startswith("(") and value.endswith(")"):  # accounting negatives: (12.50)
        value = "-" + value[1:-1]
    for space in _SPACES:
        value = value.replace(space, " ")
    return value, percent


def parse_number(text: str, decimal: str) -> float:
    """``text`` read with ``decimal`` as the decimal separator; ValueError when it is not a number
    written that way. Percent signs and currency marks are dropped: "3.24%" -> 3.24."""
    value, _ = _plain_number(text)
    if decimal not in _NUMBER or not _NUMBER[decimal].match(value):
        raise ValueError(f"{text!r} is not a number")
    thousands = "," if decimal == "." else "."
    value = value.replace(" ", "").replace(thousands, "").replace(decimal, ".")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{text!r} is not a number")
    return number


def decimal_separators_possible(
    cells: Sequence[str], *, whole: bool = False
) -> tuple[set[str], bool]:
    """The decimal separators under which every readable cell of the column is a number (and a
    whole one when ``whole``), and whether the choice changes any value.

    Cells that are not numbers under either separator do not vote: they are reported as broken
    cells later, with their row."""
    possible = set(DECIMAL_SEPARATORS)
    differs = False
    for cell in cells:
        stripped = cell.strip()
        if stripped.isascii() and stripped.isdigit():
            continue  # a plain whole number reads the same under either separator
        if stripped.lower() in BLANKS:
            continue
        readings: dict[str, float] = {}
        for decimal in DECIMAL_SEPARATORS:
            try:
                number = parse_number(cell, decimal)
            except ValueError:
                continue
            if whole and not number.is_integer():
                continue
            readings[decimal] = number
        if not readings:
            continue
        possible &= set(readings)
        if len(set(readings.values())) > 1:
            differs = True
    return possible, differs


def as_text(value: object) -> str:
    """A spreadsheet cell as the text a CSV would hold: dates in ISO, numbers with a dot."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        if value.is_integer():
            return repr(int(value))
        text = repr(value) if "e" not in repr(value) else f"{value:.15f}".rstrip("0").rstrip(".")
        # A number cell has no locale, but "2.125" as text could be 2125; a fourth decimal
        # ("2.1250") reads only one way, so the column shows its decimal point.
        return text + "0" if len(text.partition(".")[2]) == 3 else text
    return str(value)
