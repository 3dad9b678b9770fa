"""Reading a leads file: columns, types and rows checked, every problem named by row and column
(each cell's value read by ``cells``).

The file is our CSV (name, company, title, email, status, ...), a CRM's own export (HubSpot,
Salesforce, Pipedrive: ``crm_formats``, recognised by the header), or any table through a
``LeadMapping``; comma, semicolon or tab separated, with or without a BOM, or XLSX given as a path.
Statuses go through the status table (``statuses``) the brand can change.

Rows are numbered as a spreadsheet numbers them (the header is row 1 when the file has no comment
lines): one row per record, even when a quoted cell holds line breaks (a CRM's notes or street
address, valid CSV). Such a row spans several lines of the file, so from the first one on, row and
line numbers differ, and errors then give both: "row 4 as a spreadsheet counts rows (lines 8-9 of
the file: ...)". A line break in a value we use (a name, a company) is read as a space; columns we
do not use are not checked. Lines starting with ``#`` before the header are comments; a comment
that says "example data" marks the file as example data, and so does a file whose every email
address is on a reserved example domain.

A file of people (``LeadFile.people``) is one a consumer brand exports: a Mailchimp audience,
Shopify customers or an Eventbrite report (``crm_formats``), any file with no company column at
all, or any file read for a consumer brief (``load_leads(..., people=True)``). There a row needs
only an email address: a row without a company is a person (``Lead.person``), scored as one
(``scoring``), a row with one a lead at that company, and a row without a status (or a file
without the column) is read as ``new``, which the warnings say. In any other file every lead
needs a name, company, title, email and status, and an empty company fails naming its row and
column as before. Whether the file is one of people also decides past customers' status
(``statuses.PAST_CUSTOMERS``: left out of a pipeline of leads at companies, read as qualified in
a file of people, which the warnings say with the reason), unless the user's status table says.
In a file of people, a total spent that is 0 or blank on every row (a free event's attendees)
tells no one apart: it is not scored, which the warnings say.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from ..errors import NoDataError, ValidationError
from ..text_files import decode_text
from .cells import (
    Row,
    amount,
    count,
    date_order,
    day,
    head_count,
    opted_in,
    problem,
    rating,
    yes_no,
)
from .crm_formats import CrmFormat, LeadMapping, consent_question, detect_crm, header_key
from .statuses import LEAD_STATUSES, PAST_CUSTOMERS, status_for, status_key, status_table

__all__ = [
    "LEAD_STATUSES",
    "OPTIONAL_COLUMNS",
    "PEOPLE_REQUIRED_COLUMNS",
    "REQUIRED_COLUMNS",
    "Lead",
    "LeadFile",
    "leads_text_from_upload",
    "load_leads",
    "read_leads_text",
    "xlsx_as_csv_text",
]

REQUIRED_COLUMNS = ("name", "company", "title", "email", "status")
PEOPLE_REQUIRED_COLUMNS = ("name", "email")  # the columns; in a row, only the email address
OPTIONAL_COLUMNS = (
    "industry", "company_size", "country", "source", "last_activity",
    "email_opens", "email_clicks", "site_visits", "replied",
    "orders", "total_spent", "member_rating", "accepts_marketing",
)  # fmt: skip
MAX_ROWS = 10_000
MAX_FILE_CHARS = 5_000_000
MAX_CELL_CHARS = 300
_ALIASES = {"job_title": "title", "full_name": "name", "company_name": "company", "e_mail": "email",
            "lead_status": "status", "employees": "company_size", "last_activity_date": "last_activity",
            "total_orders": "orders", "accepts_email_marketing": "accepts_marketing"}  # fmt: skip
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_RESERVED_DOMAINS = ("example.com", "example.org", "example.net", "example.co.uk", ".example", ".test", ".invalid")


def _records(reader: Any, skipped: int) -> Iterator[tuple[Row, list[str]]]:
    """``(Row, cells)`` for each record after the header, numbered as a spreadsheet shows them."""
    number, last_line = skipped + 1, reader.line_num + skipped
    for cells in reader:
        number += 1
        first_line, last_line = last_line + 1, reader.line_num + skipped
        yield Row(number, first_line, last_line), cells


@dataclass(frozen=True)
class Lead:
    """One validated row (``row``: as a spreadsheet numbers it). Optional numbers are ``None`` when
    the column or the cell is blank. ``person``: someone buying for themselves, with no company
    (a row of a file of people); ``total_spent`` is the amount, ``spent`` the cell as written."""

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
    person: bool = False
    orders: int | None = None
    total_spent: float | None = None
    spent: str = ""
    member_rating: int | None = None
    accepts_marketing: bool | None = None


@dataclass(frozen=True)
class LeadFile:
    leads: tuple[Lead, ...]
    columns: tuple[str, ...]
    ignored_columns: tuple[str, ...]
    notes: tuple[str, ...]
    example_data: bool
    example_reason: str
    warnings: tuple[str, ...]
    people: bool = False  # a file of people: see the module's docstring
    # Columns the file has that tell no one apart, so the people's scoring leaves them out: a total
    # spent that is 0 or blank on every row (a free event's attendees).
    unscored: tuple[str, ...] = ()


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
        data = path.read_bytes()
    except OSError as exc:
        raise NoDataError(f"Cannot read the leads file {path}: {exc.strerror}", field="inputs.csv_path") from None
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return xlsx_as_csv_text(data, source=path.name), path.name, "inputs.csv_path"
    decoded = decode_text(data)
    if decoded is None:
        raise ValidationError(f"csv_path: {path.name} is not UTF-8 text; save it as 'CSV UTF-8' and try again",
                              field="inputs.csv_path")
    # Where the leads came from is shown with them: say too when the file was read as Windows-1252.
    source = path.name if decoded.note is None else f"{path.name} (read as Windows-1252, not UTF-8)"
    return decoded.text, source, "inputs.csv_path"


def leads_text_from_upload(data: bytes, filename: str, *, field: str = "inputs.csv_text") -> str:
    """An uploaded file's text for ``load_leads``: XLSX by its name, else CSV text as
    ``text_files.decode_text`` reads it (UTF-16, UTF-8 or Windows-1252)."""
    if filename.lower().endswith((".xlsx", ".xlsm")):
        return xlsx_as_csv_text(data, source=filename, field=field)
    decoded = decode_text(data)
    if decoded is None:
        raise ValidationError(f"{filename} is not UTF-8 text; save it as 'CSV UTF-8' or XLSX", field=field)
    return decoded.text


def xlsx_as_csv_text(data: bytes, *, source: str, field: str = "inputs.csv_path") -> str:
    """The first sheet of an XLSX workbook as CSV text (dates in ISO), so one reader reads both."""
    import openpyxl  # imported here: only an XLSX file needs it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for a non-workbook
        raise ValidationError(f"{source} is not a readable XLSX workbook ({exc})", field=field) from None
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    try:
        for values in book.worksheets[0].iter_rows(values_only=True):
            writer.writerow([_cell_text(v) for v in values])
    finally:
        book.close()
    return out.getvalue()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # A line break in a cell is read as a space anyway; keeping it out of the CSV text keeps each
    # sheet row one line, so errors name the sheet's row without a word about lines of a file.
    return " ".join(str(value).splitlines())


def load_leads(
    text: str,
    *,
    field: str = "inputs.csv_text",
    mapping: LeadMapping | dict | None = None,
    statuses: dict[str, str | None] | None = None,
    people: bool = False,
) -> LeadFile:
    """Validate and parse the leads file. Bad data raises ``ValidationError`` naming row and column;
    a file without lead rows raises ``NoDataError``. ``mapping`` reads any other table;
    ``statuses`` changes rows of the status table (also given as ``mapping.statuses``);
    ``people``: the brief's audience buys for itself, so rows without a company are people."""
    try:
        chosen = LeadMapping.model_validate(mapping) if isinstance(mapping, dict) else mapping
        overrides = {**(chosen.statuses if chosen else {}), **(statuses or {})}
        status_table(overrides)  # checked here, so a wrong target fails before the file is read
        crm = chosen.as_format() if chosen is not None and chosen.columns else None
    except (ValueError, PydanticValidationError) as exc:
        raise ValidationError(f"{field}: {exc}", field=field) from None
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
    first = lines[skipped] if skipped < len(lines) else ""
    delimiter = max((",", ";", "\t"), key=first.count) if any(d in first for d in ",;\t") else ","
    reader = csv.reader(io.StringIO("".join(lines[skipped:])), delimiter=delimiter)
    header = next(reader, None)
    if not header or not any(cell.strip() for cell in header):
        raise NoDataError(f"No leads: the file is empty. It needs a header with {', '.join(REQUIRED_COLUMNS)}",
                          field=field)
    crm = crm or detect_crm(header)
    if crm is not None:
        return _load_crm(reader, header, crm, overrides, skipped, notes, field, people)
    columns = _columns(header, field)
    people = people or "company" not in columns
    missing = [c for c in (PEOPLE_REQUIRED_COLUMNS if people else REQUIRED_COLUMNS) if c not in columns]
    if missing:
        raise ValidationError(
            f"{field}: the leads file has no column {', '.join(missing)} (found: {', '.join(columns)}); "
            + (f"a file of people needs the columns {', '.join(PEOPLE_REQUIRED_COLUMNS)}, and leads at companies "
               f"need {', '.join(REQUIRED_COLUMNS)}" if people else
               f"required columns are {', '.join(REQUIRED_COLUMNS)}"),
            field=field, details={"missing_columns": missing},
        )  # fmt: skip
    records: list[tuple[Row, dict[str, str]]] = []
    for row, cells in _records(reader, skipped):
        if not any(cell.strip() for cell in cells):
            continue
        if any(cell.strip() for cell in cells[len(columns):]):
            raise ValidationError(
                f"{field}: row {row} has {len(cells)} cells but the header has {len(columns)} columns "
                "(a comma inside a value needs quotes)",
                field=field, details={"row": row.number},
            )
        if len(records) >= MAX_ROWS:
            raise ValidationError(f"{field}: more than {MAX_ROWS:,} leads; split the file", field=field)
        records.append((row, {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(columns)}))
    ignored = tuple(c for c in columns if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
    return _lead_file(records, tuple(columns), ignored, notes, overrides, field, people)


def _load_crm(
    reader, header: list[str], crm: CrmFormat, overrides: dict[str, str | None], skipped: int,
    notes: list[str], field: str, people: bool = False,
) -> LeadFile:  # fmt: skip
    """Rows of a CRM export (or a mapped table) as our columns: names joined, status columns tried in turn."""
    keys = [header_key(h) for h in header]
    found = {name: [keys.index(c) for c in candidates if c in keys] for name, candidates in crm.columns.items()}
    found = {name: positions for name, positions in found.items() if positions}
    # Consent from the organiser's own order-form question (Eventbrite), when no column gives it.
    question = next((i for i, name in enumerate(header) if crm.consent and consent_question(name)), None)
    if question is not None and "accepts_marketing" not in found:
        found["accepts_marketing"] = [question]
    else:
        question = None
    declined = [keys.index(c) for c in crm.declined if c in keys]
    has_name = "name" in found or "first_name" in found or "last_name" in found
    people = people or crm.people or "company" not in found
    required = PEOPLE_REQUIRED_COLUMNS if people else REQUIRED_COLUMNS
    missing = [c for c in required if c not in found and not (c == "name" and has_name)]
    if missing:
        looked = "; ".join(f"{c}: {', '.join(crm.columns.get(c, ()) or ('-',))}" for c in missing)
        raise ValidationError(
            f"{field}: the file looks like {_a(crm.name)} export but has no column for {', '.join(missing)} "
            f"(looked for {looked}); add the column to the export, or give a lead mapping",
            field=field, details={"missing_columns": missing},
        ) if crm.key != "mapped" else ValidationError(
            f"{field}: the lead mapping gives no column for {', '.join(missing)}; the file's columns are "
            f"{', '.join(header)}", field=field, details={"missing_columns": missing},
        )  # fmt: skip
    records: list[tuple[Row, dict[str, str]]] = []
    for row, cells in _records(reader, skipped):
        filled = [c.strip() for c in cells if c.strip()]
        if not filled:
            continue
        if len(filled) == 1 and (len(cells) == 1 or filled[0].lower().startswith(crm.footers or ("\0",))):
            continue  # a report footer: "Grand Totals (25 records)", "Copyright (c) ..."
        if len(records) >= MAX_ROWS:
            raise ValidationError(f"{field}: more than {MAX_ROWS:,} leads; split the file", field=field)

        def cell(name: str, cells: list[str] = cells) -> str:
            filled = [cells[i].strip() for i in found.get(name, ()) if i < len(cells) and cells[i].strip()]
            if name == "status":
                filled = [v for v in filled if v.lower() not in crm.defer] or filled
            return filled[0] if filled else ""

        values = {name: cell(name) for name in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)}
        if any(i < len(cells) and cells[i].strip() for i in declined):
            values["accepts_marketing"] = "no"  # unsubscribed or cleaned: an old opt-in no longer stands
        if not values["name"]:
            values["name"] = " ".join(p for p in (cell("first_name"), cell("last_name")) if p)
        records.append((row, values))
    used = {i for positions in found.values() for i in positions} | set(declined)
    ignored = tuple(keys[i] for i in range(len(keys)) if i not in used and keys[i])
    columns = tuple(c for c in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)
                    if c in found or c == "name" or (c == "accepts_marketing" and declined))
    file = _lead_file(records, columns, ignored, notes, overrides, field, people, crm.statuses)
    consent = [] if question is None else [
        f"consent to email marketing read from the order-form question {header[question].strip()!r}"]
    return replace(file, warnings=(f"read as {_a(crm.name)} export", *consent, *file.warnings))


