"""The OpenAI and Anthropic adapters, built as in production, against the loopback server."""

from __future__ import annotations

import json
import threading
import time

import pytest
from fixtures_llm import (
    ANTHROPIC_PATH,
    FAKE_ANTHROPIC_KEY,
    FAKE_OPENAI_KEY,
    OPENAI_PATH,
    Post,
    post_request,
)

from aicmo_kernel.config import Settings
from aicmo_kernel.errors import (
    ContractViolation,
    GenerationCancelled,
    ProviderConnectionError,
    ProviderError,
    ProviderServerError,
    ProviderTimeout,
    ProviderUnavailable,
    RateLimitError,
)
from aicmo_kernel.providers._parse import (
    anthropic_output_schema,
    openai_strict_schema,
    parse_json_answer,
)
from aicmo_kernel.providers.anthropic import AnthropicProvider
from aicmo_kernel.providers.base import CancelToken
from aicmo_kernel.providers.openai import OpenAIProvider
from aicmo_kernel.providers.pricing import cost_of

pytestmark = pytest.mark.filterwarnings("ignore:The model.*deprecated:DeprecationWarning")

BACKENDS = [("openai", OPENAI_PATH), ("anthropic", ANTHROPIC_PATH)]


def make(backend: str, **kw):
    settings = Settings.from_env()
    return (
        OpenAIProvider(settings=settings, **kw)
        if backend == "openai"
        else AnthropicProvider(settings=settings, **kw)
    )


# -- happy path --------------------------------------------------------------------------------


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "once"])
@pytest.mark.parametrize("backend,path", BACKENDS)
def test_answer_validates_and_carries_real_usage(llm_env, backend, path, stream):
    result = make(backend).complete(post_request(stream=stream))
    post = Post.model_validate(result.data)
    assert "Acme Coffee" in post.content_markdown
    assert result.tokens_out == len(result.text.split())  # the server's usage, not an estimate
    assert result.tokens_in == len(llm_env.last_request.prompt_text.split())
    assert result.latency_ms > 0 and result.model == make(backend).model
    assert llm_env.request_count(path) == 1


def test_openai_sends_a_strict_schema_and_asks_for_usage_when_streaming(llm_env):
    provider = make("openai")
    provider.complete(post_request(stream=True, temperature=0.2))
    body = llm_env.last_request.body
    fmt = body["response_format"]
    assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
    schema = fmt["json_schema"]["schema"]
    assert schema["additionalProperties"] is False and set(schema["required"]) == set(
        Post.model_fields
    )
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert body["messages"][0] == {
        "role": "system",
        "content": "You write marketing drafts as JSON.",
    }
    assert (
        body["temperature"] == 0.2 and body["max_tokens"] == 8192
    )  # compatible server: max_tokens


def test_anthropic_sends_output_config_and_system(llm_env):
    make("anthropic").complete(post_request(stream=False))
    body = llm_env.last_request.body
    schema = body["output_config"]["format"]["schema"]
    assert body["output_config"]["format"]["type"] == "json_schema"
    assert schema["additionalProperties"] is False
    assert "maxLength" not in schema["properties"]["title"]
    assert "{minLength: 5, maxLength: 50}" in schema["properties"]["title"]["description"]
    assert body["system"] == "You write marketing drafts as JSON." and "temperature" not in body


def test_loopback_openai_is_labelled_compatible_and_costs_nothing(llm_env):
    result = make("openai").complete(post_request())
    assert result.provider == "openai-compatible" and result.cost_usd == 0.0
    assert not any("no price known" in w for w in result.warnings)


def test_cost_uses_list_prices_for_real_providers(llm_env, openai_client):
    openai_result = OpenAIProvider(
        client=openai_client, label="openai", model="gpt-4o-mini"
    ).complete(post_request())
    assert openai_result.provider == "openai"
    expected = (openai_result.tokens_in * 0.15 + openai_result.tokens_out * 0.60) / 1e6
    assert openai_result.cost_usd == pytest.approx(expected)
    anthropic_result = make("anthropic").complete(post_request())
    expected = (anthropic_result.tokens_in * 3 + anthropic_result.tokens_out * 15) / 1e6
    assert anthropic_result.cost_usd == pytest.approx(expected) and anthropic_result.cost_usd > 0


