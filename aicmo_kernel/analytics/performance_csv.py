"""Reading a performance CSV (date, platform, impressions, clicks, leads, spend, ...) safely.

The standard library's ``csv`` module only: no pandas to install, and every value is checked
by hand so an error can name the row and the column ("row 7, column clicks: 'abc' is not a
number"). Row numbers are the file's line numbers, header included, as a spreadsheet shows them.
Missing data is ``NoDataError`` (the run fails as NO_DATA); broken data is ``ValidationError``.
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import NoDataError, ValidationError

__all__ = [
    "COUNT_COLUMNS",
    "NOTE_COLUMNS",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "PerformanceData",
    "PerformanceRow",
    "load_performance_csv",
    "parse_performance_csv",
]

REQUIRED_COLUMNS = ("date", "platform", "impressions", "clicks", "leads", "spend")
OPTIONAL_COLUMNS = ("conversions", "revenue")
COUNT_COLUMNS = ("impressions", "clicks", "leads", "conversions")
# Free-text columns read for the report's data note (e.g. "example data"), never computed on.
NOTE_COLUMNS = ("note", "notes", "comment", "comments")
MAX_ROWS = 100_000
_MAX_PROBLEMS = 10
_PLATFORM_ALIASES = {"twitter": "x", "x (twitter)": "x", "fb": "facebook", "ig": "instagram",
                     "linked in": "linkedin", "e-mail": "email", "newsletter": "email"}  # fmt: skip
_NO_DATA_HINT = (
    "upload a CSV with columns date, platform, impressions, clicks, leads, spend "
    "(optional: conversions, revenue), one row per platform and day or week"
)


@dataclass(frozen=True)
class PerformanceRow:
    date: date
    platform: str
    impressions: int
    clicks: int
    leads: int
    spend: float
    conversions: int | None = None
    revenue: float | None = None


@dataclass
class PerformanceData:
    rows: list[PerformanceRow]
    source: str
    columns: list[str]
    ignored_columns: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def has_conversions(self) -> bool:
        return "conversions" in self.columns

    @property
    def has_revenue(self) -> bool:
        return "revenue" in self.columns


def load_performance_csv(
    *, csv_path: str = "", csv_text: str = "", field_prefix: str = "inputs."
) -> PerformanceData:
    """The checked rows of the CSV given as text (an upload) or as a path; text wins if both."""
    if csv_text.strip():
        return parse_performance_csv(
            csv_text, source="uploaded file", field=f"{field_prefix}csv_text"
        )
    if not csv_path.strip():
        raise NoDataError(f"no performance data: {_NO_DATA_HINT}", field=f"{field_prefix}csv_path")
    path = Path(csv_path).expanduser()
    if not path.is_file():
        raise NoDataError(
            f"no performance data: the file {path} was not found; {_NO_DATA_HINT}",
            field=f"{field_prefix}csv_path",
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            f"{path.name} is not a UTF-8 text file; export the sheet as CSV (UTF-8)",
            field=f"{field_prefix}csv_path",
        ) from None
    return parse_performance_csv(text, source=path.name, field=f"{field_prefix}csv_path")


def parse_performance_csv(
    text: str, *, source: str, field: str = "inputs.csv_text"
) -> PerformanceData:
    """Parse and check CSV ``text``; ``field`` is what errors name as the bad input."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise NoDataError(
            f"no performance data: the {source} is empty; {_NO_DATA_HINT}", field=field
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise ValidationError(f"{source}: not a readable CSV ({exc})", field=field) from None
    columns = [_column_name(name) for name in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise ValidationError(
            f"{source} is missing the required column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)} (found: {', '.join(c for c in columns if c) or 'no header'})",
            field=field,
            details={"missing_columns": missing},
        )
    known = set(REQUIRED_COLUMNS) | set(OPTIONAL_COLUMNS)
    ignored = [c for c in columns if c and c not in known and c not in NOTE_COLUMNS]
    index = {name: columns.index(name) for name in known | set(NOTE_COLUMNS) if name in columns}
    rows: list[PerformanceRow] = []
    notes: list[str] = []
    problems: list[str] = []
    try:
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            if len(rows) >= MAX_ROWS:
                raise ValidationError(
                    f"{source} has more than {MAX_ROWS:,} rows; aggregate by day first", field=field
                )
            row = _row(record, index, reader.line_num, problems)
            if row is not None:
                rows.append(row)
            for name in NOTE_COLUMNS:
                if name in index and index[name] < len(record):
                    note = record[index[name]].strip()
                    if note and note not in notes and len(notes) < 3:
                        notes.append(note[:300])
            if len(problems) >= _MAX_PROBLEMS:
                break
    except csv.Error as exc:
        problems.append(f"row {reader.line_num}: {exc}")
    if problems:
        raise ValidationError(
            f"{source}: "
            + "; ".join(problems)
            + ("; and possibly more" if len(problems) >= _MAX_PROBLEMS else ""),
            field=field,
            details={"problems": problems},
        )
    if not rows:
        raise NoDataError(
            f"no performance data: the {source} has a header but no rows; {_NO_DATA_HINT}",
            field=field,
        )
    warnings = [f"column {name!r} is not used by the report and was ignored" for name in ignored]
    odd = sum(1 for r in rows if r.clicks > r.impressions)
    if odd:
        warnings.append(
            f"{odd} rows report more clicks than impressions; check how the platform counts them"
        )
    return PerformanceData(
        rows=sorted(rows, key=lambda r: (r.date, r.platform)),
        source=source,
        columns=[c for c in columns if c in known],
        ignored_columns=ignored,
        notes=notes,
        warnings=warnings,
    )


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _column_name(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def _row(
    record: list[str], index: dict[str, int], line: int, problems: list[str]
) -> PerformanceRow | None:
    values: dict[str, object] = {}
    before = len(problems)

    def cell(name: str) -> str:
        position = index[name]
        return record[position].strip() if position < len(record) else ""

    raw_date = cell("date")
    try:
        values["date"] = date.fromisoformat(raw_date)
    except ValueError:
        problems.append(f"row {line}, column date: {raw_date!r} is not an ISO date (YYYY-MM-DD)")
    platform = cell("platform").lower()
    if not platform:
        problems.append(f"row {line}, column platform: empty; name the platform (e.g. linkedin)")
    elif len(platform) > 40:
        problems.append(f"row {line}, column platform: longer than 40 characters")
    values["platform"] = _PLATFORM_ALIASES.get(platform, platform)
    for name in ("impressions", "clicks", "leads", "spend", *OPTIONAL_COLUMNS):
        if name not in index:
            continue
        raw = cell(name)
        if raw == "" and name in OPTIONAL_COLUMNS:
            values[name] = None
            continue
        number = _number(raw, line, name, problems, whole=name in COUNT_COLUMNS)
        values[name] = number
    if len(problems) > before:
        return None
    return PerformanceRow(**values)  # type: ignore[arg-type]


def _number(
    raw: str, line: int, column: str, problems: list[str], *, whole: bool
) -> float | int | None:
    where = f"row {line}, column {column}"
    if raw == "":
        problems.append(f"{where}: empty; write 0 if there were none")
        return None
    cleaned = re.sub(r"^[£$€]", "", raw.replace(" ", ""))
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", cleaned):
        cleaned = cleaned.replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        problems.append(f"{where}: {raw!r} is not a number")
        return None
    if not math.isfinite(value):
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
    return value
