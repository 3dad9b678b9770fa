"""Text fields: one line or a text area, tags, and a list typed one item per line.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from pydantic.fields import FieldInfo

from .form_field_base import FieldEditor
from .form_field_types import _constraint

_LONG_TEXT = 300  # above this max_length a text field gets a Textarea


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
