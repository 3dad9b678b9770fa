"""Edits flow downstream: when a creative is edited and the edit approved after the calendar,
the schedule files, the campaign export and the client pack quote the approved version's hook and
title, not the pre-edit ones (the execution module's ``requote`` hook, run at export time)."""

from __future__ import annotations

import io
import zipfile

from test_execution import seed_until

from aicmo_kernel import workflow
from aicmo_kernel.export import export_campaign
from aicmo_kernel.export.schedule import campaign_schedule, export_schedule
from aicmo_kernel.modules.execution.composer import approved_hook
from aicmo_kernel.modules.execution.requote import requote
from aicmo_kernel.store import Workspace

NEW_HOOK = "Close the month in five days, not fifteen"
NEW_TITLE = "LinkedIn post: five-day close"


def _quoted_creative(ws: Workspace) -> tuple[object, str, str]:
    """A creative whose hook the approved calendar quotes, with that hook and title."""
    calendar = next(d for d in ws.list_deliverables(campaign="demo", module="execution") if d.kind == "content_calendar")
    text = ws.get_version(calendar.id, calendar.approved_version).content_markdown
    for view in ws.list_deliverables(campaign="demo", module="creatives"):
        version = ws.get_version(view.id, view.approved_version)
        hook = approved_hook({"metadata": view.metadata, "content_markdown": version.content_markdown})
        if hook and f"\u201c{hook.rstrip('.!?')}" in text and view.id in str(calendar.metadata["calendar"]):
            return view, hook, version.title
    raise AssertionError("the demo calendar quotes no creative's hook")


def test_an_edited_and_approved_creative_reaches_the_schedule_and_the_pack(monkeypatch):
    with Workspace.open() as ws:
        seed_until(ws, "execution", monkeypatch)
        creative, old_hook, old_title = _quoted_creative(ws)
        old_text = ws.get_version(creative.id, creative.approved_version).content_markdown
        before = export_campaign(ws, "demo", "md", module="execution").data.decode()
        assert old_hook.rstrip(".!?") in before
        edited = old_text.replace(old_hook, NEW_HOOK, 1)
        assert edited != old_text
        view = workflow.edit(ws, creative.id, edited, base_version=creative.current_version, editor="ed",
                             title=NEW_TITLE)  # fmt: skip
        workflow.approve(ws, creative.id, version=view.current_version, reviewer="rita")

        # The execution deliverable's own export (Markdown), its calendar and notes.
        after = export_campaign(ws, "demo", "md", module="execution").data.decode()
        assert NEW_HOOK in after and f"\u201c{old_hook.rstrip('.!?')}\u201d" not in after
        assert NEW_TITLE in after
        # The scheduler files: the post's text and the slot's title.
        plan = campaign_schedule(ws, "demo")
        posts = [p for p in plan.posts if p.asset_id == creative.id]
        assert posts and all(NEW_HOOK in p.text and p.title == NEW_TITLE for p in posts)
        csv_text = export_schedule(ws, "demo", "calendar-csv").data.decode()
        assert NEW_HOOK in csv_text and NEW_TITLE in csv_text and old_title not in csv_text
        # The client pack's calendar, once the reviewer has looked at the flagged calendar again and
        # re-approved it as it is (its stored text still quotes the pre-edit hook).
        assert all(d.needs_review for d in ws.list_deliverables(campaign="demo", module="execution"))
        for item in ws.list_deliverables(campaign="demo", module="execution"):
            workflow.approve(ws, item.id, version=item.current_version, reviewer="rita")
        pack = export_campaign(ws, "demo", "zip")
        with zipfile.ZipFile(io.BytesIO(pack.data)) as archive:
            md = next(n for n in archive.namelist() if n.endswith(".md") and "README" not in n)
            text = archive.read(md).decode()
        assert NEW_HOOK in text and f"\u201c{old_hook.rstrip('.!?')}\u201d" not in text
        # The stored, approved calendar itself is not rewritten.
        calendar = next(d for d in ws.list_deliverables(campaign="demo", module="execution")
                        if d.kind == "content_calendar")  # fmt: skip
        stored = ws.get_version(calendar.id, calendar.approved_version).content_markdown
        assert old_hook.rstrip(".!?") in stored and NEW_HOOK not in stored


def test_requote_leaves_other_kinds_and_unchanged_creatives_alone():
    creative = {"id": "c1", "title": "Post", "metadata": {"hook": "Hello there"},
                "content_markdown": "Hello there\n\nBody.",
                "versions": [{"version": 1, "title": "Post", "content_markdown": "Hello there\n\nBody."}]}  # fmt: skip
    calendar = {"kind": "content_calendar", "content_markdown": "lead with \u201cHello there\u201d.", "metadata": {}}
    assert requote(calendar, lambda module: [creative]) is None
    assert requote({"kind": "governance_plan", "content_markdown": "x", "metadata": {}}, lambda m: [creative]) is None
    edited = {**creative, "content_markdown": "Hi again\n\nBody.", "title": "Post v2",
              "versions": [*creative["versions"], {"version": 2, "title": "Post v2", "content_markdown": "Hi again\n\nBody."}]}
    calendar["metadata"] = {"calendar": [{"asset_id": "c1", "title": "Post"}, {"asset_id": "c2", "title": "Post"}],
                            "slot_notes": {"S001": {"angle": "First run: lead with \u201cHello there\u201d."}}}
    calendar["content_markdown"] += "\n\n| S001 | Post | link |"
    out = requote(calendar, lambda module: [edited])
    assert "\u201cHi again\u201d" in out["content_markdown"] and "| Post v2 |" in out["content_markdown"]
    assert out["metadata"]["slot_notes"]["S001"]["angle"] == "First run: lead with \u201cHi again\u201d."
    # Only this creative's slots are renamed, not another asset that shares the old title.
    assert out["metadata"]["calendar"] == [{"asset_id": "c1", "title": "Post v2"}, {"asset_id": "c2", "title": "Post"}]


def test_the_review_queue_shows_the_calendar_as_exports_do(monkeypatch):
    """A reviewer opening the flagged calendar reads the approved edit's hook, as the pack will
    show it, while the stored version keeps its words."""
    from aicmo_kernel.ui import review_queue

    with Workspace.open() as ws:
        seed_until(ws, "execution", monkeypatch)
        creative, old_hook, _ = _quoted_creative(ws)
        old_text = ws.get_version(creative.id, creative.approved_version).content_markdown
        view = workflow.edit(ws, creative.id, old_text.replace(old_hook, NEW_HOOK, 1),
                             base_version=creative.current_version, editor="ed")  # fmt: skip
        workflow.approve(ws, creative.id, version=view.current_version, reviewer="rita")
        calendar = next(d for d in ws.list_deliverables(campaign="demo", module="execution")
                        if d.kind == "content_calendar")  # fmt: skip
        assert calendar.needs_review
    queue = review_queue()
    queue.select(calendar.id)
    assert NEW_HOOK in queue.preview.value and old_hook.rstrip(".!?") not in queue.preview.value
    assert old_hook.rstrip(".!?") in queue.editor.text.value  # the editor holds the stored text
