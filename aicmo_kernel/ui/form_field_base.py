"""The base of every field editor: label, input widget(s), help and an inline message.

An editor never validates: it turns widget values into plain Python values and back, and the
form validates the whole model at once (see ``form_fields``).
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets
from pydantic.fields import FieldInfo

from .errors import MessageBox

__all__ = ["FieldEditor", "field_label"]

_ACRONYMS = {"kpi": "KPI", "usp": "USP", "cta": "CTA", "csv": "CSV", "url": "URL", "utm": "UTM", "id": "ID", "qc": "QC"}
_LABEL_WIDTH = "190px"


def field_label(name: str) -> str:
    """``kpi_targets`` -> ``KPI targets``."""
    words = [_ACRONYMS.get(word, word) for word in name.split("_")]
    if words and words[0] == words[0].lower():
        words[0] = words[0].capitalize()
    return " ".join(words)


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
