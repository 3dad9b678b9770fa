"""Prompt-cache writes of provider batch requests.

Anthropic bills the prefix a request writes to its prompt cache at 1.25x the input price, in a
Message Batch too (at the batch discount). ``provider_batch_requests`` kept the cache reads of each
answer but not the writes, so a resumed run priced them as plain input: ``cache_write_tokens``
keeps them (0 for rows written before).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("provider_batch_requests") as batch:
        batch.add_column(sa.Column("cache_write_tokens", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("provider_batch_requests") as batch:
        batch.drop_column("cache_write_tokens")
