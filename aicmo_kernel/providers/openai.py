"""OpenAI Chat Completions adapter, also for OpenAI-compatible servers (Ollama, vLLM, LM Studio).

Structured output goes through ``response_format`` ``json_schema`` (strict when the schema allows
it). Answers stream by default so the UI can show progress and cancel between chunks. When
``OPENAI_BASE_URL`` points anywhere but OpenAI, the provider calls itself ``openai-compatible``
so that runs say what really produced the text, and local servers cost nothing by default.

The SDK client is built lazily with ``max_retries=0`` and an explicit timeout: retrying is the
chain's job alone, so retries never stack. A malformed ``OPENAI_BASE_URL``, key or model name makes
the provider unavailable with a reason naming the variable, before any request is tried.
``ping()`` is the one call that spends nothing: it lists the server's models (``aicmo doctor --ping``).

Compatible servers bend the wire format, and the adapter reads what they really send: content as
a list of parts, an answer left in the ``reasoning_content`` (or ``reasoning``) field with the
content empty, usage with its counts missing, one whole completion for a streamed request, and
an error in a 200 body. Anything that is not a chat completion at all (a proxy's HTML page, an
event that is not JSON) fails as a ``ProviderError`` naming ``OPENAI_BASE_URL``.

A server that refuses part of the request (``response_format`` json_schema or json_object,
``stream_options``), with an HTTP status or in an error sent with status 200 (the whole body, or
a stream's error event before any text), fails the call with ``details["weaker_form"]`` set, and
the chain asks again at once with the next weaker form, which this server and model then keep for
the life of the process (``_forms``). A stream that stops before its ``finish_reason`` with an
incomplete answer is a dropped connection, not a broken answer.
"""

from __future__ import annotations

import importlib.util
import json
import re
import threading
from typing import Any
from urllib.parse import urlparse

from ..config import DEFAULT_OPENAI_MODEL, Settings
from ..errors import ContractViolation, ProviderError, ProviderUnavailable
from ._call import DEFAULT_TIMEOUT_S, CallTracker
from ._errors import list_models, map_sdk_error, rate_limit_in_band, server_message
from ._forms import RequestForm, refused_parts, remember, request_form
from ._http import sdk_client
from ._parse import openai_strict_schema
from .base import CancelToken, LLMRequest, LLMResult, ProgressCallback
from .context import check_fits

__all__ = ["OpenAIProvider", "is_openai_host"]

_KEYLESS_PLACEHOLDER = "no-key-needed"  # compatible servers ignore the key, the SDK insists on one


def is_openai_host(base_url: str | None) -> bool:
    """True for OpenAI's own API (or no base URL at all), False for a compatible server."""
    if not base_url:
        return True
    host = (urlparse(str(base_url)).hostname or "").lower()
    return host == "openai.com" or host.endswith(".openai.com")


