"""The provider chain: the one place where calls are retried or handed to the next provider.

Policy, per provider in order:

- **Unavailable** (no key, SDK missing): recorded as ``skipped`` with the reason, which names the
  variable to set; the next provider is tried.
- **Rate limited** with a ``Retry-After`` no longer than ``max_retry_after``: wait that long
  (the wait is cancellable) and retry the same provider once; otherwise, or if the retry is
  limited again, fall back. Without a ``Retry-After`` the wait is unknown, so fall back at once.
- **Timeout, server error, connection error**: fall back at once, no retry. A timeout has
  already cost a full ``request_timeout``, and a provider that is failing now usually still is a
  second later; the next provider is the faster route to an answer.
- **Contract violation** (empty, not JSON, fails the output model, past ``max_output_tokens``,
  or refused by the request's own ``accept`` check, e.g. stub or placeholder text in a
  deliverable): exactly one repair attempt on the same provider, with the previous answer and the
  problems appended to the prompt; if the repair fails too, fall back.
- **A refused request form** (an OpenAI-compatible server that does not take ``response_format``
  json_schema or json_object, or ``stream_options``; the error carries ``details["weaker_form"]``):
  ask the same provider again at once, which now sends the next weaker form. Each refused form is
  one failed attempt; there are at most ``_MAX_WEAKER_FORMS`` of them.
- **Other provider errors** (bad credentials, other 4xx): fall back.
- **Cancelled**: stop at once and re-raise ``GenerationCancelled``, carrying the attempts so far.

Every try is an ``Attempt`` on the result (``ok``, ``repaired``, ``failed`` or ``skipped``), with
the tokens and cost it took, failed tries included. When nothing answers, ``ChainExhausted``
carries all attempts; if every provider was skipped, its message says which variables to set and
its error type is CONFIGURATION_ERROR.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable, Sequence

from ..config import Settings, redact
from ..errors import (
    ChainExhausted,
    ContractViolation,
    GenerationCancelled,
    ProviderError,
    ProviderUnavailable,
    RateLimitError,
)
from .base import Attempt, CancelToken, LLMRequest, LLMResult, ProgressCallback, Provider

__all__ = ["ProviderChain", "build_chain", "repair_request"]

_WAIT_STEP_S = 0.05  # how often a Retry-After wait looks at the cancel token
_MAX_ECHO_CHARS = 6000  # how much of a broken answer is quoted back in the repair prompt
# json_schema -> json_object -> no response_format, and no stream_options: each a form dropped once.
_MAX_WEAKER_FORMS = 3
_NOTHING_USABLE_HINT = (
    "set OPENAI_API_KEY or ANTHROPIC_API_KEY (or OPENAI_BASE_URL for a compatible server), "
    "or add offline to AICMO_LLM_FALLBACK_PROVIDERS"
)


def repair_request(request: LLMRequest, error: ContractViolation) -> LLMRequest:
    """``request`` again, quoting the broken answer and its problems, asking for JSON only."""
    previous = (error.raw_text or "")[:_MAX_ECHO_CHARS] or "(empty)"
    prompt = (
        f"{request.prompt}\n\n"
        "Your previous answer could not be used.\n"
        f"Problems: {error.message}\n"
        f"Previous answer:\n{previous}\n\n"
        "Reply again with only the corrected JSON object that fits the schema: "
        "no commentary and no code fences."
    )
    return dataclasses.replace(request, prompt=prompt)


class ProviderChain:
    """A Provider that tries ``providers`` in order under the policy in the module docstring."""

    name = "chain"

    def __init__(
        self,
        providers: Sequence[Provider],
        *,
        max_retry_after: float = 20.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.providers = list(providers)
        self.max_retry_after = max_retry_after
        self._sleep = sleep

    @property
    def model(self) -> str:  # type: ignore[override]
        """The model of the first provider that can be used now ("" if none)."""
        for provider in self.providers:
            if provider.unavailable_reason() is None:
                return provider.model
        return ""

    @property
    def provider_names(self) -> list[str]:
        return [provider.name for provider in self.providers]

    def unavailable_reason(self) -> str | None:
        reasons = []
        for provider in self.providers:
            reason = provider.unavailable_reason()
            if reason is None:
                return None
            reasons.append(f"{provider.name}: {reason}")
        listed = "; ".join(reasons) or "the chain is empty"
        return f"no language-model provider is usable ({listed}); {_NOTHING_USABLE_HINT}"

    def complete(
        self,
        request: LLMRequest,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> LLMResult:
        attempts: list[Attempt] = []
        last: ProviderError | None = None
        for provider in self.providers:
            if cancel is not None:
                cancel.raise_if_cancelled(self.name)
            reason = provider.unavailable_reason()
            if reason is not None:
                attempts.append(
                    Attempt(
                        provider.name,
                        provider.model,
                        "skipped",
                        error_type="CONFIGURATION_ERROR",
                        error_message=reason,
                    )
                )
                last = last or ProviderUnavailable(
                    reason, provider=provider.name, model=provider.model
                )
                continue
            try:
                result, error = self._try_provider(provider, request, attempts, progress, cancel)
            except GenerationCancelled as exc:
                exc.attempts = attempts  # type: ignore[attr-defined]
                raise
            if result is not None:
                result.attempts = attempts
                if len(attempts) > 1:
                    result.warnings.append(_fallback_note(attempts))
                return result
            last = error
        raise self._exhausted(attempts, last)

    def _try_provider(
        self,
        provider: Provider,
        request: LLMRequest,
        attempts: list[Attempt],
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
    ) -> tuple[LLMResult | None, ProviderError | None]:
        """At most one rate-limit retry, one repair and a try per refused request form:
        (result, None) or (None, error)."""
        current = request
        rate_retry_used = repair_used = False
        weaker_forms = 0
        while True:  # bounded: each branch below that loops spends a one-time allowance
            started = time.monotonic()
            try:
                result = _answer(provider, current, progress, cancel)
            except GenerationCancelled as exc:
                attempts.append(_failed(provider, exc, started))
                raise
            except RateLimitError as exc:
                attempts.append(_failed(provider, exc, started))
                wait = exc.retry_after
                if rate_retry_used or wait is None or wait > self.max_retry_after:
                    return None, exc
                rate_retry_used = True
                self._wait(wait, cancel)
                continue
            except ContractViolation as exc:
                attempts.append(_failed(provider, exc, started))
                if repair_used:
                    return None, exc
                repair_used = True
                current = repair_request(request, exc)
                continue
            except ProviderError as exc:
                attempts.append(_failed(provider, exc, started))
                if exc.details.get("weaker_form") and weaker_forms < _MAX_WEAKER_FORMS:
                    weaker_forms += 1
                    continue
                return None, exc
            attempts.append(
                Attempt(
                    provider=result.provider,
                    model=result.model,
                    status="repaired" if repair_used else "ok",
                    latency_ms=result.latency_ms or (time.monotonic() - started) * 1000,
                    tokens_in=result.tokens_in,
                    tokens_out=result.tokens_out,
                    cost_usd=result.cost_usd,
                    batch_id=result.batch_id,
                )
            )
            return result, None

    def _wait(self, seconds: float, cancel: CancelToken | None) -> None:
        """Sleep ``seconds`` in small steps so Cancel is honoured during a Retry-After wait."""
        if cancel is None:
            self._sleep(seconds)
            return
        steps = max(1, math.ceil(seconds / _WAIT_STEP_S))
        for _ in range(steps):
            cancel.raise_if_cancelled(self.name)
            self._sleep(seconds / steps)
        cancel.raise_if_cancelled(self.name)

    def _exhausted(self, attempts: list[Attempt], last: ProviderError | None) -> ChainExhausted:
        if attempts and all(a.status == "skipped" for a in attempts):
            reasons = "; ".join(f"{a.provider}: {a.error_message}" for a in attempts)
            message = f"no language-model provider is usable ({reasons}); {_NOTHING_USABLE_HINT}"
        elif not attempts:
            message = f"the provider chain is empty; {_NOTHING_USABLE_HINT}"
            last = ProviderUnavailable(message)
        else:
            tried = "; ".join(
                f"{a.provider}: {a.status}"
                + (f" {a.error_type} ({a.error_message})" if a.error_type else "")
                for a in attempts
            )
            message = f"every provider failed: {tried}"
        return ChainExhausted(redact(message), attempts=attempts, last=last, provider=self.name)


def _answer(
    provider: Provider,
    request: LLMRequest,
    progress: ProgressCallback | None,
    cancel: CancelToken | None,
) -> LLMResult:
    """``provider``'s answer to ``request``, passed through the request's ``accept`` check."""
    result = provider.complete(request, progress=progress, cancel=cancel)
    if request.accept is not None:
        try:
            result.accepted = request.accept(result.data)
        except ContractViolation as exc:
            exc.raw_text = exc.raw_text or result.text
            exc.provider, exc.model = result.provider, result.model
            exc.details.update(
                tokens_in=result.tokens_in,
                tokens_out=result.tokens_out,
                cost_usd=result.cost_usd,
                latency_ms=result.latency_ms,
            )
            raise
    return result


def _failed(provider: Provider, exc: ProviderError, started: float) -> Attempt:
    details = exc.details
    return Attempt(
        provider=exc.provider or provider.name,
        model=exc.model or provider.model,
        status="failed",
        latency_ms=float(details.get("latency_ms") or (time.monotonic() - started) * 1000),
        tokens_in=int(details.get("tokens_in") or 0),
        tokens_out=int(details.get("tokens_out") or 0),
        # A failure before any token was billed costs 0; one whose model has no price, unknown.
        cost_usd=float(details["cost_usd"]) if details.get("cost_usd") is not None
        else (None if "cost_usd" in details else 0.0),
        error_type=exc.error_type,
        error_message=redact(exc.message),
        batch_id=details.get("batch_id"),
    )


def _fallback_note(attempts: list[Attempt]) -> str:
    final = attempts[-1]
    earlier = [
        f"{a.provider} {a.status}" + (f" ({a.error_type})" if a.error_type else "")
        for a in attempts[:-1]
    ]
    return f"answered by {final.provider} ({final.status}) after: {', '.join(earlier)}"


def build_chain(settings: Settings | None = None) -> ProviderChain:
    """The chain configured by the environment (SPEC section 6), providers built lazily.

    Order comes from ``Settings.provider_order()``: ``AICMO_LLM_PRIMARY_PROVIDER`` then
    ``AICMO_LLM_FALLBACK_PROVIDERS``; with neither set, the keyed providers (openai, then
    anthropic), and offline only when none has a key. Providers without credentials stay in the
    chain so that their skip, and the variable that would enable them, is recorded on the run.
    """
    settings = settings or Settings.from_env()
    explicit = {settings.primary_provider, *settings.fallback_providers} - {None}
    providers: list[Provider] = []
    for name in settings.provider_order():
        if name == "openai":
            from .openai import OpenAIProvider

            providers.append(OpenAIProvider.from_settings(settings, explicit="openai" in explicit))
        elif name == "anthropic":
            from .anthropic import AnthropicProvider

            providers.append(AnthropicProvider.from_settings(settings))
        elif name == "offline":
            providers.append(_offline_provider())
    return ProviderChain(providers, max_retry_after=settings.max_retry_after)


def _offline_provider() -> Provider:
    try:
        from .offline import OfflineProvider
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.offline":
            raise
        return _Unavailable(
            "offline", "aicmo-offline-composer-1", "the offline composer is not installed"
        )
    return OfflineProvider()


@dataclasses.dataclass
class _Unavailable:
    """Stands in for a provider whose module is missing, so the chain records why it was skipped."""

    name: str
    model: str
    reason: str

    def unavailable_reason(self) -> str | None:
        return self.reason

    def complete(
        self,
        request: LLMRequest,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> LLMResult:
        raise ProviderUnavailable(self.reason, provider=self.name, model=self.model)
