"""OpenAI-compatible servers that refuse part of what we send, and streams that just stop (issue 15).

Each test runs a throwaway server on 127.0.0.1 that answers as a real server does: the refusal
bodies are the ones LM Studio, llama-server, Ollama, DeepSeek, Groq, Azure, Mistral, vLLM, a
LiteLLM proxy and Hugging Face TGI really send (quoted from their users' reports), and the
truncated streams close the connection after some deltas with no finish_reason (or message_stop)
and no [DONE]. Everything else is answered as the loopback server answers, from the schema the
request carries in ``response_format`` or, once that is dropped, in its system text. The real
``openai`` and ``anthropic`` SDKs make the calls, through our adapters, the chain and
``generate()``.
"""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from fixtures_llm import FAKE_ANTHROPIC_KEY, FAKE_OPENAI_KEY, Post, post_request

from aicmo_kernel.demo import seed_demo
from aicmo_kernel.errors import ChainExhausted, ProviderConnectionError
from aicmo_kernel.generation import generate
from aicmo_kernel.providers._forms import forget_refusals
from aicmo_kernel.providers.anthropic import AnthropicProvider
from aicmo_kernel.providers.chain import ProviderChain
from aicmo_kernel.providers.openai import OpenAIProvider
from aicmo_kernel.store import Workspace
from aicmo_kernel.testing.llm_wire import (
    anthropic_events,
    full_response,
    make_answer,
    openai_events,
)

pytestmark = pytest.mark.filterwarnings("ignore:The model.*deprecated:DeprecationWarning")

Reply = tuple[int, str, bytes]


@pytest.fixture(autouse=True)
def _no_refusals_remembered() -> Iterator[None]:
    """What a server refused is remembered per address for the process: a later test's server
    may get the same port."""
    forget_refusals()
    yield
    forget_refusals()


class CompatServer:
    """A throwaway server speaking the OpenAI (and Anthropic) wire protocol with one quirk.

    ``refuse(body)`` gives the (status, content type, body) a real server sends for a request it
    does not take, or None to answer. ``cut_after``: a stream stops after that many text deltas,
    the connection closed with no finish_reason / message_stop and no [DONE]; ``close`` says how
    (``eof``: no length, the socket closed; ``chunked``: a well-ended chunked body)."""

    def __init__(self, refuse: Callable[[dict[str, Any]], Reply | None] | None = None, *,
                 cut_after: int | None = None, close: str = "eof") -> None:
        self.refuse, self.cut_after, self.close = refuse, cut_after, close
        self.bodies: list[dict[str, Any]] = []
        self.sent_text: list[str] = []  # the text of each cut stream, as sent
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def openai_base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    @property
    def anthropic_base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def openai(self, **kw: Any) -> OpenAIProvider:
        import openai

        client = openai.OpenAI(base_url=self.openai_base_url, api_key=FAKE_OPENAI_KEY, max_retries=0)
        return OpenAIProvider(client=client, timeout=10, **kw)

    def anthropic(self) -> AnthropicProvider:
        import anthropic

        client = anthropic.Anthropic(base_url=self.anthropic_base_url, api_key=FAKE_ANTHROPIC_KEY,
                                     max_retries=0)
        return AnthropicProvider(client=client, timeout=10)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(owner: CompatServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
            owner.bodies.append(body)
            api = "anthropic" if self.path.endswith("/messages") else "openai"
            refusal = owner.refuse(body) if owner.refuse else None
            if refusal is not None:
                return self._send(*refusal)
            answer = make_answer(_schema_in_response_format(body))
            if not body.get("stream"):
                whole = json.dumps(full_response(api, body, answer)).encode()
                return self._send(200, "application/json", whole)
            if api == "openai":
                events = openai_events(body, answer)
                role, deltas = events[:1], events[1:-3 if _usage_asked(body) else -2]
            else:
                events = anthropic_events(body, answer)
                role, deltas = events[:3], events[3:-3]
            if owner.cut_after is not None:
                events = role + deltas[: owner.cut_after]
                owner.sent_text.append("".join(_delta_text(event) for event in events))
            self._stream(events)

        def _send(self, status: int, content_type: str, payload: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def _stream(self, events: list[bytes]) -> None:
            chunked = owner.cut_after is None or owner.close == "chunked"
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            if chunked:
                self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for event in events:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(event), event) if chunked else event)
            if chunked:
                self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
            self.close_connection = True

    return Handler