class OpenAIProvider:
    """Provider for OpenAI and OpenAI-compatible servers; see the module docstring."""

    def __init__(
        self,
        *,
        client: Any = None,
        settings: Settings | None = None,
        model: str | None = None,
        label: str | None = None,
        allow_keyless: bool = False,
        timeout: float | None = None,
    ) -> None:
        """``client``: a ready ``openai.OpenAI`` (tests); otherwise one is built from ``settings``.

        ``allow_keyless``: the user named openai explicitly, so a compatible server at
        ``OPENAI_BASE_URL`` may be used without ``OPENAI_API_KEY``. ``timeout``: seconds for a
        whole call (default ``AICMO_LLM_TIMEOUT``).
        """
        if client is None and settings is None:
            settings = Settings.from_env()
        self._settings = settings
        self._client = client
        self._lock = threading.Lock()
        self._allow_keyless = allow_keyless
        self._model_from_settings = not model
        self.model = model or (settings.openai_model if settings else DEFAULT_OPENAI_MODEL)
        self.timeout = timeout or (settings.request_timeout if settings else DEFAULT_TIMEOUT_S)
        base_url = str(client.base_url) if client is not None else settings.openai_base_url  # type: ignore[union-attr]
        self.compatible = not is_openai_host(base_url)
        # Which server this is, for what it refuses (``_forms``): the same address, the same server.
        self._server = str(base_url or "https://api.openai.com/v1").rstrip("/")
        self.name = label or ("openai-compatible" if self.compatible else "openai")

    @classmethod
    def from_settings(cls, settings: Settings, *, explicit: bool = False) -> OpenAIProvider:
        return cls(settings=settings, allow_keyless=explicit)

    def unavailable_reason(self) -> str | None:
        if self._client is not None:
            return None
        if importlib.util.find_spec("openai") is None:
            return "the openai package is not installed (pip install openai)"
        settings = self._settings
        assert settings is not None
        problems = settings.provider_problems("openai", model=self._model_from_settings)
        if problems:
            return "; ".join(problems)
        if settings.openai_api_key:
            return None
        if self.compatible and self._allow_keyless:
            return None
        if self.compatible:
            return (
                "OPENAI_API_KEY is not set (to use the keyless server at OPENAI_BASE_URL, "
                "name openai "
                "in AICMO_LLM_PRIMARY_PROVIDER or AICMO_LLM_FALLBACK_PROVIDERS)"
            )
        return "OPENAI_API_KEY is not set"

    def ping(self, *, timeout: float = 5.0) -> list[str]:
        """The ids of the models the API lists: one request, no tokens spent (``list_models``)."""
        import openai

        return list_models(self, self._get_client, openai, openai.OpenAIError, key_variable="OPENAI_API_KEY", timeout=timeout)

    def prepare(self) -> None:
        """Import the SDK and build the client now, if this provider can be used: what a first
        call would otherwise do while it holds a batch's call slot (``providers.limit``)."""
        if self.unavailable_reason() is None:
            self._get_client()

    def _get_client(self) -> Any:
        with self._lock:
            if self._client is None:
                import openai

                settings = self._settings
                assert settings is not None
                self._client = sdk_client(
                    openai.OpenAI,
                    openai.DefaultHttpxClient,
                    api_key=settings.openai_api_key or _KEYLESS_PLACEHOLDER,
                    base_url=settings.openai_base_url or None,
                    timeout=settings.request_timeout,
                    max_retries=0,
                )
            return self._client

    def request_form(self, request: LLMRequest) -> RequestForm:
        """The strongest form of ``request`` this server has not refused (``_forms``)."""
        return request_form(self._server, self.model, schema=bool(request.output_schema),
                            stream=request.stream)

    def _request_kwargs(self, request: LLMRequest, form: RequestForm | None = None) -> dict[str, Any]:
        form = form or self.request_form(request)
        messages = []
        system = request.system
        if form.response_format != "json_schema":
            # The schema goes where the model reads it (json_object mode: OpenAI also requires
            # the word JSON in the messages).
            system = f"{system}\n\n{_answer_instruction(request)}".strip()
        if system:
            messages.append({"role": "system", "content": system})
        messages.append({"role": "user", "content": request.prompt})
        kwargs: dict[str, Any] = {"model": self.model, "messages": messages}
        if form.response_format == "json_schema":
            schema, strict = openai_strict_schema(request.output_schema)
            name = re.sub(r"[^A-Za-z0-9_-]", "_", request.schema_name or "answer")[:64] or "answer"
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": name, "schema": schema, "strict": strict},
            }
        elif form.response_format == "json_object":
            kwargs["response_format"] = {"type": "json_object"}
        # Compatible servers know max_tokens; OpenAI's newer models want max_completion_tokens.
        kwargs["max_tokens" if self.compatible else "max_completion_tokens"] = (
            request.max_output_tokens
        )
        if request.temperature is not None:
            kwargs["temperature"] = request.temperature
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
        import httpx2
        import openai

        form = self.request_form(request)
        # The SDK's timeout bounds each read; tracker.run bounds the whole call.
        kwargs = {**self._request_kwargs(request, form), "timeout": self.timeout}
        call = self._stream if request.stream else self._once
        try:
            raw = tracker.run(lambda: call(client, kwargs, tracker, form), timeout=self.timeout)
        except ProviderError:
            raise
        except (openai.OpenAIError, httpx2.TransportError, _ErrorAnswer) as exc:
            if isinstance(exc, _ErrorAnswer):  # a rate limit keeps its wait: the chain retries as after a 429
                error = rate_limit_in_band(exc.body, provider=self.name, model=self.model) or ProviderError(
                    f"{self.name} answered with an error ({self.model}): {exc}", provider=self.name, model=self.model)
            else:
                error = map_sdk_error(
                    exc, openai, provider=self.name, model=self.model, key_variable="OPENAI_API_KEY"
                )
            # an error with status 200 (a body, a stream's error event) counts before any text came
            refused = refused_parts(exc, form, answered=bool(tracker.chars))
            if refused:
                remember(self._server, self.model, refused)
                error = self._refusal(exc, refused, request, form)
            raise tracker.charged(error) from exc
        except ValueError as exc:  # a streamed event (or a whole body) that is not JSON
            raise tracker.failure(ProviderError, _not_an_answer(tracker, f"unreadable JSON ({exc})")) from exc
        tracker.check_cancel()
        if raw.get("refusal") and not tracker.text.strip():
            raise ContractViolation(
                f"{self.name} refused to answer: {raw['refusal']}",
                provider=self.name,
                model=self.model,
            )
        reasoning = raw.pop("reasoning")
        if reasoning and not tracker.text.strip():
            # The whole answer in the reasoning field: servers that split a reasoning model's
            # output put everything there when they never see the end of its thinking.
            tracker.add(reasoning)
        ended = raw.pop("ended", True)
        result = tracker.finish(request, raw=raw, truncated=raw.get("finish_reason") == "length",
                                ended=ended, end_marker="finish_reason")
        if reasoning and result.text == reasoning:
            result.warnings.append(f"{self.name} sent its answer as reasoning, with empty content")
        result.warnings.extend(form.warnings(self.name, self.model))
        return result

    def _refusal(self, exc: Any, refused: tuple[str, ...], request: LLMRequest,
                 form: RequestForm) -> ProviderError:
        """The error for a server that refused ``refused`` of ``form``: the chain asks again at
        once (``weaker_form``) with the form this server now gets."""
        weaker = self.request_form(request)
        asks = {"json_object": "response_format json_object", "none": "no response_format"}
        instead = [asks[weaker.response_format]] if weaker.response_format != form.response_format else []
        if "stream_options" in refused:
            instead.append("no stream_options")
        what = " and ".join(f"response_format {part}" if part != "stream_options" else part
                            for part in refused)
        status = getattr(exc, "status_code", None)
        how = str(status) if isinstance(status, int) else "an error sent with status 200"
        error = ProviderError(
            f"{self.name} does not take {what} ({how}, {self.model}): "
            f"{server_message(getattr(exc, 'body', None)) or 'no message'}; "
            f"asking again with {' and '.join(instead)}",
            provider=self.name,
            model=self.model,
        )
        error.details["weaker_form"] = ", ".join(instead)
        return error

    def _once(self, client: Any, kwargs: dict[str, Any], tracker: CallTracker,
              form: RequestForm) -> dict[str, Any]:
        return _take_completion(tracker, client.chat.completions.create(**kwargs))

    def _stream(self, client: Any, kwargs: dict[str, Any], tracker: CallTracker,
                form: RequestForm) -> dict[str, Any]:
        usage = {"stream_options": {"include_usage": True}} if form.stream_usage else {}
        stream = client.chat.completions.create(**kwargs, stream=True, **usage)
        finish = refusal = response_id = model = None
        reasoning: list[str] = []
        chunks = 0
        try:
            if "json" in stream.response.headers.get("content-type", ""):
                # The server ignored stream=true and sent one whole completion (or an error).
                from openai.types.chat import ChatCompletion

                body = json.loads(stream.response.read())
                whole = ChatCompletion.construct(**body) if isinstance(body, dict) else body
                return _take_completion(tracker, whole)
            for chunk in stream:
                # Closing the stream (finally) releases the connection when the user cancels.
                tracker.check_cancel()
                chunks += 1
                response_id, model = chunk.id or response_id, chunk.model or model
                for choice in chunk.choices or ():
                    tracker.add(_text(getattr(choice.delta, "content", None)))
                    reasoning.append(_reasoning(choice.delta))
                    refusal = getattr(choice.delta, "refusal", None) or refusal
                    finish = choice.finish_reason or finish
                _take_usage(tracker, chunk.usage)
                tracker.report()
        finally:
            stream.close()
        if not chunks:
            kind = stream.response.headers.get("content-type") or "no content type"
            raise tracker.failure(ProviderError, _not_an_answer(tracker, f"no stream events, {kind}"))
        # No finish_reason: the connection closed before the server said the answer was done.
        return {**_raw(response_id, model, finish, refusal, tracker, "".join(reasoning)),
                "ended": finish is not None}


