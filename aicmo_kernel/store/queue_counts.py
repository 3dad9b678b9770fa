"""The review queue's counts: how many deliverables wait per campaign, module and queue state.

Database triggers keep them (migration 0005 explains the design): on SQLite in ``queue_counts``
itself; on PostgreSQL as rows appended to ``queue_count_changes``, which ``fold_changes`` adds
into ``queue_counts`` now and then. Each read is one statement over both tables, so it is exact
on either backend, and it costs as much as there are (campaign, module, state) combinations,
not waiting rows.

``filter_counts`` is what the queue's filters show: the database sums the counts per campaign,
per module and per state under the chosen filters and returns a row per value, about a thousand
rows at 100,000 deliverables. ``waiting_counts`` returns every combination (nineteen thousand
there), for callers that want them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["FOLD_AT", "FilterCounts", "filter_counts", "fold_changes", "waiting_counts"]

# Pending changes a reader tolerates before folding them (PostgreSQL). Each costs a row in every
# read until folded; folding costs one short write transaction.
FOLD_AT = 2000
# Any fixed number works; it only has to be the same in every process (and differ from the
# migration lock in store.migrate).
_PG_FOLD_LOCK = 0x41_49_43_4D_51

# One statement, so a fold committing meanwhile is seen wholly or not at all. The second part is
# always empty on SQLite, whose triggers update queue_counts in place.
_READ = text(
    "SELECT c.name, q.module, q.state, q.n, 0 FROM queue_counts q JOIN campaigns c ON c.id = q.campaign_id "
    "WHERE q.n <> 0 "
    "UNION ALL "
    "SELECT c.name, q.module, q.state, q.delta, 1 FROM queue_count_changes q JOIN campaigns c ON c.id = q.campaign_id"
)
_FOLD = text(
    "WITH moved AS (DELETE FROM queue_count_changes RETURNING campaign_id, module, state, delta) "
    "INSERT INTO queue_counts (campaign_id, module, state, n) "
    "SELECT campaign_id, module, state, sum(delta) FROM moved GROUP BY campaign_id, module, state "
    "ON CONFLICT (campaign_id, module, state) DO UPDATE SET n = queue_counts.n + excluded.n"
)


@dataclass(frozen=True)
class FilterCounts:
    """The queue's counts under a choice of filters: each filter's values counted under the
    other two filters (values with none are left out), how many items match all three, and how
    many wait in all."""

    campaigns: dict[str, int]
    modules: dict[str, int]
    states: dict[str, int]
    total: int
    waiting_total: int


def _facets(table: str, n: str) -> list[str]:
    # Each filter's values under the other two; a NULL parameter is "All". The campaign filter is
    # a name, matched through its id so queue_counts' primary key (campaign_id first) serves it.
    campaign = "(CAST(:campaign AS VARCHAR(120)) IS NULL OR campaign_id = (SELECT id FROM campaigns WHERE name = :campaign))"
    module = "(CAST(:module AS VARCHAR(20)) IS NULL OR module = :module)"
    state = "(CAST(:state AS VARCHAR(20)) IS NULL OR state = :state)"
    return [
        (f"SELECT 'campaign', c.name, t.n FROM (SELECT campaign_id, sum({n}) AS n FROM {table} "
         f"WHERE {module} AND {state} GROUP BY campaign_id) t JOIN campaigns c ON c.id = t.campaign_id"),
        f"SELECT 'module', module, sum({n}) FROM {table} WHERE {campaign} AND {state} GROUP BY module",
        f"SELECT 'state', state, sum({n}) FROM {table} WHERE {campaign} AND {module} GROUP BY state",
        f"SELECT 'all', '', sum({n}) FROM {table}",
    ]


# Separate sums over the two tables, added up in Python: a UNION ALL of the tables inside each
# sum would be materialised first (SQLite), which costs more than the sums themselves.
_FILTER_COUNTS = text(" UNION ALL ".join(
    _facets("queue_counts", "n") + _facets("queue_count_changes", "delta")
    + ["SELECT 'pending', '', count(*) FROM queue_count_changes"]))


def filter_counts(ws: Workspace, *, campaign: str | None = None, module: str | None = None,
                  state: str | None = None) -> FilterCounts:
    """What the queue's filters show beside their values, for the chosen ``campaign`` (a name),
    ``module`` and ``state`` (None means "All"), from one statement.

    On PostgreSQL, either read folds the pending changes when it met more than ``FOLD_AT``."""
    with ws.reading() as session:
        rows = session.execute(_FILTER_COUNTS, {"campaign": campaign, "module": module, "state": state}).all()
    sums: dict[str, dict[str, int]] = {"campaign": {}, "module": {}, "state": {}, "all": {}, "pending": {}}
    for kind, value, n in rows:
        if n:  # sum() over no rows is NULL
            sums[kind][value] = sums[kind].get(value, 0) + int(n)
    _fold_if_many(ws, sums["pending"].get("", 0))
    campaigns, modules, states = ({v: n for v, n in sums[kind].items() if n > 0}
                                  for kind in ("campaign", "module", "state"))
    total = sum(n for s, n in states.items() if state in (None, s))
    return FilterCounts(campaigns, modules, states, total, sums["all"].get("", 0))


def waiting_counts(ws: Workspace) -> dict[tuple[str, str, str], int]:
    """(campaign name, module, queue state) -> how many wait, for every combination that has any.

    The states are ``store.queue.QUEUE_STATES``."""
    with ws.reading() as session:
        # The DBAPI cursor's plain tuples: building 20,000 Row objects costs more than the query.
        rows = session.connection().execute(_READ).cursor.fetchall()
    counts = {(campaign, module, state): n for campaign, module, state, n, is_change in rows if not is_change}
    changes = [row for row in rows if row[4]]
    if not changes:  # always so on SQLite
        return counts
    for campaign, module, state, delta, _ in changes:
        counts[(campaign, module, state)] = counts.get((campaign, module, state), 0) + delta
    _fold_if_many(ws, len(changes))
    return {key: n for key, n in counts.items() if n > 0}


def _fold_if_many(ws: Workspace, pending: int) -> None:
    """Fold after a read that met more than ``FOLD_AT`` pending changes (the answer read does not
    depend on it; the next reads get cheaper)."""
    if pending > FOLD_AT:
        fold_changes(ws)


def fold_changes(ws: Workspace) -> int:
    """Add the pending changes into ``queue_counts`` and delete them; how many counts changed.

    PostgreSQL only (SQLite has none). One folder at a time, under a transaction-scoped advisory
    lock; a reader that finds it taken skips, since the folder holding it does the work. Writers
    never wait for a fold: they only insert changes, and the DELETE takes the committed ones."""
    if ws.dialect != "postgresql":
        return 0
    with ws.transaction() as session:
        if not session.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": _PG_FOLD_LOCK}).scalar():
            return 0
        return session.execute(_FOLD).rowcount  # type: ignore[attr-defined]
