"""Teams: the review settings of a brand and a campaign, and the client's approval.

``brands.four_eyes``: nobody approves a version they wrote. ``campaigns.client_review``: items
approved inside the agency wait for the client's own approval (a second stage). On
``deliverables``, ``client_state`` is where that stage stands (NULL: not at it; ``waiting``;
``approved``), with the version the client approved, who did and when. Columns are only added
(no table is rebuilt), so migration 0005's triggers on ``deliverables`` stay as they are.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CLIENT_COLUMNS = ("client_state", "client_version", "client_by", "client_at")


def upgrade() -> None:
    op.add_column("brands", sa.Column("four_eyes", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("campaigns", sa.Column("client_review", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("deliverables", sa.Column("client_state", sa.String(20), nullable=True))
    op.add_column("deliverables", sa.Column("client_version", sa.Integer(), nullable=True))
    op.add_column("deliverables", sa.Column("client_by", sa.String(200), nullable=True))
    op.add_column("deliverables", sa.Column("client_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    for column in reversed(_CLIENT_COLUMNS):
        op.drop_column("deliverables", column)
    op.drop_column("campaigns", "client_review")
    op.drop_column("brands", "four_eyes")