def _usage_asked(body: dict[str, Any]) -> bool:
    return bool((body.get("stream_options") or {}).get("include_usage"))


def _schema_in_response_format(body: dict[str, Any]) -> dict[str, Any]:
    """``body`` with the schema where the loopback answer maker reads it: a request without
    json_schema must carry it in its system text, or the answer fits nothing."""
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema" or "messages" not in body or body.get("output_config"):
        return body
    system = next((m["content"] for m in body["messages"] if m["role"] == "system"), "")
    _, marker, schema = system.partition("JSON schema:\n")
    # No schema given: any one object (which fits no module's model).
    found = json.loads(schema) if marker else {"type": "object", "properties": {"answer": {"type": "string"}},
                                               "required": ["answer"]}
    return {**body, "response_format": {"type": "json_schema", "json_schema": {"schema": found}}}


def _delta_text(event: bytes) -> str:
    data = event.decode().split("data: ", 1)[1].strip()
    payload = json.loads(data)
    if "choices" in payload:
        return "".join(choice["delta"].get("content") or "" for choice in payload["choices"])
    return (payload.get("delta") or {}).get("text") or ""


@pytest.fixture
def compat() -> Iterator[Callable[..., CompatServer]]:
    servers: list[CompatServer] = []

    def start(*args: Any, **kw: Any) -> CompatServer:
        servers.append(CompatServer(*args, **kw))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


def _json(status: int, body: Any) -> Reply:
    return status, "application/json", json.dumps(body).encode()


def _text(status: int, body: str) -> Reply:
    return status, "text/plain; charset=utf-8", body.encode()


def _format(body: dict[str, Any]) -> str:
    return (body.get("response_format") or {}).get("type", "none")


def _system(body: dict[str, Any]) -> str:
    return next((m["content"] for m in body["messages"] if m["role"] == "system"), "")


# -- 1. a refused response_format: asked again with the next weaker form -----------------------

# What each server sends for a json_schema it does not take, in its own words.
SCHEMA_REFUSALS = {
    "openai-older-model": _json(400, {"error": {
        "message": "Invalid parameter: 'response_format' of type 'json_schema' is not supported with "
                   "this model.",
        "type": "invalid_request_error", "param": "response_format", "code": None}}),
    "llama-server-before-json-schema": _json(500, {"error": {
        "code": 500, "type": "server_error",
        "message": 'response_format type must be one of "text" or "json_object", but got: json_schema'}}),
    "deepseek": _json(400, {"error": {
        "message": "This response_format type is unavailable now", "type": "invalid_request_error",
        "param": None, "code": "invalid_request_error"}}),
    "deepseek-body-parser": _text(422, "Failed to deserialize the JSON body into the target type: "
                                       "response_format: response_format.type `json_schema` is unavailable "
                                       "now at line 1 column 12440"),
    "groq-model": _json(400, {"error": {
        "message": "This model does not support response format `json_schema`. See supported models at "
                   "https://console.groq.com/docs/structured-outputs#supported-models",
        "type": "invalid_request_error", "param": "response_format"}}),
    # Ollama's /v1, for a schema its grammar builder cannot take (the native API says the same).
    "ollama-schema": _json(500, {"error": {"message": "invalid JSON schema in format", "type": "api_error",
                                           "param": None, "code": None}}),
    "groq-schema-keyword": _json(400, {"error": {
        "message": "invalid schema for response format: response_format/json_schema/slides: maxItems is "
                   "not supported", "type": "invalid_request_error"}}),
}


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "once"])
@pytest.mark.parametrize("server", sorted(SCHEMA_REFUSALS))
def test_a_refused_json_schema_is_asked_again_as_json_object_with_the_schema_in_the_prompt(
        compat, server, stream):
    reply = SCHEMA_REFUSALS[server]
    quirky = compat(lambda body: reply if _format(body) == "json_schema" else None)
    result = ProviderChain([quirky.openai()]).complete(post_request(stream=stream))
    Post.model_validate(result.data)  # validated exactly as before
    assert [_format(body) for body in quirky.bodies] == ["json_schema", "json_object"]
    assert "JSON schema:" not in _system(quirky.bodies[0])
    assert json.loads(_system(quirky.bodies[1]).partition("JSON schema:\n")[2]) == Post.model_json_schema()
    refused, answered = result.attempts
    assert (refused.status, refused.error_type, answered.status) == ("failed", "PROVIDER_ERROR", "ok")
    assert "json_schema" in refused.error_message and "json_object" in refused.error_message
    assert (refused.tokens_in, refused.tokens_out, refused.cost_usd) == (0, 0, 0.0)  # nothing was paid
    assert any("does not take response_format json_schema" in w for w in result.warnings)
    # The server and model keep the weaker form: the next call pays no refusal.
    again = ProviderChain([quirky.openai()]).complete(post_request(stream=stream))
    assert [_format(body) for body in quirky.bodies[2:]] == ["json_object"]
    assert len(again.attempts) == 1 and any("json_schema" in w for w in again.warnings)


