"""The reviewers' queue: everything waiting, across campaigns and modules, filterable.

Waiting means draft, revised, changes requested, or approved but flagged for review because an
upstream deliverable changed. The queue reads only what it shows: the filter labels, which the
database sums from the counts its triggers keep (``filter_counts``: a row per campaign, module and
state), and the visible page (longest-waiting first) from one keyset query with the filters applied
in SQL. Selecting an item shows its preview, the draft editor, the approval bar and the history;
Refresh re-reads the workspace, so changes made by other kernels (analysts, the CLI) appear.

Below the detail, the client pack of the campaign being reviewed (the one chosen in the filter,
else the one of the open draft) can be downloaded: the zip of its approved deliverables with a
checksummed manifest, built on click. Whenever the queue re-reads the workspace the prepared link
is dropped, since an approval may have changed what the pack holds.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ..store.queue import QUEUE_STATES, QueueItem, waiting_item, waiting_page
from .approval import ApprovalBar, ReviewerField
from .editor import DraftEditor
from .errors import MessageBox, build_or_explain, guard
from .exports import ExportBar
from .helpers import readable_text, render_preview

if TYPE_CHECKING:
    from .services import Services

__all__ = ["ReviewQueue", "review_queue"]

_STATE_LABELS = {"draft": "draft", "revised": "revised", "changes_requested": "changes requested",
                 "needs_review": "approved, needs review"}


class ReviewQueue(widgets.VBox):
    """The queue over ``services.workspace``; ``page_size`` items are listed at a time.

    ``visible`` holds the current page, ``total`` how many items match the filters and
    ``waiting_total`` how many wait in all (both as of the last Refresh)."""

    def __init__(self, services: Services, *, page_size: int = 50) -> None:
        self.services = services
        self.page_size = max(1, page_size)
        self.page = 0
        self.visible: list[QueueItem] = []
        self.total = 0
        self.waiting_total = 0
        self._page_starts: dict[int, QueueItem] = {}  # page -> the item before it (keyset cursor)
        self.selected: QueueItem | None = None
        self.open_campaign: str | None = None  # the campaign of the deliverable shown in the detail
        self.editor: DraftEditor | None = None
        self.approval: ApprovalBar | None = None
        self._quiet = False

        self.reviewer = ReviewerField(services.reviewer, identity=services.identity)
        self.campaign_filter = widgets.Dropdown(description="Campaign", layout=widgets.Layout(width="auto"))
        self.module_filter = widgets.Dropdown(description="Module", layout=widgets.Layout(width="auto"))
        self.state_filter = widgets.Dropdown(description="State", layout=widgets.Layout(width="auto"))
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh")
        self.list = widgets.Select(description="Waiting", rows=12, layout=widgets.Layout(width="100%"))
        auto = widgets.Layout(width="auto")
        self.previous_button = widgets.Button(description="Previous", icon="chevron-left", layout=auto)
        self.next_button = widgets.Button(description="Next", icon="chevron-right", layout=auto)
        self.page_label = widgets.HTML()
        self.message = MessageBox()
        self.detail = widgets.VBox()
        self.preview = widgets.HTML()
        self.pack_title = widgets.HTML()
        self.pack: ExportBar | None = None  # built by _show_pack; offers pack_campaign's pack
        self.pack_box = widgets.VBox()

        for dropdown in (self.campaign_filter, self.module_filter, self.state_filter):
            dropdown.observe(lambda _c: self._filters_changed(), names="value")
        self.list.observe(lambda _c: self._selection_changed(), names="value")
        self.refresh_button.on_click(guard(self.message, "refreshing the queue")(lambda _b: self.refresh()))
        self.previous_button.on_click(guard(self.message, "paging the queue")(lambda _b: self.go_to_page(self.page - 1)))
        self.next_button.on_click(guard(self.message, "paging the queue")(lambda _b: self.go_to_page(self.page + 1)))
        super().__init__([
            self.reviewer,
            widgets.HBox([self.campaign_filter, self.module_filter, self.state_filter, self.refresh_button]),
            self.list,
            widgets.HBox([self.previous_button, self.next_button, self.page_label]),
            self.message, self.detail, self.pack_box,
        ])
        guard(self.message, "reading the queue")(self.refresh)()

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        """Re-read the counts and the current page; keeps the filters, the page number and, if
        still waiting, the selection."""
        self._apply_filters(keep_page=True)
        if self.approval is not None:
            guard(self.approval.message, "reloading the review state")(self.approval.refresh)()
        self._show_pack(renew=True)

    @property
    def filters(self) -> dict[str, str | None]:
        """The chosen campaign, module and state; None where the filter says "All"."""
        return {"campaign": self.campaign_filter.value or None, "module": self.module_filter.value or None,
                "state": self.state_filter.value or None}

    @property
    def page_count(self) -> int:
        return max(1, -(-self.total // self.page_size))

    def _filter_options(self) -> None:
        """Options with counts, each filter's under the other two (summed by the database:
        ``filter_counts``); also sets ``total`` and ``waiting_total``."""
        from ..registry import module_names
        from ..store.queue_counts import filter_counts

        current = self.filters
        found = filter_counts(self.services.workspace, **current)
        self.total, self.waiting_total = found.total, found.waiting_total

        def options(everything: str, counts: dict[str, int], values: list[str], chosen: str | None,
                    label: Callable[[str], str]) -> list[Any]:
            # "All" is "" rather than None: a browser shows a Dropdown whose value is None as blank.
            return [(f"{everything} ({sum(counts.values())})", _ALL)] + [
                (f"{label(v)} ({counts.get(v, 0)})", v) for v in values if v in counts or v == chosen
            ]

        campaigns = sorted(found.campaigns.keys() | ({current["campaign"]} - {None}))
        self._quiet = True
        try:
            for dropdown, kind, everything, counts, values, label in (
                (self.campaign_filter, "campaign", "All campaigns", found.campaigns, campaigns, str),
                (self.module_filter, "module", "All modules", found.modules, module_names(), str),
                (self.state_filter, "state", "All states", found.states, list(QUEUE_STATES),
                 lambda s: _STATE_LABELS[s]),
            ):
                dropdown.options = options(everything, counts, values, current[kind], label)
                dropdown.value = current[kind] or _ALL
        finally:
            self._quiet = False

    def _apply_filters(self, *, keep_page: bool = False) -> None:
        self._filter_options()
        self._page_starts = {}  # the rows moved or the filters changed: earlier cursors no longer hold
        if not keep_page:
            self.page = 0
        self.go_to_page(self.page)

    def _filters_changed(self) -> None:
        if not self._quiet:
            guard(self.message, "filtering the queue")(self._apply_filters)()
            self._show_pack()

    def go_to_page(self, page: int) -> None:
        """Read and show one page: by keyset after the previous page's last item when that is
        known (Next, Previous), else by a bounded OFFSET (after Refresh or a filter change)."""
        self.page = max(0, min(page, self.page_count - 1))
        after = self._page_starts.get(self.page)
        offset = 0 if self.page == 0 or after is not None else self.page * self.page_size
        self.visible = waiting_page(self.services.workspace, limit=self.page_size, after=after,
                                    offset=offset, **self.filters)
        if len(self.visible) == self.page_size:
            self._page_starts[self.page + 1] = self.visible[-1]
        self._show_page()

    def _show_page(self) -> None:
        visible = self.visible
        selected = self.selected.id if self.selected else None
        self._quiet = True
        try:
            self.list.options = [(item.label, item.id) for item in visible]
            self.list.value = selected if any(i.id == selected for i in visible) else None
        finally:
            self._quiet = False
        if self.total:
            start = self.page * self.page_size + 1
            end = start + len(visible) - 1
            self.page_label.value = (f"showing {start}–{end} of {self.total} · "
                                     f"page {self.page + 1} of {self.page_count}")
        else:
            empty = "Nothing matches these filters." if self.waiting_total else "Nothing waits for review."
            self.page_label.value = empty
        self.previous_button.disabled = self.page == 0
        self.next_button.disabled = self.page >= self.page_count - 1

    # ------------------------------------------------------------------ detail

    def _selection_changed(self) -> None:
        if not self._quiet and self.list.value:
            guard(self.message, "opening the deliverable")(self.select)(self.list.value)

    def select(self, deliverable_id: str) -> None:
        """Show the preview, editor, approval bar and history of one deliverable."""
        self.selected = waiting_item(self.services.workspace, deliverable_id)  # None once not waiting
        if self.list.value != deliverable_id and any(i.id == deliverable_id for i in self.visible):
            self._quiet = True
            self.list.value = deliverable_id
            self._quiet = False
        item = self.services.workspace.get_deliverable(deliverable_id)
        self.open_campaign = item.campaign
        self.editor = DraftEditor(self.services, deliverable_id, reviewer=self.reviewer)
        self.approval = ApprovalBar(self.services, deliverable_id, reviewer=self.reviewer, show_reviewer=False)
        self.editor.on_saved(lambda _saved: self._after_change())
        self.approval.on_change(lambda _done: self._after_change(reload_editor=True))
        self.preview.value = render_preview(readable_text(self.services.workspace, item))
        tabs = widgets.Tab(children=[self.preview, self.editor], titles=("Read", "Edit and history"))
        where = f"{html.escape(item.campaign)} · {html.escape(item.module)}"
        self.detail.children = [widgets.HTML(f"<hr><small>{where}</small>"), tabs, self.approval]
        self._show_pack()

    def _after_change(self, *, reload_editor: bool = False) -> None:
        if self.editor is not None:
            if reload_editor and self.editor.text.value == self.editor.loaded_text:
                self.editor.load()
            self.preview.value = render_preview(readable_text(self.services.workspace, self.editor.item,
                                                              self.editor.loaded_text))
        self.refresh()

    # ------------------------------------------------------------------ client pack

    @property
    def pack_campaign(self) -> str | None:
        """Whose client pack is offered: the campaign chosen in the filter, else the open draft's."""
        return self.filters["campaign"] or self.open_campaign

    def _show_pack(self, *, renew: bool = False) -> None:
        """Offer the pack of ``pack_campaign``. The prepared link is dropped when the campaign
        changed or, with ``renew``, because the workspace was re-read. The bar itself stays (a
        click already on its way still lands, and the keyboard focus stays on its button)."""
        campaign = self.pack_campaign
        if self.pack is None:
            self.pack = ExportBar(self.services, campaign=campaign, formats=("zip",))
            self.pack.prepare_button.description = "Prepare client pack"
            self.pack_box.children = [self.pack_title, self.pack]
        elif campaign == self.pack.campaign and not renew:
            return
        self.pack.campaign = campaign
        self.pack.clear()
        button = self.pack.prepare_button
        button.disabled = campaign is None
        if campaign:
            button.tooltip = f"Build the client pack of {campaign}: its approved deliverables only"
            self.pack_title.value = (
                f"<hr><b>Client pack</b> of <b>{html.escape(campaign)}</b>: a zip with the approved "
                "deliverables only (their approved versions) and a manifest with a checksum for each "
                "file. Drafts still waiting are left out.")
        else:
            button.tooltip = "Choose a campaign first"
            self.pack_title.value = ("<hr><b>Client pack</b>: choose a campaign above, or open a draft, "
                                     "to download its pack of approved deliverables.")

    def counts(self) -> dict[str, dict[str | None, int]]:
        """The counts the filter labels show, as data: filter -> value -> count."""
        return {
            name: {value or None: int(label.rsplit("(", 1)[1].rstrip(")")) for label, value in dropdown.options}
            for name, dropdown in (("campaign", self.campaign_filter), ("module", self.module_filter),
                                   ("state", self.state_filter))
        }