def _a(name: str) -> str:
    return f"{'an' if name[:1].lower() in 'aeiou' else 'a'} {name}"


def _lead_file(
    records: list[tuple[Row, dict[str, str]]], columns: tuple[str, ...], ignored: tuple[str, ...],
    notes: list[str], overrides: dict[str, str | None], field: str, people: bool = False,
    format_statuses: dict[str, str | None] | None = None,
) -> LeadFile:  # fmt: skip
    table = status_table(overrides, people=people, rows=format_statuses)
    # Past customers read as an audience by the people's default (not by the user's table): said below.
    customers = set(PAST_CUSTOMERS) - {status_key(k) for k in overrides} if people else set()
    leads: list[Lead] = []
    warnings: list[str] = []
    left_out: dict[str, list[int]] = {}
    past_customers: dict[str, list[int]] = {}
    seen_emails: dict[str, Row] = {}
    no_status: list[int] = []
    repeats: list[tuple[int, int]] = []  # (row left out, the earlier row with its email address)
    order = date_order([values.get("last_activity", "") for _, values in records], field)
    for row, values in records:
        if people and not values.get("status", "").strip():
            values = {**values, "status": "new"}  # a Mailchimp or Shopify file has no status: said below
            no_status.append(row.number)
        raw_status = values.get("status", "")
        if not _map_status(values, table, row, field, left_out):
            continue
        lead = _lead(values, row, field, order, people)
        key = lead.email.lower()
        if key in seen_emails:
            repeats.append((row.number, seen_emails[key].number))
            continue
        seen_emails[key] = row
        leads.append(lead)
        if status_key(raw_status) in customers:
            past_customers.setdefault(raw_status, []).append(row.number)
    if repeats:
        warnings.append(_repeats_warning(repeats))
    warnings.extend(
        f"{len(rows)} row{'s' if len(rows) > 1 else ''} with status {value!r} left out (not a lead to work on): "
        f"row {', '.join(map(str, rows[:8]))}" + (" ..." if len(rows) > 8 else "")
        for value, rows in left_out.items()
    )
    warnings.extend(
        f"{len(rows)} row{'s' if len(rows) > 1 else ''} with status {value!r} read as "
        f"{PAST_CUSTOMERS[status_key(value)]}, not left out: in a file of people a past customer is the first "
        f"audience of a repeat purchase (give statuses={{{value!r}: None}} to leave them out): row {_rows(rows)}"
        for value, rows in past_customers.items()
    )
    if not leads:
        raise NoDataError("No leads: the file has a header but no lead rows. Leadgen never invents leads.",
                          field=field)
    example, reason = _example_marking(notes, leads)
    unscored = ("total_spent",) if people and "total_spent" in columns and not any(
        lead.total_spent for lead in leads) else ()  # fmt: skip
    if unscored:
        warnings.append("total spent is 0 or blank on every row (a free event, or nothing bought yet): "
                        "spend is not scored")
    if people:
        warnings.extend(_people_warnings(leads, columns, no_status))
    if ignored:
        warnings.append(f"columns not used for scoring: {', '.join(ignored)}")
    return LeadFile(tuple(leads), columns, ignored, tuple(notes), example, reason, tuple(warnings), people, unscored)


