"""Provider batch APIs through the real SDKs and the loopback server: OpenAI Batch (files, batch,
output and error files) and Anthropic Message Batches; partial failure, expiry and cancellation
under the chain's rules; batch prices; resuming without paying twice; `aicmo batch --provider-batch`
and `--status`."""

from __future__ import annotations

import json
import threading

import pytest
from click.testing import CliRunner
from fixtures_llm import OPENAI_PATH, Post, post_request

from aicmo_kernel.errors import GenerationCancelled, ProviderTimeout
from aicmo_kernel.providers.anthropic import AnthropicProvider
from aicmo_kernel.providers.base import CancelToken
from aicmo_kernel.providers.batch import (
    AnthropicBatchAPI,
    BatchingProvider,
    MemoryLedger,
    OpenAIBatchAPI,
)
from aicmo_kernel.providers.chain import ProviderChain
from aicmo_kernel.providers.openai import OpenAIProvider
from aicmo_kernel.providers.pricing import cost_of

BATCHES = "/v1/batches"
MESSAGE_BATCHES = "/v1/messages/batches"
FAST = {"gather_s": 0.05, "poll_s": 0.01}


def openai_sync(client):
    return OpenAIProvider(client=client, label="openai", model="gpt-4o-mini")


def anthropic_sync(client):
    return AnthropicProvider(client=client, model="claude-haiku-4-5")


def in_parallel(calls):
    """Run the zero-argument ``calls`` at once; their results (or exceptions) in order."""
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            results[index] = call()
        except Exception as exc:  # noqa: BLE001 - handed back to the test
            results[index] = exc

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.parametrize("api", ["openai", "anthropic"])
def test_concurrent_calls_go_out_as_one_batch_at_half_price(api, llm_server, openai_client, anthropic_client):
    sync = openai_sync(openai_client) if api == "openai" else anthropic_sync(anthropic_client)
    batch_api = OpenAIBatchAPI(sync) if api == "openai" else AnthropicBatchAPI(sync)
    llm_server.batch_polls = 2
    # a generous gathering window: on a busy machine three threads may start 100 ms apart
    provider = BatchingProvider(batch_api, gather_s=0.5, poll_s=0.01)
    prompts = [f"Brand: Acme {name}\nWrite one LinkedIn post." for name in ("Coffee", "Tea", "Cocoa")]
    results = in_parallel([lambda p=p: provider.complete(post_request(prompt=p)) for p in prompts])
    for result in results:
        assert not isinstance(result, Exception), result
        Post.model_validate(result.data)
        assert result.provider == sync.name and result.batch_id == provider.submitted[0]
        full = cost_of(sync.name, sync.model, result.tokens_in, result.tokens_out)[0]
        batch = cost_of(sync.name, sync.model, result.tokens_in, result.tokens_out, batch=True)[0]
        assert result.tokens_in > 0 and result.cost_usd == batch == pytest.approx(full / 2, rel=1e-3)
        assert any("batch price" in w for w in result.warnings)
    create = BATCHES if api == "openai" else MESSAGE_BATCHES
    assert llm_server.request_count(create) == 1 and len(provider.submitted) == 1
    answered = [r for r in llm_server.requests if r.method == "BATCH"]
    assert len(answered) == 3 and {r.prompt_text.split("\n")[1] for r in answered} >= {"Brand: Acme Coffee"}
    assert llm_server.request_count(OPENAI_PATH) == 0  # nothing went the synchronous way
    if api == "openai":
        assert llm_server.request_count("/v1/files") == 1


def _chain(batching, sync):
    return ProviderChain([batching, sync], max_retry_after=0)


