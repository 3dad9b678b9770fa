"""The workspace's tables as a typed SQLAlchemy ORM (SPEC section 2).

The schema is created only by the Alembic migrations in ``store/migrations``; a test checks that
this metadata and the migrated schema agree. Constraint names follow a naming convention so the
migration can name them explicitly and both backends agree on them.

JSON columns use SQLAlchemy's generic ``JSON`` type so SQLite and PostgreSQL both work. Datetimes
are stored as UTC and always come back timezone-aware (SQLite keeps no offset, so ``UTCDateTime``
puts it back).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

__all__ = [
    "AuditRow",
    "AutonomyPolicyRow",
    "BrandMemoryRow",
    "Base",
    "BrandRow",
    "CacheRow",
    "CallRow",
    "CampaignRow",
    "DeliverableRow",
    "ProviderBatchRequestRow",
    "ProviderBatchRow",
    "QueueCountChangeRow",
    "QueueCountRow",
    "ReviewEventRow",
    "RunRow",
    "UTCDateTime",
    "VersionRow",
    "utcnow",
]

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# What waits for a reviewer, as SQL: the predicate of the partial index ``ix_deliverables_waiting``
# (queries must repeat it verbatim for the planner to use the index).
WAITING_SQL = "state IN ('draft', 'revised', 'changes_requested') OR (state = 'approved' AND needs_review)"


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass a timezone-aware UTC datetime")
        value = value.astimezone(timezone.utc)
        # SQLite stores no offset; keep the UTC wall time and restore the zone on the way out.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


class BrandRow(Base):
    __tablename__ = "brands"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    website: Mapped[str | None] = mapped_column(String(2048))
    industry: Mapped[str | None] = mapped_column(String(200))
    geography: Mapped[str | None] = mapped_column(String(200))
    voice: Mapped[str | None] = mapped_column(Text)
    banned_words: Mapped[list[Any]] = mapped_column(JSON)
    disclaimers: Mapped[list[Any]] = mapped_column(JSON)
    branding: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Migration 0007: nobody approves a version they wrote.
    four_eyes: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CampaignRow(Base):
    __tablename__ = "campaigns"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    brand_id: Mapped[str] = mapped_column(ForeignKey("brands.id"), index=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    objective: Mapped[str | None] = mapped_column(Text)
    budget: Mapped[float | None] = mapped_column(Float)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    channels: Mapped[list[Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20))
    brief: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Migration 0007: internally approved items wait for the client's approval too.
    client_review: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class RunRow(Base):
    """One generation of one module for one campaign. Never updated after insert."""

    __tablename__ = "runs"
    __table_args__ = (Index("ix_runs_campaign_id_module_created_at", "campaign_id", "module", "created_at"),)

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"))
    module: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10))
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)
    envelope: Mapped[dict[str, Any]] = mapped_column(JSON)
    attempts: Mapped[list[Any]] = mapped_column(JSON)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    error_type: Mapped[str | None] = mapped_column(String(40))
    provider: Mapped[str] = mapped_column(String(100))
    model: Mapped[str] = mapped_column(String(200))
    tokens_in: Mapped[int] = mapped_column(Integer)
    tokens_out: Mapped[int] = mapped_column(Integer)
    cost_usd: Mapped[float | None] = mapped_column(Float)  # None: unknown price (migration 0006)
    latency_ms: Mapped[float] = mapped_column(Float)
    trace_id: Mapped[str] = mapped_column(String(100))
    prompt_hash: Mapped[str] = mapped_column(String(200))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class DeliverableRow(Base):
    """A deliverable's identity and state; its text lives in ``VersionRow``."""

    __tablename__ = "deliverables"
    __table_args__ = (
        Index("ix_deliverables_campaign_id_module_state", "campaign_id", "module", "state"),
        # Migration 0004: the review queue pages through waiting rows only (see WAITING_SQL).
        Index("ix_deliverables_waiting", "updated_at", "id",
              sqlite_where=text(WAITING_SQL), postgresql_where=text(WAITING_SQL)),
    )

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"))
    module: Mapped[str] = mapped_column(String(20))
    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id"), index=True)
    # Order within the run's envelope, so lists show deliverables as the module produced them.
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(300))
    platform: Mapped[str | None] = mapped_column(String(50))
    hashtags: Mapped[list[Any]] = mapped_column(JSON)
    assets: Mapped[dict[str, Any]] = mapped_column(JSON)
    # "metadata" is reserved on declarative classes, hence the attribute name.
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSON)
    state: Mapped[str] = mapped_column(String(20))
    current_version: Mapped[int] = mapped_column(Integer)
    # The last version ever approved; whether it still applies is ``state == "approved"``.
    approved_version: Mapped[int | None] = mapped_column(Integer)
    # Upstream deliverable id -> approved version at the time of this approval.
    approved_basis: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    needs_review: Mapped[bool] = mapped_column(Boolean)
    needs_review_reason: Mapped[str | None] = mapped_column(Text)
    superseded_by_run_id: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime]
    updated_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime]
    # Migration 0007, the client stage: None (not at it), "waiting" or "approved"; the version the
    # client approved, who and when (the internal approval stays in approved_version/review_events).
    client_state: Mapped[str | None] = mapped_column(String(20))
    client_version: Mapped[int | None] = mapped_column(Integer)
    client_by: Mapped[str | None] = mapped_column(String(200))
    client_at: Mapped[datetime | None]


