"""One editor per input-model field, chosen from the field's type (the form's building blocks).

=================================  ===========================================================
field type                         widget
=================================  ===========================================================
str (short)                        Text
str (long: max_length > 300)       Textarea
Literal / Enum                     Dropdown
list[Literal] / list[Enum]         SelectMultiple (every choice visible)
list[str] of short labels          TagsInput
list[str] of sentences             Textarea, one item per line
date / date | None                 DatePicker
int / float with bounds            BoundedIntText / BoundedFloatText
int | None / float | None          Text (blank means "not given"; 0 would be a real value)
list[SmallModel]                   repeated rows, one widget per sub-field, add / remove
dict[Literal, V]                   one Text per choice (blank means "not given")
dict[str, V]                       Textarea, one ``key: value`` per line
``*csv*_text``                     Textarea plus FileUpload (the upload fills the text)
``*csv*_path`` (no csv text)       Text plus FileUpload (the upload is saved, its path filled)
=================================  ===========================================================

An editor never validates: it turns widget values into plain Python values and back, and the
form validates the whole model at once so that every message comes from the same pydantic rules
the CLI and the generation service apply.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import re
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import annotated_types
import ipywidgets as widgets
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..text_files import DecodedText, decode_text
from .errors import MessageBox

__all__ = ["FieldEditor", "field_editor", "field_label"]

_ACRONYMS = {"kpi": "KPI", "usp": "USP", "cta": "CTA", "csv": "CSV", "url": "URL", "utm": "UTM", "id": "ID", "qc": "QC"}
_LONG_TEXT = 300  # above this max_length a text field gets a Textarea
_SHORT_ITEM = 200  # list items up to this max_length are tags; longer ones one per line
_MAX_UPLOAD_BYTES = 5_000_000
_LABEL_WIDTH = "190px"


def field_label(name: str) -> str:
    """``kpi_targets`` -> ``KPI targets``."""
    words = [_ACRONYMS.get(word, word) for word in name.split("_")]
    if words and words[0] == words[0].lower():
        words[0] = words[0].capitalize()
    return " ".join(words)


# ----------------------------------------------------------------------------- type analysis


def _strip_annotated(annotation: Any) -> tuple[Any, list[Any]]:
    metadata: list[Any] = []
    while get_origin(annotation) is typing.Annotated:
        annotation, *extra = get_args(annotation)
        metadata.extend(extra)
    return annotation, metadata


def _optional(annotation: Any) -> tuple[Any, bool]:
    if get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1 and len(args) < len(get_args(annotation)):
            return args[0], True
    return annotation, False


def _constraint(metadata: list[Any], name: str) -> Any:
    """``max_length``, ``ge``, ... from pydantic/annotated-types metadata (last one wins)."""
    found = None
    for item in metadata:
        value = getattr(item, name, None)
        if value is not None:
            found = value
        if name == "ge" and isinstance(item, annotated_types.Gt):
            found = item.gt
        if name == "le" and isinstance(item, annotated_types.Lt):
            found = item.lt
    return found


def _choices(annotation: Any) -> list[Any] | None:
    if get_origin(annotation) is Literal:
        return list(get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [member.value for member in annotation]
    return None


# ----------------------------------------------------------------------------- base


class FieldEditor:
    """Label, input widget(s), help and an inline message for one field.

    ``box`` is what the form shows; ``input`` is the main widget (tests set its ``value``)."""

    def __init__(self, name: str, info: FieldInfo, input_widget: widgets.Widget, help_text: str = "") -> None:
        self.name = name
        self.required = info.is_required()
        self.label = field_label(name) + (" *" if self.required else "")
        self.help = (info.description or "").strip() or help_text
        self.input = input_widget
        if self.help and hasattr(input_widget, "tooltip"):
            input_widget.tooltip = self.help
        self.message = MessageBox()
        title = html.escape(self.label)
        self.label_widget = widgets.HTML(
            f'<b title="{html.escape(self.help, quote=True)}">{title}</b>',
            layout=widgets.Layout(width=_LABEL_WIDTH, min_width=_LABEL_WIDTH),
        )
        help_html = widgets.HTML(
            f'<span style="font-size:smaller;color:#666">{html.escape(self.help)}</span>' if self.help else ""
        )
        self.box = widgets.VBox(
            [widgets.HBox([self.label_widget, self.main_widget()]), help_html, self.message],
            layout=widgets.Layout(margin="0 0 6px 0"),
        )

    def main_widget(self) -> widgets.Widget:
        """What sits right of the label (the input, or the input with extra controls)."""
        return self.input

    def get(self) -> Any:
        return self.input.value

    def set(self, value: Any) -> None:
        self.input.value = value

    def show_error(self, text: str) -> None:
        self.message.show(text, "error")

    def clear_error(self) -> None:
        self.message.clear()

    @property
    def error(self) -> str:
        return self.message.text if self.message.kind == "error" else ""


class TextEditor(FieldEditor):
    def __init__(self, name: str, info: FieldInfo, metadata: list[Any]) -> None:
        max_length = _constraint(metadata, "max_length")
        long = max_length is not None and max_length > _LONG_TEXT
        widget_type = widgets.Textarea if long else widgets.Text
        layout = widgets.Layout(width="min(640px, 90%)", height="90px" if long else None)
        hint = f"up to {max_length:,} characters" if max_length else ""
        default = info.default if isinstance(info.default, str) else ""
        super().__init__(name, info, widget_type(value=default, layout=layout), hint)

    def get(self) -> str:
        return self.input.value

    def set(self, value: Any) -> None:
        self.input.value = "" if value is None else str(value)


class ChoiceEditor(FieldEditor):
    def __init__(self, name: str, info: FieldInfo, choices: list[Any], optional: bool) -> None:
        options: list[Any] = [("(not set)", None)] if optional else []
        options += [(str(choice).replace("_", " "), choice) for choice in choices]
        default = info.default if info.default in choices else options[0][1]
        super().__init__(name, info, widgets.Dropdown(options=options, value=default))

    def set(self, value: Any) -> None:
        values = [option[1] for option in self.input.options]
        if value in values:
            self.input.value = value


class MultiChoiceEditor(FieldEditor):
    def __init__(self, name: str, info: FieldInfo, choices: list[Any]) -> None:
        options = [(str(choice).replace("_", " "), choice) for choice in choices]
        widget = widgets.SelectMultiple(options=options, rows=min(len(options), 9))
        super().__init__(name, info, widget, "hold Ctrl (Cmd on a Mac) to pick several")

    def get(self) -> list[Any]:
        return list(self.input.value)

    def set(self, value: Any) -> None:
        allowed = [option[1] for option in self.input.options]
        self.input.value = tuple(item for item in (value or []) if item in allowed)


class TagsEditor(FieldEditor):
    def __init__(self, name: str, info: FieldInfo) -> None:
        widget = widgets.TagsInput(value=[], allow_duplicates=False)
        super().__init__(name, info, widget, "type an entry and press Enter")

    def get(self) -> list[str]:
        return [str(tag) for tag in self.input.value]

    def set(self, value: Any) -> None:
        self.input.value = [str(item) for item in (value or [])]


class LinesEditor(FieldEditor):
    def __init__(self, name: str, info: FieldInfo) -> None:
        widget = widgets.Textarea(layout=widgets.Layout(width="min(640px, 90%)", height="90px"))
        super().__init__(name, info, widget, "one per line")

    def get(self) -> list[str]:
        return [line.strip() for line in self.input.value.splitlines() if line.strip()]

    def set(self, value: Any) -> None:
        self.input.value = "\n".join(str(item) for item in (value or []))


class DateEditor(FieldEditor):
    def __init__(self, name: str, info: FieldInfo) -> None:
        default = info.default if isinstance(info.default, dt.date) else None
        super().__init__(name, info, widgets.DatePicker(value=default))

    def set(self, value: Any) -> None:
        if isinstance(value, str) and value.strip():
            value = dt.date.fromisoformat(value.strip()[:10])
        self.input.value = value or None


class NumberEditor(FieldEditor):
    def __init__(self, name: str, info: FieldInfo, kind: type, metadata: list[Any]) -> None:
        low, high = _constraint(metadata, "ge"), _constraint(metadata, "le")
        is_int = kind is int
        low = low if low is not None else (-(10**12) if is_int else -1e15)
        high = high if high is not None else (10**12 if is_int else 1e15)
        widget_type = widgets.BoundedIntText if is_int else widgets.BoundedFloatText
        default = info.default if isinstance(info.default, (int, float)) else max(low, min(high, 0))
        hint = f"from {low:g} to {high:g}" if abs(high) < 1e9 else (f"at least {low:g}" if low > -1e9 else "")
        super().__init__(name, info, widget_type(value=default, min=low, max=high), hint)

    def set(self, value: Any) -> None:
        if value is not None:
            self.input.value = value


class OptionalNumberEditor(FieldEditor):
    """A number that may be left blank: blank is None, not 0 (a zero budget is a real answer)."""

    def __init__(self, name: str, info: FieldInfo, kind: type, metadata: list[Any]) -> None:
        self.kind = kind
        low = _constraint(metadata, "ge")
        hint = "a number; leave blank if not known" + (f" (at least {low:g})" if low is not None else "")
        widget = widgets.Text(placeholder="leave blank if not known", layout=widgets.Layout(width="200px"))
        super().__init__(name, info, widget, hint)

    def get(self) -> Any:
        raw = self.input.value.strip().replace(",", "")
        if not raw:
            return None
        try:
            number = float(raw)
        except ValueError:
            return self.input.value  # left as typed: validation names the field
        return int(number) if self.kind is int and number.is_integer() else number

    def set(self, value: Any) -> None:
        if value is None or value == "":
            self.input.value = ""
        elif isinstance(value, float) and value.is_integer():
            self.input.value = str(int(value))
        else:
            self.input.value = str(value)


class RowsEditor(FieldEditor):
    """A list of small models (e.g. KPI targets): one row of widgets per item, add and remove."""

    def __init__(self, name: str, info: FieldInfo, model: type[BaseModel], max_rows: int | None) -> None:
        self.model = model
        self.max_rows = max_rows or 50
        self.rows: list[dict[str, widgets.Widget]] = []
        self.rows_box = widgets.VBox()
        self.add_button = widgets.Button(description="Add row", icon="plus", layout=widgets.Layout(width="110px"))
        self.add_button.on_click(lambda _button: self.add_row())
        names = ", ".join(field_label(n).lower() for n in model.model_fields)
        header = widgets.HTML(f'<span style="font-size:smaller;color:#666">{html.escape(names)}</span>')
        super().__init__(name, info, widgets.VBox([header, self.rows_box, self.add_button]))

    def _row_widget(self, sub: str, sub_info: FieldInfo) -> widgets.Widget:
        annotation, metadata = _strip_annotated(sub_info.annotation)
        annotation, optional = _optional(annotation)
        metadata += list(sub_info.metadata)
        placeholder = field_label(sub).lower()
        if annotation in (int, float) and not optional:
            low = _constraint(metadata, "ge")
            widget_type = widgets.BoundedIntText if annotation is int else widgets.BoundedFloatText
            return widget_type(value=0, min=low if low is not None else -1e15, max=1e15,
                               layout=widgets.Layout(width="130px"), tooltip=placeholder)
        choices = _choices(annotation)
        if choices:
            return widgets.Dropdown(options=choices, layout=widgets.Layout(width="160px"))
        default = sub_info.default if isinstance(sub_info.default, str) else ""
        return widgets.Text(value=default, placeholder=placeholder, layout=widgets.Layout(width="220px"))

    def add_row(self, values: dict[str, Any] | None = None) -> None:
        if len(self.rows) >= self.max_rows:
            self.show_error(f"{self.name}: at most {self.max_rows} rows")
            return
        row = {sub: self._row_widget(sub, sub_info) for sub, sub_info in self.model.model_fields.items()}
        for sub, value in (values or {}).items():
            if sub in row and value is not None:
                row[sub].value = value
        remove = widgets.Button(description="Remove", icon="trash", layout=widgets.Layout(width="100px"))
        self.rows.append(row)
        line = widgets.HBox([*row.values(), remove])
        remove.on_click(lambda _button, row=row, line=line: self._remove(row, line))
        self.rows_box.children = [*self.rows_box.children, line]

    def _remove(self, row: dict[str, widgets.Widget], line: widgets.Widget) -> None:
        self.rows.remove(row)
        self.rows_box.children = [child for child in self.rows_box.children if child is not line]

    def get(self) -> list[dict[str, Any]]:
        items = []
        for row in self.rows:
            values = {sub: widget.value for sub, widget in row.items()}
            texts = [v for v in values.values() if isinstance(v, str)]
            if texts and not any(t.strip() for t in texts):
                continue  # an empty row is not an item
            items.append(values)
        return items

    def set(self, value: Any) -> None:
        self.rows.clear()
        self.rows_box.children = []
        for item in value or []:
            self.add_row(item.model_dump() if isinstance(item, BaseModel) else dict(item))


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


class MappingEditor(FieldEditor):
    """A dict such as posts per week per platform: one small text box per known key (blank keys
    are left out), or ``key: value`` lines when the keys are free text. Values stay text here;
    the model's own validation converts and checks them, so messages name the key."""

    def __init__(self, name: str, info: FieldInfo, keys: list[Any] | None) -> None:
        self.keys = keys
        self.boxes: dict[Any, widgets.Text] = {}
        if keys:
            for key in keys:
                self.boxes[key] = widgets.Text(layout=widgets.Layout(width="90px"))
            cells = [widgets.VBox([widgets.HTML(f"<small>{html.escape(str(key))}</small>"), box])
                     for key, box in self.boxes.items()]
            widget: widgets.Widget = widgets.HBox(cells, layout=widgets.Layout(flex_flow="row wrap"))
            hint = "leave a box blank to leave that one out"
        else:
            widget = widgets.Textarea(layout=widgets.Layout(width="min(640px, 90%)", height="90px"))
            hint = "one `name: value` per line"
        super().__init__(name, info, widget, hint)

    def get(self) -> dict[Any, str]:
        if self.keys:
            return {key: box.value.strip() for key, box in self.boxes.items() if box.value.strip()}
        pairs = (line.partition(":") for line in self.input.value.splitlines() if line.strip())
        return {key.strip(): value.strip() for key, _sep, value in pairs}

    def set(self, value: Any) -> None:
        value = dict(value or {})
        if self.keys:
            for key, box in self.boxes.items():
                box.value = "" if value.get(key) is None else str(value[key])
        else:
            self.input.value = "\n".join(f"{key}: {item}" for key, item in value.items())


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
    cells = lambda row, tag: "".join(f"<{tag}>{html.escape(c[:60])}</{tag}>" for c in row)  # noqa: E731
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


