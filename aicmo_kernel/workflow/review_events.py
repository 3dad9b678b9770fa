"""Who acted and what a review records: the name recorded for the person acting (checked by
``roles.authorize``), the review input, and the review events, written at table level.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import insert
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..identity import Identity
from ..store.direct import Direct
from ..store.inputs import ActorName, LongText
from ..store.models import DeliverableRow, ReviewEventRow, utcnow
from ..store.records import find_campaign
from .roles import authorize, recorded_name


class _ReviewInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reviewer: ActorName
    comment: LongText | None = None
    by_policy: str | None = Field(default=None, min_length=1, max_length=100)


def _actor_name(value: str, field: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 200:
        raise ValidationError(f"{field}: give a name of 1 to 200 characters", field=field)
    return value.strip()


def _acting(session: Session, row: DeliverableRow, claimed: str | Identity, permission: Any, *,
            field: str = "reviewer") -> str:
    """The name to record for ``claimed`` doing ``permission`` on ``row`` (``roles.authorize``)."""
    if not isinstance(claimed, Identity):
        claimed = _actor_name(claimed, field)
    campaign = find_campaign(session, row.campaign_id)
    return recorded_name(claimed, authorize(session, claimed, permission, campaign=campaign, field=field))


def _add_review(session: Session, deliverable_id: str, action: str, review: _ReviewInput, version: int | None) -> None:
    """Write the review event now, at table level (as ``add_audit`` does)."""
    _add_reviews(session, [_review_values(deliverable_id, action, review, version)])


def _add_reviews(session: Session, events: list[dict[str, Any]]) -> None:
    """Write review events (``_review_values``) with one statement."""
    _REVIEW_INSERT.execute(session, events)


def _review_values(deliverable_id: str, action: str, review: _ReviewInput, version: int | None) -> dict[str, Any]:
    return {"deliverable_id": deliverable_id, "action": action, "actor": review.reviewer, "version": version,
            "comment": review.comment, "by_policy": review.by_policy, "at": utcnow()}


_REVIEW_INSERT = Direct(insert(ReviewEventRow.__table__))
