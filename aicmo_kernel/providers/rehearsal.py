"""A rehearsal of the providers' first call, for ``aicmo worker``: every SDK builds its request and
response models, reads its parameters' type hints and compiles its first paths on the first call
of a process, and each child of the worker would pay that on its first call. ``rehearse_calls``
makes one call through each adapter and its SDK, answered by a transport inside this process: no
socket is opened and nothing is sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import call_threads
from ._http import tls_context
from .base import LLMRequest

__all__ = ["rehearse_calls"]

_REQUEST = LLMRequest(module="intake", system="Answer in JSON.", prompt="Say hello.", stream=False,
                      output_schema={"type": "object", "properties": {"hello": {"type": "string"}},
                                     "required": ["hello"], "additionalProperties": False},
                      schema_name="warm_up")
_ANSWER = '{"hello": "world"}'
# What each API answers, as its SDK parses it.
_OPENAI_ANSWER = {"id": "warm-up", "object": "chat.completion", "created": 0, "model": "warm-up",
                  "choices": [{"index": 0, "finish_reason": "stop",
                               "message": {"role": "assistant", "content": _ANSWER}}],
                  "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
_ANTHROPIC_ANSWER = {"id": "warm-up", "type": "message", "role": "assistant", "model": "warm-up",
                     "content": [{"type": "text", "text": _ANSWER}], "stop_reason": "end_turn",
                     "usage": {"input_tokens": 1, "output_tokens": 1}}


def rehearse_calls() -> None:
    """One answer through each installed provider adapter and its SDK, as a command's first call
    makes it, from a transport inside this process. Also builds the shared TLS context (about
    25 ms of a command otherwise). Each command still builds its own clients from its own
    environment; the calls' helper threads have ended when this returns."""
    import threading

    before = set(threading.enumerate())
    tls_context()
    for rehearse in (_openai, _anthropic):
        try:
            rehearse()
        except ImportError:
            pass  # an optional SDK: nothing to rehearse
    call_threads.end_idle()
    for thread in set(threading.enumerate()) - before:  # the calls' helper threads
        thread.join(timeout=5.0)


def _openai() -> None:
    import openai

    from .openai import OpenAIProvider

    _call(openai.OpenAI, lambda client: OpenAIProvider(client=client, label="openai"), _OPENAI_ANSWER)


def _anthropic() -> None:
    import anthropic

    from .anthropic import AnthropicProvider

    _call(anthropic.Anthropic, lambda client: AnthropicProvider(client=client), _ANTHROPIC_ANSWER)


def _call(sdk_class: type, adapter: Callable[[Any], Any], answer: dict[str, Any]) -> None:
    import httpx2

    transport = httpx2.MockTransport(lambda _request: httpx2.Response(200, json=answer))
    client = sdk_class(api_key="warm-up", base_url="http://127.0.0.1:9", max_retries=0,
                       http_client=httpx2.Client(transport=transport))
    try:
        adapter(client).complete(_REQUEST)
    finally:
        client.close()