def _take_completion(tracker: CallTracker, response: Any) -> dict[str, Any]:
    """Read one whole chat completion into ``tracker``; the raw record of it."""
    if not hasattr(response, "choices"):
        # The SDK hands back the body as it came when it is not JSON: a web page, not an API.
        raise tracker.failure(ProviderError, _not_an_answer(tracker, server_message(response)))
    error = getattr(response, "error", None)
    if error and not response.choices:
        raise _ErrorAnswer(error)  # read for a refusal by ``complete``, as an HTTP error is
    choice = response.choices[0] if response.choices else None
    message = choice.message if choice else None
    tracker.add(_text(getattr(message, "content", None)))
    _take_usage(tracker, response.usage)
    return _raw(
        response.id,
        response.model,
        choice.finish_reason if choice else None,
        getattr(message, "refusal", None),
        tracker,
        _reasoning(message),
    )


class _ErrorAnswer(Exception):
    """A chat completion that is an error, sent with status 200 (``{"error": ...}`` as the whole
    body). ``body`` is what ``_forms.refused_parts`` reads, as it reads an HTTP error's body."""

    def __init__(self, error: Any) -> None:
        super().__init__(server_message(error) or "no message")
        self.body = {"error": error}


def _answer_instruction(request: LLMRequest) -> str:
    """What the system text says about the answer when no json_schema carries the schema."""
    if not request.output_schema:
        return "Answer with one JSON object."
    schema = json.dumps(request.output_schema, ensure_ascii=False, separators=(",", ":"))
    return f"Answer with one JSON object that fits this JSON schema:\n{schema}"


