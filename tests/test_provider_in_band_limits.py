"""A rate limit sent with status 200 (issue 15): in the body, or as a stream's error event.

OpenRouter and some gateways answer 200 before their upstream runs and put a 429 in the body
(``{"error": {"code": 429, ...}}``, the upstream's headers under ``metadata.headers``); OpenAI-style
servers send ``rate_limit_exceeded`` and Anthropic-style ones ``rate_limit_error`` as a stream's
error event. Each is the chain's rate limit, as an HTTP 429 is: it waits the wait the body gives
(no longer than ``max_retry_after``) and asks the same provider again. Each test runs a throwaway
server on 127.0.0.1 (``test_provider_compat.CompatServer``); the real ``openai`` SDK makes the calls,
through our adapter and the chain.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from fixtures_llm import RecordingSleep, post_request
from test_provider_compat import (  # noqa: F401  (compat: the fixture)
    Reply,
    _event,
    _json,
    _schema_in_response_format,
    compat,
    make_answer,
    openai_events,
)

from aicmo_kernel.errors import ChainExhausted
from aicmo_kernel.providers.chain import ProviderChain

pytestmark = pytest.mark.filterwarnings("ignore:The model.*deprecated:DeprecationWarning")


def _openrouter_429(reset_in_s: float) -> Reply:
    # OpenRouter's own rate limit, as its users quote it: code 429 and the limit's headers
    reset = str(int((time.time() + reset_in_s) * 1000))
    return _json(200, {"error": {"message": "Rate limit exceeded: free-models-per-min. ", "code": 429,
                                 "metadata": {"headers": {"X-RateLimit-Limit": "20", "X-RateLimit-Remaining": "0",
                                                          "X-RateLimit-Reset": reset}}},
                       "user_id": "user_2xQ7"})  # fmt: skip


_OPENAI_EVENT = {"error": {"message": "Rate limit reached for gpt-4o-mini in organization org-abc on tokens per "
                                      "min (TPM): Limit 200000, Used 199000, Requested 1800. Please try again "
                                      "in 1.5s.", "type": "tokens", "param": None, "code": "rate_limit_exceeded"}}
_ANTHROPIC_TYPED = {"error": {"type": "rate_limit_error", "message": "Number of request tokens has exceeded "
                                                                     "your per-minute rate limit"}}

# name: (the first reply, streamed?, the wait the chain should take, or None: no wait given)
IN_BAND_LIMITS: dict[str, tuple[Any, bool, float | None]] = {
    "openrouter-429-body": (lambda: _openrouter_429(1.5), False, 1.5),
    "openrouter-429-body-to-a-stream": (lambda: _openrouter_429(1.5), True, 1.5),
    "openai-rate-limit-event": (lambda: _event(_OPENAI_EVENT), True, 1.5),
    "proxy-code-as-text-body": (lambda: _json(200, {"error": {"message": "Too many requests", "code": "429",
                                                              "retry_after": 0.25}}), False, 0.25),
}


@pytest.mark.parametrize("server", sorted(IN_BAND_LIMITS))
def test_a_rate_limit_sent_with_status_200_waits_and_asks_again(compat, server):  # noqa: F811
    reply, stream, wait = IN_BAND_LIMITS[server]
    quirky = compat(lambda body: reply() if len(quirky.bodies) == 1 else None)
    sleep = RecordingSleep(sleeping=False)
    result = ProviderChain([quirky.openai()], max_retry_after=20, sleep=sleep).complete(post_request(stream=stream))
    limited, answered = result.attempts
    assert (limited.status, limited.error_type, answered.status) == ("failed", "RATE_LIMIT", "ok")
    assert "rate limit reached" in limited.error_message and "sent with status 200" in limited.error_message
    assert len(sleep.calls) == 1 and wait - 1.0 < sleep.calls[0] <= wait, sleep.calls
    assert len(quirky.bodies) == 2 and quirky.bodies[0] == quirky.bodies[1]  # the same request again


def test_a_rate_limit_type_with_no_wait_is_a_rate_limit_that_the_chain_does_not_wait_for(compat):  # noqa: F811
    quirky = compat(lambda body: _event(_ANTHROPIC_TYPED))
    sleep = RecordingSleep(sleeping=False)
    with pytest.raises(ChainExhausted) as caught:
        ProviderChain([quirky.openai()], sleep=sleep).complete(post_request(stream=True))
    assert caught.value.error_type == "RATE_LIMIT" and sleep.calls == [] and len(quirky.bodies) == 1


def test_a_wait_above_the_bound_is_not_waited_for(compat):  # noqa: F811
    quirky = compat(lambda body: _json(200, {"error": {"code": 429, "message": "slow down", "retry_after": 300}}))
    sleep = RecordingSleep(sleeping=False)
    with pytest.raises(ChainExhausted) as caught:
        ProviderChain([quirky.openai()], max_retry_after=20, sleep=sleep).complete(post_request())
    assert caught.value.error_type == "RATE_LIMIT" and "retry after 300s" in caught.value.attempts[0].error_message
    assert sleep.calls == [] and len(quirky.bodies) == 1


@pytest.mark.parametrize("error", [
    {"message": "Provider returned error", "code": 502},
    {"message": "Provider disconnected unexpectedly", "code": "server_error"},
    {"message": "Invalid request", "type": "invalid_request_error", "code": 400},
])  # fmt: skip
def test_other_errors_sent_with_status_200_are_no_rate_limit(compat, error):  # noqa: F811
    quirky = compat(lambda body: _json(200, {"error": error}))
    sleep = RecordingSleep(sleeping=False)
    with pytest.raises(ChainExhausted) as caught:
        ProviderChain([quirky.openai()], sleep=sleep).complete(post_request())
    assert caught.value.error_type != "RATE_LIMIT" and sleep.calls == [] and len(quirky.bodies) == 1
    assert "answered with an error" in caught.value.attempts[0].error_message


def test_the_wait_a_body_gives():
    from aicmo_kernel.providers._errors import rate_limit_in_band, retry_after_from_body

    assert retry_after_from_body({"error": {"code": 429, "retry_after_ms": 1200}}) == pytest.approx(1.2)
    assert retry_after_from_body({"code": 429, "metadata": {"headers": {"Retry-After": "7"}}}) == 7
    assert retry_after_from_body({"error": {"message": "Please try again in 20ms."}}) == pytest.approx(0.02)
    assert retry_after_from_body({"error": {"message": "Please try again in 1m30s."}}) == 90
    assert retry_after_from_body({"error": {"message": "Slow down."}}) is None
    assert retry_after_from_body("Too many requests") is None
    kw = {"provider": "openai", "model": "m"}
    assert rate_limit_in_band({"type": "error", "error": _ANTHROPIC_TYPED["error"]}, **kw) is not None
    assert rate_limit_in_band({"code": True, "message": "x"}, **kw) is None
    assert rate_limit_in_band({"error": {"code": 4290}}, **kw) is None


def test_an_anthropic_streams_rate_limit_error_event_waits_and_asks_again(compat):  # noqa: F811
    # Anthropic's error event, as its streaming documentation shows it (there: overloaded_error)
    event = {"type": "error", "error": {"type": "rate_limit_error", "message": "Rate limited. Please try again "
                                                                              "in 0.5s."}}  # fmt: skip
    reply = (200, "text/event-stream", b"event: error\ndata: " + json.dumps(event).encode() + b"\n\n")
    quirky = compat(lambda body: reply if len(quirky.bodies) == 1 else None)
    sleep = RecordingSleep(sleeping=False)
    result = ProviderChain([quirky.anthropic()], sleep=sleep).complete(post_request(stream=True))
    assert [a.error_type for a in result.attempts] == ["RATE_LIMIT", None] and sleep.calls == [0.5]


def test_a_rate_limit_event_after_the_answer_began_drops_the_partial_answer_and_asks_again(compat):  # noqa: F811
    # The server began writing, then hit its limit: the partial text is no answer; the whole
    # request goes again after the wait, and only the second answer counts.
    def limited_midway(body: dict[str, Any]) -> Reply | None:
        if len(quirky.bodies) > 1:
            return None  # the server's own complete answer
        events = openai_events(body, make_answer(_schema_in_response_format(body)))
        return _event(_OPENAI_EVENT, *events[:4])

    quirky = compat(limited_midway)
    sleep = RecordingSleep(sleeping=False)
    result = ProviderChain([quirky.openai()], max_retry_after=20, sleep=sleep).complete(post_request(stream=True))
    assert [(a.status, a.error_type) for a in result.attempts] == [("failed", "RATE_LIMIT"), ("ok", None)]
    assert len(sleep.calls) == 1 and 0.5 < sleep.calls[0] <= 1.5, sleep.calls
    assert len(quirky.bodies) == 2 and quirky.bodies[0] == quirky.bodies[1]
    assert json.loads(result.text) == json.loads(make_answer(_schema_in_response_format(quirky.bodies[1])).text)
