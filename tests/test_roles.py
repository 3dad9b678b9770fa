"""Roles enforced in the workflow under a hub: who may generate, edit, approve, change policies and
rules; four-eyes; the client stage; every row names the signed-in person. On both backends."""

from __future__ import annotations

import pytest
from fixtures_store import generate, item, make_campaign

from aicmo_kernel import workflow as wf
from aicmo_kernel.errors import PermissionDeniedError, WorkflowError
from aicmo_kernel.identity import Identity
from aicmo_kernel.learn.memory import add_rule

REVIEWERS, ANALYSTS, ADMINS = ["aicmo-reviewers"], ["aicmo-analysts"], ["aicmo-admins"]
CLIENT_A = ["client-acme-outdoor"]


@pytest.fixture
def drafts(workspace, hub):
    """Campaign "Spring launch" (brand Acme Outdoor) with intake drafts written by analyst ann,
    and campaign "Bolt spring" (brand Bolt Bikes) with drafts too."""
    make_campaign(workspace)
    make_campaign(workspace, "Bolt spring", brand="Bolt Bikes")
    hub.sign_in("ann", ANALYSTS)
    generate(workspace, "Spring launch", "intake", actor="ann")
    generate(workspace, "Bolt spring", "intake", actor="ann")
    return workspace.list_deliverables("Spring launch", "intake")


def _events(ws, deliverable_id):
    return [(e.action, e.actor) for e in ws.list_review_events(deliverable_id)]


def test_generation_records_the_signed_in_analyst_and_reviewers_cannot_generate(workspace, hub, drafts):
    [v1] = workspace.get_versions(drafts[0].id)
    assert v1.author == "ann"
    hub.sign_in("sam", ANALYSTS)
    generate(workspace, "Spring launch", "strategy", actor="analyst")  # the code's default label
    [strategy] = workspace.list_deliverables("Spring launch", "strategy")[:1]
    assert workspace.get_versions(strategy.id)[0].author == "sam"
    hub.sign_in("rita", REVIEWERS)
    with pytest.raises(PermissionDeniedError, match="rita may not generate drafts: only analysts or admins"):
        generate(workspace, "Spring launch", "strategy", actor="rita")
    assert len(workspace.list_runs("Spring launch", "strategy")) == 1


def test_a_reviewer_approves_and_every_row_names_them(workspace, hub, drafts):
    hub.sign_in("rita", REVIEWERS)
    done = wf.approve(workspace, drafts[0].id, version=1, reviewer="rita")
    assert (done.state, done.updated_by) == ("approved", "rita")
    assert _events(workspace, drafts[0].id) == [("approve", "rita")]
    audit = workspace.audit_log(drafts[0].id)
    assert (audit[-1].action, audit[-1].actor) == ("deliverable.approved", "rita")


def test_a_forged_reviewer_name_is_refused_and_nothing_is_written(workspace, hub, drafts):
    hub.sign_in("rita", REVIEWERS)
    with pytest.raises(PermissionDeniedError, match="signed in as rita.*not 'boss'"):
        wf.approve(workspace, drafts[0].id, version=1, reviewer="boss")
    with pytest.raises(PermissionDeniedError, match="signed in as rita"):
        wf.approve(workspace, drafts[0].id, version=1,
                   reviewer=Identity("boss", frozenset(ADMINS), signed_in=True))
    assert workspace.get_deliverable(drafts[0].id).state == "draft"
    assert _events(workspace, drafts[0].id) == []


def test_the_analysts_approve_is_refused_in_the_workflow(workspace, hub, drafts):
    hub.sign_in("ann", ANALYSTS)
    for attempt in (
        lambda: wf.approve(workspace, drafts[0].id, version=1, reviewer="ann"),
        lambda: wf.request_changes(workspace, drafts[0].id, version=1, reviewer="ann", comment="tighten"),
    ):
        with pytest.raises(PermissionDeniedError, match="only reviewers or admins may"):
            attempt()
    assert workspace.get_deliverable(drafts[0].id).state == "draft" and _events(workspace, drafts[0].id) == []
    # and the analyst's identity, handed in directly (no hub: as a test or a script would)
    hub.monkeypatch.delenv("JUPYTERHUB_API_URL")
    analyst = Identity("ann", frozenset(ANALYSTS), signed_in=True)
    with pytest.raises(PermissionDeniedError, match="ann may not approve"):
        wf.approve(workspace, drafts[0].id, version=1, reviewer=analyst)
    # the analyst edits and comments
    hub.sign_in("ann", ANALYSTS)
    edited = wf.edit(workspace, drafts[0].id, "# Better\n\nSharper text.", base_version=1, editor="ann")
    wf.add_comment(workspace, drafts[0].id, reviewer="ann", comment="ready for review")
    assert edited.updated_by == "ann" and _events(workspace, drafts[0].id) == [("comment", "ann")]