def _rows(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:8])) + (" ..." if len(numbers) > 8 else "")


def _repeats_warning(repeats: list[tuple[int, int]]) -> str:
    """Rows left out for repeating an earlier row's email address, said once for the file: a group
    order that repeats its buyer's address on every ticket is one sentence, not one per ticket."""
    rows = [left_out for left_out, _ in repeats]
    kept = sorted({first for _, first in repeats})
    several = len(rows) > 1
    earlier = f"row {kept[0]}" if len(kept) == 1 else "an earlier row (the first row with each address is kept)"
    return (f"{len(rows)} row{'s' if several else ''} repeat{'' if several else 's'} the email address of {earlier} "
            f"and {'were' if several else 'was'} left out: row {_rows(rows)}")


def _people_warnings(leads: list[Lead], columns: tuple[str, ...], no_status: list[int]) -> list[str]:
    """What a file of people lacks, said once: no status, no company (people), no consent to email."""
    warnings = []
    persons = [lead.row for lead in leads if lead.person]
    if persons and "company" not in columns:
        warnings.append("no company column: every row is read as a person buying for themselves, scored on what "
                        "they bought and how engaged they are (add a company column for leads at companies)")
    elif persons:
        warnings.append(f"{len(persons)} row{'s' if len(persons) > 1 else ''} without a company read as people "
                        f"buying for themselves: row {_rows(persons)}")
    if no_status and "status" not in columns:
        warnings.append("no status column: every row is read as status new")
    elif no_status:
        warnings.append(f"{len(no_status)} row{'s' if len(no_status) > 1 else ''} without a status read as new: "
                        f"row {_rows(no_status)}")
    declined = [lead.row for lead in leads if lead.accepts_marketing is False]
    if declined:
        warnings.append(f"{len(declined)} {'people have' if len(declined) > 1 else 'person has'} not accepted email "
                        f"marketing (left out of email outreach): row {_rows(declined)}")
    return warnings


