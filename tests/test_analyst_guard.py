"""The database's own guard for analysts' connections (``aicmo db guard-analysts``), on a real
PostgreSQL: what an analyst's Lab could do with the workspace's credentials, tried as the guarded
role, through the workbench's functions and as plain SQL."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from fixtures_store import make_campaign

from aicmo_kernel import workflow as wf
from aicmo_kernel.cli import main
from aicmo_kernel.errors import ConfigurationError, PermissionDeniedError, ValidationError
from aicmo_kernel.generation import generate
from aicmo_kernel.store import Workspace
from aicmo_kernel.store.analyst_guard import guard_analysts

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(postgres_databases, postgres_server, monkeypatch):
    """(owner's workspace, analyst's workspace) on one fresh database: the campaign made and the
    intake drafted by the analyst, the guard installed through the CLI."""
    owner_url = postgres_databases.get()
    role = f"ann_{uuid.uuid4().hex[:8]}"
    with sa.create_engine(owner_url).begin() as conn:
        conn.execute(sa.text(f"CREATE ROLE {role} LOGIN"))
    monkeypatch.setenv("AICMO_DATABASE_URL", owner_url)
    result = CliRunner().invoke(main, ["db", "guard-analysts", role])
    assert result.exit_code == 0, result.output
    assert f"connections as {role} may generate" in result.output
    owner = Workspace.open(owner_url)
    make_campaign(owner)
    analyst = Workspace.open(owner_url.replace("://postgres@", f"://{role}@"))
    generate(analyst, "Spring launch", "intake", actor="ann")
    yield owner, analyst
    analyst.close()
    owner.close()


def _sql(ws, statement, **params):
    with ws.engine.begin() as conn:
        return conn.execute(sa.text(statement), params)


def test_an_analyst_generates_edits_and_comments_but_cannot_approve(team):
    owner, analyst = team
    [draft, *_] = analyst.list_deliverables("Spring launch", "intake")
    assert analyst.get_versions(draft.id)[0].author == "ann"
    wf.edit(analyst, draft.id, "# Brief\n\nA clearer brief.", base_version=1, editor="ann")
    wf.add_comment(analyst, draft.id, reviewer="ann", comment="ready for review")

    # Outside a hub the workflow lets anyone approve; the analysts' database role does not.
    with pytest.raises(PermissionDeniedError, match="database refused.*analysts may not approve"):
        wf.approve(analyst, draft.id, version=2, reviewer="ann")
    assert owner.get_deliverable(draft.id).state == "revised"
    assert [e.action for e in owner.list_review_events(draft.id)] == ["comment"]

    done = wf.approve(owner, draft.id, version=2, reviewer="rita")  # a reviewer's connection
    assert done.state == "approved"
    with pytest.raises(PermissionDeniedError, match="analysts may not record a revoke"):
        wf.revoke(analyst, draft.id, reviewer="ann", comment="mine now")
    assert owner.get_deliverable(draft.id).state == "approved"


@pytest.mark.parametrize("statement", [
    "UPDATE deliverables SET state = 'approved', approved_version = current_version WHERE id = :id",
    "UPDATE deliverables SET client_state = 'approved', client_version = 1 WHERE id = :id",
    "INSERT INTO review_events (deliverable_id, action, actor, version, at) VALUES (:id, 'approve', 'rita', 1, now())",
    "INSERT INTO audit_log (actor, action, entity_type, entity_id, details, at) "
    "VALUES ('rita', 'deliverable.approved', 'deliverable', :id, '{}', now())",
    "UPDATE audit_log SET actor = 'rita' WHERE entity_id = :id",
    "DELETE FROM review_events WHERE deliverable_id = :id",
    "DELETE FROM deliverables WHERE id = :id",
    "UPDATE brands SET four_eyes = false",
    "UPDATE campaigns SET client_review = false",
    "INSERT INTO autonomy_policies (campaign_id, level, qc_threshold, auto_approve_kinds, updated_by, updated_at) "
    "SELECT id, 'full', 0, '[\"all\"]', 'autonomy:full', now() FROM campaigns",
    "INSERT INTO brand_memory_rules (id, brand_id, rule, source, evidence, active, created_by, created_at) "
    "SELECT 'r1', id, 'always say yes', 'manual', '{}', true, 'ada', now() FROM brands",
])
def test_plain_sql_as_the_analyst_is_refused(team, statement):
    owner, analyst = team
    [draft, *_] = analyst.list_deliverables("Spring launch", "intake")
    before = (owner.get_deliverable(draft.id), len(owner.list_review_events(draft.id)), len(owner.audit_log(draft.id)))
    with pytest.raises(sa.exc.ProgrammingError) as refused:
        _sql(analyst, statement, id=draft.id)
    assert refused.value.orig.sqlstate == "42501"  # insufficient privilege: a grant or the guard
    after = (owner.get_deliverable(draft.id), len(owner.list_review_events(draft.id)), len(owner.audit_log(draft.id)))
    assert after == before


def test_the_autonomy_policy_approves_for_an_analyst_only_as_far_as_an_admin_set_it(team):
    owner, analyst = team
    # No stored policy: a forged policy approval is refused.
    [draft, *_] = analyst.list_deliverables("Spring launch", "intake")
    with pytest.raises(sa.exc.ProgrammingError, match="analysts may not approve"):
        _sql(analyst, "UPDATE deliverables SET state = 'approved', approved_version = 1, "
                      "updated_by = 'autonomy:full' WHERE id = :id", id=draft.id)

    wf.set_policy(owner, "Spring launch", level="full", qc_threshold=0, auto_approve_kinds="all", actor="ada")
    approved, held, _ = wf.auto_approve(analyst, "Spring launch", "intake", level="full")
    assert (approved, held) == (len(owner.list_deliverables("Spring launch", "intake")), [])
    events = owner.list_review_events(draft.id)
    assert [(e.action, e.actor, e.by_policy) for e in events] == [("approve", "autonomy:full", "autonomy:full")]

    # The analyst may narrow the stored policy (an approved autonomy document may), never widen it.
    _sql(analyst, "UPDATE autonomy_policies SET level = 'semi', qc_threshold = 90")
    with pytest.raises(sa.exc.ProgrammingError, match="may not widen"):
        _sql(analyst, "UPDATE autonomy_policies SET level = 'full'")
    with pytest.raises(sa.exc.ProgrammingError, match="may not widen"):
        _sql(analyst, "UPDATE autonomy_policies SET qc_threshold = 10")
    assert wf.get_policy(owner, "Spring launch").level == "semi"


def test_the_guard_needs_postgresql_and_an_existing_role(team, tmp_path):
    owner, _ = team
    with pytest.raises(ValidationError, match="PostgreSQL has no role 'nobody_here'.*CREATE ROLE"):
        guard_analysts(owner, "nobody_here")
    with Workspace.open(f"sqlite:///{tmp_path / 'solo.sqlite'}") as solo, \
            pytest.raises(ConfigurationError, match="needs PostgreSQL; this workspace is sqlite"):
        guard_analysts(solo, "ann")
