"""A performance table's cells read: the conventions a whole column shows, and each row's figures.

A column's decimal separator and date order are decided from all its values (``locale_values``
says which each value allows): "12.000" is twelve thousand in a file whose spend reads "45,30".
What the values cannot tell apart is refused naming the column and a value, or taken from the
column mapping; never guessed. Then each row becomes a ``PerformanceRow``, its problems named by
row and column ("row 7, column clicks: 'abc' is not a number"). ``performance_csv`` reads the
table and calls these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..date_cells import date_orders_possible
from ..errors import ValidationError
from .locale_values import BLANKS, decimal_separators_possible, parse_number
from .periods import parse_period
from .platform_formats import ExportFormat

__all__ = ["COUNT_COLUMNS", "NOTE_COLUMNS", "NUMBER_FIELDS", "OPTIONAL_COLUMNS", "REQUIRED_COLUMNS", "PerformanceRow",
           "date_order_of", "decimal_separator_of", "is_date", "read_row"]  # fmt: skip

REQUIRED_COLUMNS = ("date", "platform", "impressions", "clicks", "leads", "spend")
OPTIONAL_COLUMNS = ("conversions", "revenue")
COUNT_COLUMNS = ("impressions", "clicks", "leads", "conversions")
# Free-text columns read for the report's data note (e.g. "example data"), never computed on.
NOTE_COLUMNS = ("note", "notes", "comment", "comments")
NUMBER_FIELDS = ("impressions", "clicks", "leads", "spend", "conversions", "revenue")
_PLATFORM_ALIASES = {"twitter": "x", "x (twitter)": "x", "fb": "facebook", "ig": "instagram",
                     "linked in": "linkedin", "e-mail": "email", "newsletter": "email"}  # fmt: skip


@dataclass(frozen=True)
class PerformanceRow:
    """One row's figures. ``date`` is the first day they cover; ``end`` the last, when they cover
    more than a day (a week, a month, a reporting range): they are that whole period's figures."""

    date: date
    platform: str
    impressions: int
    clicks: int
    leads: int | float
    spend: float
    conversions: int | float | None = None
    revenue: float | None = None
    campaign: str = ""
    currency: str = ""
    line: int = 0
    end: date | None = None

    @property
    def last_day(self) -> date:
        return self.end or self.date


def is_date(text: str, unit: str = "day") -> bool:
    for order in ("DMY", "MDY"):
        try:
            parse_period(text, unit, order)
            return True
        except ValueError:
            continue
    return False


def decimal_separator_of(fmt, index, cells, label, mapping, source, field) -> str:
    chosen = mapping.decimal_separator if mapping is not None else ""
    evidence: dict[str, str] = {}
    undecided: list[tuple[str, str]] = []
    for name in NUMBER_FIELDS:
        if name not in index:
            continue
        whole = name in ("impressions", "clicks") or (name in COUNT_COLUMNS and not fmt.fractional_leads)
        values = cells(name)
        possible, differs = decimal_separators_possible(values, whole=whole)
        if not possible:
            raise ValidationError(
                f"{source}: column {label(name)} mixes numbers written 1,234.56 and 1.234,56; "
                "export it again with one number format", field=field, details={"column": name},
            )  # fmt: skip
        if len(possible) == 1 and differs or len(possible) == 1 and _decides(values, possible):
            evidence[name] = next(iter(possible))
        elif differs:
            sample = next(v for v in values if _reads_differently(v))
            undecided.append((name, sample))
    if len(set(evidence.values())) > 1:
        dot = [label(n) for n, d in evidence.items() if d == "."]
        comma = [label(n) for n, d in evidence.items() if d == ","]
        raise ValidationError(
            f"{source}: columns {', '.join(dot)} use a decimal point but {', '.join(comma)} a decimal "
            "comma; export the file again with one number format", field=field,
        )  # fmt: skip
    decided = chosen or next(iter(evidence.values()), "")
    if undecided and not decided:
        name, sample = undecided[0]
        point, comma = parse_number(sample, "."), parse_number(sample, ",")
        raise ValidationError(
            f"{source}: column {label(name)} is ambiguous: {sample!r} could be {point:g} or "
            f"{comma:g}, and no column of the file shows its decimal separator; give "
            "decimal_separator in the column mapping ('.' for 1,234.56, ',' for 1.234,56)",
            field=field, details={"column": name, "value": sample},
        )  # fmt: skip
    return decided or "."


