"""Anthropic Messages adapter.

Structured output goes through ``output_config.format`` (``json_schema``); the system prompt is
the Messages API's ``system``. Streaming events give the text (``content_block_delta``) and usage
(``message_start`` for input tokens, ``message_delta`` for output tokens). The SDK client is built
lazily with ``max_retries=0`` and an explicit timeout: the chain is the only retry layer.
A malformed ``ANTHROPIC_BASE_URL``, key or model name makes the provider unavailable with a reason
naming the variable; ``ping()`` lists the models and spends nothing (``aicmo doctor --ping``).
A stream that stops before ``message_stop`` with an incomplete answer is a dropped connection,
not a broken answer (``CallTracker.finish``).
"""

from __future__ import annotations

import importlib.util
import os
import threading
from typing import Any

from ..config import DEFAULT_ANTHROPIC_MODEL, Settings, parse_flag
from ..errors import ProviderError, ProviderUnavailable
from ._call import DEFAULT_TIMEOUT_S, CallTracker
from ._errors import list_models, map_sdk_error
from ._http import sdk_client
from ._parse import anthropic_output_schema
from .base import CancelToken, LLMRequest, LLMResult, ProgressCallback
from .context import check_fits

__all__ = ["PROMPT_CACHE_VARIABLE", "AnthropicProvider", "cache_cuts", "min_cacheable_tokens"]

# Off: no cache_control marks (nothing written at 1.25x, nothing read at 0.1x). A first run pays
# the writes; they pay back when a module is generated again (or repaired) within five minutes.
PROMPT_CACHE_VARIABLE = "AICMO_PROMPT_CACHE"

# Anthropic's minimum cacheable prompt length, in tokens, by model (its prompt-caching docs): a
# shorter prefix is not cached, so marking it would buy nothing. Longest matching name first; any
# other model: 1,024 (the Sonnet models, Opus 4 and 4.1).
_MIN_CACHEABLE_TOKENS = (
    ("claude-opus-4-6", 4096),
    ("claude-opus-4-5", 4096),
    ("claude-haiku-4-5", 4096),
    ("claude-3-5-haiku", 2048),
    ("claude-3-haiku", 2048),
)
_DEFAULT_MIN_CACHEABLE = 1024
_MAX_BREAKPOINTS = 4  # per request, the API's limit
# Characters a token, counted from below for the minimum: a prefix is marked only when it is
# surely long enough (English runs about four characters a token, JSON fewer).
_CHARS_PER_TOKEN_FLOOR = 4.0