def test_a_failed_request_in_a_batch_falls_back_to_a_synchronous_call(llm_server, openai_client):
    sync = openai_sync(openai_client)
    batching = BatchingProvider(OpenAIBatchAPI(sync), **FAST)
    chain = _chain(batching, sync)
    llm_server.enqueue("ok")
    llm_server.enqueue("server_error")  # the second request of the batch errors
    first, second = in_parallel([lambda: chain.complete(post_request(prompt="Brand: A\nOne post.")),
                                 lambda: chain.complete(post_request(prompt="Brand: B\nOne post."))])
    results = sorted([first, second], key=lambda r: len(r.attempts))
    assert [a.status for a in results[0].attempts] == ["ok"] and results[0].batch_id
    fallback = results[1]
    assert [(a.status, a.error_type, bool(a.batch_id)) for a in fallback.attempts] == [
        ("failed", "PROVIDER_ERROR", True), ("ok", None, False)]
    assert fallback.batch_id is None and fallback.cost_usd == pytest.approx(
        cost_of("openai", "gpt-4o-mini", fallback.tokens_in, fallback.tokens_out)[0])  # full price
    assert llm_server.request_count(OPENAI_PATH) == 1


def test_a_broken_answer_is_repaired_in_the_next_batch(llm_server, anthropic_client):
    sync = anthropic_sync(anthropic_client)
    batching = BatchingProvider(AnthropicBatchAPI(sync), **FAST)
    llm_server.enqueue("malformed_json")
    result = _chain(batching, sync).complete(post_request())
    Post.model_validate(result.data)
    assert [(a.status, a.error_type) for a in result.attempts] == [("failed", "CONTRACT_ERROR"), ("repaired", None)]
    assert len(batching.submitted) == 2 and [a.batch_id for a in result.attempts] == batching.submitted
    assert result.attempts[0].cost_usd > 0  # the broken answer was billed, at the batch price
    assert llm_server.request_count(MESSAGE_BATCHES) == 2 and llm_server.request_count("/v1/messages") == 0


@pytest.mark.parametrize("outcome, error_type", [("expired", "TIMEOUT"), ("cancelled", "PROVIDER_ERROR"),
                                                 ("failed", "PROVIDER_ERROR")])
def test_an_expired_cancelled_or_refused_batch_falls_back(outcome, error_type, llm_server, openai_client):
    sync = openai_sync(openai_client)
    batching = BatchingProvider(OpenAIBatchAPI(sync), **FAST)
    llm_server.enqueue_batch(outcome)
    result = _chain(batching, sync).complete(post_request())
    assert [(a.status, a.error_type) for a in result.attempts] == [("failed", error_type), ("ok", None)]
    assert result.attempts[0].cost_usd == 0  # nothing ran, nothing billed
    assert llm_server.request_count(OPENAI_PATH) == 1


def test_an_expired_request_with_nowhere_to_go_is_a_timeout(llm_server, anthropic_client):
    batching = BatchingProvider(AnthropicBatchAPI(anthropic_sync(anthropic_client)), **FAST)
    llm_server.enqueue("expired")
    with pytest.raises(ProviderTimeout, match="24-hour window"):
        batching.complete(post_request())


def test_cancelling_a_batch_through_the_api_cancels_its_requests(llm_server, anthropic_client):
    batching = BatchingProvider(AnthropicBatchAPI(anthropic_sync(anthropic_client)), **FAST)
    llm_server.batch_polls = 10_000
    outcome = in_parallel([lambda: batching.complete(post_request()),
                           lambda: _cancel_when_submitted(batching)])[0]
    assert isinstance(outcome, Exception) and "was cancelled" in str(outcome)


def _cancel_when_submitted(batching):
    for _ in range(400):
        if batching.submitted:
            return batching.api.cancel(batching.submitted[0])
        threading.Event().wait(0.01)
    raise AssertionError("no batch was submitted")


# -- stop and resume: nothing lost, nothing paid twice ----------------------------------------


