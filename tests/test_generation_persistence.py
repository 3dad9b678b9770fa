"""How ``generate()`` stores a generation: the run, its deliverables and its call log in one transaction."""

from __future__ import annotations

import pytest
from fixtures_store import make_campaign
from sqlalchemy import event

from aicmo_kernel import workflow
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.generation import generate
from aicmo_kernel.schemas import create_success_envelope


class DiskFull(Exception):
    pass


def test_a_failing_call_log_leaves_no_run_and_no_deliverables(workspace, llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    seed_demo(workspace)
    runs_before = len(workspace.list_runs("demo"))

    def fail_on_call_log(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO CALL_LOG"):
            raise DiskFull("no space left on device")

    event.listen(workspace.engine, "before_cursor_execute", fail_on_call_log)
    try:
        with pytest.raises(DiskFull):
            generate(workspace, "demo", "intake", use_cache=False)
    finally:
        event.remove(workspace.engine, "before_cursor_execute", fail_on_call_log)

    assert len(workspace.list_runs("demo")) == runs_before
    assert workspace.list_deliverables("demo", "intake") == []
    assert workspace.list_calls() == []
    assert not [a for a in workspace.audit_log() if a.action in ("run.recorded", "deliverable.generated")]

    result = generate(workspace, "demo", "intake", use_cache=False)  # the next try stores all three
    assert result.ok, result.envelope.error
    [call] = workspace.list_calls(result.run_id)
    assert call.trace_id == result.envelope.meta.trace_id and call.status == "ok"
    assert len(workspace.list_deliverables("demo", "intake")) == len(result.envelope.deliverables)


def test_record_generation_logs_the_attempts_that_reached_a_provider(workspace):
    campaign = make_campaign(workspace).name
    envelope = create_success_envelope("intake", [{"kind": "document", "title": "Summary",
                                                   "content_markdown": "# Summary\n\nConcrete text."}],
                                       provider="anthropic", model="claude", tokens_in=10, tokens_out=20)
    attempts = [
        {"provider": "openai", "model": "gpt", "status": "error", "error_type": "RATE_LIMIT", "latency_ms": 3.0},
        {"provider": "offline", "model": "offline-composer", "status": "skipped"},
        {"provider": "anthropic", "model": "claude", "status": "ok", "tokens_in": 10, "tokens_out": 20},
    ]
    run = workflow.record_generation(workspace, campaign=campaign, module="intake", inputs={}, envelope=envelope,
                                     attempts=attempts, prompt_hash="sha256:abc", latency_ms=9.0, actor="analyst",
                                     log_calls=True)
    calls = workspace.list_calls(run.id)
    assert [(c.provider, c.status, c.error_type) for c in calls] == [
        ("openai", "error", "RATE_LIMIT"), ("anthropic", "ok", None)]
    assert {c.trace_id for c in calls} == {envelope.meta.trace_id}
    assert calls[1].tokens_out == 20 and calls[0].prompt_hash == "sha256:abc"


def test_a_run_is_never_recorded_twice(workspace):
    """The same run id again (a retried write, a provider reusing ids) is refused, naming the run,
    and the first one stands with its drafts."""
    from fixtures_store import item

    from aicmo_kernel.errors import ConflictError

    campaign = make_campaign(workspace).name
    envelope = create_success_envelope("intake", [item("Brief summary")], provider="offline", model="offline-composer",
                                       tokens_in=1, tokens_out=1, cost_usd=0.0)
    kwargs = {"campaign": campaign, "module": "intake", "inputs": {}, "envelope": envelope,
              "attempts": [{"provider": "offline", "status": "ok"}], "prompt_hash": "sha256:abc", "latency_ms": 1.0,
              "actor": "analyst"}
    first = workflow.record_generation(workspace, **kwargs)
    with pytest.raises(ConflictError, match=f"Run {first.id!r} is already recorded"):
        workflow.record_generation(workspace, **kwargs)
    assert [run.id for run in workspace.list_runs(campaign)] == [first.id]
    assert [d.title for d in workspace.list_deliverables(campaign, "intake")] == ["Brief summary"]