class VersionRow(Base):
    """One saved version of a deliverable's text. Never updated after insert."""

    __tablename__ = "deliverable_versions"
    __table_args__ = (UniqueConstraint("deliverable_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    deliverable_id: Mapped[str] = mapped_column(ForeignKey("deliverables.id"))
    version: Mapped[int] = mapped_column(Integer)
    content_markdown: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(String(300))
    hashtags: Mapped[list[Any]] = mapped_column(JSON)
    author: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(20))
    based_on_version: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime]


class ReviewEventRow(Base):
    __tablename__ = "review_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    deliverable_id: Mapped[str] = mapped_column(ForeignKey("deliverables.id"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(200))
    version: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    by_policy: Mapped[str | None] = mapped_column(String(100))
    at: Mapped[datetime]


class AuditRow(Base):
    """Append-only: database triggers refuse UPDATE and DELETE (see the initial migration)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(50))
    entity_type: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(100), index=True)
    from_state: Mapped[str | None] = mapped_column(String(30))
    to_state: Mapped[str | None] = mapped_column(String(30))
    details: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime]


class CallRow(Base):
    """One language-model call: numbers and hashes only, never a key or prompt text."""

    __tablename__ = "call_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    run_id: Mapped[str | None] = mapped_column(String(100), index=True)
    prompt_hash: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str] = mapped_column(String(100))
    model: Mapped[str] = mapped_column(String(200))
    tokens_in: Mapped[int] = mapped_column(Integer)
    tokens_out: Mapped[int] = mapped_column(Integer)
    cost_usd: Mapped[float | None] = mapped_column(Float)  # None: unknown price (migration 0006)
    latency_ms: Mapped[float] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(30))
    error_type: Mapped[str | None] = mapped_column(String(40))
    trace_id: Mapped[str | None] = mapped_column(String(100))
    at: Mapped[datetime]


class AutonomyPolicyRow(Base):
    """A campaign's autonomy policy (module 7), which the workflow enforces on auto-approvals."""

    __tablename__ = "autonomy_policies"

    campaign_id: Mapped[str] = mapped_column(ForeignKey("campaigns.id"), primary_key=True)
    level: Mapped[str] = mapped_column(String(20))
    qc_threshold: Mapped[float] = mapped_column(Float)
    auto_approve_kinds: Mapped[list[Any]] = mapped_column(JSON)
    updated_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime]


