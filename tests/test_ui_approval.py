"""The approval bar: reviewer, comment, approve / request changes / revoke through the workflow."""

from __future__ import annotations

from test_ui_support import document, long_post, x_post

from aicmo_kernel import workflow
from aicmo_kernel.store import Workspace
from aicmo_kernel.ui import ApprovalBar, DraftEditor, ReviewerField, Services

pytest_plugins = ["test_ui_support"]


def test_approve_is_disabled_with_the_reason_while_qc_blocks(ws, services, plain_campaign):
    item_id = x_post(ws, plain_campaign, long_post())
    bar = ApprovalBar(services, item_id)
    assert bar.approve_button.disabled
    assert "platform_length" in bar.reason.text and "blocked by quality checks" in bar.reason.text
    # fixing and saving the draft in the editor re-enables Approve
    editor = DraftEditor(services, item_id)
    editor.on_saved(lambda _saved: bar.refresh())
    editor.fix_buttons[0].click()
    editor.save_button.click()
    assert not bar.approve_button.disabled and bar.reason.text == ""
    bar.approve_button.click()
    item = ws.get_deliverable(item_id)
    assert item.state == "approved" and item.approved_version == 2
    assert "Approved version 2 as rita" in bar.message.text


def test_approve_request_changes_and_revoke_change_the_state(ws, services, plain_campaign):
    item_id = document(ws, plain_campaign)
    bar = ApprovalBar(services, item_id)
    assert not bar.approve_button.disabled and bar.revoke_button.disabled
    bar.comment.value = "Looks right."
    bar.approve_button.click()
    assert ws.get_deliverable(item_id).state == "approved"
    events = ws.list_review_events(item_id)
    assert (events[-1].action, events[-1].actor, events[-1].comment) == ("approve", "rita", "Looks right.")
    assert bar.approve_button.disabled and not bar.revoke_button.disabled and bar.comment.value == ""

    bar.revoke_button.click()
    assert ws.get_deliverable(item_id).state == "draft"
    assert ws.list_review_events(item_id)[-1].action == "revoke"

    bar.request_button.click()  # no comment: refused, naming the field
    assert bar.message.kind == "error" and bar.message.text.startswith("comment:")
    assert ws.get_deliverable(item_id).state == "draft"
    bar.comment.value = "Name the opening hours."
    bar.request_button.click()
    item = ws.get_deliverable(item_id)
    assert item.state == "changes_requested"
    assert ws.list_review_events(item_id)[-1].comment == "Name the opening hours."
    assert bar.request_button.disabled and "changes requested" in bar.header.value


def test_without_a_reviewer_name_the_bar_asks_for_one(ws, plain_campaign):
    services = Services(workspace=ws, reviewer=None)
    item_id = document(ws, plain_campaign)
    bar = ApprovalBar(services, item_id)
    assert bar.reviewer.fixed is None and bar.reviewer in bar.children
    assert bar.approve_button.disabled and "name as reviewer" in bar.reason.text
    bar.reviewer.text.value = "Priya"
    assert not bar.approve_button.disabled
    bar.approve_button.click()
    assert ws.list_review_events(item_id)[-1].actor == "Priya"


def test_the_reviewer_comes_from_jupyterhub_before_aicmo_reviewer(ws, monkeypatch):
    monkeypatch.setenv("AICMO_REVIEWER", "desk")
    assert Services(workspace=ws).reviewer == "desk"
    monkeypatch.setenv("JUPYTERHUB_USER", "hub-user")
    services = Services(workspace=ws)
    assert services.reviewer == "hub-user"
    field = ReviewerField(services.reviewer)
    assert field.name == "hub-user" and "Reviewing as" in field.children[0].value


def test_approving_a_version_someone_replaced_meanwhile_is_refused(ws, services, plain_campaign):
    item_id = document(ws, plain_campaign)
    bar = ApprovalBar(services, item_id)
    with Workspace.open() as other:
        workflow.edit(other, item_id, "# Notes\n\nA newer text nobody here has read.", base_version=1, editor="sam")
    bar.approve_button.click()
    assert ws.get_deliverable(item_id).state == "revised"  # v2 was not approved unseen
    assert bar.message.kind == "error" and "sam" in bar.message.text and bar.message.trace_id
    assert bar.item.current_version == 2  # the bar re-read the workspace
