"""``workflow.module_state``, the runner's cheap question, answers as ``module_status`` does in
every state (issue 15)."""

from __future__ import annotations

from fixtures_store import approve_all, generate, make_campaign

from aicmo_kernel import workflow as wf
from aicmo_kernel.schemas import create_failed_envelope


def states(ws, campaign, module):
    return wf.module_state(ws, campaign, module), wf.module_status(ws, campaign, module)["state"]


def test_module_state_is_module_statuss_state(workspace):
    campaign = make_campaign(workspace).name
    assert states(workspace, campaign, "intake") == ("not_started", "not_started")
    wf.record_generation(workspace, campaign=campaign, module="intake", inputs={}, envelope=create_failed_envelope(
        "intake", "TIMEOUT", "too slow"), attempts=[], prompt_hash="h", latency_ms=5, actor="analyst")
    assert states(workspace, campaign, "intake") == ("failed", "failed")
    generate(workspace, campaign, "intake")
    assert states(workspace, campaign, "intake") == ("in_review", "in_review")
    approve_all(workspace, campaign, "intake")
    assert states(workspace, campaign, "intake") == ("approved", "approved")
    generate(workspace, campaign, "strategy")
    approve_all(workspace, campaign, "strategy")
    generate(workspace, campaign, "intake")  # a new intake: strategy's approvals were based on the old one
    approve_all(workspace, campaign, "intake")
    assert states(workspace, campaign, "strategy") == ("needs_review", "needs_review")
