"""Unknown costs, and the provider batches a run waits for.

A model with no known price has an unknown cost, stored as NULL, never 0: ``cost_usd`` becomes
nullable on ``runs``, ``call_log`` and ``generation_cache``. SQLite cannot drop NOT NULL in place,
so Alembic rebuilds those tables (copy, drop, rename); ``deliverables`` refers to ``runs``, so the
foreign-key checks are deferred to the end of the migration's transaction, when every run is back.

``provider_batches`` and ``provider_batch_requests`` hold what was sent to a provider's batch API
(OpenAI Batch, Anthropic Message Batches) and what came back, request by request
(``aicmo_kernel.providers.batch``): a process that stops can poll the same batches again and take
their answers, so nothing is lost or paid twice.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COSTED_TABLES = ("runs", "call_log", "generation_cache")


def _set_cost_nullable(nullable: bool) -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute("PRAGMA defer_foreign_keys = ON")  # lasts until this transaction ends
    for table in COSTED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.alter_column("cost_usd", existing_type=sa.Float(), nullable=nullable)
    if sqlite:
        _guard_runs()  # the rebuilt runs table lost migration 0001's append-only triggers


def _guard_runs() -> None:
    """Migration 0001's append-only triggers on ``runs`` (SQLite)."""
    for event in ("UPDATE", "DELETE"):
        op.execute(f"CREATE TRIGGER runs_no_{event.lower()} BEFORE {event} ON runs "
                   "BEGIN SELECT RAISE(ABORT, 'runs is append-only'); END")


def _unguard_runs() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE runs DISABLE TRIGGER runs_append_only")
        return
    for event in ("update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS runs_no_{event}")


def upgrade() -> None:
    _set_cost_nullable(True)
    op.create_table(
        "provider_batches",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("provider", sa.String(length=100), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("input_file_id", sa.String(length=200), nullable=True),
        sa.Column("output_file_id", sa.String(length=200), nullable=True),
        sa.Column("error_file_id", sa.String(length=200), nullable=True),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider_batches")),
    )
    op.create_index(op.f("ix_provider_batches_status"), "provider_batches", ["status"], unique=False)
    op.create_table(
        "provider_batch_requests",
        sa.Column("custom_id", sa.String(length=64), nullable=False),
        sa.Column("batch_id", sa.String(length=200), nullable=False),
        sa.Column("request_key", sa.String(length=64), nullable=False),
        sa.Column("module", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("consumed", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("tokens_in", sa.Integer(), nullable=False),
        sa.Column("tokens_out", sa.Integer(), nullable=False),
        sa.Column("cache_read_tokens", sa.Integer(), nullable=False),
        sa.Column("cost_usd", sa.Float(), nullable=True),
        sa.Column("error_type", sa.String(length=40), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["batch_id"], ["provider_batches.id"],
                                name=op.f("fk_provider_batch_requests_batch_id_provider_batches")),
        sa.PrimaryKeyConstraint("custom_id", name=op.f("pk_provider_batch_requests")),
    )
    op.create_index(op.f("ix_provider_batch_requests_batch_id"), "provider_batch_requests", ["batch_id"],
                    unique=False)
    op.create_index("ix_provider_batch_requests_key", "provider_batch_requests", ["request_key", "consumed"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_provider_batch_requests_key", table_name="provider_batch_requests")
    op.drop_index(op.f("ix_provider_batch_requests_batch_id"), table_name="provider_batch_requests")
    op.drop_table("provider_batch_requests")
    op.drop_index(op.f("ix_provider_batches_status"), table_name="provider_batches")
    op.drop_table("provider_batches")
    _unguard_runs()  # an unknown cost becomes 0 again, in the append-only runs too
    for table in COSTED_TABLES:
        op.execute(sa.text(f"UPDATE {table} SET cost_usd = 0 WHERE cost_usd IS NULL"))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE runs ENABLE TRIGGER runs_append_only")
        _set_cost_nullable(False)
    else:
        # SQLite would have to rebuild runs again, and inside one transaction a rebuilt parent
        # table leaves SQLite's deferred foreign-key count behind (deliverables point at runs), so
        # the commit fails. Every cost is a number again; the column stays nullable, which the
        # older code never relies on.
        _guard_runs()
