"""What waits for a reviewer: the review queue's pages, counts and single items, and the
``aicmo review`` listing, as light queries (no content).

"Waiting for a reviewer" is defined once, here and in ``models.WAITING_SQL`` (the predicate of
the partial index ``ix_deliverables_waiting``, repeated verbatim so the planner uses it): drafts,
revised versions, items sent back, and approved items flagged ``needs_review`` because their
upstream changed. The counts are the database's own (``queue_counts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .workspace import Workspace

__all__ = ["QUEUE_STATES", "QueueItem", "client_items", "waiting_counts", "waiting_item", "waiting_items", "waiting_page"]

# What waits for a reviewer; "needs_review" is an approved deliverable whose upstream changed.
QUEUE_STATES = ("draft", "revised", "changes_requested", "needs_review")


@dataclass(frozen=True)
class QueueItem:
    """One waiting deliverable, without its text (the queue lists many; text loads on select)."""

    id: str
    campaign: str
    module: str
    kind: str
    title: str
    platform: str | None
    state: str  # a QUEUE_STATES value
    current_version: int
    updated_by: str
    updated_at: datetime
    position: int = 0  # within its generation: the keyset's tie-break among items generated together

    @property
    def label(self) -> str:
        state = self.state.replace("_", " ")
        return f"{self.campaign} · {self.module} · {self.title} [{state}, v{self.current_version}]"


def _item_columns() -> list[Any]:
    from .models import CampaignRow, DeliverableRow

    return [DeliverableRow.id, CampaignRow.name, DeliverableRow.module, DeliverableRow.kind,
            DeliverableRow.title, DeliverableRow.platform, DeliverableRow.state,
            DeliverableRow.current_version, DeliverableRow.updated_by, DeliverableRow.updated_at,
            DeliverableRow.position]


def _queue_item(row: Any) -> QueueItem:
    # A waiting row in state "approved" is one flagged needs_review (see WAITING_SQL).
    return QueueItem(id=row[0], campaign=row[1], module=row[2], kind=row[3], title=row[4], platform=row[5],
                     state="needs_review" if row[6] == "approved" else row[6], current_version=row[7],
                     updated_by=row[8], updated_at=row[9], position=row[10])


def _waiting_select(*columns: Any, campaign: str | None = None, module: str | None = None,
                    state: str | None = None) -> Any:
    """SELECT ``columns`` over the waiting rows joined to their campaign, narrowed by the filters.

    The predicate is ``WAITING_SQL`` verbatim, so the planner can use the partial index
    ``ix_deliverables_waiting``."""
    from sqlalchemy import select, text

    from .models import WAITING_SQL, CampaignRow, DeliverableRow

    query = (select(*columns).join(CampaignRow, CampaignRow.id == DeliverableRow.campaign_id)
             .where(text(f"({WAITING_SQL})")))
    if campaign is not None:
        query = query.where(CampaignRow.name == campaign)
    if module is not None:
        query = query.where(DeliverableRow.module == module)
    if state is not None:
        query = query.where(DeliverableRow.state == ("approved" if state == "needs_review" else state))
    return query


def waiting_items(ws: Workspace, *, campaign: str | None = None, module: str | None = None) -> list[QueueItem]:
    """Everything waiting for a reviewer (in ``campaign`` and ``module`` when given), in one query.

    Drafts, revised versions, items sent back, and approved items flagged ``needs_review``;
    ordered by campaign, module order, then as generated. Reads every waiting row, so it grows
    with the workspace: the review queue pages with ``waiting_page`` and counts with
    ``waiting_counts`` instead (this listing remains the benchmark's baseline)."""
    from .models import CampaignRow, DeliverableRow

    query = _waiting_select(*_item_columns(), campaign=campaign, module=module).order_by(
        CampaignRow.name, DeliverableRow.created_at, DeliverableRow.position, DeliverableRow.id)
    with ws.reading() as session:
        items = [_queue_item(row) for row in session.execute(query).all()]
    order = {name: index for index, name in enumerate(_module_order())}
    items.sort(key=lambda item: (item.campaign, order.get(item.module, 99)))  # stable: keeps SQL order
    return items


def waiting_page(
    ws: Workspace, *, limit: int = 50, after: QueueItem | None = None, offset: int = 0,
    campaign: str | None = None, module: str | None = None, state: str | None = None,
) -> list[QueueItem]:
    """One page of the queue, longest-waiting first (oldest ``updated_at``), after ``after``.

    ``campaign`` (a name), ``module`` and ``state`` (a ``QUEUE_STATES`` value) narrow it in SQL.
    The query repeats the predicate of the partial index ``ix_deliverables_waiting`` verbatim and
    orders by its columns (``position`` only breaks ties among items generated together), so a
    page costs the same at 1,000 deliverables as at 100,000. Page on with ``after`` (keyset: no
    OFFSET that grows with the page number); ``offset`` serves a jump to a page with no known
    predecessor, and costs an index walk of that many rows."""
    from sqlalchemy import tuple_

    from .models import DeliverableRow

    order = (DeliverableRow.updated_at, DeliverableRow.position, DeliverableRow.id)
    query = (_waiting_select(*_item_columns(), campaign=campaign, module=module, state=state)
             .order_by(*order).limit(max(1, int(limit))))
    if after is not None:
        query = query.where(tuple_(*order) > tuple_(after.updated_at, after.position, after.id))
    if offset > 0:
        query = query.offset(int(offset))
    with ws.reading() as session:
        return [_queue_item(row) for row in session.execute(query).all()]


def waiting_counts(ws: Workspace) -> dict[tuple[str, str, str], int]:
    """How many items wait, per (campaign name, module, state), for every combination that has any.

    Read from the counts the database keeps (``store.queue_counts``, migration 0005), so it costs
    as many rows as there are combinations (a few per campaign), not one per waiting item. What
    the filters show is ``store.queue_counts.filter_counts``, which the database sums."""
    from .queue_counts import waiting_counts as stored_counts

    return stored_counts(ws)


def waiting_item(ws: Workspace, deliverable_id: str) -> QueueItem | None:
    """One deliverable as the queue lists it; None when it does not wait for a reviewer."""
    from .models import DeliverableRow

    query = _waiting_select(*_item_columns()).where(DeliverableRow.id == deliverable_id)
    with ws.reading() as session:
        row = session.execute(query).first()
    return None if row is None else _queue_item(row)


def client_items(ws: Workspace, brands: list[str] | tuple[str, ...]) -> list[QueueItem]:
    """What a brand's client reviews: the items of campaigns with the client stage, of ``brands``
    only (names), approved inside the agency and waiting for the client or approved by them.
    ``state`` is the client stage: ``waiting`` or ``approved``. Nothing of another brand is read."""
    from sqlalchemy import select

    from .models import BrandRow, CampaignRow, DeliverableRow

    if not brands:
        return []
    query = (select(*_item_columns()[:6], DeliverableRow.client_state, *_item_columns()[7:])
             .join(CampaignRow, CampaignRow.id == DeliverableRow.campaign_id)
             .join(BrandRow, BrandRow.id == CampaignRow.brand_id)
             .where(BrandRow.name.in_(list(brands)), CampaignRow.client_review.is_(True),
                    DeliverableRow.state == "approved", DeliverableRow.client_state.in_(("waiting", "approved")))
             .order_by(CampaignRow.name, DeliverableRow.created_at, DeliverableRow.position, DeliverableRow.id))
    with ws.reading() as session:
        rows = session.execute(query).all()
    return [QueueItem(id=r[0], campaign=r[1], module=r[2], kind=r[3], title=r[4], platform=r[5], state=r[6],
                      current_version=r[7], updated_by=r[8], updated_at=r[9], position=r[10]) for r in rows]


def _module_order() -> list[str]:
    from ..registry import module_names

    return module_names()
