"""A shared limit on language-model calls in flight, for batches over many campaigns.

``CallLimiter`` is a semaphore with two additions: it counts (calls, peak in flight, rate
limits seen), and a 429 with ``Retry-After`` pauses *every* caller that shares it until that time
has passed, so a batch slows down as the server asks instead of each thread discovering the limit
on its own. It never retries: retrying stays the chain's job (``providers.chain``).

``limit_provider`` wraps each member of a chain (not the chain itself), so a slot is held only
while a request is on the wire, never during the chain's Retry-After wait. With a ``priority`` (a
number for each request, asked again whenever a slot frees), this process's callers take free
slots highest priority first (``CallOrder``), in order of arrival among equals; a batch gives its
oldest campaign's calls the highest until its last campaign has started, then the calls with the
longest chain of calls after them (``batch.run_many``).
"""

from __future__ import annotations

import functools
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import RateLimitError, ValidationError
from .base import CancelToken, LLMRequest, LLMResult, ProgressCallback, Provider

__all__ = ["CallLimiter", "CallOrder", "LimitedProvider", "SharedCallLimiter", "limit_provider"]

_CANCEL_POLL_S = 0.05
_ORDER_POLL_S = 0.25  # callers waiting their turn in a CallOrder look at their cancel this often


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


class CallOrder:
    """This process's callers waiting for a slot, highest priority first: only the first of them
    waits on the limiter itself (whose slots other processes may share); the others wait for it to
    get one. So a free slot goes to the call that matters most here, not to whichever thread the
    operating system wakes first. A caller's priority is asked again each time the turn passes on,
    so it may change while the caller waits (a batch's order changes once its last campaign has
    started: ``batch._slot_priority``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: list[tuple[Callable[[], float], int, threading.Event]] = []
        self._first_waiting = False  # a caller is waiting on the limiter itself
        self._arrivals = itertools.count()

    def wait(self, priority: Callable[[], float], cancel: CancelToken | None = None) -> None:
        """Return when it is this caller's turn to wait on the limiter; call ``done`` after that.
        Cancel ends the wait within ``_ORDER_POLL_S``."""
        entry = (priority, next(self._arrivals), threading.Event())
        with self._lock:
            self._waiting.append(entry)
            self._next()
        while not entry[2].wait(_ORDER_POLL_S):
            if cancel is not None and cancel.cancelled:
                with self._lock:
                    if entry[2].is_set():  # its turn came meanwhile: hand it on
                        self._first_waiting = False
                    else:
                        self._waiting.remove(entry)
                    self._next()
                cancel.raise_if_cancelled()

    def done(self) -> None:
        """The caller whose turn it was has its slot (or gave up): the next one's turn."""
        with self._lock:
            self._first_waiting = False
            self._next()

    def _next(self) -> None:  # under the lock
        if not self._first_waiting and self._waiting:
            self._first_waiting = True
            # the highest priority now, the earliest arrival among equals (a few dozen callers at most)
            first = max(self._waiting, key=lambda entry: (entry[0](), -entry[1]))
            self._waiting.remove(first)
            first[2].set()


@dataclass
class LimitedProvider:
    """``inner`` under ``limiter``; name and model are the inner provider's own. ``stop``: the
    cancel of every call that brings none of its own (a batch's Ctrl+C): once set, calls waiting
    for a slot and calls in flight end as cancelled. ``priority``: a request's place in ``order``
    (higher first); without it callers take slots as the limiter hands them out."""

    inner: Provider
    limiter: CallLimiter | SharedCallLimiter
    stop: CancelToken | None = None
    priority: Callable[[LLMRequest], float] | None = None
    order: CallOrder = field(default_factory=CallOrder)

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
        prepare = getattr(self.inner, "prepare", None)
        if prepare is not None:  # an SDK's import (0.3 s and more) must not hold a slot every process shares
            prepare()
        if self.priority is None:
            self.limiter.acquire(cancel)
        else:
            self.order.wait(functools.partial(self.priority, request), cancel)
            try:
                self.limiter.acquire(cancel)
            finally:
                self.order.done()
        try:
            return self.inner.complete(request, progress=progress, cancel=cancel)
        except RateLimitError as exc:
            if exc.retry_after is not None:
                self.limiter.pause(exc.retry_after)
            raise
        finally:
            self.limiter.release()


def limit_provider(provider: Any, limiter: CallLimiter | SharedCallLimiter, stop: CancelToken | None = None,
                   priority: Callable[[LLMRequest], float] | None = None) -> Any:
    """``provider`` with every call under ``limiter`` (and ``stop`` and ``priority``, see
    ``LimitedProvider``); a chain keeps its policy, its members wrapped in one order of callers."""
    from .chain import ProviderChain

    order = CallOrder()
    if isinstance(provider, ProviderChain):
        # A member that only waits (a provider batch: no connection held while it waits) is not limited.
        return ProviderChain([p if getattr(p, "waits_without_a_connection", False)
                              else LimitedProvider(p, limiter, stop, priority, order) for p in provider.providers],
                             max_retry_after=provider.max_retry_after, sleep=provider._sleep)
    return LimitedProvider(provider, limiter, stop, priority, order)


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
