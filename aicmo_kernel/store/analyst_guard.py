"""The database's own guard for analysts' connections (PostgreSQL).

An analyst's JupyterLab executes Python with whatever database credentials its server has, so the
workflow's roles (``workflow.roles``) bind analysts only as far as they call the workbench's
functions. ``guard_analysts(ws, role)`` makes PostgreSQL itself refuse, for connections of
``role`` (and of every role that is a member of it), what only reviewers, clients and admins may
do, whatever code asks:

- approving: a deliverable that becomes approved (or re-approved at another version, or cleared
  of a review flag while approved), an ``approve`` review event, a ``deliverable.approved`` audit
  row. The one exception is an approval made by the campaign's autonomy policy (``autonomy:<level>``,
  what ``aicmo run`` does in an analyst's kernel): allowed only when the stored policy has that level,
  is semi or full, and lists the deliverable's kind (or ``all``); the policy's QC threshold is
  checked by the workflow only;
- the client's approval, requests for changes and revocations (their events and audit rows);
- widening an autonomy policy or creating one (narrowing or restating it, which an approved
  autonomy document may do, stays allowed), brand-memory rules, the four-eyes and client-review
  settings;
- rewriting or deleting history: the review events, audit log, versions, runs and call log are
  insert-only for the role (they are append-only for everyone already, by migration 0001's
  triggers), and no campaign, brand or deliverable can be deleted.

Reviewers' and clients' servers (standalone Voila: they execute no code) and admins keep the
workspace's own database user. Run it as that user (the tables' owner) after ``aicmo init`` and
again after an upgrade that adds tables; it is idempotent. The rules mirror the workflow's own
(``workflow.transitions``, ``workflow.policy``): the workflow decides, the database is the
second lock for the one kind of user who can run arbitrary code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import text

from ..errors import ConfigurationError, ValidationError

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["GUARDED_TABLES", "guard_analysts"]

# Table -> what the analysts' role may do there (SELECT everywhere; a missing table: all DML).
GUARDED_TABLES: dict[str, str] = {
    "review_events": "INSERT",
    "audit_log": "INSERT",
    "deliverable_versions": "INSERT",
    "runs": "INSERT",
    "call_log": "INSERT",
    "deliverables": "INSERT, UPDATE",
    "autonomy_policies": "UPDATE",
    "brand_memory_rules": "",
    "brands": "INSERT",
    "campaigns": "INSERT",
    "alembic_version": "",
}
# Columns an analyst may not change on rows they may otherwise update (review settings).
SETTINGS_COLUMNS = {"brands": {"four_eyes"}, "campaigns": {"client_review"}}

_REVIEW_ACTIONS = "('approve', 'client_approve', 'request_changes', 'revoke')"
_AUDIT_ACTIONS = ("('deliverable.approved', 'deliverable.client_approved', 'deliverable.changes_requested', "
                  "'deliverable.revoked')")
_FUNCTION = """
CREATE OR REPLACE FUNCTION aicmo_analyst_guard() RETURNS trigger LANGUAGE plpgsql AS $guard$
DECLARE
    policy_allows boolean;
    old_rank int;
    new_rank int;
