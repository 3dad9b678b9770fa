"""Provider batch APIs (OpenAI Batch, Anthropic Message Batches) as a member of the chain.

Both providers answer a batch of requests within 24 hours (most within one) at half the
synchronous price. ``BatchingProvider`` makes that look like any provider: ``complete()`` files
the request and waits. Requests that arrive close together (every campaign's ready modules, one
wave of a run) are gathered, and once none has arrived for ``gather_s`` seconds they go to the
provider as one batch; one thread per batch polls it every ``poll_s`` seconds and hands each
waiting call its own result when the batch ends.

What a batch result becomes, so the chain (``providers.chain``) applies its usual rules:

- succeeded: parsed and checked exactly like a synchronous answer (``CallTracker``), priced at the
  batch price; broken JSON or a refused contract is a ``ContractViolation``, so the chain's one
  repair goes into the next batch;
- errored: the provider's error for that request (a ``ProviderError``): the chain falls back;
- expired (the 24-hour window ran out) or cancelled: ``ProviderTimeout`` / ``ProviderError``, the
  chain falls back, to the synchronous provider when it follows in the chain.

Nothing is lost or paid twice. Every batch and request is written to a ``BatchLedger`` (the
workspace's, ``store.provider_batches``) as it is submitted and as its results arrive, keyed by a
hash of what was asked. A call whose request is already in the ledger and not yet taken waits for
that batch, or takes its stored result, instead of submitting it again: a process that stopped
(another day, another machine on the same PostgreSQL workspace) picks up where it was.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..errors import (
    ContractViolation,
    GenerationCancelled,
    ProviderError,
    ProviderServerError,
    ProviderTimeout,
    ProviderUnavailable,
    RateLimitError,
)
from ._call import CallTracker
from .base import CancelToken, LLMRequest, LLMResult, ProgressCallback
from .batch_api import (
    AnthropicBatchAPI,
    BatchAPI,
    BatchJob,
    BatchOutcome,
    OpenAIBatchAPI,
    batch_api_for,
)
from .context import check_fits

__all__ = [
    "AnthropicBatchAPI",
    "BatchAPI",
    "BatchJob",
    "BatchLedger",
    "BatchOutcome",
    "BatchingProvider",
    "MemoryLedger",
    "OpenAIBatchAPI",
    "batch_api_for",
    "request_key",
]

_WAIT_STEP_S = 0.05
_MAX_POLL_ERRORS = 5  # consecutive failed status reads before the waiting calls are given up


def request_key(provider: str, model: str, request: LLMRequest) -> str:
    """What identifies a request across processes: provider, model, and everything sent."""
    digest = hashlib.sha256()
    for part in (provider, model, request.system, request.prompt, request.schema_name,
                 json.dumps(request.output_schema, sort_keys=True), str(request.max_output_tokens)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


class BatchLedger(Protocol):
    """Where batches and their requests are kept (the workspace's: ``store.provider_batches``)."""

    def find(self, request_key: str) -> dict[str, Any] | None:
        """The request not yet taken with this key: ``custom_id``, ``batch_id``, ``state`` and,
        once in, the outcome's fields (``BatchOutcome``); None if there is none."""

    def batch(self, batch_id: str) -> dict[str, Any] | None:
        """The stored batch (``BatchJob.as_record()``), or None."""

    def record_batch(self, job: dict[str, Any], requests: list[dict[str, Any]]) -> None:
        """A batch just submitted, with its requests: ``custom_id``, ``request_key``, ``module``."""

    def update_batch(self, job: dict[str, Any]) -> None:
        """The provider's latest view of a batch."""

    def pending_ids(self, batch_id: str) -> list[str]:
        """The custom ids of the batch's requests that have no outcome yet."""

    def save_outcomes(self, batch_id: str, outcomes: list[dict[str, Any]]) -> None:
        """The outcomes of a batch's requests (``BatchOutcome.as_record()``)."""

    def consume(self, custom_id: str) -> None:
        """A generation took this request's outcome: never hand it out again."""


class MemoryLedger:
    """A ledger in this process's memory (tests, and runs without a workspace)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.batches: dict[str, dict[str, Any]] = {}
        self.requests: dict[str, dict[str, Any]] = {}

    def find(self, request_key: str) -> dict[str, Any] | None:
        with self._lock:
            for row in self.requests.values():
                if row["request_key"] == request_key and not row["consumed"]:
                    return dict(row)
        return None

    def batch(self, batch_id: str) -> dict[str, Any] | None:
        with self._lock:
            found = self.batches.get(batch_id)
            return dict(found) if found else None

    def record_batch(self, job: dict[str, Any], requests: list[dict[str, Any]]) -> None:
        with self._lock:
            self.batches[job["id"]] = dict(job)
            for item in requests:
                self.requests[item["custom_id"]] = {**item, "batch_id": job["id"], "state": "pending",
                                                    "consumed": False}

    def update_batch(self, job: dict[str, Any]) -> None:
        with self._lock:
            self.batches[job["id"]] = dict(job)

    def pending_ids(self, batch_id: str) -> list[str]:
        with self._lock:
            return [cid for cid, row in self.requests.items()
                    if row["batch_id"] == batch_id and row["state"] == "pending"]

    def save_outcomes(self, batch_id: str, outcomes: list[dict[str, Any]]) -> None:
        with self._lock:
            for outcome in outcomes:
                row = self.requests.get(outcome["custom_id"])
                if row is not None and row["state"] == "pending":
                    row.update(outcome)

    def consume(self, custom_id: str) -> None:
        with self._lock:
            if custom_id in self.requests:
                self.requests[custom_id]["consumed"] = True


# -- the chain member ------------------------------------------------------------------------


@dataclass
class _Ticket:
    """One call waiting for its batch result."""

    request: LLMRequest
    key: str
    custom_id: str = ""
    batch_id: str | None = None
    outcome: BatchOutcome | None = None
    error: ProviderError | None = None
    done: threading.Event = field(default_factory=threading.Event)
    since: float = field(default_factory=time.monotonic)

    def resolve(self, outcome: BatchOutcome) -> None:
        self.outcome = outcome
        self.done.set()

    def fail(self, error: ProviderError) -> None:
        self.error = error
        self.done.set()


class BatchingProvider:
    """A provider that answers through ``api``'s batch API; see the module docstring."""

    # A call waiting here holds no connection: a shared limit on calls in flight leaves it out.
    waits_without_a_connection = True

    def __init__(
        self,
        api: BatchAPI,
        ledger: BatchLedger | None = None,
        *,
        gather_s: float = 2.0,
        poll_s: float = 30.0,
        max_batch: int = 10_000,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.api = api
        self.name = api.name
        self.model = api.model
        self.ledger: BatchLedger = ledger if ledger is not None else MemoryLedger()
        self.gather_s = gather_s
        self.poll_s = poll_s
        self.max_batch = max_batch
        self._sleep = sleep
        self._lock = threading.Lock()
        self._gathering: list[_Ticket] = []
        self._gatherer: threading.Thread | None = None
        self._last_added = 0.0
        self._waiting: dict[str, list[_Ticket]] = {}  # batch id -> calls waiting for it
        self.submitted: list[str] = []  # batch ids this provider submitted (reports, tests)
        self._stopped = False

    def stop(self) -> None:
        """Stop waiting (Ctrl+C): every waiting call ends as cancelled, nothing new is sent or
        polled. The batches go on at the provider, and their requests stay in the ledger, so the
        next run takes their results instead of sending them again."""
        with self._lock:
            self._stopped = True
            tickets = [t for waiting in self._waiting.values() for t in waiting] + self._gathering
            self._waiting.clear()
            self._gathering = []
        for ticket in tickets:
            ticket.fail(GenerationCancelled(
                f"stopped while waiting for the {self.name} batch; it goes on at the provider, and the next "
                "run takes its results (aicmo batch --status)", provider=self.name, model=self.model))

    def unavailable_reason(self) -> str | None:
        return self.api.unavailable_reason()

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
        if self._stopped:
            raise GenerationCancelled("provider batches were stopped", provider=self.name, model=self.model)
        check_fits(self.name, self.model, request)  # refused before it goes into a batch
        ticket = _Ticket(request, request_key(self.name, self.model, request))
        self._admit(ticket)
        while not ticket.done.wait(_WAIT_STEP_S):
            if cancel is not None:
                # The request stays in its batch: a later run takes its answer (see the ledger).
                cancel.raise_if_cancelled(self.name, self.model)
        if ticket.error is not None:
            raise ticket.error
        assert ticket.outcome is not None
        self.ledger.consume(ticket.custom_id)
        return self._answer(ticket)

    # -- admitting a call: an answer already in, a batch already sent, or the next batch ------

    def _admit(self, ticket: _Ticket) -> None:
        found = self.ledger.find(ticket.key)
        if found is not None:
            ticket.custom_id, ticket.batch_id = found["custom_id"], found["batch_id"]
            if found["state"] != "pending":
                ticket.resolve(BatchOutcome.from_record(found))
                return
            with self._lock:
                waiting = self._waiting.setdefault(found["batch_id"], [])
                waiting.append(ticket)
                if len(waiting) > 1:
                    return  # a poller for this batch is already running
            threading.Thread(target=self._poll, args=(found["batch_id"],), daemon=True,
                             name=f"aicmo-batch-poll-{self.name}").start()
            return
        with self._lock:
            self._gathering.append(ticket)
            self._last_added = time.monotonic()
            if self._gatherer is None:
                self._gatherer = threading.Thread(target=self._gather, daemon=True,
                                                  name=f"aicmo-batch-gather-{self.name}")
                self._gatherer.start()

    def _gather(self) -> None:
        """Wait until no call has arrived for ``gather_s`` (or the batch is full), then submit."""
        while True:
            with self._lock:
                quiet = time.monotonic() - self._last_added
                if quiet >= self.gather_s or len(self._gathering) >= self.max_batch:
                    tickets = self._gathering[: self.max_batch]
                    self._gathering = self._gathering[self.max_batch:]
                    self._gatherer = None
                    if self._gathering:  # more than one batch's worth: the rest is the next batch
                        self._gatherer = threading.Thread(target=self._gather, daemon=True,
                                                          name=f"aicmo-batch-gather-{self.name}")
                        self._gatherer.start()
                    break
            self._sleep(min(_WAIT_STEP_S * 2, max(0.001, self.gather_s - quiet)))
        self._submit(tickets)

    def _submit(self, tickets: list[_Ticket]) -> None:
        if self._stopped:
            return  # stop() has ended these calls; nothing is sent
        for ticket in tickets:
            ticket.custom_id = uuid.uuid4().hex
        try:
            job = self.api.submit([(t.custom_id, t.request) for t in tickets])
        except ProviderError as exc:
            for ticket in tickets:
                ticket.fail(exc)
            return
        self.ledger.record_batch(job.as_record(), [
            {"custom_id": t.custom_id, "request_key": t.key, "module": t.request.module} for t in tickets])
        with self._lock:
            self.submitted.append(job.id)
            for ticket in tickets:
                ticket.batch_id = job.id
            self._waiting.setdefault(job.id, []).extend(tickets)
        self._poll(job.id)

    # -- waiting for a batch ----------------------------------------------------------------

    def _poll(self, batch_id: str) -> None:
        failures = 0
        while True:
            self._sleep(self.poll_s)
            if self._stopped:
                return
            try:
                job = self.api.check(batch_id)
            except ProviderError as exc:
                failures += 1
                if failures < _MAX_POLL_ERRORS:
                    continue
                # The batch stays pending in the ledger: a later run polls it again.
                return self._fail_waiting(batch_id, exc)
            failures = 0
            self.ledger.update_batch(job.as_record())
            if job.final:
                break
        try:
            outcomes = [] if job.status == "failed" else self.api.outcomes(job)
        except ProviderError as exc:
            return self._fail_waiting(batch_id, exc)
        outcomes += self._unanswered(job, {o.custom_id for o in outcomes})
        for outcome in outcomes:
            if outcome.state == "succeeded":
                outcome.cost_usd = self._tracker(outcome, 0).cost()
        self.ledger.save_outcomes(batch_id, [o.as_record() for o in outcomes])
        by_id = {o.custom_id: o for o in outcomes}
        with self._lock:
            tickets = self._waiting.pop(batch_id, [])
        for ticket in tickets:
            ticket.resolve(by_id.get(ticket.custom_id) or BatchOutcome(
                ticket.custom_id, "errored", error_message="missing from the batch's results"))

    def _unanswered(self, job: BatchJob, answered: set[str]) -> list[BatchOutcome]:
        """Requests the results leave out: expired or cancelled with their batch, else errored."""
        state = {"expired": "expired", "cancelled": "cancelled"}.get(job.status, "errored")
        why = "; ".join(job.detail.get("errors") or []) or "missing from the batch's results"
        return [BatchOutcome(custom_id, state, error_message=None if state != "errored" else
                             (f"the batch failed: {why}" if job.status == "failed" else why))
                for custom_id in self.ledger.pending_ids(job.id) if custom_id not in answered]

    def _fail_waiting(self, batch_id: str, error: ProviderError) -> None:
        with self._lock:
            tickets = self._waiting.pop(batch_id, [])
        for ticket in tickets:
            ticket.fail(error)

    # -- a result for the chain --------------------------------------------------------------

    def _tracker(self, outcome: BatchOutcome, max_output_tokens: int) -> CallTracker:
        tracker = CallTracker(self.name, self.model, max_output_tokens=max_output_tokens or 1 << 30, batch=True)
        tracker.usage.tokens_in = outcome.tokens_in
        tracker.usage.tokens_out = outcome.tokens_out
        tracker.usage.cache_read = outcome.cache_read_tokens
        tracker.usage.cache_write = outcome.cache_write_tokens or 0
        tracker.usage.known = True
        return tracker

    def _answer(self, ticket: _Ticket) -> LLMResult:
        outcome = ticket.outcome
        assert outcome is not None
        waited_ms = (time.monotonic() - ticket.since) * 1000
        where = f"{self.name} batch {ticket.batch_id}"
        kw: dict[str, Any] = {"provider": self.name, "model": self.model}
        if outcome.state == "succeeded":
            tracker = self._tracker(outcome, ticket.request.max_output_tokens)
            try:
                tracker.add(outcome.text or "")
                truncated = outcome.finish_reason in ("length", "max_tokens")
                result = tracker.finish(ticket.request, raw={"batch_id": ticket.batch_id,
                                                             "custom_id": outcome.custom_id}, truncated=truncated)
            except ContractViolation as exc:
                exc.details.update(batch_id=ticket.batch_id, latency_ms=waited_ms)
                raise
            result.latency_ms = waited_ms
            result.batch_id = ticket.batch_id
            result.warnings.append(f"answered through the {where} at the batch price")
            return result
        if outcome.state == "expired":
            error: ProviderError = ProviderTimeout(
                f"the {where} ended (24-hour window) before this request ran", **kw)
        elif outcome.state == "cancelled":
            error = ProviderError(f"the {where} was cancelled before this request ran", **kw)
        elif outcome.status_code == 429:
            error = RateLimitError(f"{where}: rate limited: {outcome.error_message}", **kw)
        elif (outcome.status_code or 500) >= 500:
            error = ProviderServerError(f"{where}: server error: {outcome.error_message}", **kw)
        else:
            error = ProviderError(f"{where}: the request failed: {outcome.error_message}", **kw)
        error.details.update(batch_id=ticket.batch_id, latency_ms=waited_ms)
        raise error
