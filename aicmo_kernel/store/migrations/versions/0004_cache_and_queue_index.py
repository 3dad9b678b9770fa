"""The generation cache, and an index for the review queue.

``generation_cache`` holds validated answers keyed by a sha256 of provider, model, system text,
prompt and output schema (see ``aicmo_kernel.cache``): no prompt text and never a key.

``ix_deliverables_waiting`` is a partial index over exactly the rows that wait for a reviewer
(draft, revised, changes requested, or approved but flagged), ordered as the queue pages through
them, so the first page of the queue costs the same at 1,000 deliverables as at 100,000.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WAITING_PREDICATE = (
    "state IN ('draft', 'revised', 'changes_requested') OR (state = 'approved' AND needs_review)"
)


def upgrade() -> None:
    op.create_table(
        "generation_cache",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("provider", sa.String(length=100), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("module", sa.String(length=20), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("tokens_in", sa.Integer(), nullable=False),
        sa.Column("tokens_out", sa.Integer(), nullable=False),
        sa.Column("cost_usd", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_generation_cache")),
    )
    op.create_index(
        "ix_deliverables_waiting",
        "deliverables",
        ["updated_at", "id"],
        unique=False,
        sqlite_where=sa.text(WAITING_PREDICATE),
        postgresql_where=sa.text(WAITING_PREDICATE),
    )


def downgrade() -> None:
    op.drop_index("ix_deliverables_waiting", table_name="deliverables")
    op.drop_table("generation_cache")
