"""The review queue: what waits across campaigns and modules, filters with counts, refresh, pages."""

from __future__ import annotations

import io
import json
import time
import zipfile

import pytest
from fixtures_store import approve_all, generate, item, make_campaign
from test_ui_support import approve_module, document

from aicmo_kernel import workflow
from aicmo_kernel.store import Workspace
from aicmo_kernel.ui import Services, review_queue
from aicmo_kernel.store import queue as queue_helpers
from aicmo_kernel.ui import queue as queue_module
from aicmo_kernel.ui.selftest import decode_links

pytest_plugins = ["test_ui_support"]


def _seed(ws, campaign):
    """demo: 2 intake drafts; autumn: 1 intake draft (changes requested) + 3 strategy drafts."""
    generate(ws, "demo", "intake", [item("Client summary"), item("Voice guide")])
    intake = document(ws, campaign)
    workflow.request_changes(ws, intake, version=1, reviewer="rita", comment="Add the opening hours.")
    generate(ws, campaign, "strategy", [item(f"Strategy part {n}") for n in range(3)])


def test_queue_lists_waiting_items_with_counts_in_the_filters(ws, services, plain_campaign):
    _seed(ws, plain_campaign)
    queue = review_queue(services)
    assert queue.waiting_total == queue.total == len(queue.visible) == 6
    counts = queue.counts()
    assert counts["campaign"] == {None: 6, "autumn": 4, "demo": 2}
    assert counts["module"] == {None: 6, "intake": 3, "strategy": 3}
    assert counts["state"] == {None: 6, "draft": 5, "changes_requested": 1}
    assert "autumn (4)" in [label for label, _v in queue.campaign_filter.options]

    queue.campaign_filter.value = "autumn"
    assert queue.total == len(queue.visible) == 4 and {i.campaign for i in queue.visible} == {"autumn"}
    # the other filters count within the chosen campaign
    assert queue.counts()["module"] == {None: 4, "intake": 1, "strategy": 3}
    queue.state_filter.value = "changes_requested"
    assert queue.total == 1 and [i.title for i in queue.visible] == ["intake notes"]
    assert len(queue.list.options) == 1


def test_selecting_an_item_shows_preview_editor_approval_and_approving_clears_it(ws, services, plain_campaign):
    _seed(ws, plain_campaign)
    queue = review_queue(services)
    queue.module_filter.value = "strategy"
    first = queue.visible[0]
    queue.list.value = first.id
    assert queue.editor is not None and queue.editor.deliverable_id == first.id
    assert queue.approval is not None and queue.approval.deliverable_id == first.id
    assert first.title in queue.preview.value
    assert queue.approval in queue.detail.children
    queue.approval.approve_button.click()
    assert ws.get_deliverable(first.id).state == "approved"
    assert first.id not in [i.id for i in queue.visible] and queue.total == 2  # the queue refreshed itself
    assert queue.counts()["module"]["strategy"] == 2


def test_refresh_shows_changes_made_through_another_workspace(ws, services, plain_campaign):
    _seed(ws, plain_campaign)
    queue = review_queue(services)
    assert queue.waiting_total == 6
    with Workspace.open() as other:  # another kernel, the CLI, a Voila reviewer
        approve_module(other, "demo", "intake")
        generate(other, plain_campaign, "creatives", [item("X post", kind="x_post", platform="x")])
    assert queue.waiting_total == len(queue.visible) == 6  # nothing changes until Refresh
    queue.refresh_button.click()
    assert queue.waiting_total == len(queue.visible) == 5
    assert queue.counts()["campaign"] == {None: 5, "autumn": 5}
    assert "creatives" in queue.counts()["module"]


def test_approved_items_flagged_for_review_are_waiting_again(ws, services):
    generate(ws, "demo", "intake", [item("Client summary")])
    approve_module(ws, "demo", "intake")
    generate(ws, "demo", "strategy", [item("Strategy")])
    approve_module(ws, "demo", "strategy")
    summary = ws.list_deliverables(campaign="demo", module="intake")[0]
    workflow.edit(ws, summary.id, "# Client summary\n\nRevised facts.", base_version=1, editor="rita")
    approve_module(ws, "demo", "intake")  # a newer approved upstream flags strategy
    queue = review_queue(services)
    assert [(i.module, i.state) for i in queue.visible] == [("strategy", "needs_review")]
    assert queue.counts()["state"] == {None: 1, "needs_review": 1}


def test_a_large_workspace_is_listed_a_page_at_a_time(ws, services):
    generate(ws, "demo", "intake", [item(f"Item {n:04d}", "Short brief-specific text.") for n in range(240)])
    started = time.monotonic()
    queue = review_queue(services, page_size=50)
    assert time.monotonic() - started < 3
    assert queue.total == 240 and len(queue.list.options) == 50
    assert "showing 1–50 of 240" in queue.page_label.value and queue.previous_button.disabled
    queue.next_button.click()
    assert queue.visible[0].title == "Item 0050" and "page 2 of 5" in queue.page_label.value
    for _ in range(5):
        queue.next_button.click()
    assert queue.page == 4 and len(queue.list.options) == 40 and queue.next_button.disabled


