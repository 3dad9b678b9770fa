"""SDK exceptions -> our error tree, at the adapter boundary (both SDKs share the class names).

    APITimeoutError, httpx2 timeouts           -> ProviderTimeout
    APIConnectionError, httpx2 transport errors -> ProviderConnectionError (incl. a dropped stream)
    RateLimitError (429)                       -> RateLimitError(retry_after from the headers, else the body)
    a rate limit sent with status 200          -> RateLimitError too (``rate_limit_in_band``): a body or a
      (code 429, rate_limit_exceeded/_error)      stream's error event, retry_after from what it carries
    AuthenticationError / PermissionDenied     -> ProviderError, error_type CONFIGURATION_ERROR
    status >= 500, overloaded, 408             -> ProviderServerError (408: ProviderTimeout)
    404                                        -> ProviderError naming the model and base URL
    any other status                           -> ProviderError

Messages quote what the server said (``server_message``, whatever the shape of its error body),
redacted and trimmed; they never carry the request or a key.
"""

from __future__ import annotations

import email.utils
import re
import time
from types import ModuleType
from typing import Any

from ..config import redact
from ..errors import (
    ProviderConnectionError,
    ProviderError,
    ProviderServerError,
    ProviderTimeout,
    ProviderUnavailable,
    RateLimitError,
)

__all__ = [
    "list_models",
    "map_sdk_error",
    "rate_limit_in_band",
    "retry_after_from_body",
    "retry_after_from_headers",
    "server_message",
]

_MAX_MESSAGE = 300
_TAG = re.compile(r"<[^>]*>")


def retry_after_from_headers(headers: Any) -> float | None:
    """Seconds to wait, from ``retry-after-ms`` or ``retry-after`` (seconds or an HTTP date)."""
    if headers is None:
        return None
    raw_ms = headers.get("retry-after-ms")
    if raw_ms:
        try:
            return max(0.0, float(raw_ms) / 1000)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def map_sdk_error(
    exc: BaseException, sdk: ModuleType, *, provider: str, model: str, key_variable: str
) -> ProviderError:
    """Our error for ``exc`` raised by ``sdk`` (the ``openai`` or ``anthropic`` module)."""
    import httpx2

    detail = _detail(exc)
    kw: dict[str, Any] = {"provider": provider, "model": model}
    if isinstance(exc, (sdk.APITimeoutError, httpx2.TimeoutException)):
        return ProviderTimeout(f"{provider} did not answer in time ({model})", **kw)
    if isinstance(exc, (sdk.APIConnectionError, httpx2.TransportError)):
        return ProviderConnectionError(f"{provider} connection failed ({model}): {detail}", **kw)
    status = getattr(exc, "status_code", None)
    if not isinstance(status, int) or status < 400:
        # an error sent with status 200 (a stream's error event): a rate limit by its own words
        limited = rate_limit_in_band(getattr(exc, "body", None), provider=provider, model=model)
        if limited is not None:
            return limited
    if isinstance(exc, sdk.RateLimitError) or status == 429:
        retry_after = retry_after_from_headers(
            getattr(getattr(exc, "response", None), "headers", None)
        )
        if retry_after is None:
            retry_after = retry_after_from_body(getattr(exc, "body", None))
        return _rate_limited(provider, model, retry_after)
    if isinstance(exc, (sdk.AuthenticationError, sdk.PermissionDeniedError)) or status in (
        401,
        403,
    ):
        err = ProviderError(
            f"{provider} rejected the credentials ({status}): check {key_variable}", **kw
        )
        err.error_type = "CONFIGURATION_ERROR"
        err.retryable = False
        return err
    if status == 408:
        return ProviderTimeout(f"{provider} timed out on its side ({model})", **kw)
    if status == 404:
        # An unknown model, or a base URL that misses the API's path (often /v1).
        prefix = key_variable.removesuffix("_API_KEY")
        return ProviderError(
            f"{provider} has no such model or address (404, {model}): {detail}; "
            f"check AICMO_{prefix}_MODEL and {prefix}_BASE_URL",
            **kw,
        )
    if isinstance(status, int) and (status >= 500 or status < 400):
        # < 400 here is an error event inside a 200 stream (e.g. Anthropic "overloaded_error").
        return ProviderServerError(f"{provider} server error {status} ({model}): {detail}", **kw)
    if isinstance(status, int):
        return ProviderError(f"{provider} refused the request ({status}, {model}): {detail}", **kw)
    return ProviderError(f"{provider} call failed ({model}): {type(exc).__name__}: {detail}", **kw)


def _rate_limited(provider: str, model: str, retry_after: float | None, how: str = "") -> RateLimitError:
    wait = f"; retry after {retry_after:g}s" if retry_after is not None else ""
    return RateLimitError(f"{provider} rate limit reached ({model}){how}{wait}", retry_after=retry_after,
                          provider=provider, model=model)


_RATE_LIMIT_WORDS = {"rate_limit_exceeded", "rate_limit_error", "rate_limited", "429"}


