"""Full-text search over deliverable versions (learn module; see aicmo_kernel/learn/search.py).

SQLite: an FTS5 table ``search_fts`` whose content is ``deliverable_versions`` (title and
Markdown, Porter stemming), filled from the existing rows and kept current by an AFTER INSERT
trigger. Versions are append-only, so inserts are the only change the index ever has to follow.

PostgreSQL: a GIN index on the English ``tsvector`` of title and Markdown; search queries use the
very same expression so the planner can use it.

Neither is in the ORM metadata (an FTS5 virtual table and an expression index are dialect
specific), which is why the schema-versus-ORM test leaves them out.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS_TABLE = "search_fts"
FTS_TRIGGER = "deliverable_versions_search_index"
PG_INDEX = "ix_deliverable_versions_search"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE INDEX {PG_INDEX} ON deliverable_versions USING gin "
            "(to_tsvector('english'::regconfig, title || ' ' || content_markdown))"
        )
        return
    op.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, content_markdown, "
        "content='deliverable_versions', content_rowid='id', tokenize='porter unicode61')"
    )
    op.execute(
        f"CREATE TRIGGER {FTS_TRIGGER} AFTER INSERT ON deliverable_versions BEGIN "
        f"INSERT INTO {FTS_TABLE}(rowid, title, content_markdown) VALUES (new.id, new.title, new.content_markdown); "
        "END"
    )
    # Index the versions stored before this migration.
    op.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
        return
    op.execute(f"DROP TRIGGER IF EXISTS {FTS_TRIGGER}")
    op.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
