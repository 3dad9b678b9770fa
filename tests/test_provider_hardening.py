"""A provider cannot hang, overbill or fool the workbench (issue 10, items 1-4).

Every test goes through the real SDKs to the loopback server (or, for the connecting phase, to a
loopback socket that never completes a handshake).
"""

from __future__ import annotations

import _thread
import signal
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from aicmo_kernel.demo import seed_demo
from aicmo_kernel.errors import ContractViolation, GenerationCancelled, ProviderTimeout
from aicmo_kernel.generation import generate
from aicmo_kernel.providers.anthropic import AnthropicProvider
from aicmo_kernel.providers.base import CancelToken
from aicmo_kernel.providers.chain import ProviderChain
from aicmo_kernel.providers.openai import OpenAIProvider
from aicmo_kernel.store import Workspace

from fixtures_llm import FAKE_ANTHROPIC_KEY, FAKE_OPENAI_KEY, OPENAI_PATH, post_request

BACKENDS = ["openai", "anthropic"]


def provider_at(backend: str, openai_base: str, anthropic_base: str, *, timeout: float = 30.0):
    """A provider on a real SDK client (no SDK retries) at the given loopback addresses."""
    if backend == "openai":
        import openai

        client = openai.OpenAI(base_url=openai_base, api_key=FAKE_OPENAI_KEY, max_retries=0)
        return OpenAIProvider(client=client, timeout=timeout)
    import anthropic

    client = anthropic.Anthropic(base_url=anthropic_base, api_key=FAKE_ANTHROPIC_KEY, max_retries=0)
    return AnthropicProvider(client=client, timeout=timeout)


def make(backend: str, server, **kw):
    return provider_at(backend, server.openai_base_url, server.anthropic_base_url, **kw)


# -- 1. output and time are bounded ------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_an_endless_stream_is_cut_at_max_output_tokens(llm_server, backend):
    llm_server.enqueue("endless_stream")
    started = time.monotonic()
    with pytest.raises(ContractViolation) as caught:
        make(backend, llm_server, timeout=30).complete(post_request(max_output_tokens=2000))
    elapsed = time.monotonic() - started
    assert "past max_output_tokens (2,000)" in caught.value.message
    assert elapsed < 10, f"the endless stream took {elapsed:.1f} s to stop"
    # What the cut-off answer cost is kept, for the attempt and the call log.
    assert caught.value.details["tokens_out"] > 2000 and caught.value.details["latency_ms"] > 0


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "once"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_the_timeout_bounds_the_whole_call_not_each_read(llm_server, backend, stream):
    # One chunk every 5 ms: every read is quick, the answer never ends, and it stays under the cap
    # for far longer than the timeout.
    llm_server.chunk_delay_ms = 5
    llm_server.enqueue("endless_stream")
    started = time.monotonic()
    with pytest.raises(ProviderTimeout) as caught:
        make(backend, llm_server, timeout=1.0).complete(post_request(stream=stream))
    elapsed = time.monotonic() - started
    assert 0.9 <= elapsed < 2.5, f"a 1 s call limit ended the call after {elapsed:.2f} s"
    assert "AICMO_LLM_TIMEOUT" in caught.value.message and caught.value.error_type == "TIMEOUT"


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "once"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_an_answer_longer_than_max_output_tokens_is_refused(llm_server, backend, stream):
    llm_server.enqueue("past_max_tokens")
    with pytest.raises(ContractViolation) as caught:
        make(backend, llm_server).complete(post_request(stream=stream, max_output_tokens=300))
    assert caught.value.error_type == "CONTRACT_ERROR"
    assert "past max_output_tokens (300)" in caught.value.message


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "once"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_reported_usage_above_max_output_tokens_is_kept_with_a_warning(llm_server, backend, stream):
    llm_server.enqueue("ok", usage_out=50_000)
    result = make(backend, llm_server).complete(post_request(stream=stream, max_output_tokens=1000))
    assert result.tokens_out == 50_000  # what the provider bills is what is recorded...
    assert any("50,000 output tokens, more than the 1,000" in w for w in result.warnings)  # ...flagged


# -- 2. Cancel takes effect within a second in every phase ---------------------------------------