def _text(content: Any) -> str:
    """Message content as text: a string, or the text parts of a list of parts (thinking left out)."""
    if isinstance(content, list):
        return "".join(
            str(part.get("text") or "")
            for part in content
            if isinstance(part, dict) and part.get("type", "text") == "text"
        )
    return content if isinstance(content, str) else ""


def _reasoning(message: Any) -> str:
    """The reasoning a compatible server sent beside the content (field names vary by server)."""
    return _text(getattr(message, "reasoning_content", None) or getattr(message, "reasoning", None))


def _not_an_answer(tracker: CallTracker, what: str) -> str:
    return (
        f"{tracker.provider} sent something that is not a chat completion ({tracker.model}): "
        f"{what or 'an empty body'}; check that OPENAI_BASE_URL is the server's OpenAI-compatible "
        "API address (usually ending in /v1)"
    )


def _take_usage(tracker: CallTracker, usage: Any) -> None:
    # Some compatible servers send usage with the counts null or left out: then output is estimated.
    if usage is None:
        return
    if getattr(usage, "prompt_tokens", None) is not None:
        tracker.usage.tokens_in = int(usage.prompt_tokens)
    if getattr(usage, "completion_tokens", None) is not None:
        tracker.usage.tokens_out = int(usage.completion_tokens)
        tracker.usage.known = True
    # prompt_tokens counts the cached prefix too; OpenAI bills that part at the cache price.
    details = getattr(usage, "prompt_tokens_details", None)
    tracker.usage.cache_read = int(getattr(details, "cached_tokens", 0) or 0)


def _raw(
    response_id: Any, model: Any, finish: Any, refusal: Any, tracker: CallTracker, reasoning: str
) -> dict[str, Any]:
    """What is kept of the response; ``reasoning`` is taken out again by ``complete``."""
    raw = {
        "id": response_id,
        "model": model,
        "finish_reason": finish,
        "usage": {
            "prompt_tokens": tracker.usage.tokens_in,
            "completion_tokens": tracker.usage.tokens_out,
        },
        "reasoning": reasoning,
    }
    if refusal:
        raw["refusal"] = str(refusal)[:500]
    return raw
