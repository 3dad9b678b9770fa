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

Each family of editors has its own module, as ipywidgets has one a widget family: the base
(``form_field_base``), text (``form_text_fields``), choices (``form_choice_fields``), numbers and
dates (``form_number_fields``), rows and mappings (``form_row_fields``), CSV (``form_csv_fields``);
reading a field's type is ``form_field_types``. This module chooses among them.
"""

from __future__ import annotations

import datetime as dt
from typing import get_args, get_origin

import ipywidgets as widgets
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .form_choice_fields import ChoiceEditor, MultiChoiceEditor
from .form_csv_fields import (  # noqa: F401 - importable here too
    CsvPathEditor,
    CsvTextEditor,
    decode_csv,
    decode_workbook,
    preview_table,
)
from .form_field_base import FieldEditor, field_label
from .form_field_types import _choices, _constraint, _optional, _strip_annotated
from .form_number_fields import DateEditor, NumberEditor, OptionalNumberEditor
from .form_row_fields import MappingEditor, RowsEditor
from .form_text_fields import LinesEditor, TagsEditor, TextEditor

__all__ = ["FieldEditor", "field_editor", "field_label"]

_SHORT_ITEM = 200  # list items up to this max_length are tags; longer ones one per line


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
