"""The notebooks as files: committed clean, thin, one per module; running all cells changes nothing.

nbval (``pytest notebooks --nbval-lax``, see aicmo_kernel/testing/nbval_workspace.py) runs them WITH the self-test;
here they run without it, in a real kernel, and must leave the workspace exactly as it was.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import nbformat
import pytest

from aicmo_kernel.modules import MODULES

pytest_plugins = ["test_ui_support"]

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
MODULE_NOTEBOOKS = {info.name: NOTEBOOKS / f"{info.order:02d}_{info.name}.ipynb" for info in MODULES}
ALL_NOTEBOOKS = sorted(NOTEBOOKS.glob("*.ipynb"))
MAX_CODE_LINES = 4
SELFTEST_CALL = re.compile(r"^ui\.selftest\.maybe_drive_\w+\((panel|queue|picker)\)$", re.MULTILINE)


def _read(path: Path) -> Any:
    return nbformat.read(path, as_version=4)


def _code(nb: Any) -> list[str]:
    return [cell.source for cell in nb.cells if cell.cell_type == "code"]


def test_the_eleven_notebooks_are_there():
    names = {path.stem for path in ALL_NOTEBOOKS}
    assert names == {"00_campaign", "review", *(path.stem for path in MODULE_NOTEBOOKS.values())}
    assert len(names) == 11


@pytest.mark.parametrize("module", [info.name for info in MODULES])
def test_every_module_in_the_registry_has_its_notebook(module):
    assert MODULE_NOTEBOOKS[module].is_file(), f"no notebook for {module}: {MODULE_NOTEBOOKS[module].name}"


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs_and_valid(path):
    nb = _read(path)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a cell has outputs"
            assert cell.execution_count is None, f"{path.name}: a cell has an execution count"
        assert "trusted" not in cell.metadata and "execution" not in cell.metadata


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: p.stem)
def test_cells_are_thin_calls_into_the_kernel(path):
    nb = _read(path)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    for source in _code(nb):
        lines = [line for line in source.splitlines() if line.strip()]
        assert len(lines) <= MAX_CODE_LINES, f"{path.name}: a code cell of {len(lines)} lines:\n{source}"
        for word in ("def ", "class ", "for ", "while ", "import os", "approve(", "generate("):
            assert word not in source, f"{path.name}: {word.strip()!r} in a cell (logic belongs in aicmo_kernel)"
    last = nb.cells[-1]
    assert last.cell_type == "code" and SELFTEST_CALL.search(last.source), f"{path.name}: no self-test cell at the end"
    assert sum(bool(SELFTEST_CALL.search(source)) for source in _code(nb)) == 1


@pytest.mark.parametrize("module", [info.name for info in MODULES])
def test_module_notebook_has_the_five_cells_of_its_module(module):
    nb = _read(MODULE_NOTEBOOKS[module])
    code = _code(nb)
    assert f'ui.module_panel("{module}")' in code[0], "the panel follows the picker: no campaign is hard-wired"
    assert code[1:6] == ["panel.inputs", "panel.generate_bar", "panel.editors", "panel.approval", "panel.exports"]
    intro = nb.cells[0].source
    assert "Needs approved first" in intro and "You give" in intro
    for upstream in next(info for info in MODULES if info.name == module).upstream:
        assert f"**{upstream}**" in intro, f"{module}: the introduction does not say it needs {upstream}"


def test_review_and_campaign_notebooks_open_their_widgets():
    assert "ui.review_queue()" in _code(_read(NOTEBOOKS / "review.ipynb"))[0]
    assert "ui.campaign_picker()" in _code(_read(NOTEBOOKS / "00_campaign.ipynb"))[0]


# ---------------------------------------------------------------------------- running all cells


def _snapshot(home: Path) -> dict[str, int]:
    """Row counts of every table, plus the deliverables' states and versions."""
    from sqlalchemy import inspect, text

    from aicmo_kernel.store import Workspace

    with Workspace.open() as ws, ws.engine.connect() as connection:
        tables = [t for t in inspect(connection).get_table_names() if t != "alembic_version"]
        counts = {t: connection.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar_one() for t in tables}
        states = connection.execute(text("SELECT state, current_version FROM deliverables ORDER BY id")).all()
    counts["states"] = hash(tuple(map(tuple, states)))
    return counts


def _run_all_cells(path: Path) -> Any:
    from nbclient import NotebookClient

    nb = _read(path)
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb


def _seed(generate_and_approve: tuple[str, ...] = (), drafts: tuple[str, ...] = ()) -> None:
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.generation import generate
    from aicmo_kernel.store import Workspace
    from aicmo_kernel.workflow import approve

    with Workspace.open() as ws:
        seed_demo(ws)
        for module in (*generate_and_approve, *drafts):
            assert generate(ws, "demo", module).ok
            if module in generate_and_approve:
                for item in ws.list_deliverables("demo", module):
                    approve(ws, item.id, version=item.current_version, reviewer="rita")