def test_a_stopped_run_resumes_its_batch_without_submitting_again(llm_server, openai_client):
    ledger = MemoryLedger()
    sync = openai_sync(openai_client)
    llm_server.batch_polls = 10_000  # the provider is slow today
    first = BatchingProvider(OpenAIBatchAPI(sync), ledger, **FAST)
    cancel = CancelToken()
    outcome = in_parallel([lambda: first.complete(post_request(), cancel=cancel),
                           lambda: (threading.Event().wait(0.3), cancel.cancel())])[0]
    assert isinstance(outcome, GenerationCancelled) and len(first.submitted) == 1
    (row,) = ledger.requests.values()
    assert row["state"] == "pending" and not row["consumed"]

    llm_server.batch_polls = 1  # the next day: a new process, the same ledger
    second = BatchingProvider(OpenAIBatchAPI(openai_sync(openai_client)), ledger, **FAST)
    result = second.complete(post_request())
    Post.model_validate(result.data)
    assert second.submitted == [] and result.batch_id == first.submitted[0]
    assert llm_server.request_count(BATCHES) == 1
    assert len([r for r in llm_server.requests if r.method == "BATCH"]) == 1  # answered (and paid) once
    assert row["request_key"] == ledger.requests[row["custom_id"]]["request_key"]
    assert ledger.requests[row["custom_id"]]["consumed"]


def test_an_answer_already_in_the_workspace_is_taken_without_a_call(llm_server, openai_client, workspace):
    from aicmo_kernel.store.provider_batches import WorkspaceLedger, batch_summaries

    sync = openai_sync(openai_client)
    ledger = WorkspaceLedger(workspace)
    request = post_request()
    batching = BatchingProvider(OpenAIBatchAPI(sync), ledger, **FAST)
    ticket_result = batching.complete(request)  # a whole round trip, stored in the workspace
    (summary,) = batch_summaries(workspace)
    assert summary.states == {"succeeded": 1} and summary.taken == 1
    assert summary.cost_usd == pytest.approx(ticket_result.cost_usd)
    # The same request again is a new generation: it is not served a consumed answer.
    batching.complete(request)
    assert llm_server.request_count(BATCHES) == 2
    # An outcome stored but never taken (the process stopped just after the results came in):
    again = BatchingProvider(OpenAIBatchAPI(sync), ledger, **FAST)
    job = again.api.submit([("cid-stored", request)])
    ledger.record_batch(job.as_record(), [{"custom_id": "cid-stored", "request_key": _key(sync, request),
                                           "module": "creatives"}])
    ledger.save_outcomes(job.id, [{"custom_id": "cid-stored", "state": "succeeded",
                                   "text": json.dumps(ticket_result.data), "tokens_in": 10, "tokens_out": 20,
                                   "cache_read_tokens": 0, "cost_usd": 0.00001}])
    calls_before = len(llm_server.requests)
    result = again.complete(request)
    assert result.data == ticket_result.data and result.tokens_out == 20
    assert len(llm_server.requests) == calls_before  # not one request: the answer was in the workspace


def _key(sync, request):
    from aicmo_kernel.providers.batch import request_key

    return request_key(sync.name, sync.model, request)


# -- a whole batch of campaigns, from the command line ---------------------------------------


