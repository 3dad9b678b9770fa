"""The loopback LLM server, spoken to by the real openai and anthropic SDKs over HTTP."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time

import pytest
from fixtures_llm import ANTHROPIC_PATH, FAKE_ANTHROPIC_KEY, FAKE_OPENAI_KEY, OPENAI_PATH, Post

from aicmo_kernel.schemas import find_placeholders
from aicmo_kernel.testing.llm_server import Behaviour, LoopbackLLMServer
from aicmo_kernel.testing.schema_answer import answer_for_schema, topic_from_text

pytestmark = pytest.mark.filterwarnings("ignore:The model.*deprecated:DeprecationWarning")

SCHEMA = Post.model_json_schema()
PROMPT = "Brand: Acme Coffee\nWrite one LinkedIn post about the new roast."


def _openai_kwargs(**extra):
    return {
        "model": "gpt-4o-mini",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": PROMPT},
        ],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "Post", "schema": SCHEMA, "strict": True},
        },
        **extra,
    }


def _anthropic_kwargs(**extra):
    return {
        "model": "claude-sonnet-4-5",
        "max_tokens": 500,
        "system": "Be brief.",
        "messages": [{"role": "user", "content": PROMPT}],
        "output_config": {"format": {"type": "json_schema", "schema": SCHEMA}},
        **extra,
    }


def _check_post(text: str) -> Post:
    post = Post.model_validate_json(text)
    assert "Acme Coffee" in post.content_markdown
    assert find_placeholders(text) == []
    return post


def test_openai_answer_fits_the_schema_with_word_count_usage(llm_server, openai_client):
    response = openai_client.chat.completions.create(**_openai_kwargs())
    text = response.choices[0].message.content
    _check_post(text)
    assert response.usage.completion_tokens == len(text.split())
    assert response.usage.prompt_tokens == len(("Be brief.\n" + PROMPT).split())


def test_openai_stream_sends_chunks_usage_and_done(llm_server, openai_client):
    stream = openai_client.chat.completions.create(
        **_openai_kwargs(), stream=True, stream_options={"include_usage": True}
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    _check_post(text)
    assert len(chunks) > 5
    assert chunks[-1].choices == [] and chunks[-1].usage.completion_tokens == len(text.split())
    assert all(c.usage is None for c in chunks[:-1])


def test_anthropic_answer_and_stream_events(llm_server, anthropic_client):
    message = anthropic_client.messages.create(**_anthropic_kwargs())
    _check_post(message.content[0].text)
    assert message.usage.output_tokens == len(message.content[0].text.split())

    events = list(anthropic_client.messages.create(**_anthropic_kwargs(), stream=True))
    kinds = [e.type for e in events]
    assert kinds[:2] == ["message_start", "content_block_start"]
    assert kinds[-3:] == ["content_block_stop", "message_delta", "message_stop"]
    text = "".join(e.delta.text for e in events if e.type == "content_block_delta")
    _check_post(text)
    assert events[-2].usage.output_tokens == len(text.split())
    assert events[0].message.usage.input_tokens == len(("Be brief.\n" + PROMPT).split())


def test_without_a_schema_the_answer_is_a_short_reply(llm_server, openai_client):
    response = openai_client.chat.completions.create(
        model="local", messages=[{"role": "user", "content": "Topic: spring menu"}]
    )
    assert response.choices[0].message.content.startswith(
        "Here is a short answer about spring menu"
    )


def test_requests_are_recorded_without_secrets(llm_server, openai_client, anthropic_client):
    openai_client.chat.completions.create(**_openai_kwargs())
    anthropic_client.messages.create(**_anthropic_kwargs())
    first, second = llm_server.requests
    assert (first.path, second.path) == (OPENAI_PATH, ANTHROPIC_PATH)
    assert first.body["response_format"]["json_schema"]["name"] == "Post"
    assert "Acme Coffee" in second.prompt_text and second.api == "anthropic"
    recorded = json.dumps([first.headers, second.headers])
    assert FAKE_OPENAI_KEY not in recorded and FAKE_ANTHROPIC_KEY not in recorded
    assert "authorization" not in first.headers and "x-api-key" not in second.headers
    assert llm_server.request_count(OPENAI_PATH) == 1 and llm_server.request_count() == 2


def test_queue_is_consumed_one_per_request_then_the_default(llm_server, openai_client):
    import openai

    llm_server.enqueue("server_error")
    llm_server.enqueue("ok", data={"custom": True})
    with pytest.raises(openai.InternalServerError):
        openai_client.chat.completions.create(**_openai_kwargs())
    custom = openai_client.chat.completions.create(**_openai_kwargs())
    assert json.loads(custom.choices[0].message.content) == {"custom": True}
    llm_server.set_default("ok", text="plain words")
    assert (
        openai_client.chat.completions.create(**_openai_kwargs()).choices[0].message.content
        == "plain words"
    )
    assert [r.behaviour for r in llm_server.requests] == ["server_error", "ok", "ok"]
    llm_server.reset()
    assert llm_server.requests == []


def test_rate_limit_carries_retry_after_headers_and_sdk_error_bodies(
    llm_server, openai_client, anthropic_client
):
    import anthropic
    import openai

    llm_server.enqueue("rate_limit", retry_after=1.5)
    with pytest.raises(openai.RateLimitError) as oa:
        openai_client.chat.completions.create(**_openai_kwargs())
    assert oa.value.response.headers["retry-after-ms"] == "1500"
    assert oa.value.response.headers["retry-after"] == "2"
    assert oa.value.code == "rate_limit_exceeded"
    llm_server.enqueue("rate_limit", retry_after=3)
    with pytest.raises(anthropic.RateLimitError) as an:
        anthropic_client.messages.create(**_anthropic_kwargs())
    assert an.value.body["error"]["type"] == "rate_limit_error"


def test_latency_applies_to_every_request():
    with LoopbackLLMServer(latency_ms=300) as server:
        import openai

        client = openai.OpenAI(
            base_url=server.openai_base_url, api_key=FAKE_OPENAI_KEY, max_retries=0, timeout=3
        )
        started = time.monotonic()
        client.chat.completions.create(**_openai_kwargs())
        assert time.monotonic() - started >= 0.3


def test_the_servers_own_composing_is_part_of_the_latency(monkeypatch):
    """The latency is from the request's arrival to the answer, as a provider's: composing the
    answer (here made to take 0.5 s) happens within it, not after it."""
    import openai

    from aicmo_kernel.testing import llm_server as module

    compose = module.make_answer

    def slow(*args, **kwargs):
        time.sleep(0.5)
        return compose(*args, **kwargs)

    monkeypatch.setattr(module, "make_answer", slow)
    with LoopbackLLMServer(latency_ms=700) as server:
        client = openai.OpenAI(
            base_url=server.openai_base_url, api_key=FAKE_OPENAI_KEY, max_retries=0, timeout=5
        )
        started = time.monotonic()
        client.chat.completions.create(**_openai_kwargs())
        took = time.monotonic() - started
    assert 0.7 <= took < 1.1, took  # 1.2 s when the latency came after composing


def test_slow_stream_delays_each_chunk(llm_server, anthropic_client):
    llm_server.enqueue("slow_stream", delay=0.01)
    started = time.monotonic()
    events = list(anthropic_client.messages.create(**_anthropic_kwargs(), stream=True))
    assert time.monotonic() - started >= 0.01 * (len(events) - 1)


def test_misbehaviours_reach_the_sdk(llm_server, openai_client):
    import openai

    llm_server.enqueue("malformed_json")
    llm_server.enqueue("schema_wrong")
    llm_server.enqueue("empty")
    bad = [
        openai_client.chat.completions.create(**_openai_kwargs()).choices[0].message.content
        for _ in range(3)
    ]
    with pytest.raises(json.JSONDecodeError):
        json.loads(bad[0])
    wrong = json.loads(bad[1])
    assert set(SCHEMA["required"]) <= set(wrong) and "unexpected_field" in wrong
    with pytest.raises(ValueError):
        Post.model_validate(wrong)
    assert bad[2] == ""
    llm_server.enqueue("drop")
    with pytest.raises(openai.APIConnectionError):
        openai_client.chat.completions.create(**_openai_kwargs())


def test_hang_is_bounded_and_stop_releases_it():
    server = LoopbackLLMServer(hang_seconds=30).start()
    server.set_default("hang")
    import openai

    client = openai.OpenAI(
        base_url=server.openai_base_url, api_key=FAKE_OPENAI_KEY, max_retries=0, timeout=0.3
    )
    with pytest.raises(openai.APITimeoutError):
        client.chat.completions.create(**_openai_kwargs())
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 2


def test_models_endpoint(llm_server, openai_client):
    assert [m.id for m in openai_client.models.list()] == ["loopback"]


def test_unknown_behaviour_is_refused(llm_server):
    with pytest.raises(ValueError, match="unknown behaviour"):
        llm_server.enqueue("explode")
    assert Behaviour("drop").kind == "drop"


def test_schema_answer_handles_refs_unions_bounds_and_hints():
    schema = {
        "$defs": {
            "Kind": {"enum": ["alpha", "beta"]},
            "Item": {
                "type": "object",
                "properties": {
                    "label": {"type": "string", "maxLength": 12},
                    "when": {"type": "string", "format": "date"},
                },
                "required": ["label"],
            },
        },
        "type": "object",
        "properties": {
            "kind": {"$ref": "#/$defs/Kind"},
            "fixed": {"const": "v1"},
            "maybe": {"anyOf": [{"type": "null"}, {"type": "integer", "exclusiveMinimum": 5}]},
            "ratio": {"type": "number", "minimum": 0, "maximum": 1},
            "items": {
                "type": "array",
                "items": {"$ref": "#/$defs/Item"},
                "minItems": 3,
                "maxItems": 4,
            },
            "long": {"type": "string", "minLength": 200},
            "hinted": {"type": "string", "description": "Short.\n\n{maxLength: 15}"},
            "flag": {"type": ["boolean", "null"]},
            "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 0},
        },
    }
    value = answer_for_schema(schema, "Nordic Bikes")
    assert value["kind"] == "alpha" and value["fixed"] == "v1" and value["maybe"] > 5
    assert 0 <= value["ratio"] <= 1 and value["flag"] is True and value["tags"] == []
    assert len(value["items"]) == 3 and all(len(i["label"]) <= 12 for i in value["items"])
    assert value["items"][0]["when"] == "2025-03-10"
    assert len(value["long"]) >= 200 and len(value["hinted"]) <= 15
    assert find_placeholders(json.dumps(value)) == []


def test_topic_comes_from_the_request():
    assert topic_from_text('{"brand_name": "Nordic Bikes", "goal": "x"}') == "Nordic Bikes"
    assert topic_from_text("Intro\nClient: Harbor Dental.\nMore") == "Harbor Dental"
    assert (
        topic_from_text("write about summer cycling tours in Oslo")
        == "write about summer cycling tours"
    )


def test_runnable_by_hand(tmp_path):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aicmo_kernel.testing.llm_server",
            "--port",
            str(port),
            "--latency-ms",
            "0",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = [None]
        reader = threading.Thread(
            target=lambda: line.__setitem__(0, proc.stdout.readline()), daemon=True
        )
        reader.start()
        reader.join(timeout=15)
        assert line[0] and f"http://127.0.0.1:{port}/v1" in line[0]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
