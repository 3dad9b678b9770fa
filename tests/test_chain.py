"""The provider chain: retry, repair and fallback policy, and the chain built from the environment.

Most tests run the real SDK adapters against the loopback server, so the call counts the server
records prove how many requests each policy really makes.
"""

from __future__ import annotations

import threading
import time

import pytest
from fixtures_llm import (
    ANTHROPIC_PATH,
    FAKE_ANTHROPIC_KEY,
    FAKE_OPENAI_KEY,
    OPENAI_PATH,
    Post,
    RecordingSleep,
    post_request,
)

from aicmo_kernel.config import Settings
from aicmo_kernel.errors import ChainExhausted, GenerationCancelled
from aicmo_kernel.providers.anthropic import AnthropicProvider
from aicmo_kernel.providers.base import CancelToken, LLMResult
from aicmo_kernel.providers.chain import ProviderChain, build_chain
from aicmo_kernel.providers.openai import OpenAIProvider

pytestmark = pytest.mark.filterwarnings("ignore:The model.*deprecated:DeprecationWarning")


def openai_then_anthropic(*, max_retry_after: float = 5.0, sleep=time.sleep) -> ProviderChain:
    settings = Settings.from_env()
    return ProviderChain(
        [OpenAIProvider(settings=settings), AnthropicProvider(settings=settings)],
        max_retry_after=max_retry_after,
        sleep=sleep,
    )


def statuses(result_or_error) -> list[tuple[str, str, str | None]]:
    return [(a.provider, a.status, a.error_type) for a in result_or_error.attempts]


def test_first_provider_answers_alone(llm_env):
    result = openai_then_anthropic().complete(post_request())
    Post.model_validate(result.data)
    assert statuses(result) == [("openai-compatible", "ok", None)]
    assert result.attempts[0].tokens_out == result.tokens_out > 0
    assert llm_env.request_count(ANTHROPIC_PATH) == 0


def test_retry_after_is_honoured_then_the_same_provider_retries(llm_env):
    llm_env.enqueue("rate_limit", retry_after=0.4)
    result = openai_then_anthropic().complete(post_request())
    first, second = llm_env.requests
    assert second.time - first.time >= 0.4
    assert (first.path, second.path) == (OPENAI_PATH, OPENAI_PATH)
    assert statuses(result) == [
        ("openai-compatible", "failed", "RATE_LIMIT"),
        ("openai-compatible", "ok", None),
    ]


def test_retry_after_above_the_bound_falls_back_without_waiting(llm_env):
    llm_env.enqueue("rate_limit", retry_after=30)
    sleep = RecordingSleep()
    started = time.monotonic()
    result = openai_then_anthropic(max_retry_after=2, sleep=sleep).complete(post_request())
    assert time.monotonic() - started < 5 and sleep.calls == []  # not the 30 s asked for
    assert result.provider == "anthropic"
    assert llm_env.request_count(OPENAI_PATH) == 1 and llm_env.request_count(ANTHROPIC_PATH) == 1


def test_a_second_rate_limit_falls_back(llm_env):
    llm_env.enqueue("rate_limit", retry_after=0.05)
    llm_env.enqueue("rate_limit", retry_after=0.05)
    result = openai_then_anthropic().complete(post_request())
    assert [a.status for a in result.attempts] == ["failed", "failed", "ok"]
    assert result.provider == "anthropic" and llm_env.request_count(OPENAI_PATH) == 2


def test_one_repair_attempt_then_fallback(llm_env):
    llm_env.enqueue("malformed_json")
    llm_env.enqueue("schema_wrong")
    result = openai_then_anthropic().complete(post_request())
    assert statuses(result) == [
        ("openai-compatible", "failed", "CONTRACT_ERROR"),
        ("openai-compatible", "failed", "CONTRACT_ERROR"),
        ("anthropic", "ok", None),
    ]
    assert llm_env.request_count(OPENAI_PATH) == 2
    repair_prompt = llm_env.requests[1].body["messages"][-1]["content"]
    assert "Your previous answer could not be used" in repair_prompt
    assert '{"title": "An answer cut short"' in repair_prompt  # the broken answer is quoted back
    assert "corrected JSON object" in repair_prompt
    assert "answered by anthropic" in result.warnings[-1]


def test_a_successful_repair_is_recorded_as_repaired(llm_env):
    llm_env.enqueue("empty")
    result = openai_then_anthropic().complete(post_request())
    Post.model_validate(result.data)
    assert [a.status for a in result.attempts] == ["failed", "repaired"]
    assert llm_env.request_count(ANTHROPIC_PATH) == 0


@pytest.mark.parametrize(
    "behaviour,error_type",
    [("server_error", "PROVIDER_ERROR"), ("drop", "PROVIDER_ERROR"), ("hang", "TIMEOUT")],
)
def test_transient_failures_fall_back_at_once(llm_env, monkeypatch, behaviour, error_type):
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "0.5")
    llm_env.enqueue(behaviour)
    result = openai_then_anthropic().complete(post_request(stream=False))
    assert statuses(result) == [
        ("openai-compatible", "failed", error_type),
        ("anthropic", "ok", None),
    ]
    assert llm_env.request_count(OPENAI_PATH) == 1
    assert result.provider == "anthropic" and result.tokens_out > 0


