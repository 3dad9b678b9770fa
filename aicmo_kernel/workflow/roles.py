"""Roles in the workflow: who may make a transition, checked inside its transaction.

``identity`` says who is signed in and what each role may do; this module applies that to the
workspace's rows: the brand an item belongs to (a client acts only within their brands), the
brand's four-eyes rule (nobody approves a version they wrote), and the kinds whose approval
changes a rule (an autonomy policy document, brand-memory rules: admins only). It also holds the
review settings an admin changes: ``set_four_eyes`` per brand, ``set_client_review`` per
campaign. Every transition in ``transitions`` and ``policy`` calls ``authorize`` first, so the
widgets and the CLI cannot differ from each other on who may do what.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import PermissionDeniedError
from ..identity import Identity, Permission, is_policy_actor, resolve_actor
from ..store import Brand, Campaign, Workspace
from ..store.models import BrandRow, CampaignRow, DeliverableRow, VersionRow, utcnow
from ..store.records import add_audit, brand_record, campaign_for_change, find_brand
from ..store.views import brand_view, campaign_view

__all__ = [
    "RULE_KINDS",
    "authorize",
    "brand_of",
    "check_four_eyes",
    "recorded_name",
    "set_client_review",
    "set_four_eyes",
]

# Approving these changes what later runs are allowed or told, so it takes the named permission.
RULE_KINDS: dict[str, Permission] = {"autonomy_policy": "set_policy", "memory_rules": "brand_rules"}


def brand_of(session: Session, campaign: Any) -> Any:
    """The campaign's brand, read-only (``records.brand_record``)."""
    return brand_record(session, campaign.brand_id)


def authorize(
    session: Session, claimed: str | Identity | None, permission: Permission, *, campaign: CampaignRow,
    field: str = "reviewer", strict: bool = True,
) -> Identity:
    """The person acting (``identity.resolve_actor``), if they may do ``permission`` on the
    campaign's brand; else ``PermissionDeniedError``."""
    person = resolve_actor(claimed, field=field, strict=strict)
    return person.require(permission, brand=brand_of(session, campaign).name)


def recorded_name(claimed: str | Identity | None, person: Identity) -> str:
    """What the rows record: the policy's name for a policy's action, else the person's."""
    if isinstance(claimed, str) and is_policy_actor(claimed.strip()):
        return claimed.strip()
    return person.name


def check_four_eyes(session: Session, brand: BrandRow, row: DeliverableRow, version: int, person: Identity) -> None:
    """With the brand's four-eyes rule on, refuse an approval by the author of that version."""
    if not brand.four_eyes:
        return
    author = session.scalar(select(VersionRow.author).where(VersionRow.deliverable_id == row.id,
                                                          VersionRow.version == version))
    if author == person.name:
        raise PermissionDeniedError(
            f"{brand.name} has the four-eyes rule: {person.name} wrote version {version} of {row.title!r} "
            "and cannot approve it; another reviewer must", field="reviewer",
            details={"permission": "four_eyes", "author": author})


def set_four_eyes(ws: Workspace, brand: str, *, enabled: bool, actor: str | Identity | None) -> Brand:
    """Turn the brand's four-eyes rule on or off (admins; audited)."""
    with ws.transaction() as session:
        row = find_brand(session, brand)
        person = resolve_actor(actor, field="actor").require("brand_rules", brand=row.name)
        before, row.four_eyes, row.updated_at = bool(row.four_eyes), bool(enabled), utcnow()
        add_audit(session, actor=person.name, action="brand.four_eyes", entity_type="brand", entity_id=row.id,
                  details={"before": before, "after": bool(enabled)})
        session.flush()
        return brand_view(row)


def set_client_review(ws: Workspace, campaign: str, *, enabled: bool, actor: str | Identity | None) -> Campaign:
    """Turn the campaign's client stage on or off (admins; audited). Items approved from then on
    wait for the client; turning it off leaves recorded client approvals as they are."""
    with ws.transaction() as session:
        row = campaign_for_change(session, campaign)
        brand = brand_of(session, row)
        person = resolve_actor(actor, field="actor").require("brand_rules", brand=brand.name)
        before, row.client_review, row.updated_at = bool(row.client_review), bool(enabled), utcnow()
        add_audit(session, actor=person.name, action="campaign.client_review", entity_type="campaign",
                  entity_id=row.id, details={"before": before, "after": bool(enabled)})
        if enabled:  # what is approved already waits for the client from now on
            for item in session.scalars(select(DeliverableRow).where(
                    DeliverableRow.campaign_id == row.id, DeliverableRow.state == "approved",
                    DeliverableRow.client_state.is_(None))):
                item.client_state = "waiting"
        session.flush()
        return campaign_view(row, brand.name)
