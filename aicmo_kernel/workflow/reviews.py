"""Reviews other than an approval (``transitions``): requesting changes, revoking an approval,
commenting, and the client's approval at the client stage.

See the package docstring for the state diagram and the concurrency rules.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..errors import ValidationError, WorkflowError
from ..identity import Identity
from ..store import DeliverableView, ReviewEventView, Workspace
from ..store.inputs import validate_input
from ..store.models import DeliverableRow, ReviewEventRow, utcnow
from ..store.records import add_audit, find_campaign, find_deliverable, find_version
from ..store.views import deliverable_view, review_event_view
from .compare_and_set import _compare_and_set, _editable, _require_current
from .review_events import _acting, _actor_name, _add_review, _review_values, _ReviewInput
from .roles import authorize, brand_of, recorded_name

__all__ = ["add_comment", "client_approve", "request_changes", "revoke"]

_REVIEWABLE = ("draft", "revised", "approved")


def request_changes(
    ws: Workspace, deliverable_id: str, *, version: int, reviewer: str | Identity, comment: str
) -> DeliverableView:
    """Send ``version`` (the current one) back to the writers with a comment (required).

    Reviewers and admins; a client of the brand too, for an item waiting for the client."""
    if not isinstance(comment, str) or not comment.strip():
        raise ValidationError("comment: say what should change", field="comment")
    claimed = reviewer if isinstance(reviewer, Identity) else _actor_name(reviewer, "reviewer")
    with ws.transaction() as session:
        row = _editable(session, deliverable_id, "sent back")
        campaign = find_campaign(session, row.campaign_id)
        person = authorize(session, claimed, "view", campaign=campaign)
        if person.is_client:
            person.require("client_review", brand=brand_of(session, campaign).name)
            if row.client_state != "waiting":
                raise WorkflowError(f"{row.title!r} is not waiting for the client's review", field="deliverable_id")
        else:
            person.require("review")
        review = validate_input(_ReviewInput, {"reviewer": recorded_name(claimed, person), "comment": comment})
        _require_current(session, row, version)
        if row.state not in _REVIEWABLE:
            raise WorkflowError(f"Changes were already requested on {row.title!r}; add a comment instead",
                                field="deliverable_id")
        return _transition(session, row, review, "request_changes", "changes_requested", version)


def revoke(
    ws: Workspace, deliverable_id: str, *, reviewer: str | Identity, comment: str | None = None
) -> DeliverableView:
    """Withdraw the approval of an approved deliverable (and the client's, if any): reviewers and
    admins."""
    with ws.transaction() as session:
        row = _editable(session, deliverable_id, "revoked")
        review = validate_input(_ReviewInput, {"reviewer": _acting(session, row, reviewer, "review"),
                                               "comment": comment})
        if row.state != "approved":
            raise WorkflowError(f"{row.title!r} is {row.state.replace('_', ' ')}, not approved; "
                                "only an approval can be revoked", field="deliverable_id")
        source = find_version(session, row.id, row.current_version).source
        return _transition(session, row, review, "revoke", "draft" if source == "generated" else "revised",
                           row.current_version)


def add_comment(
    ws: Workspace, deliverable_id: str, *, reviewer: str | Identity, comment: str, version: int | None = None
) -> ReviewEventView:
    """Comment on a version (the current one by default) without changing the state."""
    if not isinstance(comment, str) or not comment.strip():
        raise ValidationError("comment: must not be blank", field="comment")
    with ws.transaction() as session:
        row = find_deliverable(session, deliverable_id)
        review = validate_input(_ReviewInput, {"reviewer": _acting(session, row, reviewer, "comment"),
                                               "comment": comment})
        version = row.current_version if version is None else find_version(session, row.id, version).version
        event = ReviewEventRow(**_review_values(row.id, "comment", review, version))
        session.add(event)
        add_audit(session, actor=review.reviewer, action="deliverable.commented", entity_type="deliverable",
                  entity_id=row.id, details={"version": version})
        session.flush()
        return review_event_view(event)


def client_approve(
    ws: Workspace, deliverable_id: str, *, version: int, reviewer: str | Identity, comment: str | None = None
) -> DeliverableView:
    """The client's approval of ``version``, the internally approved current version of an item
    waiting for the client (a campaign with the client stage). Only the brand's client users; the
    internal approval stays recorded beside it, and the client pack names both."""
    claimed = reviewer if isinstance(reviewer, Identity) else _actor_name(reviewer, "reviewer")
    with ws.transaction() as session:
        row = _editable(session, deliverable_id, "approved by the client")
        campaign = find_campaign(session, row.campaign_id, for_update=True)
        person = authorize(session, claimed, "client_review", campaign=campaign)
        review = validate_input(_ReviewInput, {"reviewer": recorded_name(claimed, person), "comment": comment})
        _require_current(session, row, version)
        if row.state != "approved" or row.client_state != "waiting":
            waiting = "it is not approved internally yet" if row.state != "approved" else (
                "the client approved it already" if row.client_state == "approved" else
                "its campaign has no client stage")
            raise WorkflowError(f"{row.title!r} is not waiting for the client: {waiting}", field="deliverable_id")
        now = utcnow()
        _compare_and_set(session, row, version, client_state="approved", client_version=version,
                         client_by=review.reviewer, client_at=now, updated_at=now)
        _add_review(session, row.id, "client_approve", review, version)
        add_audit(session, actor=review.reviewer, action="deliverable.client_approved", entity_type="deliverable",
                  entity_id=row.id, from_state="approved", to_state="approved",
                  details={"version": version, "stage": "client"})
        session.flush()
        return deliverable_view(session, find_deliverable(session, row.id))


def _transition(
    session: Session, row: DeliverableRow, review: _ReviewInput, action: str, to_state: str, version: int
) -> DeliverableView:
    from_state = row.state
    _compare_and_set(session, row, version, state=to_state, needs_review=False, needs_review_reason=None,
                     updated_by=review.reviewer, updated_at=utcnow(), client_state=None)
    _add_review(session, row.id, action, review, version)
    add_audit(session, actor=review.reviewer, action=f"deliverable.{action}", entity_type="deliverable",
              entity_id=row.id, from_state=from_state, to_state=to_state, details={"version": version})
    session.flush()
    return deliverable_view(session, find_deliverable(session, row.id))
