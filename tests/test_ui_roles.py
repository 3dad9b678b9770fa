"""The widgets under JupyterHub: the signed-in person is shown and recorded, never typed; buttons a
role cannot use are disabled with the reason; a client gets their brand's items only."""

from __future__ import annotations

import io
import zipfile

import ipywidgets as widgets
import pytest
from fixtures_store import generate, make_campaign

from aicmo_kernel import workflow as wf
from aicmo_kernel.errors import NotFoundError
from aicmo_kernel.store import Workspace
from aicmo_kernel.ui import ApprovalBar, Services
from aicmo_kernel.ui.client_review import ClientReview
from aicmo_kernel.ui.queue import ReviewQueue, review_queue


@pytest.fixture
def ws(isolated_env, hub):
    workspace = Workspace.open()
    make_campaign(workspace)
    make_campaign(workspace, "Bolt spring", brand="Bolt Bikes")
    hub.sign_in("ann", ["aicmo-analysts"])
    generate(workspace, "Spring launch", "intake", actor="ann")
    generate(workspace, "Bolt spring", "intake", actor="ann")
    yield workspace
    workspace.close()


def _texts(widget) -> list[widgets.Text]:
    found = [widget] if isinstance(widget, widgets.Text) else []
    for child in getattr(widget, "children", ()):
        found += _texts(child)
    return found


def test_the_analyst_sees_why_approve_is_disabled_and_cannot_approve(ws, hub):
    hub.sign_in("ann", ["aicmo-analysts"])
    services = Services(workspace=ws)
    first = ws.list_deliverables("Spring launch", "intake")[0]
    bar = ApprovalBar(services, first.id)
    assert "Signed in as <b>ann</b>" in bar.reviewer.children[0].value and not _texts(bar.reviewer)
    assert bar.approve_button.disabled and bar.request_button.disabled and bar.revoke_button.disabled
    assert bar.reason.text == "Signed in as ann (analyst): only reviewers or admins approve."
    bar.approve_button.click()
    assert ws.get_deliverable(first.id).state == "draft" and ws.list_review_events(first.id) == []


def test_the_queue_shows_the_signed_in_reviewer_read_only_and_records_them(ws, hub):
    hub.sign_in("rita", ["aicmo-reviewers"])
    services = Services(workspace=ws, reviewer="boss")  # a name from anywhere else does not count
    assert services.reviewer == "rita"
    queue = review_queue(services)
    assert isinstance(queue, ReviewQueue) and not _texts(queue.reviewer)
    assert "Signed in as <b>rita</b> <small>(reviewer)</small>" in queue.reviewer.children[0].value
    first = ws.list_deliverables("Spring launch", "intake")[0]
    queue.select(first.id)
    queue.approval.approve_button.click()
    assert [(e.action, e.actor) for e in ws.list_review_events(first.id)] == [("approve", "rita")]


def test_a_client_sees_only_their_brands_items_and_approves_them(ws, hub):
    hub.sign_in("ada", ["aicmo-admins"])
    for campaign in ("Spring launch", "Bolt spring"):
        wf.set_client_review(ws, campaign, enabled=True, actor="ada")
    hub.sign_in("rita", ["aicmo-reviewers"])
    for campaign in ("Spring launch", "Bolt spring"):
        for item in ws.list_deliverables(campaign, "intake"):
            wf.approve(ws, item.id, version=1, reviewer="rita")
    mine = ws.list_deliverables("Spring launch", "intake")
    bolt = ws.list_deliverables("Bolt spring", "intake")

    hub.sign_in("carla", ["client-acme-outdoor"])
    page = review_queue(Services(workspace=ws))
    assert isinstance(page, ClientReview)
    assert {value for _label, value in page.list.options} == {d.id for d in mine}
    assert all("Bolt" not in label for label, _value in page.list.options)
    assert [value for _label, value in page.pack_campaign.options] == ["", "Spring launch"]
    with pytest.raises(NotFoundError, match="not one of yours"):  # a forged id: refused, nothing of it shown
        page.select(bolt[0].id)
    assert page.detail.children == () and ws.list_review_events(bolt[0].id)[-1].actor == "rita"
    page.list.value = mine[0].id
    assert page.approval.approve_button.description == "Approve as client"
    assert not page.approval.approve_button.disabled
    page.approval.approve_button.click()
    assert ws.get_deliverable(mine[0].id).client_by == "carla"
    assert "approved by you" in {v: k for k, v in page.list.options}[mine[0].id]

    page.pack_campaign.value = "Spring launch"
    page.pack.prepare_button.click()
    pack = zipfile.ZipFile(io.BytesIO(page.pack.files["zip"].data))
    markdown = next(pack.read(name).decode() for name in pack.namelist() if name.endswith(".md")
                    and "approved by rita" in pack.read(name).decode())
    assert "approved by the client (carla)" in markdown and "Bolt" not in markdown