@pytest.fixture
def unanswered_port() -> Iterator[int]:
    """A loopback port whose accept queue is full: a new connection hangs in the TCP handshake."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    held = []
    try:
        for _ in range(8):
            probe = socket.socket()
            probe.settimeout(0.2)
            try:
                probe.connect(("127.0.0.1", port))
            except (TimeoutError, socket.timeout):
                probe.close()
                break
            held.append(probe)
        else:
            pytest.fail("could not fill the accept queue of a loopback listener")
        yield port
    finally:
        for sock in held:
            sock.close()
        listener.close()


def _cancel_latency(call, *, cancel_after: float = 0.3) -> float:
    """Seconds from Cancel to ``call(cancel)`` raising GenerationCancelled."""
    cancel = CancelToken()
    threading.Timer(cancel_after, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(GenerationCancelled) as caught:
        call(cancel)
    assert caught.value.error_type == "CANCELLED"
    return time.monotonic() - started - cancel_after


@pytest.mark.parametrize("backend", BACKENDS)
def test_cancel_while_connecting(unanswered_port, backend):
    base = f"http://127.0.0.1:{unanswered_port}"
    provider = provider_at(backend, f"{base}/v1", base)
    latency = _cancel_latency(lambda cancel: provider.complete(post_request(), cancel=cancel))
    assert latency < 1.0, f"cancel while connecting took {latency:.2f} s"


@pytest.mark.parametrize(
    ("behaviour", "stream"),
    [("hang", True), ("hang", False), ("hang_after_headers", True), ("hang_after_headers", False),
     ("slow_stream", True)],
    ids=["waiting-stream", "waiting-once", "after-headers-stream", "after-headers-once", "streaming"],
)
@pytest.mark.parametrize("backend", BACKENDS)
def test_cancel_while_waiting_and_streaming(llm_server, backend, behaviour, stream):
    llm_server.enqueue(behaviour, delay=20)
    provider = make(backend, llm_server)
    latency = _cancel_latency(lambda cancel: provider.complete(post_request(stream=stream), cancel=cancel))
    assert latency < 1.0, f"cancel ({behaviour}) took {latency:.2f} s"


def test_cancel_during_a_retry_wait(llm_server):
    llm_server.enqueue("rate_limit", retry_after=15)
    chain = ProviderChain([make("openai", llm_server)], max_retry_after=20)
    latency = _cancel_latency(lambda cancel: chain.complete(post_request(), cancel=cancel))
    assert latency < 1.0, f"cancel during a Retry-After wait took {latency:.2f} s"


# -- cancelled, timed out and stubbed generations as stored runs -----------------------------------


@pytest.fixture
def ws():
    with Workspace.open() as workspace:
        seed_demo(workspace)
        yield workspace


def test_a_cancelled_generation_is_a_stored_cancelled_run_with_its_attempts(ws, llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "30")
    llm_env.enqueue("hang", delay=20)
    cancel = CancelToken()
    threading.Timer(0.5, cancel.cancel).start()
    started = time.monotonic()
    result = generate(ws, "demo", "intake", cancel=cancel)
    assert time.monotonic() - started < 1.5
    assert result.envelope.status == "FAILED" and result.envelope.error.type == "CANCELLED"
    run = ws.get_run(result.run_id)
    assert run.status == "FAILED"
    assert [(a["provider"], a["status"], a["error_type"]) for a in result.attempts] == [
        ("openai-compatible", "failed", "CANCELLED")
    ]
    assert [(c.provider, c.error_type) for c in ws.list_calls(result.run_id)] == [
        ("openai-compatible", "CANCELLED")
    ]


@pytest.fixture
def ctrl_c_raises() -> Iterator[None]:
    """Python's own SIGINT handler, as in a terminal. A job started in the background (``nohup ... &``,
    some CI runners) inherits SIGINT ignored, and then ``interrupt_main`` does nothing."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def test_ctrl_c_stores_the_cancelled_run_then_stops_the_caller(ws, llm_env, monkeypatch, ctrl_c_raises):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "30")
    llm_env.enqueue("hang", delay=20)

    def ctrl_c_once_the_model_is_asked() -> None:  # not on a timer: preparing may take longer under load
        deadline = time.monotonic() + 20
        while llm_env.request_count() == 0 and time.monotonic() < deadline:
            time.sleep(0.02)
        _thread.interrupt_main()

    threading.Thread(target=ctrl_c_once_the_model_is_asked, daemon=True).start()
    with pytest.raises(KeyboardInterrupt):
        generate(ws, "demo", "intake")
    (run,) = ws.list_runs("demo", "intake")
    assert run.status == "FAILED" and run.error["type"] == "CANCELLED"
    assert [c.error_type for c in ws.list_calls(run.id)] == ["CANCELLED"]


