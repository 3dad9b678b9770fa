"""A rehearsal of the providers' first call, for ``aicmo worker``: every SDK builds its request and
response models, reads its parameters' type hints and compiles its first paths on the first call
of a process, and each child of the worker would pay that on its first call. ``rehearse_calls``
makes one call through each adapter and its SDK, answered by a transport inside this process: no
socket is opened and nothing is sent."""

from __future__ import annotations

from ._http import sdk_client
from .base import LLMRequest

__all__ = ["rehearse_calls"]


def rehearse_calls() -> None:
    """One answer through each provider adapter and its SDK, as a command's first call makes it
    (the SDK's request and response models, its parameter type hints, the adapters' own code),
    from a transport inside this process: nothing is sent. Also builds the shared TLS context
    (about 25 ms of a command otherwise). Each command builds its own clients from its own
    environment; the call's helper thread has ended when this returns."""
    import threading

    before = set(threading.enumerate())
    request = LLMRequest(module="intake", system="Answer in JSON.", prompt="Say hello.", stream=False,
                         output_schema={"type": "object", "properties": {"hello": {"type": "string"}},
                                        "required": ["hello"], "additionalProperties": False},
                         schema_name="warm_up")
    try:
        import httpx2
        import openai

        from .openai import OpenAIProvider

        answer = {"id": "warm-up", "object": "chat.completion", "created": 0, "model": "warm-up",
                  "choices": [{"index": 0, "finish_reason": "stop",
                               "message": {"role": "assistant", "content": '{"hello": "world"}'}}],
                  "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        client = sdk_client(openai.OpenAI, openai.DefaultHttpxClient, api_key="warm-up", max_retries=0,
                            base_url="http://127.0.0.1:9/v1")
        client.batches, client.files  # noqa: B018 - resources load on access
        client.close()
        client = openai.OpenAI(api_key="warm-up", base_url="http://127.0.0.1:9/v1", max_retries=0,
                               http_client=httpx2.Client(transport=httpx2.MockTransport(
                                   lambda _request: httpx2.Response(200, json=answer))))
        OpenAIProvider(client=client, label="openai").complete(request)
        client.close()
    except ImportError:
        pass
    try:
        import anthropic
        import httpx2

        from .anthropic import AnthropicProvider

        answer = {"id": "warm-up", "type": "message", "role": "assistant", "model": "warm-up",
                  "content": [{"type": "text", "text": '{"hello": "world"}'}], "stop_reason": "end_turn",
                  "usage": {"input_tokens": 1, "output_tokens": 1}}
        client = sdk_client(anthropic.Anthropic, anthropic.DefaultHttpxClient, api_key="warm-up",
                            base_url="http://127.0.0.1:9", max_retries=0)
        client.messages.batches  # noqa: B018
        client.close()
        client = anthropic.Anthropic(api_key="warm-up", base_url="http://127.0.0.1:9", max_retries=0,
                                     http_client=httpx2.Client(transport=httpx2.MockTransport(
                                         lambda _request: httpx2.Response(200, json=answer))))
        AnthropicProvider(client=client).complete(request)
        client.close()
    except ImportError:
        pass
    for thread in set(threading.enumerate()) - before:  # the calls' helper threads
        thread.join(timeout=5.0)