def test_a_server_refusing_every_response_format_is_asked_without_one(compat):
    # A LiteLLM proxy in front of a model it has no response_format for refuses both forms.
    litellm = _json(400, {"error": {
        "message": "litellm.UnsupportedParamsError: openai does not support parameters: ['response_format'], "
                   "for model=local-model. To drop these, set `litellm.drop_params=True` or for proxy:\n\n"
                   "`litellm_settings:\n drop_params: true`\n",
        "type": "None", "param": None, "code": "400"}})
    quirky = compat(lambda body: litellm if "response_format" in body else None)
    result = ProviderChain([quirky.openai()]).complete(post_request(stream=False))
    Post.model_validate(result.data)
    assert [_format(body) for body in quirky.bodies] == ["json_schema", "json_object", "none"]
    assert [a.status for a in result.attempts] == ["failed", "failed", "ok"]
    assert any("json_schema or json_object" in w and "no response_format" in w for w in result.warnings)


JSON_OBJECT_REFUSALS = {
    # LM Studio takes json_schema but not OpenAI's json_object.
    "lm-studio": _json(400, {"error": "'response_format.type' must be 'json_schema' or 'text'"}),
    # TGI's json_object needs a schema in a field of its own.
    "tgi": _text(422, "Failed to deserialize the JSON body into the target type: response_format: "
                      "missing field `value` at line 1 column 168"),
}


@pytest.mark.parametrize("server", sorted(JSON_OBJECT_REFUSALS))
def test_a_refused_json_object_is_dropped_and_json_schema_kept(compat, server):
    reply = JSON_OBJECT_REFUSALS[server]
    quirky = compat(lambda body: reply if _format(body) == "json_object" else None)
    free_form = dataclasses.replace(post_request(stream=False), output_schema={}, output_model=None)
    result = ProviderChain([quirky.openai()]).complete(free_form)
    assert isinstance(result.data, dict)
    assert [_format(body) for body in quirky.bodies] == ["json_object", "none"]
    assert "JSON object" in _system(quirky.bodies[1])
    ProviderChain([quirky.openai()]).complete(post_request(stream=False))
    assert [_format(body) for body in quirky.bodies[2:]] == ["json_schema"]


def test_the_refusal_is_remembered_per_server_and_model(compat):
    deepseek = SCHEMA_REFUSALS["deepseek"]
    quirky = compat(
        lambda body: deepseek if _format(body) == "json_schema" and body["model"] == "old" else None)
    ProviderChain([quirky.openai(model="old")]).complete(post_request(stream=False))
    ProviderChain([quirky.openai(model="new")]).complete(post_request(stream=False))
    assert [(body["model"], _format(body)) for body in quirky.bodies] == [
        ("old", "json_schema"), ("old", "json_object"), ("new", "json_schema")]


