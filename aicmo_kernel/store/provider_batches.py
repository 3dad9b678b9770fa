"""The workspace's record of provider batches (migration 0006): the ledger that
``providers.batch.BatchingProvider`` writes to, so a run that stopped resumes without losing or
paying for a request twice, and the summary ``aicmo batch --status`` prints.

Plain dicts in and out: the store knows nothing of the providers' types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, select, update

from .models import ProviderBatchRequestRow, ProviderBatchRow, utcnow

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["BatchSummary", "WorkspaceLedger", "batch_summaries"]

_OUTCOME_FIELDS = ("state", "text", "tokens_in", "tokens_out", "cache_read_tokens", "cache_write_tokens", "cost_usd",
                   "error_type", "error_message")
_FINAL = ("ended", "expired", "cancelled", "failed")


class WorkspaceLedger:
    """``providers.batch.BatchLedger`` on the workspace's tables."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    def find(self, request_key: str) -> dict[str, Any] | None:
        with self.ws.reading() as session:
            row = session.scalars(
                select(ProviderBatchRequestRow)
                .where(ProviderBatchRequestRow.request_key == request_key,
                       ProviderBatchRequestRow.consumed.is_(False))
                .order_by(ProviderBatchRequestRow.created_at.desc())
                .limit(1)
            ).first()
            return _request(row) if row is not None else None

    def batch(self, batch_id: str) -> dict[str, Any] | None:
        with self.ws.reading() as session:
            row = session.get(ProviderBatchRow, batch_id)
            if row is None:
                return None
            return {"id": row.id, "provider": row.provider, "model": row.model, "status": row.status,
                    "requests": row.requests, "input_file_id": row.input_file_id,
                    "output_file_id": row.output_file_id, "error_file_id": row.error_file_id,
                    "detail": dict(row.detail or {})}

    def record_batch(self, job: dict[str, Any], requests: list[dict[str, Any]]) -> None:
        now = utcnow()
        with self.ws.transaction() as session:
            session.add(ProviderBatchRow(
                id=job["id"], provider=job["provider"][:100], model=job["model"][:200], status=_status(job),
                input_file_id=job.get("input_file_id"), output_file_id=job.get("output_file_id"),
                error_file_id=job.get("error_file_id"), requests=len(requests), detail=job.get("detail") or {},
                created_at=now, checked_at=None, ended_at=None,
            ))
            session.flush()  # the batch row first: the requests refer to it
            session.add_all(
                ProviderBatchRequestRow(
                    custom_id=item["custom_id"], batch_id=job["id"], request_key=item["request_key"],
                    module=str(item.get("module") or "")[:20], state="pending", consumed=False, text=None,
                    tokens_in=0, tokens_out=0, cache_read_tokens=0, cache_write_tokens=0, cost_usd=0.0, error_type=None,
                    error_message=None, created_at=now, finished_at=None,
                )
                for item in requests
            )

    def update_batch(self, job: dict[str, Any]) -> None:
        now = utcnow()
        status = _status(job)
        with self.ws.transaction() as session:
            row = session.get(ProviderBatchRow, job["id"])
            if row is None:
                return
            row.status, row.detail, row.checked_at = status, job.get("detail") or {}, now
            row.output_file_id = job.get("output_file_id") or row.output_file_id
            row.error_file_id = job.get("error_file_id") or row.error_file_id
            if status in _FINAL and row.ended_at is None:
                row.ended_at = now

    def pending_ids(self, batch_id: str) -> list[str]:
        with self.ws.reading() as session:
            return list(session.scalars(
                select(ProviderBatchRequestRow.custom_id)
                .where(ProviderBatchRequestRow.batch_id == batch_id, ProviderBatchRequestRow.state == "pending")
            ))

    def save_outcomes(self, batch_id: str, outcomes: list[dict[str, Any]]) -> None:
        now = utcnow()
        with self.ws.transaction() as session:
            for outcome in outcomes:
                values = {k: outcome.get(k) for k in _OUTCOME_FIELDS}
                values["cache_write_tokens"] = values["cache_write_tokens"] or 0  # outcomes recorded before 0008
                values["error_type"] = _error_type(outcome)
                values["error_message"] = (values["error_message"] or None) and str(values["error_message"])[:2000]
                session.execute(
                    update(ProviderBatchRequestRow)
                    .where(ProviderBatchRequestRow.custom_id == outcome["custom_id"],
                           ProviderBatchRequestRow.batch_id == batch_id,
                           ProviderBatchRequestRow.state == "pending")
                    .values(**values, finished_at=now)
                )

    def consume(self, custom_id: str) -> None:
        with self.ws.transaction() as session:
            session.execute(update(ProviderBatchRequestRow)
                            .where(ProviderBatchRequestRow.custom_id == custom_id).values(consumed=True))


def _status(job: dict[str, Any]) -> str:
    return "submitted" if job.get("status") == "running" else str(job.get("status"))[:20]


def _error_type(outcome: dict[str, Any]) -> str | None:
    state = outcome.get("state")
    if state == "expired":
        return "TIMEOUT"
    if state in ("errored", "cancelled"):
        return "RATE_LIMIT" if outcome.get("status_code") == 429 else "PROVIDER_ERROR"
    return None


def _request(row: ProviderBatchRequestRow) -> dict[str, Any]:
    found = {k: getattr(row, k) for k in _OUTCOME_FIELDS}
    found.update(custom_id=row.custom_id, batch_id=row.batch_id, request_key=row.request_key, module=row.module)
    if row.error_type == "RATE_LIMIT":
        found["status_code"] = 429
    return found


@dataclass
class BatchSummary:
    """One provider batch as ``aicmo batch --status`` shows it."""

    id: str
    provider: str
    model: str
    status: str
    created_at: Any
    ended_at: Any
    requests: int
    states: dict[str, int] = field(default_factory=dict)  # pending, succeeded, errored, expired, cancelled
    taken: int = 0  # outcomes a generation has taken
    cost_usd: float | None = 0.0  # of the answers in; None when a model has no known price


def batch_summaries(ws: Workspace, *, limit: int = 50) -> list[BatchSummary]:
    """The newest ``limit`` provider batches with their requests counted by state, and cost."""
    with ws.reading() as session:
        batches = list(session.scalars(select(ProviderBatchRow).order_by(ProviderBatchRow.created_at.desc())
                                       .limit(limit)))
        ids = [b.id for b in batches]
        counts = session.execute(
            select(ProviderBatchRequestRow.batch_id, ProviderBatchRequestRow.state,
                   func.count(), func.sum(ProviderBatchRequestRow.cost_usd),
                   func.count(ProviderBatchRequestRow.cost_usd),
                   func.sum(case((ProviderBatchRequestRow.consumed, 1), else_=0)))
            .where(ProviderBatchRequestRow.batch_id.in_(ids))
            .group_by(ProviderBatchRequestRow.batch_id, ProviderBatchRequestRow.state)
        ).all() if ids else []
        summaries = {b.id: BatchSummary(b.id, b.provider, b.model, b.status, b.created_at, b.ended_at, b.requests)
                     for b in batches}
    for batch_id, state, n, cost, priced, taken in counts:
        summary = summaries[batch_id]
        summary.states[state] = int(n)
        summary.taken += int(taken or 0)
        if priced < n:  # some request of this state has an unknown cost
            summary.cost_usd = None
        elif summary.cost_usd is not None:
            summary.cost_usd = round(summary.cost_usd + float(cost or 0.0), 8)
    return [summaries[i] for i in ids]
