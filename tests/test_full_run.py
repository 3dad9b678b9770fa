"""The demo campaign through all nine modules, offline and through both SDKs to the loopback server."""

from __future__ import annotations

import pytest

from aicmo_kernel import workflow
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.modules import module_names
from aicmo_kernel.runner import run_campaign
from aicmo_kernel.store import Workspace


@pytest.mark.parametrize(("primary", "label"), [("openai", "openai-compatible"), ("anthropic", "anthropic")])
def test_all_nine_modules_through_each_sdk(llm_env, monkeypatch, primary, label):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", primary)
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "10")
    with Workspace.open() as ws:
        seed_demo(ws)
        report = run_campaign(ws, "demo", autonomy="full")
        generated = [s for s in report.steps if s["action"] == "generated"]
        assert [s["module"] for s in generated] == module_names()
        assert {s["status"] for s in generated} == {"SUCCESS"}
        assert {s["provider"] for s in generated} == {label}
        states = {row["module"]: row["state"] for row in workflow.campaign_status(ws, "demo")}
        assert all(states[m] == "approved" for m in module_names() if m != "learn")
        # The model proposed brand-memory rules: those wait for a person, whatever the policy.
        assert report.stopped_at == "learn" and "needs a person" in report.reason
        waiting = [d for d in ws.list_deliverables(campaign="demo", module="learn") if d.state != "approved"]
        assert [d.kind for d in waiting] == ["memory_rules"]
    assert llm_env.request_count() == len(module_names())
