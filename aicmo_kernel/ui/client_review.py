"""What a brand's client sees: their brand's items waiting for their approval, nothing else.

A client signs in through JupyterHub (group ``client-<brand>``) and gets this page instead of the
reviewers' queue (``ui.review_queue`` chooses). Everything it reads is narrowed to the client's
brands before it is read: the list (``store.queue.client_items``), the item opened (refused
unless it is in that list), and the client packs offered (their campaigns with the client stage
only). The approval bar calls ``workflow.client_approve`` / ``request_changes``, which check the
brand again, so a forged id from the browser reaches nothing either.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from .approval import ApprovalBar, ReviewerField
from .errors import MessageBox, guard
from .exports import ExportBar
from .helpers import readable_text, render_preview

if TYPE_CHECKING:
    from ..store.queue import QueueItem
    from .services import Services

__all__ = ["ClientReview"]

_STAGE_LABELS = {"waiting": "waiting for your approval", "approved": "approved by you"}


class ClientReview(widgets.VBox):
    """The client's page over ``services`` (whose identity is a client's)."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.items: list[QueueItem] = []
        self.approval: ApprovalBar | None = None
        self.reviewer = ReviewerField(services.reviewer, identity=services.identity)
        self.list = widgets.Select(description="Items", rows=10, layout=widgets.Layout(width="100%"))
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh")
        self.summary = widgets.HTML()
        self.message = MessageBox()
        self.detail = widgets.VBox()
        self.pack_campaign = widgets.Dropdown(description="Client pack", layout=widgets.Layout(width="auto"))
        self.pack = ExportBar(services, campaign=None, formats=("zip",))
        self.pack.prepare_button.description = "Prepare client pack"
        self.pack.prepare_button.disabled = True  # until one of the client's campaigns is chosen
        self._quiet = False
        self.list.observe(lambda _c: self._selection_changed(), names="value")
        self.pack_campaign.observe(lambda _c: self._pack_changed(), names="value")
        self.refresh_button.on_click(guard(self.message, "refreshing")(lambda _b: self.refresh()))
        super().__init__([self.reviewer, self.summary, widgets.HBox([self.list, self.refresh_button]),
                          self.message, self.detail, widgets.HTML("<hr>"), self.pack_campaign, self.pack])
        guard(self.message, "reading your items")(self.refresh)()

    @property
    def brands(self) -> list[str]:
        """The names of the brands this client may see (from their hub groups)."""
        identity = self.services.identity
        return [brand.name for brand in self.services.workspace.list_brands()
                if identity is not None and identity.sees_brand(brand.name)]

    def refresh(self) -> None:
        from ..modules.phrasebook import counted
        from ..store.queue import client_items

        self.items = client_items(self.services.workspace, self.brands)
        waiting = sum(1 for item in self.items if item.state == "waiting")
        self.summary.value = (counted("en", waiting, "{count} item waits for your approval.",
                                      "{count} items wait for your approval.") if self.items
                              else "Nothing waits for your approval yet.")
        selected = self.list.value
        self._quiet = True
        try:
            self.list.options = [(f"{i.campaign} · {i.title} [{_STAGE_LABELS[i.state]}]", i.id) for i in self.items]
            self.list.value = selected if any(i.id == selected for i in self.items) else None
            campaigns = sorted({item.campaign for item in self.items})
            chosen = self.pack_campaign.value
            self.pack_campaign.options = [("choose a campaign", "")] + [(c, c) for c in campaigns]
            self.pack_campaign.value = chosen if chosen in campaigns else ""
        finally:
            self._quiet = False
        if self.approval is not None and self.approval.deliverable_id in {i.id for i in self.items}:
            guard(self.approval.message, "reloading the review state")(self.approval.refresh)()

    def _selection_changed(self) -> None:
        if not self._quiet and self.list.value:
            guard(self.message, "opening the item")(self.select)(self.list.value)

    def select(self, deliverable_id: str) -> None:
        """Open one of the client's items: its text and the client's approval bar."""
        from ..errors import NotFoundError

        if deliverable_id not in {item.id for item in self.items}:
            raise NotFoundError("That item is not one of yours.", field="deliverable_id")
        item = self.services.workspace.get_deliverable(deliverable_id)
        self.approval = ApprovalBar(self.services, deliverable_id, reviewer=self.reviewer, show_reviewer=False)
        self.approval.on_change(lambda _done: self.refresh())
        self.detail.children = [widgets.HTML(f"<hr><small>{html.escape(item.campaign)}</small>"),
                                widgets.HTML(render_preview(readable_text(self.services.workspace, item))),
                                self.approval]

    def _pack_changed(self) -> None:
        if self._quiet:
            return
        campaign = self.pack_campaign.value or None
        # Only a campaign from the client's own list can be chosen (the options are built from it).
        self.pack.campaign = campaign if campaign in {item.campaign for item in self.items} else None
        self.pack.clear()
        self.pack.prepare_button.disabled = self.pack.campaign is None
