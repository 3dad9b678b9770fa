"""Row-level helpers shared by the Workspace and the workflow, always inside a caller's session.

These look rows up with messages a user can act on, and write the rows that every change needs
(runs, audit entries). They never commit: the caller's transaction decides.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any, NoReturn

from sqlalchemy import bindparam, func, insert, or_, select
from sqlalchemy.orm import Session

from ..config import redactor
from ..errors import ConflictError, NotFoundError, ValidationError
from .direct import Direct
from .models import (
    AuditRow,
    BrandRow,
    CallRow,
    CampaignRow,
    DeliverableRow,
    RunRow,
    VersionRow,
    utcnow,
)

__all__ = [
    "add_audit",
    "add_audits",
    "add_call",
    "add_calls",
    "audit_values",
    "brand_record",
    "call_values",
    "campaign_for_change",
    "find_brand",
    "find_campaign",
    "find_deliverable",
    "find_version",
    "find_versions",
    "insert_run",
    "new_id",
    "redact_json",
    "run_values",
]

# Lists of known names are shown in "not found" messages only when they stay readable.
_LIST_NAMES_UP_TO = 12
_PROMPT_HASH = re.compile(r"^[A-Za-z0-9:_\-]{1,200}$")


def new_id() -> str:
    return uuid.uuid4().hex


def redact_json(value: Any, _clean: Callable[[str], str] | None = None) -> Any:
    """A copy of JSON-like data with secret values and key-shaped strings removed."""
    clean = _clean or redactor()
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {key: redact_json(item, clean) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_json(item, clean) for item in value]
    return value


def _known(names: list[str], what: str) -> str:
    if not names:
        return f"no {what} exist yet"
    if len(names) <= _LIST_NAMES_UP_TO:
        return f"known {what}: {', '.join(sorted(names))}"
    return f"{len(names)} {what} exist; list them to pick one"


# The lookups every generation and approval makes, built once with bound parameters: building a
# statement and its cache key again for each call was half of what a lookup cost.
_BRAND_BY_KEY = select(BrandRow).where(or_(BrandRow.id == bindparam("key"), BrandRow.name == bindparam("key")))
_CAMPAIGN_BY_KEY = select(CampaignRow).where(or_(CampaignRow.id == bindparam("key"),
                                                 CampaignRow.name == bindparam("key")))
_CAMPAIGN_BY_KEY_LOCKED = _CAMPAIGN_BY_KEY.with_for_update()
_CAMPAIGN_RECORD = Direct(_CAMPAIGN_BY_KEY)
_CAMPAIGN_RECORD_LOCKED = Direct(_CAMPAIGN_BY_KEY_LOCKED)
_BRAND_RECORD = Direct(select(BrandRow).where(BrandRow.id == bindparam("key")))
# Table-level statements run on the driver (``direct``): SQLAlchemy's execution cost several times theirs.
_AUDIT_INSERT = Direct(insert(AuditRow.__table__))
_RUN_INSERT = Direct(insert(RunRow.__table__))
_CALL_INSERT = Direct(insert(CallRow.__table__))
_RUN_ID = Direct(select(RunRow.id).where(RunRow.id == bindparam("id")))
_VERSION_BY_KEY = select(VersionRow).where(VersionRow.deliverable_id == bindparam("deliverable_id"),
                                           VersionRow.version == bindparam("version"))
_RUN_COLUMNS = tuple(column.name for column in RunRow.__table__.columns)
# Each column's own IN, so both backends look the pairs up in the (deliverable_id, version) unique
# index: SQLite answers a row-value IN by scanning the whole table, which grew with the workspace.
# The exact pairs are picked out of the (few) rows found.
_VERSIONS_BY_PAIR = Direct(select(VersionRow).where(
    VersionRow.deliverable_id.in_(bindparam("ids", expanding=True)),
    VersionRow.version.in_(bindparam("versions", expanding=True))))


def find_brand(session: Session, name_or_id: str) -> BrandRow:
    row = session.scalar(_BRAND_BY_KEY, {"key": name_or_id})
    if row is None:
        names = list(session.scalars(select(BrandRow.name).limit(_LIST_NAMES_UP_TO + 1)))
        raise NotFoundError(f"Unknown brand {name_or_id!r}; {_known(names, 'brands')}", field="brand")
    return row


def find_campaign(session: Session, name_or_id: str, *, for_update: bool = False) -> Any:
    """The campaign by name or id, as a read-only row with ``CampaignRow``'s attributes (read on
    the driver: every generation reads it three times). ``for_update`` locks its row (PostgreSQL)
    so that module-level transitions of one campaign (generation, approval) take turns. To change
    the campaign, ``campaign_for_change``."""
    row = (_CAMPAIGN_RECORD_LOCKED if for_update else _CAMPAIGN_RECORD).first(session, {"key": name_or_id})
    if row is None:
        _unknown_campaign(session, name_or_id)
    return row


def campaign_for_change(session: Session, name_or_id: str) -> CampaignRow:
    """The campaign as the ORM row the session holds, locked (PostgreSQL), for code that changes it."""
    row = session.scalar(_CAMPAIGN_BY_KEY_LOCKED, {"key": name_or_id})
    if row is None:
        _unknown_campaign(session, name_or_id)
    return row


def _unknown_campaign(session: Session, name_or_id: str) -> NoReturn:
    names = list(session.scalars(select(CampaignRow.name).limit(_LIST_NAMES_UP_TO + 1)))
    raise NotFoundError(f"Unknown campaign {name_or_id!r}; {_known(names, 'campaigns')}", field="campaign")


def brand_record(session: Session, brand_id: str) -> Any:
    """The brand of ``brand_id`` as a read-only row with ``BrandRow``'s attributes, read once per
    session (a transaction asks for its campaign's brand several times)."""
    known = session.info.setdefault("aicmo_brands", {})
    row = known.get(brand_id)
    if row is None:
        row = _BRAND_RECORD.first(session, {"key": brand_id})
        if row is None:
            raise NotFoundError(f"Unknown brand {brand_id!r}", field="brand")
        known[brand_id] = row
    return row


def find_deliverable(session: Session, deliverable_id: str) -> DeliverableRow:
    row = session.get(DeliverableRow, deliverable_id, populate_existing=True)
    if row is None:
        raise NotFoundError(f"Unknown deliverable {deliverable_id!r}", field="deliverable_id")
    return row


def find_versions(session: Session, wanted: list[tuple[str, int]]) -> dict[tuple[str, int], Any]:
    """``find_version`` for each (deliverable id, version) pair, in one query, as read-only rows
    with ``VersionRow``'s attributes; a missing one raises as ``find_version`` does."""
    if not wanted:
        return {}
    pairs = set(wanted)
    rows = _VERSIONS_BY_PAIR.rows(session, {"ids": sorted({deliverable_id for deliverable_id, _ in pairs}),
                                               "versions": sorted({version for _, version in pairs})})
    found = {key: row for row in rows if (key := (row.deliverable_id, row.version)) in pairs}
    for deliverable_id, version in wanted:
        if (deliverable_id, version) not in found:
            found[(deliverable_id, version)] = find_version(session, deliverable_id, version)  # raises
    return found


def find_version(session: Session, deliverable_id: str, version: int) -> VersionRow:
    row = session.scalar(_VERSION_BY_KEY, {"deliverable_id": deliverable_id, "version": version})
    if row is None:
        top = session.scalar(select(func.max(VersionRow.version)).where(VersionRow.deliverable_id == deliverable_id))
        choices = f"versions 1 to {top} exist" if top else "it has no versions"
        raise NotFoundError(
            f"Deliverable {deliverable_id!r} has no version {version}; {choices}", field="version"
        )
    return row


def add_audit(session: Session, **entry: Any) -> None:
    """Write one audit entry now, given as ``audit_values`` takes it (at table level: nothing reads
    it back in the transaction, and the ORM's flush of an added row cost several times the INSERT)."""
    add_audits(session, [audit_values(**entry)])


def audit_values(
    *,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    from_state: str | None = None,
    to_state: str | None = None,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The columns of one audit entry, its details redacted, for ``add_audits``."""
    return {"actor": actor, "action": action, "entity_type": entity_type, "entity_id": entity_id,
            "from_state": from_state, "to_state": to_state, "details": redact_json(details or {}), "at": utcnow()}


def add_audits(session: Session, entries: list[dict[str, Any]]) -> None:
    """Write many audit entries (``audit_values``) with one statement."""
    if entries:
        _AUDIT_INSERT.execute(session, entries)


def run_values(
    *,
    envelope: dict[str, Any],
    inputs: dict[str, Any],
    attempts: list[dict[str, Any]],
    prompt_hash: str,
    latency_ms: float,
) -> dict[str, Any]:
    """The columns of the run of a validated envelope (as JSON), secrets redacted, but for the
    campaign and who ran it: worked out before the write transaction (redacting a long envelope
    was a sixth of what recording a generation did while other writers waited)."""
    run_id = envelope["run_id"]
    if len(run_id) > 100:
        raise ValidationError("run_id is longer than 100 characters", field="run_id")
    meta = envelope["meta"]
    error = envelope.get("error")
    clean = redactor()
    return {
        "id": run_id,
        "module": envelope["module"],
        "status": envelope["status"],
        "inputs": redact_json(inputs, clean),
        "envelope": redact_json(envelope, clean),
        "attempts": redact_json(attempts, clean),
        "error": redact_json(error, clean) if error else None,
        "error_type": error["type"] if error else None,
        "provider": meta["provider"],
        "model": meta["model"],
        "tokens_in": int(meta["tokens_used"]["in"]),
        "tokens_out": int(meta["tokens_used"]["out"]),
        "cost_usd": None if meta.get("cost_usd") is None else float(meta["cost_usd"]),
        "latency_ms": float(latency_ms),
        "trace_id": meta["trace_id"],
        "prompt_hash": prompt_hash,
    }


def insert_run(session: Session, campaign: CampaignRow, values: dict[str, Any], *, actor: str,
               audits: list[dict[str, Any]] | None = None) -> RunRow:
    """Write the run (``run_values``) of ``campaign``, run by ``actor``, with its audit entry (or add
    that entry to ``audits``, for the caller to write with the others of its transaction); the row
    comes back for reading. Runs are never overwritten."""
    if _RUN_ID.scalar(session, {"id": values["id"]}) is not None:  # its id alone: a whole run is JSON to decode
        raise ConflictError(f"Run {values['id']!r} is already recorded; runs are never overwritten", field="run_id")
    row = RunRow(**values, campaign_id=campaign.id, created_by=actor, created_at=utcnow())
    # At table level, now (the deliverables that follow refer to it): the ORM's flush cost more.
    _RUN_INSERT.execute(session, {column: getattr(row, column) for column in _RUN_COLUMNS})
    entry = audit_values(
        actor=actor, action="run.recorded", entity_type="run", entity_id=row.id, to_state=row.status,
        details={"campaign": campaign.name, "module": row.module, "provider": row.provider,
                 "model": row.model, "error_type": row.error_type},
    )
    if audits is None:
        add_audits(session, [entry])
    else:
        audits.append(entry)
    return row


def call_values(
    *,
    prompt_hash: str,
    provider: str,
    model: str,
    status: str,
    run_id: str | None = None,
    tokens_in: int = 0,
    tokens_out: int = 0,
    cost_usd: float | None = 0.0,
    latency_ms: float = 0.0,
    error_type: str | None = None,
    trace_id: str | None = None,
) -> dict[str, Any]:
    """The columns of one call-log row: numbers and a prompt hash, never prompt text or a key."""
    if not _PROMPT_HASH.match(prompt_hash):
        raise ValidationError(
            "prompt_hash must be a hash (letters, digits, ':', '_' or '-'), never the prompt text",
            field="prompt_hash",
        )
    return {"run_id": run_id, "prompt_hash": prompt_hash, "provider": provider[:100], "model": model[:200],
            "tokens_in": int(tokens_in), "tokens_out": int(tokens_out),
            "cost_usd": None if cost_usd is None else float(cost_usd), "latency_ms": float(latency_ms),
            "status": status[:30], "error_type": error_type[:40] if error_type else None,
            "trace_id": trace_id[:100] if trace_id else None, "at": utcnow()}


def add_call(session: Session, **call: Any) -> CallRow:
    """Add one call-log row (``call_values``), as a row the session holds."""
    row = CallRow(**call_values(**call))
    session.add(row)
    return row


def add_calls(session: Session, calls: list[dict[str, Any]]) -> None:
    """Write call-log rows (``call_values``) with one statement."""
    if calls:
        _CALL_INSERT.execute(session, calls)
