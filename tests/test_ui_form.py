"""The inputs form: built from each module's input model, pre-filled, validated inline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

import ipywidgets as widgets
import pytest
from pydantic import BaseModel, ConfigDict, Field
from test_ui_support import approve_module

from aicmo_kernel.generation import prepare_inputs
from aicmo_kernel.ui import InputsForm, inputs_form
from aicmo_kernel.ui.form_fields import (
    ChoiceEditor,
    CsvPathEditor,
    CsvTextEditor,
    DateEditor,
    LinesEditor,
    MultiChoiceEditor,
    NumberEditor,
    OptionalNumberEditor,
    RowsEditor,
    TagsEditor,
    TextEditor,
)

pytest_plugins = ["test_ui_support"]


@pytest.mark.parametrize(
    ("module", "required", "expected_types"),
    [
        ("intake", {"client_name"}, {"offer": TextEditor, "objective": ChoiceEditor, "kpi_targets": RowsEditor,
                                     "budget": OptionalNumberEditor, "start_date": DateEditor,
                                     "banned_words": TagsEditor, "pain_points": LinesEditor}),
        ("strategy", {"campaign_name", "objectives", "channels"},
         {"channels": MultiChoiceEditor, "duration_weeks": NumberEditor, "objectives": LinesEditor}),
        ("creatives", {"theme", "key_message", "asset_types"},
         {"asset_types": MultiChoiceEditor, "count_per_type": NumberEditor, "key_message": TextEditor}),
    ],
)
def test_form_builds_with_required_marks_and_prefilled_values(ws, services, module, required, expected_types):
    if module in ("strategy", "creatives"):  # pre-fill reads approved upstream deliverables
        from aicmo_kernel.generation import generate

        for upstream in ("intake", "strategy")[: 1 if module == "strategy" else 2]:
            assert generate(ws, "demo", upstream).ok
            approve_module(ws, "demo", upstream)
    form = inputs_form(module, campaign="demo", services=services)
    marked = {name for name, editor in form.fields.items() if editor.label.endswith(" *")}
    assert marked == required
    for name, kind in expected_types.items():
        assert isinstance(form.fields[name], kind), name
    expected = prepare_inputs(ws, "demo", module)
    value = form.value
    for name, prefilled in expected.items():
        got = value[name]
        if isinstance(got, dt.date):
            got = got.isoformat()
        if name == "kpi_targets":
            got = [{**row, "target": float(row["target"])} for row in got]
            prefilled = [{"unit": "", **row, "target": float(row["target"])} for row in prefilled]
        if name in ("budget",):
            got, prefilled = float(got), float(prefilled)
        assert got == prefilled, name
    assert form.validate() is not None, form.errors


def test_long_fields_get_a_textarea_and_short_ones_a_text_box(services):
    form = inputs_form("intake", campaign="demo", services=services)
    assert isinstance(form.fields["offer"].input, widgets.Textarea)
    assert isinstance(form.fields["client_name"].input, widgets.Text)
    assert isinstance(form.fields["currency"].input, widgets.Text)
    assert isinstance(form.fields["start_date"].input, widgets.DatePicker)


def test_bad_values_show_inline_messages_naming_the_field_and_keep_every_value(services):
    form = inputs_form("intake", campaign="demo", services=services)
    form.fields["budget"].input.value = "-50"
    form.fields["client_name"].input.value = "<script>alert(1)</script>"
    form.fields["end_date"].input.value = dt.date(2027, 2, 1)  # before the start date
    offer_before = form.fields["offer"].input.value
    assert form.validate() is None
    errors = form.errors
    assert set(errors) == {"budget", "client_name", "end_date"}
    assert errors["budget"].startswith("budget:")
    assert "client_name" in errors["client_name"] and "HTML" in errors["client_name"]
    assert "start date" in errors["end_date"]
    assert "Budget" in form.summary.text and "3 fields" in form.summary.text
    # nothing the user typed is lost
    assert form.fields["budget"].input.value == "-50"
    assert form.fields["client_name"].input.value == "<script>alert(1)</script>"
    assert form.fields["offer"].input.value == offer_before
    # the message is escaped when shown
    assert "<script>" not in form.fields["client_name"].message.value
    form.fields["budget"].input.value = "6,000"
    form.fields["client_name"].input.value = "Rotaly"
    form.fields["end_date"].input.value = dt.date(2027, 5, 23)
    validated = form.validate()
    assert validated is not None and validated.budget == 6000 and form.errors == {}


def test_kpi_rows_add_remove_and_nested_errors_name_the_row(services):
    form = inputs_form("intake", campaign="demo", services=services)
    rows = form.fields["kpi_targets"]
    assert len(rows.rows) == 3
    rows.add_button.click()
    rows.rows[-1]["metric"].value = "demo bookings"
    rows.rows[-1]["target"].value = 40
    rows.add_button.click()  # a blank row is ignored, not an error
    assert form.validate() is not None
    assert form.value["kpi_targets"][-1] == {"metric": "demo bookings", "target": 40.0, "unit": ""}
    rows.rows[0]["metric"].value = "x" * 200
    assert form.validate() is None
    assert "row 1" in form.errors["kpi_targets"] and "metric" in form.errors["kpi_targets"]
    remove = rows.rows_box.children[0].children[-1]
    remove.click()
    assert len(rows.rows) == 4 and form.validate() is not None


def test_optional_number_blank_means_not_given(services):
    form = inputs_form("intake", campaign="demo", services=services)
    form.fields["budget"].input.value = ""
    assert form.value["budget"] is None
    assert form.validate().budget is None
    form.fields["budget"].input.value = "lots"
    assert form.validate() is None and "budget" in form.errors


class _DataInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    csv_text: str = Field(default="", max_length=100_000, description="performance data as CSV")
    period: Literal["weekly", "monthly"] = "weekly"
    min_score: int = Field(default=50, ge=0, le=100)


class _PathInputs(BaseModel):
    model_config = ConfigDict(extra="forbid")

    leads_csv_path: str = ""


def test_csv_upload_fills_csv_text_with_the_decoded_content(isolated_env):
    import datetime

    form = InputsForm(_DataInputs)
    editor = form.fields["csv_text"]
    assert isinstance(editor, CsvTextEditor)
    assert editor.help == "performance data as CSV" and editor.input.tooltip == "performance data as CSV"
    content = "date,platform,clicks\n2027-03-01,x,12\n2027-03-02,linkedin,7\n".encode("utf-8-sig")
    editor.upload.value = ({"name": "perf.csv", "type": "text/csv", "size": len(content),
                            "content": memoryview(content), "last_modified": datetime.datetime(2027, 3, 3)},)
    assert form.value["csv_text"].startswith("date,platform,clicks")  # BOM removed
    assert "2 data rows" in editor.upload_message.text
    editor.load_file("photo.csv", b"\x89PNG\x00\x00")
    assert "not a text CSV" in editor.error and form.value["csv_text"].startswith("date,")


def test_an_uploaded_workbook_fills_the_text_and_its_first_rows_show(isolated_env):
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Tag", "Kanal", "Klicks"], ["2027-03-01", "LinkedIn", 12], ["2027-03-02", "<b>x</b>", 7]):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    form = InputsForm(_DataInputs)
    editor = form.fields["csv_text"]
    assert ".xlsx" in editor.upload.accept
    editor.load_file("export.xlsx", buffer.getvalue())
    assert form.value["csv_text"].splitlines()[0] == "Tag,Kanal,Klicks"
    assert "2 data rows" in editor.upload_message.text
    preview = editor.preview.value
    assert "<th>Kanal</th>" in preview and "<td>LinkedIn</td>" in preview
    assert "&lt;b&gt;x&lt;/b&gt;" in preview and "<b>x</b>" not in preview  # cells are escaped
    editor.load_file("broken.xlsx", b"not a workbook")
    assert "not a readable XLSX workbook" in editor.error


def test_csv_path_upload_is_saved_in_the_workspace_and_its_path_filled(isolated_env):
    form = InputsForm(_PathInputs)
    editor = form.fields["leads_csv_path"]
    assert isinstance(editor, CsvPathEditor)
    editor.load_file("../../leads list.csv", b"name,email\nAna,ana@example.com\n")
    path = form.value["leads_csv_path"]
    assert path.startswith(str(isolated_env / "uploads")) and path.endswith("leads_list.csv")
    assert Path(path).read_bytes().startswith(b"name,email")