def test_aicmo_batch_provider_batch_runs_waves_across_campaigns(llm_env, monkeypatch):
    from test_batch import _copies

    from aicmo_kernel.cli import main
    from aicmo_kernel.modules import module_names
    from aicmo_kernel.store import Workspace
    from aicmo_kernel.store.provider_batches import batch_summaries

    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "anthropic")
    monkeypatch.setenv("AICMO_ANTHROPIC_MODEL", "claude-haiku-4-5")
    with Workspace.open() as ws:
        names = _copies(ws, 3)
    runner = CliRunner()
    result = runner.invoke(main, ["batch", "--provider-batch", "--autonomy", "full", "--poll-seconds", "0.02",
                                  "--gather-seconds", "1.0", "--no-cache"])  # room for a loaded machine
    assert result.exit_code in (0, 3), result.output
    assert llm_env.request_count("/v1/messages") == 0  # every call went through a batch
    with Workspace.open() as ws:
        summaries = batch_summaries(ws)
        from aicmo_kernel import workflow

        for name in names:
            states = {row["module"]: row["state"] for row in workflow.campaign_status(ws, name)}
            assert all(states[m] == "approved" for m in module_names() if m != "learn"), states
        runs = [run for name in names for run in ws.list_runs(name)]
        rows = _request_rows(ws)
    modules = len(module_names())
    assert sum(s.requests for s in summaries) == len(runs) == 3 * modules
    # A batch per wave of ready modules across the three campaigns (a wave whose calls straggle
    # past the gathering window may go out as two): far fewer batches than calls.
    assert len(summaries) <= modules and max(s.requests for s in summaries) >= 6, [s.requests for s in summaries]
    assert all(s.status == "ended" and s.taken == s.requests for s in summaries)
    for run in runs:  # batch requests carry no cache marks: nothing written at 1.25x
        assert run.cost_usd == pytest.approx(
            cost_of("anthropic", "claude-haiku-4-5", run.tokens_in, run.tokens_out, batch=True)[0])
    assert rows and not any(row["cache_write_tokens"] for row in rows)
    status = runner.invoke(main, ["batch", "--status"])
    assert status.exit_code == 0
    batches = "1 batch" if len(summaries) == 1 else f"{len(summaries)} batches"
    assert f"{batches}, {3 * modules} requests, 0 pending" in status.output
    total = sum(run.cost_usd for run in runs)
    assert f"cost ${total:.4f} at the batch price" in status.output


def test_aicmo_run_provider_batch_and_resume_says_what_waits(llm_env, monkeypatch):
    from aicmo_kernel.cli import main
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.store import Workspace

    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    with Workspace.open() as ws:
        seed_demo(ws)
    result = CliRunner().invoke(main, ["run", "--campaign", "demo", "--provider-batch", "--autonomy", "manual",
                                       "--poll-seconds", "0.02", "--gather-seconds", "0"])
    assert result.exit_code == 3, result.output  # intake's drafts wait for a reviewer
    assert "intake      generated: SUCCESS via openai-compatible" in result.output
    assert llm_env.request_count(BATCHES) == 1 and llm_env.request_count(OPENAI_PATH) == 0
    status = CliRunner().invoke(main, ["batch", "--status", "--json"])
    (batch,) = json.loads(status.output)["batches"]
    assert batch["states"] == {"succeeded": 1} and batch["taken"] == 1 and batch["cost_usd"] == 0.0  # local server


def test_provider_batch_without_a_batch_capable_provider_is_a_configuration_error(monkeypatch):
    from aicmo_kernel.cli import main
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.store import Workspace

    with Workspace.open() as ws:
        seed_demo(ws)
    result = CliRunner().invoke(main, ["batch", "--provider-batch"])
    assert result.exit_code == 2 and "needs openai or anthropic" in result.output


def test_ctrl_c_stops_the_wait_and_the_next_run_takes_the_batch_without_sending_it_again(llm_server, monkeypatch):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    from aicmo_kernel.cli import main
    from aicmo_kernel.demo import seed_demo
    from aicmo_kernel.store import Workspace

    from fixtures_llm import FAKE_OPENAI_KEY

    settings = {"OPENAI_API_KEY": FAKE_OPENAI_KEY, "OPENAI_BASE_URL": llm_server.openai_base_url,
                "AICMO_LLM_PRIMARY_PROVIDER": "openai", "AICMO_LLM_TIMEOUT": "10"}
    for key, value in settings.items():
        monkeypatch.setenv(key, value)
    with Workspace.open() as ws:
        seed_demo(ws)
    llm_server.batch_polls = 1_000_000  # the provider takes its time
    args = ["batch", "--provider-batch", "--autonomy", "manual", "--poll-seconds", "0.05", "--gather-seconds", "0.1"]
    process = subprocess.Popen([str(Path(sys.executable).with_name("aicmo")), *args], env=dict(os.environ),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while llm_server.request_count(BATCHES) == 0 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert llm_server.request_count(BATCHES) == 1, process.communicate(timeout=5)
        time.sleep(0.3)  # waiting for the batch now
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=20)  # ends at once, not when the batch does
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode != 0 and "stopped: the provider batches go on" in err
    llm_server.batch_polls = 1  # the next day: the batch has ended
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 3, result.output  # intake's drafts wait for a reviewer
    assert llm_server.request_count(BATCHES) == 1  # nothing sent again
    assert len([r for r in llm_server.requests if r.method == "BATCH"]) == 1  # answered, and paid, once
    with Workspace.open() as ws:
        (taken,) = [run for run in ws.list_runs("demo", "intake") if run.status == "SUCCESS"]
        assert taken.attempts[0]["batch_id"] and taken.cost_usd == 0.0  # a local server: free