BEGIN
    -- superusers count as members of every role; the guard is for the analysts' login roles
    IF NOT pg_has_role(current_user, {role}, 'MEMBER')
       OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RETURN NEW;
    END IF;
    IF TG_TABLE_NAME = 'deliverables' THEN
        IF NEW.client_state = 'approved' AND (TG_OP = 'INSERT' OR OLD.client_state IS DISTINCT FROM 'approved'
                OR OLD.client_version IS DISTINCT FROM NEW.client_version) THEN
            RAISE EXCEPTION 'analysts may not record a client''s approval (deliverable %)', NEW.id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.state = 'approved' AND (TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM 'approved'
                OR OLD.approved_version IS DISTINCT FROM NEW.approved_version
                OR (OLD.needs_review AND NOT NEW.needs_review)) THEN
            SELECT p.level IN ('semi', 'full') AND NEW.updated_by = 'autonomy:' || p.level
                   AND (p.auto_approve_kinds::jsonb ? 'all' OR p.auto_approve_kinds::jsonb ? NEW.kind)
              INTO policy_allows FROM autonomy_policies p WHERE p.campaign_id = NEW.campaign_id;
            IF NOT coalesce(policy_allows, false) THEN
                RAISE EXCEPTION 'analysts may not approve (deliverable %): only reviewers and admins, or the '
                    'campaign''s autonomy policy', NEW.id USING ERRCODE = 'insufficient_privilege';
            END IF;
        END IF;
    ELSIF TG_TABLE_NAME = 'review_events' THEN
        IF NEW.action IN {review_actions} AND NOT (NEW.action = 'approve' AND NEW.by_policy IS NOT NULL
                AND NEW.by_policy = NEW.actor) THEN
            RAISE EXCEPTION 'analysts may not record a % (deliverable %)', NEW.action, NEW.deliverable_id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF TG_TABLE_NAME = 'audit_log' THEN
        IF (NEW.action IN {audit_actions} AND NOT (NEW.action = 'deliverable.approved'
                AND NEW.actor LIKE 'autonomy:%'))
           OR NEW.action IN ('brand.four_eyes', 'campaign.client_review', 'memory_rule.added',
                             'memory_rule.deactivated')
           OR (NEW.action = 'autonomy_policy.set' AND NEW.actor NOT LIKE 'autonomy:%') THEN
            RAISE EXCEPTION 'analysts may not record %', NEW.action USING ERRCODE = 'insufficient_privilege';
        END IF;
    ELSIF TG_TABLE_NAME = 'autonomy_policies' THEN
        old_rank := array_position(ARRAY['manual', 'assisted', 'semi', 'full'], OLD.level);
        new_rank := array_position(ARRAY['manual', 'assisted', 'semi', 'full'], NEW.level);
        IF new_rank IS NULL OR new_rank > old_rank OR NEW.qc_threshold < OLD.qc_threshold
           OR NOT (OLD.auto_approve_kinds::jsonb ? 'all' OR OLD.auto_approve_kinds::jsonb @> NEW.auto_approve_kinds::jsonb)
        THEN
            RAISE EXCEPTION 'analysts may not widen the autonomy policy of campaign %', NEW.campaign_id
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    RETURN NEW;
END
$guard$
"""
_TRIGGERS = {
    "deliverables": "BEFORE INSERT OR UPDATE",
    "review_events": "BEFORE INSERT",
    "audit_log": "BEFORE INSERT",
    "autonomy_policies": "BEFORE UPDATE",
}


def guard_analysts(ws: Workspace, role: str) -> list[str]:
    """Grant ``role`` what analysts need and install the guard (see the module docstring).
    Returns the statements run, for the caller to show."""
    if ws.dialect != "postgresql":
        raise ConfigurationError(
            f"the analysts' database guard needs PostgreSQL; this workspace is {ws.dialect} "
            "(a team's shared workspace is PostgreSQL: set AICMO_DATABASE_URL)", field="AICMO_DATABASE_URL")
    role = role.strip()
    if not role:
        raise ValidationError("role: give the PostgreSQL role of analysts' servers", field="role")
    with ws.engine.begin() as conn:
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).first() is None:
            raise ValidationError(
                f"role: PostgreSQL has no role {role!r}; create it first, e.g. "
                f"CREATE ROLE {role} LOGIN PASSWORD '...'", field="role")
        ident = conn.dialect.identifier_preparer.quote(role)
        literal = "'" + role.replace("'", "''") + "'"
        schema = conn.execute(text("SELECT current_schema()")).scalar_one()
        tables = [name for (name,) in conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY tablename"), {"s": schema})]
        statements = [f"GRANT USAGE ON SCHEMA {schema} TO {ident}",
                      f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {ident}"]
        for table in tables:
            statements.append(f"REVOKE ALL ON {table} FROM {ident}")
            allowed = GUARDED_TABLES.get(table, "INSERT, UPDATE, DELETE")
            statements.append(f"GRANT SELECT{', ' + allowed if allowed else ''} ON {table} TO {ident}")
            if table in SETTINGS_COLUMNS:
                columns = [name for (name,) in conn.execute(text(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = :s AND table_name = :t "
                    "ORDER BY ordinal_position"), {"s": schema, "t": table})
                    if name not in SETTINGS_COLUMNS[table] and name != "id"]
                statements.append(f"GRANT UPDATE ({', '.join(columns)}) ON {table} TO {ident}")
        statements.append(_FUNCTION.format(role=literal, review_actions=_REVIEW_ACTIONS,
                                           audit_actions=_AUDIT_ACTIONS).strip())
        for table, when in _TRIGGERS.items():
            statements.append(f"DROP TRIGGER IF EXISTS {table}_analyst_guard ON {table}")
            statements.append(f"CREATE TRIGGER {table}_analyst_guard {when} ON {table} "
                              "FOR EACH ROW EXECUTE FUNCTION aicmo_analyst_guard()")
        for statement in statements:
            conn.execute(text(statement))
    return statements