def rate_limit_in_band(body: Any, *, provider: str, model: str) -> RateLimitError | None:
    """The ``RateLimitError`` for an error sent with status 200 that is a rate limit, else None.

    ``body`` is the error as it came (``{"error": {...}}``, or the inner object a stream's error
    event carries): a rate limit by its code or status 429 (OpenRouter's ``"code": 429``, a
    proxy's ``"429"``) or its type or code ``rate_limit_exceeded`` (OpenAI) / ``rate_limit_error``
    (Anthropic). The chain then waits the ``retry_after`` the body gives and asks again, as after
    an HTTP 429. Any other error: None (it keeps its own mapping)."""
    inner = _inner(body)
    if not isinstance(inner, dict):
        return None
    words = {str(inner.get(key)).strip().lower() for key in ("code", "status", "type") if inner.get(key) is not None
             and not isinstance(inner.get(key), bool)}  # fmt: skip
    if not words & _RATE_LIMIT_WORDS:
        return None
    return _rate_limited(provider, model, retry_after_from_body(body), ", sent with status 200")


_TRY_AGAIN = re.compile(r"try again in (?:(\d+)m(?!s))?(\d+(?:\.\d+)?)(ms|s)\b", re.IGNORECASE)


def retry_after_from_body(body: Any) -> float | None:
    """Seconds to wait, from what an error body says: a ``retry_after`` (seconds) or
    ``retry_after_ms`` field, the upstream's headers a gateway relays in ``metadata.headers``
    (``Retry-After``, or OpenRouter's ``X-RateLimit-Reset``, epoch milliseconds), or OpenAI's words
    "Please try again in 1.5s" / "in 20ms"; None when it gives no wait."""
    inner = _inner(body)
    if not isinstance(inner, dict):
        return None
    metadata = inner.get("metadata") if isinstance(inner.get("metadata"), dict) else {}
    for fields in (inner, metadata):
        for key, scale in (("retry_after", 1.0), ("retry_after_seconds", 1.0), ("retryAfter", 1.0),
                           ("retry_after_ms", 0.001)):
            value = fields.get(key)
            if isinstance(value, (int, float, str)) and not isinstance(value, bool):
                try:
                    return max(0.0, float(value) * scale)
                except ValueError:
                    pass
    headers = metadata.get("headers")
    if isinstance(headers, dict):
        lowered = {str(k).lower(): str(v) for k, v in headers.items()}
        wait = retry_after_from_headers(lowered)
        if wait is not None:
            return wait
        reset = lowered.get("x-ratelimit-reset", "").strip()
        if re.fullmatch(r"\d+(\.\d+)?", reset):
            at = float(reset) / (1000 if float(reset) > 1e11 else 1)  # epoch milliseconds or seconds
            return max(0.0, at - time.time())
    said = _TRY_AGAIN.search(str(inner.get("message") or ""))
    if said:
        minutes, amount, unit = said.groups()
        return 60 * int(minutes or 0) + float(amount) / (1000 if unit.lower() == "ms" else 1)
    return None


def _inner(body: Any) -> Any:
    """The error object of an error body: ``body["error"]`` when it is one, else ``body``."""
    return body["error"] if isinstance(body, dict) and isinstance(body.get("error"), dict) else body


def server_message(body: Any) -> str:
    """What an error body says, whatever its shape: ``{"error": {"message": ...}}`` (OpenAI,
    Anthropic), ``{"error": "..."}`` (Ollama), ``{"detail": ...}`` (FastAPI servers), plain text
    or an HTML page from a proxy; redacted and trimmed, "" when it says nothing."""
    if isinstance(body, dict):
        inner = body.get("error") or body
        if isinstance(inner, dict):
            inner = inner.get("message") or inner.get("detail") or ""
        body = inner
    return _trimmed(redact(" ".join(_TAG.sub(" ", str(body or "")).split())))


def _detail(exc: BaseException) -> str:
    return server_message(getattr(exc, "body", None)) or _trimmed(redact(str(exc)))


def _trimmed(text: str) -> str:
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


def list_models(provider: Any, client: Any, sdk: ModuleType, base_error: type[BaseException], *,
                key_variable: str, timeout: float) -> list[str]:
    """The ids of the models ``client`` lists (first page): one ``GET .../models``, no tokens spent.
    Raises ``ProviderUnavailable`` when ``provider`` cannot be used, else the mapped SDK error
    (connection refused, bad key, ...), as a call would. ``aicmo doctor --ping`` asks this."""
    import httpx2

    reason = provider.unavailable_reason()
    if reason:
        raise ProviderUnavailable(reason, provider=provider.name, model=provider.model)
    try:
        page = client().models.list(timeout=timeout)
    except (base_error, httpx2.TransportError) as exc:
        raise map_sdk_error(exc, sdk, provider=provider.name, model=provider.model,
                            key_variable=key_variable) from exc
    return [str(item.id) for item in page.data or ()]
