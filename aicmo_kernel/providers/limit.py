"""A shared limit on language-model calls in flight, for batches over many campaigns.

``CallLimiter`` is a semaphore with two additions: it counts (calls, peak in flight, rate
limits seen), and a 429 with ``Retry-After`` pauses *every* caller that shares it until that time
has passed, so a batch slows down as the server asks instead of each thread discovering the limit
on its own. It never retries: retrying stays the chain's job (``providers.chain``).

``limit_provider`` wraps each member of a chain (not the chain itself), so a slot is held only
while a request is on the wire, never during the chain's Retry-After wait.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from ..errors import RateLimitError, ValidationError
from .base import CancelToken, LLMRequest, LLMResult, ProgressCallback, Provider

__all__ = ["CallLimiter", "LimitedProvider", "SharedCallLimiter", "limit_provider"]

_CANCEL_POLL_S = 0.05


class CallLimiter:
    """At most ``limit`` calls in flight across every provider that shares this limiter."""

    def __init__(self, limit: int) -> None:
        if int(limit) < 1:
            raise ValidationError(f"the limit on calls in flight must be at least 1, not {limit}", field="max_in_flight")
        self.limit = int(limit)
        self._slots = threading.BoundedSemaphore(self.limit)
        self._lock = threading.Lock()
        self._paused_until = 0.0
        self.in_flight = 0
        self.peak = 0
        self.calls = 0
        self.rate_limited = 0

    def acquire(self, cancel: CancelToken | None = None) -> None:
        """Wait for a slot (and out any pause); Cancel ends the wait within ``_CANCEL_POLL_S``."""
        while not self._slots.acquire(timeout=_CANCEL_POLL_S):
            if cancel is not None:
                cancel.raise_if_cancelled()
        while True:  # honour a pause that began while this caller waited for a slot
            with self._lock:
                pause = self._paused_until - time.monotonic()
                if pause <= 0:
                    self.in_flight += 1
                    self.calls += 1
                    self.peak = max(self.peak, self.in_flight)
                    return
            if cancel is not None and cancel.cancelled:
                self._slots.release()
                cancel.raise_if_cancelled()
            time.sleep(min(pause, _CANCEL_POLL_S))

    def release(self) -> None:
        with self._lock:
            self.in_flight -= 1
        self._slots.release()

    def pause(self, seconds: float) -> None:
        """No new call starts for ``seconds`` (a server's Retry-After)."""
        with self._lock:
            self.rate_limited += 1
            self._paused_until = max(self._paused_until, time.monotonic() + max(0.0, seconds))


@dataclass
class LimitedProvider:
    """``inner`` under ``limiter``; name and model are the inner provider's own. ``stop``: the
    cancel of every call that brings none of its own (a batch's Ctrl+C): once set, calls waiting
    for a slot and calls in flight end as cancelled."""

    inner: Provider
    limiter: CallLimiter | SharedCallLimiter
    stop: CancelToken | None = None

    @property
    def name(self) -> str:  # type: ignore[override]
        return self.inner.name

    @property
    def model(self) -> str:  # type: ignore[override]
        return self.inner.model

    def unavailable_reason(self) -> str | None:
        return self.inner.unavailable_reason()

    def complete(
        self,
        request: LLMRequest,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> LLMResult:
        cancel = cancel if cancel is not None else self.stop
        self.limiter.acquire(cancel)
        try:
            return self.inner.complete(request, progress=progress, cancel=cancel)
        except RateLimitError as exc:
            if exc.retry_after is not None:
                self.limiter.pause(exc.retry_after)
            raise
        finally:
            self.limiter.release()


def limit_provider(provider: Any, limiter: CallLimiter, stop: CancelToken | None = None) -> Any:
    """``provider`` with every call under ``limiter`` (and ``stop``, see ``LimitedProvider``); a
    chain keeps its policy, members wrapped."""
    from .chain import ProviderChain

    if isinstance(provider, ProviderChain):
        # A member that only waits (a provider batch: no connection held while it waits) is not limited.
        return ProviderChain([p if getattr(p, "waits_without_a_connection", False)
                              else LimitedProvider(p, limiter, stop) for p in provider.providers],
                             max_retry_after=provider.max_retry_after, sleep=provider._sleep)
    return LimitedProvider(provider, limiter, stop)


class SharedCallLimiter:
    """``CallLimiter`` across processes: the same limit, pause and counts, kept in
    ``multiprocessing`` primitives made from ``context`` and handed to worker processes when they
    start (``batch.run_many(processes=N)``), so campaigns run on every core under one limit."""

    def __init__(self, limit: int, context: Any) -> None:
        if int(limit) < 1:
            raise ValidationError(f"the limit on calls in flight must be at least 1, not {limit}", field="max_in_flight")
        self.limit = int(limit)
        self._slots = context.BoundedSemaphore(self.limit)
        # time.time(), not time.monotonic(): the pause must read the same in every process
        self._paused_until = context.Value("d", 0.0)
        self._counts = context.Array("q", 4)  # in flight, peak, calls, rate limited
        self._lock = context.Lock()

    in_flight = property(lambda self: int(self._counts[0]))
    peak = property(lambda self: int(self._counts[1]))
    calls = property(lambda self: int(self._counts[2]))
    rate_limited = property(lambda self: int(self._counts[3]))

    def acquire(self, cancel: CancelToken | None = None) -> None:
        while not self._slots.acquire(timeout=_CANCEL_POLL_S):
            if cancel is not None:
                cancel.raise_if_cancelled()
        while True:
            with self._lock:
                pause = self._paused_until.value - time.time()
                if pause <= 0:
                    self._counts[0] += 1
                    self._counts[2] += 1
                    self._counts[1] = max(self._counts[1], self._counts[0])
                    return
            if cancel is not None and cancel.cancelled:
                self._slots.release()
                cancel.raise_if_cancelled()
            time.sleep(min(pause, _CANCEL_POLL_S))

    def release(self) -> None:
        with self._lock:
            self._counts[0] -= 1
        self._slots.release()

    def pause(self, seconds: float) -> None:
        with self._lock:
            self._counts[3] += 1
            self._paused_until.value = max(self._paused_until.value, time.time() + max(0.0, seconds))