@pytest.mark.slow
@pytest.mark.parametrize(("name", "approved", "drafts"), [
    ("03_creatives", ("intake", "strategy"), ()),  # Generate could run: upstream approved
    ("review", ("intake",), ("strategy",)),         # Approve could run: drafts wait in the queue
    ("00_campaign", (), ()),                        # Create could run
])
def test_running_all_cells_without_the_self_test_changes_nothing(name, approved, drafts, isolated_env, monkeypatch):
    monkeypatch.delenv("AICMO_NOTEBOOK_SELFTEST", raising=False)
    monkeypatch.delenv("AICMO_CAMPAIGN", raising=False)
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "offline")
    _seed(approved, drafts)
    before = _snapshot(isolated_env)
    assert before["runs"] == len(approved) + len(drafts)

    nb = _run_all_cells(NOTEBOOKS / f"{name}.ipynb")

    assert _snapshot(isolated_env) == before
    outputs = [output for cell in nb.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    assert "Traceback" not in str(outputs)
    assert nb.cells[-1].outputs == [], "the self-test cell showed something without the variable"


@pytest.mark.slow
def test_a_broken_database_shows_a_readable_message_with_a_trace_id(isolated_env, monkeypatch):
    monkeypatch.delenv("AICMO_NOTEBOOK_SELFTEST", raising=False)
    monkeypatch.setenv("AICMO_DATABASE_URL", "postgresql+psycopg://nobody:secret-pw@127.0.0.1:9/none")

    nb = _run_all_cells(NOTEBOOKS / "review.ipynb")

    outputs = [output for cell in nb.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "Cannot use the workspace database" in shown and "trace id: <code>" in shown
    assert "Traceback" not in str(outputs) and "secret-pw" not in str(outputs)


# ---------------------------------------------------------------------------- what the cells rely on


def test_panels_start_on_the_campaign_named_by_aicmo_campaign(ws, services, monkeypatch):
    from aicmo_kernel.ui import module_panel

    ws.create_campaign(ws.list_campaigns()[0].brand, "second")
    monkeypatch.setenv("AICMO_CAMPAIGN", "second")
    assert module_panel("intake", services=services).campaign == "second"
    monkeypatch.delenv("AICMO_CAMPAIGN")
    assert module_panel("intake", services=services).campaign == "demo"  # the first campaign


def test_a_panel_that_cannot_open_says_why_with_a_trace_id(isolated_env, monkeypatch):
    from aicmo_kernel import ui

    monkeypatch.setenv("AICMO_DATABASE_URL", "postgresql+psycopg://nobody:secret-pw@127.0.0.1:9/none")
    for shown in (ui.module_panel("creatives"), ui.review_queue(), ui.campaign_picker()):
        assert isinstance(shown, ui.UnavailablePanel)
        page = shown._repr_html_()
        assert "Cannot use the workspace database" in page and shown.trace_id in page and "secret-pw" not in page
    panel = ui.module_panel("creatives")
    assert all(not hasattr(getattr(panel, part), "_repr_html_") for part in ui.UnavailablePanel.PARTS)
    monkeypatch.setenv("AICMO_NOTEBOOK_SELFTEST", "1")
    with pytest.raises(AssertionError, match=f"could not be built: Cannot use .*trace id {panel.trace_id}"):
        ui.selftest.maybe_drive_module_panel(panel)


def test_dict_inputs_get_one_box_per_key():
    from aicmo_kernel.modules import get_module
    from aicmo_kernel.ui import InputsForm

    spec = get_module("execution")  # posts_per_week: dict[Channel, int], posting_times: dict[Channel, HH:MM]
    form = InputsForm(spec.input_model, validator=spec.validate_inputs)
    editor = form.fields["posts_per_week"]
    editor.set({"linkedin": 2, "x": 3})
    assert editor.boxes["linkedin"].value == "2" and editor.boxes["email"].value == ""
    editor.boxes["x"].value = "lots"
    form.fields["posting_times"].set({"linkedin": "09:00", "x": "12:30"})
    assert form.validate() is None
    assert "posts_per_week (x)" in form.errors["posts_per_week"] and "posting_times" not in form.errors
    editor.boxes["x"].value = " 4 "
    form.fields["start_date"].set("2027-03-01")
    validated = form.validate()
    assert validated is not None, form.errors
    assert validated.posts_per_week == {"linkedin": 2, "x": 4}


def test_the_campaign_self_test_creates_a_campaign_and_goes_back(ws, services):
    from aicmo_kernel.ui import campaign_picker, selftest

    picker = campaign_picker(services)
    first = selftest.drive_campaign_picker(picker)
    second = selftest.drive_campaign_picker(picker)
    assert (first["created"], second["created"]) == ("notebook-selftest", "notebook-selftest-1")
    assert picker.value == "demo" and len(ws.list_campaigns(selftest.SELFTEST_BRAND)) == 2


def test_the_review_self_test_reopens_an_approved_item_when_nothing_waits(ws, services):
    from fixtures_store import approve_all, generate

    from aicmo_kernel.ui import review_queue, selftest

    generate(ws, "demo", "intake")
    approve_all(ws, "demo", "intake")
    assert selftest.drive_review_queue(review_queue(services))["waiting"] == 0
    summary = selftest.drive_review_queue(review_queue(services), reopen_if_empty=True)
    assert summary["reopened"] == summary["sent_back"]
    reopened = ws.get_deliverable(summary["reopened"])
    assert reopened.state == "changes_requested" and reopened.current_version == 2
