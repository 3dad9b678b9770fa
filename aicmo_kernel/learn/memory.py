"""Brand memory: short rules a brand's later prompts include (SPEC section 3, module 9).

A rule is one line of plain text ("Avoid the word 'synergy'; reviewers removed it 3 times"). Rules
are added by hand (``add_rule``, ``aicmo memory add``) or come from the learn module: when a
reviewer approves learn's ``memory_rules`` deliverable, the workflow calls
``activate_approved_rules`` inside the approval's transaction, and every numbered or bulleted
line of the approved text becomes an active rule (the reviewer's edits win over what the model
proposed). ``generation`` puts the brand's active rule texts into the brand record every module
receives, and the prompt's brand-rules block prints them.

Rules are never deleted: ``deactivate_rule`` switches one off and the audit log keeps both steps.
Revoking the approval of a ``memory_rules`` deliverable does not switch its rules off; do that
with ``deactivate_rule`` (``aicmo memory remove``).
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import bindparam, select

from ..errors import NotFoundError, ValidationError, WorkflowError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..store import Brand, Workspace
    from ..store.models import BrandMemoryRow

__all__ = [
    "MAX_RULE_CHARS",
    "MEMORY_RULES_KIND",
    "MemoryRule",
    "activate_approved_rules",
    "activate_rules_from_deliverable",
    "active_rule_texts",
    "add_rule",
    "check_rule_text",
    "deactivate_rule",
    "list_rules",
    "parse_rules",
]

MAX_RULE_CHARS = 500
MAX_EVIDENCE_CHARS = 20_000
MEMORY_RULES_KIND = "memory_rules"
_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:\d{1,3}[.)]|[-*+])[ \t]+(.+?)\s*$")


def check_rule_text(value: str) -> str:
    """A rule's text, stripped, or ValueError saying what is wrong (used by the pydantic models)."""
    text = value.strip()
    if not text:
        raise ValueError("must not be blank")
    if len(text) > MAX_RULE_CHARS:
        raise ValueError(f"is {len(text)} characters; a rule is at most {MAX_RULE_CHARS}")
    if _HTML_TAG.search(text):
        raise ValueError("must be plain text, not HTML (remove the <...> tags)")
    if "\n" in text or "\r" in text or _CONTROL.search(text):
        raise ValueError("must be one line of plain text")
    return text


def _evidence_size(value: dict[str, Any]) -> dict[str, Any]:
    try:
        size = len(json.dumps(value, default=str))
    except (TypeError, ValueError):
        raise ValueError("must be plain JSON data") from None
    if size > MAX_EVIDENCE_CHARS:
        raise ValueError(f"is too large ({size:,} characters of JSON; at most {MAX_EVIDENCE_CHARS:,})")
    return value


RuleText = Annotated[str, AfterValidator(check_rule_text)]


class _NewRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rule: RuleText
    source: Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[a-z][a-z0-9_:-]{0,29}$")]
    actor: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    evidence: Annotated[dict[str, Any], AfterValidator(_evidence_size)] = Field(default_factory=dict)


