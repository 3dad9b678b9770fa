"""Cells that a spreadsheet cannot run: formula injection neutralised in every table we write.

A cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return before one) is a
formula to Excel, LibreOffice and Google Sheets: ``=HYPERLINK(...)`` from an imported company name
would run when the client opens the file. Such a cell gets a leading apostrophe, which the
spreadsheet shows as text and does not evaluate (OWASP's advice for CSV injection). Every CSV or
XLSX the workbench writes, and every DOCX table built from imported data, passes its cells here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["FORMULA_STARTS", "neutralise_cell", "neutralise_row", "neutralise_text"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A signed figure as a report writes one ("-25.00%", "+1,234.50", "-3"): shown as it is.
_SIGNED_FIGURE = re.compile(r"[-+]\d[\d,.\u00a0 ]*%?")


def neutralise_cell(value: object) -> str:
    """``value`` as text that no spreadsheet evaluates: "=1+1" -> "'=1+1"; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)  # a negative number is a number, not a formula
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def neutralise_text(text: str) -> str:
    """A text cell of a document table (DOCX) that someone may paste into a spreadsheet: like
    ``neutralise_cell``, but a signed figure that a report shows ("-25.00%") keeps its sign."""
    return text if _SIGNED_FIGURE.fullmatch(text) else neutralise_cell(text)


def neutralise_row(values: Iterable[object]) -> list[str]:
    return [neutralise_cell(value) for value in values]
