"""The workflow: generate, edit, approve, request changes, revoke, reset, gates and flags, on both backends."""

from __future__ import annotations

import pytest
from fixtures_store import approve_all, generate, item, make_campaign

from aicmo_kernel import workflow as wf
from aicmo_kernel.errors import ConflictError, GateError, NotFoundError, QCBlockedError, ValidationError, WorkflowError
from aicmo_kernel.modules import module_names
from aicmo_kernel.schemas import create_failed_envelope, create_success_envelope

LONG_X_POST = ("Spring trails are open and our waterproof boots are ready for every muddy mile. " * 4).strip()


@pytest.fixture
def campaign(workspace):
    return make_campaign(workspace).name


def only(ws, campaign, module):
    [deliverable] = ws.list_deliverables(campaign, module)
    return deliverable


def test_generation_creates_a_run_and_draft_v1_deliverables(workspace, campaign):
    run = generate(workspace, campaign, "intake")
    items = workspace.list_deliverables(campaign, "intake")
    assert [d.title for d in items] == ["intake part one", "intake part two"]
    first = items[0]
    assert (first.state, first.current_version, first.approved_version, first.run_id) == ("draft", 1, None, run.id)
    assert first.campaign == campaign and "Concrete" in first.content_markdown
    [v1] = workspace.get_versions(first.id)
    assert (v1.version, v1.source, v1.author) == (1, "generated", "analyst")
    actions = [a.action for a in workspace.audit_log(first.id)]
    assert actions == ["deliverable.generated"]
    assert [a.to_state for a in workspace.audit_log(run.id)] == ["SUCCESS"]
    status = wf.module_status(workspace, campaign, "intake")
    assert status["state"] == "in_review" and status["counts"]["draft"] == 2 and status["last_run_id"] == run.id


def test_failed_generation_is_stored_with_its_error_and_keeps_earlier_deliverables(workspace, campaign):
    failed = create_failed_envelope("intake", "RATE_LIMIT", "OpenAI said slow down", provider="openai", model="gpt")
    run = wf.record_generation(workspace, campaign=campaign, module="intake", inputs={}, envelope=failed,
                               attempts=[{"provider": "openai", "error": "429"}], prompt_hash="h", latency_ms=5,
                               actor="analyst")
    assert workspace.get_run(run.id).error_type == "RATE_LIMIT"
    status = wf.module_status(workspace, campaign, "intake")
    assert status["state"] == "failed" and status["last_error"]["message"] == "OpenAI said slow down"
    with pytest.raises(GateError, match="intake is not approved \\(its last generation failed\\)"):
        wf.check_gate(workspace, campaign, "strategy")
    generate(workspace, campaign, "intake")
    wf.record_generation(workspace, campaign=campaign, module="intake", inputs={}, envelope=create_failed_envelope(
        "intake", "TIMEOUT", "too slow"), attempts=[], prompt_hash="h", latency_ms=5, actor="analyst")
    assert len(workspace.list_deliverables(campaign, "intake")) == 2  # a failure supersedes nothing
    assert wf.module_status(workspace, campaign, "intake")["state"] == "in_review"


def test_regeneration_supersedes_but_keeps_the_earlier_deliverables(workspace, campaign):
    generate(workspace, campaign, "intake")
    old = workspace.list_deliverables(campaign, "intake")
    wf.edit(workspace, old[0].id, "Edited before the rerun.", base_version=1, editor="alice")
    generate(workspace, campaign, "intake", [item("Fresh summary")])
    assert [d.title for d in workspace.list_deliverables(campaign, "intake")] == ["Fresh summary"]
    everything = workspace.list_deliverables(campaign, "intake", include_superseded=True)
    assert {d.state for d in everything if d.id in {o.id for o in old}} == {"superseded"}
    assert len(workspace.get_versions(old[0].id)) == 2
    with pytest.raises(WorkflowError, match="replaced by a later generation"):
        wf.edit(workspace, old[0].id, "Too late.", base_version=2, editor="alice")
    assert wf.module_status(workspace, campaign, "intake")["counts"]["superseded"] == 2


