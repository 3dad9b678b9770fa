"""The delivery module: the client pack's facts, checklist and refusals, on the demo campaign
taken through intake, strategy, creatives and execution with the offline provider."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from aicmo_kernel import workflow
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.errors import GateError, ValidationError, WorkflowError
from aicmo_kernel.export import build_client_pack
from aicmo_kernel.export import preflight as preflight_module
from aicmo_kernel.generation import generate
from aicmo_kernel.modules import get_module
from aicmo_kernel.providers.offline import OfflineProvider
from aicmo_kernel.qc import CHECKS, QCIssue, register_check
from aicmo_kernel.store import Workspace

UPSTREAM = ("intake", "strategy", "creatives", "execution")
OFFLINE = OfflineProvider()


def generate_and_approve(ws: Workspace, module: str, inputs: dict[str, Any] | None = None) -> Any:
    result = generate(ws, "demo", module, inputs, provider=OFFLINE)
    assert result.ok, result.envelope.error
    for item in ws.list_deliverables("demo", module):
        if item.state != "approved":
            workflow.approve(ws, item.id, version=item.current_version, reviewer="rita")
    return result


def build_demo_workspace(url: str, *, delivery: bool = True) -> Workspace:
    """The demo campaign with intake..execution approved (and delivery, unless told not to)."""
    ws = Workspace.open(url)
    seed_demo(ws)
    for module in UPSTREAM:
        generate_and_approve(ws, module)
    if delivery:
        generate_and_approve(ws, "delivery")
    return ws


@pytest.fixture
def demo_ws(isolated_env) -> Iterator[Workspace]:
    ws = build_demo_workspace(f"sqlite:///{isolated_env / 'workspace.sqlite'}", delivery=False)
    yield ws
    ws.close()


def delivery_items(ws: Workspace) -> dict[str, Any]:
    return {d.kind: d for d in ws.list_deliverables("demo", "delivery")}


def approved_upstream_ids(ws: Workspace) -> list[str]:
    return [d.id for d in ws.list_deliverables("demo") if d.module != "delivery" and d.state == "approved"]


def test_delivery_produces_summary_checklist_and_contents(demo_ws):
    result = generate_and_approve(demo_ws, "delivery")
    kinds = [d.kind for d in result.envelope.deliverables]
    assert kinds == ["executive_summary", "preflight_checklist", "client_pack"]
    assert result.envelope.meta.provider == "offline"
    items = delivery_items(demo_ws)
    pack_meta = items["client_pack"].metadata
    expected = approved_upstream_ids(demo_ws)
    assert pack_meta["selection"]["deliverable_ids"] == expected
    assert [i["id"] for i in pack_meta["items"]] == expected
    assert all(i["approved_by"] == "rita" and i["version"] == 1 for i in pack_meta["items"])
    assert pack_meta["branding"]["agency_name"].startswith("Northlight Studio")
    assert set(pack_meta["formats"]) == {"md", "html", "docx", "pdf", "json", "zip"}
    # The table of contents lists every item with its version and approver.
    contents = items["client_pack"].content_markdown
    for item in pack_meta["items"]:
        assert item["title"].replace("|", "\\|") in contents
    assert contents.count("| rita |") == len(expected)


def test_checklist_is_computed_by_code_and_passes_on_the_demo(demo_ws):
    generate_and_approve(demo_ws, "delivery")
    checklist = delivery_items(demo_ws)["preflight_checklist"]
    checks = {c["check"]: c for c in checklist.metadata["checks"]}
    assert set(checks) == {"approved", "qc", "placeholders", "branding", "model_written"}
    # The demo's drafts are the offline composer's: the advisory model_written check warns.
    assert all(c["passed"] for name, c in checks.items() if name != "model_written"), checks
    assert not checks["model_written"]["passed"] and not checks["model_written"]["blocking"]
    assert checklist.metadata["passed"] is True
    assert checklist.content_markdown.count("| PASS |") == 4 and "| WARNING |" in checklist.content_markdown
    assert "every blocking check passes" in checklist.content_markdown


def test_executive_summary_is_grounded_and_invents_no_numbers(demo_ws):
    generate_and_approve(demo_ws, "delivery")
    summary = delivery_items(demo_ws)["executive_summary"].content_markdown
    assert "Rotaly" in summary and "Get your Sunday evening back" in summary
    assert "free-trial sign-ups: 120" in summary  # KPI targets exactly as given
    assert "## Next steps" in summary and "2027-03-01" in summary  # the calendar's start date
    # Every number is one the approved deliverables hold, or a count of the pack's items.
    known = set()
    for item in demo_ws.list_deliverables("demo"):
        if item.module != "delivery":
            known |= set(re.findall(r"\d[\d,.]*\d|\d", item.content_markdown))
    counts = {str(len(approved_upstream_ids(demo_ws)))} | {
        str(len(demo_ws.list_deliverables("demo", m))) for m in UPSTREAM
    }
    numbers = set(re.findall(r"\d[\d,.]*\d|\d", summary.replace("2027-03-01", "").replace("2027-05-23", "")))
    assert numbers - known - counts - {"1", "2", "3", "4", "5", "6"} == set()  # list numbering aside


def test_offline_summary_is_deterministic(demo_ws):
    spec = get_module("delivery")
    record = demo_ws.get_campaign("demo")
    brand = demo_ws.get_brand(record.brand_id).model_dump(mode="json")
    campaign = record.model_dump(mode="json")
    upstream = workflow.approved_upstream(demo_ws, "demo", "delivery")
    inputs = spec.validate_inputs({"agency_name": "Northlight Studio"})
    facts = spec.prepare_facts(inputs, brand=brand, campaign=campaign, upstream=upstream, workspace=demo_ws)
    request = spec.build_request(inputs, brand=brand, campaign=campaign, upstream=upstream, facts=facts)
    first = spec.compose_offline(request.context)
    second = spec.compose_offline(request.context)
    assert first == second
    # The prompt carries the pack's facts (approved content in full) and the prompt version.
    assert f"Prompt template: {spec.prompt_template.removesuffix('.md')}" in request.prompt
    assert json.dumps(facts["items"][0]["content_markdown"], ensure_ascii=False)[1:80] in request.prompt


def test_selection_by_module_rebuilds_the_same_pack(demo_ws):
    generate_and_approve(demo_ws, "delivery", {"modules": ["intake"], "formats": ["md"]})
    meta = delivery_items(demo_ws)["client_pack"].metadata
    assert {i["module"] for i in meta["items"]} == {"intake"}
    pack = build_client_pack(demo_ws, "demo", formats=["md"])
    assert [i.id for i in pack.items] == meta["selection"]["deliverable_ids"]
    assert pack.document.executive_summary is not None
    assert list(pack.files) == ["demo-client-pack.md"]


def test_a_selected_item_that_is_not_approved_refuses_the_run_naming_it(demo_ws):
    from aicmo_kernel.schemas import create_success_envelope

    # A leadgen draft (not part of delivery's gate) selected by id.
    envelope = create_success_envelope("leadgen", [{"kind": "lead_list", "title": "Scored leads",
                                                    "content_markdown": "Scored leads for the Midlands."}],
                                       provider="offline", model="offline-composer")
    workflow.record_generation(demo_ws, campaign="demo", module="leadgen", inputs={}, envelope=envelope,
                               attempts=[], prompt_hash="x", latency_ms=1.0, actor="analyst")
    draft = demo_ws.list_deliverables("demo", "leadgen")[0]
    result = generate(demo_ws, "demo", "delivery", {"deliverable_ids": [draft.id]}, provider=OFFLINE)
    assert result.envelope.status == "FAILED"
    assert result.envelope.error.type == "VALIDATION_ERROR"
    message = result.envelope.error.message
    assert "leadgen / 'Scored leads' (draft)" in message
    assert demo_ws.list_deliverables("demo", "delivery") == []  # nothing half-made


def test_needs_review_items_are_refused_with_the_full_list(demo_ws):
    intake = demo_ws.list_deliverables("demo", "intake")[0]
    edited = workflow.edit(demo_ws, intake.id, intake.content_markdown + "\n\nConfirmed with the client.",
                           base_version=intake.current_version, editor="sam")
    workflow.approve(demo_ws, intake.id, version=edited.current_version, reviewer="rita")
    flagged = [d for d in demo_ws.list_deliverables("demo") if d.needs_review]
    assert flagged  # strategy (and later modules) now need a look
    spec = get_module("delivery")
    record = demo_ws.get_campaign("demo")
    with pytest.raises(WorkflowError) as caught:
        spec.prepare_facts({}, brand=demo_ws.get_brand(record.brand_id).model_dump(mode="json"),
                           campaign=record.model_dump(mode="json"), upstream={}, workspace=demo_ws)
    missing = caught.value.details["missing"]
    assert {m["id"] for m in missing} == {d.id for d in flagged}
    assert all(m["state"] == "needs_review" for m in missing)
    for item in flagged:
        assert f"{item.module} / {item.title!r} (needs review)" in caught.value.message


def test_pack_is_refused_at_export_time_when_an_item_changed_since(demo_ws):
    generate_and_approve(demo_ws, "delivery")
    post = next(d for d in demo_ws.list_deliverables("demo", "creatives") if d.kind == "x_post")
    workflow.edit(demo_ws, post.id, post.content_markdown.replace("Rotaly", "Rotaly,"),
                  base_version=post.current_version, editor="sam")
    with pytest.raises(WorkflowError) as caught:
        build_client_pack(demo_ws, "demo", formats=["md"])
    assert f"creatives / {post.title!r} (revised)" in caught.value.message
    assert caught.value.field == "selection"


def test_an_unapproved_executive_summary_refuses_the_pack(demo_ws):
    generate(demo_ws, "demo", "delivery", provider=OFFLINE)  # drafts, not approved
    with pytest.raises(WorkflowError) as caught:
        build_client_pack(demo_ws, "demo", formats=["json"])
    assert "delivery / 'Executive summary: Get your Sunday evening back' (draft)" in caught.value.message


def test_checklist_reports_qc_blockers_and_placeholders(demo_ws, monkeypatch):
    @register_check("test_only_blocker", description="test: blocks utm plans")
    def _blocker(ctx):
        if ctx.kind == "utm_plan":
            yield QCIssue(check_id="test_only_blocker", severity="blocker", message="blocked for the test")

    monkeypatch.setattr(preflight_module, "find_placeholders",
                        lambda text: ["marker"] if "Governance:" in text else [])
    try:
        generate_and_approve(demo_ws, "delivery", {"agency_name": ""})
    finally:
        CHECKS.pop("test_only_blocker", None)
    checks = {c["check"]: c for c in delivery_items(demo_ws)["preflight_checklist"].metadata["checks"]}
    assert checks["approved"]["passed"]
    assert not checks["qc"]["passed"] and "UTM plan" in checks["qc"]["details"]
    assert not checks["placeholders"]["passed"] and "Governance" in checks["placeholders"]["details"]
    assert not checks["branding"]["passed"] and not checks["branding"]["blocking"]
    text = delivery_items(demo_ws)["preflight_checklist"].content_markdown
    assert "| FAIL |" in text and "| WARNING |" in text and "2 blocking checks fail" in text


def test_bad_branding_is_refused_naming_the_field(demo_ws):
    with pytest.raises(ValidationError) as caught:
        generate(demo_ws, "demo", "delivery", {"primary_colour": "red"}, provider=OFFLINE)
    assert caught.value.field == "inputs.primary_colour"
    with pytest.raises(ValidationError) as caught:
        generate(demo_ws, "demo", "delivery", {"agency_name": "<b>Agency</b>"}, provider=OFFLINE)
    assert caught.value.field == "inputs.agency_name"
    with pytest.raises(ValidationError) as caught:
        generate(demo_ws, "demo", "delivery", {"formats": ["pptx"]}, provider=OFFLINE)
    assert caught.value.field.startswith("inputs.formats")
    assert demo_ws.list_runs("demo", "delivery") == []
    spec = get_module("delivery")
    assert spec.validate_inputs({"accent_colour": "#abc"}).accent_colour == "#AABBCC"


def test_unknown_deliverable_id_is_named(demo_ws):
    result = generate(demo_ws, "demo", "delivery", {"deliverable_ids": ["nope123"]}, provider=OFFLINE)
    assert result.envelope.status == "FAILED"
    assert "nope123" in result.envelope.error.message


def test_delivery_gate_needs_execution(workspace):
    seed_demo(workspace)
    for module in ("intake", "strategy", "creatives"):
        result = generate(workspace, "demo", module, provider=OFFLINE)
        assert result.ok
        for item in workspace.list_deliverables("demo", module):
            workflow.approve(workspace, item.id, version=item.current_version, reviewer="rita")
    with pytest.raises(GateError) as caught:
        generate(workspace, "demo", "delivery", provider=OFFLINE)
    assert "execution" in caught.value.message


def test_a_long_upstream_is_condensed_in_the_prompt_only_and_the_run_says_so(demo_ws, monkeypatch):
    """The prompt stays within the module's context budget; the offline composer and the run's
    facts keep the whole upstream."""
    from aicmo_kernel.providers.base import LLMResult

    seen = []

    class Recording:
        name, model = "recording", "recorder-1"

        def unavailable_reason(self):
            return None

        def complete(self, request, *, progress=None, cancel=None):
            seen.append(request)
            data = request.compose_offline(request.context)
            return LLMResult(data=data, text="{}", provider=self.name, model=self.model)

    monkeypatch.setenv("AICMO_CONTEXT_BUDGET", "delivery=2000")
    result = generate(demo_ws, "demo", "delivery", provider=Recording())
    assert result.ok, result.envelope.error
    (request,) = seen
    whole = sum(len(str(item)) for items in request.context["upstream"].values() for item in items)
    assert len(request.prompt) < whole  # the prompt carries the condensed view
    assert request.context["condensed"] and any("condensed" in w.lower() or "left out" in w.lower()
                                                  for w in result.envelope.meta.warnings)