class MemoryRule(BaseModel):
    """A brand-memory rule as callers see it (never the ORM row)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    brand_id: str
    brand: str
    rule: str
    source: str
    evidence: dict[str, Any]
    active: bool
    created_by: str
    created_at: datetime


def _view(row: BrandMemoryRow, brand_name: str) -> MemoryRule:
    return MemoryRule(id=row.id, brand_id=row.brand_id, brand=brand_name, rule=row.rule, source=row.source,
                      evidence=dict(row.evidence or {}), active=row.active, created_by=row.created_by,
                      created_at=row.created_at)


def _brand_key(brand: str | Brand) -> str:
    return brand if isinstance(brand, str) else brand.id


def _same_rule(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def _insert_rule(session: Session, brand_id: str, brand_name: str, data: _NewRule) -> BrandMemoryRow:
    from ..store.models import BrandMemoryRow, utcnow
    from ..store.records import add_audit, new_id, redact_json

    row = BrandMemoryRow(id=new_id(), brand_id=brand_id, rule=data.rule, source=data.source,
                         evidence=redact_json(data.evidence), active=True, created_by=data.actor, created_at=utcnow())
    session.add(row)
    add_audit(session, actor=data.actor, action="memory_rule.added", entity_type="brand_memory_rule",
              entity_id=row.id, to_state="active",
              details={"brand": brand_name, "rule": data.rule, "source": data.source})
    return row


def _active_rows(session: Session, brand_id: str) -> list[Any]:
    """The brand's active rules, as read-only rows with ``BrandMemoryRow``'s attributes."""
    return _active_rows_statement().rows(session, {"brand_id": brand_id})


@lru_cache(maxsize=1)
def _active_rows_statement() -> Any:
    """Built once and run on the driver (every generation reads the brand's rules for its prompt);
    on first use, so that importing this module loads no models."""
    from ..store.direct import Direct
    from ..store.models import BrandMemoryRow

    return Direct(select(BrandMemoryRow)
                  .where(BrandMemoryRow.brand_id == bindparam("brand_id"), BrandMemoryRow.active.is_(True))
                  .order_by(BrandMemoryRow.created_at, BrandMemoryRow.id))


def add_rule(
    ws: Workspace,
    brand: str | Brand,
    rule: str,
    *,
    source: str,
    actor: str,
    evidence: dict[str, Any] | None = None,
) -> MemoryRule:
    """Add an active rule for ``brand`` (name, id or view); refuses a duplicate of an active rule.
    Under a hub only admins change brand rules, recorded under their signed-in name."""
    from ..identity import resolve_actor
    from ..store.inputs import validate_input
    from ..store.records import find_brand

    if not isinstance(rule, str):
        raise ValidationError("rule: give the rule as text", field="rule")
    data = validate_input(_NewRule, {"rule": rule, "source": source, "actor": actor, "evidence": evidence or {}})
    with ws.transaction() as session:
        brand_row = find_brand(session, _brand_key(brand))
        person = resolve_actor(data.actor, field="actor").require("brand_rules", brand=brand_row.name)
        data = data.model_copy(update={"actor": person.name})
        for existing in _active_rows(session, brand_row.id):
            if _same_rule(existing.rule, data.rule):
                raise ValidationError(
                    f"rule: {brand_row.name} already has this active rule (id {existing.id})", field="rule"
                )
        row = _insert_rule(session, brand_row.id, brand_row.name, data)
        session.flush()
        return _view(row, brand_row.name)


def list_rules(ws: Workspace, brand: str | Brand, *, active_only: bool = True) -> list[MemoryRule]:
    """The brand's rules, oldest first (inactive ones too when ``active_only`` is False)."""
    from ..store.models import BrandMemoryRow
    from ..store.records import find_brand

    with ws.reading() as session:
        brand_row = find_brand(session, _brand_key(brand))
        query = select(BrandMemoryRow).where(BrandMemoryRow.brand_id == brand_row.id)
        if active_only:
            query = query.where(BrandMemoryRow.active.is_(True))
        rows = session.scalars(query.order_by(BrandMemoryRow.created_at, BrandMemoryRow.id))
        return [_view(row, brand_row.name) for row in rows]


def active_rule_texts(ws: Workspace, brand: str | Brand) -> list[str]:
    """The texts of the brand's active rules, oldest first: what prompts include."""
    from ..store.records import find_brand

    with ws.reading() as session:
        return rule_texts_in(session, find_brand(session, _brand_key(brand)).id)


def rule_texts_in(session: Session, brand_id: str) -> list[str]:
    """``active_rule_texts`` inside a caller's session (``generate`` reads its context in one)."""
    return [row.rule for row in _active_rows(session, brand_id)]


def deactivate_rule(ws: Workspace, rule_id: str, actor: str) -> MemoryRule:
    """Switch a rule off (it stays on record); later prompts no longer include it (admins, under
    a hub)."""
    from ..identity import resolve_actor
    from ..store.models import BrandMemoryRow, BrandRow
    from ..store.records import add_audit

    if not isinstance(actor, str) or not actor.strip() or len(actor.strip()) > 200:
        raise ValidationError("actor: give a name of 1 to 200 characters", field="actor")
    if not isinstance(rule_id, str) or not rule_id.strip():
        raise ValidationError("rule_id: give the id of a rule (aicmo memory list shows them)", field="rule_id")
    with ws.transaction() as session:
        row = session.get(BrandMemoryRow, rule_id.strip())
        if row is None:
            raise NotFoundError(f"Unknown brand-memory rule {rule_id.strip()!r}", field="rule_id")
        brand_name = session.scalar(select(BrandRow.name).where(BrandRow.id == row.brand_id)) or ""
        actor = resolve_actor(actor.strip(), field="actor").require("brand_rules", brand=brand_name).name
        if not row.active:
            raise WorkflowError(f"Rule {row.id} of {brand_name} is already inactive", field="rule_id")
        row.active = False
        add_audit(session, actor=actor.strip(), action="memory_rule.deactivated", entity_type="brand_memory_rule",
                  entity_id=row.id, from_state="active", to_state="inactive",
                  details={"brand": brand_name, "rule": row.rule})
        session.flush()
        return _view(row, brand_name)


def parse_rules(markdown: str) -> list[str]:
    """The rules of a ``memory_rules`` text: every top-level numbered or bulleted line, in order.

    Indented lines under a rule ("Why: ...", "Evidence: ...") are notes, not rules.
    """
    rules: list[str] = []
    fenced = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        match = None if fenced else _LIST_ITEM.match(line)
        if match:
            text = match.group(1).strip()
            if text and not any(_same_rule(text, seen) for seen in rules):
                rules.append(text)
    return rules


def _evidence_for(rule: str, metadata: dict[str, Any]) -> dict[str, Any]:
    for proposed in metadata.get("rules") or []:
        if isinstance(proposed, dict) and _same_rule(str(proposed.get("rule", "")), rule):
            return {"proposed": True, "why": proposed.get("why"), "evidence": proposed.get("evidence_statements")
                    or proposed.get("evidence") or []}
    return {"proposed": False, "note": "written or reworded by the reviewer"}


def activate_approved_rules(session: Session, deliverable_id: str, version: int, actor: str) -> list[str]:
    """The workflow's approval hook (same transaction): turn an approved ``memory_rules``
    deliverable's rules into active brand-memory rules. Does nothing for other kinds.

    Rules already active for the brand are skipped, so approving again adds only new lines.
    A line that is not a valid rule refuses the approval, naming the line. So does an approval
    made by an autonomy policy: rules change every later prompt of the brand, so a person decides.
    """
    from ..store.models import BrandRow, CampaignRow, DeliverableRow, ReviewEventRow
    from ..store.records import find_version

    row = session.get(DeliverableRow, deliverable_id)
    if row is None or row.kind != MEMORY_RULES_KIND or row.module != "learn":
        return []
    approval = session.scalar(
        select(ReviewEventRow)
        .where(ReviewEventRow.deliverable_id == row.id, ReviewEventRow.action == "approve")
        .order_by(ReviewEventRow.id.desc())
        .limit(1)
    )
    text = find_version(session, row.id, version).content_markdown
    # A policy may approve a list that proposes nothing (it activates nothing); rules themselves
    # reach every later prompt of the brand, so a person decides on them.
    if approval is not None and approval.by_policy and parse_rules(text):
        raise WorkflowError(
            f"{row.title!r} needs a person's approval: brand-memory rules reach every later prompt of the "
            f"brand, so {approval.by_policy} may not approve them",
            field="by_policy",
        )
    campaign = session.get(CampaignRow, row.campaign_id)
    brand = session.get(BrandRow, campaign.brand_id) if campaign else None
    if campaign is None or brand is None:
        return []
    active = [r.rule for r in _active_rows(session, brand.id)]
    added: list[str] = []
    for number, rule in enumerate(parse_rules(text), 1):
        try:
            check_rule_text(rule)
        except ValueError as exc:
            raise ValidationError(
                f"content_markdown: rule {number} cannot become a brand-memory rule: it {exc}", field="content_markdown"
            ) from None
        if any(_same_rule(rule, existing) for existing in active):
            continue
        evidence = {"deliverable_id": row.id, "version": version, "campaign": campaign.name,
                    **_evidence_for(rule, dict(row.meta or {}))}
        _insert_rule(session, brand.id, brand.name,
                     _NewRule(rule=rule, source="learn", actor=actor, evidence=evidence))
        active.append(rule)
        added.append(rule)
    return added


def activate_rules_from_deliverable(ws: Workspace, deliverable_id: str, actor: str) -> list[str]:
    """Activate the rules of an approved ``memory_rules`` deliverable (idempotent); the workflow
    does this on approval, so this is for repairs and scripts. Returns the rules added."""
    from ..store.records import find_deliverable

    with ws.transaction() as session:
        row = find_deliverable(session, deliverable_id)
        if row.kind != MEMORY_RULES_KIND or row.module != "learn":
            raise ValidationError(
                f"deliverable {deliverable_id} is a {row.kind!r}, not learn's {MEMORY_RULES_KIND!r}",
                field="deliverable_id",
            )
        if row.state != "approved" or row.approved_version is None:
            raise WorkflowError(f"{row.title!r} is {row.state.replace('_', ' ')}; approve it first",
                                field="deliverable_id")
        return activate_approved_rules(session, row.id, row.approved_version, actor)
