"""The inputs form, built from a module's pydantic input model.

``inputs_form("creatives", campaign="demo")`` gives a form pre-filled with what
``generation.prepare_inputs`` would use (approved upstream deliverables, the campaign brief's saved
inputs). ``form.value`` is the plain dict the widgets hold; ``form.validate()`` returns the
validated inputs, or None after showing each problem next to its field. The user's values stay
in the widgets either way: validating never resets anything.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from ..errors import ValidationError
from .errors import MessageBox
from .form_fields import FieldEditor, field_editor, field_label

if TYPE_CHECKING:
    from .services import Services

__all__ = ["InputsForm", "inputs_form"]

Validator = Callable[[dict[str, Any]], BaseModel]


class InputsForm(widgets.VBox):
    """A form for ``model``; ``validator`` defaults to the model itself (module forms pass
    ``spec.validate_inputs`` so messages read ``inputs.<field>`` exactly as elsewhere)."""

    def __init__(
        self,
        model: type[BaseModel],
        values: Mapping[str, Any] | None = None,
        *,
        validator: Validator | None = None,
        title: str | None = None,
    ) -> None:
        self.model = model
        self._validator = validator
        names = set(model.model_fields)
        csv_text = any("csv" in n.lower() and n.lower().endswith("_text") for n in names)
        self.fields: dict[str, FieldEditor] = {
            name: field_editor(name, info, csv_text_present=csv_text)
            for name, info in model.model_fields.items()
        }
        self.summary = MessageBox()
        heading = widgets.HTML(
            f"<h4 style='margin:4px 0'>{html.escape(title)}</h4>" if title else ""
        )
        note = widgets.HTML("<span style='font-size:smaller;color:#666'>* required</span>")
        super().__init__([heading, note, *(f.box for f in self.fields.values()), self.summary])
        self.set_values(values or {})

    # ------------------------------------------------------------------ values

    @property
    def value(self) -> dict[str, Any]:
        """The values as the widgets hold them (not validated)."""
        return {name: editor.get() for name, editor in self.fields.items()}

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Fill the widgets; unknown keys are ignored (the form shows only the model's fields)."""
        for name, value in values.items():
            editor = self.fields.get(name)
            if editor is not None:
                editor.set(value)

    # ------------------------------------------------------------------ validation

    @property
    def errors(self) -> dict[str, str]:
        """Field name -> the message shown next to it."""
        return {name: editor.error for name, editor in self.fields.items() if editor.error}

    def clear_errors(self) -> None:
        for editor in self.fields.values():
            editor.clear_error()
        self.summary.clear()

    def validate(self) -> BaseModel | None:
        """The validated inputs, or None with every problem shown beside its field."""
        self.clear_errors()
        try:
            return self._validate(self.value)
        except ValidationError as exc:
            self.show_validation_error(exc)
            return None

    def _validate(self, values: dict[str, Any]) -> BaseModel:
        if self._validator is not None:
            return self._validator(values)
        try:
            return self.model.model_validate(values)
        except PydanticValidationError as exc:
            raise ValidationError.from_pydantic(exc, prefix="inputs.") from None

    def show_validation_error(self, exc: ValidationError) -> None:
        """Put each problem of ``exc`` (``inputs.<field>...: message``) next to its field."""
        problems = exc.details.get("problems") or [f"{exc.field or 'inputs'}: {exc.message}"]
        per_field: dict[str, list[str]] = {}
        general: list[str] = []
        for problem in problems:
            path, _, message = str(problem).partition(": ")
            parts = path.removeprefix("inputs.").split(".")
            name = parts[0]
            if name not in self.fields:
                general.append(str(problem))
                continue
            where = _position(parts[1:], self.fields[name])
            per_field.setdefault(name, []).append(f"{name}{where}: {message or exc.message}")
        for name, messages in per_field.items():
            self.fields[name].show_error("\n".join(messages))
        named = ", ".join(field_label(name) for name in per_field)
        lines = []
        if per_field:
            count = len(per_field)
            lines.append(f"{count} field{'s' if count > 1 else ''} need{'' if count > 1 else 's'} attention: {named}")
        lines += general
        self.summary.show("\n".join(lines) or exc.message, "error")


def _position(rest: list[str], editor: FieldEditor) -> str:
    """`` (row 2, target)`` for ``["1", "target"]``: list positions counted from 1."""
    words = []
    for part in rest:
        if part.isdigit():
            noun = "row" if type(editor).__name__ == "RowsEditor" else "item"
            words.append(f"{noun} {int(part) + 1}")
        else:
            words.append(part)
    return f" ({', '.join(words)})" if words else ""


def inputs_form(module: str, *, campaign: str, services: Services | None = None) -> InputsForm:
    """The form of ``module`` for ``campaign``, pre-filled as a generation would start."""
    from ..generation import prepare_inputs
    from ..modules import get_module
    from .services import default_services

    services = services or default_services()
    spec = get_module(module)
    values = prepare_inputs(services.workspace, campaign, module)
    return InputsForm(spec.input_model, values, validator=spec.validate_inputs, title=f"{spec.info.title}: inputs")