# -- errors mapped at the boundary -------------------------------------------------------------


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "once"])
@pytest.mark.parametrize("backend,path", BACKENDS)
@pytest.mark.parametrize(
    "behaviour,error,error_type",
    [
        ("server_error", ProviderServerError, "PROVIDER_ERROR"),
        ("overloaded", ProviderServerError, "PROVIDER_ERROR"),
        ("drop", ProviderConnectionError, "PROVIDER_ERROR"),
        ("malformed_json", ContractViolation, "CONTRACT_ERROR"),
        ("schema_wrong", ContractViolation, "CONTRACT_ERROR"),
        ("empty", ContractViolation, "CONTRACT_ERROR"),
    ],
)
def test_misbehaviour_maps_to_our_error_after_exactly_one_call(
    llm_env, backend, path, stream, behaviour, error, error_type
):
    llm_env.enqueue(behaviour)
    with pytest.raises(error) as caught:
        make(backend).complete(post_request(stream=stream))
    assert caught.value.error_type == error_type
    assert caught.value.provider == ("openai-compatible" if backend == "openai" else "anthropic")
    assert llm_env.request_count(path) == 1  # max_retries=0: the SDK never retries by itself


@pytest.mark.parametrize("backend,path", BACKENDS)
def test_rate_limit_carries_retry_after(llm_env, backend, path):
    llm_env.enqueue("rate_limit", retry_after=1.5)
    with pytest.raises(RateLimitError) as caught:
        make(backend).complete(post_request())
    assert caught.value.retry_after == pytest.approx(1.5)
    assert caught.value.error_type == "RATE_LIMIT"
    assert llm_env.request_count(path) == 1


@pytest.mark.parametrize("backend,path", BACKENDS)
def test_hang_becomes_a_timeout_without_sdk_retries(llm_env, monkeypatch, backend, path):
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "0.4")
    llm_env.enqueue("hang")
    started = time.monotonic()
    with pytest.raises(ProviderTimeout):
        make(backend).complete(post_request(stream=False))
    assert time.monotonic() - started < 2
    assert llm_env.request_count(path) == 1


@pytest.mark.parametrize("backend", ["openai", "anthropic"])
def test_auth_errors_are_configuration_errors_naming_the_variable(llm_env, backend):
    llm_env.enqueue("auth_error")
    with pytest.raises(ProviderError) as caught:
        make(backend).complete(post_request())
    variable = "OPENAI_API_KEY" if backend == "openai" else "ANTHROPIC_API_KEY"
    assert caught.value.error_type == "CONFIGURATION_ERROR" and variable in caught.value.message
    assert FAKE_OPENAI_KEY not in str(caught.value) and FAKE_ANTHROPIC_KEY not in str(caught.value)


def test_other_client_errors_are_provider_errors(llm_env):
    llm_env.enqueue("http_error", status=400)
    with pytest.raises(ProviderError) as caught:
        make("anthropic").complete(post_request())
    assert type(caught.value) is ProviderError and "400" in caught.value.message


def test_refused_connection_is_a_connection_error(monkeypatch):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again when the block ends: nothing listens there
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    with pytest.raises(ProviderConnectionError):
        make("openai").complete(post_request())


# -- availability --------------------------------------------------------------------------------


def test_missing_keys_are_named_never_valued():
    assert make("openai").unavailable_reason() == "OPENAI_API_KEY is not set"
    assert make("anthropic").unavailable_reason() == "ANTHROPIC_API_KEY is not set"
    with pytest.raises(ProviderUnavailable, match="ANTHROPIC_API_KEY"):
        make("anthropic").complete(post_request())