def test_a_whole_call_timeout_is_a_stored_timeout_run(ws, llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "anthropic")
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "1")
    llm_env.chunk_delay_ms = 5
    llm_env.enqueue("endless_stream")
    started = time.monotonic()
    result = generate(ws, "demo", "intake", progress=lambda p: None)  # streamed, as the notebooks do
    assert time.monotonic() - started < 3
    assert result.envelope.error.type == "TIMEOUT"
    assert "AICMO_LLM_TIMEOUT" in result.envelope.error.message


# -- 3. stub text is a contract violation: one repair, then the next provider ------------------------


def test_stub_text_gets_one_repair(ws, llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    llm_env.enqueue("stub")
    result = generate(ws, "demo", "intake")
    assert result.ok, result.envelope.error
    assert [(a["status"], a["error_type"]) for a in result.attempts] == [
        ("failed", "CONTRACT_ERROR"), ("repaired", None)
    ]
    assert "placeholder" in result.attempts[0]["error_message"]
    repair_prompt = llm_env.requests[1].body["messages"][-1]["content"]
    assert "Your previous answer could not be used" in repair_prompt and "TBD" in repair_prompt
    assert not any("TBD" in d.content_markdown for d in result.envelope.deliverables)


def test_stub_text_twice_falls_back_to_the_next_provider(ws, llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_FALLBACK_PROVIDERS", "anthropic")
    llm_env.enqueue("stub")
    llm_env.enqueue("stub")
    result = generate(ws, "demo", "intake")
    assert result.ok, result.envelope.error
    assert [(a["provider"], a["status"]) for a in result.attempts] == [
        ("openai-compatible", "failed"), ("openai-compatible", "failed"), ("anthropic", "ok")
    ]
    assert result.envelope.meta.provider == "anthropic"


def test_stub_text_with_nowhere_to_go_fails_and_no_attempt_says_ok(ws, llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "anthropic")
    llm_env.set_default("stub")
    result = generate(ws, "demo", "intake")
    assert result.envelope.status == "FAILED" and result.envelope.error.type == "CONTRACT_ERROR"
    assert [a["status"] for a in result.attempts] == ["failed", "failed"]
    assert {c.error_type for c in ws.list_calls(result.run_id)} == {"CONTRACT_ERROR"}


# -- 4. the run costs what every attempt cost -------------------------------------------------------


def test_costs_after_a_fallback_are_the_sum_of_every_attempt(ws, llm_env, monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "anthropic")  # priced from the table
    monkeypatch.setenv("AICMO_LLM_FALLBACK_PROVIDERS", "openai")
    llm_env.enqueue("schema_wrong")
    llm_env.enqueue("schema_wrong")
    result = generate(ws, "demo", "intake")
    assert result.ok and result.envelope.meta.provider == "openai-compatible"
    calls = ws.list_calls(result.run_id)
    assert [c.provider for c in calls] == ["anthropic", "anthropic", "openai-compatible"]
    meta = result.envelope.meta
    assert calls[0].cost_usd > 0 and calls[-1].cost_usd == 0  # a local server costs nothing
    assert meta.cost_usd == pytest.approx(sum(c.cost_usd for c in calls))
    assert meta.tokens_used["in"] == sum(c.tokens_in for c in calls) > calls[-1].tokens_in
    assert meta.tokens_used["out"] == sum(c.tokens_out for c in calls) > calls[-1].tokens_out
    run = ws.get_run(result.run_id)
    assert run.cost_usd == pytest.approx(meta.cost_usd)
    assert llm_env.request_count(OPENAI_PATH) == 1


def test_cancel_while_waiting_for_a_slot_under_the_call_limit(llm_server):
    from aicmo_kernel.providers.limit import CallLimiter, LimitedProvider

    limiter = CallLimiter(1)
    limiter.acquire()  # the only slot is taken, by a call that never ends
    try:
        limited = LimitedProvider(make("openai", llm_server), limiter)
        latency = _cancel_latency(lambda cancel: limited.complete(post_request(), cancel=cancel))
    finally:
        limiter.release()
    assert latency < 1.0, f"cancel while waiting for a slot took {latency:.2f} s"
    assert llm_server.request_count() == 0 and limiter.in_flight == 0