def test_revoke_is_for_reviewers_and_admins(workspace, hub, drafts):
    hub.sign_in("ada", ADMINS)
    wf.approve(workspace, drafts[0].id, version=1, reviewer="ada")
    hub.sign_in("ann", ANALYSTS)
    with pytest.raises(PermissionDeniedError):
        wf.revoke(workspace, drafts[0].id, reviewer="ann")
    hub.sign_in("rita", REVIEWERS)
    assert wf.revoke(workspace, drafts[0].id, reviewer="rita", comment="wrong offer").state == "draft"
    assert _events(workspace, drafts[0].id) == [("approve", "ada"), ("revoke", "rita")]


def test_four_eyes_nobody_approves_a_version_they_wrote(workspace, hub, drafts):
    hub.sign_in("rita", REVIEWERS)
    with pytest.raises(PermissionDeniedError, match="brand_rules|only admins"):
        wf.set_four_eyes(workspace, "Acme Outdoor", enabled=True, actor="rita")
    hub.sign_in("ada", ADMINS)
    assert wf.set_four_eyes(workspace, "Acme Outdoor", enabled=True, actor="ada").four_eyes
    hub.sign_in("ruth", REVIEWERS)  # reviewer 2 edits
    edited = wf.edit(workspace, drafts[0].id, "# Fixed\n\nClearer text.", base_version=1, editor="ruth")
    with pytest.raises(PermissionDeniedError, match="four-eyes rule: ruth wrote version 2"):
        wf.approve(workspace, drafts[0].id, version=edited.current_version, reviewer="ruth")
    assert workspace.get_deliverable(drafts[0].id).state == "revised"
    wf.approve(workspace, drafts[1].id, version=1, reviewer="ruth")  # ann wrote that one
    hub.sign_in("rita", REVIEWERS)  # reviewer 1 approves reviewer 2's version
    assert wf.approve(workspace, drafts[0].id, version=2, reviewer="rita").state == "approved"
    # another brand has no such rule
    hub.sign_in("ann", ANALYSTS)
    bolt = workspace.list_deliverables("Bolt spring", "intake")[0]
    wf.edit(workspace, bolt.id, "# Mine\n\nText.", base_version=1, editor="ann")
    audit = [a for a in workspace.audit_log() if a.action == "brand.four_eyes"]
    assert [(a.actor, a.details["after"]) for a in audit] == [("ada", True)]


def test_policies_and_brand_rules_are_for_admins(workspace, hub, drafts):
    hub.sign_in("rita", REVIEWERS)
    with pytest.raises(PermissionDeniedError, match="rita may not change autonomy policies: only admins"):
        wf.set_policy(workspace, "Spring launch", level="full", qc_threshold=50, auto_approve_kinds="all",
                      actor="rita")
    with pytest.raises(PermissionDeniedError, match="only admins"):
        add_rule(workspace, "Acme Outdoor", "Never promise next-day delivery.", source="manual", actor="rita")
    hub.sign_in("ada", ADMINS)
    stored = wf.set_policy(workspace, "Spring launch", level="semi", qc_threshold=70, auto_approve_kinds="all",
                           actor="cli:aicmo run")  # a label from code is replaced by the person
    assert stored.updated_by == "ada"
    assert add_rule(workspace, "Acme Outdoor", "Never promise next-day delivery.", source="manual",
                    actor="ada").created_by == "ada"


def test_approving_a_policy_document_or_memory_rules_takes_an_admin(workspace, hub, drafts):
    hub.sign_in("ann", ANALYSTS)
    generate(workspace, "Spring launch", "learn", [item("Rules", "- Say trail, not track.", kind="memory_rules")],
             actor="ann")
    [rules] = workspace.list_deliverables("Spring launch", "learn")
    hub.sign_in("rita", REVIEWERS)
    with pytest.raises(PermissionDeniedError, match="rita may not change brand rules"):
        wf.approve(workspace, rules.id, version=1, reviewer="rita")
    hub.sign_in("ada", ADMINS)
    assert wf.approve(workspace, rules.id, version=1, reviewer="ada").state == "approved"


def test_policy_approvals_need_someone_who_may_run_the_campaign(workspace, hub, drafts):
    hub.sign_in("ada", ADMINS)
    wf.set_policy(workspace, "Spring launch", level="full", qc_threshold=0, auto_approve_kinds="all", actor="ada")
    hub.sign_in("rita", REVIEWERS)
    with pytest.raises(PermissionDeniedError, match="rita may not generate"):
        wf.approve(workspace, drafts[0].id, version=1, reviewer="autonomy:full", by_policy="autonomy:full")
    hub.sign_in("ann", ANALYSTS)
    done = wf.approve(workspace, drafts[0].id, version=1, reviewer="autonomy:full", by_policy="autonomy:full")
    assert done.updated_by == "autonomy:full"
    approved = workspace.audit_log(drafts[0].id)[-1]
    assert (approved.actor, approved.details["run_by"]) == ("autonomy:full", "ann")