def _map_status(
    values: dict[str, str], table: dict[str, str | None], row: Row, field: str, left_out: dict[str, list[int]]
) -> bool:
    """Put our status in ``values``; False when the row is not a lead (the table maps it to None)."""
    raw = values.get("status", "")
    if not raw:
        return True  # reported as empty by _lead
    known, status = status_for(raw, table)
    if not known:
        raise problem(
            field, row, "status",
            f"{raw!r} is not one of {', '.join(LEAD_STATUSES)} nor in the status table; add it to the "
            f"table, e.g. statuses={{{raw!r}: 'engaged'}}",
        )  # fmt: skip
    if status is None:
        left_out.setdefault(raw, []).append(row.number)
        return False
    values["status"] = status
    return True


def _columns(header: list[str], field: str) -> list[str]:
    names: list[str] = []
    while header and not header[-1].strip():  # a delimiter ending every line, as some tools write
        header = header[:-1]
    for position, raw in enumerate(header, 1):
        name = re.sub(r"[\s\-]+", "_", raw.strip().lower())
        name = _ALIASES.get(name, name)
        if not name:
            raise ValidationError(f"{field}: column {position} of the header has no name", field=field)
        if name in names:
            raise ValidationError(f"{field}: the header names the column {name!r} twice", field=field)
        names.append(name)
    return names