def test_everything_failing_raises_chain_exhausted_with_every_attempt(llm_env):
    llm_env.set_default("server_error")
    with pytest.raises(ChainExhausted) as caught:
        openai_then_anthropic().complete(post_request())
    assert [(a.provider, a.status) for a in caught.value.attempts] == [
        ("openai-compatible", "failed"),
        ("anthropic", "failed"),
    ]
    assert (
        caught.value.error_type == "PROVIDER_ERROR"
        and "every provider failed" in caught.value.message
    )
    assert llm_env.request_count() == 2


def test_cancel_stops_the_chain_without_falling_back(llm_env):
    llm_env.enqueue("slow_stream", delay=0.1)
    cancel = CancelToken()
    threading.Timer(0.25, cancel.cancel).start()
    with pytest.raises(GenerationCancelled):
        openai_then_anthropic().complete(post_request(), cancel=cancel)
    assert llm_env.request_count(ANTHROPIC_PATH) == 0


def test_cancel_during_a_retry_after_wait(llm_env):
    llm_env.enqueue("rate_limit", retry_after=3)
    cancel = CancelToken()
    threading.Timer(0.2, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(GenerationCancelled):
        openai_then_anthropic().complete(post_request(), cancel=cancel)
    assert time.monotonic() - started < 1 and llm_env.request_count() == 1


def test_progress_passes_through_the_chain(llm_env):
    seen = []
    result = openai_then_anthropic().complete(post_request(), progress=seen.append)
    assert seen and seen[-1].done and seen[-1].tokens_so_far == result.tokens_out


# -- build_chain and the environment -------------------------------------------------------------


def names(chain: ProviderChain) -> list[str]:
    return chain.provider_names


def test_no_keys_and_no_choice_means_offline_only():
    assert names(build_chain()) == ["offline"]


def test_keyed_providers_come_first_and_offline_is_not_added(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
    monkeypatch.setenv("ANTHROPIC_API_KEY", FAKE_ANTHROPIC_KEY)
    assert names(build_chain()) == ["openai", "anthropic"]
    monkeypatch.delenv("OPENAI_API_KEY")
    assert names(build_chain()) == ["anthropic"]


def test_configured_order_is_kept_and_missing_keys_are_recorded(llm_env, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.delenv("OPENAI_BASE_URL")
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_FALLBACK_PROVIDERS", "anthropic,offline")
    chain = build_chain()
    assert names(chain) == ["openai", "anthropic", "offline"]
    result = chain.complete(post_request())
    assert result.provider == "anthropic"
    skipped = result.attempts[0]
    assert (skipped.provider, skipped.status) == ("openai", "skipped")
    assert skipped.error_message == "OPENAI_API_KEY is not set"
    assert chain.model == result.model


def test_a_paid_failure_is_not_replaced_by_offline(llm_env, monkeypatch):
    monkeypatch.delenv("ANTHROPIC_API_KEY")
    llm_env.set_default("server_error")
    chain = build_chain()
    assert names(chain) == ["openai-compatible"]
    with pytest.raises(ChainExhausted) as caught:
        chain.complete(post_request())
    assert [a.provider for a in caught.value.attempts] == ["openai-compatible"]


def test_nothing_usable_names_the_variables_to_set(monkeypatch):
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "anthropic")
    chain = build_chain()
    assert "ANTHROPIC_API_KEY is not set" in chain.unavailable_reason()
    with pytest.raises(ChainExhausted) as caught:
        chain.complete(post_request())
    error = caught.value
    assert error.error_type == "CONFIGURATION_ERROR"
    assert "ANTHROPIC_API_KEY" in error.message and "AICMO_LLM_FALLBACK_PROVIDERS" in error.message
    assert [(a.provider, a.status) for a in error.attempts] == [("anthropic", "skipped")]


def test_keyless_compatible_server_when_openai_is_named(llm_server, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", llm_server.openai_base_url)
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    result = build_chain().complete(post_request())
    assert result.provider == "openai-compatible" and result.cost_usd == 0.0
    assert "authorization" not in llm_server.last_request.headers


def test_chain_clients_never_retry_inside_the_sdk(llm_env):
    llm_env.set_default("rate_limit", retry_after=0)  # an SDK with retries on would hammer this
    with pytest.raises(ChainExhausted):
        build_chain().complete(post_request())
    # openai: first call + one chain retry; anthropic: the same. Nothing more.
    assert llm_env.request_count(OPENAI_PATH) == 2 and llm_env.request_count(ANTHROPIC_PATH) == 2


def test_costs_and_tokens_are_carried_on_each_attempt(llm_env):
    llm_env.enqueue("schema_wrong")
    chain = ProviderChain([AnthropicProvider(settings=Settings.from_env())])
    result = chain.complete(post_request())
    failed, repaired = result.attempts
    assert failed.tokens_out > 0 and failed.cost_usd > 0  # a broken answer still cost money
    assert repaired.cost_usd == result.cost_usd > 0
    assert isinstance(result, LLMResult) and result.provider == "anthropic"
