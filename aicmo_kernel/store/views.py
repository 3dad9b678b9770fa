"""Read-only views of workspace rows: small frozen pydantic models.

Callers (CLI, widgets, the generation service) get these instead of ORM objects, so no session,
lazy load or accidental write ever leaks out of the store.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import AuditRow, BrandRow, CallRow, CampaignRow, DeliverableRow, ReviewEventRow, RunRow, VersionRow

__all__ = [
    "AuditEntry",
    "Brand",
    "CallEntry",
    "Campaign",
    "DeliverableView",
    "ReviewEventView",
    "Run",
    "VersionView",
    "audit_entry",
    "brand_view",
    "call_entry",
    "campaign_view",
    "deliverable_view",
    "review_event_view",
    "run_view",
    "version_view",
]


class _View(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Brand(_View):
    id: str
    name: str
    website: str | None
    industry: str | None
    geography: str | None
    voice: str | None
    banned_words: list[str]
    disclaimers: list[str]
    branding: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    four_eyes: bool = False  # nobody approves a version they wrote (migration 0007)


class Campaign(_View):
    id: str
    name: str
    brand_id: str
    brand: str
    objective: str | None
    budget: float | None
    start_date: date | None
    end_date: date | None
    channels: list[str]
    status: str
    brief: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    client_review: bool = False  # approved items wait for the client too (migration 0007)


class Run(_View):
    id: str
    campaign_id: str
    campaign: str
    module: str
    status: str
    inputs: dict[str, Any]
    envelope: dict[str, Any]
    attempts: list[dict[str, Any]]
    error: dict[str, Any] | None
    error_type: str | None
    provider: str
    model: str
    tokens_in: int
    tokens_out: int
    cost_usd: float | None  # None: the model has no known price
    latency_ms: float
    trace_id: str
    prompt_hash: str
    created_by: str
    created_at: datetime


class DeliverableView(_View):
    id: str
    campaign: str
    campaign_id: str
    module: str
    run_id: str
    kind: str
    title: str
    platform: str | None
    hashtags: list[str]
    assets: dict[str, Any]
    metadata: dict[str, Any]
    state: str
    current_version: int
    approved_version: int | None
    needs_review: bool
    needs_review_reason: str | None
    content_markdown: str
    updated_by: str
    updated_at: datetime
    # The client stage (migration 0007): None, "waiting" or "approved"; what the client approved.
    client_state: str | None = None
    client_version: int | None = None
    client_by: str | None = None

    @property
    def is_approved(self) -> bool:
        """True when the approval applies to the current version (not just history)."""
        return self.state == "approved"


class VersionView(_View):
    deliverable_id: str
    version: int
    content_markdown: str
    title: str
    hashtags: list[str]
    author: str
    source: str
    based_on_version: int | None
    created_at: datetime


class ReviewEventView(_View):
    id: int
    deliverable_id: str
    action: str
    actor: str
    version: int | None
    comment: str | None
    by_policy: str | None
    at: datetime


class AuditEntry(_View):
    id: int
    actor: str
    action: str
    entity_type: str
    entity_id: str
    from_state: str | None
    to_state: str | None
    details: dict[str, Any]
    at: datetime


class CallEntry(_View):
    id: int
    run_id: str | None
    prompt_hash: str
    provider: str
    model: str
    tokens_in: int
    tokens_out: int
    cost_usd: float | None  # None: the model has no known price
    latency_ms: float
    status: str
    error_type: str | None
    trace_id: str | None
    at: datetime


def brand_view(row: BrandRow) -> Brand:
    return Brand(
        id=row.id, name=row.name, website=row.website, industry=row.industry, geography=row.geography,
        voice=row.voice, banned_words=list(row.banned_words), disclaimers=list(row.disclaimers),
        branding=dict(row.branding), created_at=row.created_at, updated_at=row.updated_at,
        four_eyes=bool(row.four_eyes),
    )


def campaign_view(row: CampaignRow, brand_name: str) -> Campaign:
    return Campaign(
        id=row.id, name=row.name, brand_id=row.brand_id, brand=brand_name, objective=row.objective,
        budget=row.budget, start_date=row.start_date, end_date=row.end_date, channels=list(row.channels),
        status=row.status, brief=dict(row.brief), created_at=row.created_at, updated_at=row.updated_at,
        client_review=bool(row.client_review),
    )


def run_view(row: RunRow, campaign_name: str) -> Run:
    return Run(
        id=row.id, campaign_id=row.campaign_id, campaign=campaign_name, module=row.module,
        status=row.status, inputs=dict(row.inputs), envelope=dict(row.envelope),
        attempts=list(row.attempts), error=row.error, error_type=row.error_type, provider=row.provider,
        model=row.model, tokens_in=row.tokens_in, tokens_out=row.tokens_out, cost_usd=row.cost_usd,
        latency_ms=row.latency_ms, trace_id=row.trace_id, prompt_hash=row.prompt_hash,
        created_by=row.created_by, created_at=row.created_at,
    )


def deliverable_view(
    session: Session, row: DeliverableRow, *, content: str | None = None, campaign_name: str | None = None
) -> DeliverableView:
    """The deliverable with the text of its current version. A caller that read ``content`` and
    ``campaign_name`` with the row (``deliverable_views_query``) passes them; else they are read."""
    if content is None:
        content = session.scalar(
            select(VersionRow.content_markdown).where(
                VersionRow.deliverable_id == row.id, VersionRow.version == row.current_version
            )
        )
    if campaign_name is None:
        campaign_name = session.scalar(select(CampaignRow.name).where(CampaignRow.id == row.campaign_id))
    return DeliverableView(
        id=row.id, campaign=campaign_name or "", campaign_id=row.campaign_id, module=row.module,
        run_id=row.run_id, kind=row.kind, title=row.title, platform=row.platform,
        hashtags=list(row.hashtags), assets=dict(row.assets), metadata=dict(row.meta), state=row.state,
        current_version=row.current_version, approved_version=row.approved_version,
        needs_review=row.needs_review, needs_review_reason=row.needs_review_reason,
        content_markdown=content or "", updated_by=row.updated_by, updated_at=row.updated_at,
        client_state=row.client_state, client_version=row.client_version, client_by=row.client_by,
    )


def deliverable_views_query() -> Any:
    """SELECT each deliverable with its current version's text and its campaign's name, in one
    query for any number of deliverables (add WHERE and ORDER BY; feed rows to ``deliverable_view``)."""
    return (
        select(DeliverableRow, VersionRow.content_markdown, CampaignRow.name)
        .join(VersionRow, (VersionRow.deliverable_id == DeliverableRow.id)
              & (VersionRow.version == DeliverableRow.current_version))
        .join(CampaignRow, CampaignRow.id == DeliverableRow.campaign_id)
    )


def version_view(row: VersionRow) -> VersionView:
    return VersionView(
        deliverable_id=row.deliverable_id, version=row.version, content_markdown=row.content_markdown,
        title=row.title, hashtags=list(row.hashtags), author=row.author, source=row.source,
        based_on_version=row.based_on_version, created_at=row.created_at,
    )


def review_event_view(row: ReviewEventRow) -> ReviewEventView:
    return ReviewEventView(
        id=row.id, deliverable_id=row.deliverable_id, action=row.action, actor=row.actor,
        version=row.version, comment=row.comment, by_policy=row.by_policy, at=row.at,
    )


def audit_entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        id=row.id, actor=row.actor, action=row.action, entity_type=row.entity_type,
        entity_id=row.entity_id, from_state=row.from_state, to_state=row.to_state,
        details=dict(row.details), at=row.at,
    )


def call_entry(row: CallRow) -> CallEntry:
    return CallEntry(
        id=row.id, run_id=row.run_id, prompt_hash=row.prompt_hash, provider=row.provider,
        model=row.model, tokens_in=row.tokens_in, tokens_out=row.tokens_out, cost_usd=row.cost_usd,
        latency_ms=row.latency_ms, status=row.status, error_type=row.error_type,
        trace_id=row.trace_id, at=row.at,
    )
