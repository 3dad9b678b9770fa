"""The review queue's counts, kept by the database: how many deliverables wait per campaign,
module and queue state.

The queue shows a count beside every filter value. A GROUP BY over the waiting rows costs about
100 ms at 100,000 deliverables; these tables make the same numbers one small read. Triggers on
``deliverables`` keep them, so they stay exact whatever writes (the workflow, a bulk import, a
hand-written UPDATE), inside the writer's own transaction.

``queue_counts`` (campaign_id, module, state) -> n, and ``queue_count_changes``, rows of
(campaign_id, module, state, delta) not yet added to ``queue_counts``. The count of a key is its
``n`` plus the sum of its pending deltas (``aicmo_kernel.store.queue_counts`` reads both in one
statement). The state is the queue's: draft, revised, changes_requested, or needs_review for an
approved deliverable flagged because something upstream changed (``WAITING_SQL`` in the models).

SQLite has one writer at a time, so its triggers update ``queue_counts`` in place.

PostgreSQL has concurrent writers. Updating a shared counter row in place would lock it after the
deliverable's own row lock, in whatever order the rows come: a generation superseding a module's
drafts and a reviewer editing one of them would then wait on each other's locks (a deadlock). So
the PostgreSQL triggers only append to ``queue_count_changes`` (one row per key and statement,
from the statement's transition tables), which never waits on another writer, and a reader folds
the pending changes into ``queue_counts`` under an advisory lock
(``store.queue_counts.fold_changes``). Neither table has a foreign key to ``campaigns`` for the
same reason: the key check would take a share lock on the campaign row, which a generation holds
FOR UPDATE.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PG_FUNCTION = "aicmo_queue_count_changes"
PG_TRIGGERS = {"INSERT": "REFERENCING NEW TABLE AS new_rows",
               "UPDATE": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
               "DELETE": "REFERENCING OLD TABLE AS old_rows"}
SQLITE_TRIGGERS = ("deliverables_queue_counts_insert", "deliverables_queue_counts_update",
                   "deliverables_queue_counts_delete")


def queue_state(row: str = "") -> str:
    """The row's queue state as SQL, NULL when it does not wait (the predicate of ``WAITING_SQL``)."""
    p = f"{row}." if row else ""
    return (f"(CASE WHEN {p}state IN ('draft', 'revised', 'changes_requested') THEN {p}state "
            f"WHEN {p}state = 'approved' AND {p}needs_review THEN 'needs_review' END)")


def upgrade() -> None:
    op.create_table(
        "queue_counts",
        sa.Column("campaign_id", sa.String(length=32), nullable=False),
        sa.Column("module", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("campaign_id", "module", "state", name=op.f("pk_queue_counts")),
    )
    op.create_table(
        "queue_count_changes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False),
        sa.Column("campaign_id", sa.String(length=32), nullable=False),
        sa.Column("module", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("delta", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queue_count_changes")),
    )
    # Triggers first, then the counts of the rows already stored: on PostgreSQL CREATE TRIGGER
    # locks out writers to deliverables until this transaction commits, so no change falls
    # between the two (SQLite's BEGIN IMMEDIATE already does).
    if op.get_bind().dialect.name == "postgresql":
        _create_postgresql_triggers()
    else:
        _create_sqlite_triggers()
    op.execute(
        f"INSERT INTO queue_counts (campaign_id, module, state, n) "
        f"SELECT campaign_id, module, {queue_state()}, count(*) FROM deliverables "
        f"WHERE {queue_state()} IS NOT NULL GROUP BY campaign_id, module, {queue_state()}"
    )


def _create_sqlite_triggers() -> None:
    old, new = queue_state("OLD"), queue_state("NEW")
    add_new = (f"INSERT INTO queue_counts (campaign_id, module, state, n) "
               f"SELECT NEW.campaign_id, NEW.module, {new}, 1 WHERE {new} IS NOT NULL "
               "ON CONFLICT (campaign_id, module, state) DO UPDATE SET n = n + 1;")
    remove_old = (f"UPDATE queue_counts SET n = n - 1 WHERE campaign_id = OLD.campaign_id "
                  f"AND module = OLD.module AND state = {old};")  # no row matches when old is NULL
    insert, update, delete = SQLITE_TRIGGERS
    op.execute(f"CREATE TRIGGER {insert} AFTER INSERT ON deliverables WHEN {new} IS NOT NULL "
               f"BEGIN {add_new} END")
    op.execute(f"CREATE TRIGGER {update} AFTER UPDATE OF state, needs_review, campaign_id, module ON deliverables "
               f"WHEN NOT ({old} IS {new} AND OLD.campaign_id = NEW.campaign_id AND OLD.module = NEW.module) "
               f"BEGIN {remove_old} {add_new} END")
    op.execute(f"CREATE TRIGGER {delete} AFTER DELETE ON deliverables WHEN {old} IS NOT NULL "
               f"BEGIN {remove_old} END")


def _create_postgresql_triggers() -> None:
    def changes(table: str, sign: int) -> str:
        return (f"SELECT campaign_id, module, {queue_state()} AS state, {sign} AS delta FROM {table} "
                f"WHERE {queue_state()} IS NOT NULL")

    append = ("INSERT INTO queue_count_changes (campaign_id, module, state, delta) "
              "SELECT campaign_id, module, state, sum(delta) FROM ({}) AS moved "
              "GROUP BY campaign_id, module, state HAVING sum(delta) <> 0;")
    op.execute(
        f"CREATE FUNCTION {PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP = 'INSERT' THEN {append.format(changes('new_rows', 1))} "
        f"ELSIF TG_OP = 'DELETE' THEN {append.format(changes('old_rows', -1))} "
        f"ELSE {append.format(changes('old_rows', -1) + ' UNION ALL ' + changes('new_rows', 1))} "
        "END IF; RETURN NULL; END $$"
    )
    for event, referencing in PG_TRIGGERS.items():
        op.execute(f"CREATE TRIGGER deliverables_queue_counts_{event.lower()} AFTER {event} ON deliverables "
                   f"{referencing} FOR EACH STATEMENT EXECUTE FUNCTION {PG_FUNCTION}()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for event in PG_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS deliverables_queue_counts_{event.lower()} ON deliverables")
        op.execute(f"DROP FUNCTION IF EXISTS {PG_FUNCTION}()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("queue_count_changes")
    op.drop_table("queue_counts")
