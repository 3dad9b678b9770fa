"""Reading performance data: the ad platforms' own exports, our CSV, or any table through a mapping.

The file is read as a table (``tables``: CSV or XLSX, title and comment lines above the header
skipped), its format recognised from the header (``platform_formats``: Meta Ads Manager, Google
Ads, LinkedIn Campaign Manager, GA4, TikTok Ads, Microsoft Advertising) or given by a
``ColumnMapping``, and every value read with the conventions its whole column shows
(``locale_values``: "12.000" is twelve thousand in a file whose spend reads "45,30"). What cannot
be told apart is refused naming the column, never guessed. Then the computed table is checked
(``sanity``): clicks above impressions, several currencies.

Errors name the row and the column ("row 7, column clicks: 'abc' is not a number"); rows are
numbered as a spreadsheet shows them, header included (a CSV's line numbers, until a quoted cell
holds a line break).
Missing data is ``NoDataError`` (the run fails as NO_DATA); broken data is ``ValidationError``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from ..errors import NoDataError, ValidationError
from .performance_rows import (
    COUNT_COLUMNS,
    NOTE_COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    PerformanceRow,
    date_order_of,
    decimal_separator_of,
    is_date,
    read_row,
)
from .periods import period_warnings, row_period, unit_of_header, unit_of_preamble
from .platform_formats import (
    FIELDS,
    GENERIC,
    ColumnMapping,
    ExportFormat,
    detect_format,
    normal_header,
)
from .sanity import check_rows
from .tables import (
    SourceTable,
    decode_csv_bytes,
    read_table,
    read_table_bytes,
    read_table_text,
    read_xlsx_bytes,
)

__all__ = [
    "COUNT_COLUMNS",
    "NOTE_COLUMNS",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "ColumnMapping",
    "PerformanceData",
    "PerformanceRow",
    "load_performance_csv",
    "parse_performance_bytes",
    "parse_performance_csv",
    "parse_performance_table",
    "preview_performance_upload",
    "said_text",
    "warning",
]

MAX_ROWS = 100_000
_MAX_PROBLEMS = 10
_GENERIC_ALIASES = {"day": "date", "campaign_name": "campaign", "cost": "spend", "amount_spent": "spend"}
_NO_DATA_HINT = (
    "upload a CSV with columns date, platform, impressions, clicks, leads, spend (optional: "
    "conversions, revenue), an export from Meta Ads Manager, Google Ads, LinkedIn Campaign "
    "Manager, GA4, TikTok Ads or Microsoft Advertising as it comes, or any CSV or XLSX with a "
    "column mapping"
)


@dataclass
class PerformanceData:
    rows: list[PerformanceRow]
    source: str
    columns: list[str]
    ignored_columns: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    format: str = GENERIC.name
    currency: str = ""
    read_as: dict[str, str] = field(default_factory=dict)
    # ``warnings`` as their English sentences with blanks and the values (``warning``), in the same
    # order: a module says them in a report's language (``said_text``); analytics reads no catalogue.
    said: list[dict[str, Any]] = field(default_factory=list)

    @property
    def has_conversions(self) -> bool:
        return "conversions" in self.columns

    @property
    def has_revenue(self) -> bool:
        return "revenue" in self.columns


def warning(template: str, **values: Any) -> dict[str, Any]:
    """A warning as its English sentence with blanks and their values; a value may be a list of
    warnings, said one after the other with ", " ("leads from 'Results', clicks from ...")."""
    return {"template": template, "values": values}


def said_text(said: dict[str, Any], words: Any = None) -> str:
    """``said`` as a sentence: through ``words`` (``phrasebook.Sentences``, a report's language,
    passed in by the module), else English."""
    values = {key: ", ".join(said_text(item, words) for item in value) if isinstance(value, list) else value
              for key, value in said["values"].items()}
    return words(said["template"], **values) if words is not None else said["template"].format(**values)


def _mapping(mapping: ColumnMapping | Mapping[str, Any] | None, field: str) -> ColumnMapping | None:
    if mapping is None or isinstance(mapping, ColumnMapping):
        return mapping
    try:
        return ColumnMapping.model_validate(dict(mapping))
    except PydanticValidationError as exc:  # pydantic's message names the key
        raise ValidationError(f"the column mapping is not valid: {exc}", field=field) from None


def load_performance_csv(
    *,
    csv_path: str = "",
    csv_text: str = "",
    field_prefix: str = "inputs.",
    mapping: ColumnMapping | Mapping[str, Any] | None = None,
) -> PerformanceData:
    """The checked rows of the file given as text (an upload) or as a path (CSV or XLSX); text
    wins if both. ``mapping`` reads a file that is none of the known exports."""
    if csv_text.strip():
        return parse_performance_csv(
            csv_text, source="uploaded file", field=f"{field_prefix}csv_text", mapping=mapping
        )
    field = f"{field_prefix}csv_path"
    if not csv_path.strip():
        raise NoDataError(f"no performance data: {_NO_DATA_HINT}", field=field)
    path = Path(csv_path).expanduser()
    if not path.is_file():
        raise NoDataError(
            f"no performance data: the file {path} was not found; {_NO_DATA_HINT}", field=field
        )
    chosen = _mapping(mapping, field)
    table = read_table(path, is_header=_header_test(chosen), field=field)
    return parse_performance_table(table, field=field, mapping=chosen)


def parse_performance_bytes(
    data: bytes,
    *,
    filename: str,
    field: str = "inputs.csv_text",
    mapping: ColumnMapping | Mapping[str, Any] | None = None,
) -> PerformanceData:
    """An uploaded file's bytes (the widget's upload): XLSX by its name, else CSV text."""
    chosen = _mapping(mapping, field)
    if filename.lower().endswith((".xlsx", ".xlsm")):
        table = read_xlsx_bytes(data, source=filename, is_header=_header_test(chosen), field=field)
        return parse_performance_table(table, field=field, mapping=chosen)
    decoded = decode_csv_bytes(data, source=filename, field=field)
    return _parse_text(decoded.text, source=filename, field=field, mapping=chosen, encoding_note=decoded.note)


def parse_performance_csv(
    text: str,
    *,
    source: str,
    field: str = "inputs.csv_text",
    mapping: ColumnMapping | Mapping[str, Any] | None = None,
) -> PerformanceData:
    """Parse and check CSV ``text``; ``field`` is what errors name as the bad input."""
    return _parse_text(text, source=source, field=field, mapping=_mapping(mapping, field))


def _parse_text(text: str, *, source: str, field: str, mapping: ColumnMapping | None,
                encoding_note: str | None = None) -> PerformanceData:
    if not text.lstrip("\ufeff").strip():
        raise NoDataError(
            f"no performance data: the {source} is empty; {_NO_DATA_HINT}", field=field
        )
    table = read_table_text(text, source=source, is_header=_header_test(mapping), field=field)
    table.encoding_note = encoding_note
    return parse_performance_table(table, field=field, mapping=mapping)


_SUGGESTIONS = {
    "date": ("date", "day", "datum", "tag", "week", "woche", "month", "monat", "mois", "mes", "semaine", "semana",
             "period", "jour", "fecha", "reporting starts", "start date"),
    "platform": ("platform", "channel", "plattform", "kanal", "source", "network", "canal"),
    "campaign": ("campaign", "kampagne", "campagne", "campaign name"),
    "impressions": ("impressions", "impr.", "impr", "views", "impressionen", "reach"),
    "clicks": ("clicks", "klicks", "taps", "link clicks", "sessions", "clics"),
    "leads": ("leads", "sign-ups", "signups", "sign ups", "anfragen", "conversions", "results", "enquiries"),
    "spend": ("spend", "cost", "kosten", "amount spent", "budget used", "ausgaben", "coût", "cout"),
    "conversions": ("sales", "purchases", "orders", "customers"),
    "revenue": ("revenue", "umsatz", "conv. value", "sales value"),
    "currency": ("currency", "währung", "currency code", "devise"),
}  # fmt: skip


def preview_performance_upload(data: bytes, filename: str, rows: int = 5) -> dict[str, Any]:
    """What the mapping widget shows before anything is imported: the header, the first rows, the
    export recognised (or None), and a suggested mapping the user confirms or changes."""
    field = "inputs.csv_text"
    # The import's own header test: a known export's header wherever it stands, else the widest
    # line (never a title line that happens to hold commas, like Google Ads' date range).
    table = read_table_bytes(data, source=filename, is_header=_header_test(None), field=field)
    found = detect_format(table.header)
    suggested: dict[str, str] = {}
    if found is None:
        names = {normal_header(h)[0]: h for h in table.header if h}
        for target, words in _SUGGESTIONS.items():
            hit = next((names[w] for w in words if w in names and names[w] not in suggested.values()), None)
            if hit:
                suggested[target] = hit
    return {"source": table.source, "header": list(table.header),
            "rows": [cells for _, cells in table.rows[:rows]], "preamble": list(table.preamble),
            "format": found.name if found else None, "suggested_mapping": {"columns": suggested},
            "encoding_note": table.encoding_note}  # fmt: skip


def _generic_name(name: str) -> str:
    plain = re.sub(r"[\s\-]+", "_", name.strip().lower())
    return _GENERIC_ALIASES.get(plain, plain)


def _header_test(mapping: ColumnMapping | None):
    def is_header(cells: list[str] | tuple[str, ...]) -> bool:
        if mapping is not None and mapping.columns:
            names = {normal_header(c)[0] for c in cells}
            wanted = [normal_header(c)[0] for c in mapping.columns.values()]
            return sum(w in names for w in wanted) >= min(2, len(wanted))
        if detect_format(cells) is not None:
            return True
        generic = {_generic_name(c) for c in cells}
        return len(generic & set(REQUIRED_COLUMNS)) >= 4

    return is_header


def parse_performance_table(
    table: SourceTable, *, field: str, mapping: ColumnMapping | None = None
) -> PerformanceData:
    """The checked rows of a table read from any source."""
    try:
        mapped = mapping is not None and bool(mapping.columns)
        fmt = mapping.as_format() if mapped else detect_format(table.header) or GENERIC
    except ValueError as exc:
        raise ValidationError(str(exc), field=field) from None
    generic = fmt is GENERIC
    names = [_generic_name(h) if generic else normal_header(h)[0] for h in table.header]
    index, read_as = _locate(fmt, names, table.header)
    header_currency = _header_currency(table.header, index)
    _require(fmt, index, table, names, field, mapping)
    # What one row covers: the date column's name says it ("Week", "Month"), or Microsoft
    # Advertising's title lines do; a start column may have its end column (Meta's reporting range).
    unit = unit_of_header(names[index["date"]])
    unit = unit if unit != "day" else unit_of_preamble(table.preamble)
    end_name = fmt.period_ends.get(names[index["date"]], "")
    ends_at = names.index(end_name) if end_name in names else None
    data_rows = _data_rows(table, fmt, index, unit)
    summary = _summary_rows(fmt, index, data_rows)
    data_rows = [row for row in data_rows if row[0] not in summary]
    if not data_rows:
        raise NoDataError(
            f"no performance data: the {table.source} has a header but no rows; {_NO_DATA_HINT}",
            field=field,
        )
    if len(data_rows) > MAX_ROWS:
        raise ValidationError(
            f"{table.source} has more than {MAX_ROWS:,} rows; aggregate by day first", field=field
        )

    def label(name: str) -> str:
        return name if generic else f"{table.header[index[name]]!r} ({name})"

    def cells(name: str) -> list[str]:
        position = index[name]
        return [row[position] if position < len(row) else "" for _, row in data_rows]

    _check_widths(table, data_rows, field)
    decimal = decimal_separator_of(fmt, index, cells, label, mapping, table.source, field)
    ends = [cell_at(row, ends_at) for _, row in data_rows] if ends_at is not None else []
    order = date_order_of(cells("date") + ends, label("date"), mapping, table.source, field, unit)
    problems: list[str] = []
    rows: list[PerformanceRow] = []
    notes: list[str] = []
    result_filter = _meta_results(fmt, index, names)
    non_lead_results = 0
    for line, record in data_rows:
        def cell(name: str, record: list[str] = record) -> str:
            position = index.get(name)
            return record[position] if position is not None and position < len(record) else ""

        try:
            period = row_period(cell("date"), cell_at(record, ends_at) if ends_at is not None else "", unit, order,
                                day="an ISO date (YYYY-MM-DD)" if generic else "a date")
        except ValueError as exc:
            problems.append(f"row {line}, column {label('date')}: {exc}")
            period = None
        row = read_row(cell, set(index), line, fmt, label, decimal, period, header_currency, problems)
        if row is not None and result_filter is not None and not result_filter(record):
            non_lead_results += row.leads > 0
            row = PerformanceRow(**{**row.__dict__, "leads": 0})
        if row is not None:
            rows.append(row)
        if generic:
            for name in NOTE_COLUMNS:
                if name in names:
                    note = cell_at(record, names.index(name))
                    if note and note not in notes and len(notes) < 3:
                        notes.append(note[:300])
        if len(problems) >= _MAX_PROBLEMS:
            break
    if problems:
        raise ValidationError(
            f"{table.source}: " + "; ".join(problems)
            + ("; and possibly more" if len(problems) >= _MAX_PROBLEMS else ""),
            field=field, details={"problems": problems},
        )  # fmt: skip
    check_rows(rows, table.source, field=field, measures_impressions="impressions" in index)
    known = set(index.values())
    ignored = [names[i] for i in range(len(names)) if i not in known and names[i]
               and not (generic and names[i] in NOTE_COLUMNS)]  # fmt: skip
    said = _warnings(fmt, generic, ignored, read_as, non_lead_results)
    if table.encoding_note:  # the note is a sentence of its own, said in the report's language too
        said.append(warning("{source}: {note}", source=table.source, note=[warning(table.encoding_note)]))
    if summary:
        said.append(warning("row {rows} names no campaign: read as {format}'s summary row and left out",
                            rows=_rows_named(summary), format=fmt.name))
    said.extend(period_warnings(rows, unit, table.header[index["date"]]))
    currencies = {r.currency for r in rows if r.currency}
    return PerformanceData(
        rows=sorted(rows, key=lambda r: (r.date, r.platform, r.campaign)),
        source=table.source,
        columns=[c for c in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS) if c in index or c == "platform"],
        ignored_columns=ignored,
        notes=notes if generic else [*notes, *table.preamble[:3]],
        warnings=[said_text(w) for w in said],
        said=said,
        format=fmt.name,
        currency=next(iter(currencies)) if len(currencies) == 1 else "",
        read_as=read_as,
    )


def _rows_named(lines: list[int]) -> str:
    return ", ".join(map(str, lines[:8])) + (" ..." if len(lines) > 8 else "")


def cell_at(record: list[str], position: int) -> str:
    return record[position].strip() if position < len(record) else ""


def _locate(fmt: ExportFormat, names: list[str], header: list[str]) -> tuple[dict[str, int], dict[str, str]]:
    index: dict[str, int] = {}
    read_as: dict[str, str] = {}
    for name, candidates in fmt.columns.items():
        for candidate in candidates:
            if candidate in names:
                index[name] = names.index(candidate)
                read_as[name] = header[index[name]]
                break
    return index, read_as


def _header_currency(header: list[str], index: dict[str, int]) -> str:
    for name in ("spend", "revenue"):
        if name in index:
            found = normal_header(header[index[name]])[1]
            if found:
                return found
    return ""


def _require(
    fmt: ExportFormat, index: dict[str, int], table: SourceTable, names: list[str], field: str,
    mapping: ColumnMapping | None,
) -> None:  # fmt: skip
    needed = ["date", *(n for n in ("impressions", "clicks", "spend") if n in fmt.measures), "leads"]
    if not fmt.platform:
        needed.insert(1, "platform")
    missing = [n for n in REQUIRED_COLUMNS if n in needed and n not in index]
    if not missing:
        return
    found = ", ".join(n for n in names if n) or "no header"
    plural = "s" if len(missing) > 1 else ""
    if fmt is GENERIC:
        message = (f"{table.source} is missing the required column{plural} {', '.join(missing)} (found: "
                   f"{found}); for another tool's export, give a column mapping")  # fmt: skip
    elif mapping is not None:
        wanted = {n: mapping.columns.get(n) for n in missing}
        message = (f"{table.source}: the column mapping gives no column for {', '.join(missing)}"
                   + "".join(f" ({n}: {c!r} is not in the header)" for n, c in wanted.items() if c)
                   + (" and names no platform" if "platform" in missing else "")
                   + f"; the file's columns are: {', '.join(table.header)}")  # fmt: skip
    else:
        looked = "; ".join(f"{n}: {', '.join(fmt.columns.get(n, ()))}" for n in missing)
        message = (f"{table.source} looks like a {fmt.name} export but has no column for "
                   f"{', '.join(missing)} (looked for {looked}); add it to the report, or give a "
                   "column mapping")  # fmt: skip
    raise ValidationError(message, field=field, details={"missing_columns": missing})


def _data_rows(
    table: SourceTable, fmt: ExportFormat, index: dict[str, int], unit: str
) -> list[tuple[int, list[str]]]:
    """Rows with data: blank lines, total rows and footers ("Total: Account", "©2027 ...") left out.
    A total row has no date, so a campaign called "Total Reach" in the first column stays."""
    kept = []
    for line, cells in table.rows:
        filled = [c for c in cells if c.strip()]
        if not filled:
            continue
        first = filled[0].strip().lower()
        if (fmt.skip_prefixes and first.startswith(fmt.skip_prefixes)
                and not ("date" in index and is_date(cell_at(cells, index["date"]), unit))):
            continue
        if len(filled) == 1 and fmt is not GENERIC and len(cells) > 1:
            continue  # a footer line in the first column only
        kept.append((line, cells))
    return kept


def _summary_rows(fmt: ExportFormat, index: dict[str, int], rows: list[tuple[int, list[str]]]) -> list[int]:
    """The lines of an export's summary row: in Meta's, the one row without a campaign (ad set,
    ad) name among named ones; counting it would double every total."""
    if not fmt.unnamed_row_is_summary or "campaign" not in index:
        return []
    unnamed = [line for line, cells in rows if not cell_at(cells, index["campaign"])]
    return unnamed if len(unnamed) < len(rows) else []


def _check_widths(table: SourceTable, rows: list[tuple[int, list[str]]], field: str) -> None:
    """Refuse CSV rows with more cells than the header: an unquoted "1,234" splits into two cells
    and shifts every value after it into the wrong column."""
    width = len(table.header)
    wide = [line for line, cells in rows if any(c.strip() for c in cells[width:])]
    if wide and table.delimiter:  # an XLSX cell cannot split
        raise ValidationError(
            f"{table.source}: row {_rows_named(wide)} ha{'ve' if len(wide) > 1 else 's'} more cells than "
            f"the header's {width} columns; a value holding the delimiter {table.delimiter!r} (like "
            "1,234) needs quotes: export the file again, or give it the header's columns",
            field=field, details={"rows": wide},
        )  # fmt: skip


def _meta_results(fmt: ExportFormat, index: dict[str, int], names: list[str]):
    """For a Meta export whose leads come from "Results": only rows whose result is a lead count."""
    if fmt.key != "meta_ads" or "leads" not in index or names[index["leads"]] != "results":
        return None
    kind = next((names.index(n) for n in ("result indicator", "result type") if n in names), None)
    if kind is None:
        return None
    return lambda record: "lead" in cell_at(record, kind).lower()


# Where each field was read, one sentence per field (``platform_formats.FIELDS``), so that a language
# says the field in its own words and agrees with it: "dépenses lues dans la colonne 'Amount spent'".
_READ_FROM = {name: f"{name} from {{header}}" for name in FIELDS}


def _read_from(name: str, header: str) -> dict[str, Any]:
    if name in _READ_FROM:
        return warning(_READ_FROM[name], header=repr(header))
    return warning("{column} from {header}", column=name, header=repr(header))


def _warnings(fmt: ExportFormat, generic: bool, ignored: list[str], read_as: dict[str, str],
              non_lead_results: int) -> list[dict[str, Any]]:  # fmt: skip
    if generic:
        return [warning("column {name} is not used by the report and was ignored", name=repr(name)) for name in ignored]
    said = [warning("read as a {format} export: {columns}", format=fmt.name,
                    columns=[_read_from(k, v) for k, v in read_as.items()])]
    said.extend(warning(assumption) for assumption in fmt.assumptions)
    if read_as.get("leads", "").lower() == "results":
        said.append(warning("Meta's Results are read as leads (only on rows whose result indicator is a lead)"))
    if non_lead_results:
        said.append(warning("{count} rows count results that are not leads; they add 0 leads", count=non_lead_results))
    if ignored:
        said.append(warning("{count} columns not used by the report: {columns}", count=len(ignored),
                            columns=", ".join(ignored[:12]) + (", ..." if len(ignored) > 12 else "")))
    return said
