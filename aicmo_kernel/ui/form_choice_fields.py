"""Choice fields (``Literal``, ``Enum``): a dropdown for one, a list showing every choice for several.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from pydantic.fields import FieldInfo

from .form_field_base import FieldEditor


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
