"""Reading an exported table, CSV or XLSX, as a header and rows of text, numbered as a spreadsheet shows them.

Exports put things above the header: Google Ads two title lines, GA4 ``#`` comment lines,
Microsoft Advertising a block of "Report Name: ..." lines, LinkedIn a report title. The header is
the first line (within the first few) that ``is_header`` accepts, tried with each delimiter
(comma, semicolon, tab), else the widest line; what stands above it is kept as the preamble. CSV
files may be UTF-8 with or without a BOM, UTF-16 (Google Ads' "Excel CSV") or Windows-1252 (Excel's
plain "CSV"; ``text_files``). XLSX is read with openpyxl (imported only here, when an XLSX file is
read); dates and numbers from cells become ISO dates and dot-decimal text, so the rest of the import
reads one kind of table.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NoDataError, ValidationError
from ..text_files import DecodedText, decode_text
from .locale_values import as_text

__all__ = ["SourceTable", "decode_csv_bytes", "read_table", "read_table_bytes", "read_table_text"]

_DELIMITERS = (",", ";", "\t")
_HEADER_SEARCH_LINES = 25
MAX_FILE_BYTES = 20_000_000

HeaderTest = Callable[[Sequence[str]], bool]


@dataclass
class SourceTable:
    """``rows`` are ``(row, cells)``; ``row`` is the row number a spreadsheet shows (the file's line
    number, until a quoted cell holds a line break)."""

    header: list[str]
    rows: list[tuple[int, list[str]]]
    source: str
    preamble: list[str] = field(default_factory=list)
    delimiter: str = ","
    header_line: int = 1
    encoding_note: str | None = None  # how a file that is not UTF-8 was read (``DecodedText.note``)


def decode_csv_bytes(data: bytes, *, source: str, field: str) -> DecodedText:
    """The text of a CSV file (``text_files.decode_text``: UTF-16, UTF-8, or Windows-1252 read as
    such with a note), else refused with the next step."""
    decoded = decode_text(data)
    if decoded is None:
        raise ValidationError(f"{source} is not UTF-8 text; export it as CSV (UTF-8) or as XLSX", field=field)
    return decoded


def read_table(
    path: Path, *, is_header: HeaderTest, field: str, sheet: str | None = None
) -> SourceTable:
    """The table in the CSV or XLSX file at ``path``."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValidationError(
            f"{path.name} is larger than {MAX_FILE_BYTES // 1_000_000} MB; export fewer rows or "
            "aggregate by day", field=field,
        )  # fmt: skip
    return read_table_bytes(path.read_bytes(), source=path.name, is_header=is_header, field=field, sheet=sheet)


def read_table_bytes(
    data: bytes, *, source: str, is_header: HeaderTest, field: str, sheet: str | None = None
) -> SourceTable:
    """The table in a file's bytes: an XLSX workbook by its name (``source``), else CSV text with
    how it was decoded (``encoding_note``)."""
    if source.lower().endswith((".xlsx", ".xlsm")):
        return read_xlsx_bytes(data, source=source, is_header=is_header, field=field, sheet=sheet)
    decoded = decode_csv_bytes(data, source=source, field=field)
    table = read_table_text(decoded.text, source=source, is_header=is_header, field=field)
    table.encoding_note = decoded.note
    return table


def read_xlsx_bytes(
    data: bytes, *, source: str, is_header: HeaderTest, field: str, sheet: str | None = None
) -> SourceTable:
    """The first sheet (or ``sheet``) of an XLSX workbook given as bytes (an upload or a file)."""
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ValidationError(
            "reading XLSX needs openpyxl: pip install openpyxl, or export the sheet as CSV",
            field=field,
        ) from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for a non-workbook
        raise ValidationError(f"{source} is not a readable XLSX workbook ({exc})", field=field) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise ValidationError(
                f"{source} has no sheet {sheet!r} (sheets: {', '.join(book.sheetnames)})", field=field
            )
        worksheet = book[sheet] if sheet else book.worksheets[0]
        lines = [
            (number, [as_text(value).strip() for value in values])
            for number, values in enumerate(worksheet.iter_rows(values_only=True), 1)
        ]
    finally:
        book.close()
    return _table_from_lines(lines, source=source, is_header=is_header, field=field, delimiter="")


def read_table_text(text: str, *, source: str, is_header: HeaderTest, field: str) -> SourceTable:
    """The table in CSV ``text``: the delimiter is the one under which a header line is found."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise NoDataError(f"the {source} is empty", field=field)
    raw_lines = text.splitlines()
    candidates = [
        (number, line)
        for number, line in enumerate(raw_lines[:_HEADER_SEARCH_LINES], 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    for number, line in candidates:
        for delimiter in _DELIMITERS:
            if delimiter in line and is_header(_split(line, delimiter)):
                return _read_from(raw_lines, number, delimiter, source=source, field=field)

    def width(candidate: tuple[int, str]) -> int:
        return len(_split(candidate[1], _guess_delimiter(candidate[1])))

    # No header recognised: the widest line is the best guess (title lines above a header are
    # narrower), so the error and the mapping preview show the table's columns, not its title.
    number, line = max(candidates, key=width, default=(1, raw_lines[0]))
    return _read_from(raw_lines, number, _guess_delimiter(line), source=source, field=field)


def _split(line: str, delimiter: str) -> list[str]:
    try:
        return [cell.strip() for cell in next(csv.reader([line], delimiter=delimiter))]
    except (csv.Error, StopIteration):
        return []


def _guess_delimiter(line: str) -> str:
    return max(_DELIMITERS, key=line.count) if any(d in line for d in _DELIMITERS) else ","


def _read_from(
    raw_lines: list[str], header_number: int, delimiter: str, *, source: str, field: str
) -> SourceTable:
    preamble = [line.strip().lstrip("#").strip() for line in raw_lines[: header_number - 1]]
    body = "\n".join(raw_lines[header_number - 1 :])
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        header = [cell.strip() for cell in next(reader)]
        # Rows as a spreadsheet numbers them: a quoted cell holding a line break keeps its record one row.
        for number, cells in enumerate(reader, header_number + 1):
            rows.append((number, [cell.strip() for cell in cells]))
    except csv.Error as exc:
        raise ValidationError(
            f"{source}, row {header_number - 1 + reader.line_num}: not readable as CSV ({exc})",
            field=field,
        ) from None
    except StopIteration:
        header = []
    return SourceTable(header, rows, source, _meaningful(preamble), delimiter, header_number)


def _meaningful(lines: list[str]) -> list[str]:
    """Title and comment lines that say something (not GA4's "# -----" rules or blank ones)."""
    return [line.strip('"') for line in lines if any(c.isalnum() for c in line)]


def _table_from_lines(
    lines: list[tuple[int, list[str]]], *, source: str, is_header: HeaderTest, field: str,
    delimiter: str,
) -> SourceTable:  # fmt: skip
    filled = [(n, cells) for n, cells in lines if any(cells)]
    if not filled:
        raise NoDataError(f"the {source} is empty", field=field)
    first = filled[:_HEADER_SEARCH_LINES]
    start = next((i for i, (_, cells) in enumerate(first) if is_header(cells)), None)
    if start is None:  # as for CSV: the widest row, not a title above the table
        start = max(range(len(first)), key=lambda i: sum(bool(c) for c in first[i][1]))
    header_number, header = filled[start]
    preamble = _meaningful([" ".join(c for c in cells if c) for _, cells in filled[:start]])
    while header and not header[-1]:
        header = header[:-1]
    return SourceTable(list(header), filled[start + 1 :], source, preamble, delimiter, header_number)
