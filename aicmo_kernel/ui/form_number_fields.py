"""Numbers and dates: a bounded number, a number that may be left blank, a date picker.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import ipywidgets as widgets
from pydantic.fields import FieldInfo

from .form_field_base import FieldEditor
from .form_field_types import _constraint


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
