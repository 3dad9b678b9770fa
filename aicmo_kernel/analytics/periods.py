"""Rows that cover a period rather than a day: a week, a month, a quarter, a reporting range.

Reports segmented by time write the period in one column, the header saying which ("Month":
"March 2027", "März 2027", "marzo de 2027", "2027-03", or the month's first day "2027-03-01";
"Week": the Monday's date; "Quarter": "Q1 2027" or its first day), or in two columns (Meta's
"Reporting starts" and "Reporting ends"). A row's figures are the whole period's. They stay one row
with its first and last day, and are never spread into daily figures the data does not give.
A cell that is a month ("2027-03", "March 2027") is a month whatever its header says.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from ..date_cells import month_number, parse_date

__all__ = ["UNITS", "parse_period", "period_warnings", "row_period", "unit_of_header", "unit_of_preamble"]

UNITS = ("day", "week", "month", "quarter", "year")
# Column names that say the period (English as the platforms write them; French, Spanish, German
# as a mapped file may).
_HEADER_UNITS = {
    "week": "week", "woche": "week", "kalenderwoche": "week", "semaine": "week", "semana": "week",
    "month": "month", "monat": "month", "mois": "month", "mes": "month",
    "quarter": "quarter", "quartal": "quarter", "trimestre": "quarter",
    "year": "year", "jahr": "year", "année": "year", "annee": "year", "año": "year", "ano": "year",
}  # fmt: skip
# Microsoft Advertising says in its title lines how the rows are aggregated.
_AGGREGATION = re.compile(r"^report aggregation:\s*(daily|weekly\w*|monthly|yearly)\b", re.IGNORECASE)
_AGGREGATION_UNITS = {"daily": "day", "monthly": "month", "yearly": "year"}
_MONTH_YEAR = re.compile(r"^([^\W\d_]{3,10})\.?[\s\-]+(?:de\s+)?(\d{4})$")  # March 2027, marzo de 2027
_YEAR_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")  # 2027-03
_MONTH_SLASH_YEAR = re.compile(r"^(\d{1,2})[/.](\d{4})$")  # 03/2027
_QUARTER = re.compile(r"^(?:q([1-4])[\s\-/]*(\d{4})|(\d{4})[\s\-/]*q([1-4]))$", re.IGNORECASE)  # Q1 2027
_YEAR = re.compile(r"^(\d{4})$")
_RANGE = re.compile(r"^(.+?)\s+(?:-|–|—|to|bis|au|al)\s+(.+)$", re.IGNORECASE)


def unit_of_header(name: str) -> str:
    """The period a date column's values stand for, by its (lower-cased) name: "Week" is a week."""
    return _HEADER_UNITS.get(" ".join(name.lower().replace("_", " ").split()), "day")


def unit_of_preamble(lines: list[str]) -> str:
    """The period the title lines above the header give ("Report Aggregation: Monthly"), or "day"."""
    for line in lines:
        if match := _AGGREGATION.match(line.strip().strip('"')):
            word = match[1].lower()
            return "week" if word.startswith("weekly") else _AGGREGATION_UNITS[word]
    return "day"


def _month(year: int, month: int) -> tuple[date, date]:
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise ValueError(f"{year}-{month} is not a month")
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def _quarter(year: int, quarter: int) -> tuple[date, date]:
    first = date(year, 3 * quarter - 2, 1)
    return first, _month(year, 3 * quarter)[1]


def _named_period(text: str) -> tuple[date, date] | None:
    """A period its cell itself writes: a month, a quarter."""
    if (match := _MONTH_YEAR.match(text)) and (month := month_number(match[1])):
        return _month(int(match[2]), month)
    if match := _YEAR_MONTH.match(text) or _MONTH_SLASH_YEAR.match(text):
        year, month = (match[1], match[2]) if len(match[1]) == 4 else (match[2], match[1])
        return _month(int(year), int(month))
    if match := _QUARTER.match(text):
        return _quarter(int(match[2] or match[3]), int(match[1] or match[4]))
    return None


def parse_period(cell: str, unit: str, order: str) -> tuple[date, date]:
    """The first and last day ``cell`` covers, in a column whose values stand for ``unit``; a
    numeric day/month pair is read in ``order``. ValueError when it is no date nor period."""
    text = cell.strip()
    if " " in text and (match := _RANGE.match(text)) and not _named_period(match[1].strip()):
        try:
            first, last = parse_date(match[1], order), parse_date(match[2], order)
        except ValueError:
            pass
        else:
            if last < first:
                raise ValueError(f"{cell!r} ends before it starts")
            return first, last
    try:
        day = parse_date(text, order)  # most cells: a day, read first (a month never reads as one)
    except ValueError:
        named = _named_period(text)
        if named is not None:
            return named
        if unit == "year" and (match := _YEAR.match(text)):
            return date(int(match[1]), 1, 1), date(int(match[1]), 12, 31)
        raise
    if unit == "week":
        return day, day + timedelta(days=6)
    if unit == "month":
        return _month(day.year, day.month)
    if unit == "quarter":
        return _quarter(day.year, (day.month - 1) // 3 + 1)
    if unit == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    return day, day


_HINTS = {"week": "a week's first day", "month": "a month (March 2027, 2027-03)", "quarter": "a quarter (Q1 2027)",
          "year": "a year (2027)"}  # fmt: skip


def row_period(raw: str, raw_end: str, unit: str, order: str, *, day: str = "a date") -> tuple[date, date]:
    """The first and last day a row covers: its date cell read as a ``unit``, to its end cell when
    it has one (Meta's "Reporting ends"). ValueError saying what is wrong (``day``: what a day is
    written as, in the message)."""
    try:
        first, last = parse_period(raw, unit, order)
    except ValueError:
        raise ValueError(f"{raw!r} is not {_HINTS.get(unit, day)}") from None
    if raw_end.strip():
        try:
            last = max(last, parse_period(raw_end, "day", order)[1])
        except ValueError:
            raise ValueError(f"the period's end {raw_end!r} is not a date") from None
        if last < first:
            raise ValueError(f"the period ends ({raw_end}) before it starts ({raw})")
    return first, last


def period_warnings(rows: Sequence[Any], unit: str, header: str) -> list[dict[str, Any]]:
    """What an import says when rows cover more than a day (``row.end`` set): their figures stay
    whole. Each warning is its English sentence with blanks and the values (``template``,
    ``values``), for a module to say it in a report's language."""
    longer = [row for row in rows if row.end is not None]
    if not longer:
        return []
    if unit != "day":
        return [{"template": f"each row covers a {unit} (column {{header}}): its figures are the {unit}'s, kept "
                             "whole, never spread over days; weeks are shown only for rows within one ISO week",
                 "values": {"header": repr(header)}}]
    first = longer[0]
    # A counted noun as ``phrasebook.counted`` keeps it: both sentences are catalogue keys, never "1 rows"
    # (the count here is never 0, which French says in the singular).
    one = ("{count} row covers several days (row {line}: {first} to {last}): its figures are kept whole for that "
           "period, never spread over days; export by day for daily or weekly figures")
    many = ("{count} rows cover several days (row {line}: {first} to {last}): their figures are kept whole for "
            "that period, never spread over days; export by day for daily or weekly figures")
    said = one if len(longer) == 1 else many
    return [{"template": said,
             "values": {"count": len(longer), "line": first.line, "first": first.date.isoformat(),
                        "last": first.end.isoformat()}}]