def test_envelope_for_another_module_is_refused(workspace, campaign):
    envelope = create_success_envelope("strategy", [item("Plan")], provider="offline", model="m")
    with pytest.raises(ValidationError) as info:
        wf.record_generation(workspace, campaign=campaign, module="intake", inputs={}, envelope=envelope,
                             attempts=[], prompt_hash="h", latency_ms=1, actor="analyst")
    assert info.value.field == "module"
    assert workspace.list_runs(campaign) == []


def test_reused_deliverable_ids_do_not_overwrite_earlier_deliverables(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Summary", id="summary")])
    generate(workspace, campaign, "intake", [item("Summary again", id="summary")])
    old = workspace.get_deliverable("summary")
    assert (old.title, old.state) == ("Summary", "superseded")
    new = only(workspace, campaign, "intake")
    assert new.id != "summary" and new.metadata["envelope_deliverable_id"] == "summary"


def test_edit_saves_a_revised_version_and_nothing_is_lost(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Summary", "Original text.")])
    d = only(workspace, campaign, "intake")
    edited = wf.edit(workspace, d.id, "Better text.", base_version=1, editor="alice", title="Client summary",
                     hashtags=["#spring"])
    assert (edited.state, edited.current_version, edited.title, edited.hashtags) == ("revised", 2, "Client summary", ["#spring"])
    assert edited.content_markdown == "Better text." and edited.updated_by == "alice"
    versions = workspace.get_versions(d.id)
    assert [(v.version, v.source, v.content_markdown) for v in versions] == [
        (1, "generated", "Original text."), (2, "edited", "Better text.")]
    assert workspace.get_version(d.id, 1).content_markdown == "Original text."
    with pytest.raises(NotFoundError) as info:
        workspace.get_version(d.id, 9)
    assert info.value.field == "version" and "1 to 2" in str(info.value)
    audit = workspace.audit_log(d.id)
    assert [(a.action, a.from_state, a.to_state) for a in audit][-1] == ("deliverable.edited", "draft", "revised")


def test_blank_or_huge_edits_are_refused_and_write_nothing(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Summary")])
    d = only(workspace, campaign, "intake")
    for content, field in (("   ", "content_markdown"), ("x" * 1_000_000, "content_markdown")):
        with pytest.raises(ValidationError) as info:
            wf.edit(workspace, d.id, content, base_version=1, editor="alice")
        assert info.value.field == field
    with pytest.raises(ValidationError) as info:
        wf.edit(workspace, d.id, "Fine text.", base_version=1, editor=" ")
    assert info.value.field == "editor"
    assert len(workspace.get_versions(d.id)) == 1 and workspace.get_deliverable(d.id).state == "draft"


def test_stale_save_is_refused_with_who_and_when(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Summary")])
    d = only(workspace, campaign, "intake")
    wf.edit(workspace, d.id, "Alice's text.", base_version=1, editor="alice")
    with pytest.raises(ConflictError) as info:
        wf.edit(workspace, d.id, "Bob's text.", base_version=1, editor="bob")
    message = str(info.value)
    assert message.startswith("Version 2 was saved by alice at ") and " UTC after you opened version 1" in message
    assert "reload, reapply your change and save again" in message
    assert info.value.details["current_version"] == 2 and info.value.details["saved_by"] == "alice"
    assert info.value.details["saved_at"]
    assert [v.author for v in workspace.get_versions(d.id)] == ["analyst", "alice"]
    retried = wf.edit(workspace, d.id, "Bob's text.", base_version=2, editor="bob")
    assert retried.current_version == 3
    with pytest.raises(ConflictError, match="does not exist"):
        wf.edit(workspace, d.id, "From the future.", base_version=7, editor="bob")


def test_approval_needs_qc_without_blockers_and_passes_after_the_fix(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Launch post", LONG_X_POST, kind="social_post", platform="X")])
    d = only(workspace, campaign, "intake")
    assert len(d.content_markdown) > 280
    with pytest.raises(QCBlockedError) as info:
        wf.approve(workspace, d.id, version=1, reviewer="rita")
    assert "[platform_length]" in str(info.value) and "280" in str(info.value)
    [blocker] = info.value.details["blockers"]
    assert workspace.get_deliverable(d.id).state == "draft" and workspace.list_review_events(d.id) == []
    fixed = wf.edit(workspace, d.id, blocker["fix"], base_version=1, editor="alice")
    approved = wf.approve(workspace, d.id, version=fixed.current_version, reviewer="rita", comment="Good.")
    assert (approved.state, approved.approved_version) == ("approved", 2)
    [event] = workspace.list_review_events(d.id)
    assert (event.action, event.actor, event.version, event.comment, event.by_policy) == ("approve", "rita", 2, "Good.", None)
    assert wf.is_module_approved(workspace, campaign, "intake")
    with pytest.raises(WorkflowError, match="already approved"):
        wf.approve(workspace, d.id, version=2, reviewer="rita")


def test_approval_of_a_stale_version_is_a_conflict(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Summary")])
    d = only(workspace, campaign, "intake")
    wf.edit(workspace, d.id, "New text.", base_version=1, editor="alice")
    with pytest.raises(ConflictError, match="Version 2 was saved by alice"):
        wf.approve(workspace, d.id, version=1, reviewer="rita")
    assert workspace.get_deliverable(d.id).state == "revised"


def test_policy_approvals_are_recorded_as_made_by_the_policy(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Summary")])
    d = only(workspace, campaign, "intake")
    with pytest.raises(wf.PolicyError):  # no stored policy: manual, which approves nothing by itself
        wf.approve(workspace, d.id, version=1, reviewer="autonomy-policy", by_policy="autonomy:full")
    wf.set_policy(workspace, campaign, level="full", qc_threshold=0, auto_approve_kinds="all", actor="rita")
    wf.approve(workspace, d.id, version=1, reviewer="autonomy-policy", by_policy="autonomy:full")
    [event] = workspace.list_review_events(d.id)
    assert event.by_policy == "autonomy:full"
    assert workspace.audit_log(d.id)[-1].details["by_policy"] == "autonomy:full"


def test_editing_an_approved_deliverable_withdraws_the_module_approval(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Summary")])
    d = only(workspace, campaign, "intake")
    wf.approve(workspace, d.id, version=1, reviewer="rita")
    wf.check_gate(workspace, campaign, "strategy")  # open
    edited = wf.edit(workspace, d.id, "Changed after approval.", base_version=1, editor="alice")
    assert (edited.state, edited.current_version, edited.approved_version) == ("revised", 2, 1)
    assert not wf.is_module_approved(workspace, campaign, "intake")
    with pytest.raises(GateError, match="0 of 1 deliverables approved"):
        wf.check_gate(workspace, campaign, "strategy")
    assert workspace.audit_log(d.id)[-1].details["approval_withdrawn"] is True


def test_request_changes_needs_a_comment(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Summary")])
    d = only(workspace, campaign, "intake")
    with pytest.raises(ValidationError) as info:
        wf.request_changes(workspace, d.id, version=1, reviewer="rita", comment="  ")
    assert info.value.field == "comment"
    back = wf.request_changes(workspace, d.id, version=1, reviewer="rita", comment="Mention the warranty.")
    assert back.state == "changes_requested"
    with pytest.raises(WorkflowError, match="already requested"):
        wf.request_changes(workspace, d.id, version=1, reviewer="rita", comment="Again.")
    assert wf.edit(workspace, d.id, "With the warranty.", base_version=1, editor="alice").state == "revised"
    assert [e.action for e in workspace.list_review_events(d.id)] == ["request_changes"]


def test_revoke_only_withdraws_an_approval(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Summary")])
    d = only(workspace, campaign, "intake")
    with pytest.raises(WorkflowError, match="not approved"):
        wf.revoke(workspace, d.id, reviewer="rita")
    wf.approve(workspace, d.id, version=1, reviewer="rita")
    revoked = wf.revoke(workspace, d.id, reviewer="rita", comment="Legal wants another look.")
    assert (revoked.state, revoked.approved_version) == ("draft", 1)
    assert not wf.is_module_approved(workspace, campaign, "intake")
    assert [e.action for e in workspace.list_review_events(d.id)] == ["approve", "revoke"]
    note = wf.add_comment(workspace, d.id, reviewer="lee", comment="Agree with legal.")
    assert (note.action, note.version) == ("comment", 1)
    assert workspace.get_deliverable(d.id).state == "draft"


def test_reset_to_an_earlier_version_adds_a_version(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Summary", "First words.")])
    d = only(workspace, campaign, "intake")
    wf.edit(workspace, d.id, "Second words.", base_version=1, editor="alice", title="Renamed")
    reset = wf.reset_to_version(workspace, d.id, to_version=1, base_version=2, editor="bob")
    assert (reset.current_version, reset.content_markdown, reset.title, reset.state) == (3, "First words.", "Summary", "revised")
    v3 = workspace.get_version(d.id, 3)
    assert (v3.source, v3.based_on_version, v3.author) == ("reset", 1, "bob")
    assert len(workspace.get_versions(d.id)) == 3
    with pytest.raises(ConflictError):
        wf.reset_to_version(workspace, d.id, to_version=2, base_version=2, editor="bob")


def test_gates_name_each_upstream_module_and_why(workspace, campaign):
    with pytest.raises(GateError) as info:
        wf.check_gate(workspace, campaign, "strategy")
    assert "intake is not approved (not generated yet)" in str(info.value)
    assert info.value.details["blocked_by"] == {"intake": "not generated yet"}
    wf.check_gate(workspace, campaign, "intake")  # no upstream
    generate(workspace, campaign, "intake")
    first = workspace.list_deliverables(campaign, "intake")[0]
    wf.approve(workspace, first.id, version=1, reviewer="rita")
    with pytest.raises(GateError, match="1 of 2 deliverables approved"):
        wf.check_gate(workspace, campaign, "strategy")
    approve_all(workspace, campaign, "intake")
    wf.check_gate(workspace, campaign, "strategy")
    generate(workspace, campaign, "strategy")
    approve_all(workspace, campaign, "strategy")
    with pytest.raises(GateError) as info:
        wf.check_gate(workspace, campaign, "execution")
    assert set(info.value.details["blocked_by"]) == {"creatives"}
    assert "creatives is not approved (not generated yet)" in str(info.value)
    with pytest.raises(NotFoundError):
        wf.check_gate(workspace, campaign, "no-such-module")


def _approved_chain(ws, campaign):
    for module in ("intake", "strategy", "creatives"):
        generate(ws, campaign, module)
        approve_all(ws, campaign, module)


def test_newer_upstream_approval_flags_approved_downstream_deliverables(workspace, campaign):
    _approved_chain(workspace, campaign)
    intake = workspace.list_deliverables(campaign, "intake")[0]
    wf.edit(workspace, intake.id, "Updated client facts.", base_version=1, editor="alice")
    assert not any(d.needs_review for d in workspace.list_deliverables(campaign))  # not approved yet
    wf.approve(workspace, intake.id, version=2, reviewer="rita")
    for module in ("strategy", "creatives"):  # direct and transitive downstream
        for d in workspace.list_deliverables(campaign, module):
            assert d.needs_review and d.state == "approved"
            assert intake.id in d.needs_review_reason and "v2" in d.needs_review_reason
        assert wf.module_status(workspace, campaign, module)["state"] == "needs_review"
    assert not any(d.needs_review for d in workspace.list_deliverables(campaign, "intake"))
    strategy = workspace.list_deliverables(campaign, "strategy")[0]
    confirmed = wf.approve(workspace, strategy.id, version=1, reviewer="rita", comment="Still fits.")
    assert not confirmed.needs_review and confirmed.needs_review_reason is None
    flags = [a for a in workspace.audit_log(strategy.id) if a.action == "deliverable.flagged_for_review"]
    assert flags and flags[0].details["upstream"] == [{"id": intake.id, "version": 2}]


def test_reapproving_the_same_upstream_version_flags_nothing(workspace, campaign):
    _approved_chain(workspace, campaign)
    intake = workspace.list_deliverables(campaign, "intake")[0]
    wf.revoke(workspace, intake.id, reviewer="rita")
    wf.approve(workspace, intake.id, version=1, reviewer="rita")
    assert not any(d.needs_review for d in workspace.list_deliverables(campaign))


def test_approved_upstream_gives_the_approved_versions_in_full(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Summary", "Approved words."), item("Personas", "Draft words.")])
    summary, personas = workspace.list_deliverables(campaign, "intake")
    wf.approve(workspace, summary.id, version=1, reviewer="rita")
    wf.edit(workspace, personas.id, "Still being edited.", base_version=1, editor="alice")
    upstream = wf.approved_upstream(workspace, campaign, "strategy")
    assert list(upstream) == ["intake"]
    [entry] = upstream["intake"]
    assert (entry["id"], entry["version"], entry["content_markdown"], entry["title"]) == (
        summary.id, 1, "Approved words.", "Summary")
    assert set(entry) == {"id", "kind", "title", "platform", "hashtags", "metadata", "version", "content_markdown"}
    assert wf.approved_upstream(workspace, campaign, "intake") == {}


def test_campaign_status_covers_the_nine_modules_in_order(workspace, campaign):
    generate(workspace, campaign, "intake")
    approve_all(workspace, campaign, "intake")
    generate(workspace, campaign, "strategy")
    statuses = wf.campaign_status(workspace, campaign)
    assert [s["module"] for s in statuses] == module_names()
    by_name = {s["module"]: s for s in statuses}
    assert by_name["intake"]["state"] == "approved" and by_name["intake"]["counts"]["approved"] == 2
    assert by_name["strategy"]["state"] == "in_review" and by_name["strategy"]["provider"] == "offline"
    assert by_name["creatives"]["state"] == "not_started" and by_name["creatives"]["gate_open"] is False
    assert by_name["learn"]["gate_open"] is True


def test_every_change_leaves_an_audit_row_in_order(workspace, campaign):
    generate(workspace, campaign, "intake", [item("Summary")])
    d = only(workspace, campaign, "intake")
    wf.edit(workspace, d.id, "Edited.", base_version=1, editor="alice")
    wf.approve(workspace, d.id, version=2, reviewer="rita")
    wf.revoke(workspace, d.id, reviewer="rita")
    wf.request_changes(workspace, d.id, version=2, reviewer="rita", comment="Shorter.")
    wf.reset_to_version(workspace, d.id, to_version=1, base_version=2, editor="alice")
    rows = workspace.audit_log(d.id)
    assert [(r.action, r.actor, r.from_state, r.to_state) for r in rows] == [
        ("deliverable.generated", "analyst", None, "draft"),
        ("deliverable.edited", "alice", "draft", "revised"),
        ("deliverable.approved", "rita", "revised", "approved"),
        ("deliverable.revoke", "rita", "approved", "revised"),
        ("deliverable.request_changes", "rita", "revised", "changes_requested"),
        ("deliverable.reset", "alice", "changes_requested", "revised"),
    ]
    assert [r.id for r in rows] == sorted(r.id for r in rows)
    assert all(r.at.tzinfo is not None for r in rows)
    assert workspace.audit_log(limit=2)[-1].id == rows[-1].id