def test_the_queue_reads_one_page_and_the_counts_never_every_waiting_row(workspace, monkeypatch):
    """On SQLite and PostgreSQL: 120 waiting items, and the queue loads at most a page of them."""
    spring, autumn = make_campaign(workspace).name, make_campaign(workspace, "Autumn").name
    generate(workspace, autumn, "intake", [item(f"Done {n}") for n in range(5)])
    approve_all(workspace, autumn, "intake")  # approved: not waiting, not counted
    generate(workspace, spring, "intake", [item(f"Item {n:03d}") for n in range(120)])
    loaded: list[int] = []

    def page(*args, **kwargs):
        rows = waiting_page(*args, **kwargs)
        loaded.append(len(rows))
        return rows

    waiting_page = queue_module.waiting_page
    monkeypatch.setattr(queue_module, "waiting_page", page)
    monkeypatch.setattr(queue_helpers, "waiting_items", lambda *_a, **_k: pytest.fail("the queue read every waiting row"))
    queue = review_queue(Services(workspace=workspace, reviewer="rita"), page_size=50)
    assert loaded == [50] and len(queue.list.options) == 50
    assert queue.counts()["campaign"] == {None: 120, spring: 120}
    assert queue.counts()["state"] == {None: 120, "draft": 120}
    assert "showing 1–50 of 120 · page 1 of 3" in queue.page_label.value
    queue.next_button.click()
    queue.next_button.click()
    assert queue.page == 2 and queue.next_button.disabled and loaded == [50, 50, 20]
    assert [i.title for i in queue.visible] == [f"Item {n:03d}" for n in range(100, 120)]
    assert "showing 101–120 of 120 · page 3 of 3" in queue.page_label.value
    queue.previous_button.click()
    assert queue.visible[0].title == "Item 050" and loaded[-1] == 50
    queue.refresh_button.click()  # keeps the page, re-read with a bounded OFFSET
    assert queue.page == 1 and queue.visible[0].title == "Item 050" and loaded[-1] == 50
    queue.select(queue.visible[3].id)  # loads that one item, not a list
    assert queue.selected is not None and queue.selected.title == "Item 053"
    assert max(loaded) <= queue.page_size


def _pack_contents(queue) -> dict[str, bytes]:
    """The files inside the client-pack zip that the queue's link carries."""
    links = decode_links(queue.pack.links.value)
    assert len(links) == 1, links
    (name, (media, data)), = links.items()
    assert name.endswith("-client-pack.zip") and media == "application/zip"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {entry: archive.read(entry) for entry in archive.namelist()}


def test_the_client_pack_of_the_filtered_campaign_holds_approved_deliverables_only(ws, services, plain_campaign):
    _seed(ws, plain_campaign)
    queue = review_queue(services)
    assert queue.pack_campaign is None and queue.pack.prepare_button.disabled  # "All campaigns", nothing open
    assert "choose a campaign" in queue.pack_title.value

    queue.campaign_filter.value = plain_campaign
    assert queue.pack.campaign == plain_campaign and not queue.pack.prepare_button.disabled
    assert "Client pack</b> of <b>autumn" in queue.pack_title.value and "approved" in queue.pack_title.value
    assert queue.pack.links.value == ""  # built on click, never on display
    queue.pack.prepare_button.click()
    assert "no approved deliverables" in queue.pack.message.text and queue.pack.files == {}

    strategy = [i for i in queue.visible if i.module == "strategy"]
    queue.list.value = strategy[0].id
    queue.approval.approve_button.click()
    queue.pack.prepare_button.click()
    files = _pack_contents(queue)
    manifest = json.loads(next(data for name, data in files.items() if name.endswith("manifest.json")))
    assert [entry["id"] for entry in manifest["items"]] == [strategy[0].id]
    packed = b"".join(data for name, data in files.items() if name.endswith(".md")).decode()
    assert strategy[0].title in packed and strategy[1].title not in packed  # the draft stays out
    assert "not approved yet" in queue.pack.message.text


def test_without_a_campaign_filter_the_pack_follows_the_open_draft_and_stale_links_go(ws, services, plain_campaign):
    _seed(ws, plain_campaign)
    approve_module(ws, "demo", "intake")
    generate(ws, "demo", "strategy", [item("Demo strategy")])
    queue = review_queue(services)
    autumn_item = next(i for i in queue.visible if i.campaign == plain_campaign)
    queue.list.value = autumn_item.id
    assert queue.pack_campaign == plain_campaign == queue.pack.campaign
    demo_item = next(i for i in queue.visible if i.campaign == "demo")
    queue.list.value = demo_item.id
    assert queue.pack.campaign == "demo"
    queue.pack.prepare_button.click()
    assert queue.pack.files and "demo-client-pack.zip" in queue.pack.links.value

    bar = queue.pack
    queue.approval.approve_button.click()  # the pack prepared before now misses this approval
    assert queue.pack.campaign == "demo" and queue.pack.links.value == "" and queue.pack.files == {}
    assert queue.pack is bar  # the same bar, cleared: a keyboard user's focus stays on its button
    queue.campaign_filter.value = plain_campaign  # the filter wins over the open draft
    assert queue.pack.campaign == plain_campaign