def test_keyless_compatible_server_only_when_openai_is_named(llm_server, monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", llm_server.openai_base_url)
    implicit = OpenAIProvider.from_settings(Settings.from_env())
    assert "AICMO_LLM_PRIMARY_PROVIDER" in implicit.unavailable_reason()
    explicit = OpenAIProvider.from_settings(Settings.from_env(), explicit=True)
    assert explicit.unavailable_reason() is None and explicit.name == "openai-compatible"
    assert explicit.complete(post_request()).provider == "openai-compatible"


def test_real_openai_host_is_labelled_openai(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
    assert make("openai").name == "openai"
    monkeypatch.setenv("OPENAI_BASE_URL", "https://api.openai.com/v1")
    assert make("openai").name == "openai"


# -- progress and cancel -------------------------------------------------------------------------


@pytest.mark.parametrize("backend", ["openai", "anthropic"])
def test_progress_reports_growing_token_counts(llm_env, backend):
    llm_env.enqueue("slow_stream", delay=0.02)  # long enough for several refreshes of the counter
    seen = []
    result = make(backend, timeout=30).complete(post_request(), progress=seen.append)
    live = [p.tokens_so_far for p in seen if not p.done]
    assert len(live) >= 3 and live == sorted(live) and live[-1] > live[0]
    # At most one refresh per 0.1 s, however many chunks arrive (a chunk is 3 words here).
    assert len(live) <= seen[-1].elapsed_s / 0.1 + 1 < result.tokens_out / 3
    assert seen[-1].done and seen[-1].tokens_so_far == result.tokens_out
    assert all(p.elapsed_s >= 0 for p in seen)


@pytest.mark.parametrize("backend,path", BACKENDS)
def test_cancel_mid_slow_stream_stops_quickly(llm_env, backend, path):
    llm_env.enqueue("slow_stream", delay=0.1)
    cancel = CancelToken()
    threading.Timer(0.3, cancel.cancel).start()
    started = time.monotonic()
    with pytest.raises(GenerationCancelled):
        make(backend).complete(post_request(), cancel=cancel)
    assert time.monotonic() - started < 0.8  # a full answer would take several seconds
    assert llm_env.request_count(path) == 1


def test_cancelled_before_the_call_sends_nothing(llm_env):
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(GenerationCancelled):
        make("openai").complete(post_request(), cancel=cancel)
    assert llm_env.request_count() == 0


# -- parsing and schema shaping ----------------------------------------------------------------


_GOOD_POST = {
    "title": "Acme Coffee news",
    "content_markdown": "A long enough body for the post.",
    "platform": "x",
    "hashtags": ["#acme"],
    "score": 3,
    "cta": None,
    "slides": [],
}


def test_parse_tolerates_a_json_fence_and_names_bad_fields():
    good = Post.model_validate(_GOOD_POST)
    fenced = "```json\n" + good.model_dump_json() + "\n```"
    assert (
        parse_json_answer(fenced, post_request(), provider="p", model="m")["title"]
        == "Acme Coffee news"
    )
    with pytest.raises(ContractViolation, match="empty content"):
        parse_json_answer("  ", post_request(), provider="p", model="m")
    with pytest.raises(ContractViolation, match="not an object"):
        parse_json_answer("[1, 2]", post_request(), provider="p", model="m")
    with pytest.raises(ContractViolation, match="not valid JSON"):
        parse_json_answer("{nope", post_request(), provider="p", model="m")
    with pytest.raises(ContractViolation) as caught:
        parse_json_answer('{"title": "x"}', post_request(), provider="p", model="m")
    assert "title" in caught.value.message and "content_markdown" in caught.value.message
    assert caught.value.raw_text == '{"title": "x"}'


def test_strict_schema_closes_objects_and_falls_back_for_free_form_maps():
    schema, strict = openai_strict_schema(Post.model_json_schema())
    assert strict and schema["$defs"]["Slide"]["additionalProperties"] is False
    assert {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Cta"} == schema[
        "properties"
    ]["cta"]
    _, strict = openai_strict_schema(
        {
            "type": "object",
            "properties": {
                "assets": {"type": "object", "additionalProperties": {"type": "string"}}
            },
        }
    )
    assert strict is False
    shaped = anthropic_output_schema(
        {"type": "object", "properties": {"n": {"type": "integer", "minimum": 1}}}
    )
    assert shaped["properties"]["n"] == {"type": "integer", "description": "{minimum: 1}"}


# -- pricing -------------------------------------------------------------------------------------


def test_prices_can_be_overridden_and_unknown_models_warn(isolated_env, tmp_path, monkeypatch):
    cost, warnings = cost_of("openai", "gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000)
    assert cost == pytest.approx(0.75) and warnings == []
    cost, warnings = cost_of("openai", "gpt-9-turbo", 1000, 1000)
    assert (
        cost is None  # unknown, never a guessed $0
        and "no price known for model gpt-9-turbo" in warnings[0]
        and "prices.json" in warnings[0]
    )
    isolated_env.mkdir(parents=True, exist_ok=True)
    (isolated_env / "prices.json").write_text(
        json.dumps({"gpt-4o-mini": {"input": 1, "output": 2}})
    )
    assert cost_of("openai", "gpt-4o-mini", 1_000_000, 1_000_000)[0] == pytest.approx(3.0)
    custom = tmp_path / "custom.json"
    custom.write_text(json.dumps({"llama3.1": {"input": 0.5, "output": 0.5}}))
    monkeypatch.setenv("AICMO_PRICES_FILE", str(custom))
    assert cost_of("openai-compatible", "llama3.1", 2_000_000, 0) == (pytest.approx(1.0), [])
    assert cost_of("offline", "aicmo-offline-composer-1", 10, 10) == (0.0, [])
    custom.write_text("{broken")
    cost, warnings = cost_of("anthropic", "claude-haiku-4-5", 1_000_000, 0)
    assert cost == pytest.approx(1.0) and "could not be read" in warnings[0]


def test_a_whole_object_rule_breaking_is_a_contract_violation_not_a_crash():
    from pydantic import BaseModel, model_validator

    from aicmo_kernel.errors import ContractViolation
    from aicmo_kernel.providers._parse import parse_json_answer
    from aicmo_kernel.providers.base import LLMRequest

    class Whole(BaseModel):
        a: int

        @model_validator(mode="after")
        def _rule(self):
            raise ValueError("whole-object rule broken")

    request = LLMRequest(module="intake", system="", prompt="", output_schema={}, schema_name="Whole",
                         output_model=Whole)
    with pytest.raises(ContractViolation) as caught:
        parse_json_answer('{"a": 1}', request, provider="openai", model="m")
    assert caught.value.field is None
    assert "whole-object rule broken" in str(caught.value)


# -- what OpenAI-compatible servers really send ------------------------------------------------


@pytest.fixture
def canned():
    """A server on 127.0.0.1 answering every POST with the (status, content type, body) queued
    last: for the shapes of answer the loopback server does not speak."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    replies: list[tuple[int, str, bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            status, content_type, body = replies[-1]
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def provider(status: int, body, content_type: str = "application/json"):
        import openai

        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        replies.append((status, content_type, raw))
        client = openai.OpenAI(base_url=f"http://127.0.0.1:{server.server_address[1]}/v1",
                               api_key=FAKE_OPENAI_KEY, max_retries=0)
        return OpenAIProvider(client=client, timeout=5)

    yield provider
    server.shutdown()
    server.server_close()


def _completion(message: dict, **extra) -> dict:
    return {"id": "c", "object": "chat.completion", "created": 1, "model": "m",
            "choices": [{"index": 0, "message": {"role": "assistant", **message}, "finish_reason": "stop"}],
            **extra}


def _events(*deltas: dict) -> bytes:
    chunks = [{"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
               "choices": [{"index": 0, "delta": delta, "finish_reason": None}]} for delta in deltas]
    return b"".join(b"data: " + json.dumps(chunk).encode() + b"\n\n" for chunk in chunks)


@pytest.mark.parametrize(
    "text",
    [
        "<think>\nThe user wants {\"title\": 1}. Fine.\n</think>\n\n{answer}",
        "The brand is coffee, so a short post.\n</think>\n\n{answer}",  # template opened the tag
        "Here is the post:\n\n```json\n{answer}\n```\n\nTell me if you want changes.",
        "{answer}\n\nI hope this helps!",
    ],
    ids=["think", "think-opened-by-template", "prose-around-fence", "text-after"],
)
def test_the_json_answer_is_found_behind_thinking_and_around_prose(text):
    answer = text.replace("{answer}", json.dumps(_GOOD_POST))
    assert parse_json_answer(answer, post_request(), provider="p", model="m") == _GOOD_POST
    with pytest.raises(ContractViolation, match="empty content"):
        parse_json_answer("<think>no answer yet</think>", post_request(), provider="p", model="m")


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "once"])
def test_a_thinking_model_behind_a_compatible_server_answers(llm_env, stream):
    llm_env.enqueue("ok", text="<think>\nA coffee post, then.\n</think>\n" + json.dumps(_GOOD_POST))
    result = make("openai").complete(post_request(stream=stream))
    assert result.data == _GOOD_POST and llm_env.request_count(OPENAI_PATH) == 1


def test_content_as_a_list_of_parts_is_read_as_text(canned):
    provider = canned(200, _completion({"content": [
        {"type": "thinking", "thinking": [{"type": "text", "text": "Hmm."}]},
        {"type": "text", "text": json.dumps(_GOOD_POST)},
    ]}))
    assert provider.complete(post_request(stream=False)).data == _GOOD_POST


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "once"])
def test_an_answer_sent_only_as_reasoning_is_used(canned, stream):
    answer = json.dumps(_GOOD_POST)
    provider = (
        canned(200, _events({"role": "assistant", "content": None, "reasoning_content": answer[:20]},
                            {"content": "", "reasoning_content": answer[20:]}), "text/event-stream")
        if stream
        else canned(200, _completion({"content": "", "reasoning_content": answer}))
    )
    result = provider.complete(post_request(stream=stream))
    assert result.data == _GOOD_POST
    assert any("reasoning" in warning for warning in result.warnings)


def test_a_whole_completion_sent_for_a_streamed_request_is_read(canned):
    provider = canned(200, _completion({"content": json.dumps(_GOOD_POST)}))  # stream ignored
    assert provider.complete(post_request(stream=True)).data == _GOOD_POST


def test_an_error_in_a_200_body_is_the_servers_error_not_empty_content(canned):
    provider = canned(200, {"error": {"message": "upstream model is down", "code": 502}})
    with pytest.raises(ProviderError) as caught:
        provider.complete(post_request(stream=False))
    assert type(caught.value) is not ContractViolation  # no repair attempt for a server error
    assert "upstream model is down" in caught.value.message


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "once"])
def test_a_page_that_is_not_an_api_answer_names_the_base_url(canned, stream):
    # A base URL pointing at a web UI or a proxy's login page: HTML with status 200.
    provider = canned(200, b"<html><body>Sign in</body></html>", "text/html")
    with pytest.raises(ProviderError) as caught:
        provider.complete(post_request(stream=stream))
    assert type(caught.value) is not ContractViolation and "OPENAI_BASE_URL" in caught.value.message


def test_a_stream_event_that_is_not_json_is_a_provider_error(canned):
    provider = canned(200, _events({"content": json.dumps(_GOOD_POST)}) + b"data:  [DONE]\n\n",
                      "text/event-stream")
    with pytest.raises(ProviderError) as caught:
        provider.complete(post_request(stream=True))
    assert "OPENAI_BASE_URL" in caught.value.message


@pytest.mark.parametrize(
    "body,content_type,said",
    [
        ({"error": 'model "gpt-4o-mini" not found, try pulling it first'}, "application/json",
         "try pulling it first"),
        ({"detail": "Not Found"}, "application/json", "Not Found"),
        (b"404 page not found", "text/plain", "404 page not found"),
    ],
    ids=["ollama", "fastapi", "plain-text"],
)
def test_a_404_quotes_the_server_and_names_the_model_and_base_url(canned, body, content_type, said):
    with pytest.raises(ProviderError) as caught:
        canned(404, body, content_type).complete(post_request(stream=False))
    message = caught.value.message
    assert said in message and "AICMO_OPENAI_MODEL" in message and "OPENAI_BASE_URL" in message


def test_usage_without_counts_is_estimated_not_zero(canned):
    provider = canned(200, _completion({"content": json.dumps(_GOOD_POST)},
                                       usage={"prompt_tokens": None, "completion_tokens": None}))
    result = provider.complete(post_request(stream=False))
    assert result.tokens_out > 0 and any("no token usage" in w for w in result.warnings)
