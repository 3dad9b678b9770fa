"""``store.direct``: statements run on the driver read and write exactly what SQLAlchemy would.

Each test runs the same statement both ways, ``Direct`` and ``session.execute``, on SQLite and
PostgreSQL, and compares: JSON, timezone-aware datetimes, dates, booleans, NULLs, numbers, IN
lists of any length, the statement's own bound literals, a batch INSERT, the rows an UPDATE
changed, and a constraint error raised as SQLAlchemy's exception inside the session's transaction.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import bindparam, event, insert, select, update
from sqlalchemy.exc import IntegrityError

from aicmo_kernel.errors import ConflictError
from aicmo_kernel.store.direct import Direct
from aicmo_kernel.store.models import AuditRow, CampaignRow, DeliverableRow, RunRow
from tests.fixtures_store import generate, make_campaign


def _entity_rows(session, statement, parameters):
    return [tuple(row) for row in session.execute(statement, parameters)]


def test_a_selected_entity_reads_as_the_orm_reads_it(workspace):
    make_campaign(workspace, "Direct one")
    workspace.update_campaign("Direct one", start_date=date(2027, 3, 1), end_date=date(2027, 3, 31),
                              brief={"goal": "Ünïcode ✓", "nested": {"n": [1, 2.5, None, True]}})
    statement = select(CampaignRow).where(CampaignRow.name == bindparam("name"))
    with workspace.reading() as session:
        orm = session.scalars(statement, {"name": "Direct one"}).one()
        row = Direct(statement).first(session, {"name": "Direct one"})
        for attribute in CampaignRow.__mapper__.column_attrs:
            assert getattr(row, attribute.key) == getattr(orm, attribute.key), attribute.key
            assert type(getattr(row, attribute.key)) is type(getattr(orm, attribute.key)), attribute.key
    assert row.start_date == date(2027, 3, 1)
    assert row.created_at.tzinfo is not None and row.created_at.utcoffset().total_seconds() == 0
    assert row.brief["nested"] == {"n": [1, 2.5, None, True]}
    assert row.client_review is False  # a boolean, not SQLite's 0


def test_the_metadata_column_reads_as_its_attribute_and_in_lists_expand(workspace):
    make_campaign(workspace, "Direct two")
    generate(workspace, "Direct two", "intake",
             [{"kind": "document", "title": f"Part {n}", "content_markdown": f"# Part {n}\n\nText {n}.",
               "metadata": {"n": n}} for n in range(5)])
    generate(workspace, "Direct two", "strategy")
    campaign_id = workspace.get_campaign("Direct two").id
    statement = (select(DeliverableRow)
                 .where(DeliverableRow.campaign_id == bindparam("campaign_id"),
                        DeliverableRow.module.in_(bindparam("modules", expanding=True)),
                        DeliverableRow.state != "superseded")  # a literal the statement binds itself
                 .order_by(DeliverableRow.position, DeliverableRow.module))
    direct = Direct(statement)
    with workspace.reading() as session:
        for modules in (["intake"], ["intake", "strategy"], ["strategy", "intake", "monitoring"], ["nothing"]):
            parameters = {"campaign_id": campaign_id, "modules": modules}
            rows = direct.rows(session, parameters)
            assert [tuple(row) for row in rows] == _entity_rows(session, statement.with_only_columns(
                *DeliverableRow.__table__.columns), parameters)
        intake = direct.rows(session, {"campaign_id": campaign_id, "modules": ["intake"]})
    assert [row.meta for row in intake] == [{"n": n} for n in range(5)]
    assert intake[0]._fields.count("meta") == 1 and "metadata" not in intake[0]._fields


def test_inserts_and_updates_write_what_sqlalchemy_writes(workspace):
    make_campaign(workspace, "Direct three")
    run = generate(workspace, "Direct three", "intake")
    at = datetime(2027, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
    entries = [{"actor": "eve", "action": f"test.{n}", "entity_type": "run", "entity_id": run.id,
                "from_state": None, "to_state": "x" if n else None, "details": {"n": n, "ü": [n, None]}, "at": at}
               for n in range(3)]
    with workspace.transaction() as session:
        Direct(insert(AuditRow.__table__)).execute(session, entries[:2])  # one executemany
        Direct(insert(AuditRow.__table__)).execute(session, entries[2])  # one row
        session.execute(insert(AuditRow.__table__), [{**entry, "action": f"orm.{n}"}
                                                     for n, entry in enumerate(entries)])
    written = {entry.action: entry for entry in workspace.audit_log() if entry.entity_id == run.id}
    for n in range(3):
        direct, core = written[f"test.{n}"], written[f"orm.{n}"]
        assert (direct.details, direct.at, direct.from_state, direct.to_state) == (
            core.details, core.at, core.from_state, core.to_state) == ({"n": n, "ü": [n, None]}, at, None,
                                                                       "x" if n else None)

    first, second = workspace.list_deliverables("Direct three", module="intake")
    table = DeliverableRow.__table__
    rename = Direct(update(table).where(table.c.id.in_(bindparam("ids", expanding=True)))
                    .values(title=bindparam("new_title"), needs_review=bindparam("flag")))
    with workspace.transaction() as session:
        assert rename.execute(session, {"ids": [first.id, "no-such-id"], "new_title": "Renamed", "flag": True}) == 1
        assert rename.execute(session, {"ids": ["no-such-id"], "new_title": "x", "flag": False}) == 0
    after = {d.id: d for d in workspace.list_deliverables("Direct three", module="intake")}
    assert (after[first.id].title, after[first.id].needs_review) == ("Renamed", True)
    assert (after[second.id].title, after[second.id].needs_review) == (second.title, second.needs_review)


def test_a_constraint_error_is_sqlalchemy_s_and_rolls_the_transaction_back(workspace):
    make_campaign(workspace, "Direct four")
    run = generate(workspace, "Direct four", "intake")
    before = len(workspace.audit_log())
    entry = {"actor": "eve", "action": "test.kept", "entity_type": "run", "entity_id": run.id, "from_state": None,
             "to_state": None, "details": {}, "at": datetime.now(UTC)}
    duplicate = {column.name: getattr(workspace_run_row(workspace, run.id), column.name)
                 for column in RunRow.__table__.columns}
    # ConflictError: what Workspace.transaction makes of an IntegrityError.
    with pytest.raises(ConflictError), workspace.transaction() as session:
        Direct(insert(AuditRow.__table__)).execute(session, entry)
        Direct(insert(RunRow.__table__)).execute(session, duplicate)  # the same id again
    assert len(workspace.audit_log()) == before  # the first insert went with the transaction
    with workspace.reading() as session, pytest.raises(IntegrityError):
        Direct(insert(RunRow.__table__)).execute(session, duplicate)


def workspace_run_row(workspace, run_id):
    with workspace.reading() as session:
        return session.get(RunRow, run_id)


def test_the_engine_s_cursor_listeners_see_every_statement(workspace):
    make_campaign(workspace, "Direct five")
    seen: list[tuple[str, bool]] = []

    def listen(conn, cursor, statement, parameters, context, executemany):
        seen.append((statement.split()[0], executemany))

    event.listen(workspace.engine, "before_cursor_execute", listen)
    try:
        with workspace.reading() as session:
            Direct(select(CampaignRow.id)).rows(session)
    finally:
        event.remove(workspace.engine, "before_cursor_execute", listen)
    assert ("SELECT", False) in seen


def test_an_insert_missing_a_column_with_a_python_default_is_refused(workspace):
    make_campaign(workspace, "Direct six")
    with workspace.transaction() as session, pytest.raises(TypeError, match="every value is given"):
        Direct(insert(CampaignRow.__table__)).execute(session, {"id": "c1", "name": "x"})


def test_a_list_the_statement_binds_itself_expands_and_an_empty_list_is_refused(workspace):
    make_campaign(workspace, "Direct seven")
    generate(workspace, "Direct seven", "intake")
    generate(workspace, "Direct seven", "strategy")
    statement = (select(DeliverableRow.module).where(DeliverableRow.module.not_in(("intake", "learn")))
                 .order_by(DeliverableRow.module))
    with workspace.reading() as session:
        assert [row.module for row in Direct(statement).rows(session)] == list(session.scalars(statement))
        assert {row.module for row in Direct(statement).rows(session)} == {"strategy"}
        wanted = Direct(select(DeliverableRow.id).where(DeliverableRow.id.in_(bindparam("ids", expanding=True))))
        with pytest.raises(ValueError, match="'ids' is empty"):
            wanted.rows(session, {"ids": []})
