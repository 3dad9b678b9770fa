"""Numbers and dates as exports write them, read by looking at the whole column, never one cell.

One cell cannot tell "12.000" (twelve thousand in a German export) from "12.000" (twelve in an
English one). A column can: "1.250" in a click count is not a whole number read the English way,
"45,30" in a spend column has a decimal comma, "13/02/2027" puts the day first. So every column
is read under each convention, the conventions the column rules out are dropped, and what is left
must agree on every value. When it does not, and no other column of the file (nor the user's
mapping) settles it, the column is refused by name: a wrong number is worse than an error.

Decimal conventions are "." (1,234.56 · 1 234.56) and "," (1.234,56 · 1 234,56 · 1'234,56).
Date orders are "YMD" (ISO, 20270301), "DMY" (13/02/2027, 13.02.2027) and "MDY" (02/13/2027).
Month names are read in the languages the workbench writes, English, French, Spanish and German,
with or without accents ("1 March 2027", "1er mars 2027", "1 de marzo de 2027", "1. März 2027").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

__all__ = [
    "BLANKS",
    "DATE_ORDERS",
    "DECIMAL_SEPARATORS",
    "ColumnProblem",
    "date_orders_possible",
    "decimal_separators_possible",
    "month_number",
    "parse_date",
    "parse_number",
]

DECIMAL_SEPARATORS = (".", ",")
DATE_ORDERS = ("YMD", "DMY", "MDY")
# What exports write for "nothing": Google Ads "--", Excel blanks, "n/a".
BLANKS = frozenset({"", "--", "-", "—", "n/a", "na", "null", "none"})
_SPACES = "\u00a0\u202f\u2009 '’"  # no-break, narrow no-break, thin, space, apostrophes (Swiss)
_CURRENCY = re.compile(r"^(?:[£$€¥₹]|[A-Z]{3}\s)|(?:\s[A-Z]{3}|[£$€¥₹])$")
_NUMBER = {
    ".": re.compile(r"^[+-]?(?:\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.\d+)?$"),
    ",": re.compile(r"^[+-]?(?:\d{1,3}(?:[.\s]\d{3})+|\d+)(?:,\d+)?$"),
}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})(?:[T\s,].*)?$")
_NAMED_MDY = re.compile(r"^([^\W\d_]{3,10})\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s.*)?$")  # Mar 1, 2027
# 1 Mar 2027 · 1-Mar-27 · 1er mars 2027 · 1 de marzo de 2027 · 1. März 2027
_NAMED_DMY = re.compile(
    r"^(\d{1,2})(?:\.|er|º|°)?[\s\-]+(?:de\s+)?([^\W\d_]{3,10})\.?[\s\-,]+(?:de\s+)?(\d{2}|\d{4})(?:\s.*)?$"
)
# Month names and their usual abbreviations, accents taken off (English, French, Spanish, German).
_MONTH_NAMES = {
    name: number
    for number, names in enumerate((
        "january jan janvier janv enero ene januar janner jaenner",
        "february feb fevrier fevr febrero februar",
        "march mar mars marzo marz maerz mrz",
        "april apr avril avr abril abr",
        "may mai mayo",
        "june jun juin junio juni",
        "july jul juillet juil julio juli",
        "august aug aout agosto ago",
        "september sep sept septembre septiembre setiembre",
        "october oct octobre octubre oktober okt",
        "november nov novembre noviembre",
        "december dec decembre diciembre dic dezember dez",
    ), 1)
    for name in names.split()
}  # fmt: skip


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


def month_number(name: str) -> int | None:
    """1 to 12 for a month's name or abbreviation ("März", "févr.", "Sept"), else None."""
    plain = unicodedata.normalize("NFKD", name.strip().rstrip(".").lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    if plain in _MONTH_NAMES:
        return _MONTH_NAMES[plain]
    # Another shortening of one month's name ("Sept", "Febr"); "jui" (juin or juillet) is no month.
    found = {number for name, number in _MONTH_NAMES.items() if len(plain) >= 3 and name.startswith(plain)}
    return found.pop() if len(found) == 1 else None


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _parts(cell: str) -> tuple[str, tuple[int, int, int]] | None:
    """The shape of a date cell and its three numbers: ("YMD", (y, m, d)), ("AB", (a, b, y)) for
    a numeric day/month pair in either order, ("DMY." , ...) for dotted ones, or None."""
    text = cell.strip()
    if match := _ISO.match(text):
        return "YMD", (int(match[1]), int(match[2]), int(match[3]))
    if match := _COMPACT.match(text):
        return "YMD", (int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.match(text):
        return ("DOT" if match[2] == "." else "AB"), (int(match[1]), int(match[3]), _year(match[4]))
    if (match := _NAMED_MDY.match(text)) and (month := month_number(match[1])):
        return "YMD", (int(match[3]), month, int(match[2]))
    if (match := _NAMED_DMY.match(text)) and (month := month_number(match[2])):
        return "YMD", (_year(match[3]), month, int(match[1]))
    return None


def parse_date(cell: str, order: str) -> date:
    """``cell`` as a date, reading a numeric day/month pair in ``order`` (DMY or MDY); ISO and
    named-month dates read the same under every order. ValueError when it is not a date."""
    found = _parts(cell)
    if found is None:
        raise ValueError(f"{cell!r} is not a date")
    shape, (a, b, c) = found
    if shape == "YMD":
        return date(a, b, c)
    if shape == "DOT" or order == "DMY":
        return date(c, b, a)
    if order == "MDY":
        return date(c, a, b)
    raise ValueError(f"{cell!r} needs a day/month order")


def date_orders_possible(cells: Sequence[str], *, first_days: bool = False) -> tuple[set[str], bool]:
    """The day/month orders under which every readable date of the column is a real date (and,
    with ``first_days``, a month's first day: a column of months), and whether the column has
    numeric day/month pairs at all (if not, the order does not matter)."""
    possible = {"DMY", "MDY"}
    paired = False
    for cell in cells:
        found = _parts(cell)
        if found is None or found[0] != "AB":
            continue
        paired = True
        a, b, year = found[1]
        for order, (day, month) in (("DMY", (a, b)), ("MDY", (b, a))):
            try:
                date(year, month, day)
            except ValueError:
                possible.discard(order)
            if first_days and day != 1:
                possible.discard(order)
    return possible, paired


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
