"""The self-test drivers the notebooks call under nbval, and their environment switch."""

from __future__ import annotations

import pytest

from aicmo_kernel.ui import module_panel, review_queue, selftest

pytest_plugins = ["test_ui_support"]


def test_the_drivers_do_nothing_unless_the_variable_is_set(ws, services, monkeypatch):
    monkeypatch.delenv(selftest.SELFTEST_VARIABLE, raising=False)
    panel = module_panel("intake", campaign="demo", services=services)
    assert selftest.maybe_drive_module_panel(panel) is None
    assert selftest.maybe_drive_review_queue(review_queue(services)) is None
    assert ws.list_runs("demo") == []


def test_drive_module_panel_walks_generate_edit_approve_export(ws, services, monkeypatch):
    monkeypatch.setenv(selftest.SELFTEST_VARIABLE, "1")
    panel = module_panel("intake", campaign="demo", services=services)
    summary = selftest.maybe_drive_module_panel(panel)
    assert summary["provider"] == "offline" and summary["deliverables"] == summary["approved"] >= 3
    stored = ws.list_deliverables(campaign="demo", module="intake")
    assert {d.state for d in stored} == {"approved"}
    edited = ws.get_deliverable(summary["edited"])
    assert edited.current_version == 2 and selftest.EDIT_NOTE in edited.content_markdown
    assert "demo-intake.md" in summary["exports"] and "demo-intake.json" in summary["exports"]


def test_drive_review_queue_sends_the_first_item_back(ws, services):
    from fixtures_store import generate, item

    generate(ws, "demo", "intake", [item("Client summary"), item("Voice guide")])
    summary = selftest.drive_review_queue(review_queue(services))
    assert summary["waiting"] == 2 and summary["sent_back"]
    assert ws.get_deliverable(summary["sent_back"]).state == "changes_requested"


def test_a_failing_step_raises_a_clear_assertion(ws, services):
    panel = module_panel("strategy", campaign="demo", services=services)  # intake not approved
    with pytest.raises(AssertionError, match=r"(?s)strategy: Generate did not start: .*intake: not generated yet"):
        selftest.drive_module_panel(panel)