def test_anthropic_batch_requests_carry_no_cache_mark(llm_server, anthropic_client):
    import dataclasses

    sync = AnthropicProvider(client=anthropic_client, model="claude-sonnet-4-6")
    prefix = " ".join(f"fact{i} about Acme Coffee." for i in range(1500))
    request = dataclasses.replace(post_request(prompt=f"{prefix}\n\nWrite one post."), stable_prefix_chars=len(prefix))
    assert isinstance(sync._request_kwargs(request)["messages"][0]["content"], list)  # marked when synchronous
    result = BatchingProvider(AnthropicBatchAPI(sync), **FAST).complete(request)
    (sent,) = [r for r in llm_server.requests if r.method == "BATCH"]
    assert isinstance(sent.body["messages"][0]["content"], str)  # in a batch, nothing to write
    assert result.cache_write_tokens == 0
    assert result.cost_usd == cost_of("anthropic", "claude-sonnet-4-6", result.tokens_in, result.tokens_out,
                                      batch=True)[0]


def test_batch_cache_writes_are_priced_and_kept_in_the_workspace(workspace):
    """A batch answer that wrote to Anthropic's cache (a request marked elsewhere, or resumed from
    before the marks were left out) keeps its writes, priced at 1.25x input at the batch price."""
    from aicmo_kernel.providers.batch import BatchOutcome
    from aicmo_kernel.store.provider_batches import WorkspaceLedger

    ledger = WorkspaceLedger(workspace)
    ledger.record_batch({"id": "msgbatch_1", "provider": "anthropic", "model": "claude-sonnet-4-6",
                         "status": "running"}, [{"custom_id": "c1", "request_key": "k1", "module": "creatives"}])
    ledger.save_outcomes("msgbatch_1", [{"custom_id": "c1", "state": "succeeded", "text": "{}", "tokens_in": 5000,
                                         "tokens_out": 100, "cache_read_tokens": 0, "cache_write_tokens": 4000,
                                         "cost_usd": 0.0}])
    outcome = BatchOutcome.from_record(ledger.find("k1"))
    assert outcome.cache_write_tokens == 4000
    sync = AnthropicProvider(client=object(), model="claude-sonnet-4-6")
    tracker = BatchingProvider(AnthropicBatchAPI(sync), ledger, **FAST)._tracker(outcome, 0)
    assert tracker.cost() == cost_of("anthropic", "claude-sonnet-4-6", 5000, 100, cache_write=4000, batch=True)[0]
    assert tracker.cost() > cost_of("anthropic", "claude-sonnet-4-6", 5000, 100, batch=True)[0]


def _request_rows(workspace):
    from sqlalchemy import select

    from aicmo_kernel.store.models import ProviderBatchRequestRow

    with workspace.reading() as session:
        return [{key: getattr(row, key) for key in ("state", "tokens_in", "tokens_out", "cache_read_tokens",
                                                    "cache_write_tokens", "cost_usd")}
                for row in session.scalars(select(ProviderBatchRequestRow))]