# -- 2. a refused stream_options: streamed without it, usage estimated ---------------------------

STREAM_OPTIONS_REFUSALS = {
    "azure": _json(400, {"error": {"message": "Unrecognized request argument supplied: stream_options",
                                   "type": "invalid_request_error", "param": None, "code": None}}),
    "mistral": _json(422, {"object": "error", "message": {"detail": [{
        "type": "extra_forbidden", "loc": ["body", "stream_options", "include_usage"],
        "msg": "Extra inputs are not permitted", "input": True,
        "url": "https://errors.pydantic.dev/2.10/v/extra_forbidden"}]},
        "type": "invalid_request_error", "param": None, "code": None}),
    "vllm-pydantic": _json(400, {"object": "error", "type": "BadRequestError", "param": None, "code": 400,
                                 "message": "[{'type': 'extra_forbidden', 'loc': ('body', 'stream_options'), "
                                            "'msg': 'Extra inputs are not permitted', "
                                            "'input': {'include_usage': True}}]"}),
    "gateway-unknown-parameter": _json(400, {"error": {
        "message": "Unknown parameter: 'stream_options'.", "type": "invalid_request_error",
        "param": "stream_options", "code": "unknown_parameter"}}),
}


@pytest.mark.parametrize("server", sorted(STREAM_OPTIONS_REFUSALS))
def test_a_refused_stream_options_streams_again_without_it(compat, server):
    reply = STREAM_OPTIONS_REFUSALS[server]
    quirky = compat(lambda body: reply if "stream_options" in body else None)
    result = ProviderChain([quirky.openai()]).complete(post_request(stream=True))
    Post.model_validate(result.data)
    assert ["stream_options" in body for body in quirky.bodies] == [True, False]
    assert all(_format(body) == "json_schema" for body in quirky.bodies)  # only what was refused goes
    assert [a.status for a in result.attempts] == ["failed", "ok"]
    # No usage came back: the counts are estimates, said so, never a reported 0.
    assert result.tokens_in > 0 and result.tokens_out > 0
    assert any("input and output tokens are estimated" in w for w in result.warnings)
    assert any("does not take stream_options" in w for w in result.warnings)
    # The memory keeps stream_options out of the next stream: no second refusal.
    ProviderChain([quirky.openai()]).complete(post_request(stream=True))
    assert "stream_options" not in quirky.bodies[-1] and len(quirky.bodies) == 3


def test_each_refused_part_costs_one_attempt_when_a_server_refuses_two(compat):
    groq, azure = SCHEMA_REFUSALS["groq-model"], STREAM_OPTIONS_REFUSALS["azure"]

    def refuse(body: dict[str, Any]) -> Reply | None:
        if _format(body) == "json_schema":
            return groq
        return azure if "stream_options" in body else None

    quirky = compat(refuse)
    result = ProviderChain([quirky.openai()]).complete(post_request(stream=True))
    Post.model_validate(result.data)
    assert [(_format(body), "stream_options" in body) for body in quirky.bodies] == [
        ("json_schema", True), ("json_object", True), ("json_object", False)]
    assert [a.status for a in result.attempts] == ["failed", "failed", "ok"]
    assert sum(a.cost_usd for a in result.attempts[:2]) == 0.0


# -- 3. any other refusal is shown as it is: no second request --------------------------------

_REQUEST_QUOTED = {"model": "m", "messages": [], "top_logprobs": 3, "stream": True,
                   "stream_options": {"include_usage": True},
                   "response_format": {"type": "json_schema", "json_schema": {"name": "Post"}}}

