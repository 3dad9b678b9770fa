"""Module-level state: gates, approvals of whole modules, downstream flags, status and upstream.

A module is approved when its current (non-superseded) deliverables number at least one and all
are approved. Approvals record their "basis" (upstream deliverable id -> approved version); when a
module becomes approved with content that differs from a downstream approval's basis, that
downstream deliverable is flagged for review.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from ..errors import GateError
from ..registry import downstream_of, module_info, module_names
from ..store import Workspace
from ..store.direct import Direct
from ..store.models import CampaignRow, DeliverableRow, RunRow, utcnow
from ..store.records import add_audit, find_campaign, find_versions

__all__ = [
    "STATES",
    "approved_upstream",
    "campaign_status",
    "check_gate",
    "is_module_approved",
    "module_state",
    "module_status",
    "raise_if_gated",
    "read_approved_upstream",
]

STATES = ("draft", "revised", "approved", "changes_requested", "superseded")


def _current(statement: Any) -> Any:
    """``statement`` narrowed to a campaign's current rows of some modules, in their order."""
    return (statement
            .where(DeliverableRow.campaign_id == bindparam("campaign_id"),
                   DeliverableRow.module.in_(bindparam("modules", expanding=True)),
                   DeliverableRow.state != "superseded")
            .order_by(DeliverableRow.created_at, DeliverableRow.position, DeliverableRow.id))


# Built once (see store.records): every generation and approval asks these several times.
_CURRENT_ROWS = _current(select(DeliverableRow)).execution_options(populate_existing=True)
_CURRENT_RECORDS = Direct(_current(select(DeliverableRow)))
# What questions about a module's state need, without whole rows: no ORM objects to build and no
# JSON column decoded (upstream rows carry long metadata, e.g. a calendar's slots).
_STATE_COLUMNS = (DeliverableRow.id, DeliverableRow.module, DeliverableRow.state, DeliverableRow.approved_version,
                  DeliverableRow.needs_review, DeliverableRow.title)
# Run on the driver (``store.direct``): SQLAlchemy's execution cost more than the query.
_CURRENT_STATES = Direct(_current(select(*_STATE_COLUMNS)))
_CURRENT_STATES_AND_BASES = Direct(_current(select(*_STATE_COLUMNS, DeliverableRow.approved_basis)))


def current_rows(session: Session, campaign_id: str, module: str) -> list[DeliverableRow]:
    return current_rows_of(session, campaign_id, [module])[module]


def current_rows_of(session: Session, campaign_id: str, modules: list[str]) -> dict[str, list[DeliverableRow]]:
    """``current_rows`` of several modules in one query (module -> its rows, in the same order)."""
    if not modules:
        return {}
    return _by_module(session.scalars(_CURRENT_ROWS, {"campaign_id": campaign_id, "modules": list(modules)}),
                      modules)


def current_records_of(session: Session, campaign_id: str, modules: list[str]) -> dict[str, list[Any]]:
    """``current_rows_of`` as read-only rows with ``DeliverableRow``'s attributes, read on the
    driver: for code that only reads them (a generation's context, QC before a lock)."""
    if not modules:
        return {}
    return _by_module(_CURRENT_RECORDS.rows(session, {"campaign_id": campaign_id, "modules": list(modules)}),
                      modules)


def current_states_of(session: Session, campaign_id: str, modules: list[str], *,
                      bases: bool = False) -> dict[str, list[Any]]:
    """What ``current_rows_of`` gives, as read-only rows of the columns state questions need: id,
    module, state, approved_version, needs_review, title (``bases``: and approved_basis)."""
    if not modules:
        return {}
    statement = _CURRENT_STATES_AND_BASES if bases else _CURRENT_STATES
    return _by_module(statement.rows(session, {"campaign_id": campaign_id, "modules": list(modules)}), modules)


def _by_module(rows: Any, modules: list[str]) -> dict[str, list[Any]]:
    """``rows`` grouped by their module, every module of ``modules`` present (in their order)."""
    found: dict[str, list[Any]] = {module: [] for module in modules}
    for row in rows:
        found[row.module].append(row)
    return found


def module_approved(session: Session, campaign_id: str, module: str) -> bool:
    return _all_approved(current_states_of(session, campaign_id, [module])[module])


def _all_approved(rows: list[Any]) -> bool:
    """A module's current rows make it approved: at least one, and all approved."""
    return bool(rows) and all(row.state == "approved" for row in rows)


