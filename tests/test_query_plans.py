"""No query of a campaign's run reads a table whole.

Every table here grows with the workspace (an agency's hundreds of campaigns), so a query that
SQLite answers by scanning one makes each generation slower than the one before. SQLite's plans
come from its rules and the schema alone, so ``EXPLAIN QUERY PLAN`` says the same on any machine.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import event

from aicmo_kernel.demo import seed_demo
from aicmo_kernel.providers.offline import OfflineProvider
from aicmo_kernel.runner import run_campaign
from aicmo_kernel.store import Workspace

# "SCAN deliverable_versions", "SCAN d" (an alias), "SCAN deliverables USING INDEX ..." (a whole
# index read in order): each reads every row. "SCAN 3 CONSTANT ROWS" reads the query's own list.
_WHOLE_TABLE = re.compile(r"^SCAN (?!\d+ CONSTANT ROWS)(?!CONSTANT ROW)")


def _plans_of_a_run(ws: Workspace) -> dict[str, list[str]]:
    statements: dict[str, object] = {}

    def remember(conn, cursor, statement, parameters, context, executemany):  # noqa: ARG001
        if not executemany and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.setdefault(statement, parameters)

    event.listen(ws.engine, "before_cursor_execute", remember)
    try:
        report = run_campaign(ws, "demo", autonomy="full", provider=OfflineProvider(), use_cache=False)
    finally:
        event.remove(ws.engine, "before_cursor_execute", remember)
    assert (report.stops, report.failed) == ({}, [])
    raw = ws.engine.raw_connection()
    try:
        cursor = raw.cursor()
        return {sql: [row[3] for row in cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
                for sql, params in statements.items()}
    finally:
        raw.close()


def test_a_whole_campaign_run_reads_no_table_whole(isolated_env: Path):
    ws = Workspace.open(f"sqlite:///{isolated_env / 'workspace.sqlite'}")
    try:
        seed_demo(ws)
        plans = _plans_of_a_run(ws)
    finally:
        ws.close()
    assert len(plans) > 20  # the run's reads were seen: the store's, the modules', the runner's
    scans = {sql: plan for sql, plan in plans.items() if any(_WHOLE_TABLE.match(step) for step in plan)}
    assert scans == {}


def test_the_check_sees_a_row_value_in_as_the_scan_it_is(isolated_env: Path):
    """What find_versions asked before: SQLite reads every version to answer a row-value IN."""
    ws = Workspace.open(f"sqlite:///{isolated_env / 'workspace.sqlite'}")
    try:
        raw = ws.engine.raw_connection()
        try:
            plan = [row[3] for row in raw.cursor().execute(
                "EXPLAIN QUERY PLAN SELECT id FROM deliverable_versions "
                "WHERE (deliverable_id, version) IN (VALUES (?, ?), (?, ?))", ("a", 1, "b", 2))]
        finally:
            raw.close()
    finally:
        ws.close()
    assert any(_WHOLE_TABLE.match(step) for step in plan)
