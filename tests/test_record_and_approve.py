"""Where the autonomy policy approves, it does in the transaction that stores the drafts
(workflow.record_and_auto_approve): one campaign lock and one commit per module instead of two."""

from __future__ import annotations

import pytest

from aicmo_kernel import qc, workflow
from aicmo_kernel.demo import seed_demo
from aicmo_kernel.generation import generate
from aicmo_kernel.modules import module_names
from aicmo_kernel.providers.offline import OfflineProvider
from aicmo_kernel.runner import run_campaign
from aicmo_kernel.workflow import transitions


@pytest.fixture
def demo(workspace):
    seed_demo(workspace)
    return workspace


def _states(ws, module: str) -> list[str]:
    return [item.state for item in ws.list_deliverables("demo", module=module)]


def test_the_runner_approves_where_it_stores_and_never_in_a_second_transaction(demo, monkeypatch):
    def second_transaction(*args, **kwargs):
        raise AssertionError("auto_approve was called on its own")

    monkeypatch.setattr(workflow, "auto_approve", second_transaction)
    report = run_campaign(demo, "demo", autonomy="full", provider=OfflineProvider(), use_cache=False)
    assert (report.stops, report.failed) == ({}, [])
    assert all(set(_states(demo, name)) == {"approved"} for name in module_names())


def test_approval_inside_the_store_transaction_checks_nothing_again_under_the_lock(demo, monkeypatch):
    workflow.set_policy(demo, "demo", level="full", qc_threshold=0, auto_approve_kinds="all", actor="t")
    computed = {"before": 0, "under the lock": 0}
    where = ["before"]
    run_qc, approve_in = qc._run_qc, transitions._auto_approve_in

    def counted(*args, **kwargs):
        computed[where[0]] += 1
        return run_qc(*args, **kwargs)

    def locked(*args, **kwargs):
        where[0] = "under the lock"
        try:
            return approve_in(*args, **kwargs)
        finally:
            where[0] = "before"

    monkeypatch.setattr(qc, "_run_qc", counted)
    monkeypatch.setattr(transitions, "_auto_approve_in", locked)
    result = generate(demo, "demo", "intake", provider=OfflineProvider(), use_cache=False, approve=True)
    drafts = len(result.envelope.deliverables)
    assert result.approval is not None and result.approval.approved == drafts > 0
    assert computed == {"before": drafts, "under the lock": 0}
    assert set(_states(demo, "intake")) == {"approved"}


def test_an_approval_that_fails_unexpectedly_leaves_the_generation_stored(demo, monkeypatch):
    workflow.set_policy(demo, "demo", level="full", qc_threshold=0, auto_approve_kinds="all", actor="t")

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in an approval")

    monkeypatch.setattr(transitions, "_auto_approve_in", broken)
    result = generate(demo, "demo", "intake", provider=OfflineProvider(), use_cache=False, approve=True)
    assert result.ok and result.approval is None
    assert demo.get_run(result.run_id).status == "SUCCESS"
    assert set(_states(demo, "intake")) == {"draft"}
    with pytest.raises(RuntimeError, match="a bug in an approval"):
        workflow.auto_approve(demo, "demo", "intake")  # where the caller meets it


def test_the_level_is_read_under_the_lock_so_a_manual_policy_holds_every_draft(demo):
    workflow.set_policy(demo, "demo", level="manual", qc_threshold=0, auto_approve_kinds="all", actor="t")
    result = generate(demo, "demo", "intake", provider=OfflineProvider(), use_cache=False, approve=True)
    assert result.approval is not None
    assert (result.approval.approved, result.approval.level) == (0, "manual")
    assert len(result.approval.held) == len(result.envelope.deliverables)
    assert set(_states(demo, "intake")) == {"draft"}


def test_approvals_are_written_together_and_a_draft_saved_meanwhile_waits_for_a_person(demo, monkeypatch):
    """The approvals of a module without an after_approval hook are decided one by one and written
    with one statement per table. A draft that someone saved a new version of between the decision
    and the write (possible on PostgreSQL, which locks rows and not the database) keeps its state
    and says why, and the others stay approved."""
    from sqlalchemy import func, select, update

    from aicmo_kernel.store.models import AuditRow, DeliverableRow, ReviewEventRow, VersionRow, utcnow

    workflow.set_policy(demo, "demo", level="full", qc_threshold=0, auto_approve_kinds="all", actor="t")
    result = generate(demo, "demo", "intake", provider=OfflineProvider(), use_cache=False)
    drafts = demo.list_deliverables("demo", module="intake")
    assert len(drafts) >= 2
    edited = drafts[0]
    write = transitions._Approvals.write
    statements: list[str] = []

    def an_editor_saves_first(batch, session):
        assert [row.id for row, *_ in batch.decided] == [d.id for d in drafts]  # every draft decided first
        session.add(VersionRow(deliverable_id=edited.id, version=2, content_markdown="Edited meanwhile.",
                               title=edited.title, hashtags=[], author="eve", source="edited", created_at=utcnow()))
        session.execute(update(DeliverableRow).where(DeliverableRow.id == edited.id)
                        .values(current_version=2, state="revised"))
        session.flush()
        from sqlalchemy import event
        listen = lambda conn, cursor, statement, *rest: statements.append(statement.split()[0])  # noqa: E731
        event.listen(demo.engine, "before_cursor_execute", listen)
        try:
            return write(batch, session)
        finally:
            event.remove(demo.engine, "before_cursor_execute", listen)

    monkeypatch.setattr(transitions._Approvals, "write", an_editor_saves_first)
    approval = workflow.auto_approve(demo, "demo", "intake")
    assert approval.approved == len(drafts) - 1
    assert len(approval.held) == 1 and approval.held[0].startswith(edited.title)
    assert "Version 2 was saved by eve" in approval.held[0]
    states = {d.id: d.state for d in demo.list_deliverables("demo", module="intake")}
    assert states.pop(edited.id) == "revised"
    assert set(states.values()) == {"approved"}
    # One UPDATE for all, the read that found the conflict, and one INSERT each for reviews and audits.
    assert statements.count("UPDATE") == 1 and statements.count("INSERT") == 2
    with demo.reading() as session:
        reviewed = set(session.scalars(select(ReviewEventRow.deliverable_id).where(ReviewEventRow.action == "approve")))
        audited = session.scalar(select(func.count()).select_from(AuditRow)
                                 .where(AuditRow.action == "deliverable.approved", AuditRow.entity_id == edited.id))
    assert reviewed == set(states) and audited == 0
    assert result.ok