def _decides(values: list[str], possible: set[str]) -> bool:
    """Whether some value reads only one way (so the column is evidence, not just compatible)."""
    other = "," if possible == {"."} else "."
    for value in values:
        if value.strip().lower() in BLANKS:
            continue
        try:
            parse_number(value, other)
        except ValueError:
            try:
                parse_number(value, next(iter(possible)))
                return True
            except ValueError:
                continue
    return False


def _reads_differently(value: str) -> bool:
    try:
        return parse_number(value, ".") != parse_number(value, ",")
    except ValueError:
        return False


def date_order_of(values, column_label, mapping, source, field, unit: str = "day") -> str:
    possible, paired = date_orders_possible(values)
    if len(possible) > 1 and unit in ("month", "quarter", "year"):  # a month's date is its first day
        possible = date_orders_possible(values, first_days=True)[0] or possible
    if not paired:
        return "DMY"  # no day/month pair in the column: the order changes nothing
    if len(possible) == 1:
        return next(iter(possible))
    chosen = mapping.date_order if mapping is not None else ""
    if not possible:
        raise ValidationError(
            f"{source}: column {column_label} mixes day-first and month-first dates; export it "
            "again with one date format (ISO, YYYY-MM-DD, is safest)", field=field,
        )  # fmt: skip
    if chosen:
        return chosen
    sample = next(v for v in values if "/" in v or "-" in v or "." in v)
    raise ValidationError(
        f"{source}: column {column_label} is ambiguous: {sample!r} could be day/month or "
        "month/day, and no date in the column has a day above 12; give date_order in the column "
        "mapping (DMY or MDY), or export dates as YYYY-MM-DD",
        field=field, details={"column": "date", "value": sample},
    )  # fmt: skip


def read_row(
    cell, index: set[str], line: int, fmt: ExportFormat, label, decimal: str, period: tuple[date, date] | None,
    header_currency: str, problems: list[str],
) -> PerformanceRow | None:  # fmt: skip
    before = len(problems)
    values: dict[str, Any] = {"line": line, "campaign": cell("campaign")[:200]}
    if period is not None:
        values["date"] = period[0]
        values["end"] = period[1] if period[1] != period[0] else None
    platform = (cell("platform") or fmt.platform).strip().lower()
    if not platform:
        problems.append(f"row {line}, column {label('platform')}: empty; name the platform (e.g. linkedin)")
    elif len(platform) > 40:
        problems.append(f"row {line}, column {label('platform')}: longer than 40 characters")
    values["platform"] = _PLATFORM_ALIASES.get(platform, platform)
    currency = cell("currency").upper() or header_currency
    values["currency"] = currency
    for name in NUMBER_FIELDS:
        optional = name in OPTIONAL_COLUMNS
        if name not in index:  # an optional column, or one the platform does not measure (GA4 spend)
            values[name] = None if optional else 0
            continue
        raw = cell(name)
        if raw.strip().lower() in BLANKS and (optional or fmt.blank_is_zero):
            values[name] = 0 if fmt.blank_is_zero else None
            continue
        whole = name in ("impressions", "clicks") or (name in COUNT_COLUMNS and not fmt.fractional_leads)
        values[name] = _number(raw, decimal, f"row {line}, column {label(name)}", problems, whole=whole)
    if len(problems) > before or period is None:
        return None
    return PerformanceRow(**values)


def _number(raw: str, decimal: str, where: str, problems: list[str], *, whole: bool) -> float | int | None:
    if raw.strip().lower() in BLANKS:
        problems.append(f"{where}: empty; write 0 if there were none")
        return None
    try:
        value = parse_number(raw, decimal)
    except ValueError:
        problems.append(f"{where}: {raw!r} is not a number")
        return None
    if value < 0:
        problems.append(f"{where}: {raw!r} is negative; counts and amounts cannot be below 0")
        return None
    if whole:
        if not value.is_integer():
            problems.append(f"{where}: {raw!r} is not a whole number")
            return None
        return int(value)
    return round(value, 6)