OTHER_ERRORS = {
    "context-too-long": _json(400, {"error": {
        "message": "This model's maximum context length is 8192 tokens. However, you requested 12000 tokens "
                   "(4000 in the messages, 8000 in the completion). Please reduce the length of the messages "
                   "or completion.", "type": "invalid_request_error", "param": "messages",
        "code": "context_length_exceeded"}}),
    "invalid-model": _json(400, {"error": {"message": "Invalid model: gpt-5-local. Check the model name.",
                                           "type": "invalid_request_error", "param": "model"}}),
    "bad-key-as-400": _json(400, {"error": {"code": 400, "status": "INVALID_ARGUMENT",
                                            "message": "API key not valid. Please pass a valid API key."}}),
    "bad-key": _json(401, {"error": {"message": "Incorrect API key provided: sk-te***6789.",
                                     "type": "invalid_request_error", "param": None,
                                     "code": "invalid_api_key"}}),
    # A request-level check fails and the 422 quotes the whole request (our response_format and
    # stream_options too) under "input": as FastAPI sends it, and as vLLM writes it into a message.
    "validation-quoting-the-request": _json(422, {"detail": [{
        "type": "value_error", "loc": ["body"],
        "msg": "Value error, when using `top_logprobs`, `logprobs` must be set to true.",
        "input": _REQUEST_QUOTED}]}),
    "vllm-validation-quoting-the-request": _json(400, {
        "object": "error", "type": "BadRequestError", "param": None, "code": 400,
        "message": repr([{"type": "value_error", "loc": ("body",), "input": _REQUEST_QUOTED,
                          "msg": "Value error, when using `top_logprobs`, `logprobs` must be set to true."}])}),
    # Groq's JSON mode failing to generate quotes the model's output, not a refusal of the form.
    "generation-failed": _json(400, {"error": {
        "message": "Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for "
                   "more details.",
        "type": "invalid_request_error", "code": "json_validate_failed",
        "failed_generation": '{"response_format": "json_schema unsupported'}}),
}


@pytest.mark.parametrize("stream", [True, False], ids=["stream", "once"])
@pytest.mark.parametrize("server", sorted(OTHER_ERRORS))
def test_any_other_error_is_not_answered_with_a_weaker_form(compat, server, stream):
    reply = OTHER_ERRORS[server]
    quirky = compat(lambda body: reply)
    with pytest.raises(ChainExhausted) as caught:
        ProviderChain([quirky.openai()]).complete(post_request(stream=stream))
    assert len(quirky.bodies) == 1 and len(caught.value.attempts) == 1
    assert "weaker" not in caught.value.message and "asking again" not in caught.value.message
    with pytest.raises(ChainExhausted):
        ProviderChain([quirky.openai()]).complete(post_request(stream=stream))
    assert _format(quirky.bodies[1]) == "json_schema"  # nothing was remembered either


# -- 4. a stream that just stops is a dropped connection -------------------------------------


@pytest.mark.parametrize("close", ["eof", "chunked"])
@pytest.mark.parametrize("backend", ["openai", "anthropic"])
def test_a_stream_that_stops_is_a_connection_failure_not_a_broken_answer(compat, backend, close):
    quirky = compat(cut_after=4, close=close)
    provider = quirky.openai() if backend == "openai" else quirky.anthropic()
    with pytest.raises(ProviderConnectionError) as caught:
        provider.complete(post_request(stream=True))
    (sent,) = quirky.sent_text
    assert 0 < len(sent) and f"ended early after {len(sent):,} characters" in caught.value.message
    assert caught.value.error_type == "PROVIDER_ERROR" and caught.value.retryable
    assert caught.value.details["tokens_out"] > 0  # what streamed is kept for the attempt's cost


def test_a_stopped_stream_falls_back_to_the_next_provider_without_a_repair(compat, llm_server):
    quirky = compat(cut_after=4)
    import anthropic

    loopback = AnthropicProvider(client=anthropic.Anthropic(
        base_url=llm_server.anthropic_base_url, api_key=FAKE_ANTHROPIC_KEY, max_retries=0), timeout=10)
    result = ProviderChain([quirky.openai(), loopback]).complete(post_request(stream=True))
    assert [(a.provider, a.status, a.error_type) for a in result.attempts] == [
        ("openai-compatible", "failed", "PROVIDER_ERROR"), ("anthropic", "ok", None)]
    assert "ended early" in result.attempts[0].error_message
    assert len(quirky.bodies) == 1  # no repair prompt for an answer the model was never let finish


