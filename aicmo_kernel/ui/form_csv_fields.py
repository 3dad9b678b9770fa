"""CSV fields: text pasted or filled from an upload (CSV, or an XLSX workbook's first sheet),
or a path to a file, filled by saving an upload; and how an upload is read and previewed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from pydantic.fields import FieldInfo

from ..text_files import DecodedText, decode_text
from .errors import MessageBox
from .form_field_base import FieldEditor

_MAX_UPLOAD_BYTES = 5_000_000


class _CsvUpload(FieldEditor):
    """A CSV field with an upload button beside its text box; ``load_file`` says what an upload does."""

    def __init__(self, name: str, info: FieldInfo, text: widgets.Widget) -> None:
        self.upload = widgets.FileUpload(accept=".csv,.txt,text/csv", multiple=False, description="Upload CSV")
        self.upload.observe(self._on_upload, names="value")
        self.upload_message = MessageBox()
        super().__init__(name, info, text, "a CSV file with a header row")

    def main_widget(self) -> widgets.Widget:
        return widgets.VBox([self.input, widgets.HBox([self.upload, self.upload_message])])

    def _on_upload(self, change: dict[str, Any]) -> None:
        for item in change["new"] or ():
            self.load_file(str(item["name"]), bytes(item["content"]))

    def load_file(self, filename: str, data: bytes) -> None:
        """What an uploaded file does to the field (each kind of CSV field says)."""
        raise NotImplementedError

    def set(self, value: Any) -> None:
        self.input.value = "" if value is None else str(value)


class CsvTextEditor(_CsvUpload):
    """CSV pasted as text, or uploaded (CSV, or an XLSX workbook's first sheet): the upload's
    content fills the text box, and its first rows show below it, so the columns can be checked
    (and mapped, where the form has a column mapping) before anything is generated."""

    def __init__(self, name: str, info: FieldInfo) -> None:
        self.preview = widgets.HTML()  # first: the base class lays out main_widget()
        super().__init__(name, info, widgets.Textarea(placeholder="paste CSV here, or upload a file",
                                                      layout=widgets.Layout(width="min(640px, 90%)", height="120px")))
        self.upload.accept = ".csv,.txt,.xlsx,.xlsm,text/csv"
        self.upload.description = "Upload CSV/XLSX"

    def main_widget(self) -> widgets.Widget:
        return widgets.VBox([super().main_widget(), self.preview])

    def load_file(self, filename: str, data: bytes) -> None:
        """Fill the field from an uploaded file (what the FileUpload widget calls)."""
        note = None
        if filename.lower().endswith((".xlsx", ".xlsm")):
            text = decode_workbook(self.name, filename, data, self.show_error)
        else:
            decoded = decode_csv(self.name, filename, data, self.show_error)
            text, note = (decoded.text, decoded.note) if decoded is not None else (None, None)
        if text is None:
            return
        self.clear_error()
        self.set(text)
        rows = max(0, len(text.splitlines()) - 1)
        if note:
            self.upload_message.show(f"Loaded {filename}: {rows:,} data rows; {note}", "warning")
        else:
            self.upload_message.show(f"Loaded {filename}: {rows:,} data rows", "success")
        self.preview.value = preview_table(text)


class CsvPathEditor(_CsvUpload):
    """A path to a CSV file, or an upload saved under ``$AICMO_HOME/uploads`` (path filled in)."""

    def __init__(self, name: str, info: FieldInfo) -> None:
        super().__init__(name, info, widgets.Text(placeholder="path to a CSV file, or upload one",
                                                  layout=widgets.Layout(width="min(640px, 90%)")))

    def load_file(self, filename: str, data: bytes) -> None:
        from ..config import default_home

        decoded = decode_csv(self.name, filename, data, self.show_error)
        if decoded is None:
            return
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(filename).name).lstrip(".") or "upload.csv"
        target = default_home() / "uploads" / safe
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.clear_error()
        self.input.value = str(target)
        if decoded.note:
            self.upload_message.show(f"Saved {filename} to the workspace uploads folder; {decoded.note}", "warning")
        else:
            self.upload_message.show(f"Saved {filename} to the workspace uploads folder", "success")


def decode_workbook(field: str, filename: str, data: bytes, report: Callable[[str], None]) -> str | None:
    """The first sheet of an uploaded XLSX workbook as CSV text, or None after reporting why not."""
    from ..errors import AicmoError
    from ..leads.csv_load import xlsx_as_csv_text

    if len(data) > _MAX_UPLOAD_BYTES:
        report(f"{field}: {filename} is {len(data):,} bytes; at most {_MAX_UPLOAD_BYTES:,} can be uploaded")
        return None
    try:
        return xlsx_as_csv_text(data, source=filename, field=field)
    except AicmoError as exc:
        report(exc.message)
        return None


def preview_table(text: str, rows: int = 3) -> str:
    """The header and first ``rows`` of CSV text as a small HTML table (escaped), for checking the
    columns before an import; the delimiter is guessed as the importers guess it."""
    import csv

    lines = text.splitlines()[: rows + 1]
    if not lines:
        return ""
    try:
        dialect = csv.Sniffer().sniff("\n".join(lines), delimiters=",;\t|")
        table = list(csv.reader(lines, dialect))
    except csv.Error:
        table = list(csv.reader(lines))
    cells = lambda row, tag: "".join(f"<{tag}>{html.escape(c[:60])}</{tag}>" for c in row)
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in table[1:])
    return ("<div style='overflow-x:auto;max-width:min(640px,90vw)'><small>First rows of the file:</small>"
            f"<table style='font-size:smaller'><thead><tr>{cells(table[0], 'th')}</tr></thead>"
            f"<tbody>{body}</tbody></table></div>")


def decode_csv(field: str, filename: str, data: bytes, report: Callable[[str], None]) -> DecodedText | None:
    """The text of an uploaded CSV as ``text_files.decode_text`` reads it (UTF-16, UTF-8, or
    Windows-1252 with a note), or None after reporting why it cannot be used."""
    if len(data) > _MAX_UPLOAD_BYTES:
        report(f"{field}: {filename} is {len(data):,} bytes; at most {_MAX_UPLOAD_BYTES:,} can be uploaded")
        return None
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 has zero bytes
        report(f"{field}: {filename} is not a text CSV file (it contains binary data)")
        return None
    decoded = decode_text(data)
    if decoded is None:
        report(f"{field}: {filename} could not be read as text; save it as CSV (UTF-8) and upload again")
    return decoded