def _lead(values: dict[str, str], row: Row, field: str, order: str = "", people: bool = False) -> Lead:
    values = dict(values)
    for column in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS):  # only what is used: a long note may be there
        value = " ".join(values.get(column, "").split())  # a line break in a name or address is a space
        if len(value) > MAX_CELL_CHARS:
            raise problem(field, row, column, f"the value is longer than {MAX_CELL_CHARS} characters")
        values[column] = value
    for column in ("email",) if people else REQUIRED_COLUMNS:
        if not values.get(column):
            raise problem(field, row, column, "is empty; every lead needs a " + column)
    if not _EMAIL.match(values["email"]):
        raise problem(field, row, "email", f"{values['email']!r} is not an email address")
    status = values["status"].lower()
    size_text = values.get("company_size", "")
    return Lead(
        row=row.number, name=values["name"], company=values["company"], title=values["title"],
        email=values["email"], status=status, industry=values.get("industry", ""),
        company_size=size_text, size_range=head_count(size_text, field, row) if size_text else None,
        country=values.get("country", ""), source=values.get("source", ""),
        last_activity=day(values.get("last_activity", ""), field, row, order),
        email_opens=count(values, "email_opens", field, row),
        email_clicks=count(values, "email_clicks", field, row),
        site_visits=count(values, "site_visits", field, row),
        replied=yes_no(values.get("replied", ""), field, row),
        person=people and not values["company"],
        orders=count(values, "orders", field, row),
        total_spent=amount(values.get("total_spent", ""), field, row), spent=values.get("total_spent", ""),
        member_rating=rating(values.get("member_rating", ""), field, row),
        accepts_marketing=opted_in(values.get("accepts_marketing", ""), field, row),
    )


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
