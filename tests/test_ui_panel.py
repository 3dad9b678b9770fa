"""The module panel: its parts wired together, and a picker when no campaign is given."""

from __future__ import annotations

from test_ui_support import long_post, x_post

from aicmo_kernel.ui import module_panel

pytest_plugins = ["test_ui_support"]


def test_without_a_campaign_the_panel_follows_its_picker(ws, services, plain_campaign):
    panel = module_panel("intake", services=services)
    assert panel.picker is not None and panel.picker in panel.children
    assert panel.campaign == "demo" and panel.inputs.value["client_name"] == "Rotaly"
    panel.picker.brand.value = "Plainfield Bakery"
    assert panel.campaign == "autumn"
    assert panel.generate_bar.campaign == panel.editors.campaign == panel.exports.campaign == "autumn"
    assert panel.inputs.value["client_name"] == "Plainfield Bakery"  # pre-filled from the new brand
    assert "autumn" in panel.status.value


def test_a_save_in_the_editor_updates_the_approval_bar_and_a_review_the_editor(ws, services, plain_campaign):
    item_id = x_post(ws, plain_campaign, long_post())
    panel = module_panel("creatives", campaign=plain_campaign, services=services)
    editor, bar = panel.editors.items[0], panel.approval.bar_for(item_id)
    assert bar is not None and bar.approve_button.disabled
    editor.fix_buttons[0].click()
    editor.save_button.click()
    assert bar.item.current_version == 2 and not bar.approve_button.disabled
    bar.approve_button.click()
    assert "approved" in editor.header.value  # the untouched editor followed the new state
    assert "approved" in panel.status.value and "1 of 1 approved" in panel.status.value
    everything = panel.everything()
    assert panel.editors in everything.children and panel.exports in everything.children