def _upstream_closure(module: str) -> list[str]:
    found: list[str] = []
    frontier = list(module_info(module).upstream)
    while frontier:
        name = frontier.pop()
        if name not in found:
            found.append(name)
            frontier.extend(module_info(name).upstream)
    return found


def upstream_basis(session: Session, campaign_id: str, module: str) -> dict[str, int]:
    """Upstream deliverable id -> approved version, for every module this one builds on."""
    basis: dict[str, int] = {}
    for rows in current_states_of(session, campaign_id, _upstream_closure(module)).values():
        for row in rows:
            if row.state == "approved" and row.approved_version is not None:
                basis[row.id] = row.approved_version
    return basis


def flag_downstream(session: Session, campaign_id: str, module: str, actor: str, *,
                    only_if_approved: bool = False) -> None:
    """Flag downstream approvals whose basis differs from ``module``'s approved versions;
    ``only_if_approved``: do nothing unless ``module`` is approved as a whole (one query for both)."""
    downstream_modules = list(downstream_of(module))
    rows_of = current_states_of(session, campaign_id, [module, *downstream_modules], bases=True)
    if only_if_approved and not _all_approved(rows_of[module]):
        return
    approved = {row.id: row for row in rows_of[module]}
    for downstream in downstream_modules:
        for row in rows_of[downstream]:
            if row.state != "approved":
                continue
            basis = row.approved_basis or {}
            newer = [up for up in approved.values() if basis.get(up.id) != up.approved_version]
            if not newer:
                continue
            first = newer[0]
            reason = (f"Upstream {module} deliverable {first.title!r} ({first.id}) has a newer approved version "
                      f"v{first.approved_version}" + (f" (and {len(newer) - 1} more)" if len(newer) > 1 else "")
                      + "; check that this deliverable still fits")
            flagged = session.get(DeliverableRow, row.id)  # the row itself, to change
            assert flagged is not None  # read a moment ago in this transaction
            flagged.needs_review, flagged.needs_review_reason, flagged.updated_at = True, reason, utcnow()
            add_audit(session, actor=actor, action="deliverable.flagged_for_review", entity_type="deliverable",
                      entity_id=row.id, from_state=row.state, to_state=row.state,
                      details={"upstream": [{"id": up.id, "version": up.approved_version} for up in newer]})


def _gate_problems(session: Session, campaign_id: str, module: str,
                   rows_of: dict[str, list[Any]] | None = None) -> dict[str, str]:
    problems: dict[str, str] = {}
    upstream_modules = list(module_info(module).upstream)
    rows_of = rows_of if rows_of is not None else current_states_of(session, campaign_id, upstream_modules)
    for upstream in upstream_modules:
        rows = rows_of[upstream]
        if not rows:
            last = _last_run(session, campaign_id, upstream)
            problems[upstream] = "its last generation failed" if last is not None else "not generated yet"
            continue
        approved = sum(row.state == "approved" for row in rows)
        if approved < len(rows):
            problems[upstream] = f"{approved} of {len(rows)} deliverables approved"
    return problems


def check_gate(ws: Workspace, campaign: str, module: str) -> None:
    """Raise GateError naming each upstream module that is not approved yet, and why."""
    with ws.reading() as session:
        raise_if_gated(session, find_campaign(session, campaign), module)


def raise_if_gated(session: Session, campaign_row: CampaignRow, module: str,
                   rows_of: dict[str, list[Any]] | None = None) -> None:
    """``check_gate`` inside a caller's session (``generate`` reads its whole context in one);
    ``rows_of``: the upstream modules' ``current_records_of`` when the caller read them already."""
    name = module_info(module).name
    problems = _gate_problems(session, campaign_row.id, name, rows_of)
    if problems:
        listed = "; ".join(f"{up} is not approved ({why})" for up, why in problems.items())
        raise GateError(
            f"{name} cannot be generated for campaign {campaign_row.name!r} yet: {listed}. "
            "Approve the upstream deliverables first.",
            field="module",
            details={"blocked_by": problems},
        )


def is_module_approved(ws: Workspace, campaign: str, module: str) -> bool:
    """True when the module's current deliverables number at least one and all are approved."""
    with ws.reading() as session:
        return module_approved(session, find_campaign(session, campaign).id, module_info(module).name)