def test_a_whole_answer_without_finish_reason_is_taken(compat):
    # Every delta sent, then the connection closed before finish_reason and [DONE].
    quirky = compat(cut_after=10_000)
    result = quirky.openai().complete(post_request(stream=True))
    Post.model_validate(result.data)


def test_a_stream_cut_mid_chunk_says_how_far_it_got(llm_server):
    import openai

    llm_server.enqueue("drop")  # the loopback server closes a chunked stream mid-body
    provider = OpenAIProvider(client=openai.OpenAI(base_url=llm_server.openai_base_url,
                                                   api_key=FAKE_OPENAI_KEY, max_retries=0), timeout=10)
    with pytest.raises(ProviderConnectionError) as caught:
        provider.complete(post_request(stream=True))
    assert "ended early after" in caught.value.message


# -- 5. as a user meets it: generate() --------------------------------------------------------


@pytest.fixture
def ws():
    with Workspace.open() as workspace:
        seed_demo(workspace)
        yield workspace


def _point_openai_at(monkeypatch: pytest.MonkeyPatch, server: CompatServer) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_OPENAI_KEY)
    monkeypatch.setenv("OPENAI_BASE_URL", server.openai_base_url)
    monkeypatch.setenv("AICMO_LLM_PRIMARY_PROVIDER", "openai")
    monkeypatch.setenv("AICMO_LLM_TIMEOUT", "20")
    monkeypatch.setenv("AICMO_CACHE", "off")


def test_generate_on_a_server_refusing_json_schema_records_the_refusal_and_warns(ws, compat, monkeypatch):
    deepseek = SCHEMA_REFUSALS["deepseek"]
    quirky = compat(lambda body: deepseek if _format(body) == "json_schema" else None)
    _point_openai_at(monkeypatch, quirky)
    result = generate(ws, "demo", "intake")
    assert result.ok, result.envelope.error
    assert [(a["status"], a["error_type"]) for a in result.attempts] == [
        ("failed", "PROVIDER_ERROR"), ("ok", None)]
    assert any("does not take response_format json_schema" in w for w in result.envelope.meta.warnings)
    refused, answered = ws.list_calls(result.run_id)
    assert (refused.error_type, refused.tokens_in, refused.cost_usd) == ("PROVIDER_ERROR", 0, 0.0)
    assert result.envelope.meta.tokens_used["in"] == answered.tokens_in > 0
    # The next generation goes straight to the form that works.
    again = generate(ws, "demo", "intake")
    assert again.ok and len(again.attempts) == 1
    assert [_format(body) for body in quirky.bodies] == ["json_schema", "json_object", "json_object"]


def test_generate_on_a_stream_that_stops_falls_back_as_for_a_dropped_connection(
        ws, compat, llm_server, monkeypatch):
    quirky = compat(cut_after=4)
    _point_openai_at(monkeypatch, quirky)
    monkeypatch.setenv("ANTHROPIC_API_KEY", FAKE_ANTHROPIC_KEY)
    monkeypatch.setenv("ANTHROPIC_BASE_URL", llm_server.anthropic_base_url)
    monkeypatch.setenv("AICMO_LLM_FALLBACK_PROVIDERS", "anthropic")
    result = generate(ws, "demo", "intake", progress=lambda p: None)  # streamed, as the notebooks do
    assert result.ok, result.envelope.error
    assert [(a["provider"], a["status"], a["error_type"]) for a in result.attempts] == [
        ("openai-compatible", "failed", "PROVIDER_ERROR"), ("anthropic", "ok", None)]
    assert "ended early after" in result.attempts[0]["error_message"]
    assert len(quirky.bodies) == 1


# -- 6. a refusal sent with status 200: in the body, or as a stream's error event --------------

