"""Structured fields: a list of small models as rows (add, remove), and a dict as one box per
known key or ``key: value`` lines.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .form_field_base import FieldEditor, field_label
from .form_field_types import _choices, _constraint, _optional, _strip_annotated


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
