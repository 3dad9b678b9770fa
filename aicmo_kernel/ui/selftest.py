"""Self-test drivers for the notebooks' CI run (nbval): the real path through the widgets.

``drive_module_panel(panel)`` fills the form with its pre-filled values, clicks Generate and waits,
edits the first draft through its editor and clicks Save, clicks Approve on every draft, clicks
Prepare downloads and decodes a link; each step asserts and fails with a message saying what
went wrong. ``drive_review_queue(queue)`` does the same for the reviewers' queue, and
``drive_campaign_picker(picker)`` creates a campaign through the picker of ``00_campaign``.

They only ever run when called, and notebooks call them through ``maybe_drive_*``, which does
nothing unless ``AICMO_NOTEBOOK_SELFTEST=1``: running all cells in JupyterLab or loading a Voila
page never generates or approves anything.
"""

from __future__ import annotations

import base64
import os
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .panel import ModulePanel
    from .picker import CampaignPicker
    from .queue import ReviewQueue

__all__ = [
    "SELFTEST_VARIABLE",
    "drive_campaign_picker",
    "drive_module_panel",
    "drive_review_queue",
    "enabled",
    "maybe_drive_campaign_picker",
    "maybe_drive_module_panel",
    "maybe_drive_review_queue",
]

SELFTEST_VARIABLE = "AICMO_NOTEBOOK_SELFTEST"
SELFTEST_REVIEWER = "notebook self-test"
SELFTEST_BRAND = "Self-test brand"
SELFTEST_CAMPAIGN = "notebook-selftest"
EDIT_NOTE = "Reviewed in the notebook self-test."
_LINK = re.compile(r'<a download="([^"]+)" href="data:([^"]*?);base64,([^"]+)"')


def enabled() -> bool:
    return os.environ.get(SELFTEST_VARIABLE, "").strip() == "1"


def maybe_drive_module_panel(panel: ModulePanel, **kwargs: Any) -> dict[str, Any] | None:
    """``drive_module_panel(panel)`` when ``AICMO_NOTEBOOK_SELFTEST=1``, else nothing."""
    return drive_module_panel(panel, **kwargs) if enabled() else None


def maybe_drive_review_queue(queue: ReviewQueue, **kwargs: Any) -> dict[str, Any] | None:
    """``drive_review_queue(queue, reopen_if_empty=True)`` when the variable is set, else nothing.
    In the notebook run every module is approved by the time ``review`` runs, so the queue would be
    empty; reopening one deliverable gives the queue something real to show and send back."""
    kwargs.setdefault("reopen_if_empty", True)
    return drive_review_queue(queue, **kwargs) if enabled() else None


def maybe_drive_campaign_picker(picker: CampaignPicker) -> dict[str, Any] | None:
    return drive_campaign_picker(picker) if enabled() else None