def test_the_client_stage(workspace, hub, drafts):
    bolt = workspace.list_deliverables("Bolt spring", "intake")[0]
    hub.sign_in("ada", ADMINS)
    wf.set_client_review(workspace, "Spring launch", enabled=True, actor="ada")
    wf.set_client_review(workspace, "Bolt spring", enabled=True, actor="ada")
    hub.sign_in("rita", REVIEWERS)
    approved = wf.approve(workspace, drafts[0].id, version=1, reviewer="rita")
    assert (approved.state, approved.client_state) == ("approved", "waiting")
    wf.approve(workspace, bolt.id, version=1, reviewer="rita")
    with pytest.raises(PermissionDeniedError, match="rita may not review as the client"):
        wf.client_approve(workspace, drafts[0].id, version=1, reviewer="rita")

    hub.sign_in("carla", CLIENT_A)
    # another brand's item: refused, naming nothing of it
    for attempt in (lambda: wf.client_approve(workspace, bolt.id, version=1, reviewer="carla"),
                    lambda: wf.request_changes(workspace, bolt.id, version=1, reviewer="carla", comment="no"),
                    lambda: wf.add_comment(workspace, bolt.id, reviewer="carla", comment="hello")):
        with pytest.raises(PermissionDeniedError, match="^carla may not see this item$"):
            attempt()
    with pytest.raises(PermissionDeniedError):  # a client neither approves internally nor edits
        wf.approve(workspace, drafts[1].id, version=1, reviewer="carla")
    with pytest.raises(PermissionDeniedError):
        wf.edit(workspace, drafts[1].id, "# Mine", base_version=1, editor="carla")
    with pytest.raises(WorkflowError, match="not approved internally yet"):
        wf.client_approve(workspace, drafts[1].id, version=1, reviewer="carla")
    done = wf.client_approve(workspace, drafts[0].id, version=1, reviewer="carla", comment="Lovely")
    assert (done.state, done.client_state, done.client_by, done.client_version) == ("approved", "approved", "carla", 1)
    assert _events(workspace, drafts[0].id) == [("approve", "rita"), ("client_approve", "carla")]
    assert workspace.get_deliverable(bolt.id).client_state == "waiting"

    # an edit after the client's approval needs both approvals again
    hub.sign_in("ann", ANALYSTS)
    edited = wf.edit(workspace, drafts[0].id, "# New\n\nNew text.", base_version=1, editor="ann")
    assert (edited.state, edited.client_state) == ("revised", None)
    hub.sign_in("rita", REVIEWERS)
    assert wf.approve(workspace, drafts[0].id, version=2, reviewer="rita").client_state == "waiting"
    hub.sign_in("carla", CLIENT_A)
    sent_back = wf.request_changes(workspace, drafts[0].id, version=2, reviewer="carla", comment="Price is wrong")
    assert (sent_back.state, sent_back.client_state) == ("changes_requested", None)


def test_exports_say_which_items_still_wait_for_the_client(workspace, hub, drafts):
    from aicmo_kernel.export.campaign import export_campaign
    from aicmo_kernel.export.model import CLIENT_WAITING_LABEL
    from aicmo_kernel.export.preflight import preflight

    hub.sign_in("ada", ADMINS)
    wf.set_client_review(workspace, "Spring launch", enabled=True, actor="ada")
    hub.sign_in("rita", REVIEWERS)
    for draft in drafts:
        wf.approve(workspace, draft.id, version=1, reviewer="rita")
    hub.sign_in("carla", CLIENT_A)
    wf.client_approve(workspace, drafts[0].id, version=1, reviewer="carla")

    markdown = export_campaign(workspace, "Spring launch", "md", module="intake").data.decode()
    first, second = (markdown.split(f"### {workspace.get_deliverable(d.id).title}")[1].split("\n")[2]
                     for d in drafts)
    assert "approved by the client (carla)" in first and CLIENT_WAITING_LABEL not in first
    assert CLIENT_WAITING_LABEL in second and "approved by rita" in second
    exported = export_campaign(workspace, "Spring launch", "json", module="intake").included
    assert [i["client_waiting"] for i in exported] == [False, True]

    views = workspace.list_deliverables("Spring launch", "intake")
    from aicmo_kernel.export.branding import Branding
    check = {c["check"]: c for c in preflight(workspace, "Spring launch", views, branding=Branding()).checks}["client"]
    assert (check["passed"], check["blocking"]) == (False, False)
    assert check["details"].startswith("1 item still waits for the client's approval")
    assert workspace.get_deliverable(drafts[1].id).title in check["details"]


def test_outside_a_hub_nothing_changes(workspace):
    make_campaign(workspace)
    generate(workspace, "Spring launch", "intake")
    [first, _] = workspace.list_deliverables("Spring launch", "intake")
    done = wf.approve(workspace, first.id, version=1, reviewer="analyst")  # the writer approves: allowed
    assert done.updated_by == "analyst"
