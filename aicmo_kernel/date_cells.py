"""A date cell as exports, CRMs and spreadsheets write it: one rule for every import that reads
dates (performance data by ``analytics.locale_values``, leads by ``leads.cells``, brief files).

Read: ISO, with or without a time and an offset (HubSpot "2024-11-29 14:03", Mailchimp
"2024-11-29 14:03:00", Shopify "2024-11-29 14:03:00 -0500", Eventbrite "2024-11-29
14:03:00-05:00"), ``YYYYMMDD``, named months ("Nov 29, 2024", "November 29, 2024", "29-Nov-24",
"1er mars 2027", "1 de marzo de 2027", "1. März 2027"), dotted dates, always day first
("29.11.2024 14:03"), and numeric day/month pairs with slashes or dashes ("11/29/2024" as
Salesforce writes it, "11/29/24 22:28" as Excel saves a date and time). A time after the date is
allowed and not read. Month names are English, French, Spanish and German, with or without
accents and as their usual abbreviations. A two-digit year is read as Excel reads it by default:
00 to 29 are 2000 to 2029, 30 to 99 are 1930 to 1999.

A numeric day/month pair reads either way round, and one cell cannot tell which: its column
does. ``date_orders_possible`` says which orders every pair of a column allows, and the
importer decides (and names the column when it cannot); ``parse_date`` then reads a cell in the
order decided.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

__all__ = ["DATE_ORDERS", "date_orders_possible", "is_date", "month_number", "needs_date_order", "parse_date"]

DATE_ORDERS = ("YMD", "DMY", "MDY")
_TWO_DIGIT_PIVOT = 30  # Excel's default cutoff for two-digit years
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
    """A two-digit year as Excel reads one by default (what re-saved exports were written by):
    00 to 29 this century, 30 to 99 the last ("98" is 1998, not 2098)."""
    year = int(text)
    if year >= 100:
        return year
    return year + (2000 if year < _TWO_DIGIT_PIVOT else 1900)


def _parts(cell: str) -> tuple[str, tuple[int, int, int]] | None:
    """The shape of a date cell and its three numbers: ("YMD", (y, m, d)), ("AB", (a, b, y)) for
    a numeric day/month pair in either order, ("DOT", (d, m, y)) for dotted ones, or None."""
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


def is_date(cell: str) -> bool:
    """Whether ``cell`` is written as a date (in some day/month order), whether or not that day exists."""
    return _parts(cell) is not None


def needs_date_order(cell: str) -> bool:
    """Whether ``cell`` is a numeric day/month pair ("01/03/2027"), read only in its column's order."""
    found = _parts(cell)
    return found is not None and found[0] == "AB"


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
    numeric day/month pairs at all (if not, the order does not matter). A pair that is a date
    under neither order ("31/31/2027") does not vote: it is no date, and fails on its own row
    when read, instead of making the column look mixed."""
    possible = {"DMY", "MDY"}
    paired = False
    for cell in cells:
        found = _parts(cell)
        if found is None or found[0] != "AB":
            continue
        a, b, year = found[1]
        real = {order for order, (day, month) in (("DMY", (a, b)), ("MDY", (b, a))) if _is_day(year, month, day)}
        if not real:
            continue
        paired = True
        possible &= real
        if first_days:
            possible -= {order for order, day in (("DMY", a), ("MDY", b)) if day != 1}
    return possible, paired


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