def _check(condition: Any, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def _check_available(widget: Any, what: str) -> None:
    """An ``UnavailablePanel`` (the panel could not be built) fails with its own message."""
    from .errors import UnavailablePanel

    _check(not isinstance(widget, UnavailablePanel),
           f"{what}: the panel could not be built: {getattr(widget, 'text', '')} "
           f"(trace id {getattr(widget, 'trace_id', '')})")


def drive_campaign_picker(picker: CampaignPicker) -> dict[str, Any]:
    """Create a campaign for the self-test brand through the picker's form, check that the picker
    chose it, then go back to the campaign chosen before (the other notebooks' campaign)."""
    _check_available(picker, "campaign picker")
    before = picker.value
    taken = {c.name for c in picker.services.workspace.list_campaigns()}
    name = next(f"{SELFTEST_CAMPAIGN}-{n}" if n else SELFTEST_CAMPAIGN for n in range(len(taken) + 1)
                if (f"{SELFTEST_CAMPAIGN}-{n}" if n else SELFTEST_CAMPAIGN) not in taken)
    picker.new_brand.value, picker.new_campaign.value = SELFTEST_BRAND, name
    picker.create_button.click()
    _check(picker.message.kind == "success", f"campaign picker: Create failed: {picker.message.text}")
    _check(picker.value == name and picker.brand.value == SELFTEST_BRAND,
           f"campaign picker: after Create the picker shows {picker.brand.value}/{picker.value}, not the new campaign")
    _check(name in {c.name for c in picker.services.workspace.list_campaigns(SELFTEST_BRAND)},
           f"campaign picker: {name!r} is not in the workspace")
    if before is not None:
        picker.refresh(before)
        _check(picker.value == before, f"campaign picker: could not go back to {before!r}")
    return {"created": name, "brand": SELFTEST_BRAND, "chosen": picker.value}


def decode_links(links_html: str) -> dict[str, tuple[str, bytes]]:
    """filename -> (media type, bytes) for every data-URI download link in ``links_html``."""
    return {
        name: (media_type, base64.b64decode(payload))
        for name, media_type, payload in _LINK.findall(links_html)
    }


def drive_module_panel(panel: ModulePanel, *, timeout: float = 120.0) -> dict[str, Any]:
    """Generate, edit, save, approve and export through ``panel``'s widgets; a summary dict."""
    _check_available(panel, "module panel")
    module, campaign = panel.module, panel.campaign
    _check(campaign, f"{module}: the panel has no campaign (create one or pass campaign=...)")

    # 1. inputs: the pre-filled values must validate as they are
    panel._prefill()
    _check(panel.inputs.validate() is not None,
           f"{module}: the pre-filled inputs do not validate: {panel.inputs.errors or panel.inputs.summary.text}")

    # 2. generate
    bar = panel.generate_bar
    bar.generate_button.click()
    _check(bar.status in ("running", "done"), f"{module}: Generate did not start: {bar.message.text}")
    _check(bar.wait(timeout), f"{module}: the generation did not finish within {timeout:.0f} s")
    _check(bar.status == "done", f"{module}: the generation ended {bar.status}: {bar.message.text}")
    _check("Produced by" in bar.provenance.value, f"{module}: no provider/model line after generating")
    editors = panel.editors.items
    _check(editors, f"{module}: Generate succeeded but the editor list is empty")

    # 3. edit one draft (one with room under its platform limit) and save it
    editor = next((e for e in editors if e.count is None or e.count.limit is None
                   or e.count.count + len(EDIT_NOTE) + 2 <= e.count.limit), None)
    _check(editor is not None, f"{module}: no draft has room for an edit under its platform limit")
    before = editor.loaded_version
    editor.text.value = editor.text.value.rstrip() + "\n\n" + EDIT_NOTE
    editor.save_button.click()
    _check(editor.loaded_version == before + 1,
           f"{module}: Save did not create version {before + 1}: {editor.message.text}")

    # 4. approve every draft
    if not panel.reviewer.name:
        panel.reviewer.text.value = SELFTEST_REVIEWER
    approved = 0
    for approval_bar in panel.approval.bars:
        approval_bar.refresh()
        _check(not approval_bar.approve_button.disabled,
               f"{module}: Approve is disabled for {approval_bar.item.title if approval_bar.item else '?'}: "
               f"{approval_bar.approve_blocked_reason}")
        approval_bar.approve_button.click()
        _check(approval_bar.item is not None and approval_bar.item.state == "approved",
               f"{module}: approval failed: {approval_bar.message.text}")
        approved += 1
    _check(approved == len(editors), f"{module}: approved {approved} of {len(editors)} drafts")

    # 5. export and decode a link
    panel.exports.prepare_button.click()
    links = decode_links(panel.exports.links.value)
    _check(links, f"{module}: no download link after Prepare downloads: {panel.exports.message.text}")
    for filename, file in panel.exports.files.items():
        _check(file.filename in links and links[file.filename][1] == file.data,
               f"{module}: the {filename} link does not carry the exported file")
    markdown = next((data for name, (_t, data) in links.items() if name.endswith(".md")), None)
    if markdown is not None:
        _check(EDIT_NOTE in markdown.decode("utf-8"), f"{module}: the Markdown export lacks the saved edit")
    result = bar.result
    return {
        "module": module, "campaign": campaign,
        "run_id": result.run_id if result else None,
        "provider": result.envelope.meta.provider if result else None,
        "model": result.envelope.meta.model if result else None,
        "deliverables": len(editors), "edited": editor.deliverable_id, "edited_version": editor.loaded_version,
        "approved": approved, "exports": {name: len(data) for name, (_t, data) in links.items()},
    }


def drive_review_queue(queue: ReviewQueue, *, reopen_if_empty: bool = False) -> dict[str, Any]:
    """Refresh, check the counts, open the first waiting item and send it back with a comment.

    With ``reopen_if_empty`` and nothing waiting, the newest approved deliverable is first edited
    through a draft editor (a new version, which waits for review again), as a reviewer would."""
    from ..store.queue import waiting_item

    _check_available(queue, "review queue")
    queue.refresh_button.click()
    reopened = _reopen_one(queue) if reopen_if_empty and not queue.waiting_total else None
    counts = queue.counts()
    total = queue.waiting_total
    _check(counts["state"].get(None) == total, f"queue: the state filter counts {counts['state'].get(None)} of {total}")
    if not total:
        return {"waiting": 0, "counts": counts}
    _check(len(queue.visible) <= queue.page_size, "queue: more items listed than one page holds")
    first = queue.visible[0]
    queue.list.value = first.id
    _check(queue.editor is not None and queue.approval is not None, f"queue: selecting {first.title!r} opened nothing")
    _check(queue.editor.loaded_version == first.current_version,
           f"queue: the editor loaded v{queue.editor.loaded_version}, the list says v{first.current_version}")
    _check(reopened is None or waiting_item(queue.services.workspace, reopened) is not None,
           "queue: the reopened deliverable does not wait for review after Refresh")
    _check(queue.list.value == first.id, f"queue: the list does not show {first.title!r} as selected")
    _check(queue.preview.value.strip(), f"queue: the preview of {first.title!r} is empty")
    summary: dict[str, Any] = {"waiting": total, "counts": counts, "opened": first.id, "reopened": reopened}
    if not queue.reviewer.name:
        queue.reviewer.text.value = SELFTEST_REVIEWER
    if not queue.approval.request_button.disabled:
        queue.approval.comment.value = "Self-test: please check this draft once more."
        queue.approval.request_button.click()
        _check(queue.approval.item is not None and queue.approval.item.state == "changes_requested",
               f"queue: request changes failed: {queue.approval.message.text}")
        listed = waiting_item(queue.services.workspace, first.id)
        _check(listed is not None and listed.state == "changes_requested",
               "queue: after a refresh the item is not listed as changes requested")
        summary["sent_back"] = first.id
    return summary


def _reopen_one(queue: ReviewQueue) -> str | None:
    """Edit the newest approved deliverable through a ``DraftEditor``; its id (None if none)."""
    from .editor import DraftEditor

    workspace = queue.services.workspace
    approved = [d for d in workspace.list_deliverables() if d.state == "approved"]
    if not approved:
        return None
    target = max(approved, key=lambda d: (d.updated_at, d.id))
    editor = DraftEditor(queue.services, target.id, reviewer=queue.reviewer)
    before = editor.loaded_version
    editor.text.value = editor.text.value.rstrip() + "\n\n" + EDIT_NOTE
    editor.save_button.click()
    _check(editor.loaded_version == before + 1, f"queue: reopening {target.title!r} failed: {editor.message.text}")
    queue.refresh_button.click()
    return target.id
