"""Autonomy policies per campaign and brand-memory rules per brand.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "autonomy_policies",
        sa.Column("campaign_id", sa.String(length=32), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("qc_threshold", sa.Float(), nullable=False),
        sa.Column("auto_approve_kinds", sa.JSON(), nullable=False),
        sa.Column("updated_by", sa.String(length=200), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_autonomy_policies_campaign_id_campaigns")
        ),
        sa.PrimaryKeyConstraint("campaign_id", name=op.f("pk_autonomy_policies")),
    )
    op.create_table(
        "brand_memory_rules",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("brand_id", sa.String(length=32), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["brand_id"], ["brands.id"], name=op.f("fk_brand_memory_rules_brand_id_brands")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_brand_memory_rules")),
    )
    op.create_index(op.f("ix_brand_memory_rules_brand_id"), "brand_memory_rules", ["brand_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_brand_memory_rules_brand_id"), table_name="brand_memory_rules")
    op.drop_table("brand_memory_rules")
    op.drop_table("autonomy_policies")