# The columns the status shows, not the run's envelope, inputs and attempts (JSON, decoded for
# nothing; the campaign status asks all nine modules). Built once, as the lookups above.
_LAST_RUN = Direct(select(RunRow.id, RunRow.status, RunRow.provider, RunRow.model, RunRow.cost_usd,
                          RunRow.trace_id, RunRow.error)
                   .where(RunRow.campaign_id == bindparam("campaign_id"), RunRow.module == bindparam("module"))
                   .order_by(RunRow.created_at.desc(), RunRow.id.desc()).limit(1))


def _last_run(session: Session, campaign_id: str, module: str) -> Any:
    """The module's latest run (``_LAST_RUN``'s columns), or None."""
    return _LAST_RUN.first(session, {"campaign_id": campaign_id, "module": module})


def _status(session: Session, campaign_id: str, module: str) -> dict[str, Any]:
    info = module_info(module)
    rows = current_states_of(session, campaign_id, [module])[module]
    last = _last_run(session, campaign_id, module)
    counts = {state: 0 for state in STATES}
    for row in rows:
        counts[row.state] += 1
    counts["superseded"] = session.scalar(
        select(func.count()).select_from(DeliverableRow).where(
            DeliverableRow.campaign_id == campaign_id, DeliverableRow.module == module,
            DeliverableRow.state == "superseded")
    ) or 0
    state = _state(rows, last)
    waiting = _gate_problems(session, campaign_id, module)
    return {
        "module": info.name, "order": info.order, "title": info.title, "state": state,
        "deliverables": len(rows), "counts": counts, "upstream": list(info.upstream),
        "gate_open": not waiting, "waiting_for": waiting,
        "last_run_id": last.id if last else None, "last_run_status": last.status if last else None,
        "provider": last.provider if last else None, "model": last.model if last else None,
        "cost_usd": last.cost_usd if last else None, "trace_id": last.trace_id if last else None,
        "last_error": last.error if last and last.status == "FAILED" else None,
    }


def _state(rows: list[Any], last: Any) -> str:
    if not rows:
        return "failed" if last is not None and last.status == "FAILED" else "not_started"
    if any(row.needs_review for row in rows):
        return "needs_review"
    if all(row.state == "approved" for row in rows):
        return "approved"
    return "in_review"


def module_state(ws: Workspace, campaign: str, module: str) -> str:
    """``module_status(...)["state"]`` alone, without the counts, gate and last run it reads
    (the runner asks this of every module it starts)."""
    with ws.reading() as session:
        campaign_id = find_campaign(session, campaign).id
        name = module_info(module).name
        rows = current_states_of(session, campaign_id, [name])[name]
        return _state(rows, None if rows else _last_run(session, campaign_id, name))


def module_status(ws: Workspace, campaign: str, module: str) -> dict[str, Any]:
    """State (not_started, failed, in_review, approved, needs_review), counts and the last run."""
    with ws.reading() as session:
        return _status(session, find_campaign(session, campaign).id, module_info(module).name)


def campaign_status(ws: Workspace, campaign: str) -> list[dict[str, Any]]:
    """``module_status`` for the nine modules, in order."""
    with ws.reading() as session:
        campaign_id = find_campaign(session, campaign).id
        return [_status(session, campaign_id, name) for name in module_names()]


def approved_upstream(ws: Workspace, campaign: str, module: str) -> dict[str, list[dict[str, Any]]]:
    """For each upstream module, its approved deliverables with the approved version's full text."""
    with ws.reading() as session:
        return read_approved_upstream(session, find_campaign(session, campaign).id, module)


def read_approved_upstream(session: Session, campaign_id: str, module: str,
                           rows_of: dict[str, list[Any]] | None = None) -> dict[str, list[dict[str, Any]]]:
    """``approved_upstream`` inside a caller's session (``rows_of``: as for ``raise_if_gated``)."""
    result: dict[str, list[dict[str, Any]]] = {}
    upstream_modules = list(module_info(module).upstream)
    rows_of = rows_of if rows_of is not None else current_records_of(session, campaign_id, upstream_modules)
    wanted = [(row.id, row.approved_version) for rows in rows_of.values() for row in rows
              if row.state == "approved" and row.approved_version is not None]
    texts = find_versions(session, wanted)
    for upstream in upstream_modules:
        items = []
        for row in rows_of[upstream]:
            if row.state != "approved" or row.approved_version is None:
                continue
            text = texts[(row.id, row.approved_version)]
            items.append({
                "id": row.id, "kind": row.kind, "title": text.title, "platform": row.platform,
                "hashtags": list(text.hashtags), "metadata": dict(row.meta), "version": text.version,
                "content_markdown": text.content_markdown,
            })
        result[upstream] = items
    return result