_ALL = ""  # the value of a filter's "All ..." option


def review_queue(services: Services | None = None, *, page_size: int = 50) -> Any:
    """The reviewers' dashboard: ``ui.review_queue()`` in a notebook cell. When the queue cannot
    be built (e.g. the workspace database is unreachable) an ``UnavailablePanel`` shows the
    reason and a trace id instead of a traceback. A brand's client signed in through JupyterHub
    gets their own page instead (``ClientReview``: their brand's items only)."""
    from .services import default_services

    def build() -> Any:
        resolved = services or default_services()  # opening the workspace is the slow part
        _wait_for_voila_request()
        if resolved.identity is not None and resolved.identity.is_client:
            from .client_review import ClientReview

            return ClientReview(resolved)
        return ReviewQueue(resolved, page_size=page_size)

    return build_or_explain("opening the review queue", build)


def _wait_for_voila_request() -> None:
    """In a pre-heated Voila kernel (``aicmo dashboard``), wait here until a reviewer opens the page.

    Voila runs a pre-heated notebook before anyone asks for it; without this pause the queue would
    show what waited when the kernel was heated, possibly hours earlier. The imports and the
    workspace are ready by then, so the page still arrives quickly, with the queue read at request
    time. Outside a pre-heated kernel (JupyterLab, nbval, plain Voila) this returns at once."""
    import os

    if os.environ.get("VOILA_PREHEAT", "False") != "True":
        return
    from voila.utils import wait_for_request

    wait_for_request()