# A gateway that answers 200 before its upstream runs (OpenRouter) puts the upstream's error in
# the body, its status as "code" and the upstream's own words as JSON text in metadata.raw (the
# wrapper as OpenRouter sends it; inside, the upstreams' real refusals quoted in sections 1 and 2).
def _openrouter(upstream: str, raw: dict[str, Any]) -> Reply:
    return _json(200, {"error": {"message": "Provider returned error", "code": 400,
                                 "metadata": {"raw": json.dumps(raw), "provider_name": upstream}},
                       "user_id": "user_2xQ7"})


def _event(payload: dict[str, Any], *before: bytes) -> Reply:
    """A stream that sends ``before`` (role and text deltas), then ``payload`` as an event."""
    return 200, "text/event-stream", b"".join(before) + b"data: " + json.dumps(payload).encode() + b"\n\n"


_DEEPSEEK = json.loads(SCHEMA_REFUSALS["deepseek"][2])
_AZURE = json.loads(STREAM_OPTIONS_REFUSALS["azure"][2])
# The shapes a LiteLLM proxy (its code as text) and vLLM (its ErrorResponse) give an error once
# their stream has begun, data: {"error": ...}, carrying the words each sends for the refusal as an
# HTTP error (LiteLLM's as in section 1; vLLM's as its users quote it with a 400). The pairing of
# those words with the in-stream shape is ours: the shapes and the words are each the servers'.
LITELLM_STREAM_ERROR = {"error": {
    "message": "litellm.UnsupportedParamsError: openai does not support parameters: ['response_format'], "
               "for model=local-model. To drop these, set `litellm.drop_params=True` or for proxy:\n\n"
               "`litellm_settings:\n drop_params: true`\n",
    "type": "None", "param": "None", "code": "400"}}
VLLM_STREAM_ERROR = {"error": {"object": "error", "type": "BadRequestError", "param": None, "code": 400,
                               "message": "The provided JSON schema contains features not supported by xgrammar."}}

IN_BAND_SCHEMA_REFUSALS = {
    "openrouter-deepseek-body": (_openrouter("DeepSeek", _DEEPSEEK), (True, False)),
    "litellm-stream-event": (_event(LITELLM_STREAM_ERROR), (True,)),
    "vllm-stream-event": (_event(VLLM_STREAM_ERROR), (True,)),
}


def _in_band_cases() -> list[tuple[str, bool]]:
    return [(name, stream) for name, (_, streams) in sorted(IN_BAND_SCHEMA_REFUSALS.items()) for stream in streams]


@pytest.mark.parametrize(("server", "stream"), _in_band_cases())
def test_a_json_schema_refused_with_status_200_is_asked_again_as_json_object(compat, server, stream):
    reply, _ = IN_BAND_SCHEMA_REFUSALS[server]
    quirky = compat(lambda body: reply if _format(body) == "json_schema" else None)
    result = ProviderChain([quirky.openai()]).complete(post_request(stream=stream))
    Post.model_validate(result.data)
    assert [_format(body) for body in quirky.bodies] == ["json_schema", "json_object"]
    refused, answered = result.attempts
    assert (refused.status, refused.error_type, answered.status) == ("failed", "PROVIDER_ERROR", "ok")
    assert "does not take response_format json_schema (an error sent with status 200" in refused.error_message
    assert (refused.tokens_in, refused.tokens_out, refused.cost_usd) == (0, 0, 0.0)
    assert any("does not take response_format json_schema" in w for w in result.warnings)
    ProviderChain([quirky.openai()]).complete(post_request(stream=stream))
    assert [_format(body) for body in quirky.bodies[2:]] == ["json_object"]  # remembered


def test_stream_options_refused_with_status_200_streams_again_without_it(compat):
    reply = _openrouter("Azure", _AZURE)
    quirky = compat(lambda body: reply if "stream_options" in body else None)
    result = ProviderChain([quirky.openai()]).complete(post_request(stream=True))
    Post.model_validate(result.data)
    assert ["stream_options" in body for body in quirky.bodies] == [True, False]
    assert all(_format(body) == "json_schema" for body in quirky.bodies)  # only what was refused goes
    assert any("does not take stream_options" in w for w in result.warnings)