# ----------------------------------------------------------------------------- the chooser


def field_editor(name: str, info: FieldInfo, *, csv_text_present: bool = False) -> FieldEditor:
    """The editor for one pydantic field, from its type and constraints."""
    annotation, metadata = _strip_annotated(info.annotation)
    annotation, optional = _optional(annotation)
    annotation, more = _strip_annotated(annotation)
    metadata = [*metadata, *more, *info.metadata]
    lowered = name.lower()
    if "csv" in lowered and annotation is str:
        if lowered.endswith("_text") or lowered == "csv":
            return CsvTextEditor(name, info)
        if lowered.endswith("_path") and not csv_text_present:
            return CsvPathEditor(name, info)
    choices = _choices(annotation)
    if choices is not None:
        return ChoiceEditor(name, info, choices, optional)
    if annotation is bool:
        return FieldEditor(name, info, widgets.Checkbox(value=bool(info.default), indent=False))
    if annotation in (dt.date, dt.datetime):
        return DateEditor(name, info)
    if annotation in (int, float):
        if optional:
            return OptionalNumberEditor(name, info, annotation, metadata)
        return NumberEditor(name, info, annotation, metadata)
    if get_origin(annotation) is dict:
        key = _strip_annotated((get_args(annotation) or (str,))[0])[0]
        return MappingEditor(name, info, _choices(key))
    if get_origin(annotation) in (list, tuple, set):
        (item,) = get_args(annotation)[:1] or (str,)
        item, item_metadata = _strip_annotated(item)
        item_choices = _choices(item)
        if item_choices is not None:
            return MultiChoiceEditor(name, info, item_choices)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return RowsEditor(name, info, item, _constraint(metadata, "max_length"))
        item_max = _constraint(item_metadata, "max_length")
        if item_max is not None and item_max <= _SHORT_ITEM:
            return TagsEditor(name, info)
        return LinesEditor(name, info)
    return TextEditor(name, info, metadata)
