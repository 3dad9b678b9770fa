"""Generation end to end: the real SDKs over HTTP to the loopback server, stored in a workspace."""

from __future__ import annotations

import pytest

from aicmo_kernel import workflow
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.errors import GateError, ValidationError
from aicmo_kernel.generation import generate
from aicmo_kernel.store import Workspace
from aicmo_kernel.testing.llm_server import LoopbackLLMServer

from fixtures_llm import ANTHROPIC_PATH, FAKE_ANTHROPIC_KEY, FAKE_OPENAI_KEY, OPENAI_PATH


@pytest.fixture
def ws():
    with Workspace.open() as workspace:
        seed_demo(workspace)
        yield workspace


def _approve_module(ws: Workspace, module: str) -> None:
    for item in ws.list_deliverables(campaign="demo", module=module):
        workflow.approve(ws, item.id, version=item.current_version, reviewer="rita")


@pytest.mark.parametrize(
    ("primary", "expected_provider", "path"),
    [("openai", "openai", OPENAI_PATH), ("anthropic", "anthropic", ANTHROPIC_PATH)],
)
def test_intake_through_each_sdk(ws, llm_env, monkeypatch, primary, expected_provider, path):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", primary)
    result = generate(ws, "demo", "intake")
    assert result.ok, result.envelope.error
    meta = result.envelope.meta
    assert meta.provider.startswith(expected_provider)
    assert meta.tokens_used["in"] > 0 and meta.tokens_used["out"] > 0
    assert llm_env.request_count(path) == 1
    brand = ws.get_campaign("demo").brand
    assert brand in llm_env.last_request.prompt_text  # the brief reached the model
    stored = ws.list_deliverables(campaign="demo", module="intake")
    assert {d.state for d in stored} == {"draft"} and len(stored) == len(result.envelope.deliverables)
    calls = ws.list_calls(result.run_id)
    assert [c.provider for c in calls] == [meta.provider]


def test_openai_compatible_server_is_labelled_as_such(ws, llm_server, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("OPENAI_BASE_URL", llm_server.openai_base_url)
    monkeypatch.setenv("AICMO_OPENAI_MODEL", "llama3.1:8b")
    result = generate(ws, "demo", "intake")
    assert result.ok, result.envelope.error
    assert result.envelope.meta.provider == "openai-compatible"
    assert result.envelope.meta.model == "llama3.1:8b"
    assert llm_server.requests[-1].body["model"] == "llama3.1:8b"


def test_strategy_prompt_carries_the_full_approved_intake(ws, llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "offline")
    assert generate(ws, "demo", "intake").ok
    _approve_module(ws, "intake")
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    assert generate(ws, "demo", "strategy").ok
    prompt = llm_env.last_request.prompt_text
    for item in ws.list_deliverables(campaign="demo", module="intake"):
        assert item.content_markdown.strip() in prompt


def test_failing_primary_falls_back_and_both_attempts_are_recorded(ws, monkeypatch):
    with LoopbackLLMServer(default="server_error") as broken, LoopbackLLMServer() as healthy:
        monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", broken.openai_base_url)
        monkeypatch.setenv("ANTHROPIC_API_KEY", FAKE_ANTHROPIC_KEY)
        monkeypatch.setenv("ANTHROPIC_BASE_URL", healthy.anthropic_base_url)
        monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
        monkeypatch.setenv("AICMO_LLM_FALLBACK_PROVIDERS", "anthropic")
        result = generate(ws, "demo", "intake")
    assert result.ok
    assert result.envelope.meta.provider == "anthropic"
    failed = [a for a in result.attempts if a["status"] == "failed"]
    assert failed and failed[0]["provider"].startswith("openai")
    assert failed[0]["error_type"] == "PROVIDER_ERROR"
    assert result.attempts[-1]["provider"] == "anthropic" and result.attempts[-1]["status"] == "ok"
    run = ws.get_run(result.run_id)
    assert [a["provider"] for a in run.attempts] == [a["provider"] for a in result.attempts]
    assert {c.provider for c in ws.list_calls(result.run_id)} >= {"anthropic"}


def test_every_provider_failing_gives_a_typed_failed_run(ws, monkeypatch):
    with LoopbackLLMServer(default="rate_limit") as limited:
        monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", limited.openai_base_url)
        monkeypatch.setenv("AICMO_LLM_MAX_RETRY_AFTER", "0.2")
        result = generate(ws, "demo", "intake")
    assert not result.ok
    error = result.envelope.error
    assert error.type == "RATE_LIMIT" and error.trace_id == result.envelope.meta.trace_id
    assert result.envelope.deliverables == []
    run = ws.get_run(result.run_id)
    assert run.status == "FAILED"
    assert ws.list_deliverables(campaign="demo", module="intake") == []
    assert workflow.module_status(ws, "demo", "intake")["state"] == "failed"


def test_paid_failure_is_not_silently_replaced_by_offline(ws, monkeypatch):
    with LoopbackLLMServer(default="server_error") as broken:
        monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
        monkeypatch.setenv("OPENAI_BASE_URL", broken.openai_base_url)
        result = generate(ws, "demo", "intake")
    assert not result.ok
    assert "offline" not in {a["provider"] for a in result.attempts}


def test_offline_generation_is_labelled_and_deterministic(ws):
    first = generate(ws, "demo", "intake")
    second = generate(ws, "demo", "intake")
    assert first.envelope.meta.provider == second.envelope.meta.provider == "offline"
    assert [d.content_markdown for d in first.envelope.deliverables] == [
        d.content_markdown for d in second.envelope.deliverables
    ]
    # the second generation supersedes the first; the first run stays on record
    assert len(ws.list_runs("demo", "intake")) == 2
    assert len(ws.list_deliverables(campaign="demo", module="intake")) == len(second.envelope.deliverables)


def test_gate_and_bad_inputs_raise_before_anything_is_written(ws):
    with pytest.raises(GateError) as gate:
        generate(ws, "demo", "strategy")
    assert "intake" in str(gate.value)
    with pytest.raises(ValidationError) as bad:
        generate(ws, "demo", "intake", {"budget": -5})
    assert bad.value.field and "budget" in bad.value.field
    assert ws.list_runs("demo") == []