class BrandMemoryRow(Base):
    """A brand-memory rule (module 9) that later prompts for the brand include."""

    __tablename__ = "brand_memory_rules"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    brand_id: Mapped[str] = mapped_column(ForeignKey("brands.id"), index=True)
    rule: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(30))
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(Boolean)
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]


class CacheRow(Base):
    """A validated answer, keyed by a hash of provider, model, prompt and schema (``aicmo_kernel.cache``)."""

    __tablename__ = "generation_cache"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    provider: Mapped[str] = mapped_column(String(100))
    model: Mapped[str] = mapped_column(String(200))
    module: Mapped[str] = mapped_column(String(20))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text)
    tokens_in: Mapped[int] = mapped_column(Integer)
    tokens_out: Mapped[int] = mapped_column(Integer)
    cost_usd: Mapped[float | None] = mapped_column(Float)  # None: unknown price (migration 0006)
    created_at: Mapped[datetime]


class QueueCountRow(Base):
    """How many deliverables wait for a reviewer per campaign, module and queue state (migration
    0005). Written only by database triggers and ``store.queue_counts.fold_changes``."""

    __tablename__ = "queue_counts"

    campaign_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    module: Mapped[str] = mapped_column(String(20), primary_key=True)
    state: Mapped[str] = mapped_column(String(20), primary_key=True)
    n: Mapped[int] = mapped_column(Integer)


class QueueCountChangeRow(Base):
    """A change to ``queue_counts`` not yet folded in (PostgreSQL's triggers append these; see
    migration 0005 for why they do not update the counts in place)."""

    __tablename__ = "queue_count_changes"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True,
                                    autoincrement=True)
    campaign_id: Mapped[str] = mapped_column(String(32))
    module: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20))
    delta: Mapped[int] = mapped_column(Integer)


class ProviderBatchRow(Base):
    """One batch submitted to a provider's batch API (migration 0006; ``providers.batch``).

    ``id`` is the provider's own batch id, so a process that stopped can poll it again."""

    __tablename__ = "provider_batches"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    provider: Mapped[str] = mapped_column(String(100))
    model: Mapped[str] = mapped_column(String(200))
    # submitted, ended (results in), cancelled, expired, failed (the provider refused the batch)
    status: Mapped[str] = mapped_column(String(20), index=True)
    input_file_id: Mapped[str | None] = mapped_column(String(200))
    output_file_id: Mapped[str | None] = mapped_column(String(200))
    error_file_id: Mapped[str | None] = mapped_column(String(200))
    requests: Mapped[int] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)  # the provider's last counts and status
    created_at: Mapped[datetime]
    checked_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]


class ProviderBatchRequestRow(Base):
    """One request inside a provider batch, and its outcome once the results are in.

    ``request_key`` identifies what was asked (provider, model, system, prompt, schema): a run
    that asks the same again finds this row and waits for, or takes, its answer instead of paying
    twice. ``consumed`` is set once a generation took the outcome."""

    __tablename__ = "provider_batch_requests"
    __table_args__ = (Index("ix_provider_batch_requests_key", "request_key", "consumed"),)

    custom_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    batch_id: Mapped[str] = mapped_column(ForeignKey("provider_batches.id"), index=True)
    request_key: Mapped[str] = mapped_column(String(64))
    module: Mapped[str] = mapped_column(String(20))
    # pending, succeeded, errored, expired, cancelled
    state: Mapped[str] = mapped_column(String(20))
    consumed: Mapped[bool] = mapped_column(Boolean)
    text: Mapped[str | None] = mapped_column(Text)
    tokens_in: Mapped[int] = mapped_column(Integer)
    tokens_out: Mapped[int] = mapped_column(Integer)
    cache_read_tokens: Mapped[int] = mapped_column(Integer)
    cache_write_tokens: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # migration 0008
    cost_usd: Mapped[float | None] = mapped_column(Float)
    error_type: Mapped[str | None] = mapped_column(String(40))
    error_message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
