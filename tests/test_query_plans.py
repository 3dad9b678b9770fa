"""No query of a campaign's run reads a table whole.

Every table here grows with the workspace (an agency's hundreds of campaigns), so a query that
SQLite answers by scanning one makes each generation slower than the one before. SQLite's plans
come from its rules and the schema alone, so ``EXPLAIN QUERY PLAN`` says the same on any machine.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import event

from aicmo_kernel import workflow
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.providers.offline import OfflineProvider
from aicmo_kernel.runner import run_campaign
from aicmo_kernel.store import Workspace

# "SCAN deliverable_versions", "SCAN d" (an alias), "SCAN deliverables USING INDEX ..." (a whole
# index read in order): each reads every row. "SCAN 3 CONSTANT ROWS" reads the query's own list.
_WHOLE_TABLE = re.compile(r"^SCAN (?!\d+ CONSTANT ROWS)(?!CONSTANT ROW)")


def _plans_of(ws: Workspace, work: Callable[[], None]) -> dict[str, list[str]]:
    """The plan of every query ``work`` made, by its SQL."""
    statements: dict[str, object] = {}

    def remember(conn, cursor, statement, parameters, context, executemany):
        if not executemany and statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.setdefault(statement, parameters)

    event.listen(ws.engine, "before_cursor_execute", remember)
    try:
        work()
    finally:
        event.remove(ws.engine, "before_cursor_execute", remember)
    raw = ws.engine.raw_connection()
    try:
        cursor = raw.cursor()
        return {sql: [row[3] for row in cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
                for sql, params in statements.items()}
    finally:
        raw.close()


def _scans(plans: dict[str, list[str]]) -> dict[str, list[str]]:
    return {sql: plan for sql, plan in plans.items() if any(_WHOLE_TABLE.match(step) for step in plan)}


def test_a_whole_campaign_run_reads_no_table_whole(isolated_env: Path):
    ws = Workspace.open(f"sqlite:///{isolated_env / 'workspace.sqlite'}")
    try:
        seed_demo(ws)

        def run() -> None:
            report = run_campaign(ws, "demo", autonomy="full", provider=OfflineProvider(), use_cache=False)
            assert (report.stops, report.failed) == ({}, [])

        plans = _plans_of(ws, run)
    finally:
        ws.close()
    assert len(plans) > 20  # the run's reads were seen: the store's, the modules', the runner's
    assert _scans(plans) == {}


def test_a_reviewer_s_actions_read_no_table_whole(isolated_env: Path):
    """Edit, approve, revoke, send back, comment, and what the review screens read around them."""
    ws = Workspace.open(f"sqlite:///{isolated_env / 'workspace.sqlite'}")
    try:
        seed_demo(ws)
        run_campaign(ws, "demo", autonomy="manual", provider=OfflineProvider(), use_cache=False)
        first, second = ws.list_deliverables("demo", module="intake")[:2]

        def review() -> None:
            workflow.edit(ws, first.id, f"{first.content_markdown}\n\nOne more line.", base_version=1, editor="eve")
            workflow.approve(ws, first.id, version=2, reviewer="rita")
            workflow.revoke(ws, first.id, reviewer="rita")
            workflow.request_changes(ws, second.id, version=second.current_version, reviewer="rita",
                                     comment="Shorter, please.")
            workflow.add_comment(ws, second.id, reviewer="rita", comment="Thanks.")
            workflow.campaign_status(ws, "demo")
            ws.get_versions(first.id), ws.list_review_events(first.id), ws.audit_log(first.id)
            ws.list_runs("demo"), ws.list_deliverables("demo")

        plans = _plans_of(ws, review)
    finally:
        ws.close()
    assert len(plans) > 10
    assert _scans(plans) == {}


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
