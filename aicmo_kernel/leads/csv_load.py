"""Reading a leads CSV: columns, types and rows checked, every problem named by row and column.

Row numbers are the file's line numbers (the header is row 1 when the file has no comment lines),
so "row 7" is the line a user finds in a text editor or a spreadsheet. Lines starting with ``#``
before the header are comments; a comment that says "example data" marks the file as example
data, and so does a file whose every email address is on a reserved example domain.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import NoDataError, ValidationError

__all__ = [
    "LEAD_STATUSES",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "Lead",
    "LeadFile",
    "load_leads",
    "read_leads_text",
]

LEAD_STATUSES = ("new", "contacted", "engaged", "qualified", "lost")
REQUIRED_COLUMNS = ("name", "company", "title", "email", "status")
OPTIONAL_COLUMNS = (
    "industry", "company_size", "country", "source", "last_activity",
    "email_opens", "email_clicks", "site_visits", "replied",
)  # fmt: skip
MAX_ROWS = 10_000
MAX_FILE_CHARS = 5_000_000
MAX_CELL_CHARS = 300
_ALIASES = {"job_title": "title", "full_name": "name", "company_name": "company", "e_mail": "email",
            "lead_status": "status", "employees": "company_size", "last_activity_date": "last_activity"}  # fmt: skip
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SIZE = re.compile(r"^(\d[\d,]*)\s*(?:(?:-|–|to)\s*(\d[\d,]*)|(\+))?$")
_RESERVED_DOMAINS = ("example.com", "example.org", "example.net", "example.co.uk", ".example", ".test", ".invalid")
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}


@dataclass(frozen=True)
class Lead:
    """One validated row. Optional numbers are ``None`` when the column or the cell is blank."""

    row: int
    name: str
    company: str
    title: str
    email: str
    status: str
    industry: str = ""
    company_size: str = ""
    size_range: tuple[int, int | None] | None = None
    country: str = ""
    source: str = ""
    last_activity: date | None = None
    email_opens: int | None = None
    email_clicks: int | None = None
    site_visits: int | None = None
    replied: bool | None = None


@dataclass(frozen=True)
class LeadFile:
    leads: tuple[Lead, ...]
    columns: tuple[str, ...]
    ignored_columns: tuple[str, ...]
    notes: tuple[str, ...]
    example_data: bool
    example_reason: str
    warnings: tuple[str, ...]


def read_leads_text(csv_path: str = "", csv_text: str = "") -> tuple[str, str, str]:
    """The CSV text, where it came from, and the input field to name in errors.

    An upload (``csv_text``) wins over a path: it is the more recent, deliberate act.
    """
    if csv_text.strip():
        return csv_text, "the uploaded file", "inputs.csv_text"
    if not csv_path.strip():
        raise NoDataError(
            "No leads: upload a CSV (csv_text) or give its path (csv_path), with the columns "
            f"{', '.join(REQUIRED_COLUMNS)}. Leadgen never invents leads.",
            field="inputs.csv_path",
        )
    path = Path(csv_path.strip()).expanduser()
    if not path.is_file():
        raise NoDataError(
            f"No leads file at {path}: check csv_path, or upload the file instead. Leadgen never invents leads.",
            field="inputs.csv_path",
        )
    if path.stat().st_size > MAX_FILE_CHARS:
        raise ValidationError(
            f"csv_path: {path.name} is larger than {MAX_FILE_CHARS // 1_000_000} MB; split it into smaller files",
            field="inputs.csv_path",
        )
    try:
        return path.read_text(encoding="utf-8-sig"), path.name, "inputs.csv_path"
    except UnicodeDecodeError:
        raise ValidationError(
            f"csv_path: {path.name} is not UTF-8 text; save it as 'CSV UTF-8' and try again",
            field="inputs.csv_path",
        ) from None
    except OSError as exc:
        raise NoDataError(f"Cannot read the leads file {path}: {exc.strerror}", field="inputs.csv_path") from None


def load_leads(text: str, *, field: str = "inputs.csv_text") -> LeadFile:
    """Validate and parse the leads CSV. Bad data raises ``ValidationError`` naming row and column;
    a file without lead rows raises ``NoDataError``."""
    text = text.lstrip("\ufeff")
    if len(text) > MAX_FILE_CHARS:
        raise ValidationError(f"{field}: the file is larger than 5 MB; split it into smaller files", field=field)
    lines = text.splitlines(keepends=True)
    notes: list[str] = []
    skipped = 0
    while skipped < len(lines) and (lines[skipped].lstrip().startswith("#") or not lines[skipped].strip()):
        if lines[skipped].strip():
            notes.append(lines[skipped].strip().lstrip("#").strip())
        skipped += 1
    reader = csv.reader(io.StringIO("".join(lines[skipped:])))
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        raise NoDataError(f"No leads: the file is empty. It needs a header with {', '.join(REQUIRED_COLUMNS)}",
                          field=field)
    columns = _columns(header, field)
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise ValidationError(
            f"{field}: the leads file has no column {', '.join(missing)} (found: {', '.join(columns)}); "
            f"required columns are {', '.join(REQUIRED_COLUMNS)}",
            field=field, details={"missing_columns": missing},
        )
    leads: list[Lead] = []
    warnings: list[str] = []
    seen_emails: dict[str, int] = {}
    for cells in reader:
        row = reader.line_num + skipped
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(columns):
            raise ValidationError(
                f"{field}: row {row} has {len(cells)} cells but the header has {len(columns)} columns "
                "(a comma inside a value needs quotes)",
                field=field, details={"row": row},
            )
        if len(leads) >= MAX_ROWS:
            raise ValidationError(f"{field}: more than {MAX_ROWS:,} leads; split the file", field=field)
        values = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(columns)}
        lead = _lead(values, row, field)
        key = lead.email.lower()
        if key in seen_emails:
            warnings.append(f"row {row} repeats the email address of row {seen_emails[key]}; row {row} was left out")
            continue
        seen_emails[key] = row
        leads.append(lead)
    if not leads:
        raise NoDataError("No leads: the file has a header but no lead rows. Leadgen never invents leads.",
                          field=field)
    example, reason = _example_marking(notes, leads)
    ignored = tuple(c for c in columns if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
    if ignored:
        warnings.append(f"columns not used for scoring: {', '.join(ignored)}")
    return LeadFile(tuple(leads), tuple(columns), ignored, tuple(notes), example, reason, tuple(warnings))


def _columns(header: list[str], field: str) -> list[str]:
    names: list[str] = []
    for position, raw in enumerate(header, 1):
        name = re.sub(r"[\s\-]+", "_", raw.strip().lower())
        name = _ALIASES.get(name, name)
        if not name:
            raise ValidationError(f"{field}: column {position} of the header has no name", field=field)
        if name in names:
            raise ValidationError(f"{field}: the header names the column {name!r} twice", field=field)
        names.append(name)
    return names


def _problem(field: str, row: int, column: str, message: str) -> ValidationError:
    return ValidationError(f"{field}: row {row}, column {column}: {message}", field=field,
                           details={"row": row, "column": column})


def _lead(values: dict[str, str], row: int, field: str) -> Lead:
    for column, value in values.items():
        if len(value) > MAX_CELL_CHARS:
            raise _problem(field, row, column, f"the value is longer than {MAX_CELL_CHARS} characters")
        if "\n" in value or "\r" in value:
            raise _problem(field, row, column, "the value spans several lines; keep it on one line")
    for column in REQUIRED_COLUMNS:
        if not values.get(column):
            raise _problem(field, row, column, "is empty; every lead needs a " + column)
    if not _EMAIL.match(values["email"]):
        raise _problem(field, row, "email", f"{values['email']!r} is not an email address")
    status = values["status"].lower()
    if status not in LEAD_STATUSES:
        raise _problem(field, row, "status", f"{values['status']!r} is not one of {', '.join(LEAD_STATUSES)}")
    size_text = values.get("company_size", "")
    return Lead(
        row=row, name=values["name"], company=values["company"], title=values["title"],
        email=values["email"], status=status, industry=values.get("industry", ""),
        company_size=size_text, size_range=_size(size_text, field, row) if size_text else None,
        country=values.get("country", ""), source=values.get("source", ""),
        last_activity=_date(values.get("last_activity", ""), field, row),
        email_opens=_count(values, "email_opens", field, row),
        email_clicks=_count(values, "email_clicks", field, row),
        site_visits=_count(values, "site_visits", field, row),
        replied=_yes_no(values.get("replied", ""), field, row),
    )


def _count(values: dict[str, str], column: str, field: str, row: int) -> int | None:
    text = values.get(column, "").replace(",", "")
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise _problem(field, row, column, f"{values[column]!r} is not a number") from None
    if number < 0 or not number.is_integer():
        raise _problem(field, row, column, f"{values[column]!r} must be a whole number, 0 or more")
    return int(number)


def _size(text: str, field: str, row: int) -> tuple[int, int | None]:
    match = _SIZE.match(text.strip())
    if not match:
        raise _problem(field, row, "company_size", f"{text!r} is not a head count like 25, 10-49 or 250+")
    low = int(match.group(1).replace(",", ""))
    if match.group(3):
        return low, None
    high = int(match.group(2).replace(",", "")) if match.group(2) else low
    if high < low:
        raise _problem(field, row, "company_size", f"{text!r} is a range that ends before it starts")
    return low, high


def _date(text: str, field: str, row: int) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]) if re.match(r"^\d{4}-\d{2}-\d{2}", text) else date.fromisoformat(text)
    except ValueError:
        raise _problem(field, row, "last_activity", f"{text!r} is not a date like 2027-03-14") from None


def _yes_no(text: str, field: str, row: int) -> bool | None:
    value = text.strip().lower()
    if not value:
        return None
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise _problem(field, row, "replied", f"{text!r} is not yes or no")


def _reserved(domain: str) -> bool:
    return any(domain == r.lstrip(".") or domain.endswith(r if r.startswith(".") else "." + r)
               for r in _RESERVED_DOMAINS)


def _example_marking(notes: list[str], leads: list[Lead]) -> tuple[bool, str]:
    for note in notes:
        if "example data" in note.lower():
            return True, note
    if all(_reserved(lead.email.rsplit("@", 1)[-1].lower()) for lead in leads):
        return True, "every email address is on a reserved example domain"
    return False, ""
