"""The approval bar: who reviews, a comment, Approve / Request changes / Revoke.

Every button calls the workflow (``approve``, ``request_changes``, ``revoke``), which decides;
the bar only explains beforehand why a button cannot be used: Approve is disabled, with the
reason shown, while QC finds a blocker in the version on record or while no reviewer name is
known. The version approved is the one the bar shows, so a version saved meanwhile by someone
else is refused as a conflict instead of being approved unseen.

Under JupyterHub the reviewer is the signed-in person, shown and never asked; buttons their roles
cannot use are disabled with the reason (the workflow refuses them anyway). A brand's client sees
"Approve as client" and "Request changes" on items waiting for the client, and nothing else.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from .errors import MessageBox, guard
from .helpers import deliverable_qc
from .lists import DeliverableWidgets

if TYPE_CHECKING:
    from ..identity import Identity
    from ..qc import QCReport
    from ..store import DeliverableView
    from .services import Services

__all__ = ["ApprovalBar", "ApprovalList", "ReviewerField", "state_badge"]

_STATE_COLOURS = {
    "draft": "#555", "revised": "#1f4e79", "approved": "#1e6b2e",
    "changes_requested": "#8a5a00", "superseded": "#888",
}

ChangeCallback = Callable[["DeliverableView"], None]


def state_badge(item: DeliverableView) -> str:
    """A small coloured label: state, version, and "needs review" when an upstream changed."""
    colour = _STATE_COLOURS.get(item.state, "#555")
    state = item.state.replace("_", " ")
    badge = (f"<span style='background:{colour};color:white;border-radius:3px;padding:1px 6px;"
             f"font-size:smaller'>{html.escape(state)} · v{item.current_version}</span>")
    if item.needs_review:
        badge += (" <span style='background:#b35900;color:white;border-radius:3px;padding:1px 6px;"
                  "font-size:smaller'>needs review</span>")
    return badge


class ReviewerField(widgets.VBox):
    """The reviewer's name: the signed-in JupyterHub user or ``AICMO_REVIEWER`` when known (shown,
    not asked), else a text box. One field can serve every bar and editor of a panel."""

    def __init__(self, name: str | None = None, *, identity: Identity | None = None) -> None:
        signed_in = identity is not None and identity.signed_in
        self.identity = identity if signed_in else None
        self.fixed = identity.name if signed_in else ((name or "").strip() or None)
        # A description (not only a placeholder) gives the box an accessible name.
        self.text = widgets.Text(description="Reviewer *", placeholder="your name (recorded on reviews and edits)",
                                 layout=widgets.Layout(width="420px"))
        self._callbacks: list[Callable[[str | None], None]] = []
        self.text.observe(lambda _change: self._changed(), names="value")
        if self.identity is not None:
            roles = ", ".join(sorted(self.identity.roles)) or "no role yet: ask an admin"
            children = [widgets.HTML(f"Signed in as <b>{html.escape(self.identity.name)}</b> "
                                     f"<small>({html.escape(roles)})</small>")]
        elif self.fixed:
            children = [widgets.HTML(f"Reviewing as <b>{html.escape(self.fixed)}</b>")]
        else:
            children = [self.text]
        super().__init__(children)

    @property
    def name(self) -> str | None:
        return self.fixed or (self.text.value.strip() or None)

    def on_change(self, callback: Callable[[str | None], None]) -> None:
        self._callbacks.append(callback)

    def _changed(self) -> None:
        for callback in self._callbacks:
            callback(self.name)


class ApprovalBar(widgets.VBox):
    """Review one deliverable (``deliverable_id``) in the workspace."""

    def __init__(
        self,
        services: Services,
        deliverable_id: str,
        *,
        reviewer: ReviewerField | None = None,
        show_reviewer: bool | None = None,
    ) -> None:
        self.services = services
        self.deliverable_id = deliverable_id
        self.reviewer = reviewer or ReviewerField(services.reviewer, identity=services.identity)
        self.item: DeliverableView | None = None
        self.qc: QCReport | None = None
        self._callbacks: list[ChangeCallback] = []

        self.header = widgets.HTML()
        self.reason = MessageBox()
        self.comment = widgets.Textarea(description="Comment", placeholder="required to request changes",
                                        layout=widgets.Layout(width="min(560px, 90%)", height="60px"))
        self.approve_button = widgets.Button(description="Approve", button_style="success", icon="check")
        self.request_button = widgets.Button(description="Request changes", button_style="warning", icon="undo")
        self.revoke_button = widgets.Button(description="Revoke approval", icon="times")
        self.message = MessageBox()
        self.approve_button.on_click(lambda _b: self._act(self.approve, "approving"))
        self.request_button.on_click(lambda _b: self._act(self.request_changes, "requesting changes"))
        self.revoke_button.on_click(lambda _b: self._act(self.revoke, "revoking the approval"))
        self.reviewer.on_change(lambda _name: self._update_buttons())
        own_field = reviewer is None if show_reviewer is None else show_reviewer
        super().__init__([
            self.header,
            *([self.reviewer] if own_field else []),
            self.comment,
            widgets.HBox([self.approve_button, self.request_button, self.revoke_button]),
            self.reason, self.message,
        ])
        guard(self.message, "loading the review state")(self.refresh)()

    def on_change(self, callback: ChangeCallback) -> None:
        """Call ``callback(deliverable)`` after an approval, a request for changes or a revoke."""
        self._callbacks.append(callback)

    # ------------------------------------------------------------------ state

    def refresh(self) -> None:
        """Re-read the deliverable and its QC from the workspace."""
        ws = self.services.workspace
        self.item = ws.get_deliverable(self.deliverable_id)
        self.qc = deliverable_qc(ws, self.item)
        title = html.escape(self.item.title)
        reason = ""
        if self.item.needs_review and self.item.needs_review_reason:
            reason = f"<div style='font-size:smaller;color:#8a5a00'>{html.escape(self.item.needs_review_reason)}</div>"
        self.header.value = f"<b>{title}</b> {state_badge(self.item)}{reason}"
        self._update_buttons()

    @property
    def approve_blocked_reason(self) -> str | None:
        """Why Approve cannot be used now, or None when it can."""
        item = self.item
        if item is None:
            return "The deliverable could not be loaded."
        if item.state == "superseded":
            return "A later generation replaced this deliverable; review the current one."
        if item.state == "approved" and not item.needs_review and not self.as_client:
            return f"Version {item.current_version} is approved."
        if self.qc is not None and self.qc.blockers:
            listed = "; ".join(f"[{issue.check_id}] {issue.message}" for issue in self.qc.blockers)
            return f"Approval is blocked by quality checks: {listed} Fix the draft in the editor and save it."
        if not self.reviewer.name:
            return "Enter your name as reviewer to approve."
        return self._role_reason()

    @property
    def as_client(self) -> bool:
        """Whether the person at the keyboard reviews as the brand's client."""
        identity = self.services.identity
        return identity is not None and identity.is_client

    def _role_reason(self) -> str | None:
        """Why the signed-in person's roles do not let them approve this item, or None."""
        identity, item = self.services.identity, self.item
        if identity is None or not identity.signed_in or item is None:
            return None
        if self.as_client:
            if item.client_state == "approved":
                return f"You approved version {item.client_version} for the client."
            if item.client_state != "waiting":
                return "This item is not waiting for the client's approval."
            return None
        if not identity.may("review"):
            roles = ", ".join(sorted(identity.roles)) or "no role"
            return f"Signed in as {identity.name} ({roles}): only reviewers or admins approve."
        return None

    def _update_buttons(self) -> None:
        item = self.item
        blocked = self.approve_blocked_reason
        self.approve_button.disabled = blocked is not None
        if blocked and not (item and item.state == "approved"):
            self.reason.show(blocked, "warning")
        else:
            self.reason.clear()
        named = bool(self.reviewer.name)
        live = item is not None and item.state != "superseded"
        if self.as_client:
            self.approve_button.description = "Approve as client"
            waiting = live and item.client_state == "waiting"
            self.request_button.disabled = not (named and waiting)
            self.revoke_button.disabled = True
            self.revoke_button.layout.display = "none"
            return
        reviews = self.services.may("review")
        self.request_button.disabled = not (named and live and reviews and item.state in ("draft", "revised", "approved"))
        self.revoke_button.disabled = not (named and live and reviews and item.state == "approved")

    # ------------------------------------------------------------------ actions

    def _act(self, action: Callable[[], Any], where: str) -> None:
        """Run a button's action; a refusal (conflict, QC, state) is shown, then the bar re-reads
        the workspace so it shows what is really there now."""
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - a widget callback must never raise into the output
            self.message.show_error(exc, where)
            guard(self.reason, "reloading the review state")(self.refresh)()

    def approve(self) -> DeliverableView | None:
        from ..workflow import approve, client_approve

        if self.item is None or self.approve_blocked_reason:
            self.message.show(self.approve_blocked_reason or "Nothing to approve.", "warning")
            return None
        if self.as_client:
            done = client_approve(self.services.workspace, self.deliverable_id, version=self.item.current_version,
                                  reviewer=self._reviewer(), comment=self._comment())
            return self._after(done, f"Approved version {done.current_version} for the client as {self._reviewer()}.")
        done = approve(self.services.workspace, self.deliverable_id, version=self.item.current_version,
                       reviewer=self._reviewer(), comment=self._comment())
        return self._after(done, f"Approved version {done.current_version} as {self._reviewer()}.")

    def request_changes(self) -> DeliverableView | None:
        from ..workflow import request_changes

        if not self._comment():
            self.message.show("comment: say what should change before sending it back.", "error")
            return None
        if self.item is None:
            return None
        done = request_changes(self.services.workspace, self.deliverable_id, version=self.item.current_version,
                               reviewer=self._reviewer(), comment=self._comment() or "")
        return self._after(done, "Sent back with your comment.")

    def revoke(self) -> DeliverableView | None:
        from ..workflow import revoke

        done = revoke(self.services.workspace, self.deliverable_id, reviewer=self._reviewer(),
                      comment=self._comment())
        return self._after(done, f"Approval withdrawn; the deliverable is {done.state} again.")

    def _reviewer(self) -> str:
        from ..errors import ValidationError

        name = self.reviewer.name
        if not name:
            raise ValidationError("reviewer: enter your name first", field="reviewer")
        return name

    def _comment(self) -> str | None:
        return self.comment.value.strip() or None

    def _after(self, done: DeliverableView, text: str) -> DeliverableView:
        self.comment.value = ""
        self.refresh()
        self.message.show(text, "success")
        for callback in self._callbacks:
            callback(done)
        return done

    def summary(self) -> dict[str, Any]:
        item = self.item
        return {
            "id": self.deliverable_id, "state": item.state if item else None,
            "version": item.current_version if item else None, "approve_disabled": self.approve_button.disabled,
            "reason": self.approve_blocked_reason,
        }


class ApprovalList(DeliverableWidgets[ApprovalBar]):
    """One ``ApprovalBar`` per current deliverable of a module, sharing one reviewer field
    (what ``panel.approval`` shows)."""

    loading = "loading the review state"
    empty = "Nothing to review yet for {module}."

    def __init__(
        self, services: Services, *, campaign: str | None, module: str, reviewer: ReviewerField | None = None
    ) -> None:
        self.reviewer = reviewer or ReviewerField(services.reviewer, identity=services.identity)
        super().__init__(services, campaign=campaign, module=module)

    @property
    def bars(self) -> list[ApprovalBar]:
        return self.items

    def on_change(self, callback: ChangeCallback) -> None:
        self._listen(callback)

    def _build(self, item: DeliverableView) -> ApprovalBar:
        return ApprovalBar(self.services, item.id, reviewer=self.reviewer, show_reviewer=False)

    def _attach(self, widget: ApprovalBar, callback: ChangeCallback) -> None:
        widget.on_change(callback)

    def _header(self) -> list[widgets.Widget]:
        return [self.reviewer]

    def bar_for(self, deliverable_id: str) -> ApprovalBar | None:
        return next((bar for bar in self.bars if bar.deliverable_id == deliverable_id), None)
