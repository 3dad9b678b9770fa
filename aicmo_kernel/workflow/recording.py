"""Recording a generation: its run, the drafts it wrote (superseding the module's current ones),
its calls, and with ``record_and_auto_approve`` the autonomy policy's approvals of those drafts in
the same transaction (decided by ``transitions``, where every approval is decided).

See the package docstring for the state diagram and the concurrency rules.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..identity import Identity
from ..registry import module_info
from ..schemas import DeliverablesEnvelope, validate_deliverables_envelope
from ..store import Run, Workspace
from ..store.direct import Direct
from ..store.models import DeliverableRow, VersionRow, utcnow
from ..store.records import (
    add_audits,
    add_calls,
    audit_values,
    call_values,
    find_campaign,
    insert_run,
    new_id,
    run_values,
)
from ..store.views import run_view
from . import transitions
from .module_state import current_states_of
from .roles import authorize, recorded_name
from .transitions import AutoApproval, _actor_name

__all__ = ["record_and_auto_approve", "record_generation"]


def record_generation(
    ws: Workspace,
    *,
    campaign: str,
    module: str,
    inputs: dict[str, Any],
    envelope: DeliverablesEnvelope,
    attempts: list[dict[str, Any]],
    prompt_hash: str,
    latency_ms: float,
    actor: str | Identity,
    log_calls: bool = False,
) -> Run:
    """Store a generation in one transaction: the run (FAILED runs too, with their error) and,
    for SUCCESS/PARTIAL, version 1 of each deliverable as ``draft``; the module's earlier current
    deliverables in this campaign become ``superseded``. With ``log_calls``, each attempt that
    reached a provider (not ``skipped``) also gets its call-log row, in the same transaction, so a
    run is never stored without its calls nor calls without their run.

    The gate is checked by the caller before the model is called, not here: a result that took a
    minute to write is recorded even if an upstream approval was revoked meanwhile. Under a hub
    only analysts and admins generate, and the run records the signed-in person (or the policy).
    """
    return record_and_auto_approve(ws, campaign=campaign, module=module, inputs=inputs, envelope=envelope,
                                   attempts=attempts, prompt_hash=prompt_hash, latency_ms=latency_ms, actor=actor,
                                   log_calls=log_calls, approve_by_policy=False)[0]


def record_and_auto_approve(
    ws: Workspace,
    *,
    campaign: str,
    module: str,
    inputs: dict[str, Any],
    envelope: DeliverablesEnvelope,
    attempts: list[dict[str, Any]],
    prompt_hash: str,
    latency_ms: float,
    actor: str | Identity,
    log_calls: bool = False,
    approve_by_policy: bool = True,
) -> tuple[Run, AutoApproval | None]:
    """``record_generation``, and with ``approve_by_policy`` then ``auto_approve`` of the new
    drafts at the stored level in the same transaction: one campaign lock and one commit instead of
    two, and none of the reads the second would repeat. On a SQLite workspace, which lets one
    writer in at a time, that is what a batch waits on. The approvals run in a savepoint: one that
    fails unexpectedly leaves the generation recorded and gives None, so the caller can call
    ``auto_approve`` and meet the error there. None too for a FAILED run (no drafts)."""
    module = module_info(module).name
    if envelope.module != module:
        raise ValidationError(
            f"The envelope is for module {envelope.module!r}, not {module!r}", field="module"
        )
    envelope = validate_deliverables_envelope(envelope)
    claimed = actor if isinstance(actor, Identity) else _actor_name(actor, "actor")
    data = envelope.model_dump(mode="json")
    values = run_values(envelope=data, inputs=inputs, attempts=attempts, prompt_hash=prompt_hash,
                        latency_ms=latency_ms)
    with ws.transaction() as session:
        campaign_row = find_campaign(session, campaign, for_update=True)
        person = authorize(session, claimed, "generate", campaign=campaign_row, field="actor", strict=False)
        actor = recorded_name(claimed, person)
        audits: list[dict[str, Any]] = []  # the run's, the superseded drafts', the new drafts': one INSERT
        run = insert_run(session, campaign_row, values, actor=actor, audits=audits)
        fresh = None
        if envelope.status in ("SUCCESS", "PARTIAL"):
            _supersede_current(session, campaign_row.id, module, run.id, actor, audits)
            fresh = _insert_drafts(session, campaign_row.id, module, run.id, data["deliverables"], actor, audits)
        add_audits(session, audits)
        if log_calls:
            _add_calls(session, run.id, attempts, prompt_hash, data["meta"]["trace_id"])
        session.flush()
        approval = None
        if approve_by_policy and envelope.status in ("SUCCESS", "PARTIAL"):
            try:
                with session.begin_nested():
                    approval = transitions._auto_approve_in(session, campaign_row, module, None, fresh)
            except Exception:  # noqa: BLE001 - the generation stands; auto_approve on its own reports it
                approval = None
        return run_view(run, campaign_row.name), approval


def _add_calls(
    session: Session, run_id: str, attempts: list[dict[str, Any]], prompt_hash: str, trace_id: str
) -> None:
    add_calls(session, [call_values(
        run_id=run_id, prompt_hash=prompt_hash, provider=attempt["provider"], model=attempt["model"],
        tokens_in=attempt.get("tokens_in", 0), tokens_out=attempt.get("tokens_out", 0),
        cost_usd=attempt.get("cost_usd", 0.0), latency_ms=attempt.get("latency_ms", 0.0),
        status=attempt["status"], error_type=attempt.get("error_type"), trace_id=trace_id,
    ) for attempt in attempts if attempt.get("status") != "skipped"])


def _supersede_current(session: Session, campaign_id: str, module: str, run_id: str, actor: str,
                       audits: list[dict[str, Any]]) -> None:
    """Mark the module's current deliverables superseded by ``run_id``; their audit entries go to
    ``audits``, for the caller to write."""
    rows = current_states_of(session, campaign_id, [module])[module]
    for row in rows:
        audits.append(audit_values(actor=actor, action="deliverable.superseded", entity_type="deliverable",
                                   entity_id=row.id, from_state=row.state, to_state="superseded",
                                   details={"by_run": run_id}))
    if rows:  # one UPDATE at table level, on the driver
        _SUPERSEDE.execute(session, {"ids": [row.id for row in rows], "run_id": run_id, "actor": actor,
                                     "now": utcnow()})


def _insert_drafts(
    session: Session, campaign_id: str, module: str, run_id: str, items: list[dict[str, Any]], actor: str,
    audits: list[dict[str, Any]],
) -> list[tuple[DeliverableRow, VersionRow]]:
    """Version 1 of each deliverable, as ``draft``: one lookup for taken ids, then one multi-row
    INSERT for the deliverables and one for their versions (in that order, for the foreign key);
    their audit entries go to ``audits``, for the caller to write. Returns what was stored, as rows
    the session does not hold, for approvals in the same transaction."""
    now = utcnow()
    wanted = [item["id"] for item in items if len(item["id"]) <= 100]
    taken = {row.id for row in _TAKEN_IDS.rows(session, {"ids": wanted})} if wanted else set()
    deliverables: list[dict[str, Any]] = []
    versions: list[dict[str, Any]] = []
    for position, item in enumerate(items):
        deliverable_id, metadata = item["id"], dict(item["metadata"])
        # Ids come from the envelope; one that is already taken (a provider reusing ids) gets a
        # fresh one so no earlier deliverable is touched, and the envelope's id stays findable.
        if len(deliverable_id) > 100 or deliverable_id in taken:
            metadata["envelope_deliverable_id"] = deliverable_id
            deliverable_id = new_id()
        taken.add(deliverable_id)
        deliverables.append({
            "id": deliverable_id, "campaign_id": campaign_id, "module": module, "run_id": run_id,
            "position": position, "kind": item["kind"], "title": item["title"], "platform": item.get("platform"), "hashtags": list(item["hashtags"]),
            "assets": dict(item["assets"]), "metadata": metadata, "state": "draft", "current_version": 1,
            "approved_version": None, "approved_basis": None, "needs_review": False, "needs_review_reason": None,
            "superseded_by_run_id": None, "created_at": now, "updated_by": actor, "updated_at": now,
        })
        versions.append({
            "deliverable_id": deliverable_id, "version": 1, "content_markdown": item["content_markdown"],
            "title": item["title"], "hashtags": list(item["hashtags"]), "author": actor, "source": "generated",
            "based_on_version": None, "created_at": now,
        })
        audits.append(audit_values(actor=actor, action="deliverable.generated", entity_type="deliverable",
                                   entity_id=deliverable_id, to_state="draft", details={"run_id": run_id, "version": 1}))
    if deliverables:
        # Table-level inserts (keys are column names), on the driver: the ORM's bulk path cost
        # several times more, and SQLAlchemy's Core path still several times the driver's.
        _DELIVERABLE_INSERT.execute(session, deliverables)
        _VERSION_INSERT.execute(session, versions)
    return [(DeliverableRow(**{("meta" if key == "metadata" else key): value for key, value in stored.items()}),
             VersionRow(**version)) for stored, version in zip(deliverables, versions, strict=True)]


_DELIVERABLE_INSERT = Direct(insert(DeliverableRow.__table__))
_VERSION_INSERT = Direct(insert(VersionRow.__table__))
_SUPERSEDE = Direct(update(DeliverableRow.__table__)
                    .where(DeliverableRow.__table__.c.id.in_(bindparam("ids", expanding=True)))
                    .values(state="superseded", superseded_by_run_id=bindparam("run_id"),
                            updated_by=bindparam("actor"), updated_at=bindparam("now")))
_TAKEN_IDS = Direct(select(DeliverableRow.id).where(DeliverableRow.id.in_(bindparam("ids", expanding=True))))