class AnthropicProvider:
    """Provider for Anthropic's Messages API (or a proxy at ``ANTHROPIC_BASE_URL``)."""

    name = "anthropic"

    def __init__(
        self,
        *,
        client: Any = None,
        settings: Settings | None = None,
        model: str | None = None,
        timeout: float | None = None,
    ) -> None:
        """``client``: a ready ``anthropic.Anthropic`` (tests), else built from ``settings``;
        ``timeout``: seconds for a whole call (default ``AICMO_LLM_TIMEOUT``)."""
        if client is None and settings is None:
            settings = Settings.from_env()
        self._settings = settings
        self._client = client
        self._lock = threading.Lock()
        self._model_from_settings = not model
        self.model = model or (settings.anthropic_model if settings else DEFAULT_ANTHROPIC_MODEL)
        self.timeout = timeout or (settings.request_timeout if settings else DEFAULT_TIMEOUT_S)

    @classmethod
    def from_settings(cls, settings: Settings) -> AnthropicProvider:
        return cls(settings=settings)

    def unavailable_reason(self) -> str | None:
        if self._client is not None:
            return None
        if importlib.util.find_spec("anthropic") is None:
            return "the anthropic package is not installed (pip install anthropic)"
        assert self._settings is not None
        problems = self._settings.provider_problems("anthropic", model=self._model_from_settings)
        if problems:
            return "; ".join(problems)
        return None if self._settings.anthropic_api_key else "ANTHROPIC_API_KEY is not set"

    def ping(self, *, timeout: float = 5.0) -> list[str]:
        """The ids of the models the API lists: one request, no tokens spent (``list_models``)."""
        import anthropic

        return list_models(self, self._get_client, anthropic, anthropic.AnthropicError, key_variable="ANTHROPIC_API_KEY", timeout=timeout)

    def prepare(self) -> None:
        """Import the SDK and build the client now, if this provider can be used: what a first
        call would otherwise do while it holds a batch's call slot (``providers.limit``)."""
        if self.unavailable_reason() is None:
            self._get_client()

    def _get_client(self) -> Any:
        with self._lock:
            if self._client is None:
                import anthropic

                settings = self._settings
                assert settings is not None
                self._client = sdk_client(
                    anthropic.Anthropic,
                    anthropic.DefaultHttpxClient,
                    api_key=settings.anthropic_api_key,
                    base_url=settings.anthropic_base_url or None,
                    timeout=settings.request_timeout,
                    max_retries=0,
                )
            return self._client

    def _request_kwargs(self, request: LLMRequest) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "model": self.model,
            "max_tokens": request.max_output_tokens,
            "messages": [{"role": "user", "content": _user_content(request, self.model)}],
        }
        if request.system:
            kwargs["system"] = request.system
        if request.output_schema:
            kwargs["output_config"] = {
                "format": {
                    "type": "json_schema",
                    "schema": anthropic_output_schema(request.output_schema),
                }
            }
        # This SDK's Messages API takes no temperature; request.temperature is not sent.
        return kwargs

    def complete(
        self,
        request: LLMRequest,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> LLMResult:
        reason = self.unavailable_reason()
        if reason:
            raise ProviderUnavailable(reason, provider=self.name, model=self.model)
        check_fits(self.name, self.model, request)
        tracker = CallTracker(self.name, self.model, progress, cancel, request.max_output_tokens)
        tracker.check_cancel()
        client = self._get_client()
        import anthropic
        import httpx2

        # The SDK's timeout bounds each read; tracker.run bounds the whole call.
        kwargs = {**self._request_kwargs(request), "timeout": self.timeout}
        call = self._stream if request.stream else self._once
        try:
            raw = tracker.run(lambda: call(client, kwargs, tracker), timeout=self.timeout)
        except ProviderError:
            raise
        except (anthropic.AnthropicError, httpx2.TransportError) as exc:
            raise tracker.charged(map_sdk_error(
                exc,
                anthropic,
                provider=self.name,
                model=self.model,
                key_variable="ANTHROPIC_API_KEY",
            )) from exc
        tracker.check_cancel()
        ended = raw.pop("ended", True)
        return tracker.finish(request, raw=raw, truncated=raw.get("stop_reason") == "max_tokens",
                              ended=ended, end_marker="message_stop")

    def _once(self, client: Any, kwargs: dict[str, Any], tracker: CallTracker) -> dict[str, Any]:
        message = client.messages.create(**kwargs)
        for block in message.content or ():
            if getattr(block, "type", None) == "text":
                tracker.add(block.text)
        if message.usage is not None:
            take_input_usage(tracker, message.usage)
            tracker.usage.tokens_out = int(message.usage.output_tokens or 0)
            tracker.usage.known = True
        return _raw(message.id, message.model, message.stop_reason, tracker)

    def _stream(self, client: Any, kwargs: dict[str, Any], tracker: CallTracker) -> dict[str, Any]:
        stream = client.messages.create(**kwargs, stream=True)
        message_id = model = stop_reason = None
        stopped = False
        try:
            for event in stream:
                # Closing the stream (finally) releases the connection when the user cancels.
                tracker.check_cancel()
                kind = getattr(event, "type", None)
                if kind == "message_start":
                    message_id, model = event.message.id, event.message.model
                    take_input_usage(tracker, event.message.usage)
                elif (
                    kind == "content_block_delta"
                    and getattr(event.delta, "type", None) == "text_delta"
                ):
                    tracker.add(event.delta.text)
                elif kind == "message_delta":
                    stop_reason = getattr(event.delta, "stop_reason", None) or stop_reason
                    if event.usage is not None and event.usage.output_tokens is not None:
                        tracker.usage.tokens_out = int(event.usage.output_tokens)
                        tracker.usage.known = True
                elif kind == "message_stop":
                    stopped = True
                tracker.report()
        finally:
            stream.close()
        # No message_stop: the connection closed before the API said the message was done.
        return {**_raw(message_id, model, stop_reason, tracker), "ended": stopped}


def min_cacheable_tokens(model: str) -> int:
    """The fewest tokens a prefix of ``model`` must have to be cached (``_MIN_CACHEABLE_TOKENS``)."""
    for name, tokens in _MIN_CACHEABLE_TOKENS:
        if model == name or model.startswith(name + "-"):
            return tokens
    return _DEFAULT_MIN_CACHEABLE


def cache_cuts(request: LLMRequest, model: str) -> list[int]:
    """Where to put cache breakpoints in ``request.prompt``: the ends of its stable sections
    (``cache_breaks``, then ``stable_prefix_chars``) whose prefix, system text included, is at
    least ``model``'s minimum, the longest four at most. Each cut is a prefix that other calls
    share: the module's instructions (any campaign), the brand, the campaign, the upstream (a
    regeneration). A prompt without a stable prefix gets none, and none is marked when
    ``AICMO_PROMPT_CACHE`` is off."""
    end = min(request.stable_prefix_chars, len(request.prompt))
    if end <= 0 or not parse_flag(PROMPT_CACHE_VARIABLE, os.environ.get(PROMPT_CACHE_VARIABLE), True):
        return []
    floor = min_cacheable_tokens(model) * _CHARS_PER_TOKEN_FLOOR - len(request.system)
    cuts = sorted({cut for cut in (*request.cache_breaks, end) if 0 < cut <= end and cut >= floor})
    return cuts[-_MAX_BREAKPOINTS:]


def _user_content(request: LLMRequest, model: str) -> str | list[dict[str, Any]]:
    """The prompt, its stable prefix marked for the five-minute prompt cache.

    A breakpoint at the end of each long-enough stable section (``cache_cuts``) caches the system
    text and the prompt up to there; the variable tail follows unmarked. The API reads the longest
    marked prefix it has seen and writes the rest up to the last mark. A prefix shorter than the
    model's minimum is left unmarked: Anthropic would not cache it."""
    cuts = cache_cuts(request, model)
    if not cuts:
        return request.prompt
    blocks: list[dict[str, Any]] = []
    start = 0
    for cut in cuts:
        blocks.append({"type": "text", "text": request.prompt[start:cut], "cache_control": {"type": "ephemeral"}})
        start = cut
    if request.prompt[start:]:
        blocks.append({"type": "text", "text": request.prompt[start:]})
    return blocks


def take_input_usage(tracker: CallTracker, usage: Any) -> None:
    """Input tokens the OpenAI way, cached ones included: Anthropic reports the uncached part,
    the cache reads and the cache writes apart, and bills each at its own price."""
    read = int(getattr(usage, "cache_read_input_tokens", 0) or 0)
    write = int(getattr(usage, "cache_creation_input_tokens", 0) or 0)
    tracker.usage.tokens_in = int(getattr(usage, "input_tokens", 0) or 0) + read + write
    tracker.usage.cache_read, tracker.usage.cache_write = read, write


def _raw(message_id: Any, model: Any, stop_reason: Any, tracker: CallTracker) -> dict[str, Any]:
    return {
        "id": message_id,
        "model": model,
        "stop_reason": stop_reason,
        "usage": {
            "input_tokens": tracker.usage.tokens_in,
            "output_tokens": tracker.usage.tokens_out,
        },
    }