IN_BAND_OTHER_ERRORS = {
    # OpenAI's rule for json_object, relayed by OpenRouter as its users report it: it names
    # json_object and refuses nothing of it
    "openrouter-json-word": _openrouter("OpenAI", {"error": {
        "message": "Response input messages must contain the word 'json' in some form to use 'text.format' of "
                   "type 'json_object'.", "type": "invalid_request_error", "param": "input", "code": None}}),
    # an upstream's 422 that quotes our whole request (response_format, stream_options) under
    # "input", relayed as text in metadata.raw
    "openrouter-validation-quoting-the-request": _openrouter(
        "vLLM", json.loads(OTHER_ERRORS["validation-quoting-the-request"][2])),
    # OpenRouter's own error once its upstream went away mid-answer (a chunk with "error" and
    # finish_reason "error", as its documentation shows it)
    "openrouter-stream-error-chunk": _event({
        "id": "cmpl-abc123", "object": "chat.completion.chunk", "created": 1234567890, "model": "gpt-3.5-turbo",
        "provider": "openai", "error": {"code": "server_error", "message": "Provider disconnected unexpectedly"},
        "choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": "error"}]}),
}


@pytest.mark.parametrize("server", sorted(IN_BAND_OTHER_ERRORS))
def test_any_other_error_sent_with_status_200_is_not_answered_with_a_weaker_form(compat, server):
    reply = IN_BAND_OTHER_ERRORS[server]
    quirky = compat(lambda body: reply)
    with pytest.raises(ChainExhausted) as caught:
        ProviderChain([quirky.openai()]).complete(post_request(stream=True))
    assert len(quirky.bodies) == 1 and "asking again" not in caught.value.message
    with pytest.raises(ChainExhausted):
        ProviderChain([quirky.openai()]).complete(post_request(stream=True))
    assert _format(quirky.bodies[1]) == "json_schema" and "stream_options" in quirky.bodies[1]


def test_an_error_event_after_the_answer_began_is_no_refusal(compat):
    # The server took the request and was writing the answer: the same words then refuse nothing.
    def refuse(body: dict[str, Any]) -> Reply:
        events = openai_events(body, make_answer(_schema_in_response_format(body)))
        return _event(VLLM_STREAM_ERROR, *events[:4])

    quirky = compat(refuse)
    with pytest.raises(ChainExhausted) as caught:
        ProviderChain([quirky.openai()]).complete(post_request(stream=True))
    assert len(quirky.bodies) == 1 and "asking again" not in caught.value.message


def test_an_error_sent_with_status_200_counts_by_its_own_code():
    # Azure's words for stream_options; the codes are what such a body may carry beside them.
    import httpx2
    import openai

    from aicmo_kernel.providers._forms import RequestForm, in_band_status, refused_parts

    form = RequestForm("json_schema", stream_usage=True)
    request = httpx2.Request("POST", "http://127.0.0.1/v1/chat/completions")

    def event(**error: Any) -> openai.APIError:  # as the SDK raises a stream's error event
        return openai.APIError(str(error.get("message")), request, body=error)

    azure = "Unrecognized request argument supplied: stream_options"
    assert refused_parts(event(message=azure), form) == ("stream_options",)  # no code at all
    assert refused_parts(event(message=azure, code="400"), form) == ("stream_options",)
    assert refused_parts(event(message=azure, code=503), form) == ("stream_options",)
    assert refused_parts(event(message=azure, code=429), form) == ()  # a rate limit is no refusal
    assert refused_parts(event(message=azure, code="401"), form) == ()
    assert refused_parts(event(message=azure), form, answered=True) == ()
    assert in_band_status(event(message=azure, code="server_error")) is None
    assert in_band_status(event(message=azure, code=True)) is None
    assert refused_parts(openai.APIConnectionError(request=request), form) == ()  # no server words
